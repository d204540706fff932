/* xf-article-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XF_TYPE_ARTICLE_ROW (xf_article_row_get_type ())

G_DECLARE_FINAL_TYPE (XfArticleRow, xf_article_row, XF, ARTICLE_ROW, GtkWidget)

GObject  *xf_article_row_get_item        (XfArticleRow *self);
void      xf_article_row_set_item        (XfArticleRow *self,
                                          GObject      *item);
gboolean  xf_article_row_get_highlighted (XfArticleRow *self);
void      xf_article_row_set_highlighted (XfArticleRow *self,
                                          gboolean      highlighted);

G_END_DECLS
