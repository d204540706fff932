/* test-exam-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"
#include "xf-exam-store.h"
#include "xf-question-store.h"

#define SECOND ((gint64)G_USEC_PER_SEC)
#define T0     ((gint64)1780000000 * SECOND)

/* A bank of @n_single 单选 (answer B, category 行政法/行政处罚 for the even
 * ones), @n_tf 判断 (answer T) and @n_multiple 多选 (answer AC). */
static void
fill_bank (XfDatabase *db,
           const char *title,
           guint       n_single,
           guint       n_tf,
           guint       n_multiple)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = xf_question_store_ensure_bank (db, title, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_single + n_tf + n_multiple; i++)
    {
      XfQuestionType type = i < n_single ? XF_QUESTION_SINGLE
                            : i < n_single + n_tf ? XF_QUESTION_TRUE_FALSE : XF_QUESTION_MULTIPLE;
      g_autoptr(XfQuestion) question = xf_question_new (type);
      g_autofree char *stem = g_strdup_printf ("%s 第%u题", title, i + 1);

      xf_question_set_stem (question, stem);
      if (type != XF_QUESTION_TRUE_FALSE)
        {
          const char *options[] = { "甲", "乙", "丙", "丁", NULL };

          xf_question_set_options (question, options);
        }
      xf_question_set_answer (question, type == XF_QUESTION_SINGLE ? "B" : type == XF_QUESTION_MULTIPLE ? "AC" : "T");
      xf_question_set_category (question, i % 2 == 0 ? "行政法/行政处罚" : "宪法");
      if (i % 3 == 0)
        xf_question_add_tag (question, "重点");
      if (i % 5 == 0)
        xf_question_add_link (question, "中华人民共和国行政处罚法", i + 1, 0);
      g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
      g_assert_no_error (error);
    }
}

static XfExam *
make_exam (guint n_single,
           guint n_tf)
{
  XfExam *exam = xf_exam_new ();

  g_free (exam->title);
  exam->title = g_strdup ("年度学法考试");
  exam->pass_mark = 6;
  exam->attempts = 2;
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_SINGLE, n_single, 2));
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_TRUE_FALSE, n_tf, 1));
  return exam;
}

static guint
count_type (XfExamPaper    *paper,
            XfQuestionType  type)
{
  guint n = 0;

  for (guint i = 0; i < paper->items->len; i++)
    n += ((XfExamItem *)g_ptr_array_index (paper->items, i))->type == type;
  return n;
}

static void
test_exams (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (3, 2);
  g_autoptr(XfExam) got = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_exam_store_save (db, exam, &error));
  g_assert_no_error (error);
  got = xf_exam_store_get (db, "年度学法考试", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->uuid, ==, exam->uuid);
  g_assert_cmpuint (got->rules->len, ==, 2);
  g_clear_pointer (&got, xf_exam_free);

  /* Saved again: replaced, not copied */
  exam->time_limit_s = 600;
  g_assert_true (xf_exam_store_save (db, exam, &error));
  exams = xf_exam_store_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exams->len, ==, 1);
  g_assert_cmpuint (((XfExam *)g_ptr_array_index (exams, 0))->time_limit_s, ==, 600);

  got = xf_exam_store_get (db, "没有这场考试", &error);
  g_assert_null (got);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOUND);
}

static void
test_draw (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (8, 5);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GRand) again = g_rand_new_with_seed (1);
  g_autoptr(XfExamPaper) paper = NULL;
  g_autoptr(XfExamPaper) same = NULL;
  g_autoptr(GPtrArray) shortfalls = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *same_json = NULL;
  XfExamRule *rule;

  fill_bank (db, "甲库", 10, 6, 4);
  exam->shuffle_questions = TRUE;
  exam->shuffle_options = TRUE;
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paper->items->len, ==, 13);
  g_assert_cmpfloat (xf_exam_paper_get_total (paper), ==, 8 * 2 + 5 * 1);
  /* Blocks in the rules' order, each question once, options permuted */
  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);
      guint mask = 0;

      g_assert_cmpint (item->type, ==, i < 8 ? XF_QUESTION_SINGLE : XF_QUESTION_TRUE_FALSE);
      g_assert_true (g_hash_table_add (seen, item->question));
      g_assert_cmpuint (item->n_options, ==, item->type == XF_QUESTION_SINGLE ? 4 : 0);
      for (guint o = 0; o < item->n_options; o++)
        mask |= 1u << item->order[o];
      g_assert_cmpuint (mask, ==, (1u << item->n_options) - 1);
    }
  /* The same seed draws the same paper */
  same = xf_exam_store_draw (db, exam, again, &error);
  json = xf_exam_paper_to_json (paper);
  same_json = xf_exam_paper_to_json (same);
  g_assert_cmpstr (json, ==, same_json);

  /* Filters: category with its sub-categories, tag, law (short title) */
  g_ptr_array_set_size (exam->rules, 0);
  rule = xf_exam_rule_new (XF_QUESTION_SINGLE, 5, 1);
  rule->category = g_strdup ("行政法");
  g_ptr_array_add (exam->rules, rule);
  g_clear_pointer (&paper, xf_exam_paper_free);
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < paper->items->len; i++)
    {
      g_autoptr(XfQuestion) q = xf_question_store_get_by_uuid (db, ((XfExamItem *)g_ptr_array_index (paper->items, i))->question, NULL);

      g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚");
    }
  rule->count = 6;
  shortfalls = xf_exam_store_check_rules (db, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shortfalls->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (shortfalls, 0), "5"));
  g_clear_pointer (&paper, xf_exam_paper_free);
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_null (paper);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SHORT);
  g_clear_error (&error);

  g_clear_pointer (&rule->category, g_free);
  rule->tag = g_strdup ("重点");
  rule->count = 4;    /* questions 1, 4, 7, 10 */
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paper->items->len, ==, 4);
  g_clear_pointer (&paper, xf_exam_paper_free);
  rule->count = 5;
  g_assert_null (xf_exam_store_draw (db, exam, rand, NULL));

  g_clear_pointer (&rule->tag, g_free);
  rule->law = g_strdup ("行政处罚法");
  rule->count = 2;    /* questions 1 and 6 */
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paper->items->len, ==, 2);
  g_clear_pointer (&paper, xf_exam_paper_free);

  /* Two rules never draw the same question */
  g_clear_pointer (&rule->law, g_free);
  rule->count = 6;
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_SINGLE, 4, 1));
  paper = xf_exam_store_draw (db, exam, rand, &error);
  g_assert_no_error (error);
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < paper->items->len; i++)
    g_assert_true (g_hash_table_add (seen, ((XfExamItem *)g_ptr_array_index (paper->items, i))->question));
  g_assert_cmpuint (count_type (paper, XF_QUESTION_SINGLE), ==, 10);
  ((XfExamRule *)g_ptr_array_index (exam->rules, 1))->count = 5;
  g_assert_null (xf_exam_store_draw (db, exam, rand, NULL));
}

/* Questions too rare to find by probing at random are found all the same */
static void
test_draw_rare (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (2, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  XfExamRule *rule;

  fill_bank (db, "大库", 2000, 0, 0);
  bank = xf_question_store_ensure_bank (db, "小库", &error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
      const char *options[] = { "甲", "乙", NULL };

      xf_question_set_stem (question, i == 0 ? "稀有一" : "稀有二");
      xf_question_set_options (question, options);
      xf_question_set_answer (question, "A");
      xf_question_set_category (question, "稀有");
      g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
    }
  g_ptr_array_set_size (exam->rules, 1);
  rule = g_ptr_array_index (exam->rules, 0);
  rule->category = g_strdup ("稀有");
  for (guint seed = 0; seed < 20; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(XfExamPaper) paper = xf_exam_store_draw (db, exam, rand, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (paper->items->len, ==, 2);
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(XfQuestion) q = xf_question_store_get_by_uuid (db, ((XfExamItem *)g_ptr_array_index (paper->items, i))->question, NULL);

          g_assert_cmpstr (xf_question_get_category (q), ==, "稀有");
        }
    }
}

static void
test_attempt (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (3, 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) again = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fill_bank (db, "甲库", 5, 5, 0);
  g_assert_true (xf_exam_store_save (db, exam, &error));
  attempt = xf_exam_store_start (db, exam, "张三", rand, T0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attempt->state, ==, XF_ATTEMPT_IN_PROGRESS);
  g_assert_cmpuint (attempt->paper->items->len, ==, 5);
  g_assert_cmpuint (xf_attempt_get_n_answered (attempt), ==, 0);

  /* Answers in the letters shown; the latest counts; bad ones refused */
  for (guint n = 1; n <= 3; n++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, n - 1);
      char shown[2] = { 0, 0 };

      /* The right option (B, index 1) as shown */
      for (guint o = 0; o < item->n_options; o++)
        if (item->order[o] == 1)
          shown[0] = 'A' + o;
      g_assert_true (xf_exam_store_answer (db, attempt->uuid, n, n == 3 ? "D" : shown, T0 + n * SECOND, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, 4, "对", T0 + 4 * SECOND, &error));
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, 4, "错", T0 + 5 * SECOND, &error));
  g_assert_false (xf_exam_store_answer (db, attempt->uuid, 1, "E", T0 + 6 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_exam_store_answer (db, attempt->uuid, 6, "A", T0 + 6 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_clear_error (&error);

  again = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_attempt_get_n_answered (again), ==, 4);
  g_assert_cmpstr (g_ptr_array_index (again->answers, 3), ==, "F");
  g_assert_null (g_ptr_array_index (again->answers, 4));
  g_assert_cmpint (again->elapsed_us, ==, 5 * SECOND);

  result = xf_exam_store_submit (db, attempt->uuid, XF_ATTEMPT_SUBMITTED_BY_PERSON, T0 + 7 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (result->total, ==, 8);
  g_assert_cmpfloat (result->score, ==, 4);    /* two single right, 判断 4 wrong, 5 unanswered */
  g_assert_false (result->passed);
  g_assert_cmpuint (result->unanswered, ==, 1);

  /* Submitted: nothing changes any more, not even through SQL */
  g_assert_false (xf_exam_store_answer (db, attempt->uuid, 5, "T", T0 + 8 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_null (xf_exam_store_submit (db, attempt->uuid, NULL, T0 + 9 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (xf_database_exec (db, "UPDATE exam_attempts SET score = 100", NULL));
  g_assert_false (xf_database_exec (db, "INSERT INTO exam_answers (uuid, attempt_uuid, n, answer, elapsed_us, "
                                        "created_at, device_id) SELECT 'x', uuid, 5, 'T', 0, 0, '' FROM exam_attempts", NULL));
  g_clear_pointer (&again, xf_attempt_free);
  again = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_cmpint (again->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpfloat (again->score, ==, 4);
  g_assert_cmpstr (again->submitted_by, ==, XF_ATTEMPT_SUBMITTED_BY_PERSON);

  /* Two attempts allowed */
  g_clear_pointer (&attempt, xf_attempt_free);
  attempt = xf_exam_store_start (db, exam, "张三", rand, T0 + 10 * SECOND, &error);
  g_assert_no_error (error);
  g_clear_pointer (&attempt, xf_attempt_free);
  attempt = xf_exam_store_start (db, exam, "张三", rand, T0 + 11 * SECOND, &error);
  g_assert_null (attempt);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NO_ATTEMPTS);
  g_clear_error (&error);
  attempt = xf_exam_store_start (db, exam, "李四", rand, T0 + 11 * SECOND, &error);
  g_assert_no_error (error);
}

/* Flags: set, taken off, read again with the attempt, refused once the
 * attempt is submitted */
static void
test_flags (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (3, 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) again = NULL;
  g_autoptr(XfAttempt) resumed = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fill_bank (db, "甲库", 5, 5, 0);
  g_assert_true (xf_exam_store_save (db, exam, &error));
  attempt = xf_exam_store_start (db, exam, "张三", rand, T0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attempt->flags);
  g_assert_cmpuint (attempt->flags->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_false (g_array_index (attempt->flags, gboolean, i));

  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 2, TRUE, T0 + SECOND, &error));
  g_assert_no_error (error);
  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 5, TRUE, T0 + SECOND, &error));
  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 5, TRUE, T0 + 2 * SECOND, &error));
  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 3, TRUE, T0 + 2 * SECOND, &error));
  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 3, FALSE, T0 + 3 * SECOND, &error));
  g_assert_true (xf_exam_store_set_flag (db, attempt->uuid, 4, FALSE, T0 + 3 * SECOND, &error));
  g_assert_no_error (error);
  g_assert_false (xf_exam_store_set_flag (db, attempt->uuid, 6, TRUE, T0 + 3 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_exam_store_set_flag (db, attempt->uuid, 0, TRUE, T0 + 3 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xf_exam_store_set_flag (db, "no-such-attempt", 1, TRUE, T0 + 3 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Read again, and taken up again: 2 and 5; a flag is no time spent */
  again = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (again->flags, gboolean, i), ==, i == 1 || i == 4);
  g_assert_cmpint (again->elapsed_us, ==, 0);
  resumed = xf_exam_store_resume (db, attempt->uuid, T0 + 100 * SECOND, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (resumed->flags, gboolean, i), ==, i == 1 || i == 4);

  /* Submitted: no flag changes, not even through SQL */
  result = xf_exam_store_submit (db, attempt->uuid, XF_ATTEMPT_SUBMITTED_BY_PERSON, T0 + 101 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_false (xf_exam_store_set_flag (db, attempt->uuid, 1, TRUE, T0 + 102 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
  g_assert_nonnull (strstr (error->message, "submitted"));
  g_clear_error (&error);
  g_assert_false (xf_exam_store_set_flag (db, attempt->uuid, 2, FALSE, T0 + 102 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (xf_database_exec (db, "DELETE FROM exam_flags", NULL));
  g_clear_pointer (&again, xf_attempt_free);
  again = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_array_index (again->flags, gboolean, i), ==, i == 1 || i == 4);
}

/* Time counts while the attempt is written to in short gaps; time while
 * the app was closed does not; the limit submits. */
static void
test_time (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (3, 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) resumed = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fill_bank (db, "甲库", 5, 5, 0);
  exam->time_limit_s = 60;
  g_assert_true (xf_exam_store_save (db, exam, &error));
  attempt = xf_exam_store_start (db, exam, NULL, rand, T0, &error);
  g_assert_no_error (error);

  g_assert_true (xf_exam_store_tick (db, attempt->uuid, T0 + 5 * SECOND, &error));
  g_assert_true (xf_exam_store_tick (db, attempt->uuid, T0 + 10 * SECOND, &error));
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, 4, "T", T0 + 12 * SECOND, &error));
  /* The app was killed at 12 s and started again an hour later */
  resumed = xf_exam_store_resume (db, attempt->uuid, T0 + 3600 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_cmpint (resumed->elapsed_us, ==, 12 * SECOND);
  g_assert_cmpint (xf_attempt_get_remaining_us (resumed, exam), ==, 48 * SECOND);
  g_assert_cmpstr (g_ptr_array_index (resumed->answers, 3), ==, "T");
  /* A gap longer than XF_EXAM_GAP_US without a resume does not count either */
  g_assert_true (xf_exam_store_tick (db, attempt->uuid, T0 + 3700 * SECOND, &error));
  g_clear_pointer (&resumed, xf_attempt_free);
  resumed = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_cmpint (resumed->elapsed_us, ==, 12 * SECOND);

  /* Writing on: at 60 s the time is up, the answer is refused and the
   * attempt submitted with what was given */
  for (gint64 t = 3705; t <= 3745; t += 5)
    g_assert_true (xf_exam_store_tick (db, attempt->uuid, T0 + t * SECOND, &error));
  g_assert_false (xf_exam_store_answer (db, attempt->uuid, 5, "T", T0 + 3750 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_TIME_UP);
  g_clear_error (&error);
  g_clear_pointer (&resumed, xf_attempt_free);
  resumed = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_cmpint (resumed->state, ==, XF_ATTEMPT_SUBMITTED);
  g_assert_cmpstr (resumed->submitted_by, ==, XF_ATTEMPT_SUBMITTED_TIME_UP);
  g_assert_cmpint (resumed->elapsed_us, ==, 60 * SECOND);
  g_assert_cmpfloat (resumed->score, ==, 1);
  g_assert_null (g_ptr_array_index (resumed->answers, 4));

  /* Submitting what the time submitted gives its result */
  result = xf_exam_store_submit (db, attempt->uuid, NULL, T0 + 3760 * SECOND, &error);
  g_assert_null (result);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
}

/* The window: closed before it opens and after it closes; an attempt
 * left open when it closes is submitted, even if the app was not running. */
static void
test_window (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (3, 2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fill_bank (db, "甲库", 5, 5, 0);
  exam->opens_at = T0;
  exam->closes_at = T0 + 3600 * SECOND;
  g_assert_true (xf_exam_store_save (db, exam, &error));
  g_assert_null (xf_exam_store_start (db, exam, NULL, rand, T0 - SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED);
  g_clear_error (&error);
  attempt = xf_exam_store_start (db, exam, NULL, rand, T0 + SECOND, &error);
  g_assert_no_error (error);
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, 4, "T", T0 + 2 * SECOND, &error));
  g_assert_null (xf_exam_store_resume (db, attempt->uuid, T0 + 7200 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED);
  g_clear_error (&error);
  result = xf_exam_store_submit (db, attempt->uuid, NULL, T0 + 7300 * SECOND, &error);
  g_assert_null (result);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
  g_clear_pointer (&attempt, xf_attempt_free);
  g_clear_error (&error);
  g_assert_null (xf_exam_store_start (db, exam, NULL, rand, T0 + 3600 * SECOND, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED);
}

/* Grading uses the version of a question the paper drew, not an edit
 * made since. */
static void
test_versions (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam (1, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;
  XfExamItem *item;
  char shown[2] = { 0, 0 };

  fill_bank (db, "甲库", 1, 0, 0);
  g_ptr_array_set_size (exam->rules, 1);
  exam->pass_mark = 1;
  g_assert_true (xf_exam_store_save (db, exam, &error));
  attempt = xf_exam_store_start (db, exam, NULL, rand, T0, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (attempt->paper->items, 0);
  for (guint o = 0; o < item->n_options; o++)
    if (item->order[o] == 1)
      shown[0] = 'A' + o;
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, 1, shown, T0 + SECOND, &error));

  /* The maintainer changes the right answer meanwhile */
  question = xf_question_store_get_by_uuid (db, item->question, &error);
  xf_question_set_answer (question, "C");
  g_assert_true (xf_question_store_update (db, question, &error));
  g_assert_no_error (error);

  result = xf_exam_store_submit (db, attempt->uuid, NULL, T0 + 2 * SECOND, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (result->score, ==, 2);
  g_assert_true (result->passed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam-store/exams", test_exams);
  g_test_add_func ("/exam-store/draw", test_draw);
  g_test_add_func ("/exam-store/draw-rare", test_draw_rare);
  g_test_add_func ("/exam-store/attempt", test_attempt);
  g_test_add_func ("/exam-store/flags", test_flags);
  g_test_add_func ("/exam-store/time", test_time);
  g_test_add_func ("/exam-store/window", test_window);
  g_test_add_func ("/exam-store/versions", test_versions);

  return g_test_run ();
}
