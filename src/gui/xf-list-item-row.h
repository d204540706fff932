/* xf-list-item-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XF_TYPE_LIST_ITEM_ROW (xf_list_item_row_get_type ())

G_DECLARE_FINAL_TYPE (XfListItemRow, xf_list_item_row, XF, LIST_ITEM_ROW, GtkWidget)

GObject *xf_list_item_row_get_item (XfListItemRow *self);
void     xf_list_item_row_set_item (XfListItemRow *self,
                                    GObject       *item);

G_END_DECLS
