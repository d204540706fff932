/* test-question-gift.c
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

  return xf_question_parse_bytes (bytes, "test.gift", XF_QUESTION_FORMAT_GIFT);
}

static XfQuestionParse *
parse_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

static XfQuestion *
question_at (XfQuestionParse *parse,
             guint            i)
{
  g_assert_cmpuint (i, <, parse->questions->len);
  return g_ptr_array_index (parse->questions, i);
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
  if (question != NULL)
    g_assert_cmpstr (problem->question, ==, question);
  g_assert_cmpstr (problem->reason, ==, reason);
}

static void
assert_strv (const char * const *strv,
             const char         *joined)
{
  g_autofree char *text = g_strjoinv ("|", (char **)strv);

  g_assert_cmpstr (text, ==, joined);
}

static void
assert_question (XfQuestion     *question,
                 guint           line,
                 XfQuestionType  type,
                 const char     *title,
                 const char     *stem,
                 const char     *options,
                 const char     *answer,
                 const char     *accepted)
{
  g_assert_cmpuint (xf_question_get_line (question), ==, line);
  g_assert_cmpstr (xf_question_type_to_string (xf_question_get_question_type (question)), ==,
                   xf_question_type_to_string (type));
  g_assert_cmpstr (xf_question_get_title (question), ==, title);
  g_assert_cmpstr (xf_question_get_stem (question), ==, stem);
  assert_strv (xf_question_get_options (question), options);
  g_assert_cmpstr (xf_question_get_answer (question), ==, answer);
  assert_strv (xf_question_get_accepted (question), accepted);
}

/* Writes questions as GIFT and reads them back. */
static XfQuestionParse *
round_trip (GPtrArray *questions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = xf_question_format_export (XF_QUESTION_FORMAT_GIFT, questions, "题库",
                                                       NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return xf_question_parse_bytes (bytes, "round-trip.gift", XF_QUESTION_FORMAT_GIFT);
}

static void
test_chinese_file (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data ("xingzheng-chufa.gift");
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 13);

  q = question_at (parse, 0);
  assert_question (q, 7, XF_QUESTION_SINGLE, "限制人身自由的设定",
                   "根据《行政处罚法》，限制人身自由的行政处罚只能由下列哪一项设定？",
                   "法律|行政法规|地方性法规|部门规章", "A", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==,
                   "《行政处罚法》第十条第二款：限制人身自由的行政处罚，只能由法律设定。");
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚");
  g_assert_cmpstr (xf_question_get_uuid (q), ==, "7d0f6c2e-3b1a-4c5d-9e8f-0a1b2c3d4e5f");
  assert_strv (xf_question_get_tags (q), "行政处罚法|设定权");
  g_assert_cmpuint (xf_question_get_difficulty (q), ==, 3);

  q = question_at (parse, 1);
  assert_question (q, 17, XF_QUESTION_MULTIPLE, "听证范围",
                   "行政机关拟作出下列哪些行政处罚决定时，应当告知当事人有要求听证的权利？",
                   "较大数额罚款|吊销许可证件|责令停产停业|警告", "ABC", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==, "见第六十三条。");
  g_assert_cmpstr (xf_question_get_uuid (q), ==, "");
  assert_strv (xf_question_get_tags (q), "听证");

  assert_question (question_at (parse, 2), 25, XF_QUESTION_TRUE_FALSE, "一事不再罚",
                   "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。", "", "T", "");
  q = question_at (parse, 3);
  assert_question (q, 27, XF_QUESTION_TRUE_FALSE, "追责时效",
                   "违法行为在三年内未被发现的，不再给予行政处罚。", "", "F", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==,
                   "第三十六条：违法行为在二年内未被发现的，不再给予行政处罚。");
  assert_question (question_at (parse, 4), 29, XF_QUESTION_TRUE_FALSE, "未成年人",
                   "不满十四周岁的未成年人有违法行为的，不予行政处罚。", "", "T", "");
  assert_question (question_at (parse, 5), 31, XF_QUESTION_TRUE_FALSE, "举证",
                   "违法事实不清、证据不足的，行政机关可以先行作出行政处罚决定。", "", "F", "");
  assert_question (question_at (parse, 6), 34, XF_QUESTION_FILL, "当场处罚",
                   "违法事实确凿并有法定依据，对公民处以（  ）以下罚款的，可以当场作出行政处罚决定。",
                   "", "", "二百元|200元");

  q = question_at (parse, 7);
  assert_question (q, 37, XF_QUESTION_ESSAY, "处罚种类",
                   "请列举《行政处罚法》第九条规定的行政处罚种类。", "", "", "");
  g_assert_true (g_str_has_prefix (xf_question_get_explanation (q), "警告、通报批评；"));

  assert_question (question_at (parse, 8), 41, XF_QUESTION_MULTIPLE, "综合执法",
                   "国家在下列哪些领域推行建立综合行政执法制度，相对集中行政处罚权？",
                   "城市管理|市场监管|国防外交", "AB", "");

  /* Escapes in the title, the stem and the answers */
  q = question_at (parse, 9);
  assert_question (q, 50, XF_QUESTION_SINGLE, "转义:听证期限",
                   "当事人要求听证的，应当在行政机关告知后几日内提出？{期限}",
                   "五日 # 第六十四条|七日|十日=法定|路径 C:\\听证", "A", "");
  g_assert_cmpstr (xf_question_get_category (q), ==, "行政法/行政处罚/听证程序");
  assert_question (question_at (parse, 10), 57, XF_QUESTION_TRUE_FALSE, "笔录",
                   "听证应当制作笔录。\n笔录应当交当事人或者其代理人核对无误后签字或者盖章。", "", "T", "");

  /* [html]: tags gone, entities decoded */
  assert_question (question_at (parse, 11), 59, XF_QUESTION_TRUE_FALSE, "",
                   "听证由行政机关指定的非本案调查人员主持——当事人认为主持人与本案有直接利害关系的，有权申请回避。",
                   "", "T", "");

  q = question_at (parse, 12);
  assert_question (q, 80, XF_QUESTION_TRUE_FALSE, "罚缴分离",
                   "作出罚款决定的行政机关应当与收缴罚款的机构分离。", "", "T", "");
  g_assert_cmpstr (xf_question_get_category (q), ==, "");

  g_assert_cmpuint (parse->problems->len, ==, 4);
  assert_problem (parse->problems, 0, 62, "听证通知", "Unsupported question type: numerical");
  assert_problem (parse->problems, 1, 65, "听证配对", "Unsupported question type: matching");
  assert_problem (parse->problems, 2, 71, "残缺题", "Unmatched brace: the answers must stand between { and }");
  assert_problem (parse->problems, 3, 76, "无答案", "No answer is marked right");

  g_assert_cmpuint (parse->notices->len, ==, 2);
  assert_problem (parse->notices, 0, 27, "追责时效", "Feedback on single answers was left out");
  assert_problem (parse->notices, 1, 41, "综合执法",
                  "Several answers are marked right; read as a multiple-choice question");
}

static void
test_moodle_examples (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data ("moodle-gift-examples.gift");
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 18);
  assert_question (question_at (parse, 0), 6, XF_QUESTION_SINGLE, "", "Who's buried in Grant's tomb?",
                   "Grant|Jefferson|no one", "C", "");
  /* Missing word: the blank stands where the answers were */
  assert_question (question_at (parse, 1), 8, XF_QUESTION_SINGLE, "",
                   "Grant is （  ） in Grant's tomb.", "buried|entombed|living", "B", "");
  assert_question (question_at (parse, 2), 10, XF_QUESTION_SINGLE, "",
                   "The American holiday of Thanksgiving is celebrated on the （  ） Thursday of November.",
                   "second|third|fourth", "C", "");
  assert_question (question_at (parse, 3), 16, XF_QUESTION_SINGLE, "",
                   "Japanese characters originally came from what country?",
                   "India|China|Korea|Egypt", "B", "");
  assert_question (question_at (parse, 4), 24, XF_QUESTION_FILL, "", "Who's buried in Grant's tomb?",
                   "", "", "no one|nobody");
  assert_question (question_at (parse, 5), 26, XF_QUESTION_FILL, "", "Two plus two equals （  ）.",
                   "", "", "four|4");
  assert_question (question_at (parse, 6), 30, XF_QUESTION_TRUE_FALSE, "", "Grant is buried in Grant's tomb.",
                   "", "F", "");
  assert_question (question_at (parse, 7), 32, XF_QUESTION_TRUE_FALSE, "", "The sun rises in the east.",
                   "", "T", "");
  assert_question (question_at (parse, 8), 53, XF_QUESTION_FILL, "Kanji Origins",
                   "Japanese characters originally\ncame from what country?", "", "", "China");
  assert_question (question_at (parse, 9), 58, XF_QUESTION_SINGLE, "",
                   "What's the answer to this multiple-choice question?",
                   "wrong answer|another wrong answer|right answer", "C", "");
  /* [markdown] is kept as written */
  assert_question (question_at (parse, 10), 64, XF_QUESTION_FILL, "",
                   "Who's buried in **Grant's tomb**?", "", "", "no one|nobody");
  assert_question (question_at (parse, 11), 69, XF_QUESTION_TRUE_FALSE, "",
                   "Grant is buried in Grant's tomb.", "", "F", "");
  /* Partial credit is not a right answer */
  assert_question (question_at (parse, 12), 71, XF_QUESTION_SINGLE, "Jesus' hometown",
                   "Jesus Christ was from （  ）.", "Jerusalem|Bethlehem|Galilee|Nazareth", "D", "");
  assert_question (question_at (parse, 13), 77, XF_QUESTION_FILL, "Jesus' hometown",
                   "Jesus Christ was from", "", "", "Nazareth");
  assert_question (question_at (parse, 14), 84, XF_QUESTION_MULTIPLE, "",
                   "What two people are entombed in Grant's tomb?",
                   "No one|Grant|Grant's wife|Grant's father", "BC", "");
  assert_question (question_at (parse, 15), 91, XF_QUESTION_SINGLE, "GIFT Control Characters",
                   "Which of the following is NOT a control character for the GIFT import format?",
                   "~|=|#|{|}|\\", "F", "");
  q = question_at (parse, 16);
  assert_question (q, 105, XF_QUESTION_SINGLE, "", "How many lanes in a freeway?", "2|1", "A", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==, "Depends on the state.");
  assert_question (question_at (parse, 17), 111, XF_QUESTION_ESSAY, "",
                   "Write a short biography of Dag Hammarskjöld.", "", "", "");

  g_assert_cmpuint (parse->problems->len, ==, 3);
  assert_problem (parse->problems, 0, 36, NULL, "Unsupported question type: matching");
  assert_problem (parse->problems, 1, 45, NULL, "Unsupported question type: numerical");
  assert_problem (parse->problems, 2, 47, NULL, "Unsupported question type: numerical");

  g_assert_cmpuint (parse->notices->len, ==, 8);
  assert_problem (parse->notices, 3, 71, "Jesus' hometown",
                  "Answers worth partial credit were left out; only fully right answers count");
  assert_problem (parse->notices, 4, 71, "Jesus' hometown", "Feedback on single answers was left out");
}

static void
test_categories (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text (
    "Q0{T}\n"
    "\n"
    "$CATEGORY: $system$/top/宪法/ 基本权利 \n"
    "\n"
    "Q1{T}\n"
    "\n"
    "$CATEGORY:   行政法//行政许可/\n"
    "Q2{T}\n"
    "\n"
    "// [id:not-a-uuid] [tag:a\\]b] [tag:  ] [tag:c]\n"
    "$CATEGORY: $course$/top\n"
    "Q3{T}\n"
    "\n"
    "$CATEGORY: $module$/top/top/x\\:y\n"
    "\n"
    "Q4{T}\n");

  g_assert_cmpuint (parse->questions->len, ==, 5);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpstr (xf_question_get_category (question_at (parse, 0)), ==, "");
  g_assert_cmpstr (xf_question_get_category (question_at (parse, 1)), ==, "宪法/基本权利");
  /* A question right under its $CATEGORY line is read too */
  g_assert_cmpstr (xf_question_get_category (question_at (parse, 2)), ==, "行政法/行政许可");
  g_assert_cmpuint (xf_question_get_line (question_at (parse, 2)), ==, 8);
  g_assert_cmpstr (xf_question_get_category (question_at (parse, 3)), ==, "");
  g_assert_cmpstr (xf_question_get_uuid (question_at (parse, 3)), ==, "");
  assert_strv (xf_question_get_tags (question_at (parse, 3)), "a]b|c");
  g_assert_cmpstr (xf_question_get_category (question_at (parse, 4)), ==, "top/x:y");
}

static void
test_tag_limit (void)
{
  g_autoptr(GString) text = g_string_new ("//");
  g_autoptr(XfQuestionParse) parse = NULL;
  const char * const *tags;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, " [tag:标签%u]", i);
  g_string_append (text, " [tag:没有闭合\n题干{T}\n");
  parse = parse_text (text->str);

  g_assert_cmpuint (parse->questions->len, ==, 1);
  tags = xf_question_get_tags (question_at (parse, 0));
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 100);
  g_assert_cmpstr (tags[99], ==, "标签99");
  g_assert_cmpuint (parse->notices->len, ==, 1);
  assert_problem (parse->notices, 0, 2, "题干", "Only the first 100 tags were kept");
}

static void
test_answers (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text (
    "一个满分答案{~%100%甲 ~乙}\n"
    "\n"
    "一个得分答案{~%50%甲 ~乙 ~%-50%丙}\n"
    "\n"
    "分数带小数{~%33.3%甲 ~%33.3%乙 ~%33.4%丙 ~%0%丁}\n"
    "\n"
    "不是分数{=%abc%甲 ~%50乙}\n"
    "\n"
    "不区分大小写吗{true}\n"
    "\n"
    "直接写答案{对}\n"
    "\n"
    "空答案被略过{=甲 ~ ~乙}\n"
    "\n"
    "判断题带解析{T#错#对####解析}\n");
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 8);
  assert_question (question_at (parse, 0), 1, XF_QUESTION_SINGLE, "", "一个满分答案", "甲|乙", "A", "");
  assert_question (question_at (parse, 1), 3, XF_QUESTION_SINGLE, "", "一个得分答案", "甲|乙|丙", "A", "");
  assert_question (question_at (parse, 2), 5, XF_QUESTION_MULTIPLE, "", "分数带小数", "甲|乙|丙|丁", "ABC", "");
  /* Moodle reads an = answer's %…% as text, and a broken weight as text */
  assert_question (question_at (parse, 3), 7, XF_QUESTION_SINGLE, "", "不是分数", "%abc%甲|%50乙", "A", "");
  /* Moodle's true/false words are capitals: anything else is a short answer */
  assert_question (question_at (parse, 4), 9, XF_QUESTION_FILL, "", "不区分大小写吗", "", "", "true");
  assert_question (question_at (parse, 5), 11, XF_QUESTION_FILL, "", "直接写答案", "", "", "对");
  assert_question (question_at (parse, 6), 13, XF_QUESTION_SINGLE, "", "空答案被略过", "甲|乙", "A", "");
  q = question_at (parse, 7);
  assert_question (q, 15, XF_QUESTION_TRUE_FALSE, "", "判断题带解析", "", "T", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==, "解析");
  g_assert_cmpuint (parse->notices->len, ==, 1);
  assert_problem (parse->notices, 0, 15, "判断题带解析", "Feedback on single answers was left out");
}

static void
test_html (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text (
    "::HTML::[html]<p>第一段&amp;<br/>第二行</p>\n"
    "<p>&lt;第三段&gt; &#x4E2D;&#25991; &bogus; &#0; a&nbsp;b&#13;c</p><!-- 注释 -->{\n"
    "  =<b>对</b>\n"
    "  ~[plain]<b>错</b>\n"
    "  ####[html]<i>解析</i>  很   短\n"
    "}\n");
  XfQuestion *q;

  g_assert_cmpuint (parse->questions->len, ==, 1);
  q = question_at (parse, 0);
  assert_question (q, 1, XF_QUESTION_SINGLE, "HTML",
                   "第一段&\n第二行\n\n<第三段> 中文 &bogus; &#0; a b\nc",
                   "对|<b>错</b>", "A", "");
  g_assert_cmpstr (xf_question_get_explanation (q), ==, "解析 很 短");
}

static void
test_problems (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text (
    "// 开头的注释\r\n"
    "::没闭合::题干{=甲 ~乙\r\n"
    "\r\n"
    "::没开始::题干=甲 ~乙}\r\n"
    "\r\n"
    "只有一段说明文字\r\n"
    "\r\n"
    "// 题前注释\r\n"
    "::太少::题干{~甲}\r\n"
    "\r\n"
    "::都不对::题干{~甲 ~乙}\r\n"
    "\r\n"
    "::分数不够::题干{=%50%甲 =%0%乙}\r\n"
    "\r\n"
    "::数值::题干{#\r\n"
    "=1822:0}\r\n"
    "\r\n"
    "::好题::题干{T}\r\n");

  g_assert_cmpuint (parse->questions->len, ==, 1);
  assert_question (question_at (parse, 0), 18, XF_QUESTION_TRUE_FALSE, "好题", "题干", "", "T", "");

  g_assert_cmpuint (parse->problems->len, ==, 7);
  assert_problem (parse->problems, 0, 2, "没闭合", "Unmatched brace: the answers must stand between { and }");
  assert_problem (parse->problems, 1, 4, "没开始", "Unmatched brace: the answers must stand between { and }");
  assert_problem (parse->problems, 2, 6, "只有一段说明文字",
                  "Unsupported question type: description (text without answers in braces)");
  assert_problem (parse->problems, 3, 9, "太少", "A multiple-choice question needs at least two answers");
  assert_problem (parse->problems, 4, 11, "都不对", "No answer is marked right");
  assert_problem (parse->problems, 5, 13, "分数不够", "No answer is marked right");
  assert_problem (parse->problems, 6, 15, "数值", "Unsupported question type: numerical");
}

static void
test_trailing_text (void)
{
  /* Text after the closing brace is the rest of a missing-word stem, as in
   * Moodle; a second pair of braces in it is text. */
  g_autoptr(XfQuestionParse) parse = parse_text (
    "行政处罚法于2021年修订{T}。\n"
    "\n"
    "::标题没闭合:甲{=乙} 之后{=丙}\n");

  g_assert_cmpuint (parse->questions->len, ==, 2);
  assert_question (question_at (parse, 0), 1, XF_QUESTION_TRUE_FALSE, "",
                   "行政处罚法于2021年修订（  ）。", "", "T", "");
  assert_question (question_at (parse, 1), 3, XF_QUESTION_FILL, "",
                   "标题没闭合:甲 之后{=丙}", "", "", "乙");
}

static XfQuestion *
make_question (XfQuestionType  type,
               const char     *title,
               const char     *stem)
{
  XfQuestion *question = xf_question_new (type);

  xf_question_set_title (question, title);
  xf_question_set_stem (question, stem);
  return question;
}

/* What GIFT cannot hold goes back to its default. */
static XfQuestion *
expected_after_gift (XfQuestion *question)
{
  XfQuestion *copy = xf_question_copy (question);

  xf_question_set_difficulty (copy, 3);
  xf_question_set_score (copy, 1.0);
  xf_question_set_source (copy, "");
  xf_question_clear_links (copy);
  if (xf_question_get_question_type (copy) == XF_QUESTION_ESSAY)
    xf_question_set_answer (copy, "");
  return copy;
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XfQuestionParse) parse = NULL;
  XfQuestion *q;

  q = make_question (XF_QUESTION_SINGLE, "设定权", "限制人身自由的行政处罚，只能由（  ）设定。");
  xf_question_add_option (q, "法律");
  xf_question_add_option (q, "行政法规");
  xf_question_add_option (q, "%5的地方性法规");
  xf_question_set_answer (q, "A");
  xf_question_set_explanation (q, "第十条第二款。\n限制人身自由的行政处罚，只能由法律设定。");
  xf_question_set_category (q, "行政法/行政处罚");
  xf_question_add_tag (q, "设定权");
  xf_question_add_tag (q, "带]括号的标签");
  xf_question_add_tag (q, "反斜杠\\");
  xf_question_set_uuid (q, "0b7c5a9e-8a51-4f0e-9d8e-6f1f2c3b4a5d");
  xf_question_set_difficulty (q, 5);
  xf_question_set_score (q, 2.5);
  xf_question_set_source (q, "2023年执法资格考试");
  xf_question_add_link (q, "中华人民共和国行政处罚法", 10, 0);
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_MULTIPLE, "", "[html]开头的题干：下列哪些属于听证范围？{~=#}");
  xf_question_add_option (q, "较大数额罚款");
  xf_question_add_option (q, "%吊销许可证件");
  xf_question_add_option (q, "警告");
  xf_question_add_option (q, "[plain]责令关闭");
  xf_question_set_answer (q, "ABD");
  xf_question_set_category (q, "行政法/行政处罚");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_TRUE_FALSE, "时效", "// 不是注释：违法行为在二年内未被发现的，不再给予行政处罚。");
  xf_question_set_answer (q, "T");
  xf_question_set_explanation (q, "[markdown] 第三十六条");
  xf_question_set_category (q, "宪法");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_TRUE_FALSE, "", "// 这一行不能被当作注释。");
  xf_question_set_answer (q, "F");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_FILL, "填空::冒号", "对公民处以（  ）以下罚款的，可以当场作出处罚决定。\\ 反斜杠");
  xf_question_add_accepted (q, "二百元");
  xf_question_add_accepted (q, "%200元");
  xf_question_add_accepted (q, "甲->乙 & <丙>");
  xf_question_add_accepted (q, "甲  ->\n\t乙");
  xf_question_add_accepted (q, "T");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_ESSAY, "简答", "请列举行政处罚的种类。");
  xf_question_set_answer (q, "警告、通报批评；罚款……");
  xf_question_set_explanation (q, "见第九条。");
  xf_question_set_category (q, "行政法/行政处罚");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_MULTIPLE, "七个对的", "$CATEGORY: 不是分类");
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *option = g_strdup_printf ("选项%u", i + 1);

      xf_question_add_option (q, option);
    }
  xf_question_set_answer (q, "ABCDEFG");
  g_ptr_array_add (questions, q);

  parse = round_trip (questions);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(XfQuestion) expected = expected_after_gift (g_ptr_array_index (questions, i));
      XfQuestion *read = question_at (parse, i);

      if (!xf_question_equal_content (expected, read))
        g_error ("question %u differs: stem “%s” answer “%s”", i, xf_question_get_stem (read),
                 xf_question_get_answer (read));
      g_assert_cmpstr (xf_question_get_uuid (read), ==, xf_question_get_uuid (expected));
    }
}

static void
test_round_trip_files (void)
{
  const char *names[] = { "xingzheng-chufa.gift", "moodle-gift-examples.gift" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(XfQuestionParse) first = parse_data (names[n]);
      g_autoptr(XfQuestionParse) second = round_trip (first->questions);

      g_assert_cmpuint (second->problems->len, ==, 0);
      g_assert_cmpuint (second->notices->len, ==, 0);
      g_assert_cmpuint (second->questions->len, ==, first->questions->len);
      for (guint i = 0; i < first->questions->len; i++)
        {
          XfQuestion *a = question_at (first, i);
          XfQuestion *b = question_at (second, i);

          g_assert_true (xf_question_equal_content (a, b));
          g_assert_cmpstr (xf_question_get_uuid (a), ==, xf_question_get_uuid (b));
        }
    }
}

static void
test_writer_layout (void)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestion *q;

  q = make_question (XF_QUESTION_SINGLE, "", "违法行为在（  ）内未被发现的，不再给予行政处罚。");
  xf_question_add_option (q, "一年");
  xf_question_add_option (q, "二年");
  xf_question_set_answer (q, "B");
  xf_question_set_category (q, "行政法");
  xf_question_add_tag (q, "时效");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_MULTIPLE, "多选", "选出对的：");
  xf_question_add_option (q, "甲");
  xf_question_add_option (q, "乙");
  xf_question_add_option (q, "丙");
  xf_question_set_answer (q, "AC");
  xf_question_set_explanation (q, "甲和丙");
  xf_question_set_category (q, "行政法");
  g_ptr_array_add (questions, q);

  q = make_question (XF_QUESTION_TRUE_FALSE, "", "判断");
  xf_question_set_answer (q, "F");
  g_ptr_array_add (questions, q);

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_GIFT, questions, "行政处罚法题库", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "// 行政处罚法题库\n"
                   "\n"
                   "$CATEGORY: $course$/top/行政法\n"
                   "\n"
                   "// [tag:时效]\n"
                   "违法行为在{\n"
                   "\t~一年\n"
                   "\t=二年\n"
                   "}内未被发现的，不再给予行政处罚。\n"
                   "\n"
                   "::多选::选出对的：{\n"
                   "\t~%50%甲\n"
                   "\t~%-100%乙\n"
                   "\t~%50%丙\n"
                   "\t####甲和丙\n"
                   "}\n"
                   "\n"
                   "$CATEGORY: $course$/top\n"
                   "\n"
                   "判断{FALSE}\n"
                   "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-gift/chinese-file", test_chinese_file);
  g_test_add_func ("/question-gift/moodle-examples", test_moodle_examples);
  g_test_add_func ("/question-gift/categories", test_categories);
  g_test_add_func ("/question-gift/tag-limit", test_tag_limit);
  g_test_add_func ("/question-gift/answers", test_answers);
  g_test_add_func ("/question-gift/html", test_html);
  g_test_add_func ("/question-gift/problems", test_problems);
  g_test_add_func ("/question-gift/trailing-text", test_trailing_text);
  g_test_add_func ("/question-gift/round-trip", test_round_trip);
  g_test_add_func ("/question-gift/round-trip-files", test_round_trip_files);
  g_test_add_func ("/question-gift/writer-layout", test_writer_layout);

  return g_test_run ();
}
