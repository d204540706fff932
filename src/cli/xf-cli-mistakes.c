/* xf-cli-mistakes.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-mistake-store.h"
#include "xf-question-store.h"

/* The 错题本 headlessly: what is in it, and taking questions out by hand. */

static const char *usage = "mistakes list [--all] | mistakes remove QUESTION… | mistakes clear";

/* UTC, ISO 8601: "2026-06-01T02:00:00Z" */
static char *
format_time (gint64 time_us)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) at = g_date_time_add (epoch, time_us - time_us % G_USEC_PER_SEC);

  return at != NULL ? g_date_time_format_iso8601 (at) : NULL;
}

static int
mistakes_list (XfCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also the questions that left the book"), NULL },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "mistakes list [--all]");
  if (!(db = xf_cli_open_database (cli, &error)) || !(mistakes = xf_mistake_store_list (db, all, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < mistakes->len; i++)
    {
      XfMistake *mistake = g_ptr_array_index (mistakes, i);
      /* The version answered wrong; a question deleted since has no stem */
      g_autoptr(XfQuestion) question = xf_question_store_get_version (db, mistake->question_uuid,
                                                                      mistake->version, NULL);
      const char *stem = question != NULL ? xf_question_get_stem (question) : NULL;
      const char *type = question != NULL ? xf_question_type_to_string (xf_question_get_question_type (question)) : NULL;
      g_autofree char *last_wrong = format_time (mistake->last_wrong_at);

      if (!cli->json)
        {
          g_print ("%s\t%u\t%u/%u\t%s\t%s\n", mistake->question_uuid, mistake->times_wrong,
                   mistake->right_days, XF_MISTAKE_DAYS_TO_LEARN,
                   mistake->removed_by != NULL ? mistake->removed_by : "-", stem != NULL ? stem : "");
          continue;
        }
      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "question", mistake->question_uuid);
      xf_cli_json_add_int (builder, "version", mistake->version);
      xf_cli_json_add_string (builder, "stem", stem);
      xf_cli_json_add_string (builder, "type", type);
      xf_cli_json_add_string (builder, "answer", mistake->answer);
      xf_cli_json_add_int (builder, "times_wrong", mistake->times_wrong);
      xf_cli_json_add_int (builder, "right_days", mistake->right_days);
      xf_cli_json_add_string (builder, "last_right_day", mistake->last_right_day);
      xf_cli_json_add_string (builder, "last_wrong", last_wrong);
      xf_cli_json_add_string (builder, "source", mistake->source);
      xf_cli_json_add_string (builder, "source_id", mistake->source_uuid);
      xf_cli_json_add_string (builder, "source_title", mistake->source_title);
      xf_cli_json_add_string (builder, "removed", mistake->removed_by);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
report_removed (XfCli *cli,
                guint  n)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!cli->json)
    {
      xf_cli_message (cli, g_dngettext (GETTEXT_PACKAGE, "%u question taken out of the mistake book",
                                        "%u questions taken out of the mistake book", n),
                      n);
      return XF_CLI_EXIT_OK;
    }
  json_builder_begin_object (builder);
  xf_cli_json_add_int (builder, "removed", n);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

static int
mistakes_remove (XfCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;
  guint n = 0;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc < 2)
    return xf_cli_usage (cli, "mistakes remove QUESTION…");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  /* A question the book never held is a mistyped UUID: nothing is removed */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(XfMistake) mistake = xf_mistake_store_get (db, argv[i], &error);

      if (mistake == NULL)
        return xf_cli_fail (cli, g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND)
                                   ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);
    }
  if (!xf_mistake_store_remove (db, (const char * const *)argv + 1, g_get_real_time (), &n, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  return report_removed (cli, n);
}

static int
mistakes_clear (XfCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;
  guint n = 0;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "mistakes clear");
  if (!(db = xf_cli_open_database (cli, &error)) ||
      !xf_mistake_store_clear_all (db, g_get_real_time (), &n, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  return report_removed (cli, n);
}

int
xf_cli_mistakes_command (XfCli  *cli,
                         int     argc,
                         char  **argv)
{
  static const struct
  {
    const char *name;
    XfCliCommandFunc func;
  } subcommands[] = {
    { "list", mistakes_list },
    { "remove", mistakes_remove },
    { "clear", mistakes_clear },
  };

  if (argc < 2)
    return xf_cli_usage (cli, usage);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (cli, argc - 1, argv + 1);
  return xf_cli_usage (cli, usage);
}
