/* xf-exam-store-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

G_BEGIN_DECLS

static inline const char *
xf_exam_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

G_END_DECLS
