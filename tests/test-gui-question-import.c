/* test-gui-question-import.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "xf-profile-manager.h"
#include "xf-question-export-dialog.h"
#include "xf-question-import-dialog.h"
#include "xf-question-preview.h"
#include "xf-question-store.h"
#include "xf-window.h"

/* The question import and export dialogs, driven as a person would, over
 * a profile database in a temporary folder (the dialogs' threads open
 * connections of their own to it). */

/* tests/data/questions/import-dialog-sample.json: five questions; the third
 * (its object starts on this line) names an option it does not have, and
 * the fourth is the question the fixture stores first. */
#define SAMPLE_INVALID_LINE 29
#define SAMPLE_DUPLICATE_STEM "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。"
#define SAMPLE_BANK "行政处罚法练习"

typedef struct
{
  char                   *dir;
  XfDatabase             *db;
  gint64                  stored_bank;
  XfQuestionImportDialog *dialog;
  gint64                  imported_bank;
  guint                   imported_count;
  guint                   n_imported_signals;
} Fixture;

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) stored = xf_question_new (XF_QUESTION_TRUE_FALSE);
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("xf-question-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "profile.db", NULL);
  f->db = xf_database_open (path, &error);
  g_assert_no_error (error);

  /* The store already has one question of the sample file. */
  bank = xf_question_store_ensure_bank (f->db, "已有题库", &error);
  g_assert_no_error (error);
  f->stored_bank = xf_question_bank_get_id (bank);
  xf_question_set_stem (stored, SAMPLE_DUPLICATE_STEM);
  xf_question_set_answer (stored, "T");
  g_assert_true (xf_question_store_add (f->db, f->stored_bank, stored, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  xf_test_iterate (50);
  g_clear_object (&f->db);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
on_imported (XfQuestionImportDialog *dialog,
             gint64                  bank_id,
             guint                   n_imported,
             guint                   n_updated,
             Fixture                *f)
{
  f->imported_bank = bank_id;
  f->imported_count = n_imported;
  f->n_imported_signals++;
}

static void
open_dialog (Fixture *f)
{
  f->dialog = xf_question_import_dialog_new (NULL, f->db);
  g_signal_connect (f->dialog, "imported", G_CALLBACK (on_imported), f);
  gtk_window_present (GTK_WINDOW (f->dialog));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->dialog, 5000));
  g_assert_cmpstr (xf_question_import_dialog_get_page (f->dialog), ==, "choose");
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

static void
open_sample (Fixture    *f,
             const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  xf_question_import_dialog_open_file (f->dialog, file);
  wait_for_page (f->dialog, "preview");
}

static guint
count_questions (Fixture *f,
                 gint64   bank_id)
{
  g_autoptr(GError) error = NULL;
  guint count = xf_question_store_count (f->db, bank_id, &error);

  g_assert_no_error (error);
  return count;
}

static gint64
sample_bank_id (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = xf_question_store_get_bank (f->db, SAMPLE_BANK, &error);

  g_assert_no_error (error);
  return xf_question_bank_get_id (bank);
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  GListModel *questions;
  GListModel *problems;
  XfQuestionParse *parse;
  XfQuestionProblem *problem;
  g_autofree char *line = g_strdup_printf ("Line %u, ", SAMPLE_INVALID_LINE);
  g_autofree char *summary = NULL;
  guint marked = 0;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");

  /* Four questions read, the invalid one a problem with its line. */
  parse = xf_question_import_dialog_get_parse (f->dialog);
  g_assert_nonnull (parse);
  g_assert_cmpint (parse->format, ==, XF_QUESTION_FORMAT_JSON);
  questions = xf_question_import_dialog_get_questions (f->dialog);
  g_assert_cmpuint (g_list_model_get_n_items (questions), ==, 4);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = g_ptr_array_index (parse->problems, 0);
  g_assert_cmpuint (problem->line, ==, SAMPLE_INVALID_LINE);
  problems = xf_question_import_dialog_get_problems (f->dialog);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (problems), 0), line));

  /* The question the store has is marked, and only that one. */
  g_assert_cmpuint (xf_question_import_dialog_get_n_duplicates (f->dialog), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(XfQuestionPreview) preview = g_list_model_get_item (questions, i);
      XfQuestion *question = xf_question_preview_get_question (preview);

      g_assert_cmpuint (xf_question_preview_get_number (preview), ==, i + 1);
      if (xf_question_preview_get_status (preview) == XF_QUESTION_PREVIEW_DUPLICATE)
        {
          g_assert_cmpstr (xf_question_get_stem (question), ==, SAMPLE_DUPLICATE_STEM);
          g_assert_cmpstr (xf_question_preview_get_mark (preview), ==, "Duplicate");
          marked++;
        }
      else
        g_assert_cmpint (xf_question_preview_get_status (preview), ==, XF_QUESTION_PREVIEW_NEW);
    }
  g_assert_cmpuint (marked, ==, 1);

  /* What a person sees: the summary, the problem with its line, the mark,
   * the bank the file names, and the format detected. */
  summary = xf_format_question_preview_summary (4, 1, 1);
  g_assert_cmpstr (summary, ==, "4 questions to import, 1 problem, 1 duplicate");
  xf_test_assert_label_shown (f->dialog, summary);
  xf_test_assert_label_shown (f->dialog, line);
  xf_test_assert_label_shown (f->dialog, "Duplicate");
  xf_test_assert_label_shown (f->dialog, "Detected: Xuefa JSON");
  g_assert_cmpstr (xf_question_import_dialog_get_bank_title (f->dialog), ==, SAMPLE_BANK);

  /* Nothing is written before the import. */
  g_assert_cmpuint (count_questions (f, 0), ==, 1);
}

static void
test_import_skip (Fixture       *f,
                  gconstpointer  data)
{
  const XfQuestionImportReport *report;
  g_autofree char *text = NULL;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");
  g_assert_false (xf_question_import_dialog_get_keep_duplicates (f->dialog));

  g_assert_true (xf_question_import_dialog_import (f->dialog));
  wait_for_page (f->dialog, "done");

  report = xf_question_import_dialog_get_report (f->dialog);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->imported, ==, 3);
  g_assert_cmpuint (report->duplicates, ==, 1);
  g_assert_cmpuint (report->skipped, ==, 2);
  g_assert_cmpuint (f->n_imported_signals, ==, 1);
  g_assert_cmpuint (f->imported_count, ==, 3);
  g_assert_cmpint (f->imported_bank, ==, sample_bank_id (f));

  g_assert_cmpuint (count_questions (f, f->imported_bank), ==, 3);
  g_assert_cmpuint (count_questions (f, f->stored_bank), ==, 1);
  text = xf_format_question_import_report (report);
  g_assert_cmpstr (text, ==, "3 questions imported, 0 updated, 2 skipped");
  xf_test_assert_label_shown (f->dialog, text);
}

static void
test_import_keep_duplicates (Fixture       *f,
                             gconstpointer  data)
{
  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");
  xf_question_import_dialog_set_keep_duplicates (f->dialog, TRUE);
  xf_question_import_dialog_set_bank_title (f->dialog, "  第二题库  ");

  g_assert_true (xf_question_import_dialog_import (f->dialog));
  wait_for_page (f->dialog, "done");
  g_assert_cmpuint (xf_question_import_dialog_get_report (f->dialog)->imported, ==, 4);
  g_assert_cmpuint (count_questions (f, f->imported_bank), ==, 4);
  g_assert_cmpuint (count_questions (f, 0), ==, 5);
}

/* The preview's counts are the import's: a dry run of the same file says
 * the same, and still writes nothing. */
static void
test_dry_run_agrees (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = sample_path ("import-dialog-sample.json");
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report = { 0 };
  guint readable;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");
  readable = g_list_model_get_n_items (xf_question_import_dialog_get_questions (f->dialog));

  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (xf_question_store_import (f->db, parse, NULL, XF_QUESTION_IMPORT_DRY_RUN, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.duplicates, ==, xf_question_import_dialog_get_n_duplicates (f->dialog));
  g_assert_cmpuint (report.imported, ==, readable - report.duplicates);
  g_assert_cmpuint (report.skipped, ==, report.duplicates + parse->problems->len);
  g_assert_cmpuint (count_questions (f, 0), ==, 1);
  xf_question_import_report_clear (&report);
}

static void
test_format_choice (Fixture       *f,
                    gconstpointer  data)
{
  XfQuestionParse *first;
  XfQuestionParse *again;
  GtkWidget *entry;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");
  first = xf_question_import_dialog_get_parse (f->dialog);
  g_assert_cmpint (xf_question_import_dialog_get_format (f->dialog), ==, XF_QUESTION_FORMAT_AUTO);

  /* Choosing a format reads the file again in it. */
  xf_question_import_dialog_set_format (f->dialog, XF_QUESTION_FORMAT_JSON);
  g_assert_cmpstr (xf_question_import_dialog_get_page (f->dialog), ==, "busy");
  wait_for_page (f->dialog, "preview");
  again = xf_question_import_dialog_get_parse (f->dialog);
  g_assert_true (again != first);
  g_assert_cmpint (again->format, ==, XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_questions (f->dialog)), ==, 4);
  g_assert_null (xf_test_find_label (GTK_WIDGET (f->dialog), "Detected:"));

  /* A bank the person typed survives reading the file again; an empty
   * one cannot be imported into. */
  entry = xf_test_find_widget (GTK_WIDGET (f->dialog), ADW_TYPE_ENTRY_ROW, TRUE);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), " ");
  g_assert_false (xf_question_import_dialog_import (f->dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "自选题库");
  xf_question_import_dialog_set_format (f->dialog, XF_QUESTION_FORMAT_AUTO);
  wait_for_page (f->dialog, "preview");
  g_assert_cmpstr (xf_question_import_dialog_get_bank_title (f->dialog), ==, "自选题库");
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "没有这个文件.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "坏文件.json", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;

  open_dialog (f);

  /* A file that cannot be opened is an error page, not a crash. */
  xf_question_import_dialog_open_file (f->dialog, missing_file);
  wait_for_page (f->dialog, "error");
  xf_test_assert_label_shown (f->dialog, "The file cannot be read");
  g_assert_false (xf_question_import_dialog_import (f->dialog));

  /* A file with nothing to import shows why, and cannot be imported. */
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"xuefa-questions\", \"questions\": [", -1, &error));
  g_assert_no_error (error);
  xf_question_import_dialog_open_file (f->dialog, broken_file);
  wait_for_page (f->dialog, "preview");
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_questions (f->dialog)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_problems (f->dialog)), ==, 1);
  g_assert_false (xf_question_import_dialog_import (f->dialog));
  g_assert_cmpuint (count_questions (f, 0), ==, 1);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *dialog;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");

  /* Enter imports when the preview is ready. */
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->dialog), GDK_KEY_Return, 0));
  wait_for_page (f->dialog, "done");
  g_assert_cmpuint (f->n_imported_signals, ==, 1);

  /* Escape closes. */
  dialog = GTK_WIDGET (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&f->dialog);
  g_assert_true (xf_test_activate_shortcut (dialog, GDK_KEY_Escape, 0));
  xf_test_iterate (50);
  g_assert_null (f->dialog);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Closing during the import cancels it or lets it finish, never halfway:
 * the store has all of the file's questions or none, and the window hears
 * of an import that was written. */
static void
test_close_while_importing (Fixture       *f,
                            gconstpointer  data)
{
  guint stored;

  open_dialog (f);
  open_sample (f, "import-dialog-sample.json");
  xf_question_import_dialog_set_keep_duplicates (f->dialog, TRUE);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *)&f->dialog);

  g_assert_true (xf_question_import_dialog_import (f->dialog));
  gtk_window_close (GTK_WINDOW (f->dialog));
  g_assert_null (gtk_window_list_toplevels ());
  g_assert_true (xf_test_wait_for (is_null, &f->dialog, 10000));

  stored = count_questions (f, 0);
  if (f->n_imported_signals == 1)
    g_assert_cmpuint (stored, ==, 1 + 4);
  else
    g_assert_cmpuint (stored, ==, 1);
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = sample_path ("import-dialog-sample.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSList) files = g_slist_append (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *content;
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean accepted = FALSE;

  open_dialog (f);
  content = adw_window_get_content (ADW_WINDOW (f->dialog));
  controllers = gtk_widget_observe_controllers (content);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_for_page (f->dialog, "preview");
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_questions (f->dialog)), ==, 4);
}

/* Chinese plain text in layout L2 (DESIGN.md §8): six questions. */
static void
test_plain_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = sample_path ("import-dialog-sample.txt");
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;

  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parse->format, ==, XF_QUESTION_FORMAT_TEXT);
  for (guint i = 0; i < parse->problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      if (g_strcmp0 (problem->reason, "not yet readable") == 0)
        {
          g_test_skip ("The plain-text reader is not in this build");
          return;
        }
    }

  open_dialog (f);
  open_sample (f, "import-dialog-sample.txt");
  g_assert_cmpint (xf_question_import_dialog_get_parse (f->dialog)->format, ==, XF_QUESTION_FORMAT_TEXT);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_questions (f->dialog)), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (xf_question_import_dialog_get_problems (f->dialog)), ==, 0);
  g_assert_cmpstr (xf_question_import_dialog_get_bank_title (f->dialog), ==, "import-dialog-sample");
}

typedef struct
{
  gboolean  done;
  GFile    *file;
  guint     n_exported;
  guint     n_left_out;
  GError   *error;
} ExportOutcome;

static void
on_exported (XfQuestionExportDialog *dialog,
             GFile                  *file,
             guint                   n_exported,
             guint                   n_left_out,
             ExportOutcome          *outcome)
{
  outcome->file = g_object_ref (file);
  outcome->n_exported = n_exported;
  outcome->n_left_out = n_left_out;
  outcome->done = TRUE;
}

static void
on_export_failed (XfQuestionExportDialog *dialog,
                  const GError           *error,
                  ExportOutcome          *outcome)
{
  outcome->error = g_error_copy (error);
  outcome->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((ExportOutcome *)data)->done;
}

/* Exports the sample bank through the dialog, as its file chooser would. */
static void
export_sample (Fixture          *f,
               XfQuestionFormat  format,
               const char       *path,
               ExportOutcome    *outcome)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *parent = gtk_window_new ();
  XfQuestionExportDialog *dialog;
  gint64 bank_id = sample_bank_id (f);

  gtk_window_present (GTK_WINDOW (parent));
  dialog = xf_question_export_dialog_new (GTK_WINDOW (parent), f->db, bank_id);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), outcome);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_export_failed), outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (xf_question_export_dialog_get_bank_id (dialog), ==, bank_id);
  xf_test_assert_label_shown (dialog, "4 questions will be exported.");
  xf_question_export_dialog_set_format (dialog, format);
  g_assert_cmpint (xf_question_export_dialog_get_format (dialog), ==, format);

  xf_question_export_dialog_save_to (dialog, file);
  g_assert_true (xf_test_wait_for (export_done, outcome, 10000));
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
import_sample_into_store (Fixture *f)
{
  g_autofree char *path = sample_path ("import-dialog-sample.json");
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report = { 0 };

  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (xf_question_store_import (f->db, parse, NULL, XF_QUESTION_IMPORT_KEEP_DUPLICATES, &report,
                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 4);
  xf_question_import_report_clear (&report);
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "导出.json", NULL);
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GError) error = NULL;
  ExportOutcome outcome = { 0 };

  import_sample_into_store (f);
  export_sample (f, XF_QUESTION_FORMAT_JSON, path, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.n_exported, ==, 4);
  g_assert_cmpuint (outcome.n_left_out, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The file reads back to the same questions, in the same bank. */
  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpint (parse->format, ==, XF_QUESTION_FORMAT_JSON);
  g_assert_cmpuint (parse->questions->len, ==, outcome.n_exported);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpstr (parse->bank_title, ==, SAMPLE_BANK);
  g_clear_object (&outcome.file);
}

static void
test_export_gift (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "导出.gift", NULL);
  g_autofree char *name = NULL;
  ExportOutcome outcome = { 0 };

  import_sample_into_store (f);
  export_sample (f, XF_QUESTION_FORMAT_GIFT, path, &outcome);
  if (g_error_matches (outcome.error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      g_test_skip ("The GIFT writer is not in this build");
      g_clear_error (&outcome.error);
      return;
    }
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.n_exported + outcome.n_left_out, ==, 4);
  g_assert_cmpuint (outcome.n_exported, >, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  name = g_file_get_basename (outcome.file);
  g_assert_cmpstr (name, ==, "导出.gift");
  g_clear_object (&outcome.file);
}

static void
test_format_helpers (void)
{
  XfQuestionProblem with_stem = { 12, (char *)"下列说法正确的是", (char *)"An option is empty" };
  XfQuestionProblem whole_file = { 0, NULL, (char *)"The file is empty" };
  XfQuestionProblem no_stem = { 3, (char *)"", (char *)"This is not valid JSON" };
  g_autofree char *a = xf_format_question_problem (&with_stem);
  g_autofree char *b = xf_format_question_problem (&whole_file);
  g_autofree char *c = xf_format_question_problem (&no_stem);
  g_autofree char *exported = xf_format_question_export_result (12, "行政法.gift", 0);
  g_autofree char *left_out = xf_format_question_export_result (10, "行政法.aiken.txt", 2);

  g_assert_cmpstr (a, ==, "Line 12, “下列说法正确的是”: An option is empty");
  g_assert_cmpstr (b, ==, "The file is empty");
  g_assert_cmpstr (c, ==, "Line 3: This is not valid JSON");
  g_assert_cmpstr (exported, ==, "Exported 12 questions to 行政法.gift");
  g_assert_cmpstr (left_out, ==,
                   "Exported 10 questions to 行政法.aiken.txt; 2 questions were left out: the format cannot hold their type");
  g_assert_cmpstr (xf_format_question_badge (XF_QUESTION_MULTIPLE), ==, "Multiple");
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
import_dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_toplevel (XF_TYPE_QUESTION_IMPORT_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* A key press reaches the window's capture-phase shortcuts before any
 * other: those are what a person's Ctrl+Shift+I triggers. */
static gboolean
activate_capture_shortcut (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* The window's Ctrl+Shift+I opens the dialog, and an import shows a toast. */
static void
test_window_flow (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-question-window-XXXXXX", &error);
  g_autoptr(XfProfileManager) manager = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *path = sample_path ("import-dialog-sample.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  XfProfile *profile;
  XfWindow *window;
  XfQuestionImportDialog *dialog;
  GtkWindow *chooser;

  g_assert_no_error (error);
  manager = xf_profile_manager_new (dir);
  profile = xf_profile_manager_create (manager, "王晓明", &error);
  g_assert_no_error (error);
  db_path = xf_profile_manager_dup_database_path (manager, profile);
  db = xf_database_open (db_path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (db);

  window = xf_window_new (NULL, manager);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, window, 5000));
  g_assert_true (activate_capture_shortcut (GTK_WIDGET (window), GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_true (xf_test_wait_for (import_dialog_shown, NULL, 5000));
  dialog = XF_QUESTION_IMPORT_DIALOG (find_toplevel (XF_TYPE_QUESTION_IMPORT_DIALOG));

  /* The file chooser opens with the dialog; a person who cancels it gets
   * the dialog's own page for choosing. */
  if (xf_test_wait_for (file_chooser_shown, NULL, 2000))
    {
      chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    }
  xf_test_iterate (50);
  g_assert_cmpstr (xf_question_import_dialog_get_page (dialog), ==, "choose");

  xf_question_import_dialog_open_file (dialog, file);
  wait_for_page (dialog, "preview");
  g_assert_true (xf_question_import_dialog_import (dialog));
  wait_for_page (dialog, "done");
  xf_test_assert_label_shown (window, "Imported 4 questions");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  xf_test_iterate (50);
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

#define ADD(path, func) \
  g_test_add ("/gui-question-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("preview", test_preview);
  ADD ("import-skip-duplicates", test_import_skip);
  ADD ("import-keep-duplicates", test_import_keep_duplicates);
  ADD ("dry-run-agrees", test_dry_run_agrees);
  ADD ("format-choice", test_format_choice);
  ADD ("unreadable", test_unreadable);
  ADD ("keyboard", test_keyboard);
  ADD ("close-while-importing", test_close_while_importing);
  ADD ("drop", test_drop);
  ADD ("plain-text", test_plain_text);
  ADD ("export-json", test_export_json);
  ADD ("export-gift", test_export_gift);
  g_test_add_func ("/gui-question-import/format-helpers", test_format_helpers);
  g_test_add_func ("/gui-question-import/window-flow", test_window_flow);

  return g_test_run ();
}
