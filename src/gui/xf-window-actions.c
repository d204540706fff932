/* xf-window-actions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-profile-dialog.h"
#include "xf-window-private.h"

/* The window's actions, and the shortcuts that trigger them. */

static void
change_reader_scale (XfWindow *self,
                     int       direction)
{
  double scale = g_settings_get_double (self->settings, "reader-font-scale");

  g_settings_set_double (self->settings, "reader-font-scale", xf_reader_scale_step (scale, direction));
  xf_window_actions_update (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), -1);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), 0);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  xf_window_show_toast (XF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_profile_dialog_saved_cb (XfWindow  *self,
                            XfProfile *profile)
{
  g_autoptr(GError) error = NULL;

  xf_window_update_profiles (self);
  if (profile != self->profile && !xf_window_open_profile (self, profile, &error))
    xf_window_show_toast (self, error->message);
}

static void
open_profile_dialog (XfWindow  *self,
                     XfProfile *profile)
{
  XfProfileDialog *dialog = xf_profile_dialog_new (GTK_WINDOW (self), self->manager, profile);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_profile_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_profile_dialog (XF_WINDOW (widget), NULL);
}

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->profile != NULL)
    open_profile_dialog (self, self->profile);
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  adw_view_stack_set_visible_child_name (self->view_stack, "laws");
  if (!xf_library_page_open_article (self->library_page, g_variant_get_int64 (parameter), &error) &&
      error != NULL)
    xf_window_show_toast (self, error->message);
}

void
xf_window_actions_update (XfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double scale = g_settings_get_double (self->settings, "reader-font-scale");
  gboolean open = self->database != NULL;

  gtk_widget_action_set_enabled (widget, "win.zoom-in", scale < XF_READER_SCALE_MAX - 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", scale > XF_READER_SCALE_MIN + 0.001);
  gtk_widget_action_set_enabled (widget, "win.edit-profile", self->profile != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-profile", open);
  gtk_widget_action_set_enabled (widget, "win.open-article", open);
}

void
xf_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.profile", "profile-id");
  gtk_widget_class_install_action (widget_class, "win.new-profile", NULL, new_profile_action);
  gtk_widget_class_install_action (widget_class, "win.edit-profile", NULL, edit_profile_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "x", open_article_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}
