/* test-gui-i18n.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "gui-test-utils.h"
#include "xf-law.h"
#include "xf-profile-manager.h"
#include "xf-window.h"

/* The window in Chinese, from the translations the build compiled. */

static XfWindow *
open_window (const char *dir)
{
  XfWindow *window;

  g_setenv ("XUEFA_DATA_DIR", dir, TRUE);
  window = xf_window_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, window, 5000));

  return window;
}

static void
test_main_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-i18n-XXXXXX", &error);
  g_autoptr(XfProfileManager) manager = xf_profile_manager_new (dir);
  g_autoptr(XfDatabase) db = NULL;
  g_autofree char *path = NULL;
  XfProfile *profile;
  XfWindow *window;
  GtkWidget *law_list;

  profile = xf_profile_manager_create (manager, "王晓明", &error);
  g_assert_no_error (error);
  path = xf_profile_manager_dup_database_path (manager, profile);
  db = xf_database_open (path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (db);
  xf_test_insert_sample_law (db, "中华人民共和国行政处罚法", "2021-01-22");

  window = open_window (dir);

  /* The view switcher's pages. */
  xf_test_assert_label_shown (window, "法规");
  xf_test_assert_label_shown (window, "清单");
  g_assert_null (xf_test_find_label (GTK_WIDGET (window), "Laws"));

  /* A statute's state and the reader's contents. */
  xf_test_assert_label_shown (window, "2021-01-22 · 现行有效");
  law_list = xf_test_find_list_of (GTK_WIDGET (window), XF_TYPE_LAW);
  g_signal_emit_by_name (law_list, "activate", 0);
  xf_test_assert_label_shown (window, "全部条文");
  xf_test_assert_label_shown (window, "共 4 条");

  gtk_window_destroy (GTK_WINDOW (window));
  xf_test_remove_tree (dir);
}

static void
test_welcome (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-i18n-XXXXXX", &error);
  XfWindow *window = open_window (dir);

  xf_test_assert_label_shown (window, "欢迎使用学法");
  xf_test_assert_label_shown (window, "姓名");
  xf_test_assert_label_shown (window, "单位/部门");
  xf_test_assert_label_shown (window, "领导干部");
  xf_test_assert_label_shown (window, "主要负责人");
  xf_test_assert_label_shown (window, "开始使用");

  gtk_window_destroy (GTK_WINDOW (window));
  xf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");

  if (!xf_test_have_display ())
    {
      g_test_init (&argc, &argv, NULL);
      g_test_skip ("No display: run the GUI tests under xvfb-run");
      return g_test_run ();
    }

  /* gtk_test_init() settles on en_US; LANGUAGE then asks for Chinese, as a
   * Chinese desktop does. */
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/gui-i18n/main-window", test_main_window);
  g_test_add_func ("/gui-i18n/welcome", test_welcome);

  return g_test_run ();
}
