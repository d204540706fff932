/* test-gui-exam-report.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gui-exam-test-utils.h"

#define SECOND ((gint64)G_USEC_PER_SEC)

/* The 成绩单 from the results of an attempt: exported by the results
 * view to a PDF (through the file chooser, keys included, where GTK's own
 * dialog stands in for the portal), and printed through GtkPrintOperation,
 * which exports to a PDF without a printer. */

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  GtkWidget        *window;
  XfExamResults    *results;
  char             *attempt;
  double            score;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XfProfile *profile = exam_test_profile_set_up ("xf-exam-report-gui-XXXXXX", TRUE, &f->dir, &f->manager, &f->db);

  xf_profile_set_department (profile, "市司法局法治督察科");
  g_assert_true (xf_profile_manager_save (f->manager, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
  g_free (f->attempt);
}

/* Answers the first 50 questions of the practice exam with A (or 对) and
 * submits */
static void
take_exam (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(XfExam) exam = xf_exam_store_get (f->db, "2026年度学法用法模拟考试", &error);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExamResult) result = NULL;
  gint64 now = g_get_real_time () - 3600 * SECOND;

  g_assert_no_error (error);
  attempt = xf_exam_store_start (f->db, exam, "王晓明", rand, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);

      g_assert_true (xf_exam_store_answer (f->db, attempt->uuid, i + 1, item->type == XF_QUESTION_TRUE_FALSE ? "T" : "A",
                                           now + (i + 1) * 10 * SECOND, &error));
      g_assert_no_error (error);
    }
  result = xf_exam_store_submit (f->db, attempt->uuid, XF_ATTEMPT_SUBMITTED_BY_PERSON, now + 600 * SECOND, &error);
  g_assert_no_error (error);
  f->attempt = g_strdup (attempt->uuid);
  f->score = result->score;
}

/* Opens the window on the profile and shows the attempt's result */
static void
show_result (Fixture *f)
{
  exam_test_present_window (f->manager, NULL, NULL, (gpointer *)&f->window);
  xf_test_iterate (200);
  g_assert_true (gtk_widget_activate_action (f->window, "win.show-attempt", "s", f->attempt));
  f->results = XF_EXAM_RESULTS (xf_test_find_widget (f->window, XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_nonnull (f->results);
  g_assert_true (xf_test_wait_for (exam_test_results_shown, f->results, 10000));
}

static char *
pdf_text (const char *path,
          guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_tool = g_find_program_in_path ("pdftotext");
  g_autofree char *info_tool = g_find_program_in_path ("pdfinfo");
  g_autofree char *info = NULL;
  char *text = NULL;
  const char *pages;
  int status;

  if (text_tool == NULL || info_tool == NULL)
    {
      g_test_fail_printf ("pdftotext and pdfinfo are not installed (Debian's poppler-utils)");
      return NULL;
    }
  {
    const char *argv[] = { info_tool, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &info, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  pages = strstr (info, "\nPages:");
  g_assert_nonnull (pages);
  *n_pages = (guint)g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
  {
    const char *argv[] = { text_tool, "-layout", "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  return text;
}

/* A report of this attempt: the person from the window's profile, the
 * score, every page */
static void
assert_report (Fixture    *f,
               const char *path,
               guint      *n_pages)
{
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *score = g_strdup_printf ("%g / 100", f->score);
  g_autofree char *last = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  text = pdf_text (path, n_pages);
  if (text == NULL)
    return;
  g_assert_cmpuint (*n_pages, >, 1);
  g_assert_nonnull (strstr (text, "2026年度学法用法模拟考试"));
  g_assert_nonnull (strstr (text, "王晓明"));
  g_assert_nonnull (strstr (text, "市司法局法治督察科"));
  g_assert_nonnull (strstr (text, score));
  g_assert_nonnull (strstr (text, f->attempt));
  last = g_strdup_printf ("Page %u of %u", *n_pages, *n_pages);
  g_assert_nonnull (strstr (text, last));
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static GtkFileChooser *
find_chooser (void)
{
  return exam_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, TRUE);
}

/* The results view writes the PDF in a worker; a file that cannot be
 * written comes back as an error naming it */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "成绩单.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "成绩单.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  Wait wait = { NULL };
  guint n_pages = 0;

  take_exam (f);
  show_result (f);
  g_assert_true (gtk_widget_get_sensitive (xf_test_find_button (f->window, "results.export-report")));
  g_assert_true (gtk_widget_get_sensitive (xf_test_find_button (f->window, "results.print-report")));

  xf_exam_results_export_async (f->results, file, NULL, on_done, &wait);
  g_assert_true (xf_test_wait_for (is_set, &wait.result, 20000));
  g_assert_true (xf_exam_results_export_finish (f->results, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  assert_report (f, path, &n_pages);

  xf_exam_results_export_async (f->results, missing_file, NULL, on_done, &wait);
  g_assert_true (xf_test_wait_for (is_set, &wait.result, 20000));
  g_assert_false (xf_exam_results_export_finish (f->results, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_object (&wait.result);

  /* Done with the result: its report's key opens no chooser */
  g_assert_true (gtk_widget_activate_action (f->window, "win.close-results", NULL));
  xf_test_iterate (50);
  xf_test_activate_shortcut (f->window, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  xf_test_iterate (300);
  g_assert_null (find_chooser ());
}

/* The print operation lays the report out on its paper and draws the same
 * pages: exported, it is the PDF the export writes */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *exported_path = g_build_filename (f->dir, "exported.pdf", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  Wait wait = { NULL };
  guint printed_pages = 0;
  guint exported_pages = 0;

  take_exam (f);
  show_result (f);

  operation = xf_exam_results_new_print_operation (f->results, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  assert_report (f, path, &printed_pages);

  xf_exam_results_export_async (f->results, exported, NULL, on_done, &wait);
  g_assert_true (xf_test_wait_for (is_set, &wait.result, 20000));
  g_assert_true (xf_exam_results_export_finish (f->results, wait.result, &error));
  g_clear_object (&wait.result);
  assert_report (f, exported_path, &exported_pages);
  g_assert_cmpuint (printed_pages, ==, exported_pages);
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserQuery;

static gboolean
chooser_has (gpointer data)
{
  ChooserQuery *query = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (query->chooser);

  return chosen != NULL && g_file_equal (chosen, query->file);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
toast_shown (gpointer data)
{
  Fixture *f = data;

  return xf_test_find_label (f->window, "Report saved to ") != NULL;
}

/* Ctrl+Shift+E opens the chooser on a suggested name; saving writes the
 * report and a toast says where */
static void
test_export_by_keys (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;
  guint n_pages = 0;

  take_exam (f);
  show_result (f);

  g_assert_true (xf_test_activate_shortcut (f->window, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  if (!xf_test_wait_for (chooser_shown, NULL, 5000))
    {
      /* A portal shows the chooser out of process */
      g_test_skip ("The file chooser is not GTK's own dialog here");
      return;
    }
  chooser = find_chooser ();
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_prefix (name, "Score report-2026年度学法用法模拟考试-"));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  path = g_build_filename (f->dir, name, NULL);
  target = g_file_new_for_path (path);
  /* As typed: a full path in the name entry is where the file goes */
  gtk_file_chooser_set_current_name (chooser, path);
  g_assert_true (xf_test_wait_for (chooser_has, &(ChooserQuery) { chooser, target }, 5000));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (xf_test_wait_for (file_exists, path, 20000));
  g_assert_true (xf_test_wait_for (toast_shown, f, 10000));
  assert_report (f, path, &n_pages);
}

int
main (int   argc,
      char *argv[])
{
  /* The strings checked are the English ones */
  if (!exam_test_init (&argc, &argv, "C"))
    return g_test_run ();

  g_test_add ("/gui-exam-report/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gui-exam-report/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/gui-exam-report/export-by-keys", Fixture, NULL, fixture_set_up, test_export_by_keys,
              fixture_tear_down);
  return g_test_run ();
}
