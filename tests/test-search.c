/* test-search.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "xf-law-importer.h"
#include "xf-search-engine.h"
#include "xf-search-index.h"

/* Under valgrind the point is memory errors, not coverage: fewer queries. */
#define N_RANDOM_QUERIES (g_getenv ("XUEFA_UNDER_VALGRIND") != NULL ? 120 : 560)

typedef struct
{
  char       *dir;
  char       *db_path;
  XfDatabase *db;
  GPtrArray  *bodies;   /* char *, parallel to ids */
  GArray     *ids;      /* gint64 */
  guint       n_articles;
} Fixture;

/* The shipped statutes, through the importer: 2429 articles. */
static guint
import_laws (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfLawImporter) importer = xf_law_importer_new (db);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", NULL);
  GPtrArray *problems;

  xf_law_importer_add_path (importer, dir);
  g_assert_true (xf_law_importer_run (importer, NULL, &error));
  g_assert_no_error (error);
  problems = xf_law_importer_get_problems (importer);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = xf_law_import_problem_format (problems->pdata[i]);
      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);

  return xf_law_importer_get_article_total (importer);
}

static void
fixture_read_bodies (Fixture *fixture)
{
  sqlite3_stmt *stmt = xf_database_prepare (fixture->db, "SELECT id, body FROM articles", NULL);

  g_ptr_array_set_size (fixture->bodies, 0);
  g_array_set_size (fixture->ids, 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (fixture->ids, id);
      g_ptr_array_add (fixture->bodies,
                       g_strndup ((const char *)sqlite3_column_text (stmt, 1), sqlite3_column_bytes (stmt, 1)));
    }
  sqlite3_reset (stmt);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xf-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "xuefa.db", NULL);
  fixture->db = xf_database_open (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->n_articles = import_laws (fixture->db);
  g_assert_cmpuint (fixture->n_articles, ==, 2429);

  fixture->bodies = g_ptr_array_new_with_free_func (g_free);
  fixture->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture_read_bodies (fixture);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_ptr_array_unref (fixture->bodies);
  g_array_unref (fixture->ids);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* What a plain scan finds: the ids of the articles whose body holds @query. */
static GArray *
expected_ids (Fixture    *fixture,
              const char *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fixture->bodies->len; i++)
    if (strstr (fixture->bodies->pdata[i], query) != NULL)
      g_array_append_val (ids, g_array_index (fixture->ids, gint64, i));
  g_array_sort (ids, compare_ids);

  return ids;
}

static guint
expected_count (Fixture    *fixture,
                const char *query)
{
  g_autoptr(GArray) ids = expected_ids (fixture, query);

  return ids->len;
}

static GArray *
hit_ids (XfSearchResults *results)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < xf_search_results_get_n_hits (results); i++)
    {
      gint64 id = xf_search_hit_get_article_id (xf_search_results_get_hit (results, i));
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);

  return ids;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B;
}

/* Random stretches of 1 to 8 characters of the article texts, none with
 * white space at an end (the engine trims it), plus strings no article
 * holds, ASCII, digits, punctuation and one longer than any article. */
static GPtrArray *
make_queries (Fixture *fixture)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  const char * const fixed[] = {
    "量子计算机", "zzzz", "a", "1", "2019", "A", "，", "；", "（", "(", "、", "：",
    "。\n", "第一条", "法", "的", "行政处罚", "中华人民共和国", "民法典", "★", "\xe2\x80\x8b",
    "条例", "一", "（一）", "(一)",
  };
  gsize longest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (queries, g_strdup (fixed[i]));
  for (guint i = 0; i < fixture->bodies->len; i++)
    longest = MAX (longest, strlen (fixture->bodies->pdata[i]));
  g_ptr_array_add (queries, g_strnfill (longest + 3, 'x'));
  {
    GString *s = g_string_new (fixture->bodies->pdata[0]);
    g_string_append (s, "。附加");
    g_ptr_array_add (queries, g_string_free (s, FALSE));
  }

  while (queries->len < N_RANDOM_QUERIES)
    {
      const char *body = fixture->bodies->pdata[g_test_rand_int_range (0, fixture->bodies->len)];
      glong n = g_utf8_strlen (body, -1);
      glong length = 1 + queries->len % 8;
      glong start;
      const char *from, *to;

      if (n < length)
        continue;
      start = g_test_rand_int_range (0, n - length + 1);
      from = g_utf8_offset_to_pointer (body, start);
      to = g_utf8_offset_to_pointer (from, length);
      if (is_blank (g_utf8_get_char (from)) || is_blank (g_utf8_get_char (g_utf8_prev_char (to))))
        continue;
      g_ptr_array_add (queries, g_strndup (from, to - from));
    }

  return queries;
}

static char *
trimmed (const char *query)
{
  const char *start = query, *end = query + strlen (query);

  while (start < end && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_blank (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return g_strndup (start, end - start);
}

static void
assert_exact (Fixture        *fixture,
              XfSearchEngine *engine,
              gboolean        index_ready)
{
  g_autoptr(GPtrArray) queries = make_queries (fixture);
  guint nonempty = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfSearchResults) results = NULL;
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) actual = NULL;
      g_autofree char *query = trimmed (queries->pdata[i]);

      results = xf_search_engine_query (engine, queries->pdata[i], G_MAXUINT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (xf_search_results_get_index_ready (results), ==, index_ready);

      expected = query[0] != '\0' ? expected_ids (fixture, query) : g_array_new (FALSE, FALSE, sizeof (gint64));
      actual = hit_ids (results);
      if (expected->len != actual->len || xf_search_results_get_total (results) != expected->len)
        g_error ("query “%s”: expected %u articles, got %u hits, total %u", query, expected->len,
                 actual->len, xf_search_results_get_total (results));
      g_assert_cmpmem (expected->data, expected->len * sizeof (gint64),
                       actual->data, actual->len * sizeof (gint64));
      nonempty += expected->len > 0;
    }
  /* The random queries come from the texts, so most must find something. */
  g_assert_cmpuint (nonempty, >, N_RANDOM_QUERIES * 9 / 10);
}

static void
test_exact_index (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_search_engine_is_index_ready (engine));
  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_search_engine_is_index_ready (engine));
  g_assert_true (g_file_test (xf_search_engine_get_index_path (engine), G_FILE_TEST_IS_REGULAR));

  assert_exact (fixture, engine, TRUE);
}

static void
test_exact_scan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);

  g_assert_false (xf_search_engine_is_index_ready (engine));
  assert_exact (fixture, engine, FALSE);
}

static void
test_exact_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);
  g_autoptr(XfSearchEngine) engine = NULL;
  Fixture fixture = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (import_laws (db), ==, 2429);
  engine = xf_search_engine_new_for_database (db);
  g_assert_null (xf_search_engine_get_index_path (engine));
  g_assert_false (xf_search_engine_is_index_ready (engine));
  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_search_engine_is_index_ready (engine));

  fixture.db = db;
  fixture.bodies = g_ptr_array_new_with_free_func (g_free);
  fixture.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture_read_bodies (&fixture);
  assert_exact (&fixture, engine, TRUE);
  g_ptr_array_unref (fixture.bodies);
  g_array_unref (fixture.ids);
}

/* The index and the scan rank alike, down to the ties. */
static void
test_same_ranking (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfSearchEngine) scan = xf_search_engine_new (fixture->db_path);
  g_autoptr(XfSearchEngine) indexed = xf_search_engine_new (fixture->db_path);
  g_autoptr(GPtrArray) queries = make_queries (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_search_engine_rebuild (indexed, NULL, &error));
  g_assert_no_error (error);
  g_unlink (xf_search_engine_get_index_path (indexed));

  for (guint q = 0; q < MIN (120, queries->len); q++)
    {
      g_autoptr(XfSearchResults) a = xf_search_engine_query (indexed, queries->pdata[q], 20, NULL, &error);
      g_autoptr(XfSearchResults) b = xf_search_engine_query (scan, queries->pdata[q], 20, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (xf_search_results_get_index_ready (a));
      g_assert_false (xf_search_results_get_index_ready (b));
      g_assert_cmpuint (xf_search_results_get_total (a), ==, xf_search_results_get_total (b));
      g_assert_cmpuint (xf_search_results_get_n_hits (a), ==, xf_search_results_get_n_hits (b));
      g_assert_cmpuint (xf_search_results_get_n_hits (a), ==, MIN (20, xf_search_results_get_total (a)));
      for (guint i = 0; i < xf_search_results_get_n_hits (a); i++)
        {
          XfSearchHit *ha = xf_search_results_get_hit (a, i);
          XfSearchHit *hb = xf_search_results_get_hit (b, i);

          g_assert_cmpint (xf_search_hit_get_article_id (ha), ==, xf_search_hit_get_article_id (hb));
          g_assert_cmpfloat (xf_search_hit_get_score (ha), ==, xf_search_hit_get_score (hb));
          g_assert_cmpstr (xf_search_hit_get_snippet (ha), ==, xf_search_hit_get_snippet (hb));
          if (i > 0)
            g_assert_cmpfloat (xf_search_hit_get_score (xf_search_results_get_hit (a, i - 1)), >=,
                               xf_search_hit_get_score (ha));
        }
    }
}

/* A limit keeps the best hits of the full ranking and the full total. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(XfSearchResults) all = NULL;
  g_autoptr(XfSearchResults) some = NULL;
  g_autoptr(XfSearchResults) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  all = xf_search_engine_query (engine, "处罚", G_MAXUINT, NULL, &error);
  some = xf_search_engine_query (engine, "处罚", 7, NULL, &error);
  none = xf_search_engine_query (engine, "处罚", 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (xf_search_results_get_total (all), >, 90);
  g_assert_cmpuint (xf_search_results_get_total (some), ==, xf_search_results_get_total (all));
  g_assert_cmpuint (xf_search_results_get_total (none), ==, xf_search_results_get_total (all));
  g_assert_cmpuint (xf_search_results_get_n_hits (some), ==, 7);
  g_assert_cmpuint (xf_search_results_get_n_hits (none), ==, 0);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (xf_search_hit_get_article_id (xf_search_results_get_hit (some, i)), ==,
                     xf_search_hit_get_article_id (xf_search_results_get_hit (all, i)));
}

static void
assert_title_first (XfSearchEngine *engine,
                    const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, query, G_MAXUINT, NULL, &error);
  guint n_title = 0, n_other = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < xf_search_results_get_n_hits (results); i++)
    {
      XfSearchHit *hit = xf_search_results_get_hit (results, i);

      /* Once the hits leave the laws named by the query, none comes back. */
      if (strstr (xf_search_hit_get_law_title (hit), query) != NULL)
        {
          g_assert_cmpuint (n_other, ==, 0);
          n_title++;
        }
      else
        n_other++;
    }
  g_assert_cmpuint (n_title, >, 0);
  g_assert_cmpuint (n_other, >, 0);
  g_assert_cmpuint (xf_search_results_get_n_laws (results), >, 0);
}

static void
test_rank_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GError) error = NULL;

  assert_title_first (engine, "行政许可");
  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  assert_title_first (engine, "行政许可");
  assert_title_first (engine, "国家赔偿");
  assert_title_first (engine, "监察");
}

static void
assert_snippets (XfSearchResults *results,
                 const char      *query)
{
  glong query_chars = g_utf8_strlen (query, -1);

  g_assert_cmpuint (xf_search_results_get_n_hits (results), >, 0);
  for (guint i = 0; i < xf_search_results_get_n_hits (results); i++)
    {
      XfSearchHit *hit = xf_search_results_get_hit (results, i);
      const char *snippet = xf_search_hit_get_snippet (hit);
      GArray *highlights = xf_search_hit_get_highlights (hit);

      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      g_assert_nonnull (strstr (snippet, query));
      g_assert_null (strchr (snippet, '\n'));
      g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 72 + 2 + query_chars);
      g_assert_cmpuint (highlights->len, >, 0);
      for (guint h = 0; h < highlights->len; h++)
        {
          XfSearchRange *range = &g_array_index (highlights, XfSearchRange, h);
          const char *from = g_utf8_offset_to_pointer (snippet, range->start);
          const char *to = g_utf8_offset_to_pointer (snippet, range->end);

          g_assert_cmpint (range->end - range->start, ==, query_chars);
          g_assert_cmpint (to - from, ==, strlen (query));
          g_assert_cmpint (strncmp (from, query, to - from), ==, 0);
        }
      g_assert_cmpint (xf_search_hit_get_kind (hit), ==, XF_SEARCH_HIT_ARTICLE);
      g_assert_cmpint (xf_search_hit_get_number (hit), >, 0);
      g_assert_true (g_str_has_prefix (xf_search_hit_get_label (hit), "第"));
    }
}

static void
test_snippets (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GPtrArray) queries = make_queries (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  for (guint q = 40; q < MIN (200, queries->len); q++)
    {
      g_autoptr(XfSearchResults) results = NULL;

      if (strchr (queries->pdata[q], '\n') != NULL)
        continue;
      results = xf_search_engine_query (engine, queries->pdata[q], 10, NULL, &error);
      g_assert_no_error (error);
      assert_snippets (results, queries->pdata[q]);
    }
}

static void
assert_one_hit (XfSearchEngine *engine,
                const char     *query,
                const char     *law_title,
                const char     *label,
                int             number,
                const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, query, 50, NULL, &error);
  XfSearchHit *hit;

  g_assert_no_error (error);
  g_assert_cmpuint (xf_search_results_get_total (results), ==, 1);
  hit = xf_search_results_get_hit (results, 0);
  g_assert_nonnull (strstr (xf_search_hit_get_law_title (hit), law_title));
  g_assert_cmpstr (xf_search_hit_get_label (hit), ==, label);
  g_assert_cmpint (xf_search_hit_get_number (hit), ==, number);
  g_assert_cmpstr (xf_search_hit_get_heading_path (hit), ==, path);
  g_assert_cmpint (xf_search_hit_get_law_id (hit), >, 0);
}

static void
test_heading_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GError) error = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      assert_one_hit (engine, "立案依据、实施程序和救济渠道", "行政处罚法", "第三十九条", 39,
                      "第五章 行政处罚的决定 › 第一节 一般规定");
      assert_one_hit (engine, "本编调整因物的归属和利用", "民法典", "第二百零五条", 205,
                      "物权编 › 第一分编 通则 › 第一章 一般规定");
      g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
    }
}

static void
test_empty_query (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  const char * const queries[] = { "", " ", "\t\n", "\xe3\x80\x80", "\xe2\x80\x8b " };
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchResults) bad = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
        {
          g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, queries[i], 50, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (xf_search_results_get_total (results), ==, 0);
          g_assert_cmpuint (xf_search_results_get_n_hits (results), ==, 0);
          g_assert_cmpuint (xf_search_results_get_n_laws (results), ==, 0);
          g_assert_cmpstr (xf_search_results_get_query (results), ==, "");
        }
      g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
    }

  {
    g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, " \xe3\x80\x80处罚\n", 5, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xf_search_results_get_query (results), ==, "处罚");
    g_assert_cmpuint (xf_search_results_get_total (results), ==, expected_count (fixture, "处罚"));
    g_assert_cmpuint (xf_search_results_get_total (results), >, 90);
  }

  bad = xf_search_engine_query (engine, "\xff\xfe", 5, NULL, &error);
  g_assert_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_INVALID_QUERY);
  g_assert_null (bad);
}

static guint
query_total (XfSearchEngine *engine,
             const char     *query,
             gboolean        index_ready)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, query, 10, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (xf_search_results_get_index_ready (results), ==, index_ready);

  return xf_search_results_get_total (results);
}

static void
test_stale (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = expected_ids (fixture, "行政机关");
  guint added;

  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  g_assert_true (xf_search_engine_is_index_ready (engine));
  g_assert_cmpuint (query_total (engine, "行政机关", TRUE), ==, before->len);

  /* New text arrives: the index no longer answers, the scan does, exactly. */
  g_assert_true (xf_database_exec (fixture->db,
                                   "INSERT INTO articles (law_id, number, label, body, position) "
                                   "SELECT id, 999, '第九百九十九条', '行政机关应当依法履职。行政机关', 999 FROM laws LIMIT 2",
                                   &error));
  g_assert_true (xf_database_bump_content_generation (fixture->db, &error));
  g_assert_no_error (error);
  fixture_read_bodies (fixture);
  added = expected_count (fixture, "行政机关") - before->len;
  g_assert_cmpuint (added, ==, 2);

  g_assert_false (xf_search_engine_is_index_ready (engine));
  g_assert_cmpuint (query_total (engine, "行政机关", FALSE), ==, before->len + 2);
  g_assert_cmpuint (query_total (engine, "依法履职。行政", FALSE), ==, 2);

  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  g_assert_true (xf_search_engine_is_index_ready (engine));
  g_assert_cmpuint (query_total (engine, "行政机关", TRUE), ==, before->len + 2);
  g_assert_cmpuint (query_total (engine, "依法履职。行政", TRUE), ==, 2);
}

/* An index written by another process (xuefactl, the app) is picked up. */
static void
test_other_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XfSearchEngine) reader = xf_search_engine_new (fixture->db_path);
  g_autoptr(XfSearchEngine) writer = xf_search_engine_new (fixture->db_path);
  g_autoptr(GError) error = NULL;

  g_assert_false (xf_search_engine_is_index_ready (reader));
  g_assert_true (xf_search_engine_rebuild (writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_search_engine_is_index_ready (reader));
  g_assert_cmpuint (query_total (reader, "处罚", TRUE), ==, expected_count (fixture, "处罚"));
}

static void
damage_and_check (Fixture    *fixture,
                  const char *how)
{
  g_autoptr(XfSearchEngine) builder = xf_search_engine_new (fixture->db_path);
  g_autoptr(XfSearchEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *path;
  gsize size;

  g_assert_true (xf_search_engine_rebuild (builder, NULL, &error));
  g_assert_no_error (error);
  path = xf_search_engine_get_index_path (builder);
  g_assert_true (g_file_get_contents (path, &contents, &size, &error));

  if (g_str_equal (how, "truncate"))
    size /= 2;
  else if (g_str_equal (how, "flip"))
    contents[size / 2 + 3] ^= 0x40;
  else if (g_str_equal (how, "header"))
    memset (contents + 40, 0xff, 16);
  else if (g_str_equal (how, "garbage"))
    for (gsize i = 0; i < size; i++)
      contents[i] = g_test_rand_int ();
  else if (g_str_equal (how, "empty"))
    size = 0;
  else if (g_str_equal (how, "tail"))
    contents[size - 1] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, size, &error));

  {
    g_autoptr(XfSearchIndex) index = xf_search_index_load (path, &error);
    g_assert_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_CORRUPT);
    g_assert_null (index);
    g_clear_error (&error);
  }

  /* Damage the header shows is caught at once; damage within, by the
   * checksum when the first query opens the file. Either way the answer is
   * exact, and the engine then says the index needs building. */
  engine = xf_search_engine_new (fixture->db_path);
  if (!g_str_equal (how, "flip") && !g_str_equal (how, "tail"))
    g_assert_false (xf_search_engine_is_index_ready (engine));
  g_assert_cmpuint (query_total (engine, "行政", FALSE), ==, expected_count (fixture, "行政"));
  g_assert_false (xf_search_engine_is_index_ready (engine));
  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xf_search_engine_is_index_ready (engine));
  g_assert_cmpuint (query_total (engine, "行政", TRUE), ==, expected_count (fixture, "行政"));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  const char * const hows[] = { "truncate", "flip", "header", "garbage", "empty", "tail" };

  for (guint i = 0; i < G_N_ELEMENTS (hows); i++)
    damage_and_check (fixture, hows[i]);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchResults) results = NULL;

  g_cancellable_cancel (cancellable);

  results = xf_search_engine_query (engine, "的", 10, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_clear_error (&error);

  g_assert_false (xf_search_engine_rebuild (engine, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (xf_search_engine_get_index_path (engine), G_FILE_TEST_EXISTS));
  g_assert_false (xf_search_engine_is_index_ready (engine));

  g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
  results = xf_search_engine_query (engine, "的", 10, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
}

typedef struct
{
  GMainLoop       *loop;
  XfSearchResults *results;
  gboolean         rebuilt;
  GError          *error;
} AsyncState;

static void
on_rebuilt (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->rebuilt = xf_search_engine_rebuild_finish (XF_SEARCH_ENGINE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->results = xf_search_engine_query_finish (XF_SEARCH_ENGINE (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { loop, NULL, FALSE, NULL };

  xf_search_engine_rebuild_async (engine, NULL, on_rebuilt, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (state.rebuilt);

  xf_search_engine_query_async (engine, "行政处罚", 50, NULL, on_queried, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (xf_search_results_get_index_ready (state.results));
  g_assert_cmpuint (xf_search_results_get_total (state.results), ==, expected_count (fixture, "行政处罚"));
  g_assert_cmpuint (xf_search_results_get_n_hits (state.results), ==, 50);
  g_clear_object (&state.results);

  g_cancellable_cancel (cancellable);
  xf_search_engine_query_async (engine, "行政处罚", 50, cancellable, on_queried, &state);
  g_main_loop_run (loop);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.results);
  g_clear_error (&state.error);
}

typedef struct
{
  XfSearchEngine *engine;
  GPtrArray      *queries;
  GArray         *expected;   /* guint totals */
  guint           offset;
  guint           wrong;
  guint           done;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;

  for (guint i = 0; i < worker->queries->len; i++)
    {
      guint q = (i + worker->offset) % worker->queries->len;
      g_autoptr(GError) error = NULL;
      g_autoptr(XfSearchResults) results = xf_search_engine_query (worker->engine, worker->queries->pdata[q],
                                                                   10, NULL, &error);

      if (results == NULL || xf_search_results_get_total (results) != g_array_index (worker->expected, guint, q))
        worker->wrong++;
      worker->done++;
    }

  return NULL;
}

/* Queries from several threads at once stay exact while the index is
 * rebuilt and swapped under them. */
static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(GPtrArray) all = make_queries (fixture);
  g_autoptr(GPtrArray) queries = g_ptr_array_new ();
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  Worker workers[4];
  GThread *threads[G_N_ELEMENTS (workers)];

  for (guint i = 30; i < 90; i++)
    {
      g_autofree char *query = trimmed (all->pdata[i]);
      guint n = query[0] != '\0' ? expected_count (fixture, query) : 0;

      g_ptr_array_add (queries, all->pdata[i]);
      g_array_append_val (expected, n);
    }

  for (guint w = 0; w < G_N_ELEMENTS (workers); w++)
    {
      workers[w] = (Worker) { engine, queries, expected, w * 15, 0, 0 };
      threads[w] = g_thread_new ("search", worker_run, &workers[w]);
    }
  for (guint r = 0; r < 3; r++)
    {
      g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint w = 0; w < G_N_ELEMENTS (workers); w++)
    {
      g_thread_join (threads[w]);
      g_assert_cmpuint (workers[w].done, ==, queries->len);
      g_assert_cmpuint (workers[w].wrong, ==, 0);
    }
  g_assert_true (xf_search_engine_is_index_ready (engine));
}

static void
test_laws_and_items (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (fixture->db_path);
  g_autoptr(XfSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;
  XfSearchHit *hit;

  g_assert_true (xf_database_exec (fixture->db,
                                   "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) "
                                   "VALUES (7, 'list-1', '2026年应知应会清单', 2026, 'all', 0, 0);"
                                   "INSERT INTO list_items (id, uuid, list_id, position, level, law_title, article_number, title, body) "
                                   "VALUES (11, 'item-1', 7, 1, 'must', '中华人民共和国行政处罚法', 32, '从轻减轻处罚', '当事人主动消除违法后果的，从轻处罚'),"
                                   "       (12, 'item-2', 7, 2, 'should', '', 0, '宪法宣誓制度', '国家工作人员就职时应当依照法律规定公开进行宪法宣誓');",
                                   &error));
  g_assert_no_error (error);

  results = xf_search_engine_query (engine, "从轻", 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_search_results_get_n_items (results), ==, 1);
  hit = g_list_model_get_item (xf_search_results_get_items (results), 0);
  g_assert_cmpint (xf_search_hit_get_kind (hit), ==, XF_SEARCH_HIT_ITEM);
  g_assert_cmpint (xf_search_hit_get_item_id (hit), ==, 11);
  g_assert_cmpint (xf_search_hit_get_list_id (hit), ==, 7);
  g_assert_cmpstr (xf_search_hit_get_title (hit), ==, "从轻减轻处罚");
  g_assert_nonnull (strstr (xf_search_hit_get_snippet (hit), "从轻"));
  g_assert_cmpint (xf_search_hit_get_number (hit), ==, 32);
  g_object_unref (hit);
  g_clear_object (&results);

  results = xf_search_engine_query (engine, "宪法宣誓", 50, NULL, &error);
  g_assert_cmpuint (xf_search_results_get_n_items (results), ==, 1);
  g_clear_object (&results);

  results = xf_search_engine_query (engine, "行政", 50, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_search_results_get_n_items (results), ==, 0);
  /* 行政处罚法, 行政许可法, 行政复议法, 行政诉讼法, 行政强制法, 重大行政决策程序暂行条例 */
  g_assert_cmpuint (xf_search_results_get_n_laws (results), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(XfSearchHit) law = g_list_model_get_item (xf_search_results_get_laws (results), i);
      GArray *highlights = xf_search_hit_get_highlights (law);

      g_assert_cmpint (xf_search_hit_get_kind (law), ==, XF_SEARCH_HIT_LAW);
      g_assert_nonnull (strstr (xf_search_hit_get_law_title (law), "行政"));
      g_assert_cmpuint (highlights->len, >=, 1);
      g_assert_cmpint (xf_search_hit_get_law_id (law), >, 0);
    }
  g_clear_object (&results);

  results = xf_search_engine_query (engine, "行政", 2, NULL, &error);
  g_assert_cmpuint (xf_search_results_get_n_laws (results), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (xf_search_results_get_laws (results)), ==, 2);
}

/* Bytes that are not UTF-8 in a body neither crash nor hide a match. */
static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new_for_database (db);
  const char body[] = "前\xe4\xb8" "中文\xff\xc0\xafx\xed\xa0\x80后\xf0\x9f\x98";
  sqlite3_stmt *stmt;
  const char * const queries[] = { "中文", "前", "后", "x", "文", "中" };

  g_assert_true (xf_database_exec (db,
                                   "INSERT INTO laws (id, uuid, title, imported_at) VALUES (1, 'l', 'T', 0)", &error));
  stmt = xf_database_prepare (db, "INSERT INTO articles (law_id, number, label, body, position) "
                              "VALUES (1, 1, '第一条', ?, 0)", &error);
  sqlite3_bind_text (stmt, 1, body, sizeof body - 1, SQLITE_STATIC);
  g_assert_true (xf_database_step_done (db, stmt, &error));
  g_assert_true (xf_database_bump_content_generation (db, &error));

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
        {
          g_autoptr(XfSearchResults) results = xf_search_engine_query (engine, queries[i], 10, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (xf_search_results_get_total (results), ==, 1);
          g_assert_true (g_utf8_validate (xf_search_hit_get_snippet (xf_search_results_get_hit (results, 0)), -1, NULL));
        }
      g_assert_true (xf_search_engine_rebuild (engine, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_decode (void)
{
  gsize n;
  g_autofree gunichar *chars = xf_search_decode ("a\xe4\xb8\xad\xe4\xb8" "b\xc0\x80", 9, &n);
  g_autofree gunichar *query = xf_search_decode ("\xe4\xb8\xad", 3, NULL);
  gssize first;

  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (chars[0], ==, 'a');
  g_assert_cmpuint (chars[1], ==, 0x4E2D);
  g_assert_cmpuint (chars[2], ==, 0xDCE4);
  g_assert_cmpuint (chars[3], ==, 0xDCB8);
  g_assert_cmpuint (chars[4], ==, 'b');
  g_assert_cmpuint (chars[5], ==, 0xDCC0);
  g_assert_cmpuint (chars[6], ==, 0xDC80);
  g_assert_cmpuint (xf_search_count (chars, n, query, 1, &first), ==, 1);
  g_assert_cmpint (first, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/exact/index", test_exact_index);
  ADD ("/search/exact/scan", test_exact_scan);
  g_test_add_func ("/search/exact/memory", test_exact_memory);
  ADD ("/search/rank/same", test_same_ranking);
  ADD ("/search/rank/limit", test_limit);
  ADD ("/search/rank/title", test_rank_title);
  ADD ("/search/snippets", test_snippets);
  ADD ("/search/heading-path", test_heading_path);
  ADD ("/search/empty-query", test_empty_query);
  ADD ("/search/index/stale", test_stale);
  ADD ("/search/index/other-writer", test_other_writer);
  ADD ("/search/index/corrupt", test_corrupt);
  ADD ("/search/cancel", test_cancel);
  ADD ("/search/async", test_async);
  ADD ("/search/threads", test_threads);
  ADD ("/search/laws-and-items", test_laws_and_items);
  g_test_add_func ("/search/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/search/decode", test_decode);
#undef ADD

  return g_test_run ();
}
