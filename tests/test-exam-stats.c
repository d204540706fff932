/* test-exam-stats.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "test-utils.h"
#include "xf-exam-stats.h"
#include "xf-exam-store.h"
#include "xf-question-store.h"

#define SECOND ((gint64)G_USEC_PER_SEC)
#define T0     ((gint64)1780000000 * SECOND)
#define EPS    1e-9

static const char * const options[] = { "甲", "乙", "丙", "丁", NULL };

static XfQuestion *
make_question (XfQuestionType  type,
               const char     *stem,
               const char     *answer)
{
  XfQuestion *question = xf_question_new (type);

  xf_question_set_stem (question, stem);
  if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
    xf_question_set_options (question, options);
  if (type == XF_QUESTION_FILL)
    xf_question_add_accepted (question, answer);
  else
    xf_question_set_answer (question, answer);
  return question;
}

/* The paper every attempt gets: five fixed questions, options shuffled */
enum { Q_SINGLE, Q_MULTIPLE, Q_TF, Q_REVERSED, Q_FILL, N_QUESTIONS };

static XfExam *
make_exam (XfDatabase *db,
           char       *uuids[N_QUESTIONS])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = xf_question_store_ensure_bank (db, "统计题库", &error);
  XfExam *exam = xf_exam_new ();
  struct
  {
    XfQuestionType type;
    const char *stem;
    const char *answer;
    double score;
  } questions[N_QUESTIONS] = {
    { XF_QUESTION_SINGLE, "行政处罚由违法行为发生地的哪一级行政机关管辖？", "B", 2 },
    { XF_QUESTION_MULTIPLE, "下列哪些属于行政处罚的种类？", "AC", 2 },
    { XF_QUESTION_TRUE_FALSE, "法律对违法行为已经作出行政处罚规定，行政法规需要作出具体规定的，必须在法律规定的范围内规定。", "T", 1 },
    { XF_QUESTION_SINGLE, "当事人申请听证的期限是？", "A", 1 },
    { XF_QUESTION_FILL, "行政机关应当自立案之日起（ ）内作出行政处罚决定。", "九十日", 2 },
  };

  g_assert_no_error (error);
  g_free (exam->title);
  exam->title = g_strdup ("统计考试");
  exam->pass_mark = 5;
  exam->attempts = 0;
  exam->shuffle_options = TRUE;
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  exam->partial_credit = 0.5;
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      g_autoptr(XfQuestion) question = make_question (questions[i].type, questions[i].stem, questions[i].answer);
      XfExamFixed *fixed = g_new0 (XfExamFixed, 1);

      g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
      g_assert_no_error (error);
      uuids[i] = g_strdup (xf_question_get_uuid (question));
      fixed->question = g_strdup (uuids[i]);
      fixed->score = questions[i].score;
      g_ptr_array_add (exam->fixed, fixed);
    }
  g_assert_true (xf_exam_store_save (db, exam, &error));
  g_assert_no_error (error);
  return exam;
}

/* @own, letters of the question's own options, in the letters the item
 * shows: shown letter i is own option order[i] */
static char *
shown_letters (XfExamItem *item,
               const char *own)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = own; *p != '\0'; p++)
    for (guint i = 0; i < item->n_options; i++)
      if (item->order[i] == (guint)(*p - 'A'))
        g_string_append_c (shown, (char)('A' + i));
  return g_string_free (shown, FALSE);
}

/* Takes the exam as @profile with @answers (one a question, in the
 * question's own letters, NULL for none) and submits unless @finish is
 * FALSE. Returns how many items showed their options out of order. */
static guint
take (XfDatabase         *db,
      XfExam             *exam,
      GRand              *rand,
      const char         *profile,
      const char * const *answers,
      gboolean            finish,
      gint64              now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfAttempt) attempt = xf_exam_store_start (db, exam, profile, rand, now, &error);
  guint shuffled = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (attempt->paper->items->len, ==, N_QUESTIONS);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      g_autofree char *answer = NULL;

      for (guint o = 0; o < item->n_options; o++)
        if (item->order[o] != o)
          {
            shuffled++;
            break;
          }
      if (answers[i] == NULL)
        continue;
      answer = item->n_options > 0 ? shown_letters (item, answers[i]) : g_strdup (answers[i]);
      g_assert_true (xf_exam_store_answer (db, attempt->uuid, i + 1, answer, now + (i + 1) * SECOND, &error));
      g_assert_no_error (error);
    }
  if (finish)
    {
      g_autoptr(XfExamResult) result = xf_exam_store_submit (db, attempt->uuid, NULL, now + 10 * SECOND, &error);

      g_assert_no_error (error);
      g_assert_nonnull (result);
    }
  return shuffled;
}

static XfExamItemStats *
item_of (XfExamStats *stats,
         const char  *uuid)
{
  for (guint i = 0; i < stats->items->len; i++)
    {
      XfExamItemStats *item = g_ptr_array_index (stats->items, i);

      if (g_str_equal (item->question, uuid))
        return item;
    }
  g_assert_not_reached ();
}

/* Six submitted attempts (the first person's second attempt among them:
 * every submitted attempt counts) and one in progress, which does not.
 * Marks, by attempt P1 … P6, of Q1 单选 (2 points, key B), Q2 多选 (2,
 * key AC, a right subset earns half), Q3 判断 (1, key 对), Q4 单选 (1, key
 * A, which the weak get right and the strong wrong) and Q5 填空 (2):
 *
 *        Q1 Q2 Q3 Q4 Q5  score  %
 *   P1    2  2  1  0  2    7   87.5
 *   P2    2  2  1  0  0    5   62.5
 *   P3    2  1  1  1  2    7   87.5
 *   P4    0  1  1  1  0    3   37.5
 *   P5    0  0  1  1  0    2   25
 *   P6    2  2  1  1  2    8  100
 *
 * Scores: mean 32/6 = 5.333…; sorted 2 3 5 7 7 8, median (5 + 7)/2 = 6;
 * squared deviations sum to 88/3, sample variance 88/15, standard
 * deviation √(88/15) = 2.42212…; pass mark 5: P1 P2 P3 P6 pass, 4/6.
 *
 * Facility: Q1 4 × 2 / (6 × 2) = 66.67; Q2 (1+1+½+½+0+1)/6 = 66.67;
 * Q3 100; Q4 4/6 = 66.67; Q5 3/6 = 50.
 *
 * Discrimination r(mark, score − mark) = Sxy / √(Sxx Syy):
 *   Q1 marks 2 2 2 0 0 2 (mean 4/3), rest 5 3 5 3 2 6 (mean 4):
 *      Sxy = 6, Sxx = 16/3, Syy = 12, r = 6/√64 = 0.75
 *   Q2 marks 2 2 1 1 0 2, rest 5 3 6 2 2 6: Sxy = 4, Sxx = 10/3,
 *      Syy = 18, r = 4/√60 = 0.51640
 *   Q3 marks all 1: no variance, undefined
 *   Q4 marks 0 0 1 1 1 1 (mean 2/3), rest 7 5 6 2 1 7 (mean 14/3):
 *      Sxy = −8/3, Sxx = 4/3, Syy = 100/3, r = −(8/3)/(20/3) = −0.4
 *   Q5 marks 2 0 2 0 0 2, rest 5 5 5 3 2 6: Sxy = 6, Sxx = 6,
 *      Syy = 34/3, r = 6/√68 = 0.72761 */
static void
test_stats (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(XfExamStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  char *uuids[N_QUESTIONS] = { NULL, };
  g_autoptr(XfExam) exam = make_exam (db, uuids);
  const char *answers[][N_QUESTIONS] = {
    { "B", "AC", "对", "B", "九十日" },
    { "B", "AC", "T", "C", "六十日" },
    { "B", "A", "√", "A", "九十日" },
    { "C", "A", "T", "A", NULL },
    { "D", "B", "T", "A", "三十日" },
    { "B", "AC", "T", "A", "九十日" },
  };
  const char *unfinished[N_QUESTIONS] = { "A", "BD", "F", "B", NULL };
  const char *profiles[] = { "张三", "李四", "王五", "赵六", "钱七", "张三" };
  guint shuffled = 0;
  XfExamItemStats *item;

  for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
    shuffled += take (db, exam, rand, profiles[a], answers[a], TRUE, T0 + a * 100 * SECOND);
  take (db, exam, rand, "孙八", unfinished, FALSE, T0 + 1000 * SECOND);
  /* The mapping back to the question's own options is put to the test */
  g_assert_cmpuint (shuffled, >=, 3);

  stats = xf_exam_store_stats (db, exam->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->attempts, ==, 6);
  g_assert_cmpfloat (stats->total, ==, 8);
  g_assert_cmpfloat_with_epsilon (stats->mean, 32.0 / 6, EPS);
  g_assert_cmpfloat (stats->median, ==, 6);
  g_assert_cmpfloat_with_epsilon (stats->stddev, sqrt (88.0 / 15), EPS);
  g_assert_cmpfloat_with_epsilon (stats->pass_rate, 4.0 / 6, EPS);
  g_assert_cmpfloat (stats->highest, ==, 8);
  g_assert_cmpfloat (stats->lowest, ==, 2);
  {
    const guint histogram[XF_EXAM_STATS_BINS] = { 0, 0, 1, 1, 0, 0, 1, 0, 2, 1 };

    for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
      g_assert_cmpuint (stats->histogram[b], ==, histogram[b]);
  }

  /* In the paper's order, the one in progress adding nothing */
  g_assert_cmpuint (stats->items->len, ==, N_QUESTIONS);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      item = g_ptr_array_index (stats->items, i);
      g_assert_cmpstr (item->question, ==, uuids[i]);
      g_assert_cmpuint (item->attempts, ==, 6);
      g_assert_cmpuint (item->answered + item->unanswered, ==, 6);
    }

  item = item_of (stats, uuids[Q_SINGLE]);
  g_assert_cmpint (item->type, ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (item->stem, ==, "行政处罚由违法行为发生地的哪一级行政机关管辖？");
  g_assert_cmpfloat_with_epsilon (item->facility, 400.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (item->discrimination, 75, EPS);
  g_assert_false (item->negative);
  g_assert_cmpuint (item->n_options, ==, 4);
  g_assert_cmpuint (item->chosen[0], ==, 0);
  g_assert_cmpuint (item->chosen[1], ==, 4);
  g_assert_cmpuint (item->chosen[2], ==, 1);
  g_assert_cmpuint (item->chosen[3], ==, 1);
  g_assert_cmpuint (item->unanswered, ==, 0);
  /* The key in the question's own letters, whatever the papers showed */
  g_assert_cmphex (item->right, ==, 1u << 1);

  item = item_of (stats, uuids[Q_MULTIPLE]);
  g_assert_cmpfloat_with_epsilon (item->facility, 400.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (item->discrimination, 400 / sqrt (60), EPS);
  g_assert_false (item->negative);
  /* A: P1 P2 P3 P4 P6; B: P5; C: P1 P2 P6 */
  g_assert_cmpuint (item->chosen[0], ==, 5);
  g_assert_cmpuint (item->chosen[1], ==, 1);
  g_assert_cmpuint (item->chosen[2], ==, 3);
  g_assert_cmpuint (item->chosen[3], ==, 0);
  g_assert_cmphex (item->right, ==, (1u << 0) | (1u << 2));

  /* Everyone right: nothing to tell strong from weak */
  item = item_of (stats, uuids[Q_TF]);
  g_assert_cmpfloat (item->facility, ==, 100);
  g_assert_true (isnan (item->discrimination));
  g_assert_false (item->negative);
  g_assert_cmpuint (item->n_options, ==, 2);
  g_assert_cmpuint (item->chosen[0], ==, 6);
  g_assert_cmpuint (item->chosen[1], ==, 0);
  /* 对 is option 0 */
  g_assert_cmphex (item->right, ==, 1u << 0);

  item = item_of (stats, uuids[Q_REVERSED]);
  g_assert_cmpfloat_with_epsilon (item->facility, 400.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (item->discrimination, -40, EPS);
  g_assert_true (item->negative);
  g_assert_cmpuint (item->chosen[0], ==, 4);
  g_assert_cmpuint (item->chosen[1], ==, 1);
  g_assert_cmpuint (item->chosen[2], ==, 1);
  g_assert_cmpuint (item->chosen[3], ==, 0);

  item = item_of (stats, uuids[Q_FILL]);
  g_assert_cmpfloat_with_epsilon (item->facility, 50, EPS);
  g_assert_cmpfloat_with_epsilon (item->discrimination, 600 / sqrt (68), EPS);
  g_assert_cmpuint (item->answered, ==, 5);
  g_assert_cmpuint (item->unanswered, ==, 1);
  g_assert_cmpuint (item->n_options, ==, 0);
  g_assert_cmphex (item->right, ==, 0);

  for (guint i = 0; i < N_QUESTIONS; i++)
    g_free (uuids[i]);
}

/* An exam nobody finished, and one that does not exist */
static void
test_empty (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(XfExamStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  char *uuids[N_QUESTIONS] = { NULL, };
  g_autoptr(XfExam) exam = make_exam (db, uuids);
  const char *answers[N_QUESTIONS] = { "B", NULL, NULL, NULL, NULL };

  take (db, exam, rand, "张三", answers, FALSE, T0);
  stats = xf_exam_store_stats (db, exam->title, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->attempts, ==, 0);
  g_assert_cmpfloat (stats->mean, ==, 0);
  g_assert_cmpfloat (stats->median, ==, 0);
  g_assert_cmpfloat (stats->stddev, ==, 0);
  g_assert_cmpfloat (stats->pass_rate, ==, 0);
  g_assert_cmpfloat (stats->highest, ==, 0);
  g_assert_cmpfloat (stats->lowest, ==, 0);
  g_assert_cmpuint (stats->items->len, ==, 0);
  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    g_assert_cmpuint (stats->histogram[b], ==, 0);
  g_clear_pointer (&stats, xf_exam_stats_free);

  /* One attempt: no spread, and r undefined for every question */
  take (db, exam, rand, "李四", answers, TRUE, T0 + 100 * SECOND);
  stats = xf_exam_store_stats (db, exam->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->attempts, ==, 1);
  g_assert_cmpfloat (stats->mean, ==, 2);
  g_assert_cmpfloat (stats->median, ==, 2);
  g_assert_cmpfloat (stats->stddev, ==, 0);
  g_assert_cmpfloat (stats->highest, ==, 2);
  g_assert_cmpfloat (stats->lowest, ==, 2);
  g_assert_cmpuint (stats->histogram[2], ==, 1);
  for (guint i = 0; i < stats->items->len; i++)
    g_assert_true (isnan (((XfExamItemStats *)g_ptr_array_index (stats->items, i))->discrimination));
  g_clear_pointer (&stats, xf_exam_stats_free);

  stats = xf_exam_store_stats (db, "没有这场考试", &error);
  g_assert_null (stats);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOUND);

  for (guint i = 0; i < N_QUESTIONS; i++)
    g_free (uuids[i]);
}

static XfAttempt *
attempt_new (XfExamPaper *paper,
             const char  *answer,
             gboolean     submitted)
{
  XfAttempt *attempt = g_new0 (XfAttempt, 1);

  attempt->uuid = g_uuid_string_random ();
  attempt->paper = paper;
  attempt->state = submitted ? XF_ATTEMPT_SUBMITTED : XF_ATTEMPT_IN_PROGRESS;
  attempt->answers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (attempt->answers, g_strdup (answer));
  return attempt;
}

static void
unref_nullable (gpointer array)
{
  if (array != NULL)
    g_ptr_array_unref (array);
}

/* The pure function on its own: papers built by hand, the options
 * reversed on the paper, a score on a bin's boundary that floating
 * point puts a hair below it, a paper without its option order, and an
 * attempt in progress with no questions loaded. */
static void
test_compute (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autoptr(XfQuestion) question = make_question (XF_QUESTION_MULTIPLE, "下列哪些是行政处罚？", "ABC");
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_attempt_free);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(XfExamStats) stats = NULL;
  const struct
  {
    const char *answer;
    gboolean    reversed;
    gboolean    submitted;
  } attempts_made[] = {
    { "CD", TRUE, TRUE },      /* own A and B: 0.9 × 9 = 8.1 points, 89.99…% */
    { "ABC", FALSE, TRUE },    /* all, on a paper without option order: 9 */
    { "D", TRUE, TRUE },       /* own A: 8.1 */
    { "AD", TRUE, TRUE },      /* own D and A: 0 */
    { "ABC", TRUE, FALSE },    /* in progress: left out */
  };
  XfExamItemStats *item;

  xf_question_set_uuid (question, "2b0c7e55-0d3c-4f4e-9a55-5d0c6a6c8f10");
  xf_question_set_version (question, 1);
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  exam->partial_credit = 0.9;
  exam->pass_mark = 8.5;
  for (guint a = 0; a < G_N_ELEMENTS (attempts_made); a++)
    {
      XfExamPaper *paper = xf_exam_paper_new ();
      XfExamItem *paper_item = g_new0 (XfExamItem, 1);
      GPtrArray *held = NULL;

      paper_item->question = g_strdup (xf_question_get_uuid (question));
      paper_item->version = 1;
      paper_item->type = XF_QUESTION_MULTIPLE;
      paper_item->score = 9;
      if (attempts_made[a].reversed)
        {
          paper_item->n_options = 4;
          for (guint o = 0; o < 4; o++)
            paper_item->order[o] = (guint8)(3 - o);
        }
      g_ptr_array_add (paper->items, paper_item);
      g_ptr_array_add (attempts, attempt_new (paper, attempts_made[a].answer, attempts_made[a].submitted));
      if (attempts_made[a].submitted)
        {
          held = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (held, g_object_ref (question));
        }
      g_ptr_array_add (questions, held);
    }

  stats = xf_exam_stats_compute (exam, attempts, questions);
  g_assert_nonnull (stats);
  g_assert_cmpuint (stats->attempts, ==, 4);
  g_assert_cmpfloat (stats->total, ==, 9);
  g_assert_cmpfloat_with_epsilon (stats->mean, (8.1 + 9 + 8.1 + 0) / 4, EPS);
  g_assert_cmpfloat_with_epsilon (stats->median, 8.1, EPS);
  g_assert_cmpfloat_with_epsilon (stats->pass_rate, 0.25, EPS);
  g_assert_cmpfloat (stats->highest, ==, 9);
  g_assert_cmpfloat (stats->lowest, ==, 0);
  g_assert_cmpuint (stats->histogram[0], ==, 1);
  g_assert_cmpuint (stats->histogram[8], ==, 0);
  g_assert_cmpuint (stats->histogram[9], ==, 3);

  g_assert_cmpuint (stats->items->len, ==, 1);
  item = g_ptr_array_index (stats->items, 0);
  g_assert_cmpfloat_with_epsilon (item->facility, (0.9 + 1 + 0.9 + 0) / 4 * 100, EPS);
  /* One question: the rest of every score is 0, so r is undefined */
  g_assert_true (isnan (item->discrimination));
  g_assert_cmpuint (item->n_options, ==, 4);
  g_assert_cmpuint (item->chosen[0], ==, 4);
  g_assert_cmpuint (item->chosen[1], ==, 2);
  g_assert_cmpuint (item->chosen[2], ==, 1);
  g_assert_cmpuint (item->chosen[3], ==, 1);
  g_assert_cmphex (item->right, ==, 0x7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam-stats/stats", test_stats);
  g_test_add_func ("/exam-stats/empty", test_empty);
  g_test_add_func ("/exam-stats/compute", test_compute);

  return g_test_run ();
}
