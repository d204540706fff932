/* test-question-lexeval.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-law-parser.h"
#include "xf-question-format.h"

#define LEXEVAL_SOURCE "LexEval (CSHaitao/LexEval, MIT License)"

static XfQuestionParse *
parse_shipped (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse;

  path = g_build_filename (g_getenv ("XUEFA_SHARED_DATA"), "questions", "lexeval-minfadian-500.jsonl", NULL);
  parse = xf_question_parse_file (path, XF_QUESTION_FORMAT_AUTO, &error);
  g_assert_no_error (error);
  return parse;
}

static XfQuestionParse *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xf_question_parse_bytes (bytes, "lexeval.jsonl", XF_QUESTION_FORMAT_LEXEVAL);
}

static void
test_shipped (void)
{
  g_autoptr(XfQuestionParse) parse = parse_shipped ();
  XfQuestion *question;

  g_assert_cmpuint (parse->problems->len, ==, 0);
  g_assert_cmpuint (parse->notices->len, ==, 0);
  g_assert_cmpuint (parse->questions->len, ==, 500);

  question = g_ptr_array_index (parse->questions, 0);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_SINGLE);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "中华人民共和国民法第一千零八十四条的内容是:");
  g_assert_cmpuint (xf_question_get_n_options (question), ==, 4);
  g_assert_cmpstr (xf_question_get_option (question, 0), ==,
                   "城镇集体所有的不动产和动产，依照法律、行政法规的规定由本集体享有占有、使用、收益和处分的权利");
  g_assert_cmpstr (xf_question_get_option (question, 1), ==, "父母与子女间的关系，不因父母离婚而消除");
  g_assert_cmpstr (xf_question_get_option (question, 2), ==,
                   "抵押权人应当在主债权诉讼时效期间行使抵押权；未行使的，人民法院不予保护");
  g_assert_true (g_str_has_prefix (xf_question_get_option (question, 3), "保理合同是应收账款债权人"));
  g_assert_cmpstr (xf_question_get_answer (question), ==, "B");
  g_assert_cmpuint (xf_question_get_line (question), ==, 1);

  for (guint i = 0; i < parse->questions->len; i++)
    {
      question = g_ptr_array_index (parse->questions, i);
      g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_SINGLE);
      g_assert_cmpuint (xf_question_get_line (question), ==, i + 1);
      g_assert_cmpuint (xf_question_get_n_options (question), ==, 4);
      g_assert_cmpuint (strlen (xf_question_get_answer (question)), ==, 1);
      g_assert_cmpstr (xf_question_get_category (question), ==, "民法典");
      g_assert_cmpstrv (xf_question_get_tags (question), ((const char * const[]){ "LexEval", NULL }));
      g_assert_cmpstr (xf_question_get_source (question), ==, LEXEVAL_SOURCE);
      g_assert_cmpuint (xf_question_get_n_links (question), ==, 0);
      g_assert_true (g_str_has_prefix (xf_question_get_stem (question), "中华人民共和国民法第"));
      g_assert_true (g_str_has_suffix (xf_question_get_stem (question), "条的内容是:"));
      for (guint j = 0; j < 4; j++)
        g_assert_false (g_str_has_prefix (xf_question_get_option (question, j), " "));
    }
}

/* Article number → text, from the shipped 民法典 parts. */
static GHashTable *
load_minfadian (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", "民法典", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GHashTable *articles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(XfParsedLaw) law = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".md"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      law = xf_law_parser_parse (path, contents, len);
      for (guint i = 0; i < law->articles->len; i++)
        {
          XfParsedArticle *article = &g_array_index (law->articles, XfParsedArticle, i);

          g_assert_cmpuint (article->sub, ==, 0);
          g_hash_table_insert (articles, GUINT_TO_POINTER (article->number), g_strdup (article->body));
        }
    }
  return articles;
}

/* The article a stem names: 中华人民共和国民法第一千零八十四条的内容是: */
static guint
stem_article (const char *stem)
{
  const char *start = strstr (stem, "第");
  const char *end = start != NULL ? strstr (start, "条") : NULL;
  guint number = 0;

  g_assert_nonnull (end);
  start += strlen ("第");
  g_assert_true (xf_chinese_numeral_parse (start, end - start, &number));
  return number;
}

/* Every right option is the text of the article its stem names, which is
 * what lets the store link these questions to their articles. */
static void
test_right_option_in_article (void)
{
  g_autoptr(XfQuestionParse) parse = parse_shipped ();
  g_autoptr(GHashTable) articles = load_minfadian ();
  guint in_named = 0;
  guint only_in_named = 0;

  g_assert_cmpuint (g_hash_table_size (articles), ==, 1260);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      guint number = stem_article (xf_question_get_stem (question));
      const char *answer = xf_question_get_answer (question);
      g_autofree char *right = g_strdup (xf_question_get_option (question, answer[0] - 'A'));
      const char *body = g_hash_table_lookup (articles, GUINT_TO_POINTER (number));
      GHashTableIter iter;
      gpointer key;
      gpointer value;
      guint found_in = 0;

      /* Options leave out the article's last punctuation */
      while (g_str_has_suffix (right, "。") || g_str_has_suffix (right, "；") || g_str_has_suffix (right, "，"))
        right[strlen (right) - strlen ("。")] = '\0';
      g_assert_nonnull (body);
      if (strstr (body, right) != NULL)
        in_named++;
      else
        g_test_message ("line %u: the right option is not in article %u", xf_question_get_line (question), number);

      g_hash_table_iter_init (&iter, articles);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (strstr (value, right) != NULL)
          found_in++;
      if (found_in == 1 && strstr (body, right) != NULL)
        only_in_named++;
      else
        g_test_message ("line %u: the right option of article %u is in %u articles",
                        xf_question_get_line (question), number, found_in);
    }
  g_test_message ("%u of %u right options are in the article named, %u in that article only",
                  in_named, parse->questions->len, only_in_named);
  g_assert_cmpuint (in_named, ==, 500);
  /* 第一千零三十四条 begins 自然人的个人信息受法律保护, as 第一百一十一条 does;
   * two questions ask for it. */
  g_assert_cmpuint (only_in_named, ==, 498);
}

/* Bad lines are problems with their line; blank lines are skipped. */
static void
test_bad_lines (void)
{
  static const char text[] =
    "{\"instruction\": \"请阅读以下选择题\", \"input\": \"中华人民共和国民法第二条的内容是:\\nA: 甲\\nB: 乙\", \"answer\": \"b\"}\n"
    "\n"
    "not json at all\n"
    "[1, 2, 3]\n"
    "{\"input\": \"中华人民共和国民法第三条的内容是:\\nA: 甲\\nB: 乙\"}\n"
    "{\"answer\": \"A\"}\n"
    "{\"input\": \"没有选项的题目\", \"answer\": \"A\"}\n"
    "{\"input\": \"题目\\nA: 甲\\nB: 乙\", \"answer\": \"C\"}\n"
    "{\"input\": \"题目\\nA: 甲\\nB: 乙\", \"answer\": 1}\n"
    "   \n"
    "{\"input\": \"多选题目\\nA：甲\\nB：乙\\nC：丙\", \"answer\": \"AC\"}\n";
  static const struct { guint line; const char *reason; } problems[] = {
    { 3, "This LexEval line is not JSON: " },
    { 4, "This LexEval line is not a JSON object" },
    { 5, "The LexEval line has no text field “answer”" },
    { 6, "The LexEval line has no text field “input”" },
    { 7, "The LexEval question has no options (lines such as “A: …” after the question)" },
    { 8, "The LexEval answer “C” is not one of the options" },
    { 9, "The LexEval line has no text field “answer”" },
  };
  g_autoptr(XfQuestionParse) parse = parse_text (text);
  XfQuestion *question;

  g_assert_cmpuint (parse->questions->len, ==, 2);
  question = g_ptr_array_index (parse->questions, 0);
  g_assert_cmpuint (xf_question_get_line (question), ==, 1);
  g_assert_cmpstr (xf_question_get_stem (question), ==, "中华人民共和国民法第二条的内容是:");
  g_assert_cmpstrv (xf_question_get_options (question), ((const char * const[]){ "甲", "乙", NULL }));
  g_assert_cmpstr (xf_question_get_answer (question), ==, "B");
  question = g_ptr_array_index (parse->questions, 1);
  g_assert_cmpuint (xf_question_get_line (question), ==, 11);
  g_assert_cmpint (xf_question_get_question_type (question), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstrv (xf_question_get_options (question), ((const char * const[]){ "甲", "乙", "丙", NULL }));
  g_assert_cmpstr (xf_question_get_answer (question), ==, "AC");

  g_assert_cmpuint (parse->problems->len, ==, G_N_ELEMENTS (problems));
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (parse->problems, i);

      g_assert_cmpuint (problem->line, ==, problems[i].line);
      g_assert_true (g_str_has_prefix (problem->reason, problems[i].reason));
    }
}

static void
test_detect (void)
{
  static const char line[] = "{\"instruction\": \"…\", \"input\": \"题目\\nA: 甲\\nB: 乙\", \"answer\": \"A\"}\n";

  g_assert_cmpint (xf_question_format_detect ("questions.jsonl", line, strlen (line)), ==,
                   XF_QUESTION_FORMAT_LEXEVAL);
  g_assert_cmpint (xf_question_format_detect (NULL, line, strlen (line)), ==, XF_QUESTION_FORMAT_LEXEVAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-lexeval/shipped", test_shipped);
  g_test_add_func ("/question-lexeval/right-option-in-article", test_right_option_in_article);
  g_test_add_func ("/question-lexeval/bad-lines", test_bad_lines);
  g_test_add_func ("/question-lexeval/detect", test_detect);

  return g_test_run ();
}
