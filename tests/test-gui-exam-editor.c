/* test-gui-exam-editor.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-exam-editor.h"
#include "xf-exam-rule-row.h"

/* The exam editor in a real window over a database in a temporary
 * folder, with a bank of 30 单选 of 行政法/行政处罚 and 10 判断 of 行政法. */
typedef struct
{
  char       *dir;
  char       *path;
  XfDatabase *db;
  char       *bank_uuid;
  XfExam     *saved;
  guint       n_saved;
} Fixture;

static void
add_question (Fixture        *f,
              gint64          bank_id,
              XfQuestionType  type,
              guint           n)
{
  g_autoptr(XfQuestion) question = xf_question_new (type);
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = NULL;

  if (type == XF_QUESTION_SINGLE)
    {
      g_autofree char *a = g_strdup_printf ("罚款 %u 元", n * 100);
      g_autofree char *b = g_strdup_printf ("警告并处罚款 %u 元", n * 100);
      const char * const options[] = { a, b, "没收违法所得", "不予行政处罚", NULL };

      stem = g_strdup_printf ("第 %u 题：当事人违法行为轻微并及时改正的，行政机关应当如何处理？", n);
      xf_question_set_options (question, options);
      xf_question_set_answer (question, "D");
      xf_question_set_category (question, "行政法/行政处罚");
    }
  else
    {
      stem = g_strdup_printf ("第 %u 题：行政处罚遵循公正、公开的原则。", n);
      xf_question_set_answer (question, "T");
      xf_question_set_category (question, "行政法");
    }
  xf_question_set_stem (question, stem);
  g_assert_true (xf_question_store_add (f->db, bank_id, question, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("xf-exam-editor-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "xuefa.db", NULL);
  f->db = xf_database_open (f->path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (f->db);

  bank = xf_question_store_ensure_bank (f->db, "行政法题库", &error);
  g_assert_no_error (error);
  f->bank_uuid = g_strdup (xf_question_bank_get_uuid (bank));
  for (guint i = 1; i <= 30; i++)
    add_question (f, xf_question_bank_get_id (bank), XF_QUESTION_SINGLE, i);
  for (guint i = 31; i <= 40; i++)
    add_question (f, xf_question_bank_get_id (bank), XF_QUESTION_TRUE_FALSE, i);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_destroy_toplevels ();
  xf_test_iterate (50);
  g_clear_pointer (&f->saved, xf_exam_free);
  g_clear_object (&f->db);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->bank_uuid);
}

static XfExamEditor *
find_editor (void)
{
  return exam_test_find_toplevel (XF_TYPE_EXAM_EDITOR, FALSE);
}

static gboolean
editor_closed (gpointer data)
{
  return find_editor () == NULL;
}

static void
on_saved_cb (XfExamEditor *editor,
             XfExam       *exam,
             Fixture      *f)
{
  g_clear_pointer (&f->saved, xf_exam_free);
  f->saved = xf_exam_copy (exam);
  f->n_saved++;
}

static XfExamEditor *
open_editor (Fixture *f,
             XfExam  *exam)
{
  XfExamEditor *editor = xf_exam_editor_new (NULL, f->path, exam);

  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), f);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, editor, 5000));
  return editor;
}

static gpointer
editor_child (XfExamEditor *editor,
              const char   *name)
{
  return exam_test_template_child (editor, XF_TYPE_EXAM_EDITOR, name);
}

static gpointer
rule_child (XfExamRuleRow *row,
            const char    *name)
{
  return exam_test_template_child (row, XF_TYPE_EXAM_RULE_ROW, name);
}

static gboolean
can_save (XfExamEditor *editor)
{
  return gtk_widget_is_sensitive (editor_child (editor, "save_button"));
}

static gboolean
checked (gpointer data)
{
  return !xf_exam_editor_get_checking (data);
}

/* Waits for the banks' check of the rules as they stand. */
static void
wait_checked (XfExamEditor *editor)
{
  g_assert_true (xf_test_wait_for (checked, editor, 10000));
}

static XfExamRuleRow *
add_rule (XfExamEditor   *editor,
          XfQuestionType  type,
          guint           count,
          double          score,
          const char     *category)
{
  GtkWidget *row;

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-rule", NULL);
  row = gtk_widget_get_last_child (editor_child (editor, "rules_list"));
  g_assert_true (XF_IS_EXAM_RULE_ROW (row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  adw_combo_row_set_selected (rule_child (XF_EXAM_RULE_ROW (row), "type_row"), type);
  gtk_spin_button_set_value (rule_child (XF_EXAM_RULE_ROW (row), "count_spin"), count);
  gtk_spin_button_set_value (rule_child (XF_EXAM_RULE_ROW (row), "score_spin"), score);
  if (category != NULL)
    gtk_editable_set_text (rule_child (XF_EXAM_RULE_ROW (row), "category_row"), category);
  return XF_EXAM_RULE_ROW (row);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
preview_drawn (gpointer data)
{
  XfExamEditor *editor = data;

  return count_children (editor_child (editor, "preview_list")) > 0 ||
         g_str_has_prefix (gtk_label_get_text (editor_child (editor, "preview_status")), "No paper");
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(XfExam) stored = NULL;
  g_autoptr(GError) error = NULL;
  XfExamEditor *editor = open_editor (f, NULL);
  XfExamRuleRow *single;
  XfExamRule *rule;
  GtkWidget *list;
  guint n_single = 0, n_truefalse = 0;

  g_assert_false (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "title_row"), "2026年度学法用法考试");
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==,
                   "“rules”: an exam needs at least one rule or fixed question");
  g_assert_false (can_save (editor));

  /* 40 单选 of 行政法: the bank has 30 */
  single = add_rule (editor, XF_QUESTION_SINGLE, 40, 1.5, "行政法");
  g_assert_true (xf_exam_editor_get_checking (editor));
  g_assert_false (can_save (editor));
  wait_checked (editor);
  g_assert_nonnull (xf_exam_editor_get_problem (editor));
  g_assert_nonnull (strstr (xf_exam_editor_get_problem (editor), "Rule 1 needs 40"));
  g_assert_nonnull (strstr (xf_exam_editor_get_problem (editor), "行政法"));
  g_assert_true (g_str_has_suffix (xf_exam_editor_get_problem (editor), "but the banks have 30"));
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "shortfall_label")));
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "shortfall_label")), ==,
                   xf_exam_editor_get_problem (editor));
  g_assert_true (gtk_revealer_get_reveal_child (editor_child (editor, "problem_revealer")));
  g_assert_false (can_save (editor));
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "preview_button")));
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "total_label")), ==, "40 questions, 60 points in all");

  /* 20 of them, and 5 判断 of 2 points */
  gtk_spin_button_set_value (rule_child (single, "count_spin"), 20);
  add_rule (editor, XF_QUESTION_TRUE_FALSE, 5, 2, NULL);
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "total_label")), ==, "25 questions, 40 points in all");
  wait_checked (editor);
  g_assert_null (xf_exam_editor_get_problem (editor));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "shortfall_label")));
  g_assert_false (gtk_revealer_get_reveal_child (editor_child (editor, "problem_revealer")));
  g_assert_true (can_save (editor));

  /* A paper as drawn: 20 单选 with their four options, then 5 判断 */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.preview", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (editor_child (editor, "page_stack")), ==, "preview");
  g_assert_true (xf_test_wait_for (preview_drawn, editor, 10000));
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "preview_status")), ==,
                   "25 questions, 40 points in all");
  list = editor_child (editor, "preview_list");
  g_assert_cmpuint (count_children (list), ==, 25);
  for (GtkWidget *card = gtk_widget_get_first_child (list); card != NULL; card = gtk_widget_get_next_sibling (card))
    {
      guint n = count_children (card);

      g_assert_true (n == 5 || n == 1);
      n_single += n == 5;
      n_truefalse += n == 1;
    }
  g_assert_cmpuint (n_single, ==, 20);
  g_assert_cmpuint (n_truefalse, ==, 5);
  xf_test_assert_label_shown (editor, "1.");
  xf_test_assert_label_shown (editor, "1.5 points");
  xf_test_assert_label_shown (editor, "C. 没收违法所得");

  /* Escape leaves the preview, Ctrl+S saves and closes */
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (editor_child (editor, "page_stack")), ==, "form");
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));
  g_assert_cmpuint (f->n_saved, ==, 1);

  stored = xf_exam_store_get (f->db, "2026年度学法用法考试", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->uuid, ==, f->saved->uuid);
  g_assert_cmpuint (stored->rules->len, ==, 2);
  rule = g_ptr_array_index (stored->rules, 0);
  g_assert_cmpint (rule->type, ==, XF_QUESTION_SINGLE);
  g_assert_cmpuint (rule->count, ==, 20);
  g_assert_cmpfloat (rule->score, ==, 1.5);
  g_assert_cmpstr (rule->category, ==, "行政法");
  g_assert_null (rule->bank);
  rule = g_ptr_array_index (stored->rules, 1);
  g_assert_cmpint (rule->type, ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpuint (rule->count, ==, 5);
  g_assert_cmpfloat (rule->score, ==, 2);
  g_assert_null (rule->category);
  g_assert_cmpfloat (xf_exam_rules_total (stored), ==, 40);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  XfExamEditor *editor = open_editor (f, NULL);
  XfExamRuleRow *row;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GError) error = NULL;
  gint64 opens;

  row = add_rule (editor, XF_QUESTION_TRUE_FALSE, 10, 1, NULL);
  wait_checked (editor);

  /* A title is needed, and blanks are none */
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==, "“title” is empty: an exam needs a title");
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "problem_label")), ==,
                   "“title” is empty: an exam needs a title");
  g_assert_false (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "title_row"), "行政处罚法专题测试");
  g_assert_null (xf_exam_editor_get_problem (editor));
  g_assert_true (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "title_row"), "   ");
  g_assert_false (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "title_row"), "行政处罚法专题测试");

  /* A time that cannot be read, then a window the wrong way round */
  gtk_editable_set_text (editor_child (editor, "opens_row"), "2026-02-30 08:00");
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==,
                   "“Opens”: “2026-02-30 08:00” is not a date and time like 2026-03-01 08:00");
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "opens_row"), "error"));
  g_assert_false (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "opens_row"), "2026-03-01 08:00");
  g_assert_false (gtk_widget_has_css_class (editor_child (editor, "opens_row"), "error"));
  gtk_editable_set_text (editor_child (editor, "closes_row"), "2026-02-01");
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==, "“closes” must be later than “opens”");
  gtk_editable_set_text (editor_child (editor, "closes_row"), "2026-03-31 18:00");
  g_assert_true (can_save (editor));

  /* A pass mark over the total, an audience that is none */
  gtk_spin_button_set_value (editor_child (editor, "pass_mark_spin"), 12);
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==, "“pass_mark”: 12 is more than the paper’s total of 10 points");
  gtk_spin_button_set_value (rule_child (row, "score_spin"), 2);
  g_assert_true (can_save (editor));
  gtk_editable_set_text (editor_child (editor, "audience_row"), "leaders，department:法制科, 张三");
  g_assert_nonnull (strstr (xf_exam_editor_get_problem (editor), "“audience[3]”: “张三” is not an audience"));
  gtk_editable_set_text (editor_child (editor, "audience_row"), "leaders，department:法制科, profile:张三");
  g_assert_true (can_save (editor));

  /* Partial credit only counts for partial scoring */
  g_assert_false (gtk_widget_get_sensitive (editor_child (editor, "partial_spin")));
  adw_combo_row_set_selected (editor_child (editor, "multiple_row"), 1);
  g_assert_true (gtk_widget_get_sensitive (editor_child (editor, "partial_spin")));
  gtk_spin_button_set_value (editor_child (editor, "partial_spin"), 0.6);
  gtk_spin_button_set_value (editor_child (editor, "time_limit_spin"), 45);
  gtk_spin_button_set_value (editor_child (editor, "attempts_spin"), 3);
  adw_combo_row_set_selected (editor_child (editor, "counts_row"), 1);
  gtk_switch_set_active (editor_child (editor, "shuffle_options_switch"), TRUE);

  exam = xf_exam_editor_dup_exam (editor, &error);
  g_assert_no_error (error);
  g_assert_true (xf_exam_editor_parse_time ("2026-03-01 08:00", &opens));
  g_assert_cmpint (exam->opens_at, ==, opens);
  g_assert_cmpint (exam->closes_at - exam->opens_at, ==, (gint64)(30 * 24 + 10) * 3600 * G_USEC_PER_SEC);
  g_assert_cmpuint (exam->audience->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (exam->audience, 1), ==, "department:法制科");
  g_assert_cmpint (exam->multiple, ==, XF_EXAM_MULTIPLE_PARTIAL);
  g_assert_cmpfloat_with_epsilon (exam->partial_credit, 0.6, 1e-9);
  g_assert_cmpuint (exam->time_limit_s, ==, 45 * 60);
  g_assert_cmpuint (exam->attempts, ==, 3);
  g_assert_cmpint (exam->counts, ==, XF_EXAM_COUNT_LAST);
  g_assert_true (exam->shuffle_options);
  g_assert_false (exam->shuffle_questions);

  /* Removing the only rule leaves nothing to draw */
  g_signal_emit_by_name (row, "remove");
  g_assert_null (gtk_widget_get_first_child (editor_child (editor, "rules_list")));
  g_assert_cmpstr (xf_exam_editor_get_problem (editor), ==,
                   "“rules”: an exam needs at least one rule or fixed question");
  g_assert_false (can_save (editor));

  /* Escape cancels: nothing is stored */
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_null (xf_exam_store_get (f->db, "行政处罚法专题测试", NULL));
}

/* An exam stored before opens with its fields; its bank, named by UUID,
 * shows by title. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfExam) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *opens = NULL;
  XfExamRule *rule = xf_exam_rule_new (XF_QUESTION_SINGLE, 25, 2);
  XfExamEditor *editor;
  GtkWidget *row;

  g_free (exam->title);
  exam->title = g_strdup ("行政法知识测试");
  exam->time_limit_s = 30 * 60;
  exam->pass_mark = 30;
  exam->opens_at = G_GINT64_CONSTANT (1772323200) * G_USEC_PER_SEC;
  rule->bank = g_strdup (f->bank_uuid);
  rule->category = g_strdup ("行政法/行政处罚");
  g_ptr_array_add (exam->rules, rule);
  g_assert_true (xf_exam_store_save (f->db, exam, &error));
  g_assert_no_error (error);

  editor = open_editor (f, exam);
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "title_row")), ==, "行政法知识测试");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor_child (editor, "time_limit_spin")), ==, 30);
  opens = xf_exam_editor_format_time (exam->opens_at);
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "opens_row")), ==, opens);
  row = gtk_widget_get_first_child (editor_child (editor, "rules_list"));
  g_assert_true (XF_IS_EXAM_RULE_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (rule_child (XF_EXAM_RULE_ROW (row), "bank_row")), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "1. 25 Single choice questions (bank 行政法题库, 行政法/行政处罚)");
  wait_checked (editor);
  g_assert_null (xf_exam_editor_get_problem (editor));
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "total_label")), ==, "25 questions, 50 points in all");

  gtk_spin_button_set_value (editor_child (editor, "pass_mark_spin"), 36);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));
  g_assert_cmpuint (f->n_saved, ==, 1);

  stored = xf_exam_store_get (f->db, exam->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (stored->pass_mark, ==, 36);
  g_assert_cmpint (stored->opens_at, ==, exam->opens_at);
  g_assert_cmpuint (stored->time_limit_s, ==, 30 * 60);
  g_assert_cmpuint (stored->rules->len, ==, 1);
  g_assert_cmpstr (((XfExamRule *)g_ptr_array_index (stored->rules, 0))->bank, ==, "行政法题库");
}

static void
test_parse_time (void)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 3, 1, 8, 0, 0);
  g_autofree char *text = NULL;
  gint64 time = -1;

  g_assert_true (xf_exam_editor_parse_time ("  ", &time));
  g_assert_cmpint (time, ==, 0);
  g_assert_true (xf_exam_editor_parse_time ("2026-03-01 08:00", &time));
  g_assert_cmpint (time, ==, g_date_time_to_unix (local) * G_USEC_PER_SEC);
  g_assert_true (xf_exam_editor_parse_time ("2026-03-01T08:00", &time));
  g_assert_cmpint (time, ==, g_date_time_to_unix (local) * G_USEC_PER_SEC);
  g_assert_true (xf_exam_editor_parse_time ("2026-03-01 08:00:30", &time));
  g_assert_cmpint (time, ==, (g_date_time_to_unix (local) + 30) * G_USEC_PER_SEC);
  g_assert_true (xf_exam_editor_parse_time ("2026-03-01", &time));
  g_assert_cmpint (time, ==, (g_date_time_to_unix (local) - 8 * 3600) * G_USEC_PER_SEC);
  text = xf_exam_editor_format_time (g_date_time_to_unix (local) * G_USEC_PER_SEC);
  g_assert_cmpstr (text, ==, "2026-03-01 08:00");

  g_assert_false (xf_exam_editor_parse_time ("2026-02-29", &time));
  g_assert_false (xf_exam_editor_parse_time ("2026-03-01 24:00", &time));
  g_assert_false (xf_exam_editor_parse_time ("2026-03-01 08:00 上午", &time));
  g_assert_false (xf_exam_editor_parse_time ("3月1日", &time));
  g_assert_false (xf_exam_editor_parse_time ("2026-3-1 8", &time));
}

int
main (int   argc,
      char *argv[])
{
  if (!exam_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/gui-exam-editor/parse-time", test_parse_time);
  g_test_add ("/gui-exam-editor/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/gui-exam-editor/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/gui-exam-editor/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);

  return g_test_run ();
}
