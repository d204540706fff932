/* xf-application.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>
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

/* Whether OpenGL on @display is one of Mesa's software rasterisers, as on
 * a PC without a GPU driver, in most virtual machines and in remote
 * sessions. */
static gboolean
gl_is_software (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autofree char *renderer = NULL;
  const char *name;

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  renderer = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  gdk_gl_context_clear_current ();

  return renderer != NULL &&
         (strstr (renderer, "llvmpipe") != NULL ||
          strstr (renderer, "softpipe") != NULL ||
          strstr (renderer, "software rasterizer") != NULL);
}

/* On a software rasteriser GTK's OpenGL renderer compiles its shaders and
 * paints every frame on the CPU through an emulated GPU. Measured with a
 * province-size library under llvmpipe, cairo painted the first window in
 * a third less time, scrolled 民法典 at 17 frames a second instead of 10
 * for 55 ms of CPU a frame instead of 138, and left the process 85 MB
 * smaller after browsing and searching. So on software OpenGL the reader
 * asks for cairo; whoever set GSK_RENDERER keeps their choice. */
static void
choose_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;

  /* GSK looks for a renderer named on the display before the environment
   * and its own choice. */
  if (gl_is_software (display))
    g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
}

static void
xf_application_startup (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);

  G_APPLICATION_CLASS (xf_application_parent_class)->startup (app);
  choose_renderer ();

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
