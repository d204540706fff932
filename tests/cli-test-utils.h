/* cli-test-utils.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The built xuefactl run on a database in a temporary folder, with its own
 * data folder for profiles */
typedef struct
{
  char *dir;
  char *db;
  char *xuefactl;
} XfCliFixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} XfCliRun;

void      xf_cli_fixture_init  (XfCliFixture *fixture,
                                const char   *name);
void      xf_cli_fixture_clear (XfCliFixture *fixture);
XfCliRun  xf_cli_fixture_run   (XfCliFixture *fixture,
                                gboolean      with_db,
                                const char   *input,
                                ...) G_GNUC_NULL_TERMINATED;
void      xf_cli_run_clear     (XfCliRun     *run);
JsonNode *xf_test_parse_json   (const char   *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XfCliRun, xf_cli_run_clear)

G_END_DECLS
