/* bench-exam.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "test-utils.h"
#include "xf-exam-store.h"
#include "xf-question-format.h"
#include "xf-question-store.h"

/* Exams at scale, in a profile database on the disk: drawing a
 * 70-question paper (40 单选, 10 多选, 20 判断, as the yearly exam) by rules
 * from a bank of 100 000 questions, saving an answer durably (committed
 * and synced before the call returns), and grading an attempt. Prints
 * JSON.
 *
 *   build/tests/bench/bench-exam [--questions N] [--draws N] [--answers N] */

static int opt_questions = 100000;
static int opt_draws = 100;
static int opt_answers = 1000;

static const char *categories[] = {
  "宪法", "行政法/行政处罚", "行政法/行政许可", "行政法/行政复议", "民法/总则", "民法/合同",
};

static void
fill_bank (XfDatabase *db,
           GRand      *rand)
{
  g_autoptr(XfQuestionParse) parse = xf_question_parse_new ("bench");
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport report;

  for (int i = 0; i < opt_questions; i++)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      XfQuestionType type = roll < 40 ? XF_QUESTION_SINGLE : roll < 60 ? XF_QUESTION_MULTIPLE :
                            roll < 85 ? XF_QUESTION_TRUE_FALSE : XF_QUESTION_FILL;
      XfQuestion *question = xf_question_new (type);
      g_autofree char *stem = g_strdup_printf ("第%d题：行政机关实施行政处罚，应当遵循公正、公开的原则（%u）。",
                                               i + 1, g_rand_int (rand));

      xf_question_set_stem (question, stem);
      if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
        {
          const char *options[] = { "警告", "罚款", "没收违法所得", "行政拘留", NULL };

          xf_question_set_options (question, options);
          xf_question_set_answer (question, type == XF_QUESTION_SINGLE ? "B" : "ABD");
        }
      else if (type == XF_QUESTION_TRUE_FALSE)
        xf_question_set_answer (question, g_rand_boolean (rand) ? "T" : "F");
      else
        xf_question_add_accepted (question, "十五日");
      xf_question_set_difficulty (question, (guint)g_rand_int_range (rand, 1, 6));
      xf_question_set_category (question, categories[g_rand_int_range (rand, 0, G_N_ELEMENTS (categories))]);
      xf_question_parse_add (parse, question);
    }
  if (!xf_question_store_import (db, parse, "bench", XF_QUESTION_IMPORT_KEEP_DUPLICATES, &report, NULL, &error))
    g_error ("%s", error->message);
  xf_question_import_report_clear (&report);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  guint i;

  g_array_sort (times, compare_doubles);
  i = (guint)ceil (p * times->len);
  return times->len == 0 ? 0 : g_array_index (times, double, MIN (MAX (i, 1), times->len) - 1);
}

static void
print_times (const char *name,
             GArray     *times,
             gboolean    last)
{
  g_print ("\"%s\": {\"p50\": %.3f, \"p95\": %.3f, \"p99\": %.3f, \"max\": %.3f}%s", name,
           percentile (times, 0.5), percentile (times, 0.95), percentile (times, 0.99),
           percentile (times, 1.0), last ? "" : ", ");
}

static XfExam *
yearly_exam (const char *category)
{
  XfExam *exam = xf_exam_new ();
  XfExamRule *rule;

  g_free (exam->title);
  exam->title = g_strdup (category != NULL ? "按分类抽题" : "年度学法用法考试");
  exam->time_limit_s = 90 * 60;
  exam->pass_mark = 60;
  exam->attempts = 0;
  exam->shuffle_questions = TRUE;
  exam->shuffle_options = TRUE;
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  rule = xf_exam_rule_new (XF_QUESTION_SINGLE, 40, 1.5);
  rule->category = g_strdup (category);
  g_ptr_array_add (exam->rules, rule);
  rule = xf_exam_rule_new (XF_QUESTION_MULTIPLE, 10, 2);
  rule->category = g_strdup (category);
  g_ptr_array_add (exam->rules, rule);
  rule = xf_exam_rule_new (XF_QUESTION_TRUE_FALSE, 20, 1);
  rule->category = g_strdup (category);
  g_ptr_array_add (exam->rules, rule);
  return exam;
}

static GArray *
time_draws (XfDatabase *db,
            XfExam     *exam,
            GRand      *rand)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_draws; i++)
    {
      g_autoptr(XfExamPaper) paper = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      paper = xf_exam_store_draw (db, exam, rand, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (paper == NULL)
        g_error ("%s", error->message);
      g_assert (paper->items->len == 70);
      g_array_append_val (times, ms);
    }
  return times;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "questions", 0, 0, G_OPTION_ARG_INT, &opt_questions, "Questions in the bank", "N" },
    { "draws", 0, 0, G_OPTION_ARG_INT, &opt_draws, "Papers to draw", "N" },
    { "answers", 0, 0, G_OPTION_ARG_INT, &opt_answers, "Answers to save", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfExam) exam = yearly_exam (NULL);
  g_autoptr(XfExam) by_category = yearly_exam ("行政法");
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) answered = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GArray) draws = NULL;
  g_autoptr(GArray) category_draws = NULL;
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) grades = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gint64 start;
  double fill_s;
  double score = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("xuefa-bench-exam-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "exam.db", NULL);
  db = xf_database_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  fill_bank (db, rand);
  fill_s = (g_get_monotonic_time () - start) / 1e6;
  if (!xf_exam_store_save (db, exam, &error) || !xf_exam_store_save (db, by_category, &error))
    g_error ("%s", error->message);

  draws = time_draws (db, exam, rand);
  category_draws = time_draws (db, by_category, rand);

  attempt = xf_exam_store_start (db, exam, "bench", rand, g_get_real_time (), &error);
  g_assert_no_error (error);
  /* As the exam view saves: the log is copied back into the database
   * after an answer was reported saved, not inside its commit */
  xf_database_set_defer_checkpoints (db, TRUE);
  for (int i = 0; i < opt_answers; i++)
    {
      guint n = (guint)g_rand_int_range (rand, 1, 71);
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, n - 1);
      const char *answer = item->type == XF_QUESTION_TRUE_FALSE ? (i % 2 ? "T" : "F")
                           : item->type == XF_QUESTION_MULTIPLE ? "AB" : "C";
      double ms;

      start = g_get_monotonic_time ();
      if (!xf_exam_store_answer (db, attempt->uuid, n, answer, g_get_real_time (), &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (saves, ms);
      start = g_get_monotonic_time ();
      if (xf_database_checkpoint_if_due (db))
        {
          ms = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (checkpoints, ms);
        }
    }

  answered = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_no_error (error);
  questions = xf_exam_store_load_questions (db, answered->paper, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(XfExamResult) result = NULL;
      double us;

      start = g_get_monotonic_time ();
      result = xf_exam_grade (exam, answered->paper, questions, (const char * const *)answered->answers->pdata);
      us = (double)(g_get_monotonic_time () - start);
      score = result->score;
      g_array_append_val (grades, us);
    }

  g_print ("{\"questions\": %d, \"fill_s\": %.2f, \"paper\": 70, ", opt_questions, fill_s);
  print_times ("draw_ms", draws, FALSE);
  print_times ("draw_by_category_ms", category_draws, FALSE);
  print_times ("answer_save_ms", saves, FALSE);
  print_times ("checkpoint_after_ms", checkpoints, FALSE);
  print_times ("grade_us", grades, FALSE);
  g_print ("\"score\": %.1f}\n", score);

  g_clear_object (&db);
  xf_test_remove_tree (dir);
  return 0;
}
