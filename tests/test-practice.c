/* test-practice.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"
#include "xf-article.h"
#include "xf-exam.h"
#include "xf-mistake-store.h"
#include "xf-practice.h"
#include "xf-question-store.h"
#include "xf-study-store.h"

/* xf-practice.c on a small hand-built library: three laws, a knowledge
 * list citing two articles, and six questions, one of each kind of
 * citation and category:
 *
 *   single    《中华人民共和国行政处罚法》第三十二条  行政法/行政处罚
 *   truefalse 《行政处罚法》第三十三条 (short title) 行政法
 *   multiple  《中华人民共和国行政许可法》第十二条    行政法/行政许可
 *   fill      《中华人民共和国宪法》第一条            宪法
 *   essay     《中华人民共和国行政处罚法》第三十二条  行政法/行政处罚 (never practised)
 *   single    no citation                           行政法规 (not in 行政法) */

typedef struct
{
  XfDatabase *db;
  XfQuestion *single;
  XfQuestion *truefalse;
  XfQuestion *multiple;
  XfQuestion *fill;
  XfQuestion *essay;
  XfQuestion *rules;
  char       *list_uuid;
} Fixture;

static gint64
at (int day,
    int hour)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 6, day, hour, 0, 0);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static XfQuestion *
add_question (Fixture        *fixture,
              gint64          bank_id,
              XfQuestionType  type,
              const char     *stem,
              const char     *answer,
              const char     *category,
              const char     *law,
              guint           number)
{
  g_autoptr(GError) error = NULL;
  XfQuestion *question = xf_question_new (type);

  xf_question_set_stem (question, stem);
  if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
    {
      xf_question_add_option (question, "甲");
      xf_question_add_option (question, "乙");
      xf_question_add_option (question, "丙");
      xf_question_add_option (question, "丁");
    }
  if (type == XF_QUESTION_FILL)
    xf_question_add_accepted (question, answer);
  else
    xf_question_set_answer (question, answer);
  xf_question_set_explanation (question, "解析：见所引条文。");
  xf_question_set_category (question, category);
  if (law != NULL)
    xf_question_add_link (question, law, number, 0);
  g_assert_true (xf_question_store_add (fixture->db, bank_id, question, &error));
  g_assert_no_error (error);
  return question;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  gint64 law, id;

  fixture->db = xf_database_open (":memory:", &error);
  g_assert_no_error (error);

  law = xf_test_insert_law (fixture->db, "中华人民共和国行政处罚法", "2021-01-22");
  xf_test_insert_article (fixture->db, law, 32, 0, "当事人有下列情形之一，应当从轻或者减轻行政处罚。");
  xf_test_insert_article (fixture->db, law, 33, 0, "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。");
  law = xf_test_insert_law (fixture->db, "中华人民共和国行政许可法", "2019-04-23");
  xf_test_insert_article (fixture->db, law, 12, 0, "下列事项可以设定行政许可。");
  law = xf_test_insert_law (fixture->db, "中华人民共和国宪法", "2018-03-11");
  xf_test_insert_article (fixture->db, law, 1, 0, "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。");

  fixture->list_uuid = g_uuid_string_random ();
  {
    sqlite3_stmt *stmt = xf_database_prepare (fixture->db, "INSERT INTO lists (uuid, title, year, audience, "
                                                           "created_at, updated_at) VALUES (?, '行政执法清单', 2026, 'all', 0, 0)",
                                              &error);
    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, fixture->list_uuid, -1, SQLITE_TRANSIENT);
    g_assert_true (xf_database_step_done (fixture->db, stmt, &error));
    id = xf_database_last_insert_rowid (fixture->db);
    stmt = xf_database_prepare (fixture->db, "INSERT INTO list_items (uuid, list_id, position, level, law_title, "
                                             "article_number) VALUES (?1, ?2, ?3, 'must', ?4, ?5)", &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *uuid = g_uuid_string_random ();

        sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 2, id);
        sqlite3_bind_int (stmt, 3, (int)i);
        sqlite3_bind_text (stmt, 4, i == 0 ? "中华人民共和国行政处罚法" : "中华人民共和国行政许可法", -1, SQLITE_STATIC);
        sqlite3_bind_int (stmt, 5, i == 0 ? 32 : 12);
        g_assert_true (xf_database_step_done (fixture->db, stmt, &error));
      }
  }

  bank = xf_question_store_ensure_bank (fixture->db, "练习题库", &error);
  g_assert_no_error (error);
  id = xf_question_bank_get_id (bank);
  fixture->single = add_question (fixture, id, XF_QUESTION_SINGLE, "从轻处罚的情形？", "B",
                                  "行政法/行政处罚", "中华人民共和国行政处罚法", 32);
  fixture->truefalse = add_question (fixture, id, XF_QUESTION_TRUE_FALSE, "轻微违法及时改正可不予处罚。", "T",
                                     "行政法", "行政处罚法", 33);
  fixture->multiple = add_question (fixture, id, XF_QUESTION_MULTIPLE, "可以设定行政许可的事项？", "ACD",
                                    "行政法/行政许可", "中华人民共和国行政许可法", 12);
  fixture->fill = add_question (fixture, id, XF_QUESTION_FILL, "我国是____国家。", "社会主义",
                                "宪法", "中华人民共和国宪法", 1);
  fixture->essay = add_question (fixture, id, XF_QUESTION_ESSAY, "简述从轻处罚。", "参考答案",
                                 "行政法/行政处罚", "中华人民共和国行政处罚法", 32);
  fixture->rules = add_question (fixture, id, XF_QUESTION_SINGLE, "行政法规由谁制定？", "A",
                                 "行政法规", NULL, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->single);
  g_clear_object (&fixture->truefalse);
  g_clear_object (&fixture->multiple);
  g_clear_object (&fixture->fill);
  g_clear_object (&fixture->essay);
  g_clear_object (&fixture->rules);
  g_clear_object (&fixture->db);
  g_free (fixture->list_uuid);
}

static int
compare_stems (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The stems drawn, sorted and joined by "|" */
static char *
draw_stems (Fixture              *fixture,
            XfPracticeSourceKind  kind,
            const char           *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) stems = g_ptr_array_new ();
  XfPracticeOptions options = { kind, key, 0, 7, 0 };

  questions = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (questions);
  for (guint i = 0; i < questions->len; i++)
    g_ptr_array_add (stems, (gpointer)xf_question_get_stem (g_ptr_array_index (questions, i)));
  g_ptr_array_sort (stems, compare_stems);
  g_ptr_array_add (stems, NULL);
  return g_strjoinv ("|", (char **)stems->pdata);
}

static char *
expect (const char *first,
        ...)
{
  g_autoptr(GPtrArray) stems = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (stems, (gpointer)s);
  va_end (args);
  g_ptr_array_sort (stems, compare_stems);
  g_ptr_array_add (stems, NULL);
  return g_strjoinv ("|", (char **)stems->pdata);
}

static XfPracticeResult *
answer (Fixture    *fixture,
        XfQuestion *question,
        const char *text,
        gint64      time_us)
{
  g_autoptr(GError) error = NULL;
  XfPracticeResult *result;

  result = xf_practice_answer (fixture->db, question, text, time_us, 1500, "session-1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_sources (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(XfPracticeResult) result = NULL;
  struct
  {
    XfPracticeSourceKind kind;
    const char *key;
    char *want;
  } cases[] = {
    { XF_PRACTICE_SOURCE_LIST, fixture->list_uuid, expect ("从轻处罚的情形？", "可以设定行政许可的事项？", NULL) },
    { XF_PRACTICE_SOURCE_LAW, "中华人民共和国行政处罚法", expect ("从轻处罚的情形？", "轻微违法及时改正可不予处罚。", NULL) },
    { XF_PRACTICE_SOURCE_LAW, "行政处罚法", expect ("从轻处罚的情形？", "轻微违法及时改正可不予处罚。", NULL) },
    { XF_PRACTICE_SOURCE_CATEGORY, "行政法", expect ("从轻处罚的情形？", "轻微违法及时改正可不予处罚。",
                                                   "可以设定行政许可的事项？", NULL) },
    { XF_PRACTICE_SOURCE_CATEGORY, "行政法/行政许可", expect ("可以设定行政许可的事项？", NULL) },
    { XF_PRACTICE_SOURCE_CATEGORY, "行政法规", expect ("行政法规由谁制定？", NULL) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = draw_stems (fixture, cases[i].kind, cases[i].key);

      g_assert_cmpstr (got, ==, cases[i].want);
      g_free (cases[i].want);
    }

  /* The 错题本 holds what was answered wrong, and only that */
  result = answer (fixture, fixture->fill, "资本主义", at (1, 9));
  g_assert_false (result->correct);
  {
    g_autofree char *got = draw_stems (fixture, XF_PRACTICE_SOURCE_MISTAKES, NULL);

    g_assert_cmpstr (got, ==, "我国是____国家。");
  }

  sources = xf_practice_list_sources (fixture->db, &error);
  g_assert_no_error (error);
  /* 错题本, the list, two laws cited (宪法 and 行政处罚法 and 行政许可法: three),
   * categories 宪法, 行政法, 行政法/行政处罚, 行政法/行政许可, 行政法规 */
  g_assert_cmpuint (sources->len, ==, 1 + 1 + 3 + 5);
  for (guint i = 0; i < sources->len; i++)
    {
      XfPracticeSource *source = g_ptr_array_index (sources, i);
      guint want = 0;

      if (source->kind == XF_PRACTICE_SOURCE_MISTAKES)
        want = 1;
      else if (source->kind == XF_PRACTICE_SOURCE_LIST)
        {
          g_assert_cmpstr (source->title, ==, "行政执法清单");
          want = 2;
        }
      else if (g_strcmp0 (source->key, "中华人民共和国行政处罚法") == 0 || g_strcmp0 (source->key, "行政法") == 0)
        want = g_str_equal (source->key, "行政法") ? 3 : 2;
      else
        want = 1;
      g_assert_cmpuint (source->n_questions, ==, want);
    }
  g_assert_cmpint (((XfPracticeSource *)g_ptr_array_index (sources, 0))->kind, ==, XF_PRACTICE_SOURCE_MISTAKES);
}

static void
test_draw_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) two = NULL;
  XfPracticeOptions options = { XF_PRACTICE_SOURCE_CATEGORY, "行政法", 0, 42, 0 };

  first = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  again = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (first, i)), ==,
                     xf_question_get_uuid (g_ptr_array_index (again, i)));

  options.count = 2;
  two = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);

  /* Only the types asked for; 简答 never */
  g_clear_pointer (&two, g_ptr_array_unref);
  options.count = 0;
  options.types = (1u << XF_QUESTION_TRUE_FALSE) | (1u << XF_QUESTION_ESSAY);
  two = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 1);
  g_assert_cmpint (xf_question_get_question_type (g_ptr_array_index (two, 0)), ==, XF_QUESTION_TRUE_FALSE);
}

/* What the schedule says needs practice comes first: a question due
 * (answered wrong yesterday), then one never studied, then one learned */
static void
test_due_first (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(XfStudyCard) wrong = NULL;
  g_autoptr(XfStudyCard) easy = NULL;
  XfPracticeOptions options = { XF_PRACTICE_SOURCE_CATEGORY, "行政法", 0, 42, 0 };
  const char *due, *unseen, *learned;

  all = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  due = xf_question_get_uuid (g_ptr_array_index (all, 2));
  unseen = xf_question_get_uuid (g_ptr_array_index (all, 0));
  learned = xf_question_get_uuid (g_ptr_array_index (all, 1));
  wrong = xf_study_store_rate (fixture->db, XF_STUDY_KIND_QUESTION, due, XF_FSRS_RATING_AGAIN, at (1, 9), 5000,
                               XF_STUDY_SOURCE_PRACTICE, NULL, &error);
  g_assert_no_error (error);
  easy = xf_study_store_rate (fixture->db, XF_STUDY_KIND_QUESTION, learned, XF_FSRS_RATING_EASY, at (1, 9), 5000,
                              XF_STUDY_SOURCE_PRACTICE, NULL, &error);
  g_assert_no_error (error);

  for (guint32 seed = 1; seed <= 5; seed++)
    {
      options.seed = seed;
      options.order = XF_PRACTICE_ORDER_DUE;
      options.now_us = at (2, 9);
      g_clear_pointer (&ordered, g_ptr_array_unref);
      ordered = xf_practice_draw (fixture->db, &options, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (ordered, 0)), ==, due);
      g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (ordered, 1)), ==, unseen);
      g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (ordered, 2)), ==, learned);
    }

  /* An hour after the wrong answer its learning step is due today: first */
  options.now_us = at (1, 10);
  g_clear_pointer (&ordered, g_ptr_array_unref);
  ordered = xf_practice_draw (fixture->db, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (ordered, 0)), ==, due);

  /* Asked for one: the one due */
  options.count = 1;
  g_clear_pointer (&ordered, g_ptr_array_unref);
  ordered = xf_practice_draw (fixture->db, &options, &error);
  g_assert_cmpuint (ordered->len, ==, 1);
  g_assert_cmpstr (xf_question_get_uuid (g_ptr_array_index (ordered, 0)), ==, due);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  XfPracticeOptions options = { XF_PRACTICE_SOURCE_CATEGORY, "刑法", 0, 0, 0 };

  questions = xf_practice_draw (fixture->db, &options, &error);
  g_assert_null (questions);
  g_assert_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "刑法"));
  g_clear_error (&error);

  options.kind = XF_PRACTICE_SOURCE_MISTAKES;
  options.key = NULL;
  questions = xf_practice_draw (fixture->db, &options, &error);
  g_assert_null (questions);
  g_assert_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY);
  g_clear_error (&error);

  options.kind = XF_PRACTICE_SOURCE_LAW;
  options.key = "中华人民共和国民法典";
  questions = xf_practice_draw (fixture->db, &options, &error);
  g_assert_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "import"));
  g_clear_error (&error);

  options.kind = XF_PRACTICE_SOURCE_LIST;
  options.key = "no-such-list";
  questions = xf_practice_draw (fixture->db, &options, &error);
  g_assert_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_NOT_FOUND);
}

static void
test_wrong_answer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfPracticeResult) result = NULL;
  g_autoptr(XfMistake) mistake = NULL;
  g_autoptr(GError) error = NULL;
  XfArticle *article;

  result = answer (fixture, fixture->single, "c", at (1, 9));
  g_assert_false (result->correct);
  g_assert_false (result->partly);
  g_assert_cmpstr (result->answer, ==, "C");
  g_assert_cmpstr (result->right_answer, ==, "B");
  g_assert_cmpstr (result->explanation, ==, "解析：见所引条文。");
  g_assert_true (result->in_mistakes);
  g_assert_cmpuint (result->right_days_left, ==, 3);
  g_assert_cmpuint (result->articles->len, ==, 1);
  article = g_ptr_array_index (result->articles, 0);
  g_assert_cmpuint (xf_article_get_number (article), ==, 32);
  g_assert_nonnull (strstr (xf_article_get_body (article), "从轻或者减轻"));

  mistake = xf_mistake_store_get (fixture->db, xf_question_get_uuid (fixture->single), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mistake->source, ==, XF_MISTAKE_SOURCE_PRACTICE);
  g_assert_cmpstr (mistake->source_uuid, ==, "session-1");
  g_assert_cmpstr (mistake->answer, ==, "C");
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_log WHERE source = 'practice' "
                                            "AND kind = 'question' AND rating = 1 AND session_uuid = 'session-1'"), ==, 1);

  /* A 多选 with some right options only is partly right, and still wrong */
  g_clear_pointer (&result, xf_practice_result_free);
  result = answer (fixture, fixture->multiple, "AC", at (1, 10));
  g_assert_false (result->correct);
  g_assert_true (result->partly);
  g_assert_true (result->in_mistakes);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_log"), ==, 2);
}

static void
test_three_days (Fixture       *fixture,
                 gconstpointer  data)
{
  struct
  {
    int day, hour;
    const char *given;
    gboolean in;
    guint left;
  } steps[] = {
    { 1, 9, "A", TRUE, 3 },   /* wrong */
    { 2, 9, "B", TRUE, 2 },   /* right: day one */
    { 2, 20, "B", TRUE, 2 },  /* the same day again counts no more */
    { 3, 9, "B", TRUE, 1 },
    { 5, 9, "B", FALSE, 0 },  /* the third day: out */
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(XfPracticeResult) result = answer (fixture, fixture->single, steps[i].given,
                                                   at (steps[i].day, steps[i].hour));

      g_assert_cmpint (result->in_mistakes, ==, steps[i].in);
      g_assert_cmpuint (result->right_days_left, ==, steps[i].left);
    }
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM mistakes WHERE removed_by = 'learned'"), ==, 1);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_log WHERE source = 'practice'"), ==, 5);
}

static void
test_full_width (Fixture       *fixture,
                 gconstpointer  data)
{
  struct
  {
    XfQuestion *question;
    const char *given;
  } right[] = {
    { fixture->single, "Ｂ" },
    { fixture->multiple, "ａ，ｃ、Ｄ" },
    { fixture->truefalse, "对" },
    { fixture->truefalse, "√" },
    { fixture->fill, " 社会主义 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (right); i++)
    {
      g_autoptr(XfPracticeResult) result = answer (fixture, right[i].question, right[i].given, at (1, 9));

      g_assert_true (result->correct);
      g_assert_false (result->in_mistakes);
    }
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM mistakes"), ==, 0);
}

static void
test_nothing_written (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPracticeResult) result = NULL;

  /* An answer that cannot be read */
  result = xf_practice_answer (fixture->db, fixture->single, "E", at (1, 9), 0, "s", &error);
  g_assert_null (result);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_clear_error (&error);

  /* 简答 is not practised */
  result = xf_practice_answer (fixture->db, fixture->essay, "答案", at (1, 9), 0, "s", &error);
  g_assert_error (error, XF_PRACTICE_ERROR, XF_PRACTICE_ERROR_ESSAY);
  g_clear_error (&error);

  /* The study log refuses the write after the 错题本 took it: both go */
  xf_test_exec (fixture->db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON study_log "
                     "BEGIN SELECT RAISE (ABORT, 'the disk is full'); END");
  result = xf_practice_answer (fixture->db, fixture->single, "C", at (1, 9), 0, "s", &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM mistakes"), ==, 0);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_log"), ==, 0);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_cards"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (xf_database_get_handle (fixture->db)));

  /* And once it takes writes again, the same answer is kept in both */
  xf_test_exec (fixture->db, "DROP TRIGGER refuse");
  g_clear_error (&error);
  result = xf_practice_answer (fixture->db, fixture->single, "C", at (1, 9), 0, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM mistakes"), ==, 1);
  g_assert_cmpint (xf_test_count (fixture->db, "SELECT count(*) FROM study_log"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Local days are counted in China Standard Time */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/practice/sources", test_sources);
  ADD ("/practice/draw-order", test_draw_order);
  ADD ("/practice/due-first", test_due_first);
  ADD ("/practice/empty", test_empty);
  ADD ("/practice/wrong-answer", test_wrong_answer);
  ADD ("/practice/three-days", test_three_days);
  ADD ("/practice/full-width", test_full_width);
  ADD ("/practice/nothing-written", test_nothing_written);
#undef ADD

  return g_test_run ();
}
