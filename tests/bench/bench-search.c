/* bench-search.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "xf-chinese-numeral.h"
#include "xf-law-importer.h"
#include "xf-law-parser.h"
#include "xf-search-engine.h"
#include "test-utils.h"

/* Search at the scale of a province's statute library (about 3,500 files,
 * 18 million characters): builds such a corpus from the shipped statutes,
 * imports it with XfLawImporter, builds the index, then times random queries
 * of 1, 2, 4 and 8 characters drawn from the texts. The queries run in a child process, so
 * its memory figures are what an app that searches would hold. Prints one
 * JSON document. */

static int opt_files = 3500;
static double opt_chars = 18e6;
static int opt_queries = 300;
static int opt_limit = 50;
static char *opt_dir = NULL;
static char *opt_laws = XF_LAWS_DIR;
static gboolean opt_keep = FALSE;
static gint64 opt_seed = 20260101;
static char *opt_serve_db = NULL;
static char *opt_serve_queries = NULL;

static const GOptionEntry entries[] = {
  { "files", 0, 0, G_OPTION_ARG_INT, &opt_files, "Statute files to generate", "N" },
  { "chars", 0, 0, G_OPTION_ARG_DOUBLE, &opt_chars, "Article characters to generate", "N" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &opt_queries, "Queries per length", "N" },
  { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, "Hits per query", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Work in DIR instead of a temporary folder", "DIR" },
  { "laws", 0, 0, G_OPTION_ARG_FILENAME, &opt_laws, "The statutes to build the corpus from", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the generated corpus and database", NULL },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Random seed", "N" },
  { "serve-db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_serve_db, NULL, NULL },
  { "serve-queries", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_serve_queries, NULL, NULL },
  { NULL }
};

static const int lengths[] = { 1, 2, 4, 8 };

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The chain of headings above @heading, outermost first. */
static guint
heading_chain (XfParsedLaw *law,
               int          heading,
               int         *chain,
               guint        max)
{
  int tmp[16];
  guint n = 0, depth = 0;

  for (int h = heading; h >= 0 && n < G_N_ELEMENTS (tmp); h = g_array_index (law->headings, XfParsedHeading, h).parent)
    tmp[n++] = h;
  while (n > 0 && depth < max)
    chain[depth++] = tmp[--n];

  return depth;
}

/* Articles [@from, @to) of @law as one file, renumbered from 第一条, with
 * the headings they sit under. */
static void
emit_part (GString     *out,
           XfParsedLaw *law,
           guint        from,
           guint        to)
{
  int previous[16];
  guint n_previous = 0;

  for (guint i = from; i < to; i++)
    {
      XfParsedArticle *article = &g_array_index (law->articles, XfParsedArticle, i);
      g_autofree char *numeral = xf_chinese_numeral_format (i - from + 1);
      g_auto(GStrv) paragraphs = g_strsplit (article->body, "\n", -1);
      int chain[16];
      guint depth = heading_chain (law, article->heading, chain, G_N_ELEMENTS (chain));
      guint same = 0;

      while (same < depth && same < n_previous && chain[same] == previous[same])
        same++;
      for (guint d = same; d < depth; d++)
        {
          XfParsedHeading *h = &g_array_index (law->headings, XfParsedHeading, chain[d]);
          g_string_append_printf (out, "%.*s %s%s%s\n\n", d + 2, "########", h->label,
                                  h->title[0] != '\0' ? " " : "", h->title);
        }
      memcpy (previous, chain, depth * sizeof (int));
      n_previous = depth;

      g_string_append_printf (out, "第%s条 %s\n\n", numeral, paragraphs[0]);
      for (guint p = 1; paragraphs[p] != NULL; p++)
        g_string_append_printf (out, "%s\n\n", paragraphs[p]);
    }
}

typedef struct
{
  guint  files;
  guint  articles;
  gsize  chars;
  guint  copies;
  guint  chunk;
} Corpus;

static void
collect_sources (const char *dir,
                 GPtrArray  *laws)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *text = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sources (path, laws);
      else if (g_str_has_suffix (path, ".md") && !g_str_has_prefix (names->pdata[i], "README") &&
               g_file_get_contents (path, &text, &len, NULL))
        g_ptr_array_add (laws, xf_law_parser_parse (path, text, len));
    }
}

/* Cuts every source statute into parts of @chunk articles, copy after copy,
 * under titles that differ per copy and part, until the target is met. */
static void
generate_corpus (const char *dir,
                 Corpus     *corpus)
{
  g_autoptr(GPtrArray) laws = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_parsed_law_free);
  gsize chars_per_copy = 0;
  guint articles_per_copy = 0;

  collect_sources (opt_laws, laws);
  if (laws->len == 0)
    g_error ("No statutes under %s", opt_laws);
  for (guint l = 0; l < laws->len; l++)
    {
      XfParsedLaw *law = laws->pdata[l];

      for (guint i = 0; i < law->articles->len; i++)
        chars_per_copy += g_utf8_strlen (g_array_index (law->articles, XfParsedArticle, i).body, -1);
      articles_per_copy += law->articles->len;
    }

  corpus->copies = MAX (1, (guint)ceil (opt_chars / chars_per_copy));
  /* The smallest part size that keeps the file count within the target. */
  for (corpus->chunk = 1;; corpus->chunk++)
    {
      guint n = 0;

      for (guint l = 0; l < laws->len; l++)
        n += (((XfParsedLaw *)laws->pdata[l])->articles->len + corpus->chunk - 1) / corpus->chunk;
      if (n * corpus->copies <= (guint)opt_files)
        break;
    }

  for (guint c = 0; c < corpus->copies; c++)
    for (guint l = 0; l < laws->len; l++)
      {
        XfParsedLaw *law = laws->pdata[l];
        const char *name = g_str_has_prefix (law->title, "中华人民共和国")
                           ? law->title + strlen ("中华人民共和国") : law->title;

        for (guint from = 0, part = 1; from < law->articles->len; from += corpus->chunk, part++)
          {
            guint to = MIN (from + corpus->chunk, law->articles->len);
            g_autoptr(GString) out = g_string_new (NULL);
            g_autofree char *file = g_strdup_printf ("%05u.md", corpus->files);
            g_autofree char *path = g_build_filename (dir, file, NULL);

            g_string_append_printf (out, "# （第%u版）宁夏%s%s（第%u部分）\n\n<!-- INFO END -->\n\n",
                                    c + 1, name, law->part ? law->part : "", part);
            emit_part (out, law, from, to);
            if (!g_file_set_contents (path, out->str, out->len, NULL))
              g_error ("Cannot write %s", path);
            corpus->files++;
            corpus->articles += to - from;
            for (guint i = from; i < to; i++)
              corpus->chars += g_utf8_strlen (g_array_index (law->articles, XfParsedArticle, i).body, -1);
          }
      }
}

/* The import as the app runs it: the articles are readable once its one
 * transaction commits, which is its last step. */
static gboolean
import_corpus (const char  *db_path,
               const char  *dir,
               double      *import_s,
               guint       *n_articles,
               guint       *n_problems,
               GError     **error)
{
  g_autoptr(XfDatabase) db = xf_database_open (db_path, error);
  g_autoptr(XfLawImporter) importer = NULL;
  gint64 start;

  if (db == NULL)
    return FALSE;
  importer = xf_law_importer_new (db);
  xf_law_importer_add_path (importer, dir);
  start = g_get_monotonic_time ();
  if (!xf_law_importer_run (importer, NULL, error))
    return FALSE;
  *import_s = seconds_since (start);
  *n_articles = xf_law_importer_get_article_total (importer);
  *n_problems = xf_law_importer_get_problems (importer)->len;

  return TRUE;
}

/* Random stretches of the article texts, none with white space at an end. */
static GPtrArray *
draw_queries (const char *db_path,
              GRand      *rand)
{
  g_autoptr(XfDatabase) db = xf_database_open (db_path, NULL);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT body FROM articles", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (bodies, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    for (int q = 0; q < opt_queries;)
      {
        const char *body = bodies->pdata[g_rand_int_range (rand, 0, bodies->len)];
        glong n = g_utf8_strlen (body, -1);
        const char *from, *to;

        if (n < lengths[l])
          continue;
        from = g_utf8_offset_to_pointer (body, g_rand_int_range (rand, 0, n - lengths[l] + 1));
        to = g_utf8_offset_to_pointer (from, lengths[l]);
        if (g_unichar_isspace (g_utf8_get_char (from)) ||
            g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (to))) ||
            memchr (from, '\n', to - from) != NULL)
          continue;
        g_ptr_array_add (queries, g_strndup (from, to - from));
        q++;
      }

  return queries;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint)ceil (p * sorted->len);

  return g_array_index (sorted, double, MIN (MAX (i, 1), sorted->len) - 1);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, field)) == NULL)
    return -1;

  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static goffset
index_size (const char *db_path)
{
  g_autofree char *path = g_strconcat (db_path, ".search", NULL);
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

/* The child: build the index, open it afresh, run the queries in random
 * order, report. */
static int
serve (void)
{
  g_autoptr(XfSearchEngine) engine = xf_search_engine_new (opt_serve_db);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) queries = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (opt_seed + 1);
  g_autoptr(GString) out = g_string_new (NULL);
  GArray *times[G_N_ELEMENTS (lengths)];
  double totals[G_N_ELEMENTS (lengths)] = { 0 };
  guint n_queries, *order;
  gint64 start;
  double open_ms, ready_ms, build_s, build_peak_mb, build_rss_mb;

  if (!g_file_get_contents (opt_serve_queries, &text, NULL, NULL))
    return 1;
  queries = g_strsplit (text, "\n", -1);
  n_queries = g_strv_length (queries) - 1;

  /* The rebuild runs here, in the process that then searches, as it would
   * in the app: what memory stays behind counts. */
  start = g_get_monotonic_time ();
  if (!xf_search_engine_rebuild (engine, NULL, &error))
    g_error ("index: %s", error->message);
  build_s = (g_get_monotonic_time () - start) / 1e6;
  build_peak_mb = status_mb ("VmHWM:");
  build_rss_mb = status_mb ("VmRSS:");
  g_clear_object (&engine);

  /* A fresh engine, as at the app's start: the first query opens and
   * checks the index. */
  engine = xf_search_engine_new (opt_serve_db);
  start = g_get_monotonic_time ();
  if (!xf_search_engine_is_index_ready (engine))
    g_error ("the index is not ready");
  ready_ms = (g_get_monotonic_time () - start) / 1e3;
  start = g_get_monotonic_time ();
  {
    g_autoptr(XfSearchResults) first = xf_search_engine_query (engine, "法", opt_limit, NULL, &error);
    if (first == NULL || !xf_search_results_get_index_ready (first))
      g_error ("the first query did not use the index");
  }
  open_ms = (g_get_monotonic_time () - start) / 1e3;

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    times[l] = g_array_new (FALSE, FALSE, sizeof (double));
  order = g_new (guint, n_queries);
  for (guint i = 0; i < n_queries; i++)
    order[i] = i;
  for (guint i = n_queries; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), tmp = order[i - 1];
      order[i - 1] = order[j];
      order[j] = tmp;
    }

  for (guint k = 0; k < n_queries; k++)
    {
      g_autoptr(XfSearchResults) results = NULL;
      const char *query = queries[order[k]];
      guint l = order[k] / (n_queries / G_N_ELEMENTS (lengths));
      double ms;

      start = g_get_monotonic_time ();
      results = xf_search_engine_query (engine, query, opt_limit, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (results == NULL)
        g_error ("%s: %s", query, error->message);
      g_clear_error (&error);
      if (xf_search_results_get_total (results) == 0 || !xf_search_results_get_index_ready (results))
        g_error ("“%s” found nothing or without the index", query);
      g_array_append_val (times[l], ms);
      totals[l] += xf_search_results_get_total (results);
    }
  g_free (order);

  g_string_append_printf (out, "{\"index_build_s\": %.2f, \"build_peak_rss_mb\": %.1f, "
                          "\"rss_after_build_mb\": %.1f, \"index_ready_ms\": %.2f, "
                          "\"first_query_ms\": %.1f, \"search_ms\": {",
                          build_s, build_peak_mb, build_rss_mb, ready_ms, open_ms);
  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    {
      double sum = 0;

      for (guint i = 0; i < times[l]->len; i++)
        sum += g_array_index (times[l], double, i);
      g_array_sort (times[l], compare_doubles);
      g_string_append_printf (out, "%s\"%d\": {\"p50\": %.2f, \"p95\": %.2f, \"max\": %.2f, \"mean\": %.2f, "
                              "\"mean_total\": %.0f}",
                              l > 0 ? ", " : "", lengths[l], percentile (times[l], 0.50),
                              percentile (times[l], 0.95), percentile (times[l], 1.0),
                              sum / MAX (times[l]->len, 1), totals[l] / MAX (times[l]->len, 1));
      g_array_unref (times[l]);
    }
  g_string_append_printf (out, "}, \"search_rss_mb\": %.1f, \"search_rss_anon_mb\": %.1f, "
                          "\"search_rss_file_mb\": %.1f, \"index_bytes\": %" G_GOFFSET_FORMAT "}",
                          status_mb ("VmRSS:"), status_mb ("RssAnon:"), status_mb ("RssFile:"),
                          index_size (opt_serve_db));
  puts (out->str);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— search benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GString) query_text = g_string_new (NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *queries_path = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *limit = NULL;
  double import_s;
  guint n_articles = 0, n_problems = 0;
  Corpus corpus = { 0 };
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-search: %s\n", error->message);
      return 2;
    }
  if (opt_serve_db != NULL)
    return serve ();

  dir = opt_dir ? g_strdup (opt_dir) : g_dir_make_tmp ("xf-bench-search-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  corpus_dir = g_build_filename (dir, "laws", NULL);
  db_path = g_build_filename (dir, "xuefa.db", NULL);
  queries_path = g_build_filename (dir, "queries.txt", NULL);
  g_mkdir_with_parents (corpus_dir, 0700);

  g_printerr ("bench-search: generating the corpus in %s\n", dir);
  generate_corpus (corpus_dir, &corpus);

  g_printerr ("bench-search: importing %u files\n", corpus.files);
  if (!import_corpus (db_path, corpus_dir, &import_s, &n_articles, &n_problems, &error))
    g_error ("import: %s", error->message);


  rand = g_rand_new_with_seed (opt_seed);
  queries = draw_queries (db_path, rand);
  for (guint i = 0; i < queries->len; i++)
    g_string_append_printf (query_text, "%s\n", (char *)queries->pdata[i]);
  if (!g_file_set_contents (queries_path, query_text->str, query_text->len, &error))
    g_error ("%s", error->message);

  g_printerr ("bench-search: building the index and running %u queries\n", queries->len);
  seed = g_strdup_printf ("%" G_GINT64_FORMAT, opt_seed);
  limit = g_strdup_printf ("%d", opt_limit);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--serve-db", db_path, "--serve-queries", queries_path,
                            "--seed", seed, "--limit", limit, NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &child_out, NULL, &error))
    g_error ("%s", error->message);
  if (!g_subprocess_get_successful (child))
    g_error ("the query process failed");
  g_strstrip (child_out);

  {
    goffset db_bytes = g_stat (db_path, &st) == 0 ? st.st_size : -1;
    JsonNode *child_node;
    g_autoptr(JsonParser) parser = json_parser_new ();
    double build_s;

    if (!json_parser_load_from_data (parser, child_out, -1, &error))
      g_error ("the query process said: %s", child_out);
    child_node = json_parser_get_root (parser);
    build_s = json_object_get_double_member (json_node_get_object (child_node), "index_build_s");

    /* The child's object, without its closing brace, continues ours. */
    child_out[strlen (child_out) - 1] = '\0';
    g_print ("{\"corpus\": {\"files\": %u, \"articles\": %u, \"chars\": %" G_GSIZE_FORMAT ", "
             "\"copies\": %u, \"articles_per_file\": %u, \"imported_articles\": %u, \"problems\": %u}, "
             "\"import_s\": %.2f, \"articles_readable_s\": %.2f, "
             "\"import_with_index_s\": %.2f, \"db_bytes\": %" G_GOFFSET_FORMAT ", "
             "\"queries_per_length\": %d, \"limit\": %d, %s}\n",
             corpus.files, corpus.articles, corpus.chars, corpus.copies, corpus.chunk, n_articles, n_problems,
             import_s, import_s, import_s + build_s, db_bytes,
             opt_queries, opt_limit, child_out + 1);
  }

  if (!opt_keep && opt_dir == NULL)
    xf_test_remove_tree (dir);

  return 0;
}
