/* test-question-moodle-xml.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "xf-question-format.h"
#include "xf-question-format-moodle-xml-private.h"

static XfQuestionParse *
parse_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse;

  /* By the file's name: .xml is Moodle XML */
  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

static XfQuestionParse *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xf_question_parse_bytes (bytes, "test.xml", XF_QUESTION_FORMAT_MOODLE_XML);
}

/* A quiz of the questions given, as Moodle would hold them. */
static XfQuestionParse *
parse_questions (const char *questions)
{
  g_autofree char *text = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n",
                                       questions, "\n</quiz>\n", NULL);

  return parse_text (text);
}

static char *
joined (const char * const *strv)
{
  return g_strjoinv ("|", (char **)strv);
}

static void
check_question (XfQuestion     *question,
                guint           line,
                XfQuestionType  type,
                const char     *title,
                const char     *stem,
                const char     *options,
                const char     *answer,
                const char     *accepted,
                const char     *explanation,
                const char     *category,
                const char     *tags,
                double          score,
                const char     *uuid)
{
  g_autofree char *got_options = joined (xf_question_get_options (question));
  g_autofree char *got_accepted = joined (xf_question_get_accepted (question));
  g_autofree char *got_tags = joined (xf_question_get_tags (question));

  g_assert_cmpuint (xf_question_get_line (question), ==, line);
  g_assert_cmpint (xf_question_get_question_type (question), ==, type);
  g_assert_cmpstr (xf_question_get_title (question), ==, title);
  g_assert_cmpstr (xf_question_get_stem (question), ==, stem);
  g_assert_cmpstr (got_options, ==, options);
  g_assert_cmpstr (xf_question_get_answer (question), ==, answer);
  g_assert_cmpstr (got_accepted, ==, accepted);
  g_assert_cmpstr (xf_question_get_explanation (question), ==, explanation);
  g_assert_cmpstr (xf_question_get_category (question), ==, category);
  g_assert_cmpstr (got_tags, ==, tags);
  g_assert_cmpfloat (xf_question_get_score (question), ==, score);
  g_assert_cmpstr (xf_question_get_uuid (question), ==, uuid);
  /* Moodle XML has no place for these */
  g_assert_cmpuint (xf_question_get_difficulty (question), ==, 3);
  g_assert_cmpstr (xf_question_get_source (question), ==, "");
  g_assert_cmpuint (xf_question_get_n_links (question), ==, 0);
}

static void
check_problem (GPtrArray  *problems,
               guint       index,
               guint       line,
               const char *question,
               const char *reason)
{
  XfQuestionProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpstr (problem->question, ==, question);
  g_assert_cmpstr (problem->reason, ==, reason);
}

#define CATEGORY "Default for 依法行政培训/行政法/行政处罚"

/* A bank exported from a Moodle 4 course: nested categories, a parent
 * after its child, every type we read and some we do not. */
static void
test_export (void)
{
  g_autoptr(XfQuestionParse) parse = parse_file ("moodle-xingzheng.xml");

  g_assert_cmpuint (parse->questions->len, ==, 7);

  check_question (g_ptr_array_index (parse->questions, 0), 15, XF_QUESTION_SINGLE,
                  "行政处罚追责时效",
                  "违法行为在（   ）内未被发现的，不再给予行政处罚；法律另有规定的除外。",
                  "六个月|一年|二年|五年", "C", "",
                  "依据《行政处罚法》第三十六条第一款：违法行为在二年内未被发现的，不再给予行政处罚；"
                  "涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。",
                  CATEGORY, "行政处罚|追责时效", 2.0, "decacc9e-2dec-42f0-b791-9f96c711f39d");
  check_question (g_ptr_array_index (parse->questions, 1), 76, XF_QUESTION_MULTIPLE,
                  "行政处罚的种类",
                  "下列属于《行政处罚法》规定的行政处罚种类的有（  ）。\n[image]",
                  "警告、通报批评|没收违法所得、没收非法财物|记过|限制开展生产经营活动、责令停产停业",
                  "ABD", "",
                  "依据《行政处罚法》第九条。\n记过属于政务处分，不是行政处罚。",
                  CATEGORY, "", 2.0, "");
  check_question (g_ptr_array_index (parse->questions, 2), 131, XF_QUESTION_TRUE_FALSE,
                  "一事不再罚",
                  "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。\n"
                  "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。",
                  "", "T", "", "《行政处罚法》第二十九条。", CATEGORY, "", 1.0, "");
  /* The HTML came escaped instead of in CDATA */
  check_question (g_ptr_array_index (parse->questions, 3), 161, XF_QUESTION_FILL,
                  "当场处罚的罚款限额",
                  "违法事实确凿并有法定依据，对公民处以 　　 元以下罚款的行政处罚的，可以当场作出行政处罚决定。",
                  "", "", "二百|200",
                  "《行政处罚法》第五十一条：对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款。",
                  CATEGORY, "", 1.0, "");
  check_question (g_ptr_array_index (parse->questions, 4), 203, XF_QUESTION_ESSAY,
                  "听证告知",
                  "行政机关拟作出哪些行政处罚决定时，应当告知当事人有要求听证的权利？",
                  "",
                  "《行政处罚法》第六十三条：\n较大数额罚款；\n没收较大数额违法所得、没收较大价值非法财物；\n"
                  "降低资质等级、吊销许可证件；",
                  "", "", CATEGORY, "听证", 10.0, "");
  /* Moodle 1.9 style: no format, an <image> beside the text, answers on lines of their own */
  check_question (g_ptr_array_index (parse->questions, 5), 352, XF_QUESTION_SINGLE,
                  "复议申请期限",
                  "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起（　）日内提出行政复议申请。 [image]",
                  "十五|三十|六十|九十", "C", "", "",
                  "Default for 依法行政培训/行政法/行政复议", "", 1.0, "");
  check_question (g_ptr_array_index (parse->questions, 6), 419, XF_QUESTION_TRUE_FALSE,
                  "宪法宣誓",
                  "国家工作人员在就职时应当依照法律规定公开进行宪法宣誓，宣誓可以采取书面形式代替。",
                  "", "F", "", "宪法宣誓应当公开进行，不能以书面形式代替。",
                  "公共题库/宪法", "", 1.0, "4c63de69-4cb2-4b6c-b420-1c4327c481b6");

  g_assert_cmpuint (parse->problems->len, ==, 4);
  check_problem (parse->problems, 0, 250, "法律与施行日期", "unsupported question type: matching");
  check_problem (parse->problems, 1, 280, "行政复议申请期限", "unsupported question type: numerical");
  check_problem (parse->problems, 2, 308, "行政诉讼起诉期限", "unsupported question type: cloze");
  check_problem (parse->problems, 3, 394, "行政复议不予受理（未设答案）",
                 "No answer is marked right: every fraction is 0 or less");

  g_assert_cmpuint (parse->notices->len, ==, 6);
  check_problem (parse->notices, 0, 15, "行政处罚追责时效", "The feedback on single answers was left out");
  check_problem (parse->notices, 1, 76, "行政处罚的种类",
                 "The image “处罚种类.png” was left out; “[image]” marks where it was");
  check_problem (parse->notices, 2, 161, "当场处罚的罚款限额",
                 "The answer “两百” earns only 50% of the marks; it was left out");
  check_problem (parse->notices, 3, 161, "当场处罚的罚款限额", "The feedback on single answers was left out");
  check_problem (parse->notices, 4, 324, "第二部分说明", "A description is not a question; it was skipped");
  check_problem (parse->notices, 5, 352, "复议申请期限",
                 "The image “images/复议流程图.png” was left out; “[image]” marks where it was");
}

/* The examples of Moodle's documentation of the format. */
static void
test_documented (void)
{
  g_autoptr(XfQuestionParse) parse = parse_file ("moodle-documented.xml");

  g_assert_cmpuint (parse->questions->len, ==, 4);
  check_question (g_ptr_array_index (parse->questions, 0), 12, XF_QUESTION_SINGLE,
                  "Name of question", "What is the answer to this question?",
                  "The correct answer|A distractor|Another distractor", "A", "", "",
                  "Moodle 文档示例", "", 1.0, "");
  check_question (g_ptr_array_index (parse->questions, 1), 36, XF_QUESTION_TRUE_FALSE,
                  "True or false",
                  "Now I can include any HTML that I\nwish. Without the CDATA, the HTML tags would break the XML!!",
                  "", "T", "", "", "Moodle 文档示例", "", 1.0, "");
  check_question (g_ptr_array_index (parse->questions, 2), 57, XF_QUESTION_FILL,
                  "Short answer", "What is the answer to this question?",
                  "", "", "The correct answer|An alternative answer", "", "Moodle 文档示例", "", 1.0, "");
  check_question (g_ptr_array_index (parse->questions, 3), 96, XF_QUESTION_ESSAY,
                  "Essay", "What is the answer to this question?",
                  "", "", "", "", "Moodle 文档示例", "", 1.0, "");

  g_assert_cmpuint (parse->problems->len, ==, 3);
  check_problem (parse->problems, 0, 74, "Matching", "unsupported question type: matching");
  check_problem (parse->problems, 1, 108, "Numerical", "unsupported question type: numerical");
  check_problem (parse->problems, 2, 130, "Cloze", "unsupported question type: cloze");
  g_assert_cmpuint (parse->notices->len, ==, 4);
  check_problem (parse->notices, 0, 12, "Name of question", "The feedback on single answers was left out");
  check_problem (parse->notices, 1, 36, "True or false", "The feedback on single answers was left out");
  check_problem (parse->notices, 2, 57, "Short answer", "The feedback on single answers was left out");
  check_problem (parse->notices, 3, 121, "Description", "A description is not a question; it was skipped");
}

/* A file cut off in the middle of a question: what came before is read. */
static void
test_truncated (void)
{
  g_autoptr(XfQuestionParse) parse = parse_file ("moodle-truncated.xml");
  XfQuestionProblem *problem;

  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpstr (xf_question_get_title (g_ptr_array_index (parse->questions, 0)), ==, "行政处罚追责时效");
  g_assert_cmpstr (xf_question_get_category (g_ptr_array_index (parse->questions, 0)), ==, CATEGORY);

  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = g_ptr_array_index (parse->problems, 0);
  /* The file's 85 lines end with a newline: it ends on line 86 */
  g_assert_cmpuint (problem->line, ==, 86);
  g_assert_cmpstr (problem->question, ==, "");
  g_assert_true (g_str_has_prefix (problem->reason, "The XML is malformed at line 86, column 1: "));
  g_assert_nonnull (strstr (problem->reason, "ended unexpectedly"));
  g_assert_null (strstr (problem->reason, "Error on line"));
}

static void
test_malformed (void)
{
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(XfQuestionParse) not_quiz = NULL;
  g_autoptr(XfQuestionParse) empty = NULL;
  XfQuestionProblem *problem;

  parse = parse_questions ("<question type=\"truefalse\"><name><text>甲</text></name>\n"
                           "<questiontext><text>行政机关是被告。</text></questiontext>\n"
                           "<answer fraction=\"100\"><text>true</text></answer>\n"
                           "<answer fraction=\"0\"><text>false</text></answer></question>\n"
                           "<question type=\"truefalse\"><name><text>乙</text></name>\n"
                           "  <questiontext><text>中文</b></questiontext>\n"
                           "</question>\n");
  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpstr (xf_question_get_stem (g_ptr_array_index (parse->questions, 0)), ==, "行政机关是被告。");
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = g_ptr_array_index (parse->problems, 0);
  g_assert_cmpuint (problem->line, ==, 8);
  /* The '>' of </b>, counted in characters */
  g_assert_true (g_str_has_prefix (problem->reason, "The XML is malformed at line 8, column 28: "));
  g_assert_nonnull (strstr (problem->reason, "“b”"));

  not_quiz = parse_text ("<?xml version=\"1.0\"?>\n<html><body>甲</body></html>\n");
  g_assert_cmpuint (not_quiz->questions->len, ==, 0);
  g_assert_cmpuint (not_quiz->problems->len, ==, 1);
  check_problem (not_quiz->problems, 0, 2, "",
                 "This is not a Moodle XML file: its outermost element is <html>, not <quiz>");

  empty = parse_text ("<?xml version=\"1.0\"?>\n<quiz>\n</quiz>\n");
  g_assert_cmpuint (empty->questions->len, ==, 0);
  g_assert_cmpuint (empty->problems->len, ==, 1);
  check_problem (empty->problems, 0, 0, "", "The file holds no questions in the Moodle XML format");
}

/* What Moodle's answers and fractions say, and what makes no sense. */
static void
test_fractions (void)
{
  g_autoptr(XfQuestionParse) parse = parse_questions (
    "<question type=\"multichoice\"><name><text>部分得分</text></name>\n"            /* 3 */
    "<questiontext><text>甲</text></questiontext><single>true</single>\n"
    "<answer fraction=\"100\"><text>A</text></answer><answer fraction=\"50\"><text>B</text></answer>\n"
    "<answer fraction=\"0\"><text>C</text></answer></question>\n"
    "<question type=\"multichoice\"><name><text>一个正确</text></name>\n"           /* 7 */
    "<questiontext><text>乙</text></questiontext><single>false</single>\n"
    "<answer fraction=\"100\"><text>A</text></answer><answer fraction=\"-50\"><text>B</text></answer>\n"
    "</question>\n"
    "<question type=\"multichoice\"><name><text>分值有误</text></name>\n"           /* 11 */
    "<questiontext><text>丙</text></questiontext>\n"
    "<answer fraction=\"full\"><text>A</text></answer><answer fraction=\"0\"><text>B</text></answer>\n"
    "</question>\n"
    "<question type=\"truefalse\"><name><text>都对</text></name>\n"                 /* 15 */
    "<questiontext><text>丁</text></questiontext>\n"
    "<answer fraction=\"100\"><text>true</text></answer><answer fraction=\"100\"><text>false</text></answer>\n"
    "</question>\n"
    "<question type=\"truefalse\"><name><text>旧格式</text></name>\n"               /* 19 */
    "<questiontext><text>戊</text></questiontext>\n"
    "<answer fraction=\"0\"><text>Wahr</text></answer><answer fraction=\"100\"><text>Falsch</text></answer>\n"
    "</question>\n"
    "<question type=\"truefalse\"><name><text>中文答案</text></name>\n"              /* 23 */
    "<questiontext><text>己</text></questiontext>\n"
    "<answer fraction=\"0\"><text>正确</text></answer><answer fraction=\"100\"><text>错误</text></answer>\n"
    "</question>\n"
    "<question type=\"shortanswer\"><name><text>没有满分</text></name>\n"            /* 27 */
    "<questiontext><text>庚</text></questiontext>\n"
    "<answer fraction=\"90\"><text>答案</text></answer>\n"
    "</question>\n"
    "<question type=\"essay\"><name><text>分值不是数</text></name>\n"                /* 31 */
    "<questiontext><text>辛</text></questiontext><defaultgrade>十分</defaultgrade>\n"
    "<idnumber>Q-12</idnumber>\n"
    "</question>\n"
    "<question><name><text>无题型</text></name><questiontext><text>壬</text></questiontext></question>\n");
  XfQuestion *question;

  g_assert_cmpuint (parse->questions->len, ==, 5);
  question = g_ptr_array_index (parse->questions, 0);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_answer (question), ==, "AB");
  question = g_ptr_array_index (parse->questions, 1);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_answer (question), ==, "A");
  question = g_ptr_array_index (parse->questions, 2);
  g_assert_cmpstr (xf_question_get_title (question), ==, "旧格式");
  g_assert_cmpstr (xf_question_get_answer (question), ==, "F");
  question = g_ptr_array_index (parse->questions, 3);
  g_assert_cmpstr (xf_question_get_answer (question), ==, "F");
  question = g_ptr_array_index (parse->questions, 4);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_ESSAY);
  g_assert_cmpfloat (xf_question_get_score (question), ==, 1.0);
  g_assert_cmpstr (xf_question_get_uuid (question), ==, "");

  g_assert_cmpuint (parse->problems->len, ==, 4);
  check_problem (parse->problems, 0, 11, "分值有误", "An answer’s fraction is not a number: “full”");
  check_problem (parse->problems, 1, 15, "都对", "Both “true” and “false” are marked right");
  check_problem (parse->problems, 2, 27, "没有满分", "No answer earns full marks (a fraction of 100)");
  check_problem (parse->problems, 3, 35, "无题型", "The question has no type");

  g_assert_cmpuint (parse->notices->len, ==, 5);
  check_problem (parse->notices, 0, 3, "部分得分",
                 "Several answers earn marks in this one-answer question; it was read as multiple choice");
  check_problem (parse->notices, 1, 7, "一个正确",
                 "Only one answer is right in this multiple-response question; it was read as single choice");
  check_problem (parse->notices, 2, 19, "旧格式",
                 "The answers are not named “true” and “false”; the first was taken for true");
  check_problem (parse->notices, 3, 27, "没有满分", "The answer “答案” earns only 90% of the marks; it was left out");
  check_problem (parse->notices, 4, 31, "分值不是数", "The default grade “十分” is not a number; the score stays 1");
}

/* Texts however they come: CDATA split in two, HTML written as elements,
 * answers without <text>, categories without it, images of every kind. */
static void
test_texts (void)
{
  g_autoptr(XfQuestionParse) parse = parse_questions (
    "<question type=\"category\"><category>tom/dick/harry</category></question>\n"
    "<question type=\"essay\"><name><text>切分</text></name>\n"                     /* 4 */
    "<questiontext format=\"plain_text\"><text><![CDATA[a]]]]><![CDATA[>b <i>c</i>]]></text></questiontext>\n"
    "</question>\n"
    "<question type=\"multichoice\"><name><text>元素</text></name>\n"                 /* 7 */
    "<questiontext format=\"html\"><text><p>甲<br/>乙<img src=\"@@PLUGINFILE@@/a.png\"/></p><p>丙</p></text>\n"
    "<file name=\"a.png\" encoding=\"base64\">AAAA</file><file name=\"附件.pdf\" encoding=\"base64\">AAAA</file>\n"
    "</questiontext>\n"
    "<answer fraction=\"100\">对的</answer><answer fraction=\"0\"><text>错的</text></answer>\n"
    "<generalfeedback><text>见@@PLUGINFILE@@/%E5%9B%BE%201.png。</text></generalfeedback>\n"
    "</question>\n"
    "<question type=\"category\"><category><text>$module$/top</text></category></question>\n"
    "<question type=\"truefalse\"><name><text>旧图</text></name>\n"                   /* 15 */
    "<questiontext><text>丁</text></questiontext><image_base64>AAAA</image_base64>\n"
    "<answer fraction=\"100\"><text>true</text></answer>\n"
    "</question>\n"
    "<question type=\"shortanswer\"><name><text>戊</text></name>\n"                  /* 19 */
    "<questiontext format=\"moodle_auto_format\"><text>第一行\n第二行 &lt;b&gt;粗&lt;/b&gt;</text></questiontext>\n"
    "<answer fraction=\"100\"><text>  答案  </text></answer><answer fraction=\"100\"><text></text></answer>\n"
    "<answer fraction=\" \"><text>零分</text></answer><defaultgrade></defaultgrade>\n"
    "<tags><tag><text>甲</text></tag><tag><text> 甲 </text></tag></tags><coursetags><tag><text>乙</text></tag></coursetags>\n"
    "</question>\n");
  XfQuestion *question;

  g_assert_cmpuint (parse->questions->len, ==, 4);
  g_assert_cmpuint (parse->problems->len, ==, 0);

  question = g_ptr_array_index (parse->questions, 0);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "a]]>b <i>c</i>");
  g_assert_cmpstr (xf_question_get_category (question), ==, "tom/dick/harry");

  question = g_ptr_array_index (parse->questions, 1);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "甲\n乙[image]\n丙");
  g_assert_cmpstr (xf_question_get_option (question, 0), ==, "对的");
  g_assert_cmpstr (xf_question_get_explanation (question), ==, "见[image]。");
  g_assert_cmpstr (xf_question_get_category (question), ==, "tom/dick/harry");

  question = g_ptr_array_index (parse->questions, 2);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "丁 [image]");
  g_assert_cmpstr (xf_question_get_category (question), ==, "");

  question = g_ptr_array_index (parse->questions, 3);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "第一行\n第二行 粗");
  g_assert_cmpstr (xf_question_get_accepted (question)[0], ==, "答案");
  g_assert_null (xf_question_get_accepted (question)[1]);
  g_assert_cmpfloat (xf_question_get_score (question), ==, 1.0);
  g_assert_true (xf_question_has_tag (question, "甲"));
  g_assert_true (xf_question_has_tag (question, "乙"));
  g_assert_cmpuint (g_strv_length ((char **)xf_question_get_tags (question)), ==, 2);

  g_assert_cmpuint (parse->notices->len, ==, 4);
  check_problem (parse->notices, 0, 7, "元素", "The image “a.png” was left out; “[image]” marks where it was");
  check_problem (parse->notices, 1, 7, "元素", "The image “图 1.png” was left out; “[image]” marks where it was");
  check_problem (parse->notices, 2, 7, "元素", "The embedded file “附件.pdf” was left out");
  check_problem (parse->notices, 3, 15, "旧图", "An image was left out; “[image]” marks where it was");
}

static void
check_plain (const char         *html,
             XfMoodleTextFormat  format,
             const char         *expected,
             const char         *images)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *plain = xf_moodle_text_to_plain (html, format, names);
  g_autofree char *got_images = NULL;

  g_ptr_array_add (names, NULL);
  got_images = joined ((const char * const *)names->pdata);
  g_assert_cmpstr (plain, ==, expected);
  g_assert_cmpstr (got_images, ==, images);
}

static void
test_html (void)
{
  static const char * const ours[] = {
    "a  b", "a\n b", "a \nb", "a\tb", "a\n\n\nb", "x<y>&z;&amp;", "@@PLUGINFILE@@/a.png",
    "甲　乙", "]]>", "“引号” ‘单引号’", "a\n\n  b  c", "a &nbsp;b",
  };

  check_plain ("<p>甲</p><p>乙</p>", XF_MOODLE_TEXT_HTML, "甲\n乙", "");
  check_plain ("a<br>b<br/>c<BR />d", XF_MOODLE_TEXT_HTML, "a\nb\nc\nd", "");
  check_plain ("<div>a</div><div><br></div><div>b</div>", XF_MOODLE_TEXT_HTML, "a\n\nb", "");
  check_plain ("<ol><li>一</li><li>二</li></ol>后", XF_MOODLE_TEXT_HTML, "一\n二\n后", "");
  check_plain ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", XF_MOODLE_TEXT_HTML,
               "a b\nc", "");
  check_plain ("&lt;b&gt; &amp; &quot;x&quot; &#20013;&#x6587; &ldquo;法&rdquo; &#12288;", XF_MOODLE_TEXT_HTML,
               "<b> & \"x\" 中文 “法” 　", "");
  check_plain ("a&nbsp;&nbsp;b &unknown; &#0; &#xZZ; &#1114112; &amp", XF_MOODLE_TEXT_HTML,
               "a  b &unknown; &#0; &#xZZ; &#1114112; &amp", "");
  check_plain ("  a \n\t b  ", XF_MOODLE_TEXT_HTML, "a b", "");
  check_plain ("a\nb", XF_MOODLE_TEXT_AUTO, "a\nb", "");
  check_plain ("<b>a</b>  b", XF_MOODLE_TEXT_PLAIN, "<b>a</b>  b", "");
  check_plain ("<!-- 注释 -->a<script>var p = '<p>';</script>b<style>p { }</style>c", XF_MOODLE_TEXT_HTML,
               "abc", "");
  check_plain ("x < y, 1<2, a<b c='", XF_MOODLE_TEXT_HTML, "x < y, 1<2, a<b c='", "");
  check_plain ("<img src=\"@@PLUGINFILE@@/a%20b.png?time=1\" alt=\"x\">前<img alt=\"示意图\" src=\"data:image/png;base64,AA\">"
               "<img>后<img src='http://example.com/p/c.gif'><img src=\"@@PLUGINFILE@@/a%20b.png\">",
               XF_MOODLE_TEXT_HTML, "[image]前[image][image]后[image][image]", "a b.png|示意图||c.gif");
  check_plain ("见附件@@PLUGINFILE@@/doc.pdf。", XF_MOODLE_TEXT_PLAIN, "见附件[image]。", "doc.pdf");
  check_plain ("a\x01" "b\r\nc", XF_MOODLE_TEXT_PLAIN, "ab\nc", "");

  /* Whatever we write as HTML reads back as it was */
  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      g_autoptr(GString) html = g_string_new (NULL);
      g_autofree char *plain = NULL;

      xf_moodle_append_html (html, ours[i]);
      plain = xf_moodle_text_to_plain (html->str, XF_MOODLE_TEXT_HTML, NULL);
      g_assert_cmpstr (plain, ==, ours[i]);
    }
}

static void
test_categories (void)
{
  static const struct { const char *moodle; const char *ours; } cases[] = {
    { "$course$/top/Default for 依法行政培训/行政法/行政处罚", "Default for 依法行政培训/行政法/行政处罚" },
    { "$system$/top/公共题库", "公共题库" },
    { "$module$/top", "" },
    { "$course$", "" },
    { "top/甲/乙", "甲/乙" },
    { "tom/dick/harry", "tom/dick/harry" },
    { " $course$ / 行政法 // 行政处罚 / ", "行政法/行政处罚" },
    { "$course$/top/top", "top" },
    { "$cat$/$x$/a", "$x$/a" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = xf_moodle_category_path (cases[i].moodle);

      g_assert_cmpstr (path, ==, cases[i].ours);
    }
}

static XfQuestion *
new_question (XfQuestionType  type,
              const char     *title,
              const char     *stem,
              const char     *category)
{
  XfQuestion *question = xf_question_new (type);

  xf_question_set_title (question, title);
  xf_question_set_stem (question, stem);
  xf_question_set_category (question, category);
  return question;
}

static GPtrArray *
round_trip_questions (void)
{
  GPtrArray *questions = g_ptr_array_new_with_free_func (g_object_unref);
  XfQuestion *question;
  g_autofree char *uuid = g_uuid_string_random ();

  question = new_question (XF_QUESTION_SINGLE, "",
                           "违法行为在（  ）内未被发现的，\n不再给予行政处罚。", "行政法/行政处罚");
  for (guint i = 0; i < 4; i++)
    xf_question_add_option (question, (const char *[]) { "六个月", "一年", "二年", "五年" }[i]);
  xf_question_set_answer (question, "C");
  xf_question_set_explanation (question, "《行政处罚法》第三十六条 <b>不是标签</b> &amp;");
  xf_question_add_tag (question, "时效");
  xf_question_add_tag (question, "a]]>b");
  xf_question_set_score (question, 2.0);
  xf_question_set_uuid (question, uuid);
  /* Not expressible in Moodle XML: */
  xf_question_set_difficulty (question, 4);
  xf_question_set_source (question, "2023年学法考试");
  xf_question_add_link (question, "中华人民共和国行政处罚法", 36, 0);
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_MULTIPLE, "种类", "下列属于行政处罚的有：", "行政法/行政处罚");
  for (guint i = 0; i < 5; i++)
    xf_question_add_option (question, (const char *[]) { "警告", "记过", "罚款\t（含没收）", "降级", "行政拘留" }[i]);
  xf_question_set_answer (question, "ACE");
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_MULTIPLE, "七项", "第九条列举的处罚种类有：", "行政法/行政处罚");
  for (guint i = 0; i < 8; i++)
    xf_question_add_option (question, (const char *[]) { "一", "二", "三", "四", "五", "六", "七", "八" }[i]);
  xf_question_set_answer (question, "ABCDEFG");
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_TRUE_FALSE, "判断", "@@PLUGINFILE@@/x.png 不是图片。", "");
  xf_question_set_answer (question, "F");
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_FILL, "<当场处罚>", "对公民处以（　）元以下罚款的，可以当场处罚。", "宪法");
  xf_question_add_accepted (question, "二百");
  xf_question_add_accepted (question, "200");
  xf_question_add_accepted (question, "a & b");
  xf_question_add_accepted (question, "x]]>y");
  xf_question_set_score (question, 0.5);
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_ESSAY, "听证", "哪些处罚决定应当告知听证权利？", "宪法");
  xf_question_set_answer (question, "（一）较大数额罚款；\n  （二）没收较大数额违法所得；\n\n（三）吊销许可证件。");
  xf_question_set_score (question, 1.0 / 3.0);
  g_ptr_array_add (questions, question);

  question = new_question (XF_QUESTION_SINGLE, "",
                           "行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定；二十日内不能作出决定的，经本行政机关负责人批准，可以延长多少日？",
                           "");
  xf_question_add_option (question, "十日");
  xf_question_add_option (question, "十五日");
  xf_question_set_answer (question, "A");
  g_ptr_array_add (questions, question);

  return questions;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Writing and reading back keeps all that Moodle XML can say. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) questions = round_trip_questions ();
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autofree char *text = NULL;
  g_autofree char *idnumber = NULL;

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_MOODLE_XML, questions, "行政执法题库", notices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 0);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"));
  g_assert_true (g_str_has_suffix (text, "</quiz>\n"));
  /* A category question where the category changes, and only there */
  g_assert_cmpuint (count (text, "<question type=\"category\">"), ==, 4);
  g_assert_cmpuint (count (text, "<text>$course$/top/行政法/行政处罚</text>"), ==, 1);
  g_assert_cmpuint (count (text, "<text>$course$/top</text>"), ==, 2);
  g_assert_cmpuint (count (text, "<text>$course$/top/宪法</text>"), ==, 1);
  g_assert_cmpuint (count (text, "<question type=\"multichoice\">"), ==, 4);
  g_assert_cmpuint (count (text, "<single>false</single>"), ==, 2);
  /* A, B, C, D as Chinese papers number options: Moodle calls that "ABCD" */
  g_assert_cmpuint (count (text, "<answernumbering>ABCD</answernumbering>"), ==, 4);
  /* Fractions Moodle accepts: a share of 100 for each right option, -100 for a wrong one */
  g_assert_cmpuint (count (text, "fraction=\"33.33333\""), ==, 3);
  g_assert_cmpuint (count (text, "fraction=\"14.28571\""), ==, 7);
  g_assert_cmpuint (count (text, "fraction=\"-100\""), ==, 3);
  g_assert_cmpuint (count (text, "<defaultgrade>2.0000000</defaultgrade>"), ==, 1);
  g_assert_cmpuint (count (text, "<defaultgrade>0.5000000</defaultgrade>"), ==, 1);
  idnumber = g_strdup_printf ("<idnumber>%s</idnumber>", xf_question_get_uuid (g_ptr_array_index (questions, 0)));
  g_assert_cmpuint (count (text, idnumber), ==, 1);
  g_assert_cmpuint (count (text, "<tag><text><![CDATA[a]]]]><![CDATA[>b]]></text></tag>"), ==, 1);
  g_assert_cmpuint (count (text, "<text><![CDATA[&lt;当场处罚&gt;]]></text>"), ==, 0);
  g_assert_cmpuint (count (text, "<text><![CDATA[<当场处罚>]]></text>"), ==, 1);
  /* Questions without a title are named after their stem */
  g_assert_cmpuint (count (text, "<text>违法行为在（ ）内未被发现的， 不再给予行政处罚。</text>"), ==, 1);
  g_assert_cmpuint (count (text, "<text>行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定；二十日内不能作出决…</text>"), ==, 1);

  parse = xf_question_parse_bytes (bytes, "export.xml", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->notices->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, questions->len);
  for (guint i = 0; i < questions->len; i++)
    {
      g_autoptr(XfQuestion) expected = xf_question_copy (g_ptr_array_index (questions, i));
      XfQuestion *read = g_ptr_array_index (parse->questions, i);

      xf_question_set_difficulty (expected, 3);
      xf_question_set_source (expected, "");
      xf_question_clear_links (expected);
      g_assert_true (xf_question_equal_content (read, expected));
      g_assert_cmpstr (xf_question_get_uuid (read), ==, xf_question_get_uuid (expected));
    }
}

/* A bank read from Moodle and written again reads back the same. */
static void
test_round_trip_file (void)
{
  g_autoptr(XfQuestionParse) parse = parse_file ("moodle-xingzheng.xml");
  g_autoptr(XfQuestionParse) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = xf_question_format_export (XF_QUESTION_FORMAT_MOODLE_XML, parse->questions, NULL, NULL, &error);
  g_assert_no_error (error);
  again = xf_question_parse_bytes (bytes, "again.xml", XF_QUESTION_FORMAT_AUTO);
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->questions->len, ==, parse->questions->len);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *first = g_ptr_array_index (parse->questions, i);
      XfQuestion *second = g_ptr_array_index (again->questions, i);

      g_assert_true (xf_question_equal_content (first, second));
      g_assert_cmpstr (xf_question_get_uuid (first), ==, xf_question_get_uuid (second));
    }
}

/* In Chinese the mark an image leaves is 图片, and so are the messages. */
static void
test_translated (void)
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");
  g_autofree char *catalog = NULL;

  g_assert_nonnull (localedir);
  catalog = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Chinese catalogue is not built");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(XfQuestionParse) parse = NULL;

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
        setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      parse = parse_questions ("<question type=\"essay\"><name><text>图</text></name>\n"
                               "<questiontext><text><![CDATA[见下图：<img src=\"@@PLUGINFILE@@/a.png\">]]></text></questiontext>\n"
                               "</question>\n"
                               "<question type=\"ddwtos\"><name><text>拖放</text></name></question>");
      g_assert_cmpuint (parse->questions->len, ==, 1);
      g_assert_cmpstr (xf_question_get_stem (g_ptr_array_index (parse->questions, 0)), ==, "见下图：[图片]");
      check_problem (parse->problems, 0, 6, "拖放", "不支持的题型：ddwtos");
      check_problem (parse->notices, 0, 3, "图", "略去了图片“a.png”，原位置以“[图片]”标出");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_default_name (void)
{
  g_autofree char *short_name = xf_moodle_default_name ("  行政处罚\n的种类 ");
  g_autofree char *long_name = xf_moodle_default_name ("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
  g_autoptr(XfQuestionParse) parse = NULL;

  g_assert_cmpstr (short_name, ==, "行政处罚 的种类");
  g_assert_cmpstr (long_name, ==, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…");

  /* A name that only repeats the stem is no title */
  parse = parse_questions ("<question type=\"essay\"><name><text>行政处罚 的种类</text></name>"
                           "<questiontext><text>行政处罚<br/>的种类</text></questiontext></question>");
  g_assert_cmpuint (parse->questions->len, ==, 1);
  g_assert_cmpstr (xf_question_get_title (g_ptr_array_index (parse->questions, 0)), ==, "");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-moodle-xml/export", test_export);
  g_test_add_func ("/question-moodle-xml/documented", test_documented);
  g_test_add_func ("/question-moodle-xml/truncated", test_truncated);
  g_test_add_func ("/question-moodle-xml/malformed", test_malformed);
  g_test_add_func ("/question-moodle-xml/fractions", test_fractions);
  g_test_add_func ("/question-moodle-xml/texts", test_texts);
  g_test_add_func ("/question-moodle-xml/html", test_html);
  g_test_add_func ("/question-moodle-xml/categories", test_categories);
  g_test_add_func ("/question-moodle-xml/round-trip", test_round_trip);
  g_test_add_func ("/question-moodle-xml/round-trip-file", test_round_trip_file);
  g_test_add_func ("/question-moodle-xml/default-name", test_default_name);
  g_test_add_func ("/question-moodle-xml/translated", test_translated);

  return g_test_run ();
}
