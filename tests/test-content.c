/* test-content.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-content.h"
#include "xf-exam-store.h"
#include "xf-knowledge-store.h"
#include "xf-law-store.h"
#include "xf-question-store.h"

static guint n_questions;

/* The shipped banks load whole, and every link they make finds its article. */
/* The articles a question links to, for the review: a short title finds
 * the law too; an article the library lacks is a hole, not an error. */
static void
check_load_articles (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_TRUE_FALSE);
  g_autoptr(GPtrArray) articles = NULL;
  XfArticle *full;
  XfArticle *shortened;

  xf_question_add_link (question, "中华人民共和国行政处罚法", 36, 0);
  xf_question_add_link (question, "行政处罚法", 36, 0);
  xf_question_add_link (question, "行政处罚法", 999, 0);
  xf_question_add_link (question, "不存在的法", 1, 0);
  articles = xf_question_store_load_articles (db, question, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 4);
  full = g_ptr_array_index (articles, 0);
  shortened = g_ptr_array_index (articles, 1);
  g_assert_nonnull (full);
  g_assert_nonnull (shortened);
  g_assert_cmpint (xf_article_get_id (full), ==, xf_article_get_id (shortened));
  g_assert_cmpuint (xf_article_get_number (full), ==, 36);
  g_assert_cmpstr (xf_article_get_law_title (full), ==, "中华人民共和国行政处罚法");
  g_assert_nonnull (strstr (xf_article_get_body (full), "违法行为在二年内未被发现的，不再给予行政处罚"));
  g_assert_null (g_ptr_array_index (articles, 2));
  g_assert_null (g_ptr_array_index (articles, 3));
}

static void
check_question_banks (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) banks = xf_question_store_list_banks (db, &error);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(XfQuestionBank) original = NULL;
  g_autoptr(XfQuestionBank) lexeval = NULL;
  guint links = 0;

  g_assert_no_error (error);
  original = xf_question_store_get_bank (db, "学法用法原创题库", &error);
  g_assert_no_error (error);
  g_assert_true (xf_question_bank_get_builtin (original));
  g_assert_cmpuint (xf_question_bank_get_n_questions (original), >=, 220);

  questions = xf_question_store_load (db, 0, &error);
  g_assert_no_error (error);
  n_questions = questions->len;
  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      for (guint j = 0; j < xf_question_get_n_links (question); j++)
        {
          gint64 article = xf_question_store_resolve_link (db, question, j, &error);

          g_assert_no_error (error);
          if (article <= 0)
            g_error ("%s: link %u does not resolve", xf_question_get_stem (question), j);
          links++;
        }
    }
  g_assert_cmpuint (links, >=, xf_question_bank_get_n_questions (original));
  check_load_articles (db);

  /* LexEval's 500, each linked by its right option's text to the article
   * its stem names */
  lexeval = xf_question_store_get_bank (db, "民法典条文选择题（LexEval）", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_question_bank_get_licence (lexeval), ==, "MIT License. Copyright (c) 2023 Haitao Li");
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = xf_question_store_load (db, xf_question_bank_get_id (lexeval), &error);
  g_assert_cmpuint (questions->len, ==, 500);
  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);
      const char *stem = xf_question_get_stem (question);
      const char *start = strstr (stem, "第");
      const char *end = strstr (stem, "条");
      guint named = 0;
      guint number = 0;

      g_assert_nonnull (start);
      g_assert_nonnull (end);
      start += strlen ("第");
      g_assert_true (xf_chinese_numeral_parse (start, end - start, &named));
      g_assert_cmpuint (xf_question_get_n_links (question), ==, 1);
      xf_question_get_link (question, 0, &number, NULL);
      g_assert_cmpuint (number, ==, named);
    }

  /* The original bank comes first */
  {
    g_autoptr(XfQuestionBank) first = g_list_model_get_item (banks, 0);

    g_assert_cmpstr (xf_question_bank_get_title (first), ==, "学法用法原创题库");
  }
}

/* The practice exam ships, and a paper drawn from the shipped banks is
 * one a person can take and pass with the right answers. */
static void
check_practice_exam (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = xf_exam_store_list (db, &error);
  g_autoptr(GPtrArray) shortfalls = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExamResult) result = NULL;
  gint64 now = g_get_real_time ();
  XfExam *exam;

  g_assert_no_error (error);
  g_assert_cmpuint (exams->len, ==, 1);
  exam = g_ptr_array_index (exams, 0);
  g_assert_true (exam->builtin);
  g_assert_cmpuint (exam->time_limit_s, ==, 90 * 60);
  g_assert_cmpfloat (xf_exam_rules_total (exam), ==, 100);
  shortfalls = xf_exam_store_check_rules (db, exam, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shortfalls->len, ==, 0);

  attempt = xf_exam_store_start (db, exam, NULL, rand, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempt->paper->items->len, ==, 70);
  questions = xf_exam_store_load_questions (db, attempt->paper, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < questions->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfQuestion *question = g_ptr_array_index (questions, i);
      GString *answer = g_string_new (NULL);

      if (item->type == XF_QUESTION_TRUE_FALSE)
        g_string_append (answer, xf_question_get_answer (question));
      for (guint o = 0; o < item->n_options; o++)
        if (xf_question_option_is_correct (question, item->order[o]))
          g_string_append_c (answer, 'A' + o);
      g_assert_true (xf_exam_store_answer (db, attempt->uuid, i + 1, answer->str, now + i, &error));
      g_assert_no_error (error);
      g_string_free (answer, TRUE);
    }
  result = xf_exam_store_submit (db, attempt->uuid, NULL, now + 100, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (result->score, ==, 100);
  g_assert_true (result->passed);
}

static void
test_install_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);
  g_autoptr(GListModel) laws = NULL;
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(XfArticle) article = NULL;
  guint linked = 0, items = 0;

  g_assert_no_error (error);
  g_assert_true (xf_content_needs_defaults (db));
  g_assert_true (xf_content_install_defaults (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (xf_content_needs_defaults (db));

  /* 22 files, 民法典's eight parts making one law. */
  laws = xf_law_store_list_laws (db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (laws), ==, 15);
  g_assert_cmpint (xf_law_store_count_articles (db, NULL), ==, 2429);

  article = xf_law_store_find_article (db, "中华人民共和国行政诉讼法", 3, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xf_article_get_body (article), "负责人应当出庭应诉"));

  lists = xf_knowledge_store_list_lists (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lists), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (lists, i);
      g_autoptr(GListModel) list_items = xf_knowledge_store_list_items (db, xf_knowledge_list_get_id (list), &error);

      g_assert_cmpint (xf_knowledge_list_get_year (list), ==, 2026);
      for (guint j = 0; j < g_list_model_get_n_items (list_items); j++)
        {
          g_autoptr(XfListItem) item = g_list_model_get_item (list_items, j);

          items++;
          if (xf_list_item_get_article_id (item) > 0)
            linked++;
          else
            g_assert_false (xf_list_item_has_article (item));
        }
    }
  /* Every item that names an article finds it among the shipped statutes. */
  g_assert_cmpuint (items, >, 100);
  g_assert_cmpuint (linked, >, 100);

  check_question_banks (db);
  check_practice_exam (db);

  /* Loading again changes nothing. */
  g_assert_true (xf_content_install_defaults (db, NULL, &error));
  g_assert_cmpint (xf_law_store_count_articles (db, NULL), ==, 2429);
  g_assert_cmpuint (xf_question_store_count (db, 0, NULL), ==, n_questions);
  {
    g_autoptr(GPtrArray) exams = xf_exam_store_list (db, &error);

    g_assert_cmpuint (exams->len, ==, 1);
  }
}

static void
on_installed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_content_install_defaults_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_install_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-content-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xuefa.db", NULL);
  g_autoptr(XfDatabase) db = xf_database_open (path, &error);
  gboolean done = FALSE;

  g_assert_no_error (error);
  xf_content_install_defaults_async (path, NULL, on_installed, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* The worker wrote through its own connection; this one sees it. */
  g_assert_false (xf_content_needs_defaults (db));
  g_assert_cmpint (xf_law_store_count_articles (db, NULL), ==, 2429);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/install-defaults", test_install_defaults);
  g_test_add_func ("/content/install-async", test_install_async);

  return g_test_run ();
}
