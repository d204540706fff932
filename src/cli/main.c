/* main.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-cli.h"

int
main (int   argc,
      char *argv[])
{
  return xf_cli_run (argc, argv);
}
