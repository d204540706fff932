/* xf-window.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-window.h"

struct _XfWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (XfWindow, xf_window, ADW_TYPE_APPLICATION_WINDOW)

static void
xf_window_class_init (XfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-window.ui");
}

static void
xf_window_init (XfWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XfWindow *
xf_window_new (XfApplication *application)
{
  return g_object_new (XF_TYPE_WINDOW, "application", application, NULL);
}
