/* xf-application.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-application.h"
#include "xf-profile-manager.h"
#include "xf-window.h"

struct _XfApplication
{
  AdwApplication    parent_instance;

  /* Shared by the windows, so that none overwrites another's profile list. */
  XfProfileManager *manager;
};

G_DEFINE_FINAL_TYPE (XfApplication, xf_application, ADW_TYPE_APPLICATION)

static void
xf_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (xf_window_new (XF_APPLICATION (app), XF_APPLICATION (app)->manager));

  gtk_window_present (window);
}

static void
xf_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  XfApplication *self = user_data;
  const char *developers[] = { "The Xuefa authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Xuefa"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Xuefa authors"),
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Learn the law, practise, sit exams and keep the records that prove it"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Statute texts"),
                                       (const char *[]) { "LawRefBook/Laws https://github.com/LawRefBook/Laws", NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
xf_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", xf_application_about_action },
  { "quit", xf_application_quit_action },
};

static void
xf_application_startup (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);

  G_APPLICATION_CLASS (xf_application_parent_class)->startup (app);

  self->manager = xf_profile_manager_new (g_getenv ("XUEFA_DATA_DIR"));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<primary>q", NULL });
}

static void
xf_application_finalize (GObject *object)
{
  XfApplication *self = XF_APPLICATION (object);

  g_clear_object (&self->manager);

  G_OBJECT_CLASS (xf_application_parent_class)->finalize (object);
}

static void
xf_application_class_init (XfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = xf_application_finalize;

  app_class->activate = xf_application_activate;
  app_class->startup = xf_application_startup;
}

static void
xf_application_init (XfApplication *self)
{
}

XfApplication *
xf_application_new (void)
{
  return g_object_new (XF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/xuefa/Xuefa",
                       NULL);
}
