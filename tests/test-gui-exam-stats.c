/* test-gui-exam-stats.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-exam-stats-item.h"
#include "xf-exam-stats-view.h"

/* The statistics of an exam in a real window, opened from the exams page
 * over a profile whose attempts were made through the store: five
 * submitted attempts at a paper of five questions, one question of them
 * answered right by the weak and wrong by the strong, and an exam with
 * only an attempt in progress, which has nothing to count. */

enum { Q_FIRST, Q_SECOND, Q_TF, Q_REVERSED, Q_ALL_RIGHT, N_QUESTIONS };

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfExamsPage      *page;
  XfExam           *taken;
  XfExam           *untaken;
  char             *uuids[N_QUESTIONS];
} Fixture;

static XfExam *
save_exam (Fixture    *f,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  XfExam *exam = xf_exam_new ();

  g_free (exam->title);
  exam->title = g_strdup (title);
  exam->pass_mark = 4;
  exam->attempts = 0;
  exam->shuffle_questions = FALSE;
  exam->shuffle_options = FALSE;
  for (guint i = 0; i < N_QUESTIONS; i++)
    exam_test_add_fixed (exam, f->uuids[i], 1);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);
  return exam;
}

/* Takes @exam with @answers, one a question in the order of the paper,
 * and submits unless @submit is FALSE */
static void
take (Fixture            *f,
      XfExam             *exam,
      const char * const *answers,
      gboolean            submit)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAttempt) attempt = NULL;
  gint64 now = g_get_real_time ();

  attempt = xf_exam_store_start (f->db, exam, "王晓明", rand, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt->paper->items->len, ==, N_QUESTIONS);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);

      /* Neither questions nor options shuffled: the letters are the question's own */
      g_assert_cmpstr (item->question, ==, f->uuids[i]);
      g_assert_true (xf_exam_store_answer (f->db, attempt->uuid, i + 1, answers[i], now + i + 1, &error));
      g_assert_no_error (error);
    }
  if (submit)
    {
      g_autoptr(XfExamResult) result = xf_exam_store_submit (f->db, attempt->uuid, NULL, now + 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (result);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  const char * const options[] = { "警告", "罚款", "没收违法所得", "暂扣许可证件", NULL };
  const struct
  {
    XfQuestionType type;
    const char *stem;
    const char *answer;
  } questions[N_QUESTIONS] = {
    { XF_QUESTION_SINGLE, "行政处罚由违法行为发生地的哪一级行政机关管辖？", "A" },
    { XF_QUESTION_SINGLE, "违法行为轻微并及时改正，没有造成危害后果的，应当如何处理？", "B" },
    { XF_QUESTION_TRUE_FALSE, "行政处罚遵循公正、公开的原则。", "T" },
    { XF_QUESTION_SINGLE, "当事人要求听证的，应当在行政机关告知后几日内提出？", "C" },
    { XF_QUESTION_TRUE_FALSE, "行政机关可以不经调查直接作出行政处罚决定。", "F" },
  };
  /* Marks of Q1 … Q5 and the score, out of 5, pass mark 4:
   *
   *        Q1 Q2 Q3 Q4 Q5  score   %
   *   P1    1  1  1  0  1    4    80
   *   P2    1  1  0  0  1    3    60
   *   P3    1  0  0  1  1    3    60
   *   P4    0  0  0  1  1    2    40
   *   P5    1  1  1  1  1    5   100
   *
   * Mean 17/5 = 3.4, median 3, squared deviations .36 + .16 + .16 + 1.96
   * + 2.56 = 5.2, sample standard deviation √1.3 = 1.14; P1 and P5 pass:
   * 40%. Q4 against the rest of the score (4 3 2 1 4): marks 0 0 1 1 1
   * (mean .6), rests 4 3 2 1 4 (mean 2.8): Sxy = −.6·1.2 − .6·.2 + .4·(−.8)
   * + .4·(−1.8) + .4·1.2 = −1.4, so it discriminates negatively; Q5,
   * right for all, has no discrimination at all. */
  const char *answers[][N_QUESTIONS] = {
    { "A", "B", "T", "D", "F" },
    { "A", "B", "F", "A", "F" },
    { "A", "C", "F", "C", "F" },
    { "B", "D", "F", "C", "F" },
    { "A", "B", "T", "C", "F" },
  };
  const char *unfinished[N_QUESTIONS] = { "A", "B", "T", "C", "F" };

  exam_test_profile_set_up ("xf-exam-stats-gui-XXXXXX", FALSE, &f->dir, &f->manager, &f->db);

  bank = xf_question_store_ensure_bank (f->db, "行政处罚法题库", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_QUESTIONS; i++)
    f->uuids[i] = exam_test_add_question (f->db, xf_question_bank_get_id (bank), questions[i].type, questions[i].stem,
                                          questions[i].type == XF_QUESTION_SINGLE ? options : NULL, questions[i].answer);

  f->taken = save_exam (f, "行政处罚法测验");
  f->untaken = save_exam (f, "行政处罚法补考");
  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    take (f, f->taken, answers[a], TRUE);
  take (f, f->untaken, unfinished, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
  g_clear_pointer (&f->taken, xf_exam_free);
  g_clear_pointer (&f->untaken, xf_exam_free);
  for (guint i = 0; i < N_QUESTIONS; i++)
    g_free (f->uuids[i]);
}

static gboolean
page_read (gpointer data)
{
  XfExamsPage *page = data;

  return !xf_exams_page_get_loading (page) && g_strcmp0 (xf_exams_page_get_state (page), "list") == 0;
}

static void
open_window (Fixture *f)
{
  exam_test_present_window (f->manager, NULL, "exams", (gpointer *)&f->window);
  f->page = XF_EXAMS_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAMS_PAGE, FALSE));
  g_assert_nonnull (f->page);
  g_assert_true (xf_test_wait_for (page_read, f->page, 10000));
}

static XfExamStatsView *
find_view (void)
{
  return exam_test_find_toplevel (XF_TYPE_EXAM_STATS_VIEW, FALSE);
}

static gboolean
view_computed (gpointer data)
{
  XfExamStatsView *view = find_view ();

  return view != NULL && xf_test_is_mapped (view) && !xf_exam_stats_view_get_loading (view) &&
         g_strcmp0 (xf_exam_stats_view_get_page (view), "loading") != 0;
}

static gpointer
view_child (XfExamStatsView *view,
            const char      *name)
{
  return exam_test_template_child (view, XF_TYPE_EXAM_STATS_VIEW, name);
}

static void
assert_figure (XfExamStatsView *view,
               const char      *name,
               const char      *expected)
{
  g_assert_cmpstr (gtk_label_get_text (view_child (view, name)), ==, expected);
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static XfExamStatsItem *
row_of (GListModel *rows,
        guint       position)
{
  g_autoptr(XfExamStatsItem) row = g_list_model_get_item (rows, position);

  g_assert_nonnull (row);
  /* The model holds it */
  return row;
}

static gboolean
flag_shown (gpointer data)
{
  return count_labels (data, "Discriminates negatively") > 0;
}

/* The figures, the histogram and the item analysis, opened by the
 * Statistics button of the exam's row */
static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  const guint histogram[XF_EXAM_STATS_BINS] = { 0, 0, 0, 0, 1, 0, 2, 0, 1, 1 };
  XfExamStatsView *view;
  GtkWidget *button;
  GListModel *rows;
  XfExamStatsItem *row;

  open_window (f);
  /* Statistics only for the exam with a submitted attempt */
  button = xf_test_find_action (GTK_WIDGET (f->page), "win.exam-stats", f->taken->uuid);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (xf_test_find_action (GTK_WIDGET (f->page), "win.exam-stats", f->untaken->uuid));

  gtk_widget_activate (button);
  g_assert_true (xf_test_wait_for (view_computed, NULL, 10000));
  view = find_view ();
  g_assert_cmpstr (xf_exam_stats_view_get_exam (view), ==, f->taken->uuid);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (view)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (xf_exam_stats_view_get_page (view), ==, "stats");

  assert_figure (view, "attempts_label", "5");
  assert_figure (view, "mean_label", "3.4");
  assert_figure (view, "median_label", "3");
  assert_figure (view, "stddev_label", "1.14");
  assert_figure (view, "pass_rate_label", "40.0%");
  assert_figure (view, "highest_label", "5");
  assert_figure (view, "lowest_label", "2");
  g_assert_cmpstr (gtk_label_get_text (view_child (view, "title_label")), ==, "行政处罚法测验");
  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    g_assert_cmpuint (xf_exam_stats_view_get_bin (view, b), ==, histogram[b]);

  /* One row a question, in the paper's order */
  rows = xf_exam_stats_view_get_items (view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, N_QUESTIONS);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      row = row_of (rows, i);
      g_assert_cmpuint (xf_exam_stats_item_get_number (row), ==, i + 1);
      g_assert_cmpstr (xf_exam_stats_item_get_question (row), ==, f->uuids[i]);
      g_assert_cmpint (xf_exam_stats_item_get_negative (row), ==, i == Q_REVERSED);
    }
  row = row_of (rows, Q_REVERSED);
  g_assert_cmpfloat_with_epsilon (xf_exam_stats_item_get_facility (row), 60, 1e-9);
  g_assert_cmpfloat (xf_exam_stats_item_get_discrimination (row), <, 0);
  /* Who chose what, the key marked */
  g_assert_cmpstr (xf_exam_stats_item_get_choices (row), ==, "A 1 · B 0 · <b>C 3 ✓</b> · D 1");
  row = row_of (rows, Q_TF);
  g_assert_cmpstr (xf_exam_stats_item_get_choices (row), ==, "<b>True 2 ✓</b> · False 3");
  row = row_of (rows, Q_ALL_RIGHT);
  g_assert_true (isnan (xf_exam_stats_item_get_discrimination (row)));

  /* The flag shows on the question's row, in words beside the icon */
  adw_view_stack_set_visible_child_name (view_child (view, "view_stack"), "items");
  g_assert_true (xf_test_wait_for (flag_shown, view_child (view, "items_view"), 5000));
  g_assert_cmpuint (count_labels (view_child (view, "items_view"), "Discriminates negatively"), ==, 1);
  g_assert_cmpuint (count_labels (view_child (view, "items_view"), "−49.0%"), ==, 1);
  g_assert_true (gtk_widget_get_visible (view_child (view, "negative_box")));
  g_assert_nonnull (strstr (gtk_label_get_text (view_child (view, "negative_label")), "1 question discriminates"));

  /* Sorted by discrimination, the negative one first and the undefined last */
  gtk_column_view_sort_by_column (view_child (view, "items_view"), view_child (view, "discrimination_column"),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpstr (xf_exam_stats_item_get_question (row_of (rows, 0)), ==, f->uuids[Q_REVERSED]);
  g_assert_cmpstr (xf_exam_stats_item_get_question (row_of (rows, N_QUESTIONS - 1)), ==, f->uuids[Q_ALL_RIGHT]);
  gtk_column_view_sort_by_column (view_child (view, "items_view"), view_child (view, "facility_column"),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (xf_exam_stats_item_get_question (row_of (rows, 0)), ==, f->uuids[Q_ALL_RIGHT]);
  g_assert_cmpstr (xf_exam_stats_item_get_question (row_of (rows, N_QUESTIONS - 1)), ==, f->uuids[Q_TF]);
}

/* An exam with only an attempt in progress, through the action */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  XfExamStatsView *view;

  open_window (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.exam-stats", "s", f->untaken->uuid));
  g_assert_true (xf_test_wait_for (view_computed, NULL, 10000));
  view = find_view ();
  g_assert_cmpstr (xf_exam_stats_view_get_page (view), ==, "empty");
  g_assert_true (xf_test_is_mapped (view_child (view, "empty_page")));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (view_child (view, "switcher_title")));
  g_assert_cmpuint (g_list_model_get_n_items (xf_exam_stats_view_get_items (view)), ==, 0);
  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    g_assert_cmpuint (xf_exam_stats_view_get_bin (view, b), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The strings checked are the English ones */
  if (!exam_test_init (&argc, &argv, "C"))
    return g_test_run ();

  g_test_add ("/gui-exam-stats/stats", Fixture, NULL, fixture_set_up, test_stats, fixture_tear_down);
  g_test_add ("/gui-exam-stats/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
