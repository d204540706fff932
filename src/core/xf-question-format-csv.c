/* xf-question-format-csv.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-question-format-private.h"

/* PLACEHOLDER: replaced by the real reader and writer. */
void
xf_question_read_csv (XfQuestionParse *parse,
                      const char      *text,
                      gsize            len)
{
  xf_question_parse_add_problem (parse, 0, NULL, "%s", "not yet readable");
}

GBytes *
xf_question_write_csv (GPtrArray   *questions,
                       const char  *bank_title,
                       GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet writable");
  return NULL;
}
