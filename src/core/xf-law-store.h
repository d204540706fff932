/* xf-law-store.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-article.h"
#include "xf-database.h"
#include "xf-heading.h"
#include "xf-law.h"

G_BEGIN_DECLS

GListModel *xf_law_store_list_laws        (XfDatabase  *db,
                                           GError     **error);
XfLaw      *xf_law_store_get_law          (XfDatabase  *db,
                                           gint64       law_id,
                                           GError     **error);
GListModel *xf_law_store_list_headings    (XfDatabase  *db,
                                           gint64       law_id,
                                           GError     **error);
GListModel *xf_law_store_list_articles    (XfDatabase  *db,
                                           gint64       law_id,
                                           gint64       heading_id,
                                           GError     **error);
XfArticle  *xf_law_store_get_article      (XfDatabase  *db,
                                           gint64       article_id,
                                           GError     **error);
XfArticle  *xf_law_store_find_article     (XfDatabase  *db,
                                           const char  *law_title,
                                           guint        number,
                                           guint        sub,
                                           GError     **error);
gint64      xf_law_store_count_articles   (XfDatabase  *db,
                                           GError     **error);
char       *xf_law_store_dup_heading_path (XfDatabase  *db,
                                           gint64       heading_id);

G_END_DECLS
