/* test-default-lists.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-database.h"
#include "xf-knowledge-store.h"
#include "xf-law-importer.h"
#include "xf-list-format.h"
#include "test-utils.h"

/* The shipped knowledge lists against the shipped statutes: every article
 * an item names must exist, every item must be complete. */

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

static XfListItem *
get_item (GListModel *items,
          guint       position)
{
  g_autoptr(XfListItem) item = g_list_model_get_item (items, position);

  g_assert_nonnull (item);
  /* The model keeps its own reference for as long as the test needs it. */
  return item;
}

/* The shipped statutes, read with a scan of their own so that the default
 * lists are checked against the texts, not against our importer. */
static guint
parse_chinese_number (const char  *text,
                      const char **end)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint total = 0;
  guint digit = 0;
  const char *p = text;

  for (;;)
    {
      gboolean matched = FALSE;

      for (guint d = 0; d < G_N_ELEMENTS (digits) && !matched; d++)
        if (g_str_has_prefix (p, digits[d]))
          {
            digit = d;
            p += strlen (digits[d]);
            matched = TRUE;
          }
      if (matched)
        continue;

      if (g_str_has_prefix (p, "十"))
        {
          total += (digit != 0 ? digit : 1) * 10;
          p += strlen ("十");
        }
      else if (g_str_has_prefix (p, "百"))
        {
          total += digit * 100;
          p += strlen ("百");
        }
      else if (g_str_has_prefix (p, "千"))
        {
          total += digit * 1000;
          p += strlen ("千");
        }
      else
        break;
      digit = 0;
    }

  *end = p;
  return total + digit;
}

static void
load_law_file (XfDatabase *db,
               const char *path,
               GHashTable *laws,
               GHashTable *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *title = NULL;
  gint64 law_id;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "# "));
  title = g_strstrip (g_strdup (lines[0] + 2));

  /* 民法典 comes in parts that share one title and one numbering. */
  law_id = GPOINTER_TO_SIZE (g_hash_table_lookup (laws, title));
  if (law_id == 0)
    {
      law_id = xf_test_insert_law (db, title, "");
      g_hash_table_insert (laws, g_strdup (title), GSIZE_TO_POINTER ((gsize)law_id));
    }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      guint number, sub = 0;

      if (!g_str_has_prefix (p, "第"))
        continue;
      number = parse_chinese_number (p + strlen ("第"), &p);
      if (number == 0 || !g_str_has_prefix (p, "条"))
        continue;
      p += strlen ("条");
      if (g_str_has_prefix (p, "之"))
        sub = parse_chinese_number (p + strlen ("之"), &p);
      if (*p != ' ' && *p != '\0' && !g_str_has_prefix (p, "\u3000"))
        continue;

      xf_test_insert_article (db, law_id, number, sub, lines[i]);
      g_hash_table_insert (counts, g_strdup (title),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, title)) + 1));
    }
}

static void
load_shipped_laws (XfDatabase *db,
                   const char *dir_path)
{
  static const struct { const char *title; guint articles; } expected[] = {
    { "中华人民共和国宪法", 143 }, { "中华人民共和国行政处罚法", 86 }, { "中华人民共和国行政许可法", 83 },
    { "中华人民共和国行政复议法", 90 }, { "中华人民共和国行政诉讼法", 103 },
    { "中华人民共和国国家赔偿法", 42 }, { "中华人民共和国公务员法", 113 }, { "中华人民共和国监察法", 78 },
    { "中华人民共和国政府信息公开条例", 56 }, { "优化营商环境条例", 72 },
    { "重大行政决策程序暂行条例", 44 }, { "中华人民共和国行政强制法", 71 },
    { "中华人民共和国公职人员政务处分法", 68 }, { "中华人民共和国立法法", 120 },
    { "中华人民共和国民法典", 1260 },
  };
  g_autoptr(GHashTable) laws = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (dirs, g_strdup (dir_path));
  for (guint d = 0; d < dirs->len; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (dirs->pdata[d], 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs->pdata[d], name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (dirs, g_steal_pointer (&path));
          else if (g_str_has_suffix (name, ".md") && !g_str_equal (name, "README.md"))
            load_law_file (db, path, laws, counts);
        }
    }

  /* The scan itself must find every article, or the check below is weak. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, expected[i].title)), ==,
                      expected[i].articles);
}

static void
check_default_list (XfDatabase *db,
                    const char *file,
                    const char *title,
                    const char *audience,
                    guint       min_items,
                    guint       max_items)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lists", file, NULL);
  g_autofree char *shipped = NULL;
  gsize shipped_length;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GListStore) one = g_list_store_new (XF_TYPE_KNOWLEDGE_LIST);
  g_autoptr(GBytes) exported = NULL;
  guint levels[3] = { 0 };
  XfKnowledgeList *list;

  lists = xf_list_format_import_file (db, path, XF_LIST_IMPORT_NONE, &warnings, &error);
  g_assert_no_error (error);
  /* No warning means every article reference exists in the shipped texts. */
  for (guint i = 0; warnings[i] != NULL; i++)
    g_test_message ("%s", warnings[i]);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  g_assert_cmpuint (lists->len, ==, 1);

  list = g_ptr_array_index (lists, 0);
  g_assert_cmpstr (xf_knowledge_list_get_title (list), ==, title);
  g_assert_cmpstr (xf_knowledge_list_get_audience (list), ==, audience);
  g_assert_cmpint (xf_knowledge_list_get_year (list), ==, 2026);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (list), >=, min_items);
  g_assert_cmpuint (xf_knowledge_list_get_n_items (list), <=, max_items);
  g_test_message ("%s: %u items", file, xf_knowledge_list_get_n_items (list));

  items = xf_knowledge_store_list_items (db, xf_knowledge_list_get_id (list), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      XfListItem *item = get_item (items, i);
      const char *level = xf_list_item_get_level (item);

      g_assert_cmpuint (g_utf8_strlen (xf_list_item_get_title (item), -1), >=, 2);
      g_assert_true (g_strcmp0 (xf_list_level_from_string (level), level) == 0);
      levels[g_str_equal (level, "must") ? 0 : g_str_equal (level, "should") ? 1 : 2]++;
      if (xf_list_item_has_article (item))
        {
          g_autofree char *label = xf_article_format_label (xf_list_item_get_article_number (item),
                                                            xf_list_item_get_article_sub (item));

          g_assert_cmpint (xf_list_item_get_article_id (item), >, 0);
          g_assert_cmpstr (xf_list_item_get_article_label (item), ==, label);
          g_assert_cmpuint (strlen (xf_list_item_get_body (item)), >, 6);
        }
      else
        g_assert_cmpuint (g_utf8_strlen (xf_list_item_get_text (item), -1), >=, 20);
    }
  g_assert_cmpuint (levels[0], >, 0);
  g_assert_cmpuint (levels[1], >, 0);
  g_assert_cmpuint (levels[2], >, 0);

  /* The shipped file is in the exact form the exporter writes. */
  g_list_store_append (one, list);
  exported = xf_list_format_export_bytes (db, G_LIST_MODEL (one), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &shipped, &shipped_length, &error));
  g_assert_cmpmem (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), shipped, shipped_length);
}

static void
test_default_lists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *laws = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);

  load_shipped_laws (fixture->db, laws);
  check_default_list (fixture->db, "2026-all-staff.json",
                      "2026年度机关工作人员法律法规应知应会清单", "all", 60, 90);
  check_default_list (fixture->db, "2026-leaders.json",
                      "2026年度领导干部法律法规应知应会清单", "leaders", 30, 50);
}

static void
import_shipped_laws (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *laws = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (db);

  xf_law_importer_add_path (importer, laws);
  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xf_law_importer_get_problems (importer)->len, ==, 0);
}

/* The same check through the statute importer that profiles use. */
static void
test_default_lists_imported (Fixture       *fixture,
                             gconstpointer  data)
{
  import_shipped_laws (fixture->db);
  check_default_list (fixture->db, "2026-all-staff.json",
                      "2026年度机关工作人员法律法规应知应会清单", "all", 60, 90);
  check_default_list (fixture->db, "2026-leaders.json",
                      "2026年度领导干部法律法规应知应会清单", "leaders", 30, 50);
}

/* Items name their articles by law and number: a list imported before its
 * laws links up when they come, and stays linked when they are imported
 * again and their rows are replaced. */
static void
test_links_survive_law_import (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lists", "2026-leaders.json", NULL);
  g_autoptr(GPtrArray) lists = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint moved = 0;
  gint64 list_id;

  lists = xf_list_format_import_file (fixture->db, path, XF_LIST_IMPORT_NONE, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), >, 0);
  list_id = xf_knowledge_list_get_id (g_ptr_array_index (lists, 0));

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GListModel) items = NULL;

      import_shipped_laws (fixture->db);
      items = xf_knowledge_store_list_items (fixture->db, list_id, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          XfListItem *item = get_item (items, i);
          gint64 article_id;

          if (!xf_list_item_has_article (item))
            continue;
          article_id = xf_list_item_get_article_id (item);
          g_assert_cmpint (article_id, >, 0);
          if (round == 0)
            {
              g_ptr_array_add (bodies, g_strdup (xf_list_item_get_body (item)));
              g_array_append_val (ids, article_id);
              continue;
            }
          g_assert_cmpstr (xf_list_item_get_body (item), ==, g_ptr_array_index (bodies, 0));
          if (article_id != g_array_index (ids, gint64, 0))
            moved++;
          g_ptr_array_remove_index (bodies, 0);
          g_array_remove_index (ids, 0);
        }
    }
  g_assert_cmpuint (bodies->len, ==, 0);
  /* The second import replaced the article rows: the links followed. */
  g_assert_cmpuint (moved, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/default-lists/scanned-laws", test_default_lists);
  ADD ("/default-lists/imported-laws", test_default_lists_imported);
  ADD ("/default-lists/links-survive-law-import", test_links_survive_law_import);
#undef ADD

  return g_test_run ();
}
