/* test-gui-i18n.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "gui-test-utils.h"
#include "xf-bank-page.h"
#include "xf-law.h"
#include "xf-profile-manager.h"
#include "xf-question-editor.h"
#include "xf-question-row.h"
#include "xf-question-store.h"
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

/* Whether a row of the bank on screen shows @text; rows draw their text. */
static gboolean
question_row_shows (GtkWidget  *widget,
                    const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (XF_IS_QUESTION_ROW (widget))
    {
      g_autofree char *shown = xf_question_row_dup_text (XF_QUESTION_ROW (widget));
      return strstr (shown, text) != NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (question_row_shows (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
bank_ready (gpointer data)
{
  return !xf_bank_page_get_loading (data);
}

static XfQuestionEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (XF_IS_QUESTION_EDITOR (window))
        return XF_QUESTION_EDITOR (window);
    }
  return NULL;
}

static void
test_bank (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-i18n-XXXXXX", &error);
  g_autoptr(XfProfileManager) manager = xf_profile_manager_new (dir);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
  g_autofree char *path = NULL;
  const char * const options[] = { "从轻处罚", "不予行政处罚", NULL };
  XfQuestionEditor *editor;
  XfProfile *profile;
  XfWindow *window;
  GtkWidget *page;

  profile = xf_profile_manager_create (manager, "王晓明", &error);
  g_assert_no_error (error);
  path = xf_profile_manager_dup_database_path (manager, profile);
  db = xf_database_open (path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (db);
  bank = xf_question_store_ensure_bank (db, "行政法题库", &error);
  g_assert_no_error (error);
  xf_question_set_stem (question, "违法行为轻微并及时改正，没有造成危害后果的，应当如何处理？");
  xf_question_set_options (question, options);
  xf_question_set_answer (question, "B");
  g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
  g_assert_no_error (error);

  window = open_window (dir);
  xf_test_assert_label_shown (window, "题库");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (window),
                                                                             ADW_TYPE_VIEW_STACK, FALSE)),
                                         "bank");
  page = xf_test_find_widget (GTK_WIDGET (window), XF_TYPE_BANK_PAGE, FALSE);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, page, 5000));
  xf_test_iterate (20);
  g_assert_true (xf_test_wait_for (bank_ready, page, 10000));
  xf_test_assert_label_shown (window, "显示 1 / 共 1 题");
  xf_test_assert_label_shown (window, "全部题库（1）");
  g_assert_true (question_row_shows (page, "单选\n违法行为轻微并及时改正"));
  g_assert_true (question_row_shows (page, "未分类"));
  g_assert_true (question_row_shows (page, "难度 3"));

  /* The editor says in Chinese why a question cannot be saved. */
  xf_bank_page_edit_question (XF_BANK_PAGE (page), xf_question_get_id (question));
  editor = find_editor ();
  g_assert_nonnull (editor);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor), XF_TYPE_QUESTION_EDITOR,
                                                                            "type_row")),
                              XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==, "多选题至少要有两个正确答案");
  xf_question_set_answer (question, "AB");
  g_assert_false (xf_question_validate (question, &error));
  g_assert_cmpstr (error->message, ==, "单选题只能有一个正确答案");

  gtk_window_destroy (GTK_WINDOW (editor));
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
  g_test_add_func ("/gui-i18n/bank", test_bank);

  return g_test_run ();
}
