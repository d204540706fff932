/* test-exam-spec.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-exam.h"

/* The exam spec's JSON (docs/exam-format.md), the rules every spec keeps,
 * the shipped practice exam and the JSON a drawn paper is kept in. */

#define EXAM_UUID     "3d0f1c52-8a43-4f0e-b7c2-5e1d9a6f2b10"
#define QUESTION_1    "24422850-abc3-4525-9567-e2fd4bd0adcb"
#define QUESTION_2    "9b1e6f3a-0c2d-4e5f-8a7b-1c2d3e4f5a6b"
#define PRACTICE_UUID "4f6b17f7-4b38-476b-a657-666797fdd2e7"

/* 2026-03-01T00:00:00Z, 2026-03-31T10:00:00.123456Z */
#define OPENS_AT  G_GINT64_CONSTANT (1772323200000000)
#define CLOSES_AT G_GINT64_CONSTANT (1774951200123456)

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static XfExamRule *
rule_new (XfQuestionType  type,
          guint           count,
          double          score,
          const char     *bank,
          const char     *category,
          const char     *tag,
          const char     *law,
          guint           difficulty_min,
          guint           difficulty_max)
{
  XfExamRule *rule = xf_exam_rule_new (type, count, score);

  rule->bank = g_strdup (bank);
  rule->category = g_strdup (category);
  rule->tag = g_strdup (tag);
  rule->law = g_strdup (law);
  rule->difficulty_min = difficulty_min;
  rule->difficulty_max = difficulty_max;
  return rule;
}

static void
add_fixed (XfExam     *exam,
           const char *question,
           double      score)
{
  XfExamFixed *fixed = g_new0 (XfExamFixed, 1);

  fixed->question = g_strdup (question);
  fixed->score = score;
  g_ptr_array_add (exam->fixed, fixed);
}

/* Every member set, none to its default: 40 × 1.5 + 10 × 2 + 16 × 1 + 4 = 100 */
static XfExam *
full_exam (void)
{
  XfExam *exam = xf_exam_new ();

  set_string (&exam->uuid, EXAM_UUID);
  set_string (&exam->title, "2026年度学法用法考试（第一批）");
  set_string (&exam->description, "考查宪法和依法行政常用法律法规。\n第二行：\"引号\"与反斜杠\\。");
  exam->time_limit_s = 90 * 60;
  exam->pass_mark = 72.5;
  exam->attempts = 3;
  exam->counts = XF_EXAM_COUNT_LAST;
  exam->opens_at = OPENS_AT;
  exam->closes_at = CLOSES_AT;
  g_ptr_array_add (exam->audience, g_strdup ("leaders"));
  g_ptr_array_add (exam->audience, g_strdup ("department:法制科"));
  g_ptr_array_add (exam->audience, g_strdup ("profile:张三"));
  exam->shuffle_questions = TRUE;
  exam->shuffle_options = TRUE;
  exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  exam->partial_credit = 0.25;
  g_ptr_array_add (exam->rules, rule_new (XF_QUESTION_SINGLE, 40, 1.5, "学法用法原创题库", "行政法/行政处罚",
                                          "时效", "中华人民共和国行政处罚法", 2, 4));
  g_ptr_array_add (exam->rules, rule_new (XF_QUESTION_MULTIPLE, 10, 2, NULL, "宪法", NULL, NULL, 1, 5));
  g_ptr_array_add (exam->rules, rule_new (XF_QUESTION_TRUE_FALSE, 16, 1, NULL, NULL, NULL, "行政许可法", 3, 3));
  add_fixed (exam, QUESTION_1, 4);
  exam->builtin = TRUE;
  return exam;
}

static void
assert_exams_equal (XfExam *a,
                    XfExam *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpuint (a->time_limit_s, ==, b->time_limit_s);
  g_assert_cmpfloat (a->pass_mark, ==, b->pass_mark);
  g_assert_cmpuint (a->attempts, ==, b->attempts);
  g_assert_cmpint (a->counts, ==, b->counts);
  g_assert_cmpint (a->opens_at, ==, b->opens_at);
  g_assert_cmpint (a->closes_at, ==, b->closes_at);
  g_assert_cmpuint (a->audience->len, ==, b->audience->len);
  for (guint i = 0; i < a->audience->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->audience, i), ==, g_ptr_array_index (b->audience, i));
  g_assert_cmpint (a->shuffle_questions, ==, b->shuffle_questions);
  g_assert_cmpint (a->shuffle_options, ==, b->shuffle_options);
  g_assert_cmpint (a->multiple, ==, b->multiple);
  g_assert_cmpfloat (a->partial_credit, ==, b->partial_credit);
  g_assert_cmpuint (a->rules->len, ==, b->rules->len);
  for (guint i = 0; i < a->rules->len; i++)
    {
      XfExamRule *ra = g_ptr_array_index (a->rules, i);
      XfExamRule *rb = g_ptr_array_index (b->rules, i);

      g_assert_cmpint (ra->type, ==, rb->type);
      g_assert_cmpuint (ra->count, ==, rb->count);
      g_assert_cmpfloat (ra->score, ==, rb->score);
      g_assert_cmpstr (ra->bank, ==, rb->bank);
      g_assert_cmpstr (ra->category, ==, rb->category);
      g_assert_cmpstr (ra->tag, ==, rb->tag);
      g_assert_cmpstr (ra->law, ==, rb->law);
      g_assert_cmpuint (ra->difficulty_min, ==, rb->difficulty_min);
      g_assert_cmpuint (ra->difficulty_max, ==, rb->difficulty_max);
    }
  g_assert_cmpuint (a->fixed->len, ==, b->fixed->len);
  for (guint i = 0; i < a->fixed->len; i++)
    {
      XfExamFixed *fa = g_ptr_array_index (a->fixed, i);
      XfExamFixed *fb = g_ptr_array_index (b->fixed, i);

      g_assert_cmpstr (fa->question, ==, fb->question);
      g_assert_cmpfloat (fa->score, ==, fb->score);
    }
}

/* Writes @exam, reads it back, checks they are the same and that writing
 * again gives the same text */
static XfExam *
round_trip (XfExam *exam)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = xf_exam_to_json (exam);
  g_autofree char *again = NULL;
  XfExam *read = xf_exam_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (read);
  assert_exams_equal (exam, read);
  again = xf_exam_to_json (read);
  g_assert_cmpstr (json, ==, again);
  return read;
}

static void
test_round_trip (void)
{
  g_autoptr(XfExam) exam = full_exam ();
  g_autoptr(XfExam) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_true (xf_exam_validate (exam, &error));
  g_assert_no_error (error);

  read = round_trip (exam);
  /* Whether it is shipped is the store's to say */
  g_assert_false (read->builtin);
  json = xf_exam_to_json (exam);
  g_assert_null (strstr (json, "builtin"));
  g_assert_true (g_str_has_suffix (json, "}\n"));
  /* The member names the format documents, times in UTC */
  g_assert_nonnull (strstr (json, "\"time_limit_minutes\" : 90,"));
  g_assert_nonnull (strstr (json, "\"opens\" : \"2026-03-01T00:00:00Z\""));
  g_assert_nonnull (strstr (json, "\"closes\" : \"2026-03-31T10:00:00.123456Z\""));
  g_assert_nonnull (strstr (json, "\"multiple_scoring\" : \"partial\""));
  g_assert_nonnull (strstr (json, "\"counts\" : \"last\""));
  g_clear_pointer (&read, xf_exam_free);

  /* The other values of each choice, a fixed question at its own score,
   * limits that are not whole minutes, no window */
  exam->counts = XF_EXAM_COUNT_HIGHEST;
  exam->multiple = XF_EXAM_MULTIPLE_ALL_OR_NOTHING;
  exam->shuffle_questions = FALSE;
  exam->opens_at = 0;
  exam->attempts = 0;
  add_fixed (exam, QUESTION_2, 0);
  g_ptr_array_set_size (exam->audience, 0);
  for (guint seconds = 1; seconds <= 24 * 60 * 60; seconds += 599)
    {
      exam->time_limit_s = seconds;
      read = round_trip (exam);
      g_clear_pointer (&read, xf_exam_free);
    }
  exam->time_limit_s = 0;
  exam->closes_at = 0;
  read = round_trip (exam);
}

static void
test_defaults (void)
{
  const char *text = "{\"format\": \"xuefa-exam\", \"title\": \"测试\", "
                     "\"rules\": [{\"type\": \"single\", \"count\": 2, \"score\": 1}]}";
  g_autoptr(XfExam) expected = xf_exam_new ();
  g_autoptr(XfExam) a = NULL;
  g_autoptr(XfExam) b = NULL;
  g_autoptr(GError) error = NULL;
  XfExamRule *rule;

  a = xf_exam_from_json (text, -1, &error);
  g_assert_no_error (error);
  b = xf_exam_from_json (text, strlen (text), &error);
  g_assert_no_error (error);

  /* A spec without a UUID is a new exam each time it is read */
  g_assert_true (g_uuid_string_is_valid (a->uuid));
  g_assert_cmpstr (a->uuid, !=, b->uuid);
  /* The documented defaults: those of a new exam, a rule over difficulties 1–5 */
  g_assert_cmpuint (a->attempts, ==, 1);
  g_assert_cmpfloat (a->partial_credit, ==, 0.5);
  set_string (&expected->uuid, a->uuid);
  set_string (&expected->title, "测试");
  g_ptr_array_add (expected->rules, rule_new (XF_QUESTION_SINGLE, 2, 1, NULL, NULL, NULL, NULL, 1, 5));
  assert_exams_equal (expected, a);
  g_clear_pointer (&a, xf_exam_free);

  /* Null is the default; an empty filter is no filter; one difficulty */
  a = xf_exam_from_json ("{\"format\": \"xuefa-exam\", \"version\": 1, \"title\": \"测试\", \"uuid\": null, "
                         "\"attempts\": null, \"opens\": null, \"description\": null, \"rules\": "
                         "[{\"type\": \"single\", \"count\": 2, \"score\": 1, \"bank\": \"\", "
                         "\"category\": null, \"difficulty\": 4}], \"comment\": \"ignored\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->attempts, ==, 1);
  g_assert_cmpstr (a->description, ==, "");
  rule = g_ptr_array_index (a->rules, 0);
  g_assert_null (rule->bank);
  g_assert_null (rule->category);
  g_assert_cmpuint (rule->difficulty_min, ==, 4);
  g_assert_cmpuint (rule->difficulty_max, ==, 4);
}

static void
assert_invalid (XfExam     *exam,
                const char *member)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_exam_validate (exam, &error));
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  if (strstr (error->message, member) == NULL)
    g_error ("“%s” does not name %s", error->message, member);
}

static void
assert_valid (XfExam *exam)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_exam_validate (exam, &error));
  g_assert_no_error (error);
}

static void
test_validate (void)
{
  static const char *bad_audience[] = { "everyone", "profile:", "department: ", "Leaders", "leaders:" };
  g_autoptr(XfExam) exam = full_exam ();
  g_autoptr(XfExam) empty = xf_exam_new ();
  XfExamRule *rule = g_ptr_array_index (exam->rules, 1);
  XfExamFixed *fixed = g_ptr_array_index (exam->fixed, 0);

  assert_valid (exam);
  assert_invalid (empty, "title");

#define CHECK(member, change, undo) G_STMT_START { change; assert_invalid (exam, member); undo; assert_valid (exam); } G_STMT_END

  CHECK ("uuid", exam->uuid[0] = 'x', exam->uuid[0] = '3');
  CHECK ("title", exam->title[0] = '\0', set_string (&exam->title, "考试"));
  CHECK ("title", set_string (&exam->title, " \t　"), set_string (&exam->title, "考试"));
  CHECK ("time_limit_minutes", exam->time_limit_s = 24 * 60 * 60 + 1, exam->time_limit_s = 24 * 60 * 60);
  CHECK ("pass_mark", exam->pass_mark = -0.5, exam->pass_mark = 0);
  CHECK ("pass_mark", exam->pass_mark = 100.5, exam->pass_mark = 100);
  CHECK ("closes", exam->closes_at = exam->opens_at, exam->closes_at = CLOSES_AT);
  CHECK ("closes", exam->closes_at = exam->opens_at - 1, exam->closes_at = 0);
  CHECK ("partial_credit", exam->partial_credit = 1.01, exam->partial_credit = 1);
  CHECK ("partial_credit", exam->partial_credit = -0.01, exam->partial_credit = 0);
  CHECK ("rules[2].count", rule->count = 0, rule->count = 500);
  CHECK ("rules[2].count", rule->count = 501, rule->count = 10);
  CHECK ("rules[2].score", rule->score = 0, rule->score = 100);
  CHECK ("rules[2].score", rule->score = 100.5, rule->score = 2);
  CHECK ("rules[2].difficulty", rule->difficulty_min = 0, rule->difficulty_min = 5);
  CHECK ("rules[2].difficulty", rule->difficulty_max = 6, rule->difficulty_max = 5);
  CHECK ("rules[2].difficulty", rule->difficulty_max = 4, rule->difficulty_min = 1);
  CHECK ("rules[2].type", rule->type = XF_QUESTION_N_TYPES, rule->type = XF_QUESTION_ESSAY);
  CHECK ("fixed[1].question", fixed->question[8] = '_', fixed->question[8] = '-');
  CHECK ("fixed[1].score", fixed->score = -1, fixed->score = 4);
  for (guint i = 0; i < G_N_ELEMENTS (bad_audience); i++)
    CHECK ("audience[4]", g_ptr_array_add (exam->audience, g_strdup (bad_audience[i])),
           g_ptr_array_remove_index (exam->audience, 3));

#undef CHECK

  /* The total: 40 × 1.5 + 10 × 2 + 16 × 1 + 4 */
  g_assert_cmpfloat (xf_exam_rules_total (exam), ==, 100);
  exam->pass_mark = 100;
  assert_valid (exam);
  /* A fixed question at its own score: the total is known once drawn */
  exam->pass_mark = 150;
  assert_invalid (exam, "pass_mark");
  add_fixed (exam, QUESTION_2, 0);
  assert_valid (exam);
  exam->pass_mark = -1;
  assert_invalid (exam, "pass_mark");
  exam->pass_mark = 60;

  /* At least one rule or fixed question */
  g_ptr_array_set_size (exam->rules, 0);
  assert_valid (exam);
  g_ptr_array_set_size (exam->fixed, 0);
  assert_invalid (exam, "rules");
}

static void
assert_text_refused (const char *text,
                     const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = xf_exam_from_json (text, -1, &error);

  g_assert_null (exam);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

/* A spec that reads but for the one member given */
static void
assert_refused (const char *members,
                const char *named)
{
  g_autofree char *text = g_strdup_printf ("{\"format\": \"xuefa-exam\", \"title\": \"测试\", %s}", members);

  assert_text_refused (text, named);
}

#define RULE  "\"rules\": [{\"type\": \"single\", \"count\": 2, \"score\": 1}]"
/* A rule to be finished */
#define RULE4 "\"rules\": [{\"type\": \"single\", \"count\": 4, \"score\": 1"

static void
test_wrong_types (void)
{
  assert_refused ("\"uuid\": 7, " RULE, "uuid");
  assert_refused ("\"uuid\": \"exam-1\", " RULE, "uuid");
  assert_refused ("\"description\": [], " RULE, "description");
  assert_refused ("\"time_limit_minutes\": \"90\", " RULE, "time_limit_minutes");
  assert_refused ("\"time_limit_minutes\": -1, " RULE, "time_limit_minutes");
  assert_refused ("\"time_limit_minutes\": 1441, " RULE, "time_limit_minutes");
  assert_refused ("\"time_limit_minutes\": 1e999, " RULE, "time_limit_minutes");
  assert_refused ("\"pass_mark\": true, " RULE, "pass_mark");
  assert_refused ("\"pass_mark\": 3, " RULE, "pass_mark");
  assert_refused ("\"attempts\": -1, " RULE, "attempts");
  assert_refused ("\"attempts\": 1.5, " RULE, "attempts");
  assert_refused ("\"attempts\": \"2\", " RULE, "attempts");
  assert_refused ("\"counts\": 1, " RULE, "counts");
  assert_refused ("\"counts\": \"best\", " RULE, "counts");
  assert_refused ("\"opens\": 20260301, " RULE, "opens");
  assert_refused ("\"opens\": \"tomorrow\", " RULE, "opens");
  assert_refused ("\"closes\": \"2026-03-01\", " RULE, "closes");
  assert_refused ("\"audience\": \"leaders\", " RULE, "audience");
  assert_refused ("\"audience\": [\"leaders\", 3], " RULE, "audience[2]");
  assert_refused ("\"audience\": [\"leaders\", \"staff\"], " RULE, "audience[2]");
  assert_refused ("\"shuffle_questions\": \"yes\", " RULE, "shuffle_questions");
  assert_refused ("\"shuffle_options\": 1, " RULE, "shuffle_options");
  assert_refused ("\"multiple_scoring\": \"some\", " RULE, "multiple_scoring");
  assert_refused ("\"multiple_scoring\": false, " RULE, "multiple_scoring");
  assert_refused ("\"partial_credit\": \"half\", " RULE, "partial_credit");
  assert_refused ("\"partial_credit\": 2, " RULE, "partial_credit");
  assert_refused ("\"rules\": {}", "rules");
  assert_refused ("\"rules\": []", "rules");
  assert_refused ("\"rules\": [5]", "rules[1]");
  assert_refused ("\"rules\": [{\"type\": \"single\", \"count\": \"40\", \"score\": 1}]", "rules[1].count");
  assert_refused (RULE4 "}, {\"type\": \"single\", \"count\": \"40\", \"score\": 1}]", "rules[2].count");
  assert_refused (RULE4 "}, {\"type\": \"single\", \"count\": 600, \"score\": 1}]", "rules[2].count");
  assert_refused ("\"rules\": [{\"type\": \"single\", \"count\": 4}]", "rules[1].score");
  assert_refused ("\"rules\": [{\"type\": \"single\", \"score\": 1}]", "rules[1].count");
  assert_refused ("\"rules\": [{\"type\": \"single\", \"count\": 4, \"score\": \"1\"}]", "rules[1].score");
  assert_refused ("\"rules\": [{\"type\": \"matching\", \"count\": 4, \"score\": 1}]", "rules[1].type");
  assert_refused ("\"rules\": [{\"count\": 4, \"score\": 1}]", "rules[1].type");
  assert_refused ("\"rules\": [{\"type\": 1, \"count\": 4, \"score\": 1}]", "rules[1].type");
  assert_refused (RULE4 ", \"bank\": 3}]", "rules[1].bank");
  assert_refused (RULE4 ", \"category\": []}]", "rules[1].category");
  assert_refused (RULE4 ", \"tag\": true}]", "rules[1].tag");
  assert_refused (RULE4 ", \"law\": {}}]", "rules[1].law");
  assert_refused (RULE4 ", \"difficulty\": [1]}]", "rules[1].difficulty");
  assert_refused (RULE4 ", \"difficulty\": \"easy\"}]", "rules[1].difficulty");
  assert_refused (RULE4 ", \"difficulty\": [4, 2]}]", "rules[1].difficulty");
  assert_refused (RULE4 ", \"difficulty\": 6}]", "rules[1].difficulty");
  assert_refused ("\"fixed\": [{\"question\": 5}]", "fixed[1].question");
  assert_refused ("\"fixed\": [{\"score\": 1}]", "fixed[1].question");
  assert_refused ("\"fixed\": [{\"question\": \"" QUESTION_1 "\", \"score\": \"2\"}]", "fixed[1].score");
  assert_refused ("\"fixed\": [{\"question\": \"" QUESTION_1 "\"}, \"" QUESTION_2 "\"]", "fixed[2]");
  assert_refused ("\"fixed\": [{\"question\": \"第一题\"}]", "fixed[1].question");
  assert_refused ("\"fixed\": {}", "fixed");
}

static void
test_format (void)
{
  assert_text_refused ("{\"format\": \"xuefa-questions\", \"title\": \"测试\", " RULE "}", "format");
  assert_text_refused ("{\"title\": \"测试\", " RULE "}", "format");
  assert_text_refused ("{\"format\": 1, \"title\": \"测试\", " RULE "}", "format");
  assert_text_refused ("{\"format\": \"xuefa-exam\", \"version\": 2, \"title\": \"测试\", " RULE "}", "version 2");
  assert_text_refused ("{\"format\": \"xuefa-exam\", \"version\": 0, \"title\": \"测试\", " RULE "}", "version");
  assert_text_refused ("{\"format\": \"xuefa-exam\", \"version\": \"1\", \"title\": \"测试\", " RULE "}", "version");
  assert_text_refused ("{\"format\": \"xuefa-exam\", " RULE "}", "title");
  assert_text_refused ("[\"xuefa-exam\"]", "JSON object");
  assert_text_refused ("", "empty");
  assert_text_refused (" \n ", "empty");
}

static void
test_invalid_json (void)
{
  const char *text = "{\n  \"format\": \"xuefa-exam\",\n  \"title\": \"测试\",\n  \"rules\": [,]\n}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = xf_exam_from_json (text, -1, &error);

  g_assert_null (exam);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  if (strstr (error->message, "line 4") == NULL)
    g_error ("“%s” does not name line 4", error->message);
  g_clear_error (&error);

  /* json-glib quotes a lone low surrogate as bytes that are not UTF-8 */
  exam = xf_exam_from_json ("{\"format\": \"xuefa-exam\", \"title\": \"\\udc00\", " RULE "}", -1, &error);
  g_assert_null (exam);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* … and reads a lone high surrogate into such bytes: the text is kept
   * readable */
  exam = xf_exam_from_json ("{\"format\": \"xuefa-exam\", \"title\": \"\\ud83d 测试\", " RULE "}", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (exam->title, -1, NULL));
  g_assert_true (g_str_has_suffix (exam->title, "测试"));
  g_clear_pointer (&exam, xf_exam_free);

  /* Cut short: only what @len covers is read */
  exam = xf_exam_from_json (text, 30, &error);
  g_assert_null (exam);
  g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
}

static void
test_deep (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"xuefa-exam\", \"title\": \"测试\", " RULE ", \"x\": ");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;

  /* 32 levels in all are read; 33 are not */
  for (guint i = 0; i < 31; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 31; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  exam = xf_exam_from_json (deep->str, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exam);
  g_clear_pointer (&exam, xf_exam_free);

  g_string_insert_c (deep, deep->len - 1 - 31, '[');
  g_string_insert_c (deep, deep->len - 1, ']');
  assert_text_refused (deep->str, "deep");

  /* Far past what json-glib's recursion survives */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (huge, '[');
  assert_text_refused (huge->str, "deep");
}

static void
test_chinese_types (void)
{
  static const struct
  {
    const char     *name;
    XfQuestionType  type;
  } types[] = {
    { "单选", XF_QUESTION_SINGLE }, { "单项选择题", XF_QUESTION_SINGLE }, { "多选题", XF_QUESTION_MULTIPLE },
    { "多项选择题", XF_QUESTION_MULTIPLE }, { "判断", XF_QUESTION_TRUE_FALSE }, { "判断题", XF_QUESTION_TRUE_FALSE },
    { "填空题", XF_QUESTION_FILL }, { "简答", XF_QUESTION_ESSAY }, { "TrueFalse", XF_QUESTION_TRUE_FALSE },
  };
  g_autoptr(GString) text = g_string_new ("{\"format\": \"xuefa-exam\", \"title\": \"测试\", \"rules\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autofree char *json = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_string_append_printf (text, "%s{\"type\": \"%s\", \"count\": %u, \"score\": 1}",
                            i > 0 ? ", " : "", types[i].name, i + 1);
  g_string_append (text, "]}");
  exam = xf_exam_from_json (text->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exam->rules->len, ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, i);

      g_assert_cmpint (rule->type, ==, types[i].type);
      g_assert_cmpuint (rule->count, ==, i + 1);
    }

  /* Written with the names of the format */
  json = xf_exam_to_json (exam);
  g_assert_null (strstr (json, "单选"));
  g_assert_nonnull (strstr (json, "\"type\" : \"truefalse\""));
  g_assert_nonnull (strstr (json, "\"type\" : \"essay\""));
}

static void
test_times (void)
{
  static const char *same[] = {
    "2026-03-01T08:00:00+08:00", "2026-03-01T00:00:00Z", "2026-03-01T08:00:00", "2026-02-28T19:00:00-05:00",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"xuefa-exam\", \"title\": \"测试\", "
                                               "\"opens\": \"%s\", " RULE "}", same[i]);
      g_autoptr(XfExam) exam = xf_exam_from_json (text, -1, &error);
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (exam->opens_at, ==, OPENS_AT);
      json = xf_exam_to_json (exam);
      g_assert_nonnull (strstr (json, "\"opens\" : \"2026-03-01T00:00:00Z\""));
      g_assert_nonnull (strstr (json, "\"closes\" : null"));
    }

  /* To the microsecond, before 1970 too, and years of fewer digits */
  {
    g_autoptr(XfExam) exam = xf_exam_from_json ("{\"format\": \"xuefa-exam\", \"title\": \"测试\", "
                                                "\"opens\": \"0984-12-31T23:59:59.5Z\", "
                                                "\"closes\": \"2026-03-31T18:00:00.123456+08:00\", " RULE "}",
                                                -1, &error);
    g_autoptr(XfExam) read = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (exam->opens_at, ==, G_GINT64_CONSTANT (-31083523200500000));
    g_assert_cmpint (exam->closes_at, ==, CLOSES_AT);
    read = round_trip (exam);
  }

  assert_refused ("\"opens\": \"2026-03-31T00:00:00Z\", \"closes\": \"2026-03-01T00:00:00Z\", " RULE, "closes");
  assert_refused ("\"opens\": \"2026-03-01T00:00:00Z\", \"closes\": \"2026-03-01T08:00:00+08:00\", " RULE, "closes");
  /* Year 1 at +08:00 is before year 1 in UTC: it could not be written */
  assert_refused ("\"opens\": \"0001-01-01T00:00:00+08:00\", " RULE, "opens");
  assert_refused ("\"opens\": \"2026-02-30T08:00:00Z\", " RULE, "opens");
}

static char *
read_data (const char *dir,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_shipped_practice (void)
{
  g_autofree char *text = read_data ("data/exams", "xuefa-practice.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = xf_exam_from_json (text, -1, &error);
  g_autoptr(XfExam) expected = xf_exam_new ();
  g_autoptr(XfExam) read = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (exam);
  g_assert_true (xf_exam_validate (exam, &error));
  g_assert_cmpfloat (xf_exam_rules_total (exam), ==, 100);
  g_assert_cmpuint (exam->time_limit_s, ==, 90 * 60);
  g_assert_nonnull (strstr (exam->description, "宪法"));
  g_assert_true (xf_exam_is_open (exam, g_get_real_time ()));

  /* 40 单选 × 1.5, 10 多选 × 2 and 20 判断 × 1 from every bank, any number
   * of attempts, the highest counting, shuffled, 多选 all or nothing */
  set_string (&expected->uuid, PRACTICE_UUID);
  set_string (&expected->title, "2026年度学法用法模拟考试");
  set_string (&expected->description, exam->description);
  expected->time_limit_s = 90 * 60;
  expected->pass_mark = 60;
  expected->attempts = 0;
  expected->shuffle_questions = expected->shuffle_options = TRUE;
  g_ptr_array_add (expected->rules, xf_exam_rule_new (XF_QUESTION_SINGLE, 40, 1.5));
  g_ptr_array_add (expected->rules, xf_exam_rule_new (XF_QUESTION_MULTIPLE, 10, 2));
  g_ptr_array_add (expected->rules, xf_exam_rule_new (XF_QUESTION_TRUE_FALSE, 20, 1));
  assert_exams_equal (expected, exam);
  read = round_trip (exam);
}

/* The example in docs/exam-format.md reads as it says */
static void
test_documented_example (void)
{
  g_autofree char *doc = read_data ("docs", "exam-format.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(XfExam) exam = NULL;
  const char *start = strstr (doc, "```json\n");
  const char *end;

  g_assert_nonnull (start);
  start += strlen ("```json\n");
  end = strstr (start, "```");
  g_assert_nonnull (end);
  exam = xf_exam_from_json (start, end - start, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (xf_exam_rules_total (exam), ==, 100);
  g_assert_cmpint (exam->opens_at, ==, OPENS_AT);
  g_assert_cmpuint (exam->audience->len, ==, 3);
  g_assert_cmpuint (exam->rules->len, ==, 3);
  g_assert_cmpint (((XfExamRule *)g_ptr_array_index (exam->rules, 1))->type, ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpuint (exam->fixed->len, ==, 1);
}

static XfExamItem *
item_new (const char     *question,
          guint           version,
          XfQuestionType  type,
          double          score,
          const char     *order)
{
  XfExamItem *item = g_new0 (XfExamItem, 1);

  item->question = g_strdup (question);
  item->version = version;
  item->type = type;
  item->score = score;
  item->n_options = strlen (order);
  for (guint i = 0; order[i] != '\0'; i++)
    item->order[i] = order[i] - '0';
  return item;
}

static void
test_paper_round_trip (void)
{
  g_autoptr(XfExamPaper) paper = xf_exam_paper_new ();
  g_autoptr(XfExamPaper) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  g_ptr_array_add (paper->items, item_new (QUESTION_1, 2, XF_QUESTION_SINGLE, 1.5, "3021"));
  g_ptr_array_add (paper->items, item_new (QUESTION_2, 1, XF_QUESTION_TRUE_FALSE, 1, ""));
  g_ptr_array_add (paper->items, item_new (EXAM_UUID, 7, XF_QUESTION_MULTIPLE, 2.25, "76543210"));
  g_ptr_array_add (paper->items, item_new (QUESTION_1, 1, XF_QUESTION_ESSAY, 0, ""));
  json = xf_exam_paper_to_json (paper);
  g_assert_cmpstr (json, ==,
                   "[{\"q\":\"" QUESTION_1 "\",\"v\":2,\"t\":\"single\",\"s\":1.5,\"o\":[3,0,2,1]},"
                   "{\"q\":\"" QUESTION_2 "\",\"v\":1,\"t\":\"truefalse\",\"s\":1},"
                   "{\"q\":\"" EXAM_UUID "\",\"v\":7,\"t\":\"multiple\",\"s\":2.25,\"o\":[7,6,5,4,3,2,1,0]},"
                   "{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"essay\",\"s\":0}]");

  read = xf_exam_paper_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->items->len, ==, paper->items->len);
  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *a = g_ptr_array_index (paper->items, i);
      XfExamItem *b = g_ptr_array_index (read->items, i);

      g_assert_cmpstr (a->question, ==, b->question);
      g_assert_cmpuint (a->version, ==, b->version);
      g_assert_cmpint (a->type, ==, b->type);
      g_assert_cmpfloat (a->score, ==, b->score);
      g_assert_cmpuint (a->n_options, ==, b->n_options);
      g_assert_cmpmem (a->order, a->n_options, b->order, b->n_options);
    }
  g_assert_cmpfloat (xf_exam_paper_get_total (read), ==, 4.75);
  again = xf_exam_paper_to_json (read);
  g_assert_cmpstr (json, ==, again);
  g_clear_pointer (&read, xf_exam_paper_free);
  g_clear_pointer (&json, g_free);

  /* An empty paper, and members Xuefa does not write */
  read = xf_exam_paper_from_json (" [ ] ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->items->len, ==, 0);
  json = xf_exam_paper_to_json (read);
  g_assert_cmpstr (json, ==, "[]");
  g_clear_pointer (&read, xf_exam_paper_free);
  read = xf_exam_paper_from_json ("[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"fill\",\"s\":2,\"x\":1}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->items->len, ==, 1);
}

static void
test_paper_refused (void)
{
  static const struct
  {
    const char *text;
    const char *says;
  } cases[] = {
    { "", "empty" },
    { "[{\"q\":", "not valid JSON" },
    { "{\"q\":\"" QUESTION_1 "\"}", "array" },
    { "[1]", "object" },
    { "[{\"v\":1,\"t\":\"single\",\"s\":1}]", "“q”" },
    { "[{\"q\":7,\"v\":1,\"t\":\"single\",\"s\":1}]", "“q”" },
    { "[{\"q\":\"q1\",\"v\":1,\"t\":\"single\",\"s\":1}]", "UUID" },
    { "[{\"q\":\"" QUESTION_1 "\",\"t\":\"single\",\"s\":1}]", "“v”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":-1,\"t\":\"single\",\"s\":1}]", "“v”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":\"1\",\"t\":\"single\",\"s\":1}]", "“v”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1.5,\"t\":\"single\",\"s\":1}]", "“v”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"s\":1}]", "“t”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"matching\",\"s\":1}]", "“t”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"单选\",\"s\":1}]", "“t”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\"}]", "“s”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":-1}]", "“s”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":\"1\"}]", "“s”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1e999}]", "“s”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":null}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":\"3021\"}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,1,1,2]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,1,4,2]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,1,-1,2]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,1,2.5,3]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,\"1\"]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[0,1,2,3,4,5,6,7,8]}]", "“o”" },
    { "[{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[1,0]},"
      "{\"q\":\"" QUESTION_1 "\",\"v\":1,\"t\":\"single\",\"s\":1,\"o\":[1]}]", "Question 2" },
    { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "deep" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfExamPaper) paper = xf_exam_paper_from_json (cases[i].text, &error);

      g_assert_null (paper);
      g_assert_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("%s: “%s” does not say “%s”", cases[i].text, error->message, cases[i].says);
    }
}

/* Whom an exam is for: any one entry that takes the person in */
static void
test_audience (void)
{
  g_autoptr(XfExam) exam = xf_exam_new ();
  g_autofree char *label = NULL;

  g_assert_true (xf_exam_is_for (exam, "张三", "市司法局", FALSE));
  g_assert_true (xf_exam_is_for (exam, NULL, NULL, FALSE));
  g_assert_null (xf_exam_dup_audience_label (exam));

  g_ptr_array_add (exam->audience, g_strdup ("leaders"));
  g_assert_false (xf_exam_is_for (exam, "张三", "市司法局", FALSE));
  g_assert_true (xf_exam_is_for (exam, "张三", "市司法局", TRUE));

  g_ptr_array_add (exam->audience, g_strdup ("department:市司法局"));
  g_ptr_array_add (exam->audience, g_strdup ("profile:李四"));
  g_assert_true (xf_exam_is_for (exam, "张三", "市司法局", FALSE));
  g_assert_false (xf_exam_is_for (exam, "张三", "市财政局", FALSE));
  g_assert_true (xf_exam_is_for (exam, "李四", "", FALSE));
  g_assert_false (xf_exam_is_for (exam, "李四四", NULL, FALSE));
  g_assert_false (xf_exam_is_for (exam, NULL, "市司法局局", FALSE));
  g_assert_false (xf_exam_is_for (exam, "", "", FALSE));

  label = xf_exam_dup_audience_label (exam);
  g_assert_cmpstr (label, ==, "leading cadres, 市司法局, 李四");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exam-spec/round-trip", test_round_trip);
  g_test_add_func ("/exam-spec/defaults", test_defaults);
  g_test_add_func ("/exam-spec/validate", test_validate);
  g_test_add_func ("/exam-spec/wrong-types", test_wrong_types);
  g_test_add_func ("/exam-spec/format", test_format);
  g_test_add_func ("/exam-spec/invalid-json", test_invalid_json);
  g_test_add_func ("/exam-spec/deep", test_deep);
  g_test_add_func ("/exam-spec/chinese-types", test_chinese_types);
  g_test_add_func ("/exam-spec/times", test_times);
  g_test_add_func ("/exam-spec/shipped-practice", test_shipped_practice);
  g_test_add_func ("/exam-spec/documented-example", test_documented_example);
  g_test_add_func ("/exam-spec/paper-round-trip", test_paper_round_trip);
  g_test_add_func ("/exam-spec/paper-refused", test_paper_refused);
  g_test_add_func ("/exam-spec/audience", test_audience);

  return g_test_run ();
}
