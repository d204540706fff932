/* xf-article.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_TYPE_ARTICLE (xf_article_get_type ())

G_DECLARE_FINAL_TYPE (XfArticle, xf_article, XF, ARTICLE, GObject)

typedef enum
{
  XF_CLAUSE_PARAGRAPH,   /* a 款 */
  XF_CLAUSE_ITEM,        /* a 项: （一）… */
} XfClauseKind;

typedef struct
{
  XfClauseKind  kind;
  char         *text;
} XfClause;

XfArticle  *xf_article_new               (gint64      id,
                                          gint64      law_id,
                                          gint64      heading_id,
                                          guint       number,
                                          guint       sub,
                                          const char *label,
                                          const char *body,
                                          const char *law_title,
                                          const char *heading_path);
gint64      xf_article_get_id            (XfArticle  *self);
gint64      xf_article_get_law_id        (XfArticle  *self);
gint64      xf_article_get_heading_id    (XfArticle  *self);
guint       xf_article_get_number        (XfArticle  *self);
guint       xf_article_get_sub           (XfArticle  *self);
const char *xf_article_get_label         (XfArticle  *self);
const char *xf_article_get_body          (XfArticle  *self);
const char *xf_article_get_law_title     (XfArticle  *self);
const char *xf_article_get_heading_path  (XfArticle  *self);
char       *xf_article_dup_citation      (XfArticle  *self);
char       *xf_article_dup_citation_text (XfArticle  *self);
GArray     *xf_article_dup_clauses       (XfArticle  *self);
gboolean    xf_clause_line_is_item       (const char *line);

G_END_DECLS
