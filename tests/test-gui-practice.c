/* test-gui-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-mistake-store.h"
#include "xf-practice-page.h"

/* The Practice page in a real window: five questions of a category
 * answered by keyboard, two of them wrong; the feedback shows each 解析,
 * and the 错题本 and the study log hold what was answered. And the empty
 * state when there is nothing to practise. */

#define N_QUESTIONS 5

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfPracticePage   *page;
  gboolean          real_keys;
} Fixture;

/* Each question: its type, stem, the right and a wrong answer as keys */
static const struct
{
  XfQuestionType  type;
  const char     *stem;
  const char     *answer;
  guint           right_keys[3];
  guint           wrong_keys[3];
} questions[N_QUESTIONS] = {
  { XF_QUESTION_SINGLE, "违法行为在几年内未被发现的，不再给予行政处罚？", "B",
    { GDK_KEY_b }, { GDK_KEY_c } },
  { XF_QUESTION_SINGLE, "行政处罚的设定机关是？", "A", { GDK_KEY_1 }, { GDK_KEY_4 } },
  { XF_QUESTION_MULTIPLE, "下列属于行政处罚种类的有：", "ACD",
    { GDK_KEY_a, GDK_KEY_c, GDK_KEY_d }, { GDK_KEY_b } },
  { XF_QUESTION_TRUE_FALSE, "行政机关实施行政处罚，应当遵循公正、公开的原则。", "T",
    { GDK_KEY_t }, { GDK_KEY_f } },
  { XF_QUESTION_FILL, "违法行为在____年内未被发现的，不再给予行政处罚。", "2", { 0 }, { 0 } },
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  gint64 law;

  exam_test_profile_set_up ("xf-practice-gui-XXXXXX", FALSE, &f->dir, &f->manager, &f->db);
  if (data == NULL)
    return;

  law = xf_test_insert_law (f->db, "中华人民共和国行政处罚法", "2021-01-22");
  xf_test_insert_article (f->db, law, 36, 0, "违法行为在二年内未被发现的，不再给予行政处罚。");
  bank = xf_question_store_ensure_bank (f->db, "行政处罚法题库", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autoptr(XfQuestion) question = xf_question_new (questions[i].type);
      g_autofree char *explanation = g_strdup_printf ("第%u题的解析。", i + 1);
      const char *options[] = { "警告", "罚款", "拘留", "没收违法所得", NULL };

      xf_question_set_stem (question, questions[i].stem);
      if (questions[i].type == XF_QUESTION_SINGLE || questions[i].type == XF_QUESTION_MULTIPLE)
        xf_question_set_options (question, options);
      if (questions[i].type == XF_QUESTION_FILL)
        xf_question_add_accepted (question, questions[i].answer);
      else
        xf_question_set_answer (question, questions[i].answer);
      xf_question_set_explanation (question, explanation);
      xf_question_set_category (question, "行政法/行政处罚");
      xf_question_add_link (question, "行政处罚法", 36, 0);
      g_assert_true (xf_question_store_add (f->db, xf_question_bank_get_id (bank), question, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
}

static gboolean
settled (gpointer data)
{
  XfPracticePage *page = data;
  const char *state = xf_practice_page_get_state (page);

  return !xf_practice_page_get_busy (page) && g_strcmp0 (state, "loading") != 0;
}

static gboolean
question_shown (gpointer data)
{
  return settled (data) && g_strcmp0 (xf_practice_page_get_state (data), "question") == 0;
}

static void
open_window (Fixture *f)
{
  exam_test_present_window (f->manager, NULL, "practice", (gpointer *)&f->window);
  f->page = XF_PRACTICE_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_PRACTICE_PAGE, FALSE));
  g_assert_nonnull (f->page);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->page, 5000));
  g_assert_true (xf_test_wait_for (settled, f->page, 10000));
  f->real_keys = xf_test_can_send_keys (GTK_WINDOW (f->window));
  g_test_message ("Keys go %s", f->real_keys ? "through the X server" : "to the page's key handling");
}

static gpointer
child (Fixture    *f,
       GType       type,
       const char *name)
{
  /* Template children are named by the type whose template holds them */
  return exam_test_template_child (f->page, XF_TYPE_PRACTICE_PAGE, name);
}

static void
press (Fixture *f,
       guint    keyval)
{
  xf_test_send_key (GTK_WIDGET (f->page), f->real_keys, keyval, 0);
  xf_test_iterate (50);
}

static gboolean
feedback_shown (gpointer data)
{
  Fixture *f = data;

  return settled (f->page) && gtk_widget_get_visible (GTK_WIDGET (child (f, GTK_TYPE_BOX, "feedback_box")));
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (f->db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (xf_database_step (f->db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
practice_time_saved (gpointer data)
{
  return count_rows (data, "SELECT count(*) FROM study_sessions WHERE activity = 'practice' AND active_ms > 0 "
                           "AND active_ms <= ended_at / 1000 - started_at / 1000 + 1") > 0;
}

static void
test_category_by_keys (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) wrong = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AdwComboRow *source_row;
  GListModel *model;
  guint category = G_MAXUINT;

  open_window (f);
  g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "choose");

  /* The categories offered: 行政法 and 行政法/行政处罚, five each; the
   * empty 错题本 is no choice */
  source_row = child (f, ADW_TYPE_COMBO_ROW, "source_row");
  model = adw_combo_row_get_model (source_row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);  /* the law and the two categories */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      g_assert_null (strstr (label, "Mistake"));
      if (strstr (label, "行政法/行政处罚") != NULL)
        category = i;
    }
  g_assert_cmpuint (category, !=, G_MAXUINT);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), category), "5"));
  adw_combo_row_set_selected (source_row, category);
  gtk_spin_button_set_value (child (f, GTK_TYPE_SPIN_BUTTON, "count_spin"), N_QUESTIONS);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (child (f, GTK_TYPE_BUTTON, "start_button"))));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (child (f, GTK_TYPE_BUTTON, "start_button"))));
  g_assert_true (xf_test_wait_for (question_shown, f->page, 10000));

  for (guint n = 0; n < N_QUESTIONS; n++)
    {
      const char *stem;
      gboolean answer_wrong = n < 2;
      guint q = G_MAXUINT;
      const guint *keys;
      GtkLabel *verdict;
      g_autofree char *explanation = NULL;

      g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "question");
      stem = gtk_label_get_label (child (f, GTK_TYPE_LABEL, "stem_label"));
      for (guint i = 0; i < N_QUESTIONS; i++)
        if (g_str_equal (stem, questions[i].stem))
          q = i;
      g_assert_cmpuint (q, <, N_QUESTIONS);

      if (questions[q].type == XF_QUESTION_FILL)
        gtk_editable_set_text (child (f, GTK_TYPE_ENTRY, "fill_entry"), answer_wrong ? "５" : "２");
      keys = answer_wrong ? questions[q].wrong_keys : questions[q].right_keys;
      for (guint k = 0; k < 3 && keys[k] != 0; k++)
        press (f, keys[k]);
      press (f, GDK_KEY_Return);
      g_assert_true (xf_test_wait_for (feedback_shown, f, 10000));

      /* Right or wrong in words, the 解析 and the article */
      verdict = child (f, GTK_TYPE_LABEL, "verdict_label");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (verdict), answer_wrong ? "error" : "success"));
      g_assert_nonnull (strstr (gtk_label_get_label (verdict), answer_wrong ? "Wrong" : "Right"));
      explanation = g_strdup_printf ("第%u题的解析。", q + 1);
      g_assert_nonnull (strstr (gtk_label_get_label (child (f, GTK_TYPE_LABEL, "explanation_label")), explanation));
      xf_test_assert_label_shown (f->page, "违法行为在二年内未被发现的");
      if (answer_wrong)
        {
          g_autofree char *uuid = NULL;
          sqlite3_stmt *stmt = xf_database_prepare (f->db, "SELECT uuid FROM questions WHERE stem = ?", NULL);

          sqlite3_bind_text (stmt, 1, questions[q].stem, -1, SQLITE_STATIC);
          g_assert_cmpint (xf_database_step (f->db, stmt, NULL), ==, SQLITE_ROW);
          uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
          g_hash_table_add (wrong, g_steal_pointer (&uuid));
        }
      /* Saved before the feedback shows */
      g_assert_cmpint (count_rows (f, "SELECT count(*) FROM study_log WHERE source = 'practice'"), ==, n + 1);
      press (f, GDK_KEY_Right);
    }

  g_assert_true (xf_test_wait_for (settled, f->page, 5000));
  g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "summary");
  g_assert_nonnull (strstr (adw_status_page_get_title (child (f, ADW_TYPE_STATUS_PAGE, "summary_page")), "3 right, 2 wrong"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (f, GTK_TYPE_BUTTON, "again_button"))));

  /* The 错题本 holds the two answered wrong, from practice; the study log all five */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM mistakes WHERE removed_at IS NULL AND source = 'practice'"), ==, 2);
  {
    g_autoptr(GPtrArray) mistakes = xf_mistake_store_list (f->db, FALSE, NULL);

    g_assert_cmpuint (mistakes->len, ==, 2);
    for (guint i = 0; i < mistakes->len; i++)
      g_assert_true (g_hash_table_contains (wrong, ((XfMistake *)g_ptr_array_index (mistakes, i))->question_uuid));
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM study_log WHERE source = 'practice' AND kind = 'question'"), ==, 5);
  g_assert_cmpint (count_rows (f, "SELECT count(DISTINCT session_uuid) FROM study_log"), ==, 1);
  /* The time the questions showed is study time, written when they went */
  g_assert_true (xf_test_wait_for (practice_time_saved, f, 5000));

  /* Practising the wrong ones again asks those two */
  gtk_widget_activate (GTK_WIDGET (child (f, GTK_TYPE_BUTTON, "again_button")));
  g_assert_true (xf_test_wait_for (question_shown, f->page, 5000));
  g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "question");
  g_assert_nonnull (strstr (gtk_label_get_label (child (f, GTK_TYPE_LABEL, "progress_label")), "1 of 2"));

}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  AdwStatusPage *empty;

  open_window (f);
  g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "empty");
  empty = child (f, ADW_TYPE_STATUS_PAGE, "empty_page");
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Nothing to practise");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "Import a question bank"));

  /* Practising the 错题本 from its page says why there is nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.practice-mistakes", NULL));
  g_assert_true (xf_test_wait_for (settled, f->page, 10000));
  g_assert_cmpstr (xf_practice_page_get_state (f->page), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "mistake book is empty"));
}

int
main (int   argc,
      char *argv[])
{
  if (!exam_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add ("/gui-practice/category-by-keys", Fixture, "questions", fixture_set_up, test_category_by_keys,
              fixture_tear_down);
  g_test_add ("/gui-practice/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
