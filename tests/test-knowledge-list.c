/* test-knowledge-list.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "xf-database.h"
#include "xf-knowledge-store.h"
#include "xf-list-format.h"
#include "test-utils.h"

typedef struct
{
  XfDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->db = xf_database_open (":memory:", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->db);
}

static gint64
count_rows (XfDatabase *db,
            const char *sql)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, NULL);
  gint64 count;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static GPtrArray *
import_text (XfDatabase         *db,
             const char         *text,
             XfListImportFlags   flags,
             GStrv              *warnings,
             GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xf_list_format_import_bytes (db, bytes, "test.json", flags, warnings, error);
}

static XfListItem *
get_item (GListModel *items,
          guint       position)
{
  g_autoptr(XfListItem) item = g_list_model_get_item (items, position);

  g_assert_nonnull (item);
  /* The model keeps its own reference for as long as the test needs it. */
  return item;
}

#define UUID_LIST  "6f1d3c2a-8b4e-4f10-9a7c-0d5e2b1a3c01"
#define UUID_ITEM1 "6f1d3c2a-8b4e-4f10-9a7c-0d5e2b1a3c11"
#define UUID_ITEM2 "6f1d3c2a-8b4e-4f10-9a7c-0d5e2b1a3c12"
#define UUID_ITEM3 "6f1d3c2a-8b4e-4f10-9a7c-0d5e2b1a3c13"

static const char *basic_list =
  "{\n"
  "  \"format\": \"xuefa-knowledge-lists\",\n"
  "  \"format_version\": 1,\n"
  "  \"lists\": [\n"
  "    {\n"
  "      \"uuid\": \"" UUID_LIST "\",\n"
  "      \"title\": \"2026年度测试清单\",\n"
  "      \"year\": 2026,\n"
  "      \"audience\": \"all\",\n"
  "      \"description\": \"说明\",\n"
  "      \"items\": [\n"
  "        {\"uuid\": \"" UUID_ITEM1 "\", \"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 3, \"title\": \"原则\", \"note\": \"要点\"},\n"
  "        {\"uuid\": \"" UUID_ITEM2 "\", \"level\": \"应知\", \"title\": \"自有文本\", \"text\": \"条目自己的文字。\"},\n"
  "        {\"uuid\": \"" UUID_ITEM3 "\", \"level\": \"apply\", \"law\": \"中华人民共和国测试法\", \"article\": 20, \"article_sub\": 1}\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
test_labels (void)
{
  static const struct { guint number, sub; const char *label; } cases[] = {
    { 1, 0, "第一条" }, { 10, 0, "第十条" }, { 11, 0, "第十一条" }, { 20, 0, "第二十条" },
    { 32, 0, "第三十二条" }, { 100, 0, "第一百条" }, { 101, 0, "第一百零一条" },
    { 110, 0, "第一百一十条" }, { 119, 0, "第一百一十九条" }, { 1000, 0, "第一千条" },
    { 1010, 0, "第一千零一十条" }, { 1260, 0, "第一千二百六十条" }, { 1259, 0, "第一千二百五十九条" },
    { 2005, 0, "第二千零五条" }, { 20, 1, "第二十条之一" }, { 133, 2, "第一百三十三条之二" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = xf_article_format_label (cases[i].number, cases[i].sub);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
  {
    g_autofree char *label = xf_article_format_label (0, 0);
    g_assert_cmpstr (label, ==, "");
  }

  g_assert_cmpstr (xf_list_level_from_string ("must"), ==, "must");
  g_assert_cmpstr (xf_list_level_from_string ("应知"), ==, "should");
  g_assert_cmpstr (xf_list_level_from_string ("应会"), ==, "apply");
  g_assert_null (xf_list_level_from_string ("Must"));
  g_assert_null (xf_list_level_from_string (NULL));
  g_assert_cmpstr (xf_audience_from_string ("领导干部"), ==, "leaders");
  g_assert_cmpstr (xf_audience_from_string ("enforcement"), ==, "enforcement");
  g_assert_null (xf_audience_from_string ("everyone"));
  g_assert_cmpstr (xf_list_level_to_label ("must"), ==, "Must know");
  g_assert_cmpstr (xf_audience_to_label ("leaders"), ==, "Leaders");
  g_assert_cmpstr (xf_audience_to_label ("elsewhere"), ==, "elsewhere");
}

static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) items = NULL;
  g_auto(GStrv) warnings = NULL;
  XfKnowledgeList *list;
  XfListItem *item;
  gint64 law, article3;

  law = xf_test_insert_law (fixture->db, "中华人民共和国测试法", "2020-01-01");
  article3 = xf_test_insert_article (fixture->db, law, 3, 0, "第三条的条文。");
  xf_test_insert_article (fixture->db, law, 20, 1, "第二十条之一的条文。");

  lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);

  list = g_ptr_array_index (lists, 0);
  g_assert_cmpstr (xf_knowledge_list_get_uuid (list), ==, UUID_LIST);
  g_assert_cmpstr (xf_knowledge_list_get_title (list), ==, "2026年度测试清单");
  g_assert_cmpint (xf_knowledge_list_get_year (list), ==, 2026);
  g_assert_cmpstr (xf_knowledge_list_get_audience (list), ==, "all");
  g_assert_cmpstr (xf_knowledge_list_get_audience_label (list), ==, "All staff");
  g_assert_cmpstr (xf_knowledge_list_get_description (list), ==, "说明");
  g_assert_cmpint (xf_knowledge_list_get_version (list), ==, 1);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (list), ==, 3);
  g_assert_cmpuint (xf_knowledge_list_get_n_learned (list), ==, 0);

  all = xf_knowledge_store_list_lists (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);

  items = xf_knowledge_store_list_items (fixture->db, xf_knowledge_list_get_id (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  item = get_item (items, 0);
  g_assert_cmpstr (xf_list_item_get_uuid (item), ==, UUID_ITEM1);
  g_assert_cmpuint (xf_list_item_get_position (item), ==, 0);
  g_assert_cmpstr (xf_list_item_get_level (item), ==, "must");
  g_assert_cmpstr (xf_list_item_get_level_label (item), ==, "Must know");
  g_assert_true (xf_list_item_has_article (item));
  g_assert_cmpint (xf_list_item_get_article_id (item), ==, article3);
  g_assert_cmpstr (xf_list_item_get_article_label (item), ==, "第三条");
  g_assert_cmpstr (xf_list_item_get_body (item), ==, "第三条的条文。");
  g_assert_cmpstr (xf_list_item_get_text (item), ==, "");
  g_assert_cmpstr (xf_list_item_get_note (item), ==, "要点");
  g_assert_cmpint (xf_list_item_get_list_id (item), ==, xf_knowledge_list_get_id (list));

  item = get_item (items, 1);
  g_assert_cmpstr (xf_list_item_get_level (item), ==, "should");
  g_assert_false (xf_list_item_has_article (item));
  g_assert_cmpint (xf_list_item_get_article_id (item), ==, 0);
  g_assert_cmpstr (xf_list_item_get_article_label (item), ==, "");
  g_assert_cmpstr (xf_list_item_get_body (item), ==, "条目自己的文字。");
  g_assert_cmpstr (xf_list_item_get_text (item), ==, "条目自己的文字。");

  item = get_item (items, 2);
  g_assert_cmpuint (xf_list_item_get_article_sub (item), ==, 1);
  g_assert_cmpstr (xf_list_item_get_article_label (item), ==, "第二十条之一");
  g_assert_cmpstr (xf_list_item_get_body (item), ==, "第二十条之一的条文。");
  g_assert_cmpstr (xf_list_item_get_title (item), ==, "");
}

/* Several lists: newest year first, then all staff, leaders, enforcement,
 * departments, then title. */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *doc =
    "{\"lists\": ["
    " {\"title\": \"乙\", \"year\": 2025, \"audience\": \"all\", \"items\": []},"
    " {\"title\": \"丙\", \"year\": 2026, \"audience\": \"department\", \"department\": \"司法局\", \"items\": []},"
    " {\"title\": \"丁\", \"year\": 2026, \"audience\": \"leaders\", \"items\": []},"
    " {\"title\": \"甲\", \"year\": 2026, \"audience\": \"all\", \"items\": []},"
    " {\"title\": \"戊\", \"year\": 2026, \"audience\": \"行政执法人员\", \"items\": []}"
    "]}";
  static const char *expected[] = { "甲", "丁", "戊", "丙", "乙" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = import_text (fixture->db, doc, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(GListModel) all = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 5);

  all = xf_knowledge_store_list_lists (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (all, i);

      g_assert_cmpstr (xf_knowledge_list_get_title (list), ==, expected[i]);
      g_assert_true (g_uuid_string_is_valid (xf_knowledge_list_get_uuid (list)));
      if (g_str_equal (expected[i], "丙"))
        g_assert_cmpstr (xf_knowledge_list_get_audience_label (list), ==, "司法局");
      if (g_str_equal (expected[i], "戊"))
        g_assert_cmpstr (xf_knowledge_list_get_audience (list), ==, "enforcement");
      g_assert_cmpfloat (xf_knowledge_list_get_fraction (list), ==, 0.0);
    }
}

/* An item points at the article of the newest version of its law. */
static void
test_resolve_newest (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) items = NULL;
  gint64 old_law, new_law, new_article;
  gboolean found = FALSE;

  new_law = xf_test_insert_law (fixture->db, "中华人民共和国测试法", "2023-09-01");
  old_law = xf_test_insert_law (fixture->db, "中华人民共和国测试法", "2017-06-27");
  xf_test_insert_article (fixture->db, old_law, 3, 0, "旧的第三条。");
  new_article = xf_test_insert_article (fixture->db, new_law, 3, 0, "新的第三条。");

  g_assert_cmpint (xf_knowledge_store_resolve_article (fixture->db, "中华人民共和国测试法", 3, 0, &found, &error),
                   ==, new_article);
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (xf_knowledge_store_resolve_article (fixture->db, "中华人民共和国测试法", 4, 0, &found, &error),
                   ==, 0);
  g_assert_true (found);
  g_assert_cmpint (xf_knowledge_store_resolve_article (fixture->db, "另一部法", 3, 0, &found, &error), ==, 0);
  g_assert_false (found);
  g_assert_no_error (error);

  lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  items = xf_knowledge_store_list_items (fixture->db,
                                         xf_knowledge_list_get_id (g_ptr_array_index (lists, 0)),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (xf_list_item_get_article_id (get_item (items, 0)), ==, new_article);
  g_assert_cmpstr (xf_list_item_get_body (get_item (items, 0)), ==, "新的第三条。");
  /* 第二十条之一 is in neither version: the link waits for the law. */
  g_assert_cmpint (xf_list_item_get_article_id (get_item (items, 2)), ==, 0);
  g_assert_cmpstr (xf_list_item_get_body (get_item (items, 2)), ==, "");
}

static guint
n_learned (XfDatabase *db,
           const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfKnowledgeList) list = xf_knowledge_store_get_list (db, uuid, &error);

  g_assert_no_error (error);
  return xf_knowledge_list_get_n_learned (list);
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(XfKnowledgeList) list = NULL;
  g_autoptr(XfListItem) item = NULL;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_cmpuint (n_learned (fixture->db, UUID_LIST), ==, 0);

  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM2, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_learned (fixture->db, UUID_LIST), ==, 2);

  list = xf_knowledge_store_get_list (fixture->db, UUID_LIST, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (xf_knowledge_list_get_fraction (list), 2.0 / 3.0, 1e-9);

  /* The latest mark is the state, even within one microsecond. */
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, FALSE, &error));
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, TRUE, &error));
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_learned (fixture->db, UUID_LIST), ==, 1);

  item = xf_knowledge_store_get_item (fixture->db, UUID_ITEM1, &error);
  g_assert_no_error (error);
  g_assert_false (xf_list_item_get_learned (item));
  g_clear_object (&item);
  item = xf_knowledge_store_get_item (fixture->db, UUID_ITEM2, &error);
  g_assert_true (xf_list_item_get_learned (item));

  /* The log only grows: five marks, each a record of its own. */
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM item_marks"), ==, 5);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(DISTINCT uuid) FROM item_marks"), ==, 5);
  stmt = xf_database_prepare (fixture->db,
                              "SELECT uuid, created_at, updated_at, device_id FROM item_marks", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (g_uuid_string_is_valid ((const char *)sqlite3_column_text (stmt, 0)));
      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), >, G_GINT64_CONSTANT (1600000000) * G_USEC_PER_SEC);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, sqlite3_column_int64 (stmt, 1));
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==,
                       xf_database_get_device_id (fixture->db));
    }
  sqlite3_reset (stmt);

  g_assert_false (xf_knowledge_store_set_learned (fixture->db, "6f1d3c2a-0000-4f10-9a7c-0d5e2b1a3c99",
                                                  TRUE, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM item_marks"), ==, 5);
}

static void
test_get_list (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autofree char *id = NULL;
  XfKnowledgeList *imported;

  g_assert_no_error (error);
  imported = g_ptr_array_index (lists, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, xf_knowledge_list_get_id (imported));

  {
    g_autoptr(XfKnowledgeList) by_title = xf_knowledge_store_get_list (fixture->db, "2026年度测试清单", &error);
    g_autoptr(XfKnowledgeList) by_id = xf_knowledge_store_get_list (fixture->db, id, &error);
    g_autoptr(XfKnowledgeList) none = xf_knowledge_store_get_list (fixture->db, "没有这个清单", &error);

    g_assert_cmpstr (xf_knowledge_list_get_uuid (by_title), ==, UUID_LIST);
    g_assert_cmpstr (xf_knowledge_list_get_uuid (by_id), ==, UUID_LIST);
    g_assert_null (none);
    g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "没有这个清单"));
  }
}

/* Importing a list again replaces it; its items keep their UUIDs and the
 * marks keep counting. */
static void
test_replace_keeps_marks (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *changed =
    "{\"lists\": [{\"uuid\": \"" UUID_LIST "\", \"title\": \"2026年度测试清单（修订）\", \"year\": 2026,"
    " \"audience\": \"leaders\", \"version\": 2, \"items\": ["
    "  {\"uuid\": \"" UUID_ITEM3 "\", \"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 20, \"article_sub\": 1},"
    "  {\"level\": \"should\", \"text\": \"新增条目。\"},"
    "  {\"uuid\": \"" UUID_ITEM1 "\", \"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 3}"
    "]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GListModel) items = NULL;
  XfKnowledgeList *list;
  gint64 id;

  g_assert_no_error (error);
  id = xf_knowledge_list_get_id (g_ptr_array_index (first, 0));
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, TRUE, &error));
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM2, TRUE, &error));
  g_assert_no_error (error);

  second = import_text (fixture->db, changed, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  list = g_ptr_array_index (second, 0);
  g_assert_cmpint (xf_knowledge_list_get_id (list), ==, id);
  g_assert_cmpstr (xf_knowledge_list_get_title (list), ==, "2026年度测试清单（修订）");
  g_assert_cmpstr (xf_knowledge_list_get_audience (list), ==, "leaders");
  g_assert_cmpint (xf_knowledge_list_get_version (list), ==, 2);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (list), ==, 3);
  /* ITEM2 left the list; ITEM1 stays learned at its new place. */
  g_assert_cmpuint (xf_knowledge_list_get_n_learned (list), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM lists"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM list_items"), ==, 3);

  items = xf_knowledge_store_list_items (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_list_item_get_uuid (get_item (items, 0)), ==, UUID_ITEM3);
  g_assert_true (g_uuid_string_is_valid (xf_list_item_get_uuid (get_item (items, 1))));
  g_assert_cmpstr (xf_list_item_get_uuid (get_item (items, 2)), ==, UUID_ITEM1);
  g_assert_true (xf_list_item_get_learned (get_item (items, 2)));
  g_assert_false (xf_list_item_get_learned (get_item (items, 0)));
}

/* A list written by hand has no item UUIDs: importing it again must not
 * lose what was learned. */
static void
test_replace_matches_items (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *doc =
    "{\"lists\": [{\"uuid\": \"" UUID_LIST "\", \"title\": \"手写清单\", \"year\": 2026, \"audience\": \"all\", \"items\": ["
    "  {\"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 3},"
    "  {\"level\": \"should\", \"title\": \"自有文本\", \"text\": \"文字。\"},"
    "  {\"level\": \"apply\", \"law\": \"中华人民共和国测试法\", \"article\": 5}"
    "]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = import_text (fixture->db, doc, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = xf_knowledge_list_get_id (g_ptr_array_index (first, 0));
  before = xf_knowledge_store_list_items (fixture->db, id, &error);
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, xf_list_item_get_uuid (get_item (before, 0)), TRUE, &error));
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, xf_list_item_get_uuid (get_item (before, 1)), TRUE, &error));
  g_assert_no_error (error);

  second = import_text (fixture->db, doc, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_knowledge_list_get_n_learned (g_ptr_array_index (second, 0)), ==, 2);

  after = xf_knowledge_store_list_items (fixture->db, id, &error);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (xf_list_item_get_uuid (get_item (after, i)), ==, xf_list_item_get_uuid (get_item (before, i)));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(XfDatabase) other = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GListModel) all_again = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListModel) items_again = NULL;
  static const char *second_list =
    "{\"lists\": [{\"title\": \"部门清单\", \"year\": 2025, \"audience\": \"department\","
    " \"department\": \"市场监督管理局\", \"source\": \"局法规科\", \"items\": ["
    "  {\"level\": \"apply\", \"title\": \"多行\\n文本\", \"text\": \"第一款。\\n第二款：\\\"引号\\\"。\", \"note\": \"备注\"}"
    "]}]}";

  lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&lists, g_ptr_array_unref);
  lists = import_text (fixture->db, second_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);

  all = xf_knowledge_store_list_lists (fixture->db, &error);
  first = xf_list_format_export_bytes (fixture->db, all, &error);
  g_assert_no_error (error);

  other = xf_database_open (":memory:", &error);
  g_assert_no_error (error);
  again = xf_list_format_import_bytes (other, first, "export.json", XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);

  all_again = xf_knowledge_store_list_lists (other, &error);
  second = xf_list_format_export_bytes (other, all_again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  /* Field by field too, so that a loss on both sides cannot hide. */
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(XfKnowledgeList) a = g_list_model_get_item (all, l);
      g_autoptr(XfKnowledgeList) b = g_list_model_get_item (all_again, l);

      g_assert_cmpstr (xf_knowledge_list_get_uuid (a), ==, xf_knowledge_list_get_uuid (b));
      g_assert_cmpstr (xf_knowledge_list_get_title (a), ==, xf_knowledge_list_get_title (b));
      g_assert_cmpstr (xf_knowledge_list_get_department (a), ==, xf_knowledge_list_get_department (b));
      g_assert_cmpstr (xf_knowledge_list_get_source (a), ==, xf_knowledge_list_get_source (b));
      g_assert_cmpstr (xf_knowledge_list_get_description (a), ==, xf_knowledge_list_get_description (b));

      items = xf_knowledge_store_list_items (fixture->db, xf_knowledge_list_get_id (a), &error);
      items_again = xf_knowledge_store_list_items (other, xf_knowledge_list_get_id (b), &error);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_list_model_get_n_items (items_again));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          XfListItem *x = get_item (items, i);
          XfListItem *y = get_item (items_again, i);

          g_assert_cmpstr (xf_list_item_get_uuid (x), ==, xf_list_item_get_uuid (y));
          g_assert_cmpstr (xf_list_item_get_level (x), ==, xf_list_item_get_level (y));
          g_assert_cmpstr (xf_list_item_get_law_title (x), ==, xf_list_item_get_law_title (y));
          g_assert_cmpuint (xf_list_item_get_article_number (x), ==, xf_list_item_get_article_number (y));
          g_assert_cmpuint (xf_list_item_get_article_sub (x), ==, xf_list_item_get_article_sub (y));
          g_assert_cmpstr (xf_list_item_get_title (x), ==, xf_list_item_get_title (y));
          g_assert_cmpstr (xf_list_item_get_text (x), ==, xf_list_item_get_text (y));
          g_assert_cmpstr (xf_list_item_get_note (x), ==, xf_list_item_get_note (y));
        }
      g_clear_object (&items);
      g_clear_object (&items_again);
    }

  /* The export holds the text exactly, quotes and line breaks included. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "第一款。\\n第二款：\\\"引号\\\"。"));
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *expect[3];   /* substrings of the message */
} BadCase;

#define LIST_HEAD "{\"lists\": [{\"title\": \"坏清单\", \"year\": 2026, \"audience\": \"all\", \"items\": "
#define ITEM_OK "{\"level\": \"must\", \"text\": \"文字\"}"

static const BadCase bad_cases[] = {
  { "not-json", "这不是 JSON", XF_LIST_FORMAT_ERROR_PARSE, { "test.json:1:", NULL } },
  { "empty", "", XF_LIST_FORMAT_ERROR_PARSE, { "test.json", "empty", NULL } },
  { "blank", " \n\t\n", XF_LIST_FORMAT_ERROR_PARSE, { "test.json", "empty", NULL } },
  { "too-deep", "{\"lists\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", XF_LIST_FORMAT_ERROR_PARSE, { "test.json", "too deeply", NULL } },
  { "root-array", "[1, 2]", XF_LIST_FORMAT_ERROR_INVALID, { "test.json", "lists", "an array" } },
  { "no-lists", "{\"format\": \"xuefa-knowledge-lists\"}", XF_LIST_FORMAT_ERROR_INVALID,
    { "test.json:1: lists: the field is missing", NULL } },
  { "lists-object", "{\"lists\": {}}", XF_LIST_FORMAT_ERROR_INVALID, { "lists: expected an array", NULL } },
  { "lists-empty", "{\"lists\": []}", XF_LIST_FORMAT_ERROR_INVALID, { "lists", "no list", NULL } },
  { "wrong-format", "{\"format\": \"moodle\", \"lists\": []}", XF_LIST_FORMAT_ERROR_INVALID,
    { "format", "moodle", NULL } },
  { "newer-format", "{\"format_version\": 2, \"lists\": []}", XF_LIST_FORMAT_ERROR_INVALID,
    { "format_version", "newer", NULL } },
  { "list-not-object", "{\"lists\": [\"清单\"]}", XF_LIST_FORMAT_ERROR_INVALID,
    { "test.json:1: lists[0]: expected an object, found a string", NULL } },
  { "missing-title", "{\"lists\": [{\"year\": 2026, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].title: the field is missing", NULL } },
  { "blank-title", "{\"lists\": [{\"title\": \" \\u3000 \", \"year\": 2026, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].title", "empty", NULL } },
  { "title-number", "{\"lists\": [{\"title\": 2026, \"year\": 2026, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].title", "expected a string, found a number", NULL } },
  { "year-string", "{\"lists\": [{\"title\": \"清单\",\n \"year\": \"2026\",\n \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "test.json:2: lists[0].year", "whole number", NULL } },
  { "year-decimal", "{\"lists\": [{\"title\": \"清单\", \"year\": 2026.5, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].year", "decimal", NULL } },
  { "year-range", "{\"lists\": [{\"title\": \"清单\", \"year\": 26, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].year", "out of range", NULL } },
  { "unknown-audience", "{\"lists\": [{\"title\": \"清单\", \"year\": 2026, \"audience\": \"everyone\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].audience", "everyone", NULL } },
  { "department-unnamed", "{\"lists\": [{\"title\": \"清单\", \"year\": 2026, \"audience\": \"department\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].department", NULL } },
  { "items-missing", "{\"lists\": [{\"title\": \"清单\", \"year\": 2026, \"audience\": \"all\"}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items: the field is missing", NULL } },
  { "item-not-object", LIST_HEAD "[" ITEM_OK ",\n true]}]}", XF_LIST_FORMAT_ERROR_INVALID,
    { "test.json:2: lists[0].items[1]: expected an object, found true or false", NULL } },
  { "unknown-level", LIST_HEAD "[" ITEM_OK ",\n {\"level\": \"must-know\", \"text\": \"文字\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "test.json:2: lists[0].items[1].level", "must-know", NULL } },
  { "missing-level", LIST_HEAD "[{\"text\": \"文字\"}]}]}", XF_LIST_FORMAT_ERROR_INVALID,
    { "lists[0].items[0].level: the field is missing", NULL } },
  { "no-article-no-text", LIST_HEAD "[" ITEM_OK ", {\"level\": \"should\", \"title\": \"只有标题\", \"text\": \"  \"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[1]:", "neither", NULL } },
  { "law-without-article", LIST_HEAD "[{\"level\": \"must\", \"law\": \"中华人民共和国测试法\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].article", NULL } },
  { "article-without-law", LIST_HEAD "[{\"level\": \"must\", \"article\": 3}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].law", NULL } },
  { "article-string", LIST_HEAD "[{\"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": \"第三条\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].article", "expected a whole number, found a string", NULL } },
  { "article-zero", LIST_HEAD "[{\"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 0}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].article", "out of range", NULL } },
  { "bad-uuid", LIST_HEAD "[{\"uuid\": \"item-1\", \"level\": \"must\", \"text\": \"文字\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].uuid", "item-1", NULL } },
  { "duplicate-item-uuid",
    LIST_HEAD "[{\"uuid\": \"" UUID_ITEM3 "\", \"level\": \"must\", \"text\": \"一\"},"
    " {\"uuid\": \"" UUID_ITEM3 "\", \"level\": \"must\", \"text\": \"二\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[1].uuid", "lists[0].items[0]", NULL } },
  { "duplicate-member", LIST_HEAD "[{\"level\": \"must\", \"level\": \"should\", \"text\": \"文字\"}]}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[0].items[0].level", "twice", NULL } },
  { "duplicate-list-uuid",
    "{\"lists\": [{\"uuid\": \"" UUID_ITEM3 "\", \"title\": \"一\", \"year\": 2026, \"audience\": \"all\", \"items\": []},"
    " {\"uuid\": \"" UUID_ITEM3 "\", \"title\": \"二\", \"year\": 2026, \"audience\": \"all\", \"items\": []}]}",
    XF_LIST_FORMAT_ERROR_INVALID, { "lists[1].uuid", NULL } },
  /* The first list is valid and new; the second takes an item of the list
   * already stored. Neither may be written. */
  { "item-of-another-list",
    "{\"lists\": [{\"title\": \"新清单\", \"year\": 2026, \"audience\": \"all\", \"items\": [" ITEM_OK "]},"
    " {\"title\": \"另一个\", \"year\": 2026, \"audience\": \"all\", \"items\": ["
    "  {\"uuid\": \"" UUID_ITEM1 "\", \"level\": \"must\", \"text\": \"文字\"}]}]}",
    XF_LIST_FORMAT_ERROR_CONFLICT, { "lists[1].items[0].uuid", "2026年度测试清单", NULL } },
};

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) good = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(XfKnowledgeList) kept = NULL;
  g_auto(GStrv) warnings = NULL;
  gint64 generation;

  g_assert_no_error (error);
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM1, TRUE, &error));
  generation = xf_database_get_content_generation (fixture->db);

  lists = import_text (fixture->db, bad->json, XF_LIST_IMPORT_NONE, &warnings, &error);
  g_assert_null (lists);
  g_assert_null (warnings);
  g_assert_error (error, XF_LIST_FORMAT_ERROR, bad->code);
  g_test_message ("%s: %s", bad->name, error->message);
  g_assert_true (g_str_has_prefix (error->message, "test.json"));
  for (guint i = 0; i < G_N_ELEMENTS (bad->expect) && bad->expect[i] != NULL; i++)
    if (strstr (error->message, bad->expect[i]) == NULL)
      g_error ("%s: “%s” lacks “%s”", bad->name, error->message, bad->expect[i]);

  /* Nothing written, nothing lost */
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM lists"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM list_items"), ==, 3);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation);
  g_clear_error (&error);
  kept = xf_knowledge_store_get_list (fixture->db, UUID_LIST, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_knowledge_list_get_title (kept), ==, "2026年度测试清单");
  g_assert_cmpuint (xf_knowledge_list_get_n_learned (kept), ==, 1);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) good = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  gsize length = strlen (basic_list);

  g_assert_no_error (error);

  /* Every cut of a valid file fails cleanly and writes nothing. */
  for (gsize cut = 1; cut < length - 2; cut += 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (basic_list, cut);
      g_autoptr(GPtrArray) lists = NULL;

      lists = xf_list_format_import_bytes (fixture->db, bytes, "cut.json", XF_LIST_IMPORT_NONE, NULL, &error);
      g_assert_null (lists);
      g_assert_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "cut.json:"));
      g_clear_error (&error);
    }

  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM lists"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM list_items"), ==, 3);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *doc =
    "{\"lists\": [{\"title\": \"清单\", \"year\": 2026, \"audience\": \"all\", \"colour\": \"red\", \"items\": [\n"
    "  {\"level\": \"must\", \"law\": \"中华人民共和国测试法\", \"article\": 99},\n"
    "  {\"level\": \"must\", \"law\": \"中华人民共和国未载法\", \"article\": 1},\n"
    "  {\"level\": \"must\", \"law\": \"中华人民共和国未载法\", \"article\": 2, \"artcle_sub\": 1}\n"
    "]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *all = NULL;
  gint64 law;

  law = xf_test_insert_law (fixture->db, "中华人民共和国测试法", "2020-01-01");
  xf_test_insert_article (fixture->db, law, 3, 0, "第三条。");

  lists = import_text (fixture->db, doc, XF_LIST_IMPORT_NONE, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (g_ptr_array_index (lists, 0)), ==, 3);

  all = g_strjoinv ("\n", warnings);
  g_test_message ("%s", all);
  g_assert_cmpuint (g_strv_length (warnings), ==, 4);
  g_assert_nonnull (strstr (all, "test.json:1: lists[0].colour: unknown field"));
  g_assert_nonnull (strstr (all, "test.json:4: lists[0].items[2].artcle_sub: unknown field"));
  g_assert_nonnull (strstr (all, "test.json:2: lists[0].items[0].article: 中华人民共和国测试法 has no 第九十九条"));
  g_assert_nonnull (strstr (all, "test.json:3: lists[0].items[1].law: 中华人民共和国未载法 is not in the database yet; 2 items"));
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_auto(GStrv) warnings = NULL;

  lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_DRY_RUN, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (g_ptr_array_index (lists, 0)), ==, 3);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);

  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM lists"), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM list_items"), ==, 0);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, 0);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_autoptr(GPtrArray) again = NULL;
  gint64 generation;

  g_assert_no_error (error);
  g_assert_true (xf_knowledge_store_set_learned (fixture->db, UUID_ITEM2, TRUE, &error));
  generation = xf_database_get_content_generation (fixture->db);

  g_assert_true (xf_knowledge_store_delete_list (fixture->db, UUID_LIST, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM lists"), ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "SELECT COUNT(*) FROM list_items"), ==, 0);
  /* Lists are not in the statutes' search index: it stays valid. */
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation);

  g_assert_false (xf_knowledge_store_delete_list (fixture->db, UUID_LIST, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The marks stayed in the log: the list comes back as it was learned. */
  again = import_text (fixture->db, basic_list, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_knowledge_list_get_n_learned (g_ptr_array_index (again, 0)), ==, 1);
}

static void
test_bom_and_aliases (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) items = NULL;

  g_string_append (doc, "{\"lists\": [{\"title\": \"  记事本保存的清单  \", \"year\": 2026, \"audience\": \"领导干部\","
                        " \"items\": [{\"level\": \"应会\", \"text\": \"文字\"}]}]}");
  lists = import_text (fixture->db, doc->str, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_knowledge_list_get_title (g_ptr_array_index (lists, 0)), ==, "记事本保存的清单");
  g_assert_cmpstr (xf_knowledge_list_get_audience (g_ptr_array_index (lists, 0)), ==, "leaders");

  items = xf_knowledge_store_list_items (fixture->db, xf_knowledge_list_get_id (g_ptr_array_index (lists, 0)), &error);
  g_assert_cmpstr (xf_list_item_get_level (get_item (items, 0)), ==, "apply");
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-lists-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "清单.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "none.json", NULL);
  g_autofree char *exported = g_build_filename (dir, "export.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) all = NULL;

  g_assert_true (g_file_set_contents (path, basic_list, -1, &error));
  lists = xf_list_format_import_file (fixture->db, path, XF_LIST_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->len, ==, 1);

  g_assert_null (xf_list_format_import_file (fixture->db, missing, XF_LIST_IMPORT_NONE, NULL, &error));
  g_assert_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "none.json"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"lists\": [{\"title\": 1}]}", -1, &error));
  g_assert_null (xf_list_format_import_file (fixture->db, path, XF_LIST_IMPORT_NONE, NULL, &error));
  g_assert_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  all = xf_knowledge_store_list_lists (fixture->db, &error);
  g_assert_true (xf_list_format_export_file (fixture->db, all, exported, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"uuid\" : \"" UUID_ITEM3 "\""));
  g_assert_nonnull (strstr (contents, "\"article_sub\" : 1"));

  g_unlink (path);
  g_unlink (exported);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/knowledge-list/labels", test_labels);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/knowledge-list/store", test_store);
  ADD ("/knowledge-list/order", test_order);
  ADD ("/knowledge-list/resolve-newest", test_resolve_newest);
  ADD ("/knowledge-list/marks", test_marks);
  ADD ("/knowledge-list/get-list", test_get_list);
  ADD ("/knowledge-list/replace-keeps-marks", test_replace_keeps_marks);
  ADD ("/knowledge-list/replace-matches-items", test_replace_matches_items);
  ADD ("/knowledge-list/round-trip", test_round_trip);
  ADD ("/knowledge-list/truncated", test_truncated);
  ADD ("/knowledge-list/warnings", test_warnings);
  ADD ("/knowledge-list/dry-run", test_dry_run);
  ADD ("/knowledge-list/delete", test_delete);
  ADD ("/knowledge-list/bom-and-aliases", test_bom_and_aliases);
  ADD ("/knowledge-list/import-file", test_import_file);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/knowledge-list/bad-input/%s", bad_cases[i].name);
      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad_input, fixture_teardown);
    }

  return g_test_run ();
}
