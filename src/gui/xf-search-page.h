/* xf-search-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_SEARCH_PAGE (xf_search_page_get_type ())

G_DECLARE_FINAL_TYPE (XfSearchPage, xf_search_page, XF, SEARCH_PAGE, GtkWidget)

XfDatabase *xf_search_page_get_database   (XfSearchPage *self);
void        xf_search_page_set_database   (XfSearchPage *self,
                                           XfDatabase   *database);
void        xf_search_page_search         (XfSearchPage *self,
                                           const char   *text);
void        xf_search_page_refresh_index  (XfSearchPage *self);
gboolean    xf_search_page_get_busy       (XfSearchPage *self);
GListModel *xf_search_page_get_rows       (XfSearchPage *self);
gboolean    xf_search_page_activate_first (XfSearchPage *self);

G_END_DECLS
