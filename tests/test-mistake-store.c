/* test-mistake-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"
#include "xf-exam-store.h"
#include "xf-mistake-store.h"
#include "xf-question-store.h"

#define HOUR ((gint64)3600 * G_USEC_PER_SEC)

/* June @day of 2026 at @hour:@minute, local time (China Standard Time,
 * as main() sets it) */
static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 6, day, hour, minute, 0);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static XfMistake *
get (XfDatabase *db,
     const char *uuid)
{
  g_autoptr(GError) error = NULL;
  XfMistake *mistake = xf_mistake_store_get (db, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mistake);
  return mistake;
}

static void
record (XfDatabase *db,
        const char *uuid,
        gboolean    correct,
        gint64      time_us)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_mistake_store_record (db, uuid, 1, correct, correct ? "B" : "C",
                                          XF_MISTAKE_SOURCE_EXAM, "attempt-1", time_us, &error));
  g_assert_no_error (error);
}

static gint
count_live (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint n = xf_mistake_store_count_live (db, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_wrong_adds (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count_live (db), ==, 0);
  g_assert_true (xf_mistake_store_record (db, "q1", 2, FALSE, "AC", XF_MISTAKE_SOURCE_EXAM, "attempt-1",
                                          at (1, 10, 0), &error));
  g_assert_no_error (error);

  mistake = get (db, "q1");
  g_assert_cmpstr (mistake->question_uuid, ==, "q1");
  g_assert_cmpuint (mistake->version, ==, 2);
  g_assert_cmpstr (mistake->answer, ==, "AC");
  g_assert_cmpstr (mistake->source, ==, XF_MISTAKE_SOURCE_EXAM);
  g_assert_cmpstr (mistake->source_uuid, ==, "attempt-1");
  g_assert_null (mistake->source_title);   /* no such attempt */
  g_assert_cmpuint (mistake->times_wrong, ==, 1);
  g_assert_cmpuint (mistake->right_days, ==, 0);
  g_assert_null (mistake->last_right_day);
  g_assert_cmpint (mistake->first_wrong_at, ==, at (1, 10, 0));
  g_assert_cmpint (mistake->last_wrong_at, ==, at (1, 10, 0));
  g_assert_true (xf_mistake_is_live (mistake));
  g_assert_null (mistake->removed_by);
  g_assert_cmpstr (mistake->device_id, ==, xf_database_get_device_id (db));
  g_assert_cmpint (count_live (db), ==, 1);

  /* A right answer to a question not in the book changes nothing */
  record (db, "q2", TRUE, at (1, 11, 0));
  g_assert_null (xf_mistake_store_get (db, "q2", &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = xf_mistake_store_list (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Nothing given counts as wrong too, with no answer */
  g_assert_true (xf_mistake_store_record (db, "q3", 1, FALSE, NULL, XF_MISTAKE_SOURCE_EXAM, NULL,
                                          at (1, 12, 0), &error));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q3");
  g_assert_null (mistake->answer);
  g_assert_null (mistake->source_uuid);

  /* Newest first */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_mistake_store_list (db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((XfMistake *)g_ptr_array_index (list, 0))->question_uuid, ==, "q3");
  g_assert_cmpstr (((XfMistake *)g_ptr_array_index (list, 1))->question_uuid, ==, "q1");
}

static void
test_wrong_again (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GError) error = NULL;

  record (db, "q1", FALSE, at (1, 10, 0));
  g_assert_true (xf_mistake_store_record (db, "q1", 3, FALSE, "D", XF_MISTAKE_SOURCE_PRACTICE, "session-9",
                                          at (4, 9, 0), &error));
  g_assert_no_error (error);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->times_wrong, ==, 2);
  g_assert_cmpuint (mistake->version, ==, 3);
  g_assert_cmpstr (mistake->answer, ==, "D");
  g_assert_cmpstr (mistake->source, ==, XF_MISTAKE_SOURCE_PRACTICE);
  g_assert_cmpstr (mistake->source_uuid, ==, "session-9");
  g_assert_cmpint (mistake->first_wrong_at, ==, at (1, 10, 0));
  g_assert_cmpint (mistake->last_wrong_at, ==, at (4, 9, 0));
  g_assert_cmpint (count_live (db), ==, 1);
}

/* Right on three separate local days: learned. Right answers on a day
 * already counted count once; the day of the wrong answer counts. */
static void
test_learned (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  record (db, "q1", FALSE, at (1, 10, 0));
  record (db, "q1", TRUE, at (1, 11, 0));
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 1);
  g_assert_cmpstr (mistake->last_right_day, ==, "2026-06-01");

  record (db, "q1", TRUE, at (1, 15, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 1);

  /* 23:30 and 00:30 the next night are one day apart in China, while in
   * UTC (15:30 and 16:30) they fall on the same day: the local day counts */
  record (db, "q1", TRUE, at (2, 23, 30));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 2);
  g_assert_true (xf_mistake_is_live (mistake));

  record (db, "q1", TRUE, at (3, 0, 30));
  g_assert_cmpint (at (3, 0, 30) - at (2, 23, 30), ==, HOUR);
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, XF_MISTAKE_DAYS_TO_LEARN);
  g_assert_false (xf_mistake_is_live (mistake));
  g_assert_cmpstr (mistake->removed_by, ==, XF_MISTAKE_REMOVED_LEARNED);
  g_assert_cmpint (mistake->removed_at, ==, at (3, 0, 30));
  g_assert_cmpint (count_live (db), ==, 0);
  list = xf_mistake_store_list (db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_mistake_store_list (db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Right again once learned: nothing; wrong again: back, from 0 */
  record (db, "q1", TRUE, at (5, 9, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, XF_MISTAKE_DAYS_TO_LEARN);
  record (db, "q1", FALSE, at (6, 9, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_true (xf_mistake_is_live (mistake));
  g_assert_null (mistake->removed_by);
  g_assert_cmpuint (mistake->times_wrong, ==, 2);
  g_assert_cmpuint (mistake->right_days, ==, 0);
  g_assert_null (mistake->last_right_day);
  g_assert_cmpint (count_live (db), ==, 1);
}

/* A wrong answer after some right days starts the count again */
static void
test_reset (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfMistake) mistake = NULL;

  record (db, "q1", FALSE, at (1, 10, 0));
  record (db, "q1", TRUE, at (2, 10, 0));
  record (db, "q1", TRUE, at (3, 10, 0));
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 2);

  record (db, "q1", FALSE, at (3, 11, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 0);
  g_assert_cmpuint (mistake->times_wrong, ==, 2);
  g_assert_true (xf_mistake_is_live (mistake));

  /* A right answer that was given before the wrong one does not count */
  record (db, "q1", TRUE, at (3, 10, 30));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 0);

  /* Later the same day it does: the first right day since the wrong one */
  record (db, "q1", TRUE, at (3, 18, 0));
  record (db, "q1", TRUE, at (4, 18, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpuint (mistake->right_days, ==, 2);
  g_assert_true (xf_mistake_is_live (mistake));
  record (db, "q1", TRUE, at (6, 8, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_false (xf_mistake_is_live (mistake));
}

static void
test_remove_restore (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GError) error = NULL;
  const char *remove[] = { "q1", "q2", "not-there", NULL };
  const char *restore[] = { "q1", "q4", NULL };
  guint n = 99;

  record (db, "q1", FALSE, at (1, 10, 0));
  record (db, "q1", TRUE, at (2, 10, 0));
  record (db, "q2", FALSE, at (1, 11, 0));
  record (db, "q3", FALSE, at (1, 12, 0));
  /* q4 is learned */
  record (db, "q4", FALSE, at (1, 12, 0));
  for (int day = 2; day <= 4; day++)
    record (db, "q4", TRUE, at (day, 12, 0));
  g_assert_cmpint (count_live (db), ==, 3);

  g_assert_true (xf_mistake_store_remove (db, remove, at (5, 8, 0), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (count_live (db), ==, 1);
  mistake = get (db, "q1");
  g_assert_false (xf_mistake_is_live (mistake));
  g_assert_cmpstr (mistake->removed_by, ==, XF_MISTAKE_REMOVED_PERSON);
  g_assert_cmpint (mistake->removed_at, ==, at (5, 8, 0));

  /* Removed again: nothing more happens */
  g_assert_true (xf_mistake_store_remove (db, remove, at (5, 9, 0), &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_cmpint (mistake->removed_at, ==, at (5, 8, 0));

  /* Undo brings q1 back as it was; q4 was learned, not removed by hand */
  g_assert_true (xf_mistake_store_restore (db, restore, at (5, 10, 0), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q1");
  g_assert_true (xf_mistake_is_live (mistake));
  g_assert_null (mistake->removed_by);
  g_assert_cmpuint (mistake->right_days, ==, 1);
  g_assert_cmpstr (mistake->last_right_day, ==, "2026-06-02");
  g_assert_cmpuint (mistake->times_wrong, ==, 1);
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q4");
  g_assert_cmpstr (mistake->removed_by, ==, XF_MISTAKE_REMOVED_LEARNED);
  g_assert_cmpint (count_live (db), ==, 2);

  /* A removed question answered wrong again is back */
  record (db, "q2", FALSE, at (6, 8, 0));
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (db, "q2");
  g_assert_true (xf_mistake_is_live (mistake));
  g_assert_cmpuint (mistake->times_wrong, ==, 2);
}

static void
test_clear (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *all[] = { "q1", "q2", "q3", NULL };
  guint n = 0;

  record (db, "q1", FALSE, at (1, 10, 0));
  record (db, "q2", FALSE, at (1, 11, 0));
  record (db, "q3", FALSE, at (1, 12, 0));
  g_assert_true (xf_mistake_store_clear_all (db, at (2, 8, 0), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (count_live (db), ==, 0);
  list = xf_mistake_store_list (db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((XfMistake *)g_ptr_array_index (list, i))->removed_by, ==, XF_MISTAKE_REMOVED_PERSON);

  g_assert_true (xf_mistake_store_clear_all (db, at (2, 9, 0), &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (xf_mistake_store_restore (db, all, at (2, 10, 0), &n, &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (count_live (db), ==, 3);
}

/* Recording writes in the caller's transaction: rolled back, nothing is
 * left. A removal inside a caller's transaction goes with it too. */
static void
test_rollback (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *remove[] = { "q1", NULL };

  g_assert_true (xf_database_begin (db, &error));
  record (db, "q1", FALSE, at (1, 10, 0));
  g_assert_cmpint (count_live (db), ==, 1);
  xf_database_rollback (db);
  list = xf_mistake_store_list (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  record (db, "q1", FALSE, at (1, 10, 0));
  g_assert_true (xf_database_begin (db, &error));
  g_assert_true (xf_mistake_store_remove (db, remove, at (1, 11, 0), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_live (db), ==, 0);
  xf_database_rollback (db);
  g_assert_cmpint (count_live (db), ==, 1);
  g_assert_true (sqlite3_get_autocommit (xf_database_get_handle (db)));
}

/* Exams */

/* 单选 answer B, 判断 answer T, 多选 answer AC, 简答: one of each type the
 * exam below draws, all of them each time */
static void
fill_bank (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = xf_question_store_ensure_bank (db, "行政法题库", &error);
  const XfQuestionType types[] = {
    XF_QUESTION_SINGLE, XF_QUESTION_SINGLE, XF_QUESTION_SINGLE, XF_QUESTION_TRUE_FALSE,
    XF_QUESTION_TRUE_FALSE, XF_QUESTION_MULTIPLE, XF_QUESTION_MULTIPLE, XF_QUESTION_ESSAY,
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(XfQuestion) question = xf_question_new (types[i]);
      g_autofree char *stem = g_strdup_printf ("行政处罚法 第%u题", i + 1);
      const char *options[] = { "警告", "罚款", "没收违法所得", "暂扣许可证件", NULL };

      xf_question_set_stem (question, stem);
      if (types[i] == XF_QUESTION_SINGLE || types[i] == XF_QUESTION_MULTIPLE)
        xf_question_set_options (question, options);
      xf_question_set_answer (question, types[i] == XF_QUESTION_SINGLE     ? "B"
                                        : types[i] == XF_QUESTION_MULTIPLE ? "AC"
                                        : types[i] == XF_QUESTION_ESSAY    ? "应当依法给予行政处罚。"
                                                                           : "T");
      g_assert_true (xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error));
      g_assert_no_error (error);
    }
}

static XfExam *
make_exam (void)
{
  XfExam *exam = xf_exam_new ();

  g_free (exam->title);
  exam->title = g_strdup ("错题测验");
  exam->attempts = 2;
  exam->shuffle_questions = TRUE;
  exam->shuffle_options = TRUE;
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_SINGLE, 3, 1));
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_TRUE_FALSE, 2, 1));
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_MULTIPLE, 2, 2));
  g_ptr_array_add (exam->rules, xf_exam_rule_new (XF_QUESTION_ESSAY, 1, 5));
  return exam;
}

/* @own (the question's letters) in the letters @item shows */
static char *
shown_letters (XfExamItem *item,
               const char *own)
{
  GString *shown = g_string_new (NULL);

  for (guint o = 0; o < item->n_options; o++)
    if (strchr (own, 'A' + item->order[o]) != NULL)
      g_string_append_c (shown, (char)('A' + o));
  return g_string_free (shown, FALSE);
}

static void
answer (XfDatabase *db,
        XfAttempt  *attempt,
        guint       n,
        const char *own,
        gint64      time_us)
{
  XfExamItem *item = g_ptr_array_index (attempt->paper->items, n - 1);
  g_autofree char *given = NULL;
  g_autoptr(GError) error = NULL;

  if (item->type == XF_QUESTION_SINGLE || item->type == XF_QUESTION_MULTIPLE)
    given = shown_letters (item, own);
  else
    given = g_strdup (own);
  g_assert_true (xf_exam_store_answer (db, attempt->uuid, n, given, time_us, &error));
  g_assert_no_error (error);
}

static void
test_exam (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  guint n_single = 0, n_tf = 0, n_multiple = 0;
  gint64 t = at (1, 9, 0);

  fill_bank (db);
  g_assert_true (xf_exam_store_save (db, exam, &error));
  g_assert_no_error (error);
  attempt = xf_exam_store_start (db, exam, NULL, rand, t, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt->paper->items->len, ==, 8);

  /* First 单选 right, second wrong (D), third unanswered; first 判断
   * right, second wrong; first 多选 right, second partly (A of AC); the
   * 简答 answered. Expected in the book: wrong answer in the question's
   * letters, or NULL for none. */
  for (guint n = 1; n <= attempt->paper->items->len; n++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, n - 1);

      t += 10 * G_USEC_PER_SEC;
      switch (item->type)
        {
        case XF_QUESTION_SINGLE:
          if (n_single == 0)
            answer (db, attempt, n, "B", t);
          else if (n_single == 1)
            {
              answer (db, attempt, n, "D", t);
              g_hash_table_insert (expected, g_strdup (item->question), g_strdup ("D"));
            }
          else
            g_hash_table_insert (expected, g_strdup (item->question), NULL);
          n_single++;
          break;
        case XF_QUESTION_TRUE_FALSE:
          answer (db, attempt, n, n_tf == 0 ? "对" : "错", t);
          if (n_tf++ == 1)
            g_hash_table_insert (expected, g_strdup (item->question), g_strdup ("F"));
          break;
        case XF_QUESTION_MULTIPLE:
          answer (db, attempt, n, n_multiple == 0 ? "AC" : "A", t);
          if (n_multiple++ == 1)
            g_hash_table_insert (expected, g_strdup (item->question), g_strdup ("A"));
          break;
        case XF_QUESTION_ESSAY:
        default:
          answer (db, attempt, n, "应当给予警告。", t);
          break;
        }
    }

  result = xf_exam_store_submit (db, attempt->uuid, NULL, t + G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->right, ==, 3);
  g_assert_cmpuint (result->wrong, ==, 3);       /* the partly right 多选 among them */
  g_assert_cmpuint (result->unanswered, ==, 1);
  g_assert_cmpuint (result->pending, ==, 1);

  list = xf_mistake_store_list (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, g_hash_table_size (expected));
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    {
      XfMistake *mistake = g_ptr_array_index (list, i);
      const char *given;

      g_assert_true (g_hash_table_lookup_extended (expected, mistake->question_uuid, NULL, (gpointer *)&given));
      g_assert_cmpstr (mistake->answer, ==, given);
      g_assert_cmpstr (mistake->source, ==, XF_MISTAKE_SOURCE_EXAM);
      g_assert_cmpstr (mistake->source_uuid, ==, attempt->uuid);
      g_assert_cmpstr (mistake->source_title, ==, "错题测验");
      g_assert_cmpuint (mistake->version, ==, 1);
      g_assert_cmpuint (mistake->times_wrong, ==, 1);
      g_assert_cmpint (mistake->last_wrong_at, ==, t + G_USEC_PER_SEC);
    }

  /* The next day, every question right: each mistake counts a day */
  g_clear_pointer (&attempt, xf_attempt_free);
  g_clear_pointer (&result, xf_exam_result_free);
  t = at (2, 9, 0);
  attempt = xf_exam_store_start (db, exam, NULL, rand, t, &error);
  g_assert_no_error (error);
  for (guint n = 1; n <= attempt->paper->items->len; n++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, n - 1);

      t += 10 * G_USEC_PER_SEC;
      answer (db, attempt, n, item->type == XF_QUESTION_SINGLE       ? "B"
                              : item->type == XF_QUESTION_MULTIPLE   ? "AC"
                              : item->type == XF_QUESTION_TRUE_FALSE ? "对"
                                                                     : "应当给予警告。", t);
    }
  result = xf_exam_store_submit (db, attempt->uuid, NULL, t + G_USEC_PER_SEC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->right, ==, 7);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = xf_mistake_store_list (db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 4);
  for (guint i = 0; i < list->len; i++)
    {
      XfMistake *mistake = g_ptr_array_index (list, i);

      g_assert_cmpuint (mistake->right_days, ==, 1);
      g_assert_cmpstr (mistake->last_right_day, ==, "2026-06-02");
      g_assert_cmpuint (mistake->times_wrong, ==, 1);
      /* Still the attempt that got it wrong */
      g_assert_cmpstr (mistake->source_uuid, !=, attempt->uuid);
    }
}

/* A submission that fails leaves no mistake behind */
static void
test_exam_failed (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfExam) exam = make_exam ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfAttempt) again = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fill_bank (db);
  g_assert_true (xf_exam_store_save (db, exam, &error));
  attempt = xf_exam_store_start (db, exam, NULL, rand, at (1, 9, 0), &error);
  g_assert_no_error (error);
  /* The mistakes are written after the attempt is marked submitted: a
   * failing write there must undo the submission too */
  g_assert_true (xf_database_exec (db, "CREATE TRIGGER no_mistakes BEFORE INSERT ON mistakes "
                                       "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END", &error));
  result = xf_exam_store_submit (db, attempt->uuid, NULL, at (1, 10, 0), &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_clear_error (&error);
  again = xf_exam_store_get_attempt (db, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->state, ==, XF_ATTEMPT_IN_PROGRESS);
  g_assert_cmpint (count_live (db), ==, 0);

  /* Once the write can be made, the submission goes through */
  g_assert_true (xf_database_exec (db, "DROP TRIGGER no_mistakes", &error));
  result = xf_exam_store_submit (db, attempt->uuid, NULL, at (1, 10, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->unanswered, ==, 8);
  g_assert_cmpint (count_live (db), ==, 7);   /* all but the 简答 */
}

int
main (int   argc,
      char *argv[])
{
  /* Days are local: the tests run in China Standard Time wherever they run */
  g_setenv ("TZ", "CST-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mistake-store/wrong-adds", test_wrong_adds);
  g_test_add_func ("/mistake-store/wrong-again", test_wrong_again);
  g_test_add_func ("/mistake-store/learned", test_learned);
  g_test_add_func ("/mistake-store/reset", test_reset);
  g_test_add_func ("/mistake-store/remove-restore", test_remove_restore);
  g_test_add_func ("/mistake-store/clear", test_clear);
  g_test_add_func ("/mistake-store/rollback", test_rollback);
  g_test_add_func ("/mistake-store/exam", test_exam);
  g_test_add_func ("/mistake-store/exam-failed", test_exam_failed);

  return g_test_run ();
}
