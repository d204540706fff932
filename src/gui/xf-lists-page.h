/* xf-lists-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_LISTS_PAGE (xf_lists_page_get_type ())

G_DECLARE_FINAL_TYPE (XfListsPage, xf_lists_page, XF, LISTS_PAGE, GtkWidget)

XfDatabase *xf_lists_page_get_database (XfListsPage *self);
void        xf_lists_page_set_database (XfListsPage *self,
                                        XfDatabase  *database);
void        xf_lists_page_reload       (XfListsPage *self);
gboolean    xf_lists_page_open_item    (XfListsPage *self,
                                        gint64       list_id,
                                        gint64       item_id);

G_END_DECLS
