/* bench-exam-grade.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <time.h>

#include "xf-exam.h"

/* Grading at the size of a real 学法用法考试 paper: 70 questions (40 单选
 * × 1, 10 多选 × 2 with partial credit, 20 判断 × 1), options shuffled,
 * graded against random answers many times over. Each xf_exam_grade()
 * call is timed on its own. Prints JSON.
 *
 *   build/tests/bench/bench-exam-grade [--attempts N] [--seed N] */

static int opt_attempts = 10000;
static int opt_seed = 7;

enum { N_SINGLE = 40, N_MULTIPLE = 10, N_TRUE_FALSE = 20, N_ITEMS = N_SINGLE + N_MULTIPLE + N_TRUE_FALSE };

static const char * const options[] = {
  "由县级以上地方人民政府具有行政处罚权的行政机关管辖",
  "由违法行为发生地的行政机关管辖",
  "由当事人住所地的行政机关管辖",
  "由共同的上一级行政机关指定管辖",
  NULL
};

/* Every non-empty set of the letters A to D, canonical: subsets[s - 1] for
 * the bit set s */
static const char * const subsets[] = {
  "A", "B", "AB", "C", "AC", "BC", "ABC", "D", "AD", "BD", "ABD", "CD", "ACD", "BCD", "ABCD",
};

static void
shuffle_order (XfExamItem *item,
               GRand      *rand)
{
  item->n_options = 4;
  for (guint i = 0; i < 4; i++)
    item->order[i] = (guint8)i;
  for (guint i = 3; i > 0; i--)
    {
      guint j = (guint)g_rand_int_range (rand, 0, (gint32)i + 1);
      guint8 swap = item->order[i];

      item->order[i] = item->order[j];
      item->order[j] = swap;
    }
}

static void
add_item (XfExamPaper    *paper,
          GPtrArray      *questions,
          XfQuestionType  type,
          double          score,
          GRand          *rand,
          guint           number)
{
  XfExamItem *item = g_new0 (XfExamItem, 1);
  g_autoptr(XfQuestion) question = xf_question_new (type);
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = g_strdup_printf ("关于行政处罚的管辖，下列说法正确的是（第%u题）", number);
  g_autofree char *uuid = g_uuid_string_random ();

  xf_question_set_stem (question, stem);
  xf_question_set_uuid (question, uuid);
  if (type == XF_QUESTION_SINGLE)
    {
      xf_question_set_options (question, options);
      xf_question_set_answer (question, subsets[(1 << g_rand_int_range (rand, 0, 4)) - 1]);
    }
  else if (type == XF_QUESTION_MULTIPLE)
    {
      guint set;

      /* At least two right options */
      do
        set = (guint)g_rand_int_range (rand, 1, 16);
      while ((set & (set - 1)) == 0);
      xf_question_set_options (question, options);
      xf_question_set_answer (question, subsets[set - 1]);
    }
  else
    xf_question_set_answer (question, g_rand_boolean (rand) ? "T" : "F");
  if (!xf_question_validate (question, &error))
    g_error ("%s", error->message);

  item->question = g_strdup (xf_question_get_uuid (question));
  item->version = 1;
  item->type = type;
  item->score = score;
  if (type != XF_QUESTION_TRUE_FALSE)
    shuffle_order (item, rand);
  g_ptr_array_add (paper->items, item);
  g_ptr_array_add (questions, g_steal_pointer (&question));
}

/* A random attempt: about one in twenty questions left unanswered */
static void
fill_answers (const char **answers,
              XfExamPaper *paper,
              GRand       *rand)
{
  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);

      if (g_rand_int_range (rand, 0, 20) == 0)
        answers[i] = NULL;
      else if (item->type == XF_QUESTION_SINGLE)
        answers[i] = subsets[(1 << g_rand_int_range (rand, 0, 4)) - 1];
      else if (item->type == XF_QUESTION_MULTIPLE)
        answers[i] = subsets[g_rand_int_range (rand, 0, G_N_ELEMENTS (subsets))];
      else
        answers[i] = g_rand_boolean (rand) ? "T" : "F";
    }
}

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint)ceil (p * sorted->len);

  return sorted->len == 0 ? 0 : g_array_index (sorted, double, MIN (MAX (i, 1), sorted->len) - 1);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "attempts", 0, 0, G_OPTION_ARG_INT, &opt_attempts, "How many attempts to grade", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfExamPaper) paper = xf_exam_paper_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *answers[N_ITEMS];
  double score_sum = 0;
  guint passed = 0;
  guint number = 1;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  rand = g_rand_new_with_seed ((guint32)opt_seed);
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  exam->partial_credit = 0.5;
  exam->pass_mark = 48;
  for (guint i = 0; i < N_SINGLE; i++)
    add_item (paper, questions, XF_QUESTION_SINGLE, 1, rand, number++);
  for (guint i = 0; i < N_MULTIPLE; i++)
    add_item (paper, questions, XF_QUESTION_MULTIPLE, 2, rand, number++);
  for (guint i = 0; i < N_TRUE_FALSE; i++)
    add_item (paper, questions, XF_QUESTION_TRUE_FALSE, 1, rand, number++);

  for (int a = 0; a < opt_attempts; a++)
    {
      g_autoptr(XfExamResult) result = NULL;
      double start, us;

      fill_answers (answers, paper, rand);
      start = now_us ();
      result = xf_exam_grade (exam, paper, questions, answers);
      us = now_us () - start;
      g_array_append_val (times, us);
      g_assert (result->total == 80);
      score_sum += result->score;
      passed += result->passed;
    }
  g_array_sort (times, compare_doubles);

  g_print ("{\"questions\": %u, \"attempts\": %d, \"total\": %.0f, \"mean_score\": %.2f, \"passed\": %u, "
           "\"grade_us\": {\"p50\": %.2f, \"p99\": %.2f, \"max\": %.2f}}\n",
           paper->items->len, opt_attempts, xf_exam_paper_get_total (paper),
           score_sum / MAX (opt_attempts, 1), passed,
           percentile (times, 0.5), percentile (times, 0.99), percentile (times, 1.0));
  return 0;
}
