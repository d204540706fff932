/* test-gui-exam-leave.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-exam-format.h"
#include "xf-exam-paper-question.h"
#include "xf-exam-review-row.h"

/* Leaving an exam in a real window before it is over: to continue later
 * (by closing the window or quitting), a 简答 written, taken up again and
 * graded by hand, and an answer that comes after the store ended the
 * attempt. */

/* Closing the window during an attempt asks; Keep answering (the
 * default) stays; Continue later saves an answer still being written,
 * closes the window and leaves the attempt in progress, to be taken up
 * again. */
static void
test_continue_later (ExamTestFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) left = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *given = NULL;
  AdwMessageDialog *dialog;
  XfExamItem *item;

  exam_test_open_window (f);
  attempt = exam_test_start (f, exam->uuid);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ADW_MESSAGE_DIALOG (exam_test_wait_for_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the clock stops while Xuefa is closed"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (adw_message_dialog_has_response (dialog, "later"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "submit"));
  adw_message_dialog_response (dialog, "cancel");
  xf_test_iterate (300);
  g_assert_nonnull (f->window);
  g_assert_true (exam_test_view_answering (f->view));

  /* An answer given just before, not yet written */
  item = g_ptr_array_index (attempt->paper->items, 0);
  given = exam_test_right_answer (item, g_ptr_array_index (questions, 0));
  for (const char *p = given; *p != '\0'; p++)
    xf_test_send_key (GTK_WIDGET (f->view), FALSE, exam_test_key_for (item, *p, FALSE), 0);
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ADW_MESSAGE_DIALOG (exam_test_wait_for_dialog ());
  adw_message_dialog_response (dialog, "later");
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 10000));

  left = exam_test_read_attempt (f, attempt->uuid);
  g_assert_cmpint (left->state, ==, XF_ATTEMPT_IN_PROGRESS);
  g_assert_cmpstr (g_ptr_array_index (left->answers, 0), ==, given);
  g_assert_cmpuint (xf_attempt_get_n_answered (left), ==, 1);

  exam_test_open_window (f);
  exam_test_resume (f, attempt->uuid);
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 0), ==, given);
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 1);
}

static gboolean
has_windows (gpointer data)
{
  return gtk_application_get_windows (data) != NULL;
}

/* app.quit (Ctrl+Q) asks the window showing an attempt, as its close
 * button does: the app stays until the answer; Submit and close submits
 * and closes its last window. */
static void
test_quit (ExamTestFixture *f,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfApplication) app = xf_application_new ();
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  AdwMessageDialog *dialog;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  exam_test_open_window_of (f, app);
  attempt = exam_test_start (f, exam->uuid);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.quit", NULL));
  dialog = ADW_MESSAGE_DIALOG (exam_test_wait_for_dialog ());
  xf_test_iterate (500);
  g_assert_nonnull (f->window);
  g_assert_true (has_windows (app));
  g_assert_true (exam_test_view_answering (f->view));

  /* Quitting again shows the same question */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  xf_test_iterate (100);
  g_assert_true (xf_test_find_message_dialog () == GTK_WINDOW (dialog));

  adw_message_dialog_response (dialog, "submit");
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 10000));
  g_assert_false (has_windows (app));
  submitted = exam_test_read_attempt (f, attempt->uuid);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, XF_ATTEMPT_SUBMITTED_BY_PERSON);
}

/* An exam of a 简答 and two 单选, saved */
static XfExam *
make_exam (ExamTestFixture *f,
           guint            time_limit_s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autofree char *essay = NULL;
  g_autofree char *single = NULL;
  g_autofree char *other = NULL;
  const char * const ages[] = { "八周岁", "十四周岁", "十六周岁", "十八周岁", NULL };
  const char * const days[] = { "三日", "五日", "七日", "十五日", NULL };
  XfExam *exam = xf_exam_new ();

  bank = xf_question_store_ensure_bank (f->db, "科室自测题库", &error);
  g_assert_no_error (error);
  essay = exam_test_add_question (f->db, xf_question_bank_get_id (bank), XF_QUESTION_ESSAY,
                                  "简述行政处罚的种类。", NULL,
                                  "警告、通报批评；罚款、没收违法所得、没收非法财物；"
                                  "暂扣许可证件、降低资质等级、吊销许可证件；"
                                  "限制开展生产经营活动、责令停产停业、责令关闭、限制从业；"
                                  "行政拘留；法律、行政法规规定的其他行政处罚。");
  single = exam_test_add_question (f->db, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE,
                                   "不满多少周岁的未成年人有违法行为的，不予行政处罚？", ages, "B");
  other = exam_test_add_question (f->db, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE,
                                  "当事人要求听证的，应当在行政机关告知后几日内提出？", days, "B");
  g_free (exam->title);
  exam->title = g_strdup ("科室自测");
  exam->time_limit_s = time_limit_s;
  exam->pass_mark = 2;
  exam->shuffle_questions = FALSE;
  exam->shuffle_options = FALSE;
  exam_test_add_fixed (exam, essay, 10);
  exam_test_add_fixed (exam, single, 1);
  exam_test_add_fixed (exam, other, 1);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);
  return exam;
}

/* A 简答 written in its text view is saved when typing pauses, shows
 * again when the attempt is taken up, can be written on in the whole
 * paper, and is left to be graded by hand. */
static void
test_essay (ExamTestFixture *f,
            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = make_exam (f, 0);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  g_autoptr(XfExamResult) grade = NULL;
  g_autofree char *text = NULL;
  g_autofree char *mark = NULL;
  const char *written = "警告、通报批评；罚款";
  const char *more = "；行政拘留。";
  g_autofree char *whole = g_strconcat (written, more, NULL);
  ExamTestAnswerQuery saved = { NULL, 0, written };
  ExamTestAnswerQuery all = { NULL, 0, whole };
  GtkTextBuffer *buffer;
  GtkTextView *essay;
  GtkTextIter start_iter, end_iter;
  XfExamResults *results;
  GtkWidget *list;
  GtkWindow *dialog;
  guint essay_index = G_MAXUINT;

  exam_test_open_window (f);
  attempt = exam_test_start (f, exam->uuid);
  for (guint i = 0; i < attempt->paper->items->len; i++)
    if (((XfExamItem *)g_ptr_array_index (attempt->paper->items, i))->type == XF_QUESTION_ESSAY)
      essay_index = i;
  g_assert_cmpuint (essay_index, ==, 0);
  saved.view = all.view = f->view;

  /* The keyboard is in the essay's text: letters are text, not answers */
  essay = exam_test_view_child (f, "essay_view");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (essay)));
  buffer = gtk_text_view_get_buffer (essay);
  gtk_text_buffer_insert_at_cursor (buffer, written, -1);
  if (f->real_keys)
    {
      exam_test_press (f, GDK_KEY_m, 0);
      exam_test_press (f, GDK_KEY_BackSpace, 0);
    }
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &saved, 10000));
  g_assert_false (xf_exam_view_get_flagged (f->view, 0));

  /* Gone without submitting; taken up again, the text shows */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 5000));
  xf_test_iterate (100);
  exam_test_open_window (f);
  exam_test_resume (f, attempt->uuid);
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 0), ==, written);
  saved.view = all.view = f->view;
  essay = exam_test_view_child (f, "essay_view");
  /* The first question without an answer shows: back to the essay */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.go", "u", 0);
  buffer = gtk_text_view_get_buffer (essay);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  g_assert_cmpstr (text, ==, written);

  /* Written on in the whole paper */
  exam_test_show_paper (f->view);
  essay = exam_test_template_child (exam_test_paper_card (f, 0), XF_TYPE_EXAM_PAPER_QUESTION, "essay_view");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (essay)));
  buffer = gtk_text_view_get_buffer (essay);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  g_assert_cmpstr (text, ==, written);
  gtk_text_buffer_insert (buffer, &end_iter, more, -1);
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &all, 10000));

  /* Submitted: the 简答 waits to be graded by hand */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.submit", NULL));
  dialog = exam_test_wait_for_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  results = XF_EXAM_RESULTS (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_true (xf_test_wait_for (exam_test_results_shown, results, 10000));
  submitted = exam_test_read_attempt (f, attempt->uuid);
  g_assert_cmpstr (g_ptr_array_index (submitted->answers, 0), ==, whole);
  grade = xf_exam_store_grade_attempt (f->db, submitted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grade->pending, ==, 1);
  g_assert_true (g_array_index (grade->marks, XfExamMark, 0).pending);
  g_assert_cmpfloat (g_array_index (grade->marks, XfExamMark, 0).score, ==, 0);
  g_assert_nonnull (xf_test_find_label (GTK_WIDGET (results), "to be graded by hand"));
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (results), XF_TYPE_EXAM_RESULTS, "review_list"));
  mark = xf_format_exam_mark (&g_array_index (grade->marks, XfExamMark, 0));
  g_assert_cmpstr (xf_exam_review_row_get_mark (XF_EXAM_REVIEW_ROW (gtk_widget_get_first_child (list))), ==, mark);
  g_assert_nonnull (xf_test_find_label (gtk_widget_get_first_child (list), more + strlen ("；")));
}

/* The store ends the attempt between the last tick and an answer: its
 * time ran out (here, the time spent is moved on through SQL), or its
 * exam closed. The answer is refused, the paper submitted with the
 * answers before it, and the results say what happened. */
static void
answer_after_over (ExamTestFixture *f,
                   gboolean         closed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = make_exam (f, 600);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  ExamTestAnswerQuery first = { NULL, 1, "B" };
  ExamTestAnswerQuery third = { NULL, 2, NULL };
  XfExamResults *results;
  const char *reason;

  exam_test_open_window (f);
  first.view = third.view = f->view;
  attempt = exam_test_start (f, exam->uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.go", "u", 1));
  exam_test_press (f, GDK_KEY_b, 0);
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &first, 10000));
  exam_test_press (f, GDK_KEY_Right, 0);
  g_assert_true (xf_test_wait_for (exam_test_current_is, &third, 5000));

  if (closed)
    {
      exam->closes_at = g_get_real_time () - G_USEC_PER_SEC;
      exam->opens_at = exam->closes_at - (gint64)3600 * G_USEC_PER_SEC;
      g_assert_true (xf_exam_store_save (f->db, exam, &error));
    }
  else
    {
      sqlite3_stmt *stmt = xf_database_prepare (f->db, "UPDATE exam_attempts SET elapsed_us = ? WHERE uuid = ?",
                                                &error);

      g_assert_nonnull (stmt);
      sqlite3_bind_int64 (stmt, 1, (gint64)600 * G_USEC_PER_SEC);
      sqlite3_bind_text (stmt, 2, attempt->uuid, -1, SQLITE_TRANSIENT);
      g_assert_true (xf_database_step_done (f->db, stmt, &error));
    }
  g_assert_no_error (error);
  /* Straight to the view, before the next tick could see it */
  xf_test_send_key (GTK_WIDGET (f->view), FALSE, GDK_KEY_a, 0);

  results = XF_EXAM_RESULTS (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_true (xf_test_wait_for (exam_test_results_shown, results, 10000));
  submitted = exam_test_read_attempt (f, attempt->uuid);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, closed ? XF_ATTEMPT_SUBMITTED_CLOSED : XF_ATTEMPT_SUBMITTED_TIME_UP);
  g_assert_cmpstr (g_ptr_array_index (submitted->answers, 1), ==, "B");
  g_assert_null (g_ptr_array_index (submitted->answers, 2));
  g_assert_cmpfloat (submitted->score, ==, 1);

  /* The results say why, and the message which answer came too late */
  reason = closed ? "submitted when the exam closed" : "submitted when the time was up";
  g_assert_nonnull (xf_test_find_label (GTK_WIDGET (results), reason));
  g_assert_nonnull (xf_test_find_label (GTK_WIDGET (f->window),
                                        closed ? "The exam has closed" : "The time is up"));
  g_assert_nonnull (xf_test_find_label (GTK_WIDGET (f->window), "answer to question 3 came after"));
}

static void
test_answer_after_time_up (ExamTestFixture *f,
                           gconstpointer    data)
{
  answer_after_over (f, FALSE);
}

static void
test_answer_after_close (ExamTestFixture *f,
                         gconstpointer    data)
{
  answer_after_over (f, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* The strings checked are the English ones */
  if (!exam_test_init (&argc, &argv, "C"))
    return g_test_run ();

  g_test_add ("/gui-exam-leave/continue-later", ExamTestFixture, NULL, exam_test_fixture_set_up, test_continue_later,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam-leave/quit", ExamTestFixture, NULL, exam_test_fixture_set_up, test_quit,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam-leave/essay", ExamTestFixture, NULL, exam_test_fixture_set_up, test_essay,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam-leave/answer-after-time-up", ExamTestFixture, NULL, exam_test_fixture_set_up,
              test_answer_after_time_up, exam_test_fixture_tear_down);
  g_test_add ("/gui-exam-leave/answer-after-close", ExamTestFixture, NULL, exam_test_fixture_set_up,
              test_answer_after_close, exam_test_fixture_tear_down);

  return g_test_run ();
}
