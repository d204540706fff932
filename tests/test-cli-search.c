/* test-cli-search.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-law-importer.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfLawImporter) importer = NULL;
  g_autofree char *laws = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);

  fixture->dir = g_dir_make_tmp ("xf-cli-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "xuefa.db", NULL);
  db = xf_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  importer = xf_law_importer_new (db);
  xf_law_importer_add_path (importer, laws);
  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
index_path (Fixture *fixture)
{
  return g_strconcat (fixture->db_path, ".search", NULL);
}

/* Runs xuefactl with @args; returns its exit status. */
static int
run (Fixture     *fixture,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xuefactl = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "xuefactl", NULL);
  va_list args;

  g_ptr_array_add (argv, xuefactl);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, fixture->db_path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

/* The articles whose body holds @query, straight from the database. */
static guint
count_articles (Fixture    *fixture,
                const char *query)
{
  g_autoptr(XfDatabase) db = xf_database_open (fixture->db_path, NULL);
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT body FROM articles", NULL);
  guint n = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    n += strstr ((const char *)sqlite3_column_text (stmt, 0), query) != NULL;
  sqlite3_reset (stmt);

  return n;
}

static JsonObject *
search_json (Fixture    *fixture,
             const char *query,
             const char *limit)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  int status;

  if (limit != NULL)
    status = run (fixture, &out, &err, "--json", "search", query, "--limit", limit, NULL);
  else
    status = run (fixture, &out, &err, "search", query, "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  /* --json keeps stderr free of progress notices. */
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
assert_hits (JsonObject *object,
             const char *query,
             guint       expected_total,
             guint       limit)
{
  JsonArray *hits = json_object_get_array_member (object, "hits");
  guint total = json_object_get_int_member (object, "total");

  g_assert_cmpuint (total, ==, expected_total);
  g_assert_cmpuint (json_array_get_length (hits), ==, MIN (total, limit));
  g_assert_true (json_object_get_boolean_member (object, "index_ready"));
  g_assert_cmpstr (json_object_get_string_member (object, "query"), ==, query);

  for (guint i = 0; i < json_array_get_length (hits); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      const char *snippet = json_object_get_string_member (hit, "snippet");
      JsonArray *highlights = json_object_get_array_member (hit, "highlights");

      g_assert_true (g_str_has_prefix (json_object_get_string_member (hit, "article"), "第"));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (hit, "article"), "条"));
      g_assert_cmpint (json_object_get_int_member (hit, "number"), >, 0);
      g_assert_cmpint (json_object_get_int_member (hit, "id"), >, 0);
      g_assert_cmpint (strlen (json_object_get_string_member (hit, "law")), >, 0);
      g_assert_nonnull (json_object_get_string_member (hit, "path"));
      g_assert_nonnull (strstr (snippet, query));
      g_assert_cmpuint (json_array_get_length (highlights), >, 0);
      for (guint h = 0; h < json_array_get_length (highlights); h++)
        {
          JsonArray *range = json_array_get_array_element (highlights, h);
          const char *from = g_utf8_offset_to_pointer (snippet, json_array_get_int_element (range, 0));

          g_assert_cmpint (json_array_get_int_element (range, 1) - json_array_get_int_element (range, 0), ==,
                           g_utf8_strlen (query, -1));
          g_assert_cmpint (strncmp (from, query, strlen (query)), ==, 0);
        }
      if (i > 0)
        g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (hits, i - 1), "score"), >=,
                           json_object_get_double_member (hit, "score"));
    }
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = index_path (fixture);
  g_autoptr(JsonObject) object = NULL;
  JsonArray *laws;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  object = search_json (fixture, "行政处罚", NULL);
  /* The first search builds the index. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_hits (object, "行政处罚", count_articles (fixture, "行政处罚"), 50);
  g_assert_cmpuint (json_object_get_int_member (object, "total"), >, 50);

  /* The law named by the query comes first, among the laws and the hits. */
  laws = json_object_get_array_member (object, "laws");
  g_assert_cmpuint (json_array_get_length (laws), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (laws, 0), "title"), ==,
                   "中华人民共和国行政处罚法");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "hits"), 0), "law"),
                   ==, "中华人民共和国行政处罚法");
  g_clear_pointer (&object, json_object_unref);

  object = search_json (fixture, "罚", "7");
  assert_hits (object, "罚", count_articles (fixture, "罚"), 7);
  g_clear_pointer (&object, json_object_unref);

  object = search_json (fixture, "不得作为行政处罚的依据", "100");
  assert_hits (object, "不得作为行政处罚的依据", count_articles (fixture, "不得作为行政处罚的依据"), 100);
  g_assert_cmpuint (json_object_get_int_member (object, "total"), ==, 1);
  g_clear_pointer (&object, json_object_unref);

  object = search_json (fixture, "量子纠缠", NULL);
  g_assert_cmpuint (json_object_get_int_member (object, "total"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "hits")), ==, 0);
}

/* New statute text makes the index stale; the next search rebuilds it. */
static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(JsonObject) object = search_json (fixture, "依法履职", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint before = json_object_get_int_member (object, "total");

  {
    g_autoptr(XfDatabase) db = xf_database_open (fixture->db_path, &error);

    g_assert_true (xf_database_exec (db,
                                     "INSERT INTO articles (law_id, number, label, body, position) "
                                     "SELECT id, 999, '第九百九十九条', '行政机关应当依法履职。', 999 FROM laws LIMIT 3",
                                     &error));
    g_assert_true (xf_database_bump_content_generation (db, &error));
    g_assert_no_error (error);
  }

  /* Without --json the rebuild is announced on stderr. */
  g_assert_cmpint (run (fixture, &out, &err, "search", "依法履职", NULL), ==, 0);
  g_assert_cmpstr (err, !=, "");
  g_assert_nonnull (strstr (out, "第九百九十九条"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "--quiet", "search", "依法履职", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_clear_pointer (&object, json_object_unref);
  object = search_json (fixture, "依法履职", NULL);
  assert_hits (object, "依法履职", before + 3, 50);
}

static void
test_damaged_index (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = index_path (fixture);
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) object = search_json (fixture, "行政", NULL);
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  contents[size - 8] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, contents, size, &error));

  g_clear_pointer (&object, json_object_unref);
  object = search_json (fixture, "行政", NULL);
  assert_hits (object, "行政", count_articles (fixture, "行政"), 50);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (fixture, &out, &err, "search", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "search", "法", "--limit", "-3", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "--json", "search", "\xff\xfe", NULL), ==, 3);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (fixture, &out, &err, "--json", "search", "  ", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"total\":0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/search/json", test_json);
  ADD ("/cli/search/stale", test_stale);
  ADD ("/cli/search/damaged-index", test_damaged_index);
  ADD ("/cli/search/usage", test_usage);
#undef ADD

  return g_test_run ();
}
