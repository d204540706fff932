/* xf-test-laws.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-database.h"

G_BEGIN_DECLS

/* A small reader of the statute Markdown in data/laws, for tests and
 * benchmarks that need articles in a database without the importer: titles,
 * #-headings, 第X条 articles and their 款. */

typedef struct
{
  int   level;    /* heading depth (number of #), 0 for an article */
  char *label;    /* 第一章, 第三十二条 */
  char *title;    /* a heading's title */
  char *body;     /* an article's text, 款 joined by newlines */
  int   number;
  int   sub;
} XfTestEntry;

typedef struct
{
  char      *title;
  char      *version_date;
  GPtrArray *entries;  /* XfTestEntry */
  guint      n_articles;
} XfTestLaw;

XfTestLaw *xf_test_law_parse      (const char  *text,
                                   const char  *file_name);
void       xf_test_law_free       (XfTestLaw   *law);
gboolean   xf_test_law_insert     (XfDatabase  *db,
                                   XfTestLaw   *law,
                                   GError     **error);
GPtrArray *xf_test_law_files      (const char  *dir);
gboolean   xf_test_load_laws      (XfDatabase  *db,
                                   const char  *dir,
                                   guint       *n_articles,
                                   GError     **error);
int        xf_test_parse_numeral  (const char  *text,
                                   const char **end);
char      *xf_test_format_numeral (int          n);
const char *xf_test_laws_dir      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfTestLaw, xf_test_law_free)

G_END_DECLS
