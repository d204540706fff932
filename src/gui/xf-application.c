/* xf-application.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xf-application.h"
#include "xf-profile-manager.h"
#include "xf-window.h"

struct _XfApplication
{
  AdwApplication    parent_instance;

  /* Shared by the windows, so that none overwrites another's profile list. */
  XfProfileManager *manager;

  /* GDK_DEBUG as it was before the app added gl-disable to it: what the
   * programs it starts should see. */
  char             *gdk_debug;
  gboolean          gdk_debug_changed;
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
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Civil Code practice questions (LexEval)"),
                                      "Copyright (c) 2023 Haitao Li\nhttps://github.com/CSHaitao/LexEval",
                                      GTK_LICENSE_MIT_X11, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Each window is asked to close, as its close button would: one showing
 * an attempt asks first what becomes of it. The app quits when the last
 * window goes. */
static void
xf_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GPtrArray) closing = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing one changes the list */
  for (GList *l = windows; l != NULL; l = l->next)
    g_ptr_array_add (closing, g_object_ref (l->data));
  for (guint i = 0; i < closing->len; i++)
    gtk_window_close (g_ptr_array_index (closing, i));
}

static const GActionEntry app_actions[] = {
  { "about", xf_application_about_action },
  { "quit", xf_application_quit_action },
};

/* Whether the machine has a GPU that OpenGL could run on: a DRM render
 * node, or NVIDIA's own driver. Without one, Mesa can only rasterise in
 * software. */
static gboolean
have_gpu (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  if (g_access ("/dev/nvidiactl", R_OK | W_OK) == 0)
    return TRUE;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/dev/dri", name, NULL);

      if (g_str_has_prefix (name, "renderD") && g_access (path, R_OK | W_OK) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Without a GPU, OpenGL could only be one of the software rasterisers on
 * which the app paints with cairo anyway (see choose_renderer()). GTK 4.8
 * on X11 still loads OpenGL as it opens the display, which brought Mesa
 * and LLVM into the process: 90 ms of every start and 60 MB of memory
 * that nothing used. GDK_DEBUG=gl-disable spares them; GDK reads it once,
 * as GTK starts, and startup puts the variable back as it was. */
static void
skip_opengl_without_gpu (XfApplication *self)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL || have_gpu ())
    return;

  self->gdk_debug = g_strdup (debug);
  self->gdk_debug_changed = TRUE;
  if (debug != NULL && debug[0] != '\0')
    flags = g_strconcat (debug, ",gl-disable", NULL);
  else
    flags = g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

/* Changing a variable that is set, or removing one, leaves the environment
 * where it is: the worker threads GLib runs by now cannot read freed
 * memory, as they could if a variable were added. */
static void
restore_gdk_debug (XfApplication *self)
{
  if (!self->gdk_debug_changed)
    return;

  if (self->gdk_debug != NULL)
    g_setenv ("GDK_DEBUG", self->gdk_debug, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  self->gdk_debug_changed = FALSE;
}

/* Whether GTK's OpenGL renderer would run on a GPU on @display: there is
 * OpenGL, and it is not one of Mesa's software rasterisers, as on a PC
 * without a GPU driver, in most virtual machines and in remote sessions. */
static gboolean
have_hardware_gl (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autofree char *renderer = NULL;
  const char *name;

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  renderer = g_ascii_strdown (name != NULL ? name : "", -1);
  gdk_gl_context_clear_current ();

  return strstr (renderer, "llvmpipe") == NULL &&
         strstr (renderer, "softpipe") == NULL &&
         strstr (renderer, "software rasterizer") == NULL;
}

/* On a software rasteriser GTK's OpenGL renderer compiles its shaders and
 * paints every frame on the CPU through an emulated GPU. Measured with a
 * province-size library under llvmpipe, cairo painted the first window in
 * a third less time, scrolled 民法典 at 17 frames a second instead of 10
 * for 55 ms of CPU a frame instead of 138, and left the process 85 MB
 * smaller after browsing and searching. So on software OpenGL, as without
 * OpenGL, the app asks for cairo; whoever set GSK_RENDERER keeps their
 * choice. */
static void
choose_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;

  /* GSK looks for a renderer named on the display before the environment
   * and its own choice; named, it does not first try OpenGL in vain. */
  if (!have_hardware_gl (display))
    g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) "cairo");
}

static void
xf_application_startup (GApplication *app)
{
  XfApplication *self = XF_APPLICATION (app);

  G_APPLICATION_CLASS (xf_application_parent_class)->startup (app);
  restore_gdk_debug (self);
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
  g_free (self->gdk_debug);

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
  /* Before GTK starts, main() still runs alone: no other thread reads the
   * environment while it changes. */
  if (!gtk_is_initialized ())
    skip_opengl_without_gpu (self);
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
