/* test-question-aiken.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-question-format.h"

static XfQuestionParse *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xf_question_parse_bytes (bytes, "test.txt", XF_QUESTION_FORMAT_AIKEN);
}

static XfQuestionParse *
parse_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AIKEN, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

static void
assert_problem (GPtrArray  *problems,
                guint       i,
                guint       line,
                const char *question,
                const char *reason)
{
  XfQuestionProblem *problem;

  g_assert_cmpuint (i, <, problems->len);
  problem = g_ptr_array_index (problems, i);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->question, ==, question);
  g_assert_cmpstr (problem->reason, ==, reason);
}

static void
assert_question (XfQuestionParse *parse,
                 guint            i,
                 guint            line,
                 const char      *stem,
                 const char      *options,
                 const char      *answer)
{
  XfQuestion *question;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (i, <, parse->questions->len);
  question = g_ptr_array_index (parse->questions, i);
  joined = g_strjoinv ("|", (char **)xf_question_get_options (question));
  g_assert_cmpuint (xf_question_get_line (question), ==, line);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_stem (question), ==, stem);
  g_assert_cmpstr (joined, ==, options);
  g_assert_cmpstr (xf_question_get_answer (question), ==, answer);
  g_assert_cmpstr (xf_question_get_title (question), ==, "");
  g_assert_cmpstr (xf_question_get_explanation (question), ==, "");
}

static void
test_chinese_file (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data ("xingzheng-fuyi.aiken.txt");

  g_assert_cmpuint (parse->questions->len, ==, 5);
  assert_question (parse, 0, 1,
                   "根据《行政复议法》，公民、法人或者其他组织认为行政行为侵犯其合法权益的，"
                   "可以自知道或者应当知道该行政行为之日起多少日内提出行政复议申请？",
                   "三十日|六十日|九十日|六个月", "B");
  /* The question goes on over lines up to its first option */
  assert_question (parse, 1, 8,
                   "行政处罚法规定，违法行为在多长时间内未被发现的，\n不再给予行政处罚（法律另有规定的除外）？",
                   "一年|二年|三年|五年", "B");
  assert_question (parse, 2, 16, "对当事人的同一个违法行为，不得给予几次以上罚款的行政处罚？",
                   "一次|两次|三次", "B");
  /* Full-width letters and marks */
  assert_question (parse, 3, 22, "限制人身自由的行政处罚，只能由下列哪一项设定？",
                   "法律|行政法规|地方性法规", "A");
  assert_question (parse, 4, 51, "作出罚款决定的行政机关应当与收缴罚款的机构分离，这体现了什么原则？",
                   "罚缴分离|一事不再罚", "A");

  g_assert_cmpuint (parse->problems->len, ==, 9);
  assert_problem (parse->problems, 0, 31, "行政机关在作出行政处罚决定之前，应当告知当事人的事项不包括：",
                  "The answer C is not among the question’s options");
  assert_problem (parse->problems, 1, 35, "听证应当由谁主持？",
                  "Option C is out of order: option B was expected");
  assert_problem (parse->problems, 2, 39, "这道题没有选项，后面空了一行。", "The question has no options");
  assert_problem (parse->problems, 3, 41, "行政拘留属于下列哪一类行政处罚？",
                  "The question has no ANSWER line before the next question starts on line 46");
  assert_problem (parse->problems, 4, 49, "当事人要求听证的，应当在行政机关告知后几日内提出？",
                  "The ANSWER line names several options (AB); an Aiken question has one right option");
  assert_problem (parse->problems, 5, 55, "A. 没有题干的选项",
                  "Question not started: an option comes before any question text");
  assert_problem (parse->problems, 6, 56, "ANSWER: A",
                  "Question not started: an ANSWER line comes before any question text");
  assert_problem (parse->problems, 7, 60, "只有一个选项的题目",
                  "The question needs at least two options before its ANSWER line");
  assert_problem (parse->problems, 8, 62, "最后一题没有答案行",
                  "The question has no ANSWER line before the end of the file");
  g_assert_cmpuint (parse->notices->len, ==, 0);
}

/* Moodle's own test of its Aiken importer: the same questions read, the
 * same errors on the same lines. */
static void
test_moodle_errors (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data ("moodle-aiken-errors.txt");

  g_assert_cmpuint (parse->questions->len, ==, 3);
  assert_question (parse, 0, 9, "A good question", "Correct|Incorrect", "A");
  assert_question (parse, 1, 18, "A second good question", "Incorrect (No space)|Correct (No space)", "B");
  assert_question (parse, 2, 23, "A third good question with HTML chars such as > < &",
                   "Correct (< > &)|Incorrect (< > &)", "A");

  g_assert_cmpuint (parse->problems->len, ==, 4);
  assert_problem (parse->problems, 0, 3, "A question with too few answers",
                  "The question needs at least two options before its ANSWER line");
  assert_problem (parse->problems, 1, 5, "A) Question not started",
                  "Question not started: an option comes before any question text");
  assert_problem (parse->problems, 2, 7, "ANSWER: Question not started",
                  "Question not started: an ANSWER line comes before any question text");
  assert_problem (parse->problems, 3, 14, "A question started but not finished",
                  "The question has no ANSWER line before the next question starts on line 18");
}

static void
test_answer_lines (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text (
    "\xef\xbb\xbf" "第一题\r\n"
    "A. 甲\r\n"
    "B. 乙\r\n"
    "ANSWER : b\r\n"
    "\r\n"
    "　　第二题　\r\n"
    "A.甲\r\n"
    "B.乙\r\n"
    "ANSWER: B. 乙\r\n"
    "\r\n"
    "第三题\r\n"
    "A. 甲\r\n"
    "B. 乙\r\n"
    "ANSWER:\r\n"
    "\r\n"
    "第四题\r\n"
    "A. 甲\r\n"
    "B. 乙\r\n"
    "ANSWER: 1\r\n"
    "Answer: A\r\n");

  g_assert_cmpuint (parse->questions->len, ==, 2);
  assert_question (parse, 0, 1, "第一题", "甲|乙", "B");
  assert_question (parse, 1, 6, "第二题", "甲|乙", "B");

  g_assert_cmpuint (parse->problems->len, ==, 3);
  assert_problem (parse->problems, 0, 14, "第三题", "The ANSWER line must name the right option by its letter");
  assert_problem (parse->problems, 1, 19, "第四题", "The ANSWER line must name the right option by its letter");
  /* Moodle's ANSWER: is written in capitals: anything else starts a question */
  assert_problem (parse->problems, 2, 20, "Answer: A", "The question has no options");
}

static XfQuestion *
make_question (const char *stem,
               const char *answer,
               ...)
{
  XfQuestion *question = xf_question_new (XF_QUESTION_SINGLE);
  va_list args;

  xf_question_set_stem (question, stem);
  va_start (args, answer);
  for (const char *option = va_arg (args, const char *); option != NULL; option = va_arg (args, const char *))
    xf_question_add_option (question, option);
  va_end (args);
  xf_question_set_answer (question, answer);
  return question;
}

static void
test_writer (void)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestion *q;

  q = make_question ("限制人身自由的行政处罚，只能由下列哪一项设定？", "A", "法律", "行政法规", "部门规章", NULL);
  xf_question_set_title (q, "设定权");
  xf_question_set_explanation (q, "第十条第二款");
  xf_question_set_category (q, "行政法/行政处罚");
  xf_question_add_tag (q, "设定权");
  xf_question_set_difficulty (q, 4);
  g_ptr_array_add (questions, q);

  /* Lines that would read back as an option or an ANSWER line join the
   * line before them; blank ones go. */
  q = make_question ("下列说法：\n\nA. 听证公开举行\nANSWER: 不是答案行\n哪一项正确？", "B",
                     "第一项\n跨行", "第二项", NULL);
  g_ptr_array_add (questions, q);

  q = xf_question_new (XF_QUESTION_TRUE_FALSE);
  xf_question_set_stem (q, "Aiken 只能写单选题。");
  xf_question_set_answer (q, "T");
  g_ptr_array_add (questions, q);

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_AIKEN, questions, "题库", notices, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "限制人身自由的行政处罚，只能由下列哪一项设定？\n"
                   "A) 法律\n"
                   "B) 行政法规\n"
                   "C) 部门规章\n"
                   "ANSWER: A\n"
                   "\n"
                   "下列说法： A. 听证公开举行 ANSWER: 不是答案行\n"
                   "哪一项正确？\n"
                   "A) 第一项 跨行\n"
                   "B) 第二项\n"
                   "ANSWER: B\n");
  g_assert_cmpuint (notices->len, ==, 1);

  parse = xf_question_parse_bytes (bytes, "out.txt", XF_QUESTION_FORMAT_AIKEN);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, 2);

  /* Everything but the stem, the options and the answer is lost */
  {
    g_autoptr(XfQuestion) expected = make_question ("限制人身自由的行政处罚，只能由下列哪一项设定？", "A",
                                                    "法律", "行政法规", "部门规章", NULL);

    g_assert_true (xf_question_equal_content (expected, g_ptr_array_index (parse->questions, 0)));
  }
  assert_question (parse, 1, 7, "下列说法： A. 听证公开举行 ANSWER: 不是答案行\n哪一项正确？",
                   "第一项 跨行|第二项", "B");
}

static void
test_round_trip_file (void)
{
  g_autoptr(XfQuestionParse) first = parse_data ("xingzheng-fuyi.aiken.txt");
  g_autoptr(XfQuestionParse) second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_AIKEN, first->questions, NULL, NULL, &error);
  g_assert_no_error (error);
  second = xf_question_parse_bytes (bytes, "out.txt", XF_QUESTION_FORMAT_AIKEN);
  g_assert_cmpuint (second->problems->len, ==, 0);
  g_assert_cmpuint (second->questions->len, ==, first->questions->len);
  for (guint i = 0; i < first->questions->len; i++)
    g_assert_true (xf_question_equal_content (g_ptr_array_index (first->questions, i),
                                              g_ptr_array_index (second->questions, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-aiken/chinese-file", test_chinese_file);
  g_test_add_func ("/question-aiken/moodle-errors", test_moodle_errors);
  g_test_add_func ("/question-aiken/answer-lines", test_answer_lines);
  g_test_add_func ("/question-aiken/writer", test_writer);
  g_test_add_func ("/question-aiken/round-trip-file", test_round_trip_file);

  return g_test_run ();
}
