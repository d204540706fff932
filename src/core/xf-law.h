/* xf-law.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_TYPE_LAW (xf_law_get_type ())

G_DECLARE_FINAL_TYPE (XfLaw, xf_law, XF, LAW, GObject)

const char *xf_law_get_title         (XfLaw *self);
const char *xf_law_get_short_title   (XfLaw *self);
const char *xf_law_get_version_date  (XfLaw *self);
const char *xf_law_get_status        (XfLaw *self);
const char *xf_law_get_status_label  (XfLaw *self);
const char *xf_law_get_level         (XfLaw *self);
const char *xf_law_get_source        (XfLaw *self);
const char *xf_law_get_history       (XfLaw *self);
const char *xf_law_get_preamble      (XfLaw *self);
gint64      xf_law_get_id            (XfLaw *self);
guint       xf_law_get_article_count (XfLaw *self);
char       *xf_law_dup_short_title   (const char *title);

G_END_DECLS
