/* xf-cli-law.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <unistd.h>

#include "xf-cli.h"
#include "xf-law-importer.h"

static int
law_list (XfCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  XfDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  stmt = xf_database_prepare (db,
                              "SELECT id, title, version_date, status, article_count FROM laws "
                              "ORDER BY title, version_date",
                              &error);
  if (stmt == NULL)
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  while ((rc = xf_database_step (db, stmt, &error)) == SQLITE_ROW)
    {
      const char *title = (const char *)sqlite3_column_text (stmt, 1);
      const char *version = (const char *)sqlite3_column_text (stmt, 2);
      const char *status = (const char *)sqlite3_column_text (stmt, 3);
      int articles = sqlite3_column_int (stmt, 4);

      if (!cli->json)
        {
          g_print ("%s\t%s\t%d\n", title, version, articles);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, version);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, articles);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc < 0)
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (cli->json)
    xf_cli_print_json (cli, builder);

  return XF_CLI_EXIT_OK;
}

typedef struct
{
  gint64 started;
  gint64 last;
  gboolean shown;
} Progress;

/* Only an import that runs for more than a second shows progress, at most
 * a few times a second. */
static void
on_import_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (total == 0 || now - progress->started < G_USEC_PER_SEC ||
      (now - progress->last < G_USEC_PER_SEC / 4 && done < total))
    return;
  progress->last = now;
  progress->shown = TRUE;
  g_printerr ("\r%s", "");
  g_printerr (_("Importing statutes: %d%%"), (int)(done * 100 / total));
  fflush (stderr);
}

static int
law_import (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfLawImporter) importer = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *source = NULL;
  Progress progress = { 0 };
  GPtrArray *files, *problems, *notices;
  XfDatabase *db;
  GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("What the laws' source field says (default: each file's path)"), N_("TEXT") },
    { NULL }
  };

  if (!xf_cli_parse_options (cli, _("FILE|DIR…"), entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  /* argv[0] is "law", argv[1] "import" */
  if (argc < 3)
    return xf_cli_usage (cli, "law import FILE|DIR… [--source TEXT]");

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  importer = xf_law_importer_new (db);
  for (int i = 2; i < argc; i++)
    xf_law_importer_add_path (importer, argv[i]);
  if (source != NULL)
    xf_law_importer_set_source (importer, source);
  if (!cli->json && !cli->quiet)
    {
      progress.started = g_get_monotonic_time ();
      xf_law_importer_set_progress_func (importer, on_import_progress, &progress, NULL);
    }

  if (!xf_law_importer_run (importer, NULL, &error))
    {
      if (progress.shown)
        g_printerr ("\n");
      return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }
  if (progress.shown)
    g_printerr ("\n");

  files = xf_law_importer_get_files (importer);
  problems = xf_law_importer_get_problems (importer);
  notices = xf_law_importer_get_notices (importer);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < files->len; i++)
        {
          const XfLawImportFile *file = g_ptr_array_index (files, i);

          json_builder_begin_object (builder);
          xf_cli_json_add_string (builder, "path", file->path);
          xf_cli_json_add_string (builder, "law", file->law_title);
          json_builder_set_member_name (builder, "articles");
          json_builder_add_int_value (builder, file->article_count);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "articles");
      json_builder_add_int_value (builder, xf_law_importer_get_article_total (importer));
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        {
          const XfLawImportProblem *problem = g_ptr_array_index (problems, i);

          json_builder_begin_object (builder);
          xf_cli_json_add_string (builder, "path", problem->path);
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, problem->line);
          xf_cli_json_add_string (builder, "reason", problem->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "notices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < notices->len; i++)
        {
          const XfLawImportNotice *notice = g_ptr_array_index (notices, i);

          json_builder_begin_object (builder);
          xf_cli_json_add_string (builder, "path", notice->path);
          xf_cli_json_add_string (builder, "message", notice->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      xf_cli_print_json (cli, builder);
    }
  else
    {
      for (guint i = 0; i < notices->len; i++)
        {
          const XfLawImportNotice *notice = g_ptr_array_index (notices, i);

          xf_cli_message (cli, "%s: %s", notice->path, notice->message);
        }
      xf_cli_message (cli, _("Imported: %u article(s) from %u file(s)"),
                      xf_law_importer_get_article_total (importer), files->len);
    }

  /* Problems name file, line and reason on stderr in either mode. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = xf_law_import_problem_format (g_ptr_array_index (problems, i));

      g_printerr ("xuefactl: %s\n", text);
    }

  return problems->len > 0 ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_OK;
}

int
xf_cli_law_command (XfCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *usage = "law list | law import FILE|DIR… [--source TEXT]";

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return law_list (cli);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return law_import (cli, argc, argv);

  return xf_cli_usage (cli, usage);
}
