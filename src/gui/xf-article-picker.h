/* xf-article-picker.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_ARTICLE_PICKER (xf_article_picker_get_type ())

G_DECLARE_FINAL_TYPE (XfArticlePicker, xf_article_picker, XF, ARTICLE_PICKER, GtkPopover)

XfArticlePicker *xf_article_picker_new          (XfDatabase      *database);
void             xf_article_picker_search       (XfArticlePicker *self,
                                                 const char      *text);
guint            xf_article_picker_get_n_results (XfArticlePicker *self);
gboolean         xf_article_picker_choose       (XfArticlePicker *self,
                                                 guint            index);

G_END_DECLS
