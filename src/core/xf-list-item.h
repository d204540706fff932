/* xf-list-item.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_TYPE_LIST_ITEM (xf_list_item_get_type ())

G_DECLARE_FINAL_TYPE (XfListItem, xf_list_item, XF, LIST_ITEM, GObject)

const char *xf_list_level_from_string       (const char *text);
const char *xf_list_level_to_label          (const char *level);
char       *xf_article_format_label         (guint       number,
                                             guint       sub);

gint64      xf_list_item_get_id             (XfListItem *self);
const char *xf_list_item_get_uuid           (XfListItem *self);
gint64      xf_list_item_get_list_id        (XfListItem *self);
guint       xf_list_item_get_position       (XfListItem *self);
const char *xf_list_item_get_level          (XfListItem *self);
const char *xf_list_item_get_level_label    (XfListItem *self);
const char *xf_list_item_get_law_title      (XfListItem *self);
guint       xf_list_item_get_article_number (XfListItem *self);
guint       xf_list_item_get_article_sub    (XfListItem *self);
gboolean    xf_list_item_has_article        (XfListItem *self);
gint64      xf_list_item_get_article_id     (XfListItem *self);
const char *xf_list_item_get_article_label  (XfListItem *self);
const char *xf_list_item_get_title          (XfListItem *self);
const char *xf_list_item_get_text           (XfListItem *self);
const char *xf_list_item_get_body           (XfListItem *self);
const char *xf_list_item_get_note           (XfListItem *self);
gboolean    xf_list_item_get_learned        (XfListItem *self);
void        xf_list_item_set_learned        (XfListItem *self,
                                             gboolean    learned);

G_END_DECLS
