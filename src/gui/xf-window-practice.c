/* xf-window-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-window-private.h"

/* The window's part in practice: the Practice page, and starting it on the
 * 错题本 from elsewhere (the 错题本 page's "Practise these"). */

static void
practice_mistakes_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->database == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "practice");
  xf_practice_page_start (self->practice_page, XF_PRACTICE_SOURCE_MISTAKES, NULL, 0);
}

void
xf_window_class_add_practice_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (XF_TYPE_PRACTICE_PAGE);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, practice_page);
  gtk_widget_class_install_action (widget_class, "win.practice-mistakes", NULL, practice_mistakes_action);
}
