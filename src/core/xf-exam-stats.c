/* xf-exam-stats.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xf-exam-stats.h"
#include "xf-exam-store.h"
#include "xf-question-store.h"

/* Statistics of an exam for whoever maintains its banks, the figures
 * Moodle's quiz statistics report gives: the spread of the scores, and
 * for each question its facility index (how easy it was), its
 * discrimination index (whether those who did well overall did well on
 * it) and how often each option was chosen (which distractors draw).
 *
 * Every submitted attempt counts, not only the one the exam counts for a
 * person (highest or last): the figures describe the questions, and each
 * attempt is one more answer to them. Attempts in progress do not count.
 * Marks are those xf_exam_grade() gives, so partial credit is exactly as
 * graded, and an 简答 not yet graded by hand counts 0 like in the score. */

/* Marks come rounded to a millionth of a point (xf-exam-grade.c); the
 * rest of a score is rounded alike, so that two attempts with the same
 * rest compare equal and a constant rest is seen to be constant. */
static double
round_points (double points)
{
  return round (points * 1e6) / 1e6;
}

static void
item_stats_free (XfExamItemStats *item)
{
  g_free (item->question);
  g_free (item->stem);
  g_free (item);
}

/**
 * xf_exam_stats_free:
 * @stats: (nullable) (transfer full): statistics
 */
void
xf_exam_stats_free (XfExamStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->items, g_ptr_array_unref);
  g_free (stats);
}

/* One question's figures as they are gathered */
typedef struct
{
  XfExamItemStats *stats;
  guint            version;   /* of the stem kept */
  double           fraction;  /* sum of mark / max */
  GArray          *marks;     /* double, one an attempt */
  GArray          *rests;     /* double: the score without this mark */
} Gather;

static void
gather_free (Gather *gather)
{
  g_clear_pointer (&gather->stats, item_stats_free);
  g_clear_pointer (&gather->marks, g_array_unref);
  g_clear_pointer (&gather->rests, g_array_unref);
  g_free (gather);
}

/* The options @question's key names, as bits of its own options: the
 * letters of a choice question, 对 (option 0) or 错 (option 1) of a 判断 */
static guint
right_options (XfQuestionType  type,
               XfQuestion     *question)
{
  const char *answer = xf_question_get_answer (question);
  guint right = 0;

  if (answer == NULL)
    return 0;
  if (type == XF_QUESTION_TRUE_FALSE)
    return g_str_equal (answer, "T") ? 1u : g_str_equal (answer, "F") ? 2u : 0;
  if (type != XF_QUESTION_SINGLE && type != XF_QUESTION_MULTIPLE)
    return 0;
  for (const char *p = answer; *p != '\0'; p++)
    if (*p >= 'A' && *p < 'A' + XF_QUESTION_MAX_OPTIONS)
      right |= 1u << (*p - 'A');
  return right;
}

static Gather *
gather_new (XfExamItem *item,
            XfQuestion *question)
{
  Gather *gather = g_new0 (Gather, 1);

  gather->stats = g_new0 (XfExamItemStats, 1);
  gather->stats->question = g_strdup (item->question);
  gather->stats->type = item->type;
  gather->stats->stem = g_strdup (xf_question_get_stem (question));
  gather->stats->right = right_options (item->type, question);
  gather->stats->discrimination = NAN;
  gather->version = xf_question_get_version (question);
  gather->marks = g_array_new (FALSE, FALSE, sizeof (double));
  gather->rests = g_array_new (FALSE, FALSE, sizeof (double));
  return gather;
}

/* Counts the options @answer (canonical, in the letters shown) chose,
 * as the question's own options: shown letter i is option order[i]. */
static void
count_choices (XfExamItemStats *stats,
               XfExamItem      *item,
               XfQuestion      *question,
               const char      *answer)
{
  guint n_own = MIN (xf_question_get_n_options (question), XF_QUESTION_MAX_OPTIONS);

  if (item->type == XF_QUESTION_TRUE_FALSE)
    {
      stats->n_options = 2;
      if (g_str_equal (answer, "T"))
        stats->chosen[0]++;
      else if (g_str_equal (answer, "F"))
        stats->chosen[1]++;
      return;
    }
  if (item->type != XF_QUESTION_SINGLE && item->type != XF_QUESTION_MULTIPLE)
    return;

  /* Versions may differ in their number of options: the widest counts */
  stats->n_options = MAX (stats->n_options, n_own);
  for (const char *p = answer; *p != '\0'; p++)
    {
      guint shown, own;

      if (*p < 'A' || *p > 'Z')
        continue;
      shown = (guint)(*p - 'A');
      /* A paper that records no options shows the question's own */
      if (item->n_options == 0)
        own = shown;
      else if (shown < item->n_options && shown < XF_QUESTION_MAX_OPTIONS)
        own = item->order[shown];
      else
        continue;
      if (own < n_own)
        stats->chosen[own]++;
    }
}

static double
mean_of (const double *values,
         guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += values[i];
  return n > 0 ? sum / n : 0;
}

static gboolean
all_equal (const double *values,
           guint         n)
{
  for (guint i = 1; i < n; i++)
    if (values[i] != values[0])
      return FALSE;
  return TRUE;
}

/* Pearson's r, or NAN when it is undefined: fewer than 2 pairs, or one
 * of the two constant. Constancy is tested exactly rather than as a
 * variance near 0, since the values are rounded to a millionth and a
 * sum of squared deviations of equal values may not come out 0. */
static double
pearson (const double *x,
         const double *y,
         guint         n)
{
  double mx, my, sxy = 0, sxx = 0, syy = 0;

  if (n < 2 || all_equal (x, n) || all_equal (y, n))
    return NAN;
  mx = mean_of (x, n);
  my = mean_of (y, n);
  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
  if (!(sxx > 0 && syy > 0))
    return NAN;
  return sxy / sqrt (sxx * syy);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The bin of a score out of @total: [0,10) … [80,90), [90,100] */
static guint
bin_of (double score,
        double total)
{
  double percent;
  int bin;

  if (!(total > 0))
    return 0;
  percent = score / total * 100;
  /* 8.1 of 9 points comes out 89.99…%: a score on a boundary belongs
   * to the bin above it, as it does on paper */
  bin = (int)floor (percent / 10 + 1e-9);
  return (guint)CLAMP (bin, 0, XF_EXAM_STATS_BINS - 1);
}

/* The figures over the scores of @n attempts */
static void
summarize_scores (XfExamStats *stats,
                  double      *scores,
                  guint        n)
{
  double squares = 0;

  stats->mean = mean_of (scores, n);
  for (guint i = 0; i < n; i++)
    squares += (scores[i] - stats->mean) * (scores[i] - stats->mean);
  /* Moodle gives the sample standard deviation */
  stats->stddev = n > 1 ? sqrt (squares / (n - 1)) : 0;

  /* No attempt: no array either, and qsort() must not see NULL */
  if (n == 0)
    {
      stats->median = 0;
      return;
    }
  qsort (scores, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    stats->median = scores[n / 2];
  else
    stats->median = (scores[n / 2 - 1] + scores[n / 2]) / 2;
}

static void
summarize_item (Gather *gather)
{
  XfExamItemStats *stats = gather->stats;
  guint n = gather->marks->len;

  stats->unanswered = stats->attempts - stats->answered;
  stats->facility = n > 0 ? gather->fraction / n * 100 : 0;
  stats->discrimination = pearson ((const double *)gather->marks->data,
                                   (const double *)gather->rests->data, n) * 100;
  stats->negative = stats->discrimination < 0;
}

/* Adds one graded attempt to the figures of the questions it held */
static void
gather_attempt (GPtrArray    *gathers,
                GHashTable   *by_uuid,
                XfAttempt    *attempt,
                GPtrArray    *questions,
                XfExamResult *result)
{
  g_autoptr(GHashTable) held = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < attempt->paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfQuestion *question = g_ptr_array_index (questions, i);
      XfExamMark *mark = &g_array_index (result->marks, XfExamMark, i);
      const char *answer = i < attempt->answers->len ? g_ptr_array_index (attempt->answers, i) : NULL;
      Gather *gather = g_hash_table_lookup (by_uuid, item->question);
      double rest;

      /* A paper holds a question once; were it there twice, one mark
       * of it would stand against a rest holding the other */
      if (!g_hash_table_add (held, item->question))
        continue;
      if (gather == NULL)
        {
          gather = gather_new (item, question);
          g_ptr_array_add (gathers, gather);
          g_hash_table_insert (by_uuid, gather->stats->question, gather);
        }
      else if (xf_question_get_version (question) > gather->version)
        {
          g_free (gather->stats->stem);
          gather->stats->stem = g_strdup (xf_question_get_stem (question));
          gather->stats->right = right_options (item->type, question);
          gather->version = xf_question_get_version (question);
        }

      gather->stats->attempts++;
      if (mark->answered)
        gather->stats->answered++;
      if (answer != NULL && *answer != '\0')
        count_choices (gather->stats, item, question, answer);
      gather->fraction += mark->max > 0 ? mark->score / mark->max : 0;
      rest = round_points (result->score - mark->score);
      g_array_append_val (gather->marks, mark->score);
      g_array_append_val (gather->rests, rest);
    }
}

/**
 * xf_exam_stats_compute:
 * @exam: the exam: its scoring and pass mark
 * @attempts: (element-type XfAttempt): attempts at @exam; those submitted
 *   are counted, those in progress left out
 * @questions_per_attempt: (element-type GPtrArray): parallel to
 *   @attempts, the questions of each attempt's paper in its order (see
 *   xf_exam_store_load_questions()); an entry of an attempt in progress
 *   may be %NULL
 *
 * Computes the statistics of an exam over every submitted attempt (not
 * only the one that counts for each person), grading each with
 * xf_exam_grade(). A pure function of its arguments.
 *
 * Returns: (transfer full): the statistics; free with xf_exam_stats_free()
 */
XfExamStats *
xf_exam_stats_compute (XfExam    *exam,
                       GPtrArray *attempts,
                       GPtrArray *questions_per_attempt)
{
  g_autoptr(XfExamStats) stats = NULL;
  g_autoptr(GPtrArray) gathers = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;
  g_autoptr(GArray) scores = NULL;
  guint passed = 0;

  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (attempts != NULL, NULL);
  g_return_val_if_fail (questions_per_attempt != NULL, NULL);
  g_return_val_if_fail (questions_per_attempt->len == attempts->len, NULL);

  stats = g_new0 (XfExamStats, 1);
  stats->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_stats_free);
  gathers = g_ptr_array_new_with_free_func ((GDestroyNotify)gather_free);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  scores = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint a = 0; a < attempts->len; a++)
    {
      XfAttempt *attempt = g_ptr_array_index (attempts, a);
      GPtrArray *questions = g_ptr_array_index (questions_per_attempt, a);
      g_autoptr(XfExamResult) result = NULL;

      if (attempt->state != XF_ATTEMPT_SUBMITTED)
        continue;
      g_return_val_if_fail (questions != NULL && questions->len == attempt->paper->items->len, NULL);
      g_return_val_if_fail (attempt->answers->len == attempt->paper->items->len, NULL);

      result = xf_exam_grade (exam, attempt->paper, questions, (const char * const *)attempt->answers->pdata);
      if (stats->attempts == 0)
        {
          stats->total = result->total;
          stats->highest = stats->lowest = result->score;
        }
      stats->highest = MAX (stats->highest, result->score);
      stats->lowest = MIN (stats->lowest, result->score);
      stats->attempts++;
      passed += result->passed;
      g_array_append_val (scores, result->score);
      /* Each attempt against its own paper's total: papers drawn before
       * the exam was edited may differ from later ones */
      stats->histogram[bin_of (result->score, result->total)]++;
      gather_attempt (gathers, by_uuid, attempt, questions, result);
    }

  summarize_scores (stats, (double *)scores->data, scores->len);
  stats->pass_rate = stats->attempts > 0 ? (double)passed / stats->attempts : 0;
  for (guint i = 0; i < gathers->len; i++)
    {
      Gather *gather = g_ptr_array_index (gathers, i);

      summarize_item (gather);
      g_ptr_array_add (stats->items, g_steal_pointer (&gather->stats));
    }
  return g_steal_pointer (&stats);
}

/* The question of @item, loaded once for all the papers that hold it */
static XfQuestion *
cached_question (XfDatabase  *db,
                 GHashTable  *cache,
                 XfExamItem  *item,
                 GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", item->question, item->version);
  XfQuestion *question = g_hash_table_lookup (cache, key);

  if (question != NULL)
    return g_object_ref (question);
  question = xf_question_store_get_version (db, item->question, item->version, error);
  if (question == NULL)
    return NULL;
  g_hash_table_insert (cache, g_steal_pointer (&key), g_object_ref (question));
  return question;
}

/**
 * xf_exam_store_stats:
 * @exam_uuid: the exam's UUID (or its title)
 *
 * Loads the submitted attempts at an exam, by every person, with the
 * questions in the versions their papers name, and computes their
 * statistics (see xf_exam_stats_compute()).
 *
 * Returns: (transfer full): the statistics, or %NULL with
 *   %XF_EXAM_ERROR_NOT_FOUND for an unknown exam
 */
XfExamStats *
xf_exam_store_stats (XfDatabase  *db,
                     const char  *exam_uuid,
                     GError     **error)
{
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) submitted = g_ptr_array_new ();
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) cache = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (exam_uuid != NULL, NULL);

  exam = xf_exam_store_get (db, exam_uuid, error);
  if (exam == NULL)
    return NULL;
  attempts = xf_exam_store_list_attempts (db, exam->uuid, NULL, error);
  if (attempts == NULL)
    return NULL;

  /* Only submitted attempts: their questions are all that is loaded */
  questions = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint a = 0; a < attempts->len; a++)
    {
      XfAttempt *attempt = g_ptr_array_index (attempts, a);
      g_autoptr(GPtrArray) held = NULL;

      if (attempt->state != XF_ATTEMPT_SUBMITTED)
        continue;
      held = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < attempt->paper->items->len; i++)
        {
          XfQuestion *question = cached_question (db, cache, g_ptr_array_index (attempt->paper->items, i), error);

          if (question == NULL)
            {
              g_prefix_error (error, _("Attempt %s: "), attempt->uuid);
              return NULL;
            }
          g_ptr_array_add (held, question);
        }
      g_ptr_array_add (questions, g_steal_pointer (&held));
      g_ptr_array_add (submitted, attempt);
    }
  return xf_exam_stats_compute (exam, submitted, questions);
}
