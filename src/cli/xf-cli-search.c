/* xf-cli-search.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-search-engine.h"
#include "xf-search-index.h"

static void
add_highlights (JsonBuilder *builder,
                XfSearchHit *hit)
{
  GArray *highlights = xf_search_hit_get_highlights (hit);

  json_builder_set_member_name (builder, "highlights");
  json_builder_begin_array (builder);
  for (guint i = 0; i < highlights->len; i++)
    {
      XfSearchRange *range = &g_array_index (highlights, XfSearchRange, i);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, range->start);
      json_builder_add_int_value (builder, range->end);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (XfCli           *cli,
            XfSearchResults *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *laws = xf_search_results_get_laws (results);
  GListModel *items = xf_search_results_get_items (results);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, xf_search_results_get_query (results));
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, xf_search_results_get_total (results));
  json_builder_set_member_name (builder, "index_ready");
  json_builder_add_boolean_value (builder, xf_search_results_get_index_ready (results));

  json_builder_set_member_name (builder, "hits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xf_search_results_get_n_hits (results); i++)
    {
      XfSearchHit *hit = xf_search_results_get_hit (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, xf_search_hit_get_article_id (hit));
      json_builder_set_member_name (builder, "law");
      json_builder_add_string_value (builder, xf_search_hit_get_law_title (hit));
      json_builder_set_member_name (builder, "law_id");
      json_builder_add_int_value (builder, xf_search_hit_get_law_id (hit));
      json_builder_set_member_name (builder, "article");
      json_builder_add_string_value (builder, xf_search_hit_get_label (hit));
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, xf_search_hit_get_number (hit));
      json_builder_set_member_name (builder, "sub");
      json_builder_add_int_value (builder, xf_search_hit_get_sub (hit));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, xf_search_hit_get_heading_path (hit));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, xf_search_hit_get_snippet (hit));
      add_highlights (builder, hit);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, xf_search_hit_get_score (hit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "n_laws");
  json_builder_add_int_value (builder, xf_search_results_get_n_laws (results));
  json_builder_set_member_name (builder, "laws");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (laws); i++)
    {
      g_autoptr(XfSearchHit) hit = g_list_model_get_item (laws, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, xf_search_hit_get_law_id (hit));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, xf_search_hit_get_title (hit));
      add_highlights (builder, hit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "n_items");
  json_builder_add_int_value (builder, xf_search_results_get_n_items (results));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(XfSearchHit) hit = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, xf_search_hit_get_item_id (hit));
      json_builder_set_member_name (builder, "list_id");
      json_builder_add_int_value (builder, xf_search_hit_get_list_id (hit));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, xf_search_hit_get_title (hit));
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, xf_search_hit_get_snippet (hit));
      add_highlights (builder, hit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  xf_cli_print_json (cli, builder);
}

/* The snippet, its matches in bold on a terminal. */
static char *
format_snippet (XfSearchHit *hit,
                gboolean     bold)
{
  const char *snippet = xf_search_hit_get_snippet (hit);
  GArray *highlights = xf_search_hit_get_highlights (hit);
  GString *out = g_string_new (NULL);
  const char *p = snippet;
  guint at = 0;

  if (!bold)
    return g_strdup (snippet);

  for (guint i = 0; i < highlights->len; i++)
    {
      XfSearchRange *range = &g_array_index (highlights, XfSearchRange, i);
      const char *start = g_utf8_offset_to_pointer (p, range->start - at);
      const char *end = g_utf8_offset_to_pointer (start, range->end - range->start);

      g_string_append_len (out, p, start - p);
      g_string_append (out, "\033[1m");
      g_string_append_len (out, start, end - start);
      g_string_append (out, "\033[0m");
      p = end;
      at = range->end;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

static void
print_text (XfSearchResults *results)
{
  gboolean bold = isatty (STDOUT_FILENO);
  GListModel *laws = xf_search_results_get_laws (results);
  GListModel *items = xf_search_results_get_items (results);
  guint total = xf_search_results_get_total (results);

  g_print (_("Articles holding “%s”: %u"), xf_search_results_get_query (results), total);
  g_print ("\n");
  for (guint i = 0; i < g_list_model_get_n_items (laws); i++)
    {
      g_autoptr(XfSearchHit) hit = g_list_model_get_item (laws, i);
      g_print ("%s %s\n", _("Law:"), xf_search_hit_get_title (hit));
    }
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(XfSearchHit) hit = g_list_model_get_item (items, i);
      g_autofree char *snippet = format_snippet (hit, bold);
      g_print ("%s %s\n    %s\n", _("List item:"), xf_search_hit_get_title (hit), snippet);
    }
  for (guint i = 0; i < xf_search_results_get_n_hits (results); i++)
    {
      XfSearchHit *hit = xf_search_results_get_hit (results, i);
      const char *path = xf_search_hit_get_heading_path (hit);
      g_autofree char *snippet = format_snippet (hit, bold);

      g_print ("\n%s › %s%s%s\n    %s\n", xf_search_hit_get_law_title (hit),
               path, path[0] != '\0' ? " › " : "", xf_search_hit_get_label (hit), snippet);
    }
}

/* Without an index the answer is still exact, only slower: a failed build
 * is worth a warning, not a failure. */
static gboolean
rebuild_index (XfCli          *cli,
               XfSearchEngine *engine)
{
  g_autoptr(GError) error = NULL;

  if (!cli->json)
    xf_cli_message (cli, "%s", _("Building the search index…"));
  if (!xf_search_engine_rebuild (engine, NULL, &error))
    {
      g_printerr ("xuefactl: %s: %s\n", _("Cannot build the search index"), error->message);
      return FALSE;
    }

  return TRUE;
}

int
xf_cli_search_command (XfCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfSearchEngine) engine = NULL;
  g_autoptr(XfSearchResults) results = NULL;
  g_autofree char *query = NULL;
  const char *usage = "search QUERY [--limit N]";
  const char *path;
  XfDatabase *db;
  gboolean built;
  int limit = 50;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N articles (default 50)"), N_("N") },
    { NULL }
  };

  if (!xf_cli_parse_options (cli, _("QUERY"), entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc < 2 || limit < 0)
    return xf_cli_usage (cli, usage);
  query = g_strjoinv (" ", argv + 1);

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  path = xf_database_get_path (db);
  engine = g_str_equal (path, ":memory:") ? xf_search_engine_new_for_database (db)
                                         : xf_search_engine_new (path);

  /* A damaged index file shows only when the query opens it: then build
   * and ask again. */
  built = !xf_search_engine_is_index_ready (engine) && rebuild_index (cli, engine);
  results = xf_search_engine_query (engine, query, limit, NULL, &error);
  if (results != NULL && !xf_search_results_get_index_ready (results) && !built &&
      rebuild_index (cli, engine))
    {
      g_clear_object (&results);
      results = xf_search_engine_query (engine, query, limit, NULL, &error);
    }
  if (results == NULL)
    return xf_cli_fail (cli, g_error_matches (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_INVALID_QUERY)
                             ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);

  if (cli->json)
    print_json (cli, results);
  else
    print_text (results);

  return XF_CLI_EXIT_OK;
}
