/* test-law-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-law-store.h"

typedef struct
{
  XfDatabase *db;
  gint64      law_id;
  gint64      chapter_id;
  gint64      section_id;
} Fixture;

static gint64
insert (XfDatabase *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_exec (db, sql, &error));
  g_assert_no_error (error);
  return xf_database_last_insert_rowid (db);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->db = xf_database_open (":memory:", &error);
  g_assert_no_error (error);

  insert (f->db, "INSERT INTO laws (uuid, title, version_date, level, imported_at, article_count) "
                 "VALUES ('b', '优化营商环境条例', '2019-10-22', '行政法规', 0, 0)");
  f->law_id = insert (f->db, "INSERT INTO laws (uuid, title, version_date, level, imported_at, article_count) "
                             "VALUES ('a', '中华人民共和国行政处罚法', '2021-01-22', '法律', 0, 3)");
  insert (f->db, "INSERT INTO laws (uuid, title, version_date, level, imported_at) "
                 "VALUES ('c', '中华人民共和国宪法', '2018-03-11', '宪法', 0)");
  sql = g_strdup_printf ("INSERT INTO headings (law_id, kind, label, title, position) "
                         "VALUES (%" G_GINT64_FORMAT ", 'chapter', '第五章', '行政处罚的决定', 1)", f->law_id);
  f->chapter_id = insert (f->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO headings (law_id, parent_id, kind, label, title, position) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'section', '第一节', '一般规定', 2)",
                         f->law_id, f->chapter_id);
  f->section_id = insert (f->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO articles (law_id, heading_id, number, label, body, position) VALUES "
                         "(%1$" G_GINT64_FORMAT ", NULL, 1, '第一条', '为了规范行政处罚的设定和实施。', 1),"
                         "(%1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", 32, '第三十二条', "
                         "'当事人有下列情形之一，应当从轻或者减轻行政处罚：\n（一）主动消除或者减轻违法行为危害后果的；\n(二)受他人胁迫的；\n其他依法从轻的。', 2),"
                         "(%1$" G_GINT64_FORMAT ", %3$" G_GINT64_FORMAT ", 33, '第三十三条', '违法行为轻微。', 3)",
                         f->law_id, f->chapter_id, f->section_id);
  insert (f->db, sql);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
}

static void
test_list_laws (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) laws = xf_law_store_list_laws (f->db, &error);
  g_autoptr(XfLaw) first = NULL;
  g_autoptr(XfLaw) second = NULL;
  g_autoptr(XfLaw) third = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (laws), ==, 3);
  first = g_list_model_get_item (laws, 0);
  second = g_list_model_get_item (laws, 1);
  third = g_list_model_get_item (laws, 2);
  /* The constitution, then laws, then regulations. */
  g_assert_cmpstr (xf_law_get_title (first), ==, "中华人民共和国宪法");
  g_assert_cmpstr (xf_law_get_title (second), ==, "中华人民共和国行政处罚法");
  g_assert_cmpstr (xf_law_get_short_title (second), ==, "行政处罚法");
  g_assert_cmpstr (xf_law_get_short_title (third), ==, "优化营商环境条例");
  g_assert_cmpuint (xf_law_get_article_count (second), ==, 3);
}

static void
test_heading_tree (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) roots = xf_law_store_list_headings (f->db, f->law_id, &error);
  g_autoptr(XfHeading) chapter = NULL;
  g_autoptr(XfHeading) section = NULL;
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roots), ==, 1);
  chapter = g_list_model_get_item (roots, 0);
  display = xf_heading_dup_display (chapter);
  g_assert_cmpstr (display, ==, "第五章 行政处罚的决定");
  g_assert_cmpuint (g_list_model_get_n_items (xf_heading_get_children (chapter)), ==, 1);
  section = g_list_model_get_item (xf_heading_get_children (chapter), 0);
  g_assert_cmpstr (xf_heading_get_title (section), ==, "一般规定");

  path = xf_law_store_dup_heading_path (f->db, f->section_id);
  g_assert_cmpstr (path, ==, "第五章 行政处罚的决定 › 第一节 一般规定");
}

static void
test_articles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = xf_law_store_list_articles (f->db, f->law_id, 0, &error);
  g_autoptr(GListModel) chapter = xf_law_store_list_articles (f->db, f->law_id, f->chapter_id, &error);
  g_autoptr(GListModel) section = xf_law_store_list_articles (f->db, f->law_id, f->section_id, &error);
  g_autoptr(XfArticle) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  /* A chapter's articles include those of its sections. */
  g_assert_cmpuint (g_list_model_get_n_items (chapter), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (section), ==, 1);
  last = g_list_model_get_item (section, 0);
  g_assert_cmpuint (xf_article_get_number (last), ==, 33);
  g_assert_cmpstr (xf_article_get_heading_path (last), ==, "第五章 行政处罚的决定 › 第一节 一般规定");
}

static void
test_citation_and_clauses (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfArticle) article = xf_law_store_find_article (f->db, "中华人民共和国行政处罚法", 32, 0, &error);
  g_autoptr(GArray) clauses = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  citation = xf_article_dup_citation (article);
  g_assert_cmpstr (citation, ==, "《行政处罚法》第三十二条");
  text = xf_article_dup_citation_text (article);
  g_assert_true (g_str_has_prefix (text, "《行政处罚法》第三十二条\n当事人有下列情形之一"));

  clauses = xf_article_dup_clauses (article);
  g_assert_cmpuint (clauses->len, ==, 4);
  g_assert_cmpint (g_array_index (clauses, XfClause, 0).kind, ==, XF_CLAUSE_PARAGRAPH);
  g_assert_cmpint (g_array_index (clauses, XfClause, 1).kind, ==, XF_CLAUSE_ITEM);
  g_assert_cmpint (g_array_index (clauses, XfClause, 2).kind, ==, XF_CLAUSE_ITEM);
  g_assert_cmpint (g_array_index (clauses, XfClause, 3).kind, ==, XF_CLAUSE_PARAGRAPH);

  g_assert_true (xf_clause_line_is_item ("（十二）其他。"));
  g_assert_false (xf_clause_line_is_item ("（甲）不是项。"));
  g_assert_false (xf_clause_line_is_item ("（）"));
  g_assert_false (xf_clause_line_is_item ("一、不是项"));
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfArticle) article = xf_law_store_find_article (f->db, "中华人民共和国行政处罚法", 99, 0, &error);
  g_autoptr(XfLaw) law = NULL;

  g_assert_null (article);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  law = xf_law_store_get_law (f->db, 12345, &error);
  g_assert_null (law);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (xf_law_store_count_articles (f->db, NULL), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/law-store/list-laws", test_list_laws);
  ADD ("/law-store/heading-tree", test_heading_tree);
  ADD ("/law-store/articles", test_articles);
  ADD ("/law-store/citation-and-clauses", test_citation_and_clauses);
  ADD ("/law-store/missing", test_missing);
#undef ADD

  return g_test_run ();
}
