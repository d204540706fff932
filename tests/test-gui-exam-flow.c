/* test-gui-exam-flow.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-test-utils.h"
#include "xf-application.h"
#include "xf-content.h"
#include "xf-exam-format.h"
#include "xf-exam-paper-question.h"
#include "xf-exam-results.h"
#include "xf-exam-review-row.h"
#include "xf-exam-store.h"
#include "xf-exam-view.h"
#include "xf-exams-page.h"
#include "xf-profile-manager.h"
#include "xf-question-store.h"
#include "xf-window.h"

/* Exams taken in a real window, beyond one question at a time: the whole
 * paper, flags kept across a resume, leaving an attempt to continue later
 * (by closing the window or quitting), a 简答 written and graded by hand,
 * and an answer that comes after the store ended the attempt. */

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfExamsPage      *page;
  XfExamView       *view;
  gboolean          real_keys;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  XfProfile *profile;

  /* The layout is a setting: every test starts from the default */
  g_settings_reset (settings, "exam-layout");
  f->dir = g_dir_make_tmp ("xf-exam-flow-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", f->dir, TRUE);
  f->manager = xf_profile_manager_new (f->dir);
  profile = xf_profile_manager_create (f->manager, "王晓明", &error);
  g_assert_no_error (error);
  path = xf_profile_manager_dup_database_path (f->manager, profile);
  f->db = xf_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (xf_content_install_defaults (f->db, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gtk_window_destroy (window);
    }
  xf_test_iterate (100);
  g_clear_object (&f->db);
  g_clear_object (&f->manager);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Conditions */

static gboolean
page_read (gpointer data)
{
  XfExamsPage *page = data;

  return !xf_exams_page_get_loading (page) && g_strcmp0 (xf_exams_page_get_state (page), "loading") != 0;
}

static gboolean
view_answering (gpointer data)
{
  XfExamView *view = data;

  return xf_exam_view_get_running (view) && g_strcmp0 (xf_exam_view_get_page (view), "question") == 0 &&
         xf_test_is_mapped (view);
}

typedef struct
{
  XfExamView *view;
  guint       index;
  const char *answer;
} AnswerQuery;

static gboolean
answer_saved (gpointer data)
{
  AnswerQuery *query = data;

  return g_strcmp0 (xf_exam_view_get_answer (query->view, query->index), query->answer) == 0 &&
         xf_exam_view_is_saved (query->view, query->index);
}

static gboolean
current_is (gpointer data)
{
  AnswerQuery *query = data;

  return xf_exam_view_get_current (query->view) == query->index;
}

static gboolean
layout_paper (gpointer data)
{
  return g_strcmp0 (xf_exam_view_get_layout (data), "paper") == 0;
}

/* Clicks 整卷 in the header */
static void
show_paper (XfExamView *view)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (view), "exam.layout", "paper");

  g_assert_nonnull (button);
  /* A button's click needs it realized; before, its action does */
  if (gtk_widget_get_realized (button))
    g_assert_true (gtk_widget_activate (button));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exam.layout", "s", "paper"));
  g_assert_true (xf_test_wait_for (layout_paper, view, 5000));
}

static gboolean
flagged (gpointer data)
{
  AnswerQuery *query = data;

  return xf_exam_view_get_flagged (query->view, query->index);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
results_shown (gpointer data)
{
  return xf_test_is_mapped (data) && g_strcmp0 (xf_exam_results_get_page (data), "result") == 0;
}

static void
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers)
{
  xf_test_send_key (GTK_WIDGET (f->view), f->real_keys, keyval, modifiers);
}

static void
open_window_of (Fixture        *f,
                GtkApplication *app)
{
  AdwViewStack *stack;

  f->window = xf_window_new (XF_APPLICATION (app), f->manager);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->window, 5000));

  stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, FALSE));
  adw_view_stack_set_visible_child_name (stack, "exams");
  f->page = XF_EXAMS_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAMS_PAGE, FALSE));
  f->view = XF_EXAM_VIEW (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_VIEW, FALSE));
  g_assert_nonnull (f->page);
  g_assert_nonnull (f->view);
  g_assert_true (xf_test_wait_for (page_read, f->page, 10000));
  f->real_keys = xf_test_can_send_keys (GTK_WINDOW (f->window));
}

static void
open_window (Fixture *f)
{
  open_window_of (f, NULL);
}

static XfExam *
practice_exam (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  XfExam *exam = xf_exam_store_get (f->db, "2026年度学法用法模拟考试", &error);

  g_assert_no_error (error);
  return exam;
}

static XfAttempt *
read_attempt (Fixture    *f,
              const char *uuid)
{
  g_autoptr(GError) error = NULL;
  XfAttempt *attempt = xf_exam_store_get_attempt (f->db, uuid, &error);

  g_assert_no_error (error);
  return attempt;
}

/* Clicks Start on the page and waits for the attempt to show */
static XfAttempt *
start (Fixture    *f,
       const char *exam_uuid)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", exam_uuid);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (xf_test_wait_for (view_answering, f->view, 10000));
  return read_attempt (f, xf_exam_session_get_attempt (xf_exam_view_get_session (f->view))->uuid);
}

static void
resume (Fixture    *f,
        const char *attempt_uuid)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (f->page), "win.resume-exam", attempt_uuid);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (xf_test_wait_for (view_answering, f->view, 10000));
}

/* The right answer in the letters shown */
static char *
right_answer (XfExamItem *item,
              XfQuestion *question)
{
  GString *answer = g_string_new (NULL);

  if (item->type == XF_QUESTION_TRUE_FALSE)
    g_string_append (answer, xf_question_get_answer (question));
  for (guint i = 0; i < item->n_options; i++)
    if (xf_question_option_is_correct (question, item->order[i]))
      g_string_append_c (answer, (char)('A' + i));
  return g_string_free (answer, FALSE);
}

static guint
key_for (XfExamItem *item,
         char        letter)
{
  if (item->type == XF_QUESTION_TRUE_FALSE)
    return letter == 'T' ? GDK_KEY_t : GDK_KEY_f;
  return GDK_KEY_a + (guint)(letter - 'A');
}

static void
answer_by_keys (Fixture    *f,
                guint       index,
                XfExamItem *item,
                const char *answer)
{
  AnswerQuery query = { f->view, index, answer };

  for (const char *p = answer; *p != '\0'; p++)
    press (f, key_for (item, *p), 0);
  if (!xf_test_wait_for (answer_saved, &query, 10000))
    g_error ("Question %u shows “%s”, saved: %d; “%s” was typed", index + 1,
             xf_exam_view_get_answer (f->view, index), xf_exam_view_is_saved (f->view, index), answer);
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

static GtkWindow *
wait_for_dialog (void)
{
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  return xf_test_find_message_dialog ();
}

/* The whole paper */

static GtkWidget *
get_card (Fixture *f,
          guint    index)
{
  GtkWidget *box = template_child (f->view, XF_TYPE_EXAM_VIEW, "paper_box");
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static guint
count_cards (Fixture *f)
{
  GtkWidget *box = template_child (f->view, XF_TYPE_EXAM_VIEW, "paper_box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
all_cards_made (gpointer data)
{
  Fixture *f = data;

  return count_cards (f) == 70;
}

/* The options a question of the whole paper shows chosen, as letters */
static char *
card_chosen (Fixture *f,
             guint    index)
{
  GtkWidget *box = template_child (get_card (f, index), XF_TYPE_EXAM_PAPER_QUESTION, "options_box");
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
  AnswerQuery *query = data;
  GtkScrolledWindow *scroller = template_child (query->view, XF_TYPE_EXAM_VIEW, "paper_scroller");
  GtkWidget *box = template_child (query->view, XF_TYPE_EXAM_VIEW, "paper_box");
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
  GtkLabel   *label;
  const char *text;
} LabelQuery;

static gboolean
label_has (gpointer data)
{
  LabelQuery *query = data;

  return strstr (gtk_label_get_text (query->label), query->text) != NULL;
}

/* The whole paper opens with its first questions and makes the others
 * while idle; the sheet moves it, scrolling moves the current question,
 * keys answer and flag the current one, a failed write shows on its
 * question and is given again; one question at a time shows the same. */
static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) stored = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *first = NULL;
  g_autofree char *fortieth = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *layout = NULL;
  AnswerQuery at = { NULL, 0, NULL };
  LabelQuery locked = { NULL, "database is locked" };
  XfExamItem *item;
  GtkWidget *sheet_button;
  GtkAdjustment *adjustment;
  double shown_ms;

  open_window (f);
  at.view = f->view;
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "question");
  show_paper (f->view);
  layout = g_settings_get_string (settings, "exam-layout");
  g_assert_cmpstr (layout, ==, "paper");

  timer = g_timer_new ();
  attempt = start (f, exam->uuid);
  shown_ms = g_timer_elapsed (timer, NULL) * 1000;
  g_assert_cmpuint (count_cards (f), >=, 1);
  g_assert_true (xf_test_wait_for (all_cards_made, f, 10000));
  g_test_message ("Whole paper of 70: answerable after %.0f ms, every question made after %.0f ms", shown_ms,
                  g_timer_elapsed (timer, NULL) * 1000);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 0);
  g_assert_true (gtk_widget_has_css_class (get_card (f, 0), "current"));

  /* Keys answer the current question, and its options show it */
  item = g_ptr_array_index (attempt->paper->items, 0);
  first = right_answer (item, g_ptr_array_index (questions, 0));
  answer_by_keys (f, 0, item, first);
  chosen = card_chosen (f, 0);
  if (item->type == XF_QUESTION_TRUE_FALSE)
    g_assert_cmpstr (chosen, ==, g_str_equal (first, "T") ? "A" : "B");
  else
    g_assert_cmpstr (chosen, ==, first);

  /* The sheet brings question 40 to the top; keys answer it */
  sheet_button = xf_test_find_widget (template_child (f->view, XF_TYPE_EXAM_VIEW, "sheet_grid"), GTK_TYPE_BUTTON, FALSE);
  for (guint i = 0; i < 39; i++)
    sheet_button = gtk_widget_get_next_sibling (sheet_button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sheet_button)), ==, "40");
  g_assert_true (gtk_widget_activate (sheet_button));
  at.index = 39;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  g_assert_true (xf_test_wait_for (card_in_sight, &at, 5000));
  item = g_ptr_array_index (attempt->paper->items, 39);
  fortieth = right_answer (item, g_ptr_array_index (questions, 39));
  answer_by_keys (f, 39, item, fortieth);
  g_assert_true (gtk_widget_has_css_class (sheet_button, "answered"));

  /* Scrolled back to the top, the first question is the current one; M
   * flags it */
  adjustment = gtk_scrolled_window_get_vadjustment (template_child (f->view, XF_TYPE_EXAM_VIEW, "paper_scroller"));
  gtk_adjustment_set_value (adjustment, 0);
  at.index = 0;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  press (f, GDK_KEY_m, 0);
  g_assert_true (xf_test_wait_for (flagged, &at, 5000));
  g_assert_true (gtk_toggle_button_get_active (template_child (get_card (f, 0), XF_TYPE_EXAM_PAPER_QUESTION,
                                                               "flag_button")));

  /* The keyboard in the second question makes it current. A write that
   * fails says why on that question, and the same key gives it again. */
  item = g_ptr_array_index (attempt->paper->items, 1);
  g_assert_true (xf_exam_paper_question_focus_answer (XF_EXAM_PAPER_QUESTION (get_card (f, 1))));
  at.index = 1;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  locked.label = template_child (get_card (f, 1), XF_TYPE_EXAM_PAPER_QUESTION, "save_label");
  g_assert_true (xf_database_exec (f->db, "BEGIN IMMEDIATE", &error));
  press (f, key_for (item, item->type == XF_QUESTION_TRUE_FALSE ? 'T' : 'A'), 0);
  g_assert_true (xf_test_wait_for (label_has, &locked, 30000));
  g_assert_false (xf_exam_view_is_saved (f->view, 1));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_next_sibling (xf_test_find_widget (
                   template_child (f->view, XF_TYPE_EXAM_VIEW, "sheet_grid"), GTK_TYPE_BUTTON, FALSE)), "failed"));
  g_assert_true (xf_database_exec (f->db, "ROLLBACK", &error));
  answer_by_keys (f, 1, item, item->type == XF_QUESTION_TRUE_FALSE ? "T" : "A");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (locked.label), "error"));

  /* One question at a time (Ctrl+Shift+L) shows the same */
  xf_test_send_key (GTK_WIDGET (f->view), FALSE, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "question");
  g_clear_pointer (&layout, g_free);
  layout = g_settings_get_string (settings, "exam-layout");
  g_assert_cmpstr (layout, ==, "question");
  g_assert_cmpuint (xf_exam_view_get_current (f->view), ==, 1);
  g_assert_true (xf_test_is_mapped (template_child (f->view, XF_TYPE_EXAM_VIEW, "stem_label")));
  g_assert_false (gtk_toggle_button_get_active (template_child (f->view, XF_TYPE_EXAM_VIEW, "flag_button")));
  press (f, GDK_KEY_Left, 0);
  at.index = 0;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  g_assert_true (gtk_toggle_button_get_active (template_child (f->view, XF_TYPE_EXAM_VIEW, "flag_button")));
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 0), ==, first);
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 39), ==, fortieth);
  g_assert_cmpuint (xf_exam_view_get_n_answered (f->view), ==, 3);

  /* An answer given here shows on the whole paper */
  press (f, GDK_KEY_Right, 0);
  press (f, GDK_KEY_Right, 0);
  at.index = 2;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  item = g_ptr_array_index (attempt->paper->items, 2);
  answer_by_keys (f, 2, item, item->type == XF_QUESTION_TRUE_FALSE ? "F" : "B");
  xf_test_send_key (GTK_WIDGET (f->view), FALSE, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (xf_exam_view_get_layout (f->view), ==, "paper");
  g_assert_true (xf_test_wait_for (card_in_sight, &at, 5000));
  g_clear_pointer (&chosen, g_free);
  chosen = card_chosen (f, 2);
  /* 错 is the second button of a 判断 */
  g_assert_cmpstr (chosen, ==, "B");

  stored = read_attempt (f, attempt->uuid);
  g_assert_cmpuint (xf_attempt_get_n_answered (stored), ==, 4);
  g_assert_cmpstr (g_ptr_array_index (stored->answers, 39), ==, fortieth);
  g_assert_true (g_array_index (stored->flags, gboolean, 0));
}

typedef struct
{
  Fixture    *f;
  const char *uuid;
  guint       index;
  gboolean    flagged;
} FlagQuery;

static gboolean
flag_stored (gpointer data)
{
  FlagQuery *query = data;
  g_autoptr(XfAttempt) attempt = read_attempt (query->f, query->uuid);

  return g_array_index (attempt->flags, gboolean, query->index) == query->flagged;
}

static GtkWidget *
sheet_button (Fixture *f,
              guint    index)
{
  GtkWidget *button = xf_test_find_widget (template_child (f->view, XF_TYPE_EXAM_VIEW, "sheet_grid"),
                                           GTK_TYPE_BUTTON, FALSE);

  for (guint i = 0; button != NULL && i < index; i++)
    button = gtk_widget_get_next_sibling (button);
  return button;
}

/* Two questions flagged, one by M and one by its button; the window goes
 * without submitting; a new window takes the attempt up with the two
 * flagged, on the sheet and on the whole paper, and a flag taken off
 * stays off. */
static void
test_flags_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XfExam) exam = practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  AnswerQuery at = { NULL, 0, NULL };
  FlagQuery first = { f, NULL, 0, TRUE };
  FlagQuery third = { f, NULL, 2, TRUE };

  open_window (f);
  at.view = f->view;
  attempt = start (f, exam->uuid);
  first.uuid = third.uuid = attempt->uuid;
  press (f, GDK_KEY_m, 0);
  g_assert_true (xf_test_wait_for (flagged, &at, 5000));
  press (f, GDK_KEY_Right, 0);
  press (f, GDK_KEY_Right, 0);
  at.index = 2;
  g_assert_true (xf_test_wait_for (current_is, &at, 5000));
  g_assert_true (gtk_widget_activate (template_child (f->view, XF_TYPE_EXAM_VIEW, "flag_button")));
  g_assert_true (xf_test_wait_for (flagged, &at, 5000));
  g_assert_true (xf_test_wait_for (flag_stored, &first, 5000));
  g_assert_true (xf_test_wait_for (flag_stored, &third, 5000));

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (is_null, &f->window, 5000));
  xf_test_iterate (100);

  open_window (f);
  resume (f, attempt->uuid);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (xf_exam_view_get_flagged (f->view, i), ==, i == 0 || i == 2);
      g_assert_cmpint (gtk_widget_has_css_class (sheet_button (f, i), "flagged"), ==, i == 0 || i == 2);
    }
  g_assert_true (gtk_toggle_button_get_active (template_child (f->view, XF_TYPE_EXAM_VIEW, "flag_button")));

  show_paper (f->view);
  g_assert_true (xf_test_wait_for (all_cards_made, f, 10000));
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (template_child (get_card (f, i), XF_TYPE_EXAM_PAPER_QUESTION,
                                                                   "flag_button")), ==, i == 0 || i == 2);

  /* Its button on the paper takes the third one's flag off */
  g_assert_true (gtk_widget_activate (template_child (get_card (f, 2), XF_TYPE_EXAM_PAPER_QUESTION, "flag_button")));
  third.flagged = FALSE;
  g_assert_true (xf_test_wait_for (flag_stored, &third, 5000));
  g_assert_false (xf_exam_view_get_flagged (f->view, 2));
  g_assert_false (gtk_widget_has_css_class (sheet_button (f, 2), "flagged"));
}

/* Closing the window during an attempt asks; Keep answering (the
 * default) stays; Continue later saves an answer still being written,
 * closes the window and leaves the attempt in progress, to be taken up
 * again. */
static void
test_continue_later (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) left = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *given = NULL;
  AdwMessageDialog *dialog;
  XfExamItem *item;

  open_window (f);
  attempt = start (f, exam->uuid);
  questions = xf_exam_store_load_questions (f->db, attempt->paper, &error);
  g_assert_no_error (error);

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ADW_MESSAGE_DIALOG (wait_for_dialog ());
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the clock stops while Xuefa is closed"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (adw_message_dialog_has_response (dialog, "later"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "submit"));
  adw_message_dialog_response (dialog, "cancel");
  xf_test_iterate (300);
  g_assert_nonnull (f->window);
  g_assert_true (view_answering (f->view));

  /* An answer given just before, not yet written */
  item = g_ptr_array_index (attempt->paper->items, 0);
  given = right_answer (item, g_ptr_array_index (questions, 0));
  for (const char *p = given; *p != '\0'; p++)
    xf_test_send_key (GTK_WIDGET (f->view), FALSE, key_for (item, *p), 0);
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = ADW_MESSAGE_DIALOG (wait_for_dialog ());
  adw_message_dialog_response (dialog, "later");
  g_assert_true (xf_test_wait_for (is_null, &f->window, 10000));

  left = read_attempt (f, attempt->uuid);
  g_assert_cmpint (left->state, ==, XF_ATTEMPT_IN_PROGRESS);
  g_assert_cmpstr (g_ptr_array_index (left->answers, 0), ==, given);
  g_assert_cmpuint (xf_attempt_get_n_answered (left), ==, 1);

  open_window (f);
  resume (f, attempt->uuid);
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
test_quit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfApplication) app = xf_application_new ();
  g_autoptr(XfExam) exam = practice_exam (f);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  AdwMessageDialog *dialog;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  open_window_of (f, GTK_APPLICATION (app));
  attempt = start (f, exam->uuid);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "app.quit", NULL));
  dialog = ADW_MESSAGE_DIALOG (wait_for_dialog ());
  xf_test_iterate (500);
  g_assert_nonnull (f->window);
  g_assert_true (has_windows (app));
  g_assert_true (view_answering (f->view));

  /* Quitting again shows the same question */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  xf_test_iterate (100);
  g_assert_true (xf_test_find_message_dialog () == GTK_WINDOW (dialog));

  adw_message_dialog_response (dialog, "submit");
  g_assert_true (xf_test_wait_for (is_null, &f->window, 10000));
  g_assert_false (has_windows (app));
  submitted = read_attempt (f, attempt->uuid);
  g_assert_cmpint (submitted->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (submitted->submitted_by, ==, XF_ATTEMPT_SUBMITTED_BY_PERSON);
}

static char *
add_question (Fixture            *f,
              gint64              bank_id,
              XfQuestionType      type,
              const char         *stem,
              const char * const *options,
              const char         *answer)
{
  g_autoptr(XfQuestion) question = xf_question_new (type);
  g_autoptr(GError) error = NULL;

  xf_question_set_stem (question, stem);
  if (options != NULL)
    xf_question_set_options (question, options);
  xf_question_set_answer (question, answer);
  g_assert_true (xf_question_store_add (f->db, bank_id, question, &error));
  g_assert_no_error (error);
  return g_strdup (xf_question_get_uuid (question));
}

static void
add_fixed (XfExam     *exam,
           const char *question,
           double      score)
{
  XfExamFixed *fixed = g_new0 (XfExamFixed, 1);

  fixed->question = g_strdup (question);
  fixed->score = score;
  g_ptr_array_add (exam->fixed, fixed);
}

/* An exam of a 简答 and two 单选, saved */
static XfExam *
make_exam (Fixture *f,
           guint    time_limit_s)
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
  essay = add_question (f, xf_question_bank_get_id (bank), XF_QUESTION_ESSAY,
                        "简述行政处罚的种类。", NULL,
                        "警告、通报批评；罚款、没收违法所得、没收非法财物；暂扣许可证件、降低资质等级、吊销许可证件；"
                        "限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留；法律、行政法规规定的其他行政处罚。");
  single = add_question (f, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE,
                         "不满多少周岁的未成年人有违法行为的，不予行政处罚？", ages, "B");
  other = add_question (f, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE,
                        "当事人要求听证的，应当在行政机关告知后几日内提出？", days, "B");
  g_free (exam->title);
  exam->title = g_strdup ("科室自测");
  exam->time_limit_s = time_limit_s;
  exam->pass_mark = 2;
  exam->shuffle_questions = FALSE;
  exam->shuffle_options = FALSE;
  add_fixed (exam, essay, 10);
  add_fixed (exam, single, 1);
  add_fixed (exam, other, 1);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);
  return exam;
}

static gboolean
results_with_mark (gpointer data)
{
  return results_shown (data);
}

/* A 简答 written in its text view is saved when typing pauses, shows
 * again when the attempt is taken up, can be written on in the whole
 * paper, and is left to be graded by hand. */
static void
test_essay (Fixture       *f,
            gconstpointer  data)
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
  AnswerQuery saved = { NULL, 0, written };
  AnswerQuery all = { NULL, 0, whole };
  GtkTextBuffer *buffer;
  GtkTextView *essay;
  GtkTextIter start_iter, end_iter;
  XfExamResults *results;
  GtkWidget *list;
  GtkWindow *dialog;
  guint essay_index = G_MAXUINT;

  open_window (f);
  attempt = start (f, exam->uuid);
  for (guint i = 0; i < attempt->paper->items->len; i++)
    if (((XfExamItem *)g_ptr_array_index (attempt->paper->items, i))->type == XF_QUESTION_ESSAY)
      essay_index = i;
  g_assert_cmpuint (essay_index, ==, 0);
  saved.view = all.view = f->view;

  /* The keyboard is in the essay's text: letters are text, not answers */
  essay = template_child (f->view, XF_TYPE_EXAM_VIEW, "essay_view");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (essay)));
  buffer = gtk_text_view_get_buffer (essay);
  gtk_text_buffer_insert_at_cursor (buffer, written, -1);
  if (f->real_keys)
    {
      press (f, GDK_KEY_m, 0);
      press (f, GDK_KEY_BackSpace, 0);
    }
  g_assert_true (xf_test_wait_for (answer_saved, &saved, 10000));
  g_assert_false (xf_exam_view_get_flagged (f->view, 0));

  /* Gone without submitting; taken up again, the text shows */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (is_null, &f->window, 5000));
  xf_test_iterate (100);
  open_window (f);
  resume (f, attempt->uuid);
  g_assert_cmpstr (xf_exam_view_get_answer (f->view, 0), ==, written);
  saved.view = all.view = f->view;
  essay = template_child (f->view, XF_TYPE_EXAM_VIEW, "essay_view");
  /* The first question without an answer shows: back to the essay */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.go", "u", 0);
  buffer = gtk_text_view_get_buffer (essay);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  g_assert_cmpstr (text, ==, written);

  /* Written on in the whole paper */
  show_paper (f->view);
  essay = template_child (get_card (f, 0), XF_TYPE_EXAM_PAPER_QUESTION, "essay_view");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (essay)));
  buffer = gtk_text_view_get_buffer (essay);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  g_assert_cmpstr (text, ==, written);
  gtk_text_buffer_insert (buffer, &end_iter, more, -1);
  g_assert_true (xf_test_wait_for (answer_saved, &all, 10000));

  /* Submitted: the 简答 waits to be graded by hand */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.submit", NULL));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  results = XF_EXAM_RESULTS (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_RESULTS, FALSE));
  g_assert_true (xf_test_wait_for (results_with_mark, results, 10000));
  submitted = read_attempt (f, attempt->uuid);
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
answer_after_over (Fixture    *f,
                   gboolean    closed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = make_exam (f, 600);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) submitted = NULL;
  AnswerQuery first = { NULL, 1, "B" };
  AnswerQuery third = { NULL, 2, NULL };
  XfExamResults *results;
  const char *reason;

  open_window (f);
  first.view = third.view = f->view;
  attempt = start (f, exam->uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "exam.go", "u", 1));
  press (f, GDK_KEY_b, 0);
  g_assert_true (xf_test_wait_for (answer_saved, &first, 10000));
  press (f, GDK_KEY_Right, 0);
  g_assert_true (xf_test_wait_for (current_is, &third, 5000));

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
  g_assert_true (xf_test_wait_for (results_shown, results, 10000));
  submitted = read_attempt (f, attempt->uuid);
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
test_answer_after_time_up (Fixture       *f,
                           gconstpointer  data)
{
  answer_after_over (f, FALSE);
}

static void
test_answer_after_close (Fixture       *f,
                         gconstpointer  data)
{
  answer_after_over (f, TRUE);
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

  /* The strings checked are the English ones */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui-exam-flow/paper", Fixture, NULL, fixture_set_up, test_paper, fixture_tear_down);
  g_test_add ("/gui-exam-flow/flags-resume", Fixture, NULL, fixture_set_up, test_flags_resume, fixture_tear_down);
  g_test_add ("/gui-exam-flow/continue-later", Fixture, NULL, fixture_set_up, test_continue_later,
              fixture_tear_down);
  g_test_add ("/gui-exam-flow/quit", Fixture, NULL, fixture_set_up, test_quit, fixture_tear_down);
  g_test_add ("/gui-exam-flow/essay", Fixture, NULL, fixture_set_up, test_essay, fixture_tear_down);
  g_test_add ("/gui-exam-flow/answer-after-time-up", Fixture, NULL, fixture_set_up, test_answer_after_time_up,
              fixture_tear_down);
  g_test_add ("/gui-exam-flow/answer-after-close", Fixture, NULL, fixture_set_up, test_answer_after_close,
              fixture_tear_down);

  return g_test_run ();
}
