/* test-gui-exam-paper.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-exam-test-utils.h"
#include "xf-exam-paper-question.h"

/* The whole paper of an exam in a real window: made while idle, moved by
 * the sheet and by scrolling, answered and flagged from the keyboard, the
 * same as one question at a time; and flags kept across a resume, on the
 * sheet and on the paper. */

/* A child of the template of question @index of the whole paper */
static gpointer
card_child (ExamTestFixture *f,
            guint            index,
            const char      *name)
{
  return exam_test_template_child (exam_test_paper_card (f, index), XF_TYPE_EXAM_PAPER_QUESTION, name);
}

static guint
count_cards (ExamTestFixture *f)
{
  GtkWidget *box = exam_test_view_child (f, "paper_box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
all_cards_made (gpointer data)
{
  ExamTestFixture *f = data;

  return count_cards (f) == 70;
}

/* The options a question of the whole paper shows chosen, as letters */
static char *
card_chosen (ExamTestFixture *f,
             guint            index)
{
  GtkWidget *box = card_child (f, index, "options_box");
  GString *chosen = g_string_new (NULL);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child), i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      g_string_append_c (chosen, (char)('A' + i));
  return g_string_free (chosen, FALSE);
}

static gboolean
card_in_sight (gpointer data)
{
  ExamTestAnswerQuery *query = data;
  GtkScrolledWindow *scroller = exam_test_template_child (query->view, XF_TYPE_EXAM_VIEW, "paper_scroller");
  GtkWidget *box = exam_test_template_child (query->view, XF_TYPE_EXAM_VIEW, "paper_box");
  GtkWidget *card = gtk_widget_get_first_child (box);
  graphene_point_t point;
  double value;

  for (guint i = 0; card != NULL && i < query->index; i++)
    card = gtk_widget_get_next_sibling (card);
  if (card == NULL || !gtk_widget_compute_point (card, gtk_widget_get_parent (box), &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller));
  /* Its top at the top of what shows */
  return gtk_widget_get_height (card) > 0 && point.y >= value && point.y - value < 40;
}

typedef struct
{
  ExamTestFixture *f;
  const char      *uuid;
  guint            index;
  gboolean         flagged;
} FlagQuery;

static gboolean
flag_stored (gpointer data)
{
  FlagQuery *query = data;
  g_autoptr(XfAttempt) attempt = exam_test_read_attempt (query->f, query->uuid);

  return g_array_index (attempt->flags, gboolean, query->index) == query->flagged;
}

/* The whole paper opens with its first questions and makes the others
 * while idle; the sheet moves it, scrolling moves the current question,
 * keys answer and flag the current one, a failed write shows on its
 * question and is given again; one question at a time shows the same. */
static gboolean
paper_settled (gpointer data)
{
  return !xf_exam_view_get_scrolling (XF_EXAM_VIEW (data));
}

static void
test_paper (ExamTestFixture *f,
            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) stored = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *first = NULL;
  g_autofree char *fortieth = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *layout = NULL;
  ExamTestAnswerQuery at = { NULL, 0, NULL };
  ExamTestLabelQuery locked = { NULL, "database is locked" };
  XfExamItem *item;
  GtkWidget *sheet_button;
  GtkAdjustment *adjustment;
  FlagQuery flag;
  double shown_ms;

  exam_test_open_window (f);
  at.view = f->view;
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "question");
  exam_test_show_paper (f->view);
  layout = g_settings_get_string (settings, "exam-layout");
  g_assert_cmpstr (layout, ==, "paper");

  timer = g_timer_new ();
  attempt = exam_test_start (f, exam->uuid);
  shown_ms = g_timer_elapsed (timer, NULL) * 1000;
  g_assert_cmpuint (count_cards (f), >=, 1);
  g_assert_true (xf_test_wait_for (all_cards_made, f, 10000));
  g_test_message ("Whole paper of 70: answerable after %.0f ms, every question made after %.0f ms", shown_ms,
                  g_timer_elapsed (timer, NULL) * 1000);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 0);
  g_assert_true (gtk_widget_has_css_class (exam_test_paper_card (f, 0), "current"));

  /* Keys answer the current question, and its options show it */
  item = g_ptr_array_index (attempt->paper->items, 0);
  first = exam_test_right_answer (item, g_ptr_array_index (questions, 0));
  exam_test_answer_by_keys (f, 0, item, first, FALSE);
  chosen = card_chosen (f, 0);
  if (item->type == XF_QUESTION_TRUE_FALSE)
    g_assert_cmpstr (chosen, ==, g_str_equal (first, "T") ? "A" : "B");
  else
    g_assert_cmpstr (chosen, ==, first);

  /* The sheet brings question 40 to the top; keys answer it */
  sheet_button = xf_test_find_widget (exam_test_view_child (f, "sheet_grid"), GTK_TYPE_BUTTON, FALSE);
  for (guint i = 0; i < 39; i++)
    sheet_button = gtk_widget_get_next_sibling (sheet_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sheet_button)), ==, "40");
  g_assert_true (gtk_widget_activate (sheet_button));
  at.index = 39;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  g_assert_true (xf_test_wait_for (card_in_sight, &at, 5000));
  item = g_ptr_array_index (attempt->paper->items, 39);
  fortieth = exam_test_right_answer (item, g_ptr_array_index (questions, 39));
  exam_test_answer_by_keys (f, 39, item, fortieth, FALSE);
  g_assert_true (gtk_widget_has_css_class (sheet_button, "answered"));

  /* Scrolled back to the top, once the paper stopped bringing question 40
   * up, the first question is the current one; M flags it */
  g_assert_true (xf_test_wait_for (paper_settled, f->view, 5000));
  adjustment = gtk_scrolled_window_get_vadjustment (exam_test_view_child (f, "paper_scroller"));
  gtk_adjustment_set_value (adjustment, 0);
  at.index = 0;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  exam_test_press (f, GDK_KEY_m, 0);
  g_assert_true (xf_test_wait_for (exam_test_flagged, &at, 5000));
  /* stored before the database is locked below */
  flag = (FlagQuery) { f, attempt->uuid, 0, TRUE };
  g_assert_true (xf_test_wait_for (flag_stored, &flag, 5000));
  g_assert_true (gtk_toggle_button_get_active (card_child (f, 0, "flag_button")));

  /* The keyboard in the second question makes it current. A write that
   * fails says why on that question, and the same key gives it again. */
  item = g_ptr_array_index (attempt->paper->items, 1);
  g_assert_true (xf_exam_paper_question_focus_answer (XF_EXAM_PAPER_QUESTION (exam_test_paper_card (f, 1))));
  at.index = 1;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  locked.label = card_child (f, 1, "save_label");
  g_assert_true (xf_database_exec (f->db, "BEGIN IMMEDIATE", &error));
  exam_test_press (f, exam_test_key_for (item, item->type == XF_QUESTION_TRUE_FALSE ? 'T' : 'A', FALSE), 0);
  g_assert_true (xf_test_wait_for (exam_test_label_has, &locked, 30000));
  g_assert_false (xf_exam_view_is_saved (f->view, 1));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_next_sibling (xf_test_find_widget (
                   exam_test_view_child (f, "sheet_grid"), GTK_TYPE_BUTTON, FALSE)), "failed"));
  g_assert_true (xf_database_exec (f->db, "ROLLBACK", &error));
  exam_test_answer_by_keys (f, 1, item, item->type == XF_QUESTION_TRUE_FALSE ? "T" : "A", FALSE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (locked.label), "error"));

  /* One question at a time (Ctrl+Shift+L) shows the same */
  xf_test_send_key (GTK_WIDGET (f->view), FALSE, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "question");
  g_clear_pointer (&layout, g_free);
  layout = g_settings_get_string (settings, "exam-layout");
  g_assert_cmpstr (layout, ==, "question");
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 1);
  g_assert_true (xf_test_is_mapped (exam_test_view_child (f, "stem_label")));
  g_assert_false (gtk_toggle_button_get_active (exam_test_view_child (f, "flag_button")));
  exam_test_press (f, GDK_KEY_Left, 0);
  at.index = 0;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  g_assert_true (gtk_toggle_button_get_active (exam_test_view_child (f, "flag_button")));
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 0), ==, first);
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 39), ==, fortieth);
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 3);

  /* An answer given here shows on the whole paper */
  exam_test_press (f, GDK_KEY_Right, 0);
  exam_test_press (f, GDK_KEY_Right, 0);
  at.index = 2;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  item = g_ptr_array_index (attempt->paper->items, 2);
  exam_test_answer_by_keys (f, 2, item, item->type == XF_QUESTION_TRUE_FALSE ? "F" : "B", FALSE);
  xf_test_send_key (GTK_WIDGET (f->view), FALSE, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "paper");
  g_assert_true (xf_test_wait_for (card_in_sight, &at, 5000));
  g_clear_pointer (&chosen, g_free);
  chosen = card_chosen (f, 2);
  /* 错 is the second button of a 判断 */
  g_assert_cmpstr (chosen, ==, "B");

  stored = exam_test_read_attempt (f, attempt->uuid);
  g_assert_cmpuint (xf_attempt_get_n_answered (stored), ==, 4);
  g_assert_cmpstr (g_ptr_array_index (stored->answers, 39), ==, fortieth);
  g_assert_true (g_array_index (stored->flags, gboolean, 0));
}

static GtkWidget *
sheet_button (ExamTestFixture *f,
              guint            index)
{
  GtkWidget *button = xf_test_find_widget (exam_test_view_child (f, "sheet_grid"), GTK_TYPE_BUTTON, FALSE);

  for (guint i = 0; button != NULL && i < index; i++)
    button = gtk_widget_get_next_sibling (button);
  return button;
}

/* Two questions flagged, one by M and one by its button; the window goes
 * without submitting; a new window takes the attempt up with the two
 * flagged, on the sheet and on the whole paper, and a flag taken off
 * stays off. */
static void
test_flags_resume (ExamTestFixture *f,
                   gconstpointer    data)
{
  g_autoptr(XfExam) exam = exam_test_practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  ExamTestAnswerQuery at = { NULL, 0, NULL };
  FlagQuery first = { f, NULL, 0, TRUE };
  FlagQuery third = { f, NULL, 2, TRUE };

  exam_test_open_window (f);
  at.view = f->view;
  attempt = exam_test_start (f, exam->uuid);
  first.uuid = third.uuid = attempt->uuid;
  exam_test_press (f, GDK_KEY_m, 0);
  g_assert_true (xf_test_wait_for (exam_test_flagged, &at, 5000));
  exam_test_press (f, GDK_KEY_Right, 0);
  exam_test_press (f, GDK_KEY_Right, 0);
  at.index = 2;
  g_assert_true (xf_test_wait_for (exam_test_current_is, &at, 5000));
  g_assert_true (gtk_widget_activate (exam_test_view_child (f, "flag_button")));
  g_assert_true (xf_test_wait_for (exam_test_flagged, &at, 5000));
  g_assert_true (xf_test_wait_for (flag_stored, &first, 5000));
  g_assert_true (xf_test_wait_for (flag_stored, &third, 5000));

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (exam_test_is_null, &f->window, 5000));
  xf_test_iterate (100);

  exam_test_open_window (f);
  exam_test_resume (f, attempt->uuid);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (xf_exam_view_get_flagged (f->view, i), ==, i == 0 || i == 2);
      g_assert_cmpint (gtk_widget_has_css_class (sheet_button (f, i), "flagged"), ==, i == 0 || i == 2);
    }
  g_assert_true (gtk_toggle_button_get_active (exam_test_view_child (f, "flag_button")));

  exam_test_show_paper (f->view);
  g_assert_true (xf_test_wait_for (all_cards_made, f, 10000));
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (card_child (f, i, "flag_button")), ==, i == 0 || i == 2);

  /* Its button on the paper takes the third one's flag off */
  g_assert_true (gtk_widget_activate (card_child (f, 2, "flag_button")));
  third.flagged = FALSE;
  g_assert_true (xf_test_wait_for (flag_stored, &third, 5000));
  g_assert_false (xf_exam_view_get_flagged (f->view, 2));
  g_assert_false (gtk_widget_has_css_class (sheet_button (f, 2), "flagged"));
}

int
main (int   argc,
      char *argv[])
{
  /* The strings checked are the English ones */
  if (!exam_test_init (&argc, &argv, "C"))
    return g_test_run ();

  g_test_add ("/gui-exam-paper/paper", ExamTestFixture, NULL, exam_test_fixture_set_up, test_paper,
              exam_test_fixture_tear_down);
  g_test_add ("/gui-exam-paper/flags-resume", ExamTestFixture, NULL, exam_test_fixture_set_up, test_flags_resume,
              exam_test_fixture_tear_down);

  return g_test_run ();
}
