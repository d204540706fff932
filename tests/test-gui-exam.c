/* test-gui-exam.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-article.h"
#include "xf-exam-editor.h"
#include "xf-exam-format.h"
#include "xf-exam-review-row.h"

/* Exams in a real window over a profile that holds the shipped content:
 * the practice exam taken start to end from the keyboard, an attempt
 * taken up again after its window went without submitting, typed answers
 * and a paper whose time runs out. Keys go through the X server (xdotool)
 * when the display is an X server and the tool is there, as a person's
 * would; else they are handed to the view's own key handling. */

/* Letters for most questions, digits for every third; T/F or 1/2 for 判断 */
static void
answer_by_keys (ExamTestFixture *f,
                guint            index,
                XfExamItem      *item,
                const char      *answer)
{
  exam_test_answer_by_keys (f, index, item, answer, index % 3 == 1);
}

static void
go_to_next (ExamTestFixture *f,
            guint            index)
{
  ExamTestAnswerQuery next = { f->view, index + 1, NULL };

  exam_test_press (f, index % 2 == 0 ? GDK_KEY_Right : GDK_KEY_Page_Down, 0);
  if (!xf_test_wait_for (exam_test_current_is, &next, 5000))
    g_error ("Question %u shows, not %u", xf_exam_view_get_current (f->view) + 1, index + 2);
}

typedef enum
{
  RIGHT,
  WRONG,
  SKIP,
} Plan;

/* The practice exam from the keyboard: every question answered, five of
 * them wrong on purpose and two left out, submitted with Ctrl+Enter; the
 * score shown is the one counted by hand and the one the store gives. */
static void
test_take_by_keyboard (ExamTestFixture *f,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfExamResult) grade = NULL;
  g_autoptr(GArray) unanswered = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *numbers = NULL;
  g_autofree char *score_text = NULL;
  g_autofree Plan *plans = NULL;
  guint seen[XF_QUESTION_N_TYPES] = { 0 };
  guint n_wrong = 0, n_rows = 0, n_quoted = 0;
  double expected = 0;
  XfExamResults *results;
  GtkWindow *dialog;
  GtkWidget *list;

  exam_test_open_window (f);
  attempt = exam_test_start (f, exam->uuid);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, 70);
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 0);

  /* Wrong: the first three 单选, the first 多选 and the first 判断; left
   * out: the fourth 单选 and the second 判断. */
  plans = g_new0 (Plan, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      guint nth = ++seen[item->type];

      plans[i] = RIGHT;
      if ((item->type == XF_QUESTION_SINGLE && nth <= 3) || (item->type != XF_QUESTION_SINGLE && nth == 1))
        plans[i] = WRONG;
      else if ((item->type == XF_QUESTION_SINGLE && nth == 4) || (item->type == XF_QUESTION_TRUE_FALSE && nth == 2))
        plans[i] = SKIP;
      if (plans[i] == RIGHT)
        expected += item->score;
      else if (plans[i] == SKIP)
        {
          guint number = i + 1;
          g_array_append_val (unanswered, number);
        }
      n_wrong += plans[i] == WRONG;
    }
  g_assert_cmpuint (n_wrong, ==, 5);
  g_assert_cmpuint (unanswered->len, ==, 2);

  for (guint i = 0; i < questions->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfQuestion *question = g_ptr_array_index (questions, i);

      if (plans[i] != SKIP)
        {
          g_autofree char *answer = plans[i] == RIGHT ? exam_test_right_answer (item, question)
                                                      : exam_test_wrong_answer (item, question);

          answer_by_keys (f, i, item, answer);
        }
      if (i + 1 < questions->len)
        go_to_next (f, i);
    }
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 68);

  /* Ctrl+Enter asks, naming the questions without an answer */
  exam_test_press (f, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  dialog = xf_test_find_message_dialog ();
  numbers = xf_format_question_numbers ((const guint *)(gpointer)unanswered->data, unanswered->len, 0);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), numbers));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "submit");

  results = XF_EXAM_RESULTS (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_true (xf_test_wait_for (exam_test_results_shown, results, 10000));
  g_assert_false (xf_exam_view_get_running (f->view));

  /* The score shown is the one counted here… */
  score_text = xf_format_score_of (expected, 100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (results),
                                                                                 XF_TYPE_EXAM_RESULTS,
                                                                                 "score_label"))),
                   ==, score_text);

  /* … and the store's: submitted, graded the same */
  submitted = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, XF_ATTEMPT_SUBMITTED_BY_PERSON);
  g_assert_true (submitted->graded);
  g_assert_cmpfloat_with_epsilon (submitted->score, expected, 1e-9);
  g_assert_cmpuint (xf_attempt_get_n_answered (submitted), ==, 68);
  grade = xf_exam_store_grade_attempt (f->db, submitted, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (grade->score, expected, 1e-9);
  g_assert_cmpuint (grade->right, ==, 63);
  g_assert_cmpuint (grade->wrong, ==, 5);
  g_assert_cmpuint (grade->unanswered, ==, 2);
  g_assert_true (grade->passed);

  /* A row a question in the review, marked as graded, quoting the text of
   * every article the question links to */
  list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (results), XF_TYPE_EXAM_RESULTS, "review_list"));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      XfExamMark *mark = &g_array_index (grade->marks, XfExamMark, n_rows);
      g_autofree char *expected_mark = xf_format_exam_mark (mark);
      g_autoptr(GPtrArray) articles = xf_question_store_load_articles (f->db, g_ptr_array_index (questions, n_rows), &error);
      GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (row, XF_TYPE_EXAM_REVIEW_ROW, "articles_box"));
      GtkWidget *quote = gtk_widget_get_first_child (box);

      g_assert_no_error (error);
      g_assert_cmpint (gtk_widget_get_visible (box), ==, articles->len > 0);
      for (guint i = 0; i < articles->len; i++, quote = gtk_widget_get_next_sibling (quote))
        {
          XfArticle *article = g_ptr_array_index (articles, i);

          g_assert_true (GTK_IS_LABEL (quote));
          if (article != NULL)
            {
              g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (quote)), xf_article_get_body (article)));
              n_quoted++;
            }
        }
      g_assert_null (quote);

      g_assert_true (XF_IS_EXAM_REVIEW_ROW (row));
      g_assert_cmpint (mark->answered, ==, plans[n_rows] != SKIP);
      g_assert_cmpint (mark->right, ==, plans[n_rows] == RIGHT);
      g_assert_cmpstr (xf_exam_review_row_get_mark (XF_EXAM_REVIEW_ROW (row)), ==, expected_mark);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 70);
  /* Every question of the shipped banks links to an article the library holds */
  g_assert_cmpuint (n_quoted, >=, 70);

  /* Done: the exam lists the attempt, and offers to start again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (results), "win.close-results", NULL));
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));
  g_assert_cmpstr (xf_exams_page_get_state (f->page), ==, "list");
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.show-attempt", attempt->uuid));
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", exam->uuid));
}

/* Three answers, then the window goes without submitting, as a crash
 * would leave it: a new window takes the attempt up with its answers;
 * closing that window submits them. */
static void
test_resume_after_crash (ExamTestFixture *f,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) left = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_auto(GStrv) given = g_new0 (char *, 4);
  ExamTestAnswerQuery fourth = { NULL, 3, NULL };
  GtkWidget *resume;
  GtkWindow *dialog;
  gint64 remaining;

  exam_test_open_window (f);
  fourth.view = f->view;
  attempt = exam_test_start (f, exam->uuid);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);

      given[i] = exam_test_right_answer (item, g_ptr_array_index (questions, i));
      answer_by_keys (f, i, item, given[i]);
      go_to_next (f, i);
    }
  /* M flags the question shown */
  exam_test_press (f, GDK_KEY_m, 0);
  g_assert_true (xf_test_wait_for (exam_test_flagged, &fourth, 5000));

  /* Gone without submitting */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 5000));
  xf_test_iterate (100);
  left = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (left->state, ==, XF_ATTEMPT_IN_PROGRESS);
  g_assert_cmpuint (xf_attempt_get_n_answered (left), ==, 3);

  /* A new window offers to resume it, and shows the answers */
  exam_test_open_window (f);
  g_assert_cmpstr (xf_exams_page_get_state (f->page), ==, "list");
  resume = xf_test_find_action (GTK_WIDGET (f->page), "win.resume-exam", attempt->uuid);
  g_assert_nonnull (resume);
  g_assert_null (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", exam->uuid));
  g_assert_true (gtk_widget_activate (resume));
  g_assert_true (xf_test_wait_for (exam_test_view_answering, f->view, 10000));
  g_assert_cmpstr (xf_exam_session_get_attempt (xf_exam_view_get_session (f->view))->uuid, ==, attempt->uuid);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (xf_exam_view_get_answer (f->view, i), ==, given[i]);
      g_assert_true (xf_exam_view_is_saved (f->view, i));
    }
  g_assert_null (xf_exam_view_get_answer (f->view, 3));
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 3);
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 3);
  remaining = xf_exam_session_get_remaining_us (xf_exam_view_get_session (f->view));
  g_assert_cmpint (remaining, <=, (gint64)exam->time_limit_s * G_USEC_PER_SEC);
  g_assert_cmpint (remaining, >, (gint64)(exam->time_limit_s - 120) * G_USEC_PER_SEC);

  /* Closing the window asks, then submits what was given */
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  g_assert_nonnull (f->window);
  dialog = xf_test_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 10000));
  submitted = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, XF_ATTEMPT_SUBMITTED_BY_PERSON);
  g_assert_cmpuint (xf_attempt_get_n_answered (submitted), ==, 3);
}

static gboolean
entry_reads (gpointer data)
{
  ExamTestAnswerQuery *query = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (query->view)), query->answer) == 0;
}

/* A 填空 takes the letters typed in its entry: they answer and flag
 * nothing; Enter gives the answer. A paper whose time runs out is
 * submitted with the answers given, and its one attempt is made. */
static void
test_typed_and_time_up (ExamTestFixture *f,
                        gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  g_autofree char *fill = NULL;
  g_autofree char *single = NULL;
  const char * const ages[] = { "八周岁", "十四周岁", "十六周岁", "十八周岁", NULL };
  ExamTestAnswerQuery typed = { NULL, 0, "m1a" };
  ExamTestAnswerQuery chosen = { NULL, 1, "B" };
  ExamTestAnswerQuery second = { NULL, 1, NULL };
  ExamTestAnswerQuery text = { NULL, 0, "m1a" };
  XfExamResults *results;
  GtkWidget *entry;
  GtkWidget *focus;

  bank = xf_question_store_ensure_bank (f->db, "限时练习题库", &error);
  g_assert_no_error (error);
  fill = exam_test_add_question (f->db, xf_question_bank_get_id (bank), XF_QUESTION_FILL,
                                 "制定行政处罚法，是为了规范行政处罚的____和实施。", NULL, "设定");
  single = exam_test_add_question (f->db, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE,
                                   "不满多少周岁的未成年人有违法行为的，不予行政处罚？", ages, "B");
  g_free (exam->title);
  exam->title = g_strdup ("限时练习");
  exam->time_limit_s = 12;
  exam->pass_mark = 2;
  exam->attempts = 1;
  exam_test_add_fixed (exam, fill, 2);
  exam_test_add_fixed (exam, single, 1);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);

  exam_test_open_window (f);
  typed.view = chosen.view = second.view = f->view;
  attempt = exam_test_start (f, exam->uuid);
  g_assert_cmpuint (attempt->paper->items->len, ==, 2);

  /* The 填空 comes first: the keyboard is in its entry */
  entry = exam_test_view_child (f, "fill_entry");
  text.view = (XfExamView *)entry;
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Letters and digits are typed, M flags nothing, Left moves the cursor */
  if (f->real_keys)
    {
      exam_test_press (f, GDK_KEY_m, 0);
      exam_test_press (f, GDK_KEY_1, 0);
      exam_test_press (f, GDK_KEY_a, 0);
      exam_test_press (f, GDK_KEY_Left, 0);
      g_assert_true (xf_test_wait_for (entry_reads, &text, 5000));
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "m1a");
      exam_test_press (f, GDK_KEY_m, 0);
      exam_test_press (f, GDK_KEY_1, 0);
      exam_test_press (f, GDK_KEY_Left, 0);
    }
  xf_test_iterate (200);
  g_assert_null (xf_exam_view_get_answer (f->view, 0));
  g_assert_false (xf_exam_view_get_flagged (f->view, 0));
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "m1a");

  /* Enter gives it; Page Down moves on even from the entry */
  if (f->real_keys)
    exam_test_press (f, GDK_KEY_Return, 0);
  else
    g_signal_emit_by_name (entry, "activate");
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &typed, 5000));
  exam_test_press (f, GDK_KEY_Page_Down, 0);
  g_assert_true (xf_test_wait_for (exam_test_current_is, &second, 5000));
  exam_test_press (f, GDK_KEY_b, 0);
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &chosen, 5000));

  /* Less than five minutes were left from the start */
  g_assert_true (gtk_widget_has_css_class (exam_test_view_child (f, "countdown_box"), "warning"));

  /* The time runs out: submitted with the answers given */
  results = XF_EXAM_RESULTS (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_true (xf_test_wait_for (exam_test_results_shown, results, 30000));
  submitted = xf_exam_store_get_attempt (f->db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, XF_ATTEMPT_SUBMITTED_TIME_UP);
  g_assert_cmpstr (g_ptr_array_index (submitted->answers, 0), ==, "m1a");
  g_assert_cmpstr (g_ptr_array_index (submitted->answers, 1), ==, "B");
  g_assert_cmpfloat (submitted->score, ==, 1);
  g_assert_false (submitted->passed);

  /* Its one attempt is made: the page offers its result, not a start */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (results), "win.close-results", NULL));
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));
  g_assert_cmpstr (xf_exams_page_get_state (f->page), ==, "list");
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.show-attempt", attempt->uuid));
  g_assert_null (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", exam->uuid));
}

/* A write that fails says why, and the answer can be given again */
static void
test_write_fails (ExamTestFixture *f,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  ExamTestLabelQuery locked = { NULL, "database is locked" };
  ExamTestAnswerQuery saved = { NULL, 0, NULL };
  XfExamItem *item;

  exam_test_open_window (f);
  attempt = exam_test_start (f, exam->uuid);
  item = g_ptr_array_index (attempt->paper->items, 0);
  saved.view = f->view;
  saved.answer = item->type == XF_QUESTION_TRUE_FALSE ? "T" : "A";
  locked.label = exam_test_view_child (f, "save_label");

  /* Another writer holds the database past the store's patience */
  g_assert_true (xf_database_exec (f->db, "BEGIN IMMEDIATE", &error));
  g_assert_no_error (error);
  exam_test_press (f, item->type == XF_QUESTION_TRUE_FALSE ? GDK_KEY_t : GDK_KEY_a, 0);
  g_assert_true (xf_test_wait_for (exam_test_label_has, &locked, 30000));
  g_assert_false (xf_exam_view_is_saved (f->view, 0));
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 0);
  g_assert_true (xf_database_exec (f->db, "ROLLBACK", &error));

  /* The same key again: saved now */
  exam_test_press (f, item->type == XF_QUESTION_TRUE_FALSE ? GDK_KEY_t : GDK_KEY_a, 0);
  g_assert_true (xf_test_wait_for (exam_test_answer_saved, &saved, 10000));
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 1);
}

/* A profile without exams says so */
static void
test_empty (ExamTestFixture *f,
            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);

  g_assert_true (xf_exam_store_delete (f->db, exam->uuid, &error));
  g_assert_no_error (error);
  exam_test_open_window (f);
  g_assert_cmpstr (xf_exams_page_get_state (f->page), ==, "empty");
  g_assert_null (xf_test_find_button (GTK_WIDGET (f->page), "win.start-exam"));
  g_assert_nonnull (xf_test_find_button (GTK_WIDGET (f->page), "win.new-exam"));
}

static XfExamEditor *
find_editor (void)
{
  return exam_test_find_toplevel (XF_TYPE_EXAM_EDITOR, FALSE);
}


static gboolean
editor_shown (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_ready (gpointer data)
{
  XfExamEditor *editor = find_editor ();

  return editor != NULL && !xf_exam_editor_get_checking (editor) && xf_exam_editor_get_problem (editor) == NULL;
}

/* The page opens the editor for a new exam, and for one a person made
 * (the shipped one has no Edit button); a saved exam shows on the page */
static void
test_edit (ExamTestFixture *f,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) practice = exam_test_practice_exam (f);
  g_autoptr(XfExam) own = xf_exam_copy (practice);
  g_autoptr(XfExam) edited = NULL;
  g_autoptr(XfExam) stored = NULL;
  XfExamEditor *editor;

  g_free (own->uuid);
  own->uuid = g_uuid_string_random ();
  g_free (own->title);
  own->title = g_strdup ("科室自测");
  own->builtin = FALSE;
  g_assert_true (xf_exam_store_save (f->db, own, &error));
  g_assert_no_error (error);
  exam_test_open_window (f);
  g_assert_null (xf_test_find_action (GTK_WIDGET (f->page), "win.edit-exam", practice->uuid));
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.edit-exam", own->uuid));

  /* New */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-exam", NULL));
  g_assert_true (xf_test_wait_for (editor_shown, NULL, 5000));
  editor = find_editor ();
  g_assert_nonnull (xf_exam_editor_get_problem (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  xf_test_iterate (50);

  /* Edit the person's own exam and save it: the page shows it again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-exam", "s", own->uuid));
  g_assert_true (xf_test_wait_for (editor_ready, NULL, 10000));
  editor = find_editor ();
  edited = xf_exam_editor_dup_exam (editor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->title, ==, "科室自测");
  g_assert_cmpuint (edited->rules->len, ==, 3);
  g_assert_true (xf_exam_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));
  stored = xf_exam_store_get (f->db, own->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, "科室自测");
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", own->uuid));

  /* An exam for leading cadres says so, and 王晓明, who is not one, cannot
   * start it until his profile says he is */
  g_free (own->uuid);
  own->uuid = g_uuid_string_random ();
  g_ptr_array_add (own->audience, g_strdup ("leaders"));
  g_assert_true (xf_exam_store_save (f->db, own, &error));
  g_assert_no_error (error);
  xf_exams_page_reload (f->page);
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));
  xf_test_assert_label_shown (f->page, "for leading cadres");
  g_assert_null (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", own->uuid));
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", stored->uuid));
  xf_profile_set_leader (xf_profile_manager_get_last (f->manager), TRUE);
  xf_exams_page_reload (f->page);
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));
  g_assert_nonnull (xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", own->uuid));
}

int
main (int   argc,
      char *argv[])
{
  /* The strings checked are the English ones */
  if (!exam_test_init (&argc, &argv, "C"))
    return g_test_run ();

  g_test_add ("/gui-exam/empty", ExamTestFixture, NULL, exam_test_fixture_set_up, test_empty,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam/edit", ExamTestFixture, NULL, exam_test_fixture_set_up, test_edit,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam/take-by-keyboard", ExamTestFixture, NULL, exam_test_fixture_set_up, test_take_by_keyboard,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam/resume-after-crash", ExamTestFixture, NULL, exam_test_fixture_set_up,
              test_resume_after_crash, exam_test_fixture_tear_down);
  g_test_add ("/gui-exam/write-fails", ExamTestFixture, NULL, exam_test_fixture_set_up, test_write_fails,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam/typed-and-time-up", ExamTestFixture, NULL, exam_test_fixture_set_up,
              test_typed_and_time_up, exam_test_fixture_tear_down);

  return g_test_run ();
}
