/* test-question-table.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "xf-question-format-private.h"

/* Question tables: CSV and XLSX files as spreadsheet programs save them,
 * read into questions, and questions written back as tables. */

static XfQuestionParse *
parse_data_file (const char       *name,
                 XfQuestionFormat  format)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse;

  parse = xf_question_parse_file (path, format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

static XfQuestionParse *
parse_data (const char       *data,
            gsize             len,
            const char       *name,
            XfQuestionFormat  format)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return xf_question_parse_bytes (bytes, name, format);
}

static XfQuestionParse *
parse_csv (const char *text)
{
  return parse_data (text, strlen (text), "test.csv", XF_QUESTION_FORMAT_CSV);
}

static XfQuestion *
question_at (XfQuestionParse *parse,
             guint            index)
{
  g_assert_cmpuint (index, <, parse->questions->len);
  return g_ptr_array_index (parse->questions, index);
}

static XfQuestionProblem *
problem_at (GPtrArray *problems,
            guint      index)
{
  g_assert_cmpuint (index, <, problems->len);
  return g_ptr_array_index (problems, index);
}

static void
assert_strv (const char * const *strv,
             const char         *joined)
{
  g_autofree char *text = g_strjoinv ("|", (char **)strv);

  g_assert_cmpstr (text, ==, joined);
}

static void
assert_link (XfQuestion *question,
             guint       index,
             const char *law,
             guint       number)
{
  guint n;
  guint sub;

  g_assert_cmpuint (index, <, xf_question_get_n_links (question));
  g_assert_cmpstr (xf_question_get_link (question, index, &n, &sub), ==, law);
  g_assert_cmpuint (n, ==, number);
  g_assert_cmpuint (sub, ==, 0);
}

/* What tests/data/questions/table-chinese.csv holds, whichever encoding
 * or program saved it. @lines are the rows' lines in the file. */
static void
check_chinese_table (XfQuestionParse *parse,
                     const guint     *lines)
{
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 10);

  q = question_at (parse, 0);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[0]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "违法行为在（  ）内未被发现的，不再给予行政处罚；法律另有规定的除外。");
  assert_strv (xf_question_get_options (q), "一年|二年|三年|五年");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "B");
  g_assert_true (g_str_has_prefix (xf_question_get_explanation (q), "根据《行政处罚法》第三十六条"));
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 2);
  assert_link (q, 0, "中华人民共和国行政处罚法", 36);
  assert_strv (xf_question_get_tags (q), "时效|行政处罚");
  g_assert_cmpfloat (xf_question_get_score (q), ==, 2.0);
  g_assert_cmpstr (xf_question_get_source (q), ==, "2024年度全省学法用法考试");

  /* Full-width letters; a two-line explanation; 中 is difficulty 3 */
  q = question_at (parse, 1);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[1]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "ABD");
  g_assert_cmpstr (xf_question_get_option (q, 1), ==, "罚款、没收违法所得、没收非法财物");
  g_assert_cmpstr (xf_question_get_explanation (q), ==, "记过是政务处分，不是行政处罚。\n见《行政处罚法》第九条。");
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 3);

  q = question_at (parse, 2);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[2]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 1);

  q = question_at (parse, 3);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[3]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_FILL);
  assert_strv (xf_question_get_accepted (q), "六十|60");
  assert_strv (xf_question_get_tags (q), "期限|复议");
  assert_link (q, 0, "中华人民共和国行政复议法", 20);

  q = question_at (parse, 4);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[4]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_ESSAY);
  g_assert_cmpstr (xf_question_get_stem (q), ==,
                   "简述行政机关可以当场作出行政处罚决定的条件。\n（从违法事实、依据和处罚种类三方面作答）");
  g_assert_true (g_str_has_prefix (xf_question_get_answer (q), "违法事实确凿并有法定依据；\n对公民"));
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 4);
  g_assert_cmpfloat (xf_question_get_score (q), ==, 5.0);

  /* No 题型: told by the answer */
  q = question_at (parse, 5);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[5]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "AC");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 3);

  q = question_at (parse, 6);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[6]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "F");

  q = question_at (parse, 7);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[9]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "B");
  assert_link (q, 0, "中华人民共和国行政诉讼法", 46);

  /* 判断 with 正确/错误 as options and a letter as the answer */
  q = question_at (parse, 8);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[10]);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "当事人提出的事实、理由或者证据成立的，行政机关应当\"采纳\"。");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  g_assert_cmpuint (xf_question_get_n_options (q), ==, 0);

  q = question_at (parse, 9);
  g_assert_cmpuint (xf_question_get_line (q), ==, lines[11]);
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 3);
  g_assert_cmpfloat (xf_question_get_score (q), ==, 1.0);

  /* Bad rows, each with its line */
  g_assert_cmpuint (parse->problems->len, ==, 2);
  g_assert_cmpuint (problem_at (parse->problems, 0)->line, ==, lines[7]);
  g_assert_true (g_str_has_prefix (problem_at (parse->problems, 0)->question, "行政机关拟作出较大数额罚款的决定"));
  g_assert_cmpuint (problem_at (parse->problems, 1)->line, ==, lines[8]);
  g_assert_nonnull (strstr (problem_at (parse->problems, 1)->reason, "匹配题"));
}

static void
check_chinese_notices (GPtrArray   *notices,
                       guint        first,
                       const guint *lines)
{
  g_assert_cmpuint (notices->len, ==, first + 3);
  g_assert_cmpuint (problem_at (notices, first)->line, ==, lines[9]);
  g_assert_nonnull (strstr (problem_at (notices, first)->reason, "见司法解释"));
  g_assert_cmpuint (problem_at (notices, first + 1)->line, ==, lines[11]);
  g_assert_nonnull (strstr (problem_at (notices, first + 1)->reason, "难度很高"));
  g_assert_cmpuint (problem_at (notices, first + 2)->line, ==, lines[11]);
  g_assert_nonnull (strstr (problem_at (notices, first + 2)->reason, "二分"));
}

/* Lines of the rows in the CSV: multi-line cells push the later ones down */
static const guint csv_lines[] = { 2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 16, 17 };

static void
test_csv_chinese (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("table-chinese.csv", XF_QUESTION_FORMAT_AUTO);

  check_chinese_table (parse, csv_lines);
  check_chinese_notices (parse->notices, 0, csv_lines);
  g_assert_null (parse->bank_title);
}

/* Excel on Chinese Windows saves "CSV (逗号分隔)" in GB18030 (GBK) */
static void
test_csv_gb18030 (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("table-chinese-gb18030.csv", XF_QUESTION_FORMAT_AUTO);
  g_autoptr(XfQuestionParse) utf8 = parse_data_file ("table-chinese.csv", XF_QUESTION_FORMAT_AUTO);

  check_chinese_table (parse, csv_lines);
  g_assert_cmpuint (problem_at (parse->notices, 0)->line, ==, 0);
  g_assert_nonnull (strstr (problem_at (parse->notices, 0)->reason, "GB18030"));
  check_chinese_notices (parse->notices, 1, csv_lines);
  for (guint i = 0; i < parse->questions->len; i++)
    g_assert_true (xf_question_equal_content (question_at (parse, i), question_at (utf8, i)));
}

static void
test_csv_english (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("table-english.csv", XF_QUESTION_FORMAT_AUTO);
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 5);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  /* One notice for the column that is no question field */
  g_assert_cmpuint (parse->notices->len, ==, 1);
  g_assert_cmpuint (problem_at (parse->notices, 0)->line, ==, 1);
  g_assert_nonnull (strstr (problem_at (parse->notices, 0)->reason, "Notes"));

  q = question_at (parse, 0);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_SINGLE);
  g_assert_true (g_str_has_prefix (xf_question_get_stem (q), "Within how many days"));
  g_assert_cmpstr (xf_question_get_answer (q), ==, "B");
  g_assert_cmpstr (xf_question_get_source (q), ==, "Training 2025");
  q = question_at (parse, 1);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "ABD");
  g_assert_cmpfloat (xf_question_get_score (q), ==, 2.0);
  q = question_at (parse, 2);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  q = question_at (parse, 3);
  assert_strv (xf_question_get_accepted (q), "five|5");
  q = question_at (parse, 4);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_ESSAY);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "Clear facts, a legal basis, and a small fine or a warning.");
  g_assert_cmpuint (xf_question_get_line (q), ==, 6);
}

static void
check_tab_table (XfQuestionParse *parse)
{
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 4);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  q = question_at (parse, 1);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "行政处罚的种类包括：\n（多选）");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "ABD");
  q = question_at (parse, 2);
  g_assert_cmpuint (xf_question_get_line (q), ==, 5);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  q = question_at (parse, 3);
  assert_strv (xf_question_get_accepted (q), "五|5");
}

/* Tab-separated, as UTF-8 and as Excel's "Unicode text" (UTF-16LE) */
static void
test_csv_tab (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", "table-tab.csv", NULL);
  g_autoptr(XfQuestionParse) parse = parse_data_file ("table-tab.csv", XF_QUESTION_FORMAT_AUTO);
  g_autoptr(XfQuestionParse) wide = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  gsize length;
  gsize utf16_length;

  check_tab_table (parse);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  utf16 = g_convert (contents, length, "UTF-16LE", "UTF-8", NULL, &utf16_length, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (utf16_length + 2);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, utf16_length);
  wide = parse_data (with_bom, utf16_length + 2, "table.txt", XF_QUESTION_FORMAT_CSV);
  check_tab_table (wide);
  g_assert_cmpuint (wide->notices->len, ==, 1);
}

static void
test_csv_semicolon (void)
{
  g_autoptr(XfQuestionParse) parse = parse_csv ("题干;答案;选项A;选项B\n"
                                                "“行政处罚法”的施行日期是？;A;2021年7月15日;2021年1月22日\n"
                                                "\"含有;分号的题干\";B;甲;乙\n");

  g_assert_cmpuint (parse->questions->len, ==, 2);
  g_assert_cmpstr (xf_question_get_option (question_at (parse, 0), 1), ==, "2021年1月22日");
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 1)), ==, "含有;分号的题干");
  g_assert_cmpstr (xf_question_get_answer (question_at (parse, 1)), ==, "B");
}

static void
test_csv_quotes (void)
{
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestionProblem *problem;

  /* A doubled quote, text after a closing quote, a quote inside a cell,
   * lone CR line ends, then a quote never closed on line 5 */
  parse = parse_csv ("题型,题干,答案\r"
                     "填空,\"他说\"\"依法\"\"行政\",依法\r"
                     "填空,\"前半\"后半,后半\r"
                     "填空,他说\"好\"。,好\r"
                     "填空,\"没有结束的引号,甲\n"
                     "填空,下一题照常读出,乙\n");
  g_assert_cmpuint (parse->questions->len, ==, 4);
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 0)), ==, "他说\"依法\"行政");
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 1)), ==, "前半后半");
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 2)), ==, "他说\"好\"。");
  g_assert_cmpuint (xf_question_get_line (question_at (parse, 2)), ==, 4);
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 3)), ==, "下一题照常读出");
  g_assert_cmpuint (xf_question_get_line (question_at (parse, 3)), ==, 6);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = problem_at (parse->problems, 0);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_nonnull (strstr (problem->reason, "5"));

  /* A quote that opens on a later line of a row still names its line */
  g_clear_pointer (&parse, xf_question_parse_free);
  parse = parse_csv ("题干,答案,解析\n"
                     "\"两行\n题干\",甲,\"未闭合\n");
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = problem_at (parse->problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->question, ==, "两行 题干");
  g_assert_nonnull (strstr (problem->reason, "3"));
}

static void
test_csv_header (void)
{
  g_autoptr(XfQuestionParse) parse = NULL;

  /* No 题干 column: one problem for the file, on line 1 */
  parse = parse_csv ("题型,题目内容,答案\n单选,甲,A\n判断,乙,对\n");
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  g_assert_cmpuint (problem_at (parse->problems, 0)->line, ==, 1);
  g_assert_nonnull (strstr (problem_at (parse->problems, 0)->reason, "题干"));

  /* A title row above the header names the bank; columns come in any
   * order and under other names; unknown and repeated ones are noticed */
  g_clear_pointer (&parse, xf_question_parse_free);
  parse = parse_csv ("2025年度行政执法人员学法题库,,,,\n"
                     "\n"
                     "正确答案,备注,题目,出题人,题目,试题类型\n"
                     "对,已审核,宪法是国家的根本法。,王,重复的题干,判断题\n");
  g_assert_cmpstr (parse->bank_title, ==, "2025年度行政执法人员学法题库");
  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpstr (xf_question_get_stem (question_at (parse, 0)), ==, "宪法是国家的根本法。");
  g_assert_cmpstr (xf_question_get_answer (question_at (parse, 0)), ==, "T");
  g_assert_cmpuint (xf_question_get_line (question_at (parse, 0)), ==, 4);
  g_assert_cmpuint (parse->notices->len, ==, 2);
  g_assert_cmpuint (problem_at (parse->notices, 0)->line, ==, 3);
  g_assert_nonnull (strstr (problem_at (parse->notices, 0)->reason, "备注，出题人"));
  g_assert_nonnull (strstr (problem_at (parse->notices, 1)->reason, "题目"));

  /* Only blank lines */
  g_clear_pointer (&parse, xf_question_parse_free);
  parse = parse_csv (",,,\n , ,\n");
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);

  /* A header and no rows */
  g_clear_pointer (&parse, xf_question_parse_free);
  parse = parse_csv ("题干,答案\n");
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
}

/* The ways people write types, answers, difficulties and the rest */
static void
test_csv_cells (void)
{
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestion *q;

  parse = parse_csv ("题型,题干,选项A,选项B,选项C,选项D,答案,难度,分值,标签,分类\n"
                     "single,甲,a,b,c,d,\"A,C,D\",,,,\n"
                     "多选,乙,a,b,c,d,A、C、D,易,2分,\"一， 二;三；四、五,一\",行政法＞行政处罚\n"
                     "多选题,丙,a,b,c,d,ａｃ,较易,0.5,,\n"
                     "不定项选择题,丁,a,b,c,d,D,中等,,,\n"
                     "单选,戊,一年,二年,三年,五年,二年,较难,,,\n"
                     ",己,,,,,×,★★★★★,,,\n"
                     ",庚,,,,,正确,难,,,\n"
                     "判断,辛,,,,,F,,,,\n"
                     "判断,壬,,,,,不一定,,,,\n"
                     "填空,癸,,,,,\"甲｜乙；丙;\",,,,\n"
                     ",子,,,,,子丑,,,,\n"
                     "简答,丑,选项,,,,参考答案,,,,\n"
                     ",寅,a,b,,,随便,,,,\n"
                     ",卯,,,,,,,,,\n"
                     "单选,辰,a,b,,,Z,,,,\n"
                     "单选,巳,a,,c,,A,,,,\n"
                     "计算题,午,,,,,1,,,,\n"
                     "未知题型,未,,,,,1,,,,\n");

  g_assert_cmpuint (parse->questions->len, ==, 10);
  q = question_at (parse, 0);
  g_assert_cmpuint (xf_question_get_line (q), ==, 3);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "ACD");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 1);
  g_assert_cmpfloat (xf_question_get_score (q), ==, 2.0);
  assert_strv (xf_question_get_tags (q), "一|二|三|四|五");
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚");
  q = question_at (parse, 1);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "AC");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 2);
  g_assert_cmpfloat (xf_question_get_score (q), ==, 0.5);
  /* 不定项 with one right option is a single choice */
  q = question_at (parse, 2);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "D");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 3);
  /* The right option's text instead of its letter */
  q = question_at (parse, 3);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "B");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 4);
  q = question_at (parse, 4);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "F");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 5);
  q = question_at (parse, 5);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 5);
  q = question_at (parse, 6);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "F");
  q = question_at (parse, 7);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_FILL);
  assert_strv (xf_question_get_accepted (q), "甲|乙|丙");
  q = question_at (parse, 8);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_FILL);
  assert_strv (xf_question_get_accepted (q), "子丑");
  q = question_at (parse, 9);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_ESSAY);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "参考答案");
  g_assert_cmpuint (xf_question_get_n_options (q), ==, 0);

  /* Problems: a 单选 with three answers (found by validation), 不一定,
   * 随便, no type and no answer, Z, a gap in the options (validation),
   * 计算题, 未知题型 */
  g_assert_cmpuint (parse->problems->len, ==, 8);
  g_assert_cmpuint (problem_at (parse->problems, 0)->line, ==, 2);
  g_assert_cmpuint (problem_at (parse->problems, 1)->line, ==, 10);
  g_assert_nonnull (strstr (problem_at (parse->problems, 1)->reason, "不一定"));
  g_assert_cmpuint (problem_at (parse->problems, 2)->line, ==, 14);
  g_assert_nonnull (strstr (problem_at (parse->problems, 2)->reason, "随便"));
  g_assert_cmpuint (problem_at (parse->problems, 3)->line, ==, 15);
  g_assert_cmpuint (problem_at (parse->problems, 4)->line, ==, 16);
  g_assert_nonnull (strstr (problem_at (parse->problems, 4)->reason, "Z"));
  g_assert_cmpuint (problem_at (parse->problems, 5)->line, ==, 17);
  g_assert_cmpstr (problem_at (parse->problems, 5)->question, ==, "巳");
  g_assert_cmpuint (problem_at (parse->problems, 6)->line, ==, 18);
  g_assert_nonnull (strstr (problem_at (parse->problems, 6)->reason, "计算题"));
  g_assert_cmpuint (problem_at (parse->problems, 7)->line, ==, 19);
  g_assert_nonnull (strstr (problem_at (parse->problems, 7)->reason, "未知题型"));

  /* The essay's option is left out, with a notice */
  g_assert_cmpuint (parse->notices->len, ==, 1);
  g_assert_cmpuint (problem_at (parse->notices, 0)->line, ==, 13);
}

/* Cells that would make a question of thousands of links or tags */
static void
test_csv_many (void)
{
  g_autoptr(GString) csv = g_string_new ("题干,答案,法条,标签\n甲,乙,《中华人民共和国民法典》");
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestion *q;

  for (guint i = 1; i <= 1001; i++)
    g_string_append_printf (csv, "第%u条、", i);
  g_string_append (csv, ",");
  for (guint i = 1; i <= 101; i++)
    g_string_append_printf (csv, "标签%u、", i);
  g_string_append (csv, "\n丙,丁,《中华人民共和国民法典》");
  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (csv, "第%u条、", i);
  g_string_append (csv, "\n");

  parse = parse_csv (csv->str);
  g_assert_cmpuint (parse->questions->len, ==, 2);
  q = question_at (parse, 0);
  g_assert_cmpuint (xf_question_get_n_links (q), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **)xf_question_get_tags (q)), ==, 100);
  g_assert_cmpstr (xf_question_get_tags (q)[99], ==, "标签100");
  q = question_at (parse, 1);
  g_assert_cmpuint (xf_question_get_n_links (q), ==, 1000);
  g_assert_cmpuint (parse->notices->len, ==, 2);
  g_assert_nonnull (strstr (problem_at (parse->notices, 0)->reason, "1000"));
  g_assert_nonnull (strstr (problem_at (parse->notices, 1)->reason, "100"));
}

/* Questions of every type with every column filled */
static GPtrArray *
sample_questions (void)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);
  const char *options[] = { "一年", "二年，或者\"五年\"", "三年", "五年", NULL };
  const char *eight[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", NULL };
  const char *accepted[] = { "六十", "60", NULL };
  const char *tags[] = { "时效", "行政处罚", NULL };
  XfQuestion *q;

  q = xf_question_new (XF_QUESTION_SINGLE);
  xf_question_set_stem (q, "违法行为在（  ）内未被发现的，不再给予行政处罚。\n（单选，2分）");
  xf_question_set_options (q, options);
  xf_question_set_answer (q, "B");
  xf_question_set_explanation (q, "见《行政处罚法》第三十六条：\n一般为二年。");
  xf_question_set_category (q, "行政法/行政处罚");
  xf_question_set_difficulty (q, 2);
  xf_question_add_link (q, "中华人民共和国行政处罚法", 36, 0);
  xf_question_set_tags (q, tags);
  xf_question_set_score (q, 2);
  xf_question_set_source (q, "2024年度全省学法用法考试");
  g_ptr_array_add (questions, q);

  q = xf_question_new (XF_QUESTION_MULTIPLE);
  xf_question_set_stem (q, "下列属于行政处罚的有（  ）。");
  xf_question_set_options (q, eight);
  xf_question_set_answer (q, "ACH");
  xf_question_set_difficulty (q, 4);
  xf_question_add_link (q, "中华人民共和国行政处罚法", 9, 0);
  xf_question_add_link (q, "中华人民共和国公职人员政务处分法", 7, 0);
  xf_question_add_link (q, "中华人民共和国行政诉讼法", 12, 1);
  xf_question_set_score (q, 1.5);
  g_ptr_array_add (questions, q);

  q = xf_question_new (XF_QUESTION_TRUE_FALSE);
  xf_question_set_stem (q, "行政机关可以因当事人申辩而给予更重的处罚。");
  xf_question_set_answer (q, "F");
  xf_question_set_explanation (q, "不得加重：见第四十五条。铃\a声与 _x0041_ 照原样保留。");
  xf_question_set_difficulty (q, 1);
  xf_question_set_score (q, 0.5);
  g_ptr_array_add (questions, q);

  q = xf_question_new (XF_QUESTION_FILL);
  xf_question_set_stem (q, "行政复议申请期限一般为（  ）日。");
  xf_question_set_accepted (q, accepted);
  xf_question_set_category (q, "行政法/行政复议");
  xf_question_add_tag (q, "期限");
  g_ptr_array_add (questions, q);

  q = xf_question_new (XF_QUESTION_ESSAY);
  xf_question_set_stem (q, "简述当场作出行政处罚决定的条件。");
  xf_question_set_answer (q, "违法事实确凿并有法定依据；\n对公民处以二百元以下罚款或者警告。");
  xf_question_set_difficulty (q, 5);
  xf_question_set_score (q, 10);
  xf_question_set_category (q, "宪法");
  g_ptr_array_add (questions, q);

  return questions;
}

static void
check_round_trip (GPtrArray       *questions,
                  XfQuestionParse *parse,
                  const guint     *lines)
{
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->notices->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *expected = g_ptr_array_index (questions, i);
      XfQuestion *read = question_at (parse, i);

      if (!xf_question_equal_content (expected, read))
        g_error ("question %u changed on the way: %s", i, xf_question_get_stem (read));
      g_assert_cmpuint (xf_question_get_line (read), ==, lines[i]);
    }
}

static void
test_csv_round_trip (void)
{
  g_autoptr(GPtrArray) questions = sample_questions ();
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  const char *data;
  gsize len;

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_CSV, questions, "题库", NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);

  /* UTF-8 with a BOM, CRLF, the Chinese header; eight options are used */
  header = g_strdup ("\xEF\xBB\xBF" "题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,选项G,选项H,"
                     "答案,解析,分类,难度,法条,标签,分值,来源\r\n");
  g_assert_cmpuint (len, >, strlen (header));
  g_assert_cmpmem (data, strlen (header), header, strlen (header));
  g_assert_nonnull (g_strstr_len (data, len, ",\"二年，或者\"\"五年\"\"\","));
  g_assert_nonnull (g_strstr_len (data, len, "单选,\"违法行为在（  ）内未被发现的，不再给予行政处罚。\n（单选，2分）\""));
  g_assert_nonnull (g_strstr_len (data, len, ",ACH,"));
  g_assert_nonnull (g_strstr_len (data, len, ",错误,"));
  g_assert_nonnull (g_strstr_len (data, len, ",六十|60,"));
  g_assert_nonnull (g_strstr_len (data, len, ",时效、行政处罚,"));
  g_assert_nonnull (g_strstr_len (data, len, "《中华人民共和国行政诉讼法》第十二条之一"));
  g_assert_true (g_str_has_suffix (data, "\r\n") || data[len - 1] == '\n');

  /* Lines: the first row and the last hold cells of several lines */
  parse = parse_data (data, len, "export.csv", XF_QUESTION_FORMAT_AUTO);
  check_round_trip (questions, parse, (const guint[]) { 2, 5, 6, 7, 8 });
}

static void
test_xlsx_round_trip (void)
{
  g_autoptr(GPtrArray) questions = sample_questions ();
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_XLSX, questions, "行政处罚法: 题库 [2025]", NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);

  parse = parse_data (data, len, "export.xlsx", XF_QUESTION_FORMAT_AUTO);
  check_round_trip (questions, parse, (const guint[]) { 2, 3, 4, 5, 6 });

  /* No questions: a header row alone */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&parse, xf_question_parse_free);
  g_ptr_array_set_size (questions, 0);
  bytes = xf_question_format_export (XF_QUESTION_FORMAT_XLSX, questions, NULL, NULL, &error);
  g_assert_no_error (error);
  parse = xf_question_parse_bytes (bytes, "empty.xlsx", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
}

/* The CSV above, opened in LibreOffice Calc and saved as .xlsx: numbers
 * are numbers, and the header's 选项A … are rich text runs */
static void
test_xlsx_libreoffice (void)
{
  static const guint rows[] = { 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14 };
  g_autoptr(XfQuestionParse) parse = parse_data_file ("table-chinese-libreoffice.xlsx", XF_QUESTION_FORMAT_AUTO);
  g_autoptr(XfQuestionParse) csv = parse_data_file ("table-chinese.csv", XF_QUESTION_FORMAT_AUTO);

  check_chinese_table (parse, rows);
  check_chinese_notices (parse->notices, 0, rows);
  for (guint i = 0; i < parse->questions->len; i++)
    g_assert_true (xf_question_equal_content (question_at (parse, i), question_at (csv, i)));
}

static GBytes *
read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A workbook as a program builds it with libxlsxwriter: a hidden sheet
 * first and another after the questions' sheet, a title row, the table from column B with an empty column,
 * numbers, booleans, rich text and a formula's cached result. */
static void
test_xlsx_libxlsxwriter (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *hidden;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_rich_string_tuple first = { NULL, "违法行为在（  ）内" };
  lxw_rich_string_tuple second = { NULL, "未被发现的，不再给予行政处罚。" };
  lxw_rich_string_tuple *rich[] = { &first, &second, NULL };
  const char *header[] = { "题型", "题干", NULL, "选项A", "选项B", "选项C", "选项D", "答案", "难度", "分值" };
  XfQuestion *q;
  int fd;

  fd = g_file_open_tmp ("test-question-table-XXXXXX.xlsx", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  workbook = workbook_new (path);
  hidden = workbook_add_worksheet (workbook, "说明");
  sheet = workbook_add_worksheet (workbook, "题库");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  first.format = bold;
  worksheet_write_string (hidden, 0, 0, "本表不是题目", NULL);
  worksheet_activate (sheet);
  worksheet_hide (hidden);
  worksheet_write_string (workbook_add_worksheet (workbook, "判断题"), 0, 0, "题干", NULL);

  worksheet_write_string (sheet, 0, 1, "行政处罚法练习题", bold);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    if (header[c] != NULL)
      worksheet_write_string (sheet, 2, c + 1, header[c], bold);
  worksheet_write_string (sheet, 3, 1, "单选", NULL);
  worksheet_write_rich_string (sheet, 3, 2, rich, NULL);
  worksheet_write_string (sheet, 3, 3, "不应读出", NULL);
  worksheet_write_number (sheet, 3, 4, 1, NULL);
  worksheet_write_number (sheet, 3, 5, 2, NULL);
  worksheet_write_number (sheet, 3, 6, 3, NULL);
  worksheet_write_number (sheet, 3, 7, 5, NULL);
  worksheet_write_string (sheet, 3, 8, "B", NULL);
  worksheet_write_number (sheet, 3, 9, 2, NULL);
  worksheet_write_number (sheet, 3, 10, 1.5, NULL);
  worksheet_write_string (sheet, 5, 1, "判断", NULL);
  worksheet_write_string (sheet, 5, 2, "限制人身自由的行政处罚，只能由法律设定。", NULL);
  worksheet_write_boolean (sheet, 5, 8, 1, NULL);
  worksheet_write_string (sheet, 6, 1, "填空", NULL);
  worksheet_write_string (sheet, 6, 2, "行政复议申请期限一般为（  ）日。", NULL);
  worksheet_write_formula_str (sheet, 6, 8, "=\"六十|\"&60", NULL, "六十|60");
  worksheet_write_number (sheet, 6, 10, 0.1 + 0.2, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  bytes = read_back (path);
  g_unlink (path);
  parse = xf_question_parse_bytes (bytes, "题库.xlsx", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  /* The other visible sheet is not read, and the notice says so */
  g_assert_cmpuint (parse->notices->len, ==, 1);
  g_assert_cmpuint (problem_at (parse->notices, 0)->line, ==, 0);
  g_assert_nonnull (strstr (problem_at (parse->notices, 0)->reason, "题库"));
  g_assert_cmpstr (parse->bank_title, ==, "行政处罚法练习题");
  g_assert_cmpuint (parse->questions->len, ==, 3);

  q = question_at (parse, 0);
  g_assert_cmpuint (xf_question_get_line (q), ==, 4);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "违法行为在（  ）内未被发现的，不再给予行政处罚。");
  assert_strv (xf_question_get_options (q), "1|2|3|5");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "B");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 2);
  g_assert_cmpfloat (xf_question_get_score (q), ==, 1.5);
  q = question_at (parse, 1);
  g_assert_cmpuint (xf_question_get_line (q), ==, 6);
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  q = question_at (parse, 2);
  assert_strv (xf_question_get_accepted (q), "六十|60");
  /* 0.30000000000000004 shows as 0.3 */
  g_assert_cmpfloat (xf_question_get_score (q), ==, 0.3);
}

/* Builds a ZIP archive in memory from name/contents pairs. */
static GBytes *
build_zip (const char * const *entries,
           gboolean            compress)
{
  zip_error_t error;
  zip_source_t *source;
  zip_t *zip;
  zip_int64_t size;
  char *data;

  zip_error_init (&error);
  source = zip_source_buffer_create (NULL, 0, 0, &error);
  g_assert_nonnull (source);
  zip_source_keep (source);
  zip = zip_open_from_source (source, ZIP_TRUNCATE, &error);
  g_assert_nonnull (zip);
  for (guint i = 0; entries[i] != NULL; i += 2)
    {
      zip_source_t *file = zip_source_buffer (zip, entries[i + 1], strlen (entries[i + 1]), 0);
      zip_int64_t index = zip_file_add (zip, entries[i], file, ZIP_FL_ENC_UTF_8);

      g_assert_cmpint (index, >=, 0);
      if (!compress)
        zip_set_file_compression (zip, index, ZIP_CM_STORE, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);

  g_assert_cmpint (zip_source_open (source), ==, 0);
  zip_source_seek (source, 0, SEEK_END);
  size = zip_source_tell (source);
  zip_source_seek (source, 0, SEEK_SET);
  data = g_malloc (size);
  g_assert_cmpint (zip_source_read (source, data, size), ==, size);
  zip_source_close (source);
  zip_source_free (source);
  zip_error_fini (&error);
  return g_bytes_new_take (data, size);
}

#define RELS_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define DOC_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Relationships xmlns=\"" RELS_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" DOC_NS "/officeDocument\" Target=\"book/main.xml\"/>"
  "</Relationships>";

/* Prefixed elements, as some .NET libraries write them */
static const char workbook_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:rel=\"" DOC_NS "\">"
  "<x:sheets><x:sheet name=\"题库\" sheetId=\"7\" rel:id=\"s7\"/></x:sheets></x:workbook>";

static const char workbook_rels[] =
  "<Relationships xmlns=\"" RELS_NS "\">"
  "<Relationship Id=\"link\" Type=\"" DOC_NS "/hyperlink\" Target=\"http://example.org/\" TargetMode=\"External\"/>"
  "<Relationship Id=\"s7\" Type=\"" DOC_NS "/worksheet\" Target=\"../sheets/./q.xml\"/>"
  "</Relationships>";

static GBytes *
handmade_xlsx (const char *sheet_data)
{
  g_autofree char *sheet = g_strconcat ("\xEF\xBB\xBF<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"" MAIN_NS "\">",
                                        sheet_data, "</x:worksheet>", NULL);
  const char *entries[] = {
    "[Content_Types].xml", "<Types/>",
    "_rels/.rels", package_rels,
    "book/main.xml", workbook_xml,
    "book/_rels/main.xml.rels", workbook_rels,
    "sheets/q.xml", sheet,
    NULL,
  };

  return build_zip (entries, TRUE);
}

/* A minimal workbook made by hand: inline strings, no shared strings,
 * parts where Excel does not put them, cells without references */
static void
test_xlsx_handmade (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestion *q;

  bytes = handmade_xlsx ("<x:sheetData>"
                         "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>题干</x:t></x:is></x:c>"
                         "<x:c t=\"inlineStr\"><x:is><x:t>答案</x:t></x:is></x:c>"
                         "<x:c r=\"D2\" t=\"inlineStr\"><x:is><x:t>难度</x:t></x:is></x:c></x:row>"
                         "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t xml:space=\"preserve\">行政处罚</x:t></x:r>"
                         "<x:r><x:t>由具有_x000D_\n行政处罚权的行政机关在法定职权范围内实施。</x:t></x:r>"
                         "<x:rPh sb=\"0\" eb=\"1\"><x:t>ぎょうせい</x:t></x:rPh></x:is></x:c>"
                         "<x:c t=\"b\"><x:v>1</x:v></x:c><x:c r=\"D3\"><x:v>2.0</x:v></x:c></x:row>"
                         "<x:row r=\"5\"><x:c r=\"A5\" t=\"str\"><x:f>A1</x:f><x:v>公式算出的题干</x:v></x:c>"
                         "<x:c r=\"B5\" t=\"inlineStr\"><x:is><x:t>_x005F_x0041_</x:t></x:is></x:c></x:row>"
                         "</x:sheetData>");
  parse = xf_question_parse_bytes (bytes, "handmade.xlsx", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, 2);
  q = question_at (parse, 0);
  g_assert_cmpuint (xf_question_get_line (q), ==, 3);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_TRUE_FALSE);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "行政处罚由具有\n行政处罚权的行政机关在法定职权范围内实施。");
  g_assert_cmpstr (xf_question_get_answer (q), ==, "T");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 2);
  q = question_at (parse, 1);
  g_assert_cmpuint (xf_question_get_line (q), ==, 5);
  g_assert_cmpint (xf_question_get_question_type (q), ==, XF_QUESTION_FILL);
  g_assert_cmpstr (xf_question_get_stem (q), ==, "公式算出的题干");
  assert_strv (xf_question_get_accepted (q), "_x0041_");
}

static void
assert_one_problem (GBytes     *bytes,
                    const char *words)
{
  g_autoptr(XfQuestionParse) parse = xf_question_parse_bytes (bytes, "bad.xlsx", XF_QUESTION_FORMAT_XLSX);

  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  g_assert_cmpuint (problem_at (parse->problems, 0)->line, ==, 0);
  if (words != NULL && strstr (problem_at (parse->problems, 0)->reason, words) == NULL)
    g_error ("“%s” does not say “%s”", problem_at (parse->problems, 0)->reason, words);
}

static const char *
find_bytes (const char *data,
            gsize       len,
            const char *wanted)
{
  gsize n = strlen (wanted);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, wanted, n) == 0)
      return data + i;
  return NULL;
}

static void
test_xlsx_corrupt (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions",
                                                 "table-chinese-libreoffice.xlsx", NULL);
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("题干,答案\n甲,乙\n", strlen ("题干,答案\n甲,乙\n"));
  g_autoptr(GBytes) ole = g_bytes_new_static ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  g_autoptr(GBytes) good = read_back (path);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) no_workbook = NULL;
  g_autoptr(GBytes) no_sheet = NULL;
  g_autoptr(GBytes) broken_xml = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  const char *name = "xl/worksheets/sheet1.xml";
  const char *entries[] = { "hello.txt", "不是工作簿", NULL };
  char *copy;
  const char *data;
  const char *at;
  gsize len;

  parse = parse_data_file ("corrupt.xlsx", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  assert_one_problem (text, "ZIP");
  assert_one_problem (ole, ".xls");

  /* The sheet's compressed bytes are damaged: the archive opens, the sheet
   * does not inflate or fails its checksum */
  data = g_bytes_get_data (good, &len);
  at = find_bytes (data, len, name);
  g_assert_nonnull (at);
  copy = g_memdup2 (data, len);
  for (gsize i = (at - data) + strlen (name) + 200; i < (gsize)(at - data) + strlen (name) + 260; i++)
    copy[i] ^= 0x5A;
  damaged = g_bytes_new_take (copy, len);
  assert_one_problem (damaged, "sheet1.xml");

  no_workbook = build_zip (entries, TRUE);
  assert_one_problem (no_workbook, NULL);

  {
    const char *rels_only[] = { "_rels/.rels", package_rels, "book/main.xml", workbook_xml, NULL };

    no_sheet = build_zip (rels_only, TRUE);
    assert_one_problem (no_sheet, NULL);
  }

  /* Rows are read, then the XML breaks off: no question is kept */
  broken_xml = handmade_xlsx ("<x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>题干</x:t></x:is></x:c></x:row>"
                              "<x:row><x:c t=\"inlineStr\"><x:is><x:t>甲</x:t></x:is></x:c></x:row>"
                              "<x:row><x:c t=\"inlineStr\"><x:is><x:t>乙</x:t></x:is></x:c></x:row>"
                              "<x:row><x:c t=\"inlineStr\"><x:is><x:t>丙</x:x:t></x:is></x:c></x:row>");
  assert_one_problem (broken_xml, "q.xml");
}

static void
test_xlsx_limits (void)
{
  g_autoptr(GBytes) rows = NULL;
  g_autoptr(GBytes) columns = NULL;
  g_autoptr(GBytes) long_cell = NULL;
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *text = g_strnfill (XF_QUESTION_TABLE_MAX_CELL_CHARS + 1, 'x');
  g_autofree char *sheet = NULL;
  XfQuestion *q;

  rows = handmade_xlsx ("<x:sheetData><x:row r=\"1048577\"><x:c t=\"inlineStr\"><x:is><x:t>题干</x:t></x:is></x:c></x:row></x:sheetData>");
  assert_one_problem (rows, NULL);
  columns = handmade_xlsx ("<x:sheetData><x:row><x:c r=\"XFE1\" t=\"inlineStr\"><x:is><x:t>题干</x:t></x:is></x:c></x:row></x:sheetData>");
  assert_one_problem (columns, NULL);

  /* A cell longer than Excel allows, and a shared string that is not
   * there, are problems of their rows */
  sheet = g_strconcat ("<x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>题干</x:t></x:is></x:c>"
                       "<x:c t=\"inlineStr\"><x:is><x:t>答案</x:t></x:is></x:c></x:row>"
                       "<x:row><x:c t=\"inlineStr\"><x:is><x:t>", text, "</x:t></x:is></x:c></x:row>"
                       "<x:row><x:c t=\"s\"><x:v>3</x:v></x:c></x:row>"
                       "<x:row><x:c t=\"inlineStr\"><x:is><x:t>好题</x:t></x:is></x:c>"
                       "<x:c t=\"inlineStr\"><x:is><x:t>好</x:t></x:is></x:c></x:row></x:sheetData>", NULL);
  long_cell = handmade_xlsx (sheet);
  parse = xf_question_parse_bytes (long_cell, "long.xlsx", XF_QUESTION_FORMAT_XLSX);
  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpuint (xf_question_get_line (question_at (parse, 0)), ==, 4);
  g_assert_cmpuint (parse->problems->len, ==, 2);
  g_assert_cmpuint (problem_at (parse->problems, 0)->line, ==, 2);
  g_assert_nonnull (strstr (problem_at (parse->problems, 0)->reason, "32767"));
  g_assert_cmpuint (problem_at (parse->problems, 1)->line, ==, 3);

  /* Writing such a text fails, and says which question */
  q = xf_question_new (XF_QUESTION_ESSAY);
  xf_question_set_stem (q, "短题");
  g_ptr_array_add (questions, q);
  q = xf_question_new (XF_QUESTION_ESSAY);
  xf_question_set_stem (q, text);
  g_ptr_array_add (questions, q);
  written = xf_question_format_export (XF_QUESTION_FORMAT_XLSX, questions, NULL, NULL, &error);
  g_assert_null (written);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "2"));
}

/* Sets the unpacked size that the local header and the central directory
 * of an archive give for @name. */
static GBytes *
claim_size (GBytes     *zip,
            const char *name,
            guint32     size)
{
  gsize len;
  const guchar *data = g_bytes_get_data (zip, &len);
  guchar *copy = g_memdup2 (data, len);
  guint patched = 0;

  for (gsize i = 0; i + 46 < len; i++)
    {
      guint32 signature = copy[i] | copy[i + 1] << 8 | copy[i + 2] << 16 | (guint32)copy[i + 3] << 24;
      gsize name_offset = signature == 0x04034b50 ? 30 : signature == 0x02014b50 ? 46 : 0;
      gsize size_offset = signature == 0x04034b50 ? 22 : 24;

      if (name_offset == 0 || i + name_offset + strlen (name) > len ||
          memcmp (copy + i + name_offset, name, strlen (name)) != 0)
        continue;
      for (guint b = 0; b < 4; b++)
        copy[i + size_offset + b] = (size >> (8 * b)) & 0xFF;
      patched++;
    }
  g_assert_cmpuint (patched, ==, 2);
  return g_bytes_new_take (copy, len);
}

static void
assert_too_large (GBytes  *bytes,
                  guint64  cap)
{
  g_autoptr(XfQuestionParse) parse = xf_question_parse_new ("bomb.xlsx");
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *size = g_format_size_full (cap, G_FORMAT_SIZE_IEC_UNITS);

  xf_question_read_xlsx_capped (parse, data, len, cap);
  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  if (strstr (problem_at (parse->problems, 0)->reason, size) == NULL)
    g_error ("“%s” does not say “%s”", problem_at (parse->problems, 0)->reason, size);
}

/* Archives whose sheet unpacks to more than the cap are refused, whether
 * their headers say so or lie about it */
static void
test_xlsx_zip_bomb (void)
{
  gsize size = 2 * 1024 * 1024;
  g_autofree char *sheet = g_malloc (size + 1);
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GBytes) honest = NULL;
  g_autoptr(GBytes) liar = NULL;
  const char *open = "<worksheet><sheetData>";
  const char *entries[] = {
    "_rels/.rels", package_rels,
    "book/main.xml", workbook_xml,
    "book/_rels/main.xml.rels", workbook_rels,
    "sheets/q.xml", sheet,
    NULL,
  };
  gsize filled;

  memcpy (sheet, open, strlen (open));
  for (filled = strlen (open); filled + 4 <= size; filled += 4)
    memcpy (sheet + filled, "<f/>", 4);
  sheet[filled] = '\0';
  bomb = build_zip (entries, TRUE);
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 64 * 1024);

  /* Told by the header */
  assert_too_large (bomb, 1024 * 1024);
  /* Found while unpacking */
  liar = claim_size (bomb, "sheets/q.xml", 1000);
  assert_too_large (liar, 1024 * 1024);
  /* The cap every workbook has */
  honest = claim_size (bomb, "sheets/q.xml", 300u * 1024 * 1024);
  assert_too_large (honest, 256 * 1024 * 1024);

  /* Under the cap, the same sheet is read: it has no rows */
  {
    g_autoptr(XfQuestionParse) parse = xf_question_parse_bytes (bomb, "bomb.xlsx", XF_QUESTION_FORMAT_XLSX);

    g_assert_cmpuint (parse->problems->len, ==, 1);
    g_assert_null (strstr (problem_at (parse->problems, 0)->reason, "MiB"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-table/csv/chinese", test_csv_chinese);
  g_test_add_func ("/question-table/csv/gb18030", test_csv_gb18030);
  g_test_add_func ("/question-table/csv/english", test_csv_english);
  g_test_add_func ("/question-table/csv/tab", test_csv_tab);
  g_test_add_func ("/question-table/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/question-table/csv/quotes", test_csv_quotes);
  g_test_add_func ("/question-table/csv/header", test_csv_header);
  g_test_add_func ("/question-table/csv/cells", test_csv_cells);
  g_test_add_func ("/question-table/csv/many", test_csv_many);
  g_test_add_func ("/question-table/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/question-table/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/question-table/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/question-table/xlsx/libxlsxwriter", test_xlsx_libxlsxwriter);
  g_test_add_func ("/question-table/xlsx/handmade", test_xlsx_handmade);
  g_test_add_func ("/question-table/xlsx/corrupt", test_xlsx_corrupt);
  g_test_add_func ("/question-table/xlsx/limits", test_xlsx_limits);
  g_test_add_func ("/question-table/xlsx/zip-bomb", test_xlsx_zip_bomb);

  return g_test_run ();
}
