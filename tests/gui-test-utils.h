/* gui-test-utils.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "test-utils.h"
#include "xf-database.h"

G_BEGIN_DECLS

typedef gboolean (*XfTestCondition) (gpointer data);

gboolean    xf_test_have_display       (void);
gboolean    xf_test_is_mapped          (gpointer         widget);
void        xf_test_assert_label_shown (gpointer         root,
                                        const char      *text);
gboolean    xf_test_wait_for           (XfTestCondition  condition,
                                        gpointer         data,
                                        guint            timeout_ms);
void        xf_test_iterate            (guint            ms);
GtkWidget  *xf_test_find_widget        (GtkWidget       *root,
                                        GType            type,
                                        gboolean         mapped_only);
GtkWidget  *xf_test_find_label         (GtkWidget       *root,
                                        const char      *substring);
GtkWidget  *xf_test_find_button        (GtkWidget       *root,
                                        const char      *action_name);
GtkWidget  *xf_test_find_list_of       (GtkWidget       *root,
                                        GType            item_type);
GtkWidget  *xf_test_find_row_for       (GtkWidget       *root,
                                        const char      *label);
gboolean    xf_test_activate_shortcut  (GtkWidget       *widget,
                                        guint            keyval,
                                        GdkModifierType  modifiers);
char       *xf_test_read_clipboard     (GdkClipboard    *clipboard);
GtkWidget  *xf_test_find_action        (GtkWidget       *root,
                                        const char      *action_name,
                                        const char      *target);
GtkWindow  *xf_test_find_message_dialog (void);
gboolean    xf_test_message_dialog_shown (gpointer       data);
gboolean    xf_test_can_send_keys      (GtkWindow       *window);
void        xf_test_send_key           (GtkWidget       *widget,
                                        gboolean         through_server,
                                        guint            keyval,
                                        GdkModifierType  modifiers);
void        xf_test_skip_default_content (XfDatabase    *db);
gint64      xf_test_insert_sample_law  (XfDatabase      *db,
                                        const char      *title,
                                        const char      *version_date);

G_END_DECLS
