/* xf-library-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_LIBRARY_PAGE (xf_library_page_get_type ())

G_DECLARE_FINAL_TYPE (XfLibraryPage, xf_library_page, XF, LIBRARY_PAGE, GtkWidget)

XfDatabase *xf_library_page_get_database (XfLibraryPage  *self);
void        xf_library_page_set_database (XfLibraryPage  *self,
                                          XfDatabase     *database);
void        xf_library_page_reload       (XfLibraryPage  *self);
gboolean    xf_library_page_get_loading  (XfLibraryPage  *self);
void        xf_library_page_set_loading  (XfLibraryPage  *self,
                                          gboolean        loading);
gboolean    xf_library_page_open_law     (XfLibraryPage  *self,
                                          gint64          law_id);
gboolean    xf_library_page_open_article (XfLibraryPage  *self,
                                          gint64          article_id,
                                          GError        **error);

G_END_DECLS
