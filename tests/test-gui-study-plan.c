/* test-gui-study-plan.c
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
#include "xf-study-plan-dialog.h"

/* The exam plan dialog: what the plan asks of a day follows the fields
 * before anything is saved; Save stores the plan, a new dialog shows it,
 * Remove takes it away; an exam date that is not after today cannot be
 * saved. Texts are checked in Chinese. */

static XfDatabase *
open_with_list (guint n)
{
  g_autoptr(GError) error = NULL;
  XfDatabase *db = xf_database_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (xf_database_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) "
                                       "VALUES (1, 'short', '短清单', 2026, 'all', 0, 0), "
                                       "(2, 'exam', '考试清单', 2026, 'all', 0, 0)", &error));
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO list_items (uuid, list_id, position, level, law_title, "
                                              "article_number) VALUES ('e%u', 2, %u, 'must', "
                                              "'中华人民共和国行政处罚法', %u)", i, i, i);
      g_assert_true (xf_database_exec (db, sql, &error));
    }
  g_assert_no_error (error);
  return db;
}

static char *
day_from_now (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
count_signal (gpointer  dialog,
              guint    *count)
{
  (*count)++;
}

static gboolean
response_enabled (XfStudyPlanDialog *dialog,
                  const char        *response)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response);
}

static void
test_plan_dialog (void)
{
  g_autoptr(XfDatabase) db = open_with_list (60);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyPlan) stored = NULL;
  g_autoptr(XfStudyPlan) removed = NULL;
  g_autofree char *in_three = day_from_now (3);
  g_autofree char *today = day_from_now (0);
  g_autofree char *shown = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  XfStudyPlanDialog *dialog;
  const XfStudyPlan *preview;
  guint changed = 0;

  gtk_window_present (window);

  /* No plan yet: the first list, a month away, nothing to remove */
  dialog = g_object_ref_sink (xf_study_plan_dialog_new (window, db));
  gtk_window_present (GTK_WINDOW (dialog));
  preview = xf_study_plan_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpstr (preview->list_uuid, ==, "short");
  g_assert_cmpuint (preview->days_left, ==, 30);
  g_assert_false (response_enabled (dialog, "remove"));
  g_assert_true (response_enabled (dialog, "save"));

  /* 60 items in 3 days on a minute a day: most cannot be reached */
  xf_study_plan_dialog_set_list (dialog, "exam");
  xf_study_plan_dialog_set_exam_day (dialog, in_three);
  xf_study_plan_dialog_set_minutes (dialog, 1);
  preview = xf_study_plan_dialog_get_preview (dialog);
  g_assert_cmpstr (preview->list_uuid, ==, "exam");
  g_assert_cmpuint (preview->days_left, ==, 3);
  g_assert_cmpuint (preview->n_items, ==, 60);
  g_assert_false (preview->feasible);
  g_assert_cmpuint (preview->n_unreached, ==, 57);
  g_assert_nonnull (strstr (xf_study_plan_dialog_get_summary (dialog), "考试前还有 3 个学习日"));
  g_assert_nonnull (strstr (xf_study_plan_dialog_get_summary (dialog), "57 条"));

  /* An hour a day is enough */
  xf_study_plan_dialog_set_minutes (dialog, 60);
  preview = xf_study_plan_dialog_get_preview (dialog);
  g_assert_true (preview->feasible);
  g_assert_cmpuint (preview->new_per_day, ==, 20);
  g_assert_nonnull (strstr (xf_study_plan_dialog_get_summary (dialog), "新学 20 条"));
  /* Nothing is stored before Save */
  g_assert_true (xf_study_plan_get (db, g_get_real_time (), &stored, &error));
  g_assert_null (stored);

  g_signal_connect (dialog, "changed", G_CALLBACK (count_signal), &changed);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (xf_study_plan_get (db, g_get_real_time (), &stored, &error));
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->exam_day, ==, in_three);
  g_assert_cmpstr (stored->list_uuid, ==, "exam");
  g_assert_cmpuint (stored->budget_minutes, ==, 60);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  /* A new dialog shows the stored plan, and removes it */
  dialog = g_object_ref_sink (xf_study_plan_dialog_new (window, db));
  shown = xf_study_plan_dialog_dup_exam_day (dialog);
  g_assert_cmpstr (shown, ==, in_three);
  g_assert_cmpstr (xf_study_plan_dialog_get_preview (dialog)->list_uuid, ==, "exam");
  g_assert_cmpuint (xf_study_plan_dialog_get_preview (dialog)->budget_minutes, ==, 60);
  g_assert_true (response_enabled (dialog, "remove"));

  /* Today is no exam date to plan for */
  xf_study_plan_dialog_set_exam_day (dialog, today);
  g_assert_false (response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (xf_study_plan_dialog_get_summary (dialog), "考试日期须在今天之后"));

  g_signal_connect (dialog, "changed", G_CALLBACK (count_signal), &changed);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (xf_study_plan_get (db, g_get_real_time (), &removed, &error));
  g_assert_null (removed);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (window);
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

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The texts are checked in Chinese, as people read them */
  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/gui-study-plan/dialog", test_plan_dialog);

  return g_test_run ();
}
