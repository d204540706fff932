/* test-law-import.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "xf-database.h"
#include "xf-law-importer.h"
#include "test-utils.h"

typedef struct
{
  char       *dir;
  char       *db_path;
  XfDatabase *db;
} Fixture;

/* The reference counts of shared/data/README.md and laws/INDEX.tsv. */
static const struct
{
  const char *file;
  const char *title;
  guint       articles;
  guint       subparts;
  guint       chapters;
  guint       sections;
} shipped[] = {
  { "宪法.md", "中华人民共和国宪法", 143, 0, 4, 8 },
  { "行政处罚法(2021-01-22).md", "中华人民共和国行政处罚法", 86, 0, 8, 4 },
  { "行政许可法(2019-04-23).md", "中华人民共和国行政许可法", 83, 0, 8, 6 },
  { "行政复议法(2023-09-01).md", "中华人民共和国行政复议法", 90, 0, 7, 9 },
  { "行政诉讼法(2017-06-27).md", "中华人民共和国行政诉讼法", 103, 0, 10, 5 },
  { "国家赔偿法(2012-10-26).md", "中华人民共和国国家赔偿法", 42, 0, 6, 6 },
  { "公务员法(2018-12-29).md", "中华人民共和国公务员法", 113, 0, 18, 0 },
  { "监察法(2024-12-25).md", "中华人民共和国监察法", 78, 0, 9, 0 },
  { "政府信息公开条例(2019-04-03).md", "中华人民共和国政府信息公开条例", 56, 0, 6, 0 },
  { "优化营商环境条例(2019-10-22).md", "优化营商环境条例", 72, 0, 7, 0 },
  { "重大行政决策程序暂行条例(2019-04-20).md", "重大行政决策程序暂行条例", 44, 0, 6, 6 },
  { "行政强制法(2011-06-30).md", "中华人民共和国行政强制法", 71, 0, 7, 6 },
  { "公职人员政务处分法(2020-06-20).md", "中华人民共和国公职人员政务处分法", 68, 0, 7, 0 },
  { "立法法(2023-03-13).md", "中华人民共和国立法法", 120, 0, 6, 7 },
  { "民法典/总则.md", "中华人民共和国民法典", 204, 0, 10, 15 },
  { "民法典/物权编.md", "中华人民共和国民法典", 258, 5, 20, 7 },
  { "民法典/合同编.md", "中华人民共和国民法典", 526, 3, 29, 10 },
  { "民法典/人格权编.md", "中华人民共和国民法典", 51, 0, 6, 0 },
  { "民法典/婚姻家庭编.md", "中华人民共和国民法典", 79, 0, 5, 5 },
  { "民法典/继承编.md", "中华人民共和国民法典", 45, 0, 4, 0 },
  { "民法典/侵权责任编.md", "中华人民共和国民法典", 95, 0, 10, 0 },
  { "民法典/附则.md", "中华人民共和国民法典", 2, 0, 0, 0 },
};

static const char * const civil_code_parts[] = {
  "总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xf-law-import-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "xuefa.db", NULL);
  fixture->db = xf_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  xf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
laws_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
}

static char *
shipped_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "laws", relative, NULL);
}

static gint64
query_int (XfDatabase *db,
           const char *sql,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (xf_database_step (db, stmt, &error), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static char *
query_text (XfDatabase *db,
            const char *sql,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, &error);
  char *value;

  g_assert_no_error (error);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (xf_database_step (db, stmt, &error), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static XfLawImporter *
import_paths (XfDatabase  *db,
              const char  *first,
              ...)
{
  g_autoptr(GError) error = NULL;
  XfLawImporter *importer = xf_law_importer_new (db);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    xf_law_importer_add_path (importer, path);
  va_end (args);

  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  return importer;
}

static const XfLawImportProblem *
find_problem (XfLawImporter *importer,
              const char    *basename)
{
  GPtrArray *problems = xf_law_importer_get_problems (importer);

  for (guint i = 0; i < problems->len; i++)
    {
      const XfLawImportProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_has_suffix (problem->path, basename))
        return problem;
    }
  return NULL;
}

static gboolean
has_notice (XfLawImporter *importer,
            const char    *basename,
            const char    *fragment)
{
  GPtrArray *notices = xf_law_importer_get_notices (importer);

  for (guint i = 0; i < notices->len; i++)
    {
      const XfLawImportNotice *notice = g_ptr_array_index (notices, i);

      if (g_str_has_suffix (notice->path, basename) &&
          (fragment == NULL || strstr (notice->message, fragment) != NULL))
        return TRUE;
    }
  return FALSE;
}

#define SQL_COUNT_UNDER_PART \
  "WITH RECURSIVE tree (id) AS (SELECT id FROM headings WHERE kind = 'part' AND parent_id IS NULL " \
  "AND title = ?1 UNION ALL SELECT h.id FROM headings AS h JOIN tree ON h.parent_id = tree.id) "

static void
check_shipped (XfDatabase *db)
{
  static const char * const kinds[] = { "subpart", "chapter", "section" };

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM laws", NULL), ==, 15);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles", NULL), ==, 2429);

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      gboolean part = g_str_has_prefix (shipped[i].file, "民法典/");
      guint expected[3] = { shipped[i].subparts, shipped[i].chapters, shipped[i].sections };

      g_test_message ("%s", shipped[i].file);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *sql = NULL;
          g_autofree char *part_title = NULL;

          if (part)
            {
              part_title = g_path_get_basename (shipped[i].file);
              *strrchr (part_title, '.') = '\0';
              sql = g_strdup_printf (SQL_COUNT_UNDER_PART
                                     "SELECT count(*) FROM headings WHERE id IN (SELECT id FROM tree) "
                                     "AND kind = '%s'", kinds[k]);
            }
          else
            sql = g_strdup_printf ("SELECT count(*) FROM headings JOIN laws ON laws.id = headings.law_id "
                                   "WHERE laws.title = ?1 AND kind = '%s'", kinds[k]);
          g_assert_cmpint (query_int (db, sql, part ? part_title : shipped[i].title), ==, expected[k]);
        }

      if (part)
        {
          g_autofree char *part_title = g_path_get_basename (shipped[i].file);

          *strrchr (part_title, '.') = '\0';
          g_assert_cmpint (query_int (db, SQL_COUNT_UNDER_PART
                                      "SELECT count(*) FROM articles WHERE heading_id IN (SELECT id FROM tree)",
                                      part_title), ==, shipped[i].articles);
        }
      else
        {
          g_assert_cmpint (query_int (db, "SELECT article_count FROM laws WHERE title = ?1",
                                      shipped[i].title), ==, shipped[i].articles);
          g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles JOIN laws ON laws.id = law_id "
                                      "WHERE laws.title = ?1", shipped[i].title), ==, shipped[i].articles);
          g_assert_cmpint (query_int (db, "SELECT count(*) FROM headings JOIN laws ON laws.id = law_id "
                                      "WHERE laws.title = ?1 AND kind = 'part'", shipped[i].title), ==, 0);
        }
    }

  /* 民法典 is one law of 1260 articles in eight parts, ordered by their
   * article numbers; its articles' positions follow their numbers. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM laws WHERE title = ?1", "中华人民共和国民法典"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT article_count FROM laws WHERE title = ?1", "中华人民共和国民法典"), ==, 1260);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles JOIN laws ON laws.id = law_id "
                              "WHERE laws.title = ?1", "中华人民共和国民法典"), ==, 1260);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT number) FROM articles JOIN laws ON laws.id = law_id "
                              "WHERE laws.title = ?1", "中华人民共和国民法典"), ==, 1260);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles JOIN laws ON laws.id = law_id "
                              "WHERE laws.title = ?1 AND position != number - 1", "中华人民共和国民法典"), ==, 0);
  {
    g_autofree char *order = query_text (db, "SELECT group_concat (title, ',') FROM (SELECT h.title FROM headings AS h "
                                         "JOIN laws ON laws.id = h.law_id WHERE laws.title = ?1 AND h.kind = 'part' "
                                         "ORDER BY h.position)", "中华人民共和国民法典");
    g_assert_cmpstr (order, ==, "总则,物权编,合同编,人格权编,婚姻家庭编,继承编,侵权责任编,附则");
  }
  /* Heading positions are unique and follow the parts. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT position) - count(*) FROM headings JOIN laws ON laws.id = law_id "
                              "WHERE laws.title = ?1", "中华人民共和国民法典"), ==, 0);
  g_assert_cmpint (query_int (db, SQL_COUNT_UNDER_PART
                              "SELECT min (number) FROM articles WHERE heading_id IN (SELECT id FROM tree)",
                              "附则"), ==, 1259);

  {
    g_autofree char *version = query_text (db, "SELECT version_date FROM laws WHERE title = ?1", "中华人民共和国民法典");
    g_autofree char *constitution = query_text (db, "SELECT level FROM laws WHERE title = ?1", "中华人民共和国宪法");
    g_autofree char *law = query_text (db, "SELECT level FROM laws WHERE title = ?1", "中华人民共和国监察法");
    g_autofree char *regulation = query_text (db, "SELECT level FROM laws WHERE title = ?1", "优化营商环境条例");
    g_autofree char *civil = query_text (db, "SELECT level FROM laws WHERE title = ?1", "中华人民共和国民法典");
    g_autofree char *preamble = query_text (db, "SELECT preamble FROM laws WHERE title = ?1", "中华人民共和国宪法");
    g_autofree char *history = query_text (db, "SELECT history FROM laws WHERE title = ?1", "中华人民共和国民法典");

    g_assert_cmpstr (version, ==, "2020-05-28");
    g_assert_cmpstr (constitution, ==, "宪法");
    g_assert_cmpstr (law, ==, "法律");
    g_assert_cmpstr (regulation, ==, "行政法规");
    g_assert_cmpstr (civil, ==, "法律");
    g_assert_true (g_str_has_prefix (preamble, "中国是世界上历史最悠久的国家之一"));
    g_assert_cmpstr (history, ==, "2020年5月28日 第十三届全国人民代表大会第三次会议通过\n2021年1月1日 施行");
  }

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM laws WHERE status != 'current' OR length (uuid) != 36 "
                              "OR imported_at <= 0", NULL), ==, 0);
  /* Every article sits under the innermost heading of its line. */
  {
    g_autofree char *title = query_text (db, "SELECT h.title FROM articles AS a JOIN headings AS h ON h.id = a.heading_id "
                                         "JOIN laws ON laws.id = a.law_id WHERE laws.title = ?1 AND a.number = 1111",
                                         "中华人民共和国民法典");
    g_assert_cmpstr (title, ==, "收养的效力");
  }
}

/* The reference table above agrees with INDEX.tsv, where it is at hand. */
static void
test_index_agrees (void)
{
  const char *shared = g_getenv ("XUEFA_SHARED_DATA");
  g_autofree char *index = shared ? g_build_filename (shared, "laws", "INDEX.tsv", NULL) : NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) rows = NULL;
  guint matched = 0;

  if (index == NULL || !g_file_get_contents (index, &contents, NULL, NULL))
    {
      g_test_skip ("INDEX.tsv is not at hand");
      return;
    }
  rows = g_strsplit (contents, "\n", -1);
  for (guint r = 1; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);

      if (g_strv_length (cells) < 10)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
        if (g_str_equal (cells[0], shipped[i].file))
          {
            g_assert_cmpuint (g_ascii_strtoull (cells[6], NULL, 10), ==, shipped[i].articles);
            g_assert_cmpuint (g_ascii_strtoull (cells[7], NULL, 10), ==, shipped[i].subparts);
            g_assert_cmpuint (g_ascii_strtoull (cells[8], NULL, 10), ==, shipped[i].chapters);
            g_assert_cmpuint (g_ascii_strtoull (cells[9], NULL, 10), ==, shipped[i].sections);
            matched++;
          }
    }
  g_assert_cmpuint (matched, ==, G_N_ELEMENTS (shipped));
}

static void
test_shipped (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  gint64 generation = xf_database_get_content_generation (fixture->db);
  g_autoptr(XfLawImporter) importer = import_paths (fixture->db, dir, NULL);
  GPtrArray *files = xf_law_importer_get_files (importer);
  gint64 civil_id = 0;

  g_assert_cmpuint (xf_law_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (files->len, ==, G_N_ELEMENTS (shipped));
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 2429);
  /* One bump for the whole run. */
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation + 1);

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *path = shipped_path (shipped[i].file);
      gboolean found = FALSE;

      for (guint j = 0; j < files->len; j++)
        {
          const XfLawImportFile *file = g_ptr_array_index (files, j);
          g_autofree char *canonical = g_canonicalize_filename (file->path, NULL);
          g_autofree char *expected = g_canonicalize_filename (path, NULL);

          if (!g_str_equal (canonical, expected))
            continue;
          found = TRUE;
          g_assert_cmpstr (file->law_title, ==, shipped[i].title);
          g_assert_cmpuint (file->article_count, ==, shipped[i].articles);
          g_assert_cmpint (file->law_id, >, 0);
          if (g_str_has_prefix (shipped[i].file, "民法典/"))
            {
              g_assert_nonnull (file->part);
              if (civil_id == 0)
                civil_id = file->law_id;
              g_assert_cmpint (file->law_id, ==, civil_id);
            }
          else
            g_assert_null (file->part);
        }
      g_assert_true (found);
    }

  check_shipped (fixture->db);
}

static void
test_reimport_replaces (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  g_autoptr(XfLawImporter) first = import_paths (fixture->db, dir, NULL);
  g_autofree char *uuid = query_text (fixture->db, "SELECT uuid FROM laws WHERE title = ?1", "中华人民共和国宪法");
  gint64 generation = xf_database_get_content_generation (fixture->db);
  g_autoptr(XfLawImporter) second = import_paths (fixture->db, dir, NULL);
  g_autofree char *uuid_after = query_text (fixture->db, "SELECT uuid FROM laws WHERE title = ?1", "中华人民共和国宪法");

  g_assert_cmpuint (xf_law_importer_get_problems (second)->len, ==, 0);
  g_assert_cmpuint (xf_law_importer_get_article_total (second), ==, 2429);
  /* Replaced in place: the law keeps its identity. */
  g_assert_cmpstr (uuid, ==, uuid_after);
  g_assert_true (has_notice (second, "宪法.md", NULL));
  g_assert_true (has_notice (second, "物权编.md", NULL));
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation + 1);
  check_shipped (fixture->db);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM headings WHERE law_id NOT IN (SELECT id FROM laws)", NULL), ==, 0);
}

static void
test_parts_any_order (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (fixture->db);
  g_autoptr(XfLawImporter) again = NULL;
  g_autofree char *property = shipped_path ("民法典/物权编.md");
  gint64 other_part;

  /* Reversed, and from memory, as the default content is loaded. */
  for (int i = G_N_ELEMENTS (civil_code_parts) - 1; i >= 0; i--)
    {
      g_autofree char *relative = g_strdup_printf ("民法典/%s.md", civil_code_parts[i]);
      g_autofree char *path = shipped_path (relative);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      xf_law_importer_add_bytes (importer, relative, bytes);
    }
  xf_law_importer_set_source (importer, "default content");
  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 8);
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 1260);

  /* Everything else of the shipped set, then a check of all of it. */
  {
    g_autoptr(XfLawImporter) others = xf_law_importer_new (fixture->db);

    for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
      if (!g_str_has_prefix (shipped[i].file, "民法典/"))
        {
          g_autofree char *path = shipped_path (shipped[i].file);
          xf_law_importer_add_path (others, path);
        }
    g_assert_true (xf_law_importer_run (others, NULL, &error));
    g_assert_no_error (error);
  }
  check_shipped (fixture->db);
  {
    g_autofree char *source = query_text (fixture->db, "SELECT source FROM laws WHERE title = ?1", "中华人民共和国民法典");
    g_assert_cmpstr (source, ==, "default content");
  }

  /* Re-importing one part replaces just that part. */
  other_part = query_int (fixture->db, "SELECT id FROM headings WHERE kind = 'part' AND title = ?1", "合同编");
  again = import_paths (fixture->db, property, NULL);
  g_assert_cmpuint (xf_law_importer_get_article_total (again), ==, 258);
  g_assert_true (has_notice (again, "物权编.md", "物权编"));
  g_assert_cmpint (query_int (fixture->db, "SELECT id FROM headings WHERE kind = 'part' AND title = ?1", "合同编"), ==, other_part);
  check_shipped (fixture->db);
}

static void
test_new_version_beside (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = shipped_path ("行政复议法(2023-09-01).md");
  g_autofree char *contents = NULL;
  g_autofree char *older = g_build_filename (fixture->dir, "行政复议法(2017-09-01).md", NULL);
  g_autofree char *status_new = NULL;
  g_autofree char *status_old = NULL;
  g_autoptr(XfLawImporter) first = NULL;
  g_autoptr(XfLawImporter) second = NULL;
  char *cut;

  /* An "older version": the same text up to 第五十条. */
  g_file_get_contents (current, &contents, NULL, &error);
  g_assert_no_error (error);
  cut = strstr (contents, "\n第五十条 ");
  g_assert_nonnull (cut);
  cut[1] = '\0';
  g_file_set_contents (older, contents, -1, &error);
  g_assert_no_error (error);

  first = import_paths (fixture->db, current, NULL);
  second = import_paths (fixture->db, older, NULL);
  g_assert_cmpuint (xf_law_importer_get_article_total (second), ==, 49);
  g_assert_false (has_notice (second, "行政复议法(2017-09-01).md", NULL));

  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM laws WHERE title = ?1", "中华人民共和国行政复议法"), ==, 2);
  g_assert_cmpint (query_int (fixture->db, "SELECT article_count FROM laws WHERE version_date = ?1", "2023-09-01"), ==, 90);
  g_assert_cmpint (query_int (fixture->db, "SELECT article_count FROM laws WHERE version_date = ?1", "2017-09-01"), ==, 49);
  /* Only the newest version is in force. */
  status_new = query_text (fixture->db, "SELECT status FROM laws WHERE version_date = ?1", "2023-09-01");
  status_old = query_text (fixture->db, "SELECT status FROM laws WHERE version_date = ?1", "2017-09-01");
  g_assert_cmpstr (status_new, ==, "current");
  g_assert_cmpstr (status_old, ==, "amended");
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "in", name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *supervision = shipped_path ("监察法(2024-12-25).md");
  g_autofree char *text = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *in_dir = g_build_filename (fixture->dir, "in", NULL);
  g_autofree char *truncated = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.md", NULL);
  g_autofree char *fifo = NULL;
  g_autoptr(XfLawImporter) importer = NULL;
  const XfLawImportProblem *problem;
  gsize text_len, gb_len;
  gint64 generation = xf_database_get_content_generation (fixture->db);
  int fd;

  g_file_get_contents (supervision, &text, &text_len, &error);
  g_assert_no_error (error);

  g_free (write_file (fixture, "a-good.md", "# 甲法\n\n第一条 一。\n\n第二条 二。\n", -1));
  g_free (write_file (fixture, "b-empty.md", "", 0));
  g_free (write_file (fixture, "c-blank.txt", " \n\n\t\n", -1));
  g_free (write_file (fixture, "d-binary.md", "# 乙法\n第一条 \0\1\2\3", 20));
  g_free (write_file (fixture, "e-invalid.md", "# 丙法\n\n第一条 一。\n\n第二条 \xff\xfe 二。\n", -1));
  /* GB18030, made from a real law */
  gb = g_convert (text, text_len, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_free (write_file (fixture, "f-gb18030.md", gb, gb_len));
  /* Cut in the middle of a UTF-8 sequence: 第二条 本法自 and one byte of 公 */
  g_free (write_file (fixture, "g-cut-char.md", "# 丁法\n第一条 一。\n第二条 本法自\xe5", -1));
  /* Cut mid-article at a character boundary, without the final newline */
  truncated = g_strndup (text, strstr (text, "第七十八条") - text + strlen ("第七十八条 本法自"));
  g_free (write_file (fixture, "h-cut-article.md", truncated, -1));
  g_free (write_file (fixture, "i-no-articles.md", "# 戊法\n\n只是一段说明。\n\n## 第一章 总则\n", -1));
  g_free (write_file (fixture, "README.md", "# 说明\n没有条文。\n", -1));
  g_free (write_file (fixture, "notes.json", "{}", -1));
  /* Over 100 MB, sparse: refused without being read */
  huge = g_build_filename (in_dir, "j-huge.md", NULL);
  fd = g_open (huge, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, XF_LAW_IMPORTER_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  /* A pipe, named explicitly: never read, it could block for ever. */
  fifo = g_build_filename (fixture->dir, "k-pipe.md", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  importer = import_paths (fixture->db, in_dir, missing, fifo, NULL);

  /* The good file and the GB18030 one import; README and .json are not
   * statute files and are not even looked at. */
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 2);
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 2 + 78);
  g_assert_true (has_notice (importer, "f-gb18030.md", "GB18030"));
  g_assert_cmpint (query_int (fixture->db, "SELECT article_count FROM laws WHERE title = ?1", "中华人民共和国监察法"), ==, 78);
  {
    g_autofree char *title = query_text (fixture->db, "SELECT title FROM headings WHERE label = ?1", "第一章");
    g_assert_cmpstr (title, ==, "总则");
  }
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM laws", NULL), ==, 2);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation + 1);

  g_assert_cmpuint (xf_law_importer_get_problems (importer)->len, ==, 10);
  g_assert_null (find_problem (importer, "README.md"));
  g_assert_null (find_problem (importer, "a-good.md"));
  g_assert_null (find_problem (importer, "f-gb18030.md"));

  problem = find_problem (importer, "b-empty.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_EMPTY);
  problem = find_problem (importer, "c-blank.txt");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_EMPTY);
  problem = find_problem (importer, "d-binary.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_BINARY);
  problem = find_problem (importer, "e-invalid.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_ENCODING);
  g_assert_cmpuint (problem->line, ==, 5);
  problem = find_problem (importer, "g-cut-char.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_TRUNCATED);
  g_assert_cmpuint (problem->line, ==, 3);
  problem = find_problem (importer, "h-cut-article.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_TRUNCATED);
  {
    guint lines = 1;

    for (const char *p = truncated; *p != '\0'; p++)
      lines += *p == '\n';
    g_assert_cmpuint (problem->line, ==, lines);
  }
  problem = find_problem (importer, "i-no-articles.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_NO_ARTICLES);
  problem = find_problem (importer, "j-huge.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_TOO_LARGE);
  problem = find_problem (importer, "missing.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_UNREADABLE);
  problem = find_problem (importer, "k-pipe.md");
  g_assert_cmpint (problem->kind, ==, XF_LAW_IMPORT_PROBLEM_UNREADABLE);

  for (guint i = 0; i < xf_law_importer_get_problems (importer)->len; i++)
    {
      const XfLawImportProblem *p = g_ptr_array_index (xf_law_importer_get_problems (importer), i);
      g_autofree char *formatted = xf_law_import_problem_format (p);

      g_assert_cmpstr (p->reason, !=, "");
      g_assert_true (g_str_has_prefix (formatted, p->path));
      g_assert_nonnull (strstr (formatted, p->reason));
    }

  /* Nothing of a refused file reached the database. */
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM laws WHERE title IN ('乙法', '丙法', '丁法', '戊法')", NULL), ==, 0);
}

static void
test_same_law_twice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *first = write_file (fixture, "1/甲法.md", "# 甲法\n2020年1月1日 通过\n第一条 旧。\n", -1);
  g_autofree char *second = write_file (fixture, "2/甲法.md", "# 甲法\n2020年1月1日 通过\n第一条 新。\n第二条 新。\n", -1);
  g_autoptr(XfLawImporter) importer = import_paths (fixture->db, first, second, NULL);
  g_autofree char *body = NULL;
  const XfLawImportFile *file;

  g_assert_cmpuint (xf_law_importer_get_problems (importer)->len, ==, 0);
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 1);
  file = g_ptr_array_index (xf_law_importer_get_files (importer), 0);
  g_assert_cmpstr (file->path, ==, second);
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 2);
  g_assert_true (has_notice (importer, "2/甲法.md", first));
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM laws", NULL), ==, 1);
  body = query_text (fixture->db, "SELECT body FROM articles WHERE number = 1", NULL);
  g_assert_cmpstr (body, ==, "新。");
}

static gboolean
count_rows (XfDatabase *db,
            gint64     *laws,
            gint64     *articles,
            gint64     *headings)
{
  *laws = query_int (db, "SELECT count(*) FROM laws", NULL);
  *articles = query_int (db, "SELECT count(*) FROM articles", NULL);
  *headings = query_int (db, "SELECT count(*) FROM headings", NULL);
  return TRUE;
}

static void
cancel_when_writing (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  /* Past half the work the writing has begun. */
  if (done > total / 2 && done < total)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = laws_dir ();
  g_autofree char *constitution = shipped_path ("宪法.md");
  g_autoptr(XfLawImporter) before = import_paths (fixture->db, constitution, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (fixture->db);
  gint64 generation = xf_database_get_content_generation (fixture->db);
  gint64 laws, articles, headings, laws2, articles2, headings2;

  count_rows (fixture->db, &laws, &articles, &headings);

  /* Cancelled before it starts */
  g_cancellable_cancel (cancellable);
  xf_law_importer_add_path (importer, dir);
  g_assert_false (xf_law_importer_run (importer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 0);

  /* Cancelled in the middle of writing: everything rolls back. */
  g_cancellable_reset (cancellable);
  xf_law_importer_set_progress_func (importer, cancel_when_writing, g_object_ref (cancellable), g_object_unref);
  g_assert_false (xf_law_importer_run (importer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 0);
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 0);

  count_rows (fixture->db, &laws2, &articles2, &headings2);
  g_assert_cmpint (laws2, ==, laws);
  g_assert_cmpint (articles2, ==, articles);
  g_assert_cmpint (headings2, ==, headings);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation);
  g_assert_cmpint (laws, ==, 1);
  g_assert_cmpint (articles, ==, 143);

  /* The database is usable afterwards. */
  xf_law_importer_set_progress_func (importer, NULL, NULL, NULL);
  g_cancellable_reset (cancellable);
  g_assert_true (xf_law_importer_run (importer, cancellable, &error));
  g_assert_no_error (error);
  check_shipped (fixture->db);
}

static void
test_hard_error_rolls_back (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = laws_dir ();
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (fixture->db);
  gint64 generation = xf_database_get_content_generation (fixture->db);

  /* A write failing half-way, as a full disk would make it */
  g_assert_true (xf_database_exec (fixture->db,
                                   "CREATE TEMP TRIGGER fail BEFORE INSERT ON articles "
                                   "WHEN NEW.label = '第一千条' BEGIN SELECT RAISE (ABORT, 'disk I/O error'); END",
                                   &error));
  g_assert_no_error (error);
  xf_law_importer_add_path (importer, dir);
  g_assert_false (xf_law_importer_run (importer, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "disk I/O error"));
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM laws", NULL), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM articles", NULL), ==, 0);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, generation);
  g_assert_cmpuint (xf_law_importer_get_files (importer)->len, ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint64    last_done;
  guint64    last_total;
  guint      calls;
  gboolean   backwards;
} AsyncData;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncData *async = user_data;

  if (done < async->last_done || done > total)
    async->backwards = TRUE;
  async->last_done = done;
  async->last_total = total;
  async->calls++;
}

static void
on_run_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *async = user_data;

  async->ok = xf_law_importer_run_finish (XF_LAW_IMPORTER (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
run_async_and_wait (XfLawImporter *importer,
                    AsyncData     *async)
{
  async->loop = g_main_loop_new (NULL, FALSE);
  xf_law_importer_set_progress_func (importer, on_progress, async, NULL);
  xf_law_importer_run_async (importer, NULL, on_run_done, async);
  g_main_loop_run (async->loop);
  g_main_loop_unref (async->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = laws_dir ();
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (fixture->db);
  AsyncData async = { 0 };

  xf_law_importer_add_path (importer, dir);
  run_async_and_wait (importer, &async);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_cmpuint (xf_law_importer_get_article_total (importer), ==, 2429);
  g_assert_false (async.backwards);
  g_assert_cmpuint (async.calls, >=, 2 * G_N_ELEMENTS (shipped));
  g_assert_cmpuint (async.last_done, ==, async.last_total);
  g_assert_cmpuint (async.last_total, >, 0);
  /* Written on the worker's own connection, seen on ours */
  check_shipped (fixture->db);
  g_assert_cmpint (xf_database_get_content_generation (fixture->db), ==, 1);
}

static void
test_async_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);
  g_autofree char *dir = laws_dir ();
  g_autoptr(XfLawImporter) importer = NULL;
  AsyncData async = { 0 };

  g_assert_no_error (error);
  importer = xf_law_importer_new (db);
  xf_law_importer_add_path (importer, dir);
  run_async_and_wait (importer, &async);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  check_shipped (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/law-import/index-agrees", test_index_agrees);
  ADD ("/law-import/shipped", test_shipped);
  ADD ("/law-import/reimport-replaces", test_reimport_replaces);
  ADD ("/law-import/parts-any-order", test_parts_any_order);
  ADD ("/law-import/new-version-beside", test_new_version_beside);
  ADD ("/law-import/bad-input", test_bad_input);
  ADD ("/law-import/same-law-twice", test_same_law_twice);
  ADD ("/law-import/cancel", test_cancel);
  ADD ("/law-import/hard-error-rolls-back", test_hard_error_rolls_back);
  ADD ("/law-import/async", test_async);
  g_test_add_func ("/law-import/async-memory", test_async_memory);
#undef ADD

  return g_test_run ();
}
