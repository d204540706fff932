/* xf-heading.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XF_TYPE_HEADING (xf_heading_get_type ())

G_DECLARE_FINAL_TYPE (XfHeading, xf_heading, XF, HEADING, GObject)

XfHeading  *xf_heading_new          (gint64      id,
                                     gint64      law_id,
                                     const char *kind,
                                     const char *label,
                                     const char *title);
gint64      xf_heading_get_id       (XfHeading  *self);
gint64      xf_heading_get_law_id   (XfHeading  *self);
const char *xf_heading_get_kind     (XfHeading  *self);
const char *xf_heading_get_label    (XfHeading  *self);
const char *xf_heading_get_title    (XfHeading  *self);
char       *xf_heading_dup_display  (XfHeading  *self);
GListModel *xf_heading_get_children (XfHeading  *self);
void        xf_heading_add_child    (XfHeading  *self,
                                     XfHeading  *child);

G_END_DECLS
