/* xf-article-view.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-law.h"

G_BEGIN_DECLS

#define XF_TYPE_ARTICLE_VIEW (xf_article_view_get_type ())

G_DECLARE_FINAL_TYPE (XfArticleView, xf_article_view, XF, ARTICLE_VIEW, GtkWidget)

XfDatabase *xf_article_view_get_database   (XfArticleView  *self);
void        xf_article_view_set_database   (XfArticleView  *self,
                                            XfDatabase     *database);
XfLaw      *xf_article_view_get_law        (XfArticleView  *self);
gboolean    xf_article_view_show_law       (XfArticleView  *self,
                                            XfLaw          *law,
                                            gint64          heading_id,
                                            GError        **error);
void        xf_article_view_clear          (XfArticleView  *self);
gboolean    xf_article_view_reveal_article (XfArticleView  *self,
                                            gint64          article_id);
GListModel *xf_article_view_get_items      (XfArticleView  *self);

G_END_DECLS
