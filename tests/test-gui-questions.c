/* test-gui-questions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "gui-test-utils.h"
#include "test-utils.h"
#include "xf-bank-page.h"
#include "xf-profile-manager.h"
#include "xf-question-editor.h"
#include "xf-question-import-dialog.h"
#include "xf-question-store.h"
#include "xf-window.h"

/* A person's way through the question bank, start to end in one window:
 * import a Chinese plain-text paper through the dialog without fixing
 * anything, find a question by searching, edit it, delete it and undo. */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
shown (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
gone (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

typedef struct
{
  XfQuestionImportDialog *dialog;
  const char             *page;
} PageQuery;

static gboolean
page_is (gpointer data)
{
  PageQuery *query = data;
  return g_strcmp0 (xf_question_import_dialog_get_page (query->dialog), query->page) == 0;
}

static void
wait_for_page (XfQuestionImportDialog *dialog,
               const char             *page)
{
  PageQuery query = { dialog, page };

  if (!xf_test_wait_for (page_is, &query, 10000))
    g_error ("The import dialog shows “%s”, not “%s”", xf_question_import_dialog_get_page (dialog), page);
}

static gboolean
page_ready (gpointer data)
{
  return !xf_bank_page_get_loading (data);
}

typedef struct
{
  XfBankPage *page;
  guint       n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;
  return g_list_model_get_n_items (xf_bank_page_get_questions (count->page)) == count->n;
}

static void
assert_listed (XfBankPage *page,
               guint       n)
{
  Count count = { page, n };

  if (!xf_test_wait_for (count_is, &count, 10000))
    g_error ("%u questions listed, %u expected",
             g_list_model_get_n_items (xf_bank_page_get_questions (page)), n);
}

typedef struct
{
  XfDatabase *db;
  guint       n;
} StoreCount;

static gboolean
store_has (gpointer data)
{
  StoreCount *count = data;
  return xf_question_store_count (count->db, 0, NULL) == count->n;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
test_import_find_edit_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-questions-flow-XXXXXX", &error);
  g_autofree char *db_path = NULL;
  g_autofree char *paper = g_test_build_filename (G_TEST_DIST, "data", "questions",
                                                  "import-dialog-sample.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (paper);
  g_autoptr(XfProfileManager) manager = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(XfQuestion) edited = NULL;
  g_autoptr(XfQuestion) before = NULL;
  const char *new_stem = "不满（）周岁的未成年人有违法行为的，不予行政处罚，责令其监护人加以管教。";
  XfQuestionImportDialog *dialog;
  XfQuestionEditor *editor;
  XfQuestionParse *parse;
  AdwViewStack *stack;
  XfBankPage *page;
  XfWindow *window;
  GtkWidget *undo;
  GtkWindow *chooser;
  StoreCount five = { NULL, 5 };
  StoreCount six = { NULL, 6 };
  gint64 id;

  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", dir, TRUE);
  manager = xf_profile_manager_new (dir);
  db_path = xf_profile_manager_dup_database_path (manager,
                                                  xf_profile_manager_create (manager, "王晓明", &error));
  g_assert_no_error (error);
  db = xf_database_open (db_path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (db);
  five.db = six.db = db;

  window = xf_window_new (NULL, manager);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, window, 5000));
  stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, FALSE));
  adw_view_stack_set_visible_child_name (stack, "bank");
  page = XF_BANK_PAGE (xf_test_find_widget (GTK_WIDGET (window), XF_TYPE_BANK_PAGE, FALSE));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, page, 5000));
  g_assert_true (xf_test_wait_for (page_ready, page, 10000));
  assert_listed (page, 0);

  /* 导入题目… from the window's menu: the dialog, with the file chooser on
   * top; the paper is given to the dialog as a chosen file would be. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-questions", NULL));
  g_assert_true (xf_test_wait_for (shown, GSIZE_TO_POINTER (XF_TYPE_QUESTION_IMPORT_DIALOG), 5000));
  dialog = XF_QUESTION_IMPORT_DIALOG (find_toplevel (XF_TYPE_QUESTION_IMPORT_DIALOG));
  if (xf_test_wait_for (shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 2000))
    {
      chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      xf_test_iterate (20);
    }
  xf_question_import_dialog_open_file (dialog, file);
  wait_for_page (dialog, "preview");

  /* Read as it is: six questions in layout L2, nothing to fix */
  parse = xf_question_import_dialog_get_parse (dialog);
  g_assert_cmpint (parse->format, ==, XF_QUESTION_FORMAT_TEXT);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_questions (dialog)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_problems (dialog)), ==, 0);
  g_assert_cmpuint (xf_question_import_dialog_get_n_duplicates (dialog), ==, 0);
  g_assert_cmpstr (xf_question_import_dialog_get_bank_title (dialog), ==, "import-dialog-sample");
  g_assert_true (xf_question_import_dialog_import (dialog));
  wait_for_page (dialog, "done");
  g_assert_cmpuint (xf_question_import_dialog_get_report (dialog)->imported, ==, 6);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (xf_test_wait_for (gone, GSIZE_TO_POINTER (XF_TYPE_QUESTION_IMPORT_DIALOG), 5000));

  /* The bank page shows them, and the search finds one */
  assert_listed (page, 6);
  g_assert_true (xf_test_wait_for (page_ready, page, 10000));
  gtk_editable_set_text (GTK_EDITABLE (template_child (page, XF_TYPE_BANK_PAGE, "search_entry")), "周岁");
  assert_listed (page, 1);
  question = g_list_model_get_item (xf_bank_page_get_questions (page), 0);
  id = xf_question_get_id (question);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_answer (question), ==, "B");

  /* Edit it: a new version; the old one stays */
  xf_bank_page_edit_question (page, id);
  g_assert_true (xf_test_wait_for (shown, GSIZE_TO_POINTER (XF_TYPE_QUESTION_EDITOR), 5000));
  editor = XF_QUESTION_EDITOR (find_toplevel (XF_TYPE_QUESTION_EDITOR));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (editor, XF_TYPE_QUESTION_EDITOR,
                                                                      "stem_view")), new_stem, -1);
  g_assert_null (xf_question_editor_get_problem (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (xf_test_wait_for (gone, GSIZE_TO_POINTER (XF_TYPE_QUESTION_EDITOR), 5000));
  edited = xf_question_store_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_question_get_version (edited), ==, 2);
  g_assert_cmpstr (xf_question_get_stem (edited), ==, new_stem);
  before = xf_question_store_get_version (db, xf_question_get_uuid (edited), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_question_get_stem (before), ==, xf_question_get_stem (question));

  /* Delete it with the Delete key, then undo from the toast */
  gtk_selection_model_select_item (xf_bank_page_get_selection (page), 0, TRUE);
  g_assert_true (xf_test_activate_shortcut (template_child (page, XF_TYPE_BANK_PAGE, "question_view"),
                                            GDK_KEY_Delete, 0));
  g_assert_true (xf_test_wait_for (store_has, &five, 5000));
  assert_listed (page, 0);
  undo = xf_test_find_button (GTK_WIDGET (window), "win.undelete-questions");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_activate (undo));
  g_assert_true (xf_test_wait_for (store_has, &six, 5000));
  assert_listed (page, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  xf_test_iterate (50);
  g_clear_object (&db);
  xf_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_have_display ())
    {
      g_test_init (&argc, &argv, NULL);
      g_test_skip ("No display: run the GUI tests under xvfb-run");
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui-questions/import-find-edit-undo", test_import_find_edit_undo);

  return g_test_run ();
}
