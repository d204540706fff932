/* test-question-text.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-format.h"

/* What one question read from a paper must hold. Fill-in answers are the
 * accepted answers joined by "|". */
typedef struct
{
  guint           line;
  XfQuestionType  type;
  const char     *stem;
  const char     *options[9];
  const char     *answer;
  const char     *explanation;
  double          score;
} Expected;

typedef struct
{
  guint       line;
  const char *reason;
} ExpectedProblem;

static XfQuestionParse *
parse_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", name, NULL);
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (parse);
  return parse;
}

static XfQuestionParse *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xf_question_parse_bytes (bytes, "paper.txt", XF_QUESTION_FORMAT_TEXT);
}

static void
assert_question (XfQuestion     *question,
                 const Expected *expected)
{
  g_autofree char *answer = NULL;
  guint n = 0;

  g_assert_cmpstr (xf_question_get_stem (question), ==, expected->stem);
  g_assert_cmpuint (xf_question_get_line (question), ==, expected->line);
  g_assert_cmpstr (xf_question_type_to_string (xf_question_get_question_type (question)), ==,
                   xf_question_type_to_string (expected->type));
  while (expected->options[n] != NULL)
    n++;
  g_assert_cmpuint (xf_question_get_n_options (question), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (xf_question_get_option (question, i), ==, expected->options[i]);
  if (expected->type == XF_QUESTION_FILL)
    answer = g_strjoinv ("|", (char **)xf_question_get_accepted (question));
  else
    answer = g_strdup (xf_question_get_answer (question));
  g_assert_cmpstr (answer, ==, expected->answer);
  g_assert_cmpstr (xf_question_get_explanation (question), ==, expected->explanation);
  g_assert_cmpfloat_with_epsilon (xf_question_get_score (question), expected->score, 1e-9);
  g_assert_true (xf_question_validate (question, NULL));
}

static void
assert_parse (XfQuestionParse       *parse,
              const Expected        *expected,
              guint                  n_expected,
              const ExpectedProblem *problems,
              guint                  n_problems)
{
  for (guint i = 0; i < parse->problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      g_test_message ("problem on line %u: %s (%s)", problem->line, problem->reason, problem->question);
    }
  g_assert_cmpuint (parse->questions->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    assert_question (g_ptr_array_index (parse->questions, i), &expected[i]);
  g_assert_cmpuint (parse->problems->len, ==, n_problems);
  for (guint i = 0; i < n_problems; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      g_assert_cmpuint (problem->line, ==, problems[i].line);
      g_assert_cmpstr (problem->reason, ==, problems[i].reason);
    }
}

#define NO_ANSWER "No answer was found: none in a bracket of the question, after 答案 or in an answer key"

static const Expected l1_questions[] = {
  { 5, XF_QUESTION_SINGLE,
    "根据《中华人民共和国行政处罚法》，违法行为在（  ）内未被发现的，不再给予行政处罚，法律另有规定的除外。",
    { "一年", "二年", "三年", "五年" }, "B", "", 1 },
  { 5, XF_QUESTION_SINGLE, "行政法规可以设定除（  ）以外的行政处罚。",
    { "罚款", "吊销许可证件", "限制人身自由", "责令停产停业" }, "C", "", 1 },
  { 6, XF_QUESTION_SINGLE, "违法事实确凿并有法定依据，对公民处以（  ）以下罚款的，可以当场作出行政处罚决定。",
    { "二百元", "五百元", "一千元", "三千元" }, "A", "", 1 },
  { 8, XF_QUESTION_MULTIPLE, "根据《行政处罚法》，下列属于行政处罚种类的有（  ）。",
    { "警告、通报批评", "罚款、没收违法所得", "记大过", "行政拘留" }, "ABD", "", 2 },
  { 8, XF_QUESTION_MULTIPLE, "根据宪法，中华人民共和国公民有（  ）的自由。",
    { "言论、出版", "集会、结社", "游行、示威", "拒绝纳税" }, "ABC", "", 2 },
  { 9, XF_QUESTION_TRUE_FALSE, "国家工作人员就职时应当依照法律规定公开进行宪法宣誓。（  ）",
    { NULL }, "T", "", 1 },
  { 9, XF_QUESTION_TRUE_FALSE, "当事人对行政处罚决定不服申请行政复议的，行政处罚一律停止执行。（  ）",
    { NULL }, "F", "", 1 },
  { 9, XF_QUESTION_TRUE_FALSE, "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。（  ）",
    { NULL }, "T", "", 1 },
  { 10, XF_QUESTION_TRUE_FALSE, "中华人民共和国的一切权力属于人民。（  ）", { NULL }, "T", "", 1 },
  { 13, XF_QUESTION_SINGLE, "行政许可采取统一办理的，办理的时间不得超过（  ）日。",
    { "三十", "四十五", "六十" }, "B", "", 1.5 },
};

static const ExpectedProblem l1_problems[] = {
  { 12, NO_ANSWER },
};

/* L1: answers in the stem's bracket; options, questions and even a section
 * header run together on one line. */
static void
test_l1_run_on (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-l1-runon.txt");

  assert_parse (parse, l1_questions, G_N_ELEMENTS (l1_questions), l1_problems, G_N_ELEMENTS (l1_problems));
  g_assert_cmpuint (parse->notices->len, ==, 0);
}

/* The same paper saved by an older Chinese Windows program. */
static void
test_gb18030 (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-l1-runon-gb18030.txt");
  XfQuestionProblem *notice;

  assert_parse (parse, l1_questions, G_N_ELEMENTS (l1_questions), l1_problems, G_N_ELEMENTS (l1_problems));
  g_assert_cmpuint (parse->notices->len, ==, 1);
  notice = g_ptr_array_index (parse->notices, 0);
  g_assert_cmpuint (notice->line, ==, 0);
  g_assert_cmpstr (notice->reason, ==, "Converted from GB18030");
}

static const Expected l2_questions[] = {
  { 5, XF_QUESTION_SINGLE,
    "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起（）内作出行政许可决定。",
    { "十日", "十五日", "二十日", "三十日" }, "C", "见《行政许可法》第四十二条第一款。", 2 },
  { 14, XF_QUESTION_SINGLE,
    "被许可人需要延续依法取得的行政许可的有效期的，应当在该行政许可有效期届满（）前向作出行政许可决定的行政机关提出申请。",
    { "十日", "十五日", "二十日", "三十日" }, "D",
    "《行政许可法》第五十条规定，应当在有效期届满三十日前提出申请，\n法律、法规、规章另有规定的，依照其规定。", 2 },
  { 20, XF_QUESTION_SINGLE, "下列事项中，地方性法规可以设定行政许可的情形是（）",
    { "尚未制定法律、行政法规的", "已经制定法律的" }, "A", "", 2 },
  { 25, XF_QUESTION_MULTIPLE, "行政机关应当在办公场所公示的行政许可内容包括（）。",
    { "行政许可的事项和依据", "行政许可的条件和数量", "行政许可的程序和期限", "需要提交的全部材料的目录" },
    "ABCD", "", 3 },
  { 32, XF_QUESTION_TRUE_FALSE,
    "行政许可直接涉及申请人与他人之间重大利益关系的，申请人、利害关系人有权要求听证。",
    { NULL }, "T", "", 1 },
  { 34, XF_QUESTION_TRUE_FALSE, "法律、法规、规章规定实施行政许可应当听证的事项，行政机关可以不向社会公告。",
    { NULL }, "F", "应当向社会公告，并举行听证。", 1 },
  { 37, XF_QUESTION_TRUE_FALSE, "行政机关提供行政许可申请书格式文本，可以收取工本费。", { NULL }, "F", "", 1 },
  { 39, XF_QUESTION_TRUE_FALSE, "公民、法人或者其他组织对行政机关实施行政许可，享有陈述权、申辩权。",
    { NULL }, "T", "", 1 },
  { 42, XF_QUESTION_FILL, "行政机关应当自受理行政许可申请之日起____日内作出行政许可决定。",
    { NULL }, "二十|20", "", 2 },
  { 44, XF_QUESTION_FILL, "行政许可的实施和结果，除涉及国家秘密、商业秘密或者个人隐私的外，应当____。",
    { NULL }, "公开|公开进行", "", 2 },
  { 47, XF_QUESTION_ESSAY, "简述行政机关对申请人提出的行政许可申请可以作出的处理。", { NULL },
    "申请事项依法不需要取得行政许可的，应当即时告知申请人不受理；\n"
    "申请事项依法不属于本行政机关职权范围的，应当即时作出不予受理的决定，并告知申请人向有关行政机关申请。",
    "", 5 },
};
static const ExpectedProblem l2_problems[] = {
  { 52, NO_ANSWER },
  { 57, "Option C comes where option B was expected" },
  { 61, "The options of this choice question are missing" },
};

/* L2: one option a line (sometimes two), then 答案 and 解析 lines. */
static void
test_l2_lines (void)
{
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-l2-lines.txt");

  assert_parse (parse, l2_questions, G_N_ELEMENTS (l2_questions), l2_problems, G_N_ELEMENTS (l2_problems));
}

/* The same paper with Windows line ends and a byte-order mark. */
static void
test_crlf (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", "text-l2-lines.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) crlf = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(XfQuestionParse) parse = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, *p);
    }
  parse = parse_text (crlf->str);
  assert_parse (parse, l2_questions, G_N_ELEMENTS (l2_questions), l2_problems, G_N_ELEMENTS (l2_problems));
}

/* L3: no answers in the questions, a key at the end; without headers the
 * key tells the type. */
static void
test_l3_key (void)
{
  static const Expected expected[] = {
    { 3, XF_QUESTION_SINGLE, "中华人民共和国的国家机构实行（ ）的原则。",
      { "民主集中制", "三权分立", "议行合一", "首长负责制" }, "A",
      "宪法第三条规定，中华人民共和国的国家机构实行民主集中制的原则。", 1 },
    { 8, XF_QUESTION_SINGLE, "中华人民共和国主席、副主席由（ ）选举。",
      { "全国人民代表大会常务委员会", "全国人民代表大会", "国务院", "中央军事委员会" }, "B", "", 1 },
    { 11, XF_QUESTION_MULTIPLE, "全国人民代表大会常务委员会行使的职权有（ ）。",
      { "解释宪法，监督宪法的实施", "解释法律", "批准国民经济和社会发展计划",
        "撤销国务院制定的同宪法、法律相抵触的行政法规" }, "ABD", "", 1 },
    { 13, XF_QUESTION_TRUE_FALSE, "一切国家机关实行精简的原则，实行工作责任制。（ ）", { NULL }, "T", "", 1 },
    { 14, XF_QUESTION_TRUE_FALSE, "地方各级人民政府每届任期同本级人民代表大会每届任期相同。（ ）",
      { NULL }, "T", "", 1 },
  };
  static const ExpectedProblem problems[] = {
    { 15, NO_ANSWER },
    { 16, NO_ANSWER },
    { 24, "The answer key names question 9, which the file does not have or has answered already" },
  };
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-l3-key.txt");

  assert_parse (parse, expected, G_N_ELEMENTS (expected), problems, G_N_ELEMENTS (problems));
}

/* L4: option letters without marks, 【答案】【考点】【解析】 run on. */
static void
test_l4_no_marks (void)
{
  static const Expected expected[] = {
    { 1, XF_QUESTION_SINGLE, "当事人要求听证的，应当在行政机关告知后（ ）内提出。",
      { "三日", "五日", "七日", "十日" }, "B",
      "《行政处罚法》第六十四条第一项规定，当事人要求听证的，应当在行政机关告知后五日内提出。", 1 },
    { 2, XF_QUESTION_SINGLE, "行政机关及其工作人员利用政府网站、政务新媒体和APP公开政府信息的做法，属于（ ）。",
      { "主动公开", "依申请公开", "不予公开", "内部公开" }, "A", "《政府信息公开条例》第二十三条。", 1 },
    { 3, XF_QUESTION_SINGLE,
      "行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复；不能当场答复的，应当自收到申请之日起（ ）个工作日内予以答复。",
      { "十", "十五", "二十", "三十" }, "C", "", 1 },
    { 11, XF_QUESTION_SINGLE, "下列关于行政执法人员的说法，正确的是（ ）。",
      { "执法人员不得少于两人，法律另有规定的除外", "执法人员可以由一人实施", "由A级执法人员一人即可",
        "执法人员无需出示执法证件" }, "A", "见《行政处罚法》第四十二条。", 1 },
    { 14, XF_QUESTION_SINGLE, "不满（ ）周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教。",
      { "十二", "十三", "十四", "十六" }, "C", "《行政处罚法》第三十条。", 1 },
    { 14, XF_QUESTION_SINGLE,
      "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至（ ）。",
      { "三年", "四年", "十年", "五年" }, "D", "", 1 },
  };
  static const ExpectedProblem problems[] = {
    { 12, "The question gives two different answers: B and C" },
    { 13, "The answer names an option the question does not have" },
  };
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-l4-nomark.txt");
  XfQuestion *question;
  guint number;
  guint sub;

  assert_parse (parse, expected, G_N_ELEMENTS (expected), problems, G_N_ELEMENTS (problems));

  /* 【考点】 becomes a tag, 【依据】 a link, 【难度】 the difficulty */
  question = g_ptr_array_index (parse->questions, 0);
  g_assert_cmpstrv (xf_question_get_tags (question), ((const char * const[]){ "行政处罚的听证程序", NULL }));
  g_assert_cmpuint (xf_question_get_difficulty (question), ==, 3);
  question = g_ptr_array_index (parse->questions, 2);
  g_assert_cmpstrv (xf_question_get_tags (question), ((const char * const[]){ "政府信息公开申请的答复期限", NULL }));
  g_assert_cmpuint (xf_question_get_n_links (question), ==, 1);
  g_assert_cmpstr (xf_question_get_link (question, 0, &number, &sub), ==, "政府信息公开条例");
  g_assert_cmpuint (number, ==, 33);
  g_assert_cmpuint (sub, ==, 0);
  question = g_ptr_array_index (parse->questions, 5);
  g_assert_cmpuint (xf_question_get_difficulty (question), ==, 4);
  g_assert_cmpuint (xf_question_get_n_links (question), ==, 0);
}

/* Numbers as （1） and 第4题, a key with a range and one entry too many,
 * a section of a type that is not supported. */
static void
test_mixed (void)
{
  static const Expected expected[] = {
    { 4, XF_QUESTION_SINGLE,
      "公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起（ ）内提出行政复议申请；但是法律规定的申请期限超过的除外。",
      { "三十日", "六十日", "九十日", "六个月" }, "B", "", 2 },
    { 7, XF_QUESTION_SINGLE,
      "公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起（ ）内提出，法律另有规定的除外。",
      { "三个月", "六个月", "一年", "二年" }, "B", "", 2 },
    { 12, XF_QUESTION_SINGLE, "行政复议机关有权向有关单位和个人（ ）。",
      { "调查取证", "作出行政处罚", "收取复议费用", "拘留当事人" }, "A", "", 2 },
    { 15, XF_QUESTION_TRUE_FALSE,
      "行政复议机关履行行政复议职责，应当遵循合法、公正、公开、高效、便民、为民的原则。（ ）", { NULL }, "T", "", 1 },
    { 16, XF_QUESTION_TRUE_FALSE, "申请人申请行政复议，行政复议机关应当收取复议费用。（ ）", { NULL }, "F", "", 1 },
    { 17, XF_QUESTION_TRUE_FALSE, "行政诉讼中，被告对作出的行政行为负有举证责任。", { NULL }, "T", "", 1 },
    { 18, XF_QUESTION_TRUE_FALSE, "公民、法人或者其他组织不服行政复议决定的，一律不得再提起行政诉讼。", { NULL }, "F",
      "对行政复议决定不服的，可以依照行政诉讼法的规定向人民法院提起行政诉讼，法律规定行政复议决定为最终裁决的除外。", 1 },
    { 22, XF_QUESTION_FILL, "行政复议机关办理行政复议案件，可以进行____。", { NULL }, "调解", "", 2 },
    { 23, XF_QUESTION_FILL, "人民法院审理行政案件，以____为依据。", { NULL },
      "法律和行政法规、地方性法规|法律、法规", "", 2 },
  };
  static const ExpectedProblem problems[] = {
    { 20, "The section holds 连线题, which cannot be imported" },
    { 34, "The answer key names question 4, which the file does not have or has answered already" },
  };
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-mixed.txt");

  assert_parse (parse, expected, G_N_ELEMENTS (expected), problems, G_N_ELEMENTS (problems));
}

/* Numbering restarts in each section; the key has the same headers. */
static void
test_key_sections (void)
{
  static const Expected expected[] = {
    { 4, XF_QUESTION_SINGLE, "查封、扣押的期限不得超过（ ），法律、行政法规另有规定的除外。",
      { "十五日", "三十日", "六十日", "九十日" }, "B",
      "《行政强制法》第二十五条第一款。\n情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。", 2 },
    { 7, XF_QUESTION_SINGLE, "行政强制措施由（ ）设定。", { "法律", "行政法规", "地方性法规", "规章" }, "A", "", 2 },
    { 10, XF_QUESTION_MULTIPLE, "下列属于行政强制措施种类的有（ ）。",
      { "限制公民人身自由", "查封场所、设施或者财物", "罚款", "冻结存款、汇款" }, "ABD", "", 3 },
    { 16, XF_QUESTION_TRUE_FALSE, "行政机关不得在夜间或者法定节假日实施行政强制执行，但是情况紧急的除外。（ ）",
      { NULL }, "T", "", 1 },
    { 17, XF_QUESTION_TRUE_FALSE, "没有行政强制执行权的行政机关可以自期限届满之日起六个月内申请人民法院强制执行。（ ）",
      { NULL }, "F", "应当自期限届满之日起三个月内申请。", 1 },
    { 19, XF_QUESTION_FILL,
      "行政机关依法作出金钱给付义务的行政决定，当事人逾期不履行的，行政机关可以依法加处罚款或者（  ）。",
      { NULL }, "滞纳金", "", 2 },
    { 21, XF_QUESTION_ESSAY, "简述行政强制措施的种类。", { NULL },
      "（一）限制公民人身自由；\n（二）查封场所、设施或者财物；\n（三）扣押财物；\n（四）冻结存款、汇款；\n（五）其他行政强制措施。",
      "", 5 },
  };
  g_autoptr(XfQuestionParse) parse = parse_data_file ("text-key-sections.txt");

  assert_parse (parse, expected, G_N_ELEMENTS (expected), NULL, 0);
}

/* Every way of writing true and false, in a bracket and on an answer line,
 * with half- and full-width marks. */
static void
test_true_false_spellings (void)
{
  static const struct { const char *answer; const char *value; } cases[] = {
    { "（√）", "T" }, { "（×）", "F" }, { "(对)", "T" }, { "( 错 )", "F" }, { "（正确）", "T" },
    { "（错误）", "F" }, { "（T）", "T" }, { "（F）", "F" }, { "（ ✓ ）", "T" }, { "（✗）", "F" },
    { "\n答案：√", "T" }, { "\n答案:×", "F" }, { "\n答案：对", "T" }, { "\n答案：错", "F" },
    { "\n答案：正确", "T" }, { "\n答案：错误", "F" }, { "\n答案：T", "T" }, { "\n答案：F", "F" },
    { "\n【答案】正确。", "T" }, { "\n正确答案：×", "F" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("三、判断题（每题1分）\n7．行政处罚由违法行为发生地的行政机关管辖。%s\n",
                                               cases[i].answer);
      g_autoptr(XfQuestionParse) parse = parse_text (text);
      XfQuestion *question;

      g_test_message ("%s", text);
      g_assert_cmpuint (parse->problems->len, ==, 0);
      g_assert_cmpuint (parse->questions->len, ==, 1);
      question = g_ptr_array_index (parse->questions, 0);
      g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_TRUE_FALSE);
      g_assert_cmpstr (xf_question_get_answer (question), ==, cases[i].value);
      g_assert_cmpuint (xf_question_get_line (question), ==, 2);
      if (cases[i].answer[0] == '\n')
        g_assert_cmpstr (xf_question_get_stem (question), ==, "行政处罚由违法行为发生地的行政机关管辖。");
      else
        g_assert_cmpstr (xf_question_get_stem (question), ==, "行政处罚由违法行为发生地的行政机关管辖。（  ）");
    }
}

/* 1、 1. 1． （1） (1) 第1题, in half and full width, all start a question. */
static void
test_numbers (void)
{
  static const char * const numbers[] = {
    "1、", "1.", "1．", "１．", "１、", "（1）", "(1)", "（１）", "第1题", "第 1 题：", "1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("\n%s行政拘留属于（ ）。\nA．行政处罚\nB.刑事处罚\n答案：A\n",
                                               numbers[i]);
      g_autoptr(XfQuestionParse) parse = parse_text (text);
      XfQuestion *question;

      g_test_message ("%s", numbers[i]);
      g_assert_cmpuint (parse->problems->len, ==, 0);
      g_assert_cmpuint (parse->questions->len, ==, 1);
      question = g_ptr_array_index (parse->questions, 0);
      g_assert_cmpstr (xf_question_get_stem (question), ==, "行政拘留属于（ ）。");
      g_assert_cmpstrv (xf_question_get_options (question), ((const char * const[]){ "行政处罚", "刑事处罚", NULL }));
      g_assert_cmpstr (xf_question_get_answer (question), ==, "A");
      g_assert_cmpuint (xf_question_get_line (question), ==, 2);
    }
}

/* A reference answer with numbered points, a fill-in question with an
 * empty bracket, 答： before an answer, and a case with sub-questions. */
static void
test_answers_in_text (void)
{
  static const char text[] =
    "1、行政复议机关办理行政复议案件，可以进行（  ）。\n"
    "答案：调解\n"
    "2、什么是行政许可？\n"
    "答：行政许可，是指行政机关根据申请，经依法审查，准予其从事特定活动的行为。\n"
    "3、公务员应当忠于宪法。\n"
    "答案：√\n"
    "4、案例：某县市场监管局对甲公司作出罚款决定。\n"
    "（1）该决定应当由几名执法人员作出？\n"
    "（2）甲公司可以如何救济？\n"
    "参考答案：\n"
    "1.执法人员不得少于两人。\n"
    "2.可以申请行政复议或者提起行政诉讼。\n"
    "5、行政处罚的设定机关包括（ ）。\n"
    "A.法律 B.行政法规\n"
    "C.地方性法规 D.规章\n"
    "答案：A、B、C、D\n";
  g_autoptr(XfQuestionParse) parse = parse_text (text);
  static const Expected expected[] = {
    { 1, XF_QUESTION_FILL, "行政复议机关办理行政复议案件，可以进行（  ）。", { NULL }, "调解", "", 1 },
    { 3, XF_QUESTION_ESSAY, "什么是行政许可？", { NULL },
      "行政许可，是指行政机关根据申请，经依法审查，准予其从事特定活动的行为。", "", 1 },
    { 5, XF_QUESTION_TRUE_FALSE, "公务员应当忠于宪法。", { NULL }, "T", "", 1 },
    { 7, XF_QUESTION_ESSAY,
      "案例：某县市场监管局对甲公司作出罚款决定。\n（1）该决定应当由几名执法人员作出？\n（2）甲公司可以如何救济？",
      { NULL }, "1.执法人员不得少于两人。\n2.可以申请行政复议或者提起行政诉讼。", "", 1 },
    { 13, XF_QUESTION_MULTIPLE, "行政处罚的设定机关包括（ ）。", { "法律", "行政法规", "地方性法规", "规章" },
      "ABCD", "", 1 },
  };

  assert_parse (parse, expected, G_N_ELEMENTS (expected), NULL, 0);
}

/* Letters, numbers and words inside the text stay text. */
static void
test_text_stays_text (void)
{
  static const char text[] =
    "一、单选题（每题1分）\n"
    "1、A、B两公司因合同纠纷申请仲裁，依照本法第2.1条，下列说法正确的是（ ）。\n"
    "A.应当依法处理\n"
    "B.选项B不适用2、3款\n"
    "C.以上1、2项均正确\n"
    "D.A和B都对\n"
    "答案：A\n"
    "2、第二题的题干。A.甲B.乙【答案】B\n";
  g_autoptr(XfQuestionParse) parse = parse_text (text);
  static const Expected expected[] = {
    { 2, XF_QUESTION_SINGLE, "A、B两公司因合同纠纷申请仲裁，依照本法第2.1条，下列说法正确的是（ ）。",
      { "应当依法处理", "选项B不适用2、3款", "以上1、2项均正确", "A和B都对" }, "A", "", 1 },
    { 8, XF_QUESTION_SINGLE, "第二题的题干。", { "甲", "乙" }, "B", "", 1 },
  };

  assert_parse (parse, expected, G_N_ELEMENTS (expected), NULL, 0);
}

/* Broken questions become problems with their line, and reading goes on. */
static void
test_malformed (void)
{
  static const char text[] =
    "一、单选题\n"
    "1、没有选项也没有答案的题目。\n"
    "2、\n"
    "3、选项缺了一个（ ）\n"
    "A.甲\n"
    "C.丙\n"
    "答案：A\n"
    "4、答案不是字母（ ）\n"
    "A.甲\n"
    "B.乙\n"
    "答案：甲乙\n"
    "二、判断题\n"
    "5、判断题的答案不是对错。\n"
    "答案：B\n"
    "6、好的判断题。（√）\n"
    "三、匹配题\n"
    "7、将左右两列连线。\n";
  g_autoptr(XfQuestionParse) parse = parse_text (text);
  static const Expected expected[] = {
    { 15, XF_QUESTION_TRUE_FALSE, "好的判断题。（  ）", { NULL }, "T", "", 1 },
  };
  static const ExpectedProblem problems[] = {
    { 2, "The options of this choice question are missing" },
    { 3, "Question 2 has no text" },
    { 4, "Option C comes where option B was expected" },
    { 8, "The answer “甲乙” does not name options by their letters" },
    { 13, "“B” is neither true nor false (对/错, √/×, T/F)" },
    { 17, "The section holds 匹配题, which cannot be imported" },
  };

  assert_parse (parse, expected, G_N_ELEMENTS (expected), problems, G_N_ELEMENTS (problems));
}

/* Scores from the header, shared out from a total, or after a stem. */
static void
test_scores (void)
{
  static const char text[] =
    "一、单项选择题（每题 0.5 分）\n"
    "1、行政拘留属于（A）。A.行政处罚B.刑事处罚\n"
    "2、罚款属于（A）。（3分）\nA.行政处罚\nB.刑事处罚\n"
    "二、判断题（共4题，共2分）\n"
    "3、警告是行政处罚。（√）\n"
    "三、判断题（每题5000分）\n"
    "4、通报批评是行政处罚。（√）\n";
  static const Expected expected[] = {
    { 2, XF_QUESTION_SINGLE, "行政拘留属于（  ）。", { "行政处罚", "刑事处罚" }, "A", "", 0.5 },
    { 3, XF_QUESTION_SINGLE, "罚款属于（  ）。", { "行政处罚", "刑事处罚" }, "A", "", 3 },
    { 7, XF_QUESTION_TRUE_FALSE, "警告是行政处罚。（  ）", { NULL }, "T", "", 0.5 },
    { 9, XF_QUESTION_TRUE_FALSE, "通报批评是行政处罚。（  ）", { NULL }, "T", "", 1 },
  };
  g_autoptr(XfQuestionParse) parse = parse_text (text);

  assert_parse (parse, expected, G_N_ELEMENTS (expected), NULL, 0);
}

/* Keys glued together as PDF copies them, and a key for a question the
 * file does not have. */
static void
test_glued_key (void)
{
  static const char text[] =
    "1、行政拘留属于（ ）。\nA.行政处罚\nB.刑事处罚\n"
    "2、罚款属于（ ）。\nA.刑事处罚\nB.行政处罚\n"
    "3、警告是行政处罚。\n"
    "4、行政机关办理行政复议案件，可以进行____。\n"
    "\n答案\n1.A2.B3.√4.调解\n5.A\n";
  static const Expected expected[] = {
    { 1, XF_QUESTION_SINGLE, "行政拘留属于（ ）。", { "行政处罚", "刑事处罚" }, "A", "", 1 },
    { 4, XF_QUESTION_SINGLE, "罚款属于（ ）。", { "刑事处罚", "行政处罚" }, "B", "", 1 },
    { 7, XF_QUESTION_TRUE_FALSE, "警告是行政处罚。", { NULL }, "T", "", 1 },
    { 8, XF_QUESTION_FILL, "行政机关办理行政复议案件，可以进行____。", { NULL }, "调解", "", 1 },
  };
  static const ExpectedProblem problems[] = {
    { 12, "The answer key names question 5, which the file does not have or has answered already" },
  };
  g_autoptr(XfQuestionParse) parse = parse_text (text);

  assert_parse (parse, expected, G_N_ELEMENTS (expected), problems, G_N_ELEMENTS (problems));
}

/* A file of nothing but prose holds no questions, and says so. */
static void
test_no_questions (void)
{
  g_autoptr(XfQuestionParse) parse = parse_text ("学法用法考试须知\n考试时间为九十分钟。\n");
  XfQuestionProblem *problem;

  g_assert_cmpuint (parse->questions->len, ==, 0);
  g_assert_cmpuint (parse->problems->len, ==, 1);
  problem = g_ptr_array_index (parse->problems, 0);
  g_assert_cmpuint (problem->line, ==, 0);
}

static void
test_detect (void)
{
  static const char * const names[] = {
    "text-l1-runon.txt", "text-l2-lines.txt", "text-l3-key.txt", "text-l4-nomark.txt", "text-mixed.txt",
    "text-key-sections.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", names[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpint (xf_question_format_detect (names[i], contents, len), ==, XF_QUESTION_FORMAT_TEXT);
    }
}

/* Text pasted from a PDF can be one line of a megabyte: it must be read in
 * linear time (a quadratic reading would take hours). */
static void
test_long_line (void)
{
  GString *text = g_string_new ("一、单选题（每题1分）");
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start;
  guint n = 0;

  while (text->len < 1024 * 1024)
    g_string_append_printf (text, "%u、违法行为在（ B ）内未被发现的，不再给予行政处罚。A.一年B.二年C.三年D.五年", ++n);
  bytes = g_string_free_to_bytes (text);
  start = g_get_monotonic_time ();
  parse = xf_question_parse_bytes (bytes, "long.txt", XF_QUESTION_FORMAT_TEXT);
  g_test_message ("%u questions in %.3f s", n, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (parse->questions->len, ==, n);
  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-text/l1-run-on", test_l1_run_on);
  g_test_add_func ("/question-text/gb18030", test_gb18030);
  g_test_add_func ("/question-text/l2-lines", test_l2_lines);
  g_test_add_func ("/question-text/crlf", test_crlf);
  g_test_add_func ("/question-text/l3-key", test_l3_key);
  g_test_add_func ("/question-text/l4-no-marks", test_l4_no_marks);
  g_test_add_func ("/question-text/mixed", test_mixed);
  g_test_add_func ("/question-text/key-sections", test_key_sections);
  g_test_add_func ("/question-text/true-false-spellings", test_true_false_spellings);
  g_test_add_func ("/question-text/numbers", test_numbers);
  g_test_add_func ("/question-text/answers-in-text", test_answers_in_text);
  g_test_add_func ("/question-text/text-stays-text", test_text_stays_text);
  g_test_add_func ("/question-text/malformed", test_malformed);
  g_test_add_func ("/question-text/scores", test_scores);
  g_test_add_func ("/question-text/glued-key", test_glued_key);
  g_test_add_func ("/question-text/no-questions", test_no_questions);
  g_test_add_func ("/question-text/detect", test_detect);
  g_test_add_func ("/question-text/long-line", test_long_line);

  return g_test_run ();
}
