/* test-gui-application.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>
#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "xf-application.h"

/* What the display's OpenGL calls itself, or NULL where there is none. */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = gdk_display_create_gl_context (display, NULL);
  char *renderer;

  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;

  gdk_gl_context_make_current (context);
  renderer = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  return renderer;
}

static const char *
start_application (void)
{
  g_autoptr(XfApplication) app = xf_application_new ();
  g_autoptr(GError) error = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_object_set_data (G_OBJECT (display), "gsk-renderer", NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return g_object_get_data (G_OBJECT (display), "gsk-renderer");
}

/* On Mesa's software rasterisers, or without OpenGL, the app paints with
 * cairo; on a GPU, or when GSK_RENDERER says otherwise, GSK chooses as it
 * would. */
static void
test_renderer (void)
{
  GdkDisplay *display;
  g_autofree char *renderer = NULL;
  g_autofree char *lower = NULL;
  gboolean hardware;
  const char *chosen;

  gtk_init ();
  display = gdk_display_get_default ();
  renderer = dup_gl_renderer (display);
  lower = renderer ? g_ascii_strdown (renderer, -1) : g_strdup ("");
  hardware = renderer != NULL &&
             strstr (lower, "llvmpipe") == NULL && strstr (lower, "softpipe") == NULL &&
             strstr (lower, "software rasterizer") == NULL;
  g_test_message ("OpenGL renderer: %s", renderer ? renderer : "none");

  g_unsetenv ("GSK_RENDERER");
  chosen = start_application ();
  if (hardware)
    g_assert_null (chosen);
  else
    g_assert_cmpstr (chosen, ==, "cairo");

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  chosen = start_application ();
  g_assert_null (chosen);

  g_unsetenv ("GSK_RENDERER");
  g_object_set_data (G_OBJECT (display), "gsk-renderer", NULL);
}

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

/* Without a GPU, GTK starts without OpenGL, and the programs the app starts
 * see the environment as it was. */
static void
test_no_gpu (void)
{
  g_autoptr(XfApplication) app = NULL;
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean gpu = have_gpu ();

  if (!g_test_subprocess ())
    {
      /* GTK must not have started: a process of its own. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_false (gtk_is_initialized ());
  g_unsetenv ("GSK_RENDERER");
  g_setenv ("GDK_DEBUG", "", TRUE);

  app = xf_application_new ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, gpu ? "" : "gl-disable");

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_is_initialized ());
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "");

  if (!gpu)
    {
      /* Nor does GSK try OpenGL for the windows, in vain. */
      context = gdk_display_create_gl_context (gdk_display_get_default (), &error);
      g_assert_null (context);
      g_assert_error (error, GDK_GL_ERROR, GDK_GL_ERROR_NOT_AVAILABLE);
      g_assert_cmpstr (g_object_get_data (G_OBJECT (gdk_display_get_default ()), "gsk-renderer"), ==, "cairo");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int ret;

  if (!xf_test_have_display ())
    {
      g_test_init (&argc, &argv, NULL);
      g_test_skip ("No display: run the GUI tests under xvfb-run");
      return g_test_run ();
    }

  /* GTK starts in each test: the one without a GPU needs it not started. */
  g_test_init (&argc, &argv, NULL);

  /* Starting the app reads the profiles: none here. */
  dir = g_dir_make_tmp ("xf-app-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", dir, TRUE);

  g_test_add_func ("/gui-application/renderer", test_renderer);
  g_test_add_func ("/gui-application/no-gpu", test_no_gpu);
  ret = g_test_run ();

  xf_test_remove_tree (dir);
  return ret;
}
