/* xf-cli-law.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli.h"

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

int
xf_cli_law_command (XfCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *usage = "law list | law import FILE|DIR…";

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return law_list (cli);

  return xf_cli_usage (cli, usage);
}
