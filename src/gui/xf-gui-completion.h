/* xf-gui-completion.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GStrv xf_gui_split_tags     (const char         *text);
void  xf_gui_complete_entry (GtkEntry           *entry,
                             const char * const *words,
                             gboolean            several);

G_END_DECLS
