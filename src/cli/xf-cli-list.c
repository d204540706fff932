/* xf-cli-list.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-knowledge-store.h"
#include "xf-list-format.h"

static const char *usage =
  "list ls | list show LIST | list import FILE|- [--dry-run] | "
  "list export LIST…|--all [-o FILE] | list learn ITEM [--undo] | list delete LIST";

static int
fail_lookup (XfCli        *cli,
             const GError *error)
{
  if (g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);

  return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
}

static void
add_list_members (JsonBuilder     *builder,
                  XfKnowledgeList *list)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, xf_knowledge_list_get_id (list));
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, xf_knowledge_list_get_uuid (list));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, xf_knowledge_list_get_title (list));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xf_knowledge_list_get_year (list));
  json_builder_set_member_name (builder, "audience");
  json_builder_add_string_value (builder, xf_knowledge_list_get_audience (list));
  json_builder_set_member_name (builder, "audience_label");
  json_builder_add_string_value (builder, xf_knowledge_list_get_audience_label (list));
  json_builder_set_member_name (builder, "department");
  json_builder_add_string_value (builder, xf_knowledge_list_get_department (list));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, xf_knowledge_list_get_version (list));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, xf_knowledge_list_get_description (list));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, xf_knowledge_list_get_source (list));
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, xf_knowledge_list_get_n_items (list));
  json_builder_set_member_name (builder, "learned");
  json_builder_add_int_value (builder, xf_knowledge_list_get_n_learned (list));
  json_builder_set_member_name (builder, "fraction");
  json_builder_add_double_value (builder, xf_knowledge_list_get_fraction (list));
}

static int
list_ls (XfCli  *cli,
         int     argc,
         char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "list ls");

  if (!(db = xf_cli_open_database (cli, &error)) ||
      !(lists = xf_knowledge_store_list_lists (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (lists); i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (lists, i);

      if (!cli->json)
        {
          g_print ("%s\t%d\t%s\t%u/%u\t%s\n",
                   xf_knowledge_list_get_uuid (list),
                   xf_knowledge_list_get_year (list),
                   xf_knowledge_list_get_audience_label (list),
                   xf_knowledge_list_get_n_learned (list),
                   xf_knowledge_list_get_n_items (list),
                   xf_knowledge_list_get_title (list));
          continue;
        }
      json_builder_begin_object (builder);
      add_list_members (builder, list);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (cli->json)
    xf_cli_print_json (cli, builder);

  return XF_CLI_EXIT_OK;
}

static void
add_item (JsonBuilder *builder,
          XfListItem  *item)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, xf_list_item_get_uuid (item));
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, xf_list_item_get_position (item));
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, xf_list_item_get_level (item));
  json_builder_set_member_name (builder, "level_label");
  json_builder_add_string_value (builder, xf_list_item_get_level_label (item));
  json_builder_set_member_name (builder, "law");
  json_builder_add_string_value (builder, xf_list_item_get_law_title (item));
  json_builder_set_member_name (builder, "article");
  json_builder_add_int_value (builder, xf_list_item_get_article_number (item));
  json_builder_set_member_name (builder, "article_sub");
  json_builder_add_int_value (builder, xf_list_item_get_article_sub (item));
  json_builder_set_member_name (builder, "article_label");
  json_builder_add_string_value (builder, xf_list_item_get_article_label (item));
  json_builder_set_member_name (builder, "article_id");
  json_builder_add_int_value (builder, xf_list_item_get_article_id (item));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, xf_list_item_get_title (item));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, xf_list_item_get_text (item));
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, xf_list_item_get_body (item));
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, xf_list_item_get_note (item));
  json_builder_set_member_name (builder, "learned");
  json_builder_add_boolean_value (builder, xf_list_item_get_learned (item));
  json_builder_end_object (builder);
}

static int
list_show (XfCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfKnowledgeList) list = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "LIST", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "list show LIST");

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(list = xf_knowledge_store_get_list (db, argv[1], &error)))
    return fail_lookup (cli, error);
  if (!(items = xf_knowledge_store_list_items (db, xf_knowledge_list_get_id (list), &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (!cli->json)
    {
      /* TRANSLATORS: a list's title, year, audience, then learned/all items */
      g_print (_("%s (%d, %s): %u of %u learned\n"),
               xf_knowledge_list_get_title (list),
               xf_knowledge_list_get_year (list),
               xf_knowledge_list_get_audience_label (list),
               xf_knowledge_list_get_n_learned (list),
               xf_knowledge_list_get_n_items (list));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(XfListItem) item = g_list_model_get_item (items, i);

          g_print ("%s %s\t%s%s%s\t%s\t%s\n",
                   xf_list_item_get_learned (item) ? "[x]" : "[ ]",
                   xf_list_item_get_level_label (item),
                   xf_list_item_get_law_title (item),
                   xf_list_item_has_article (item) ? " " : "",
                   xf_list_item_get_article_label (item),
                   xf_list_item_get_title (item),
                   xf_list_item_get_uuid (item));
        }
      return XF_CLI_EXIT_OK;
    }

  json_builder_begin_object (builder);
  add_list_members (builder, list);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(XfListItem) item = g_list_model_get_item (items, i);
      add_item (builder, item);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);

  return XF_CLI_EXIT_OK;
}

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, buffer, (guint)n);

  if (ferror (stdin))
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_READ,
                   _("Cannot read the standard input"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static int
list_import (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report, but store nothing"), NULL },
    { NULL }
  };
  XfListImportFlags flags;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "FILE", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "list import FILE|- [--dry-run]");

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  flags = dry_run ? XF_LIST_IMPORT_DRY_RUN : XF_LIST_IMPORT_NONE;
  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GBytes) bytes = read_stdin (&error);

      if (bytes != NULL)
        lists = xf_list_format_import_bytes (db, bytes, _("standard input"), flags, &warnings, &error);
    }
  else
    lists = xf_list_format_import_file (db, argv[1], flags, &warnings, &error);

  if (lists == NULL)
    {
      if (error->domain == XF_LIST_FORMAT_ERROR && error->code != XF_LIST_FORMAT_ERROR_READ)
        return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
      return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    xf_cli_message (cli, _("warning: %s"), warnings[i]);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lists->len; i++)
    {
      XfKnowledgeList *list = g_ptr_array_index (lists, i);
      guint n_items;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, xf_knowledge_list_get_uuid (list));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, xf_knowledge_list_get_title (list));
      json_builder_set_member_name (builder, "items");
      json_builder_add_int_value (builder, xf_knowledge_list_get_n_items (list));
      json_builder_end_object (builder);

      n_items = xf_knowledge_list_get_n_items (list);
      if (dry_run)
        xf_cli_message (cli, g_dngettext (GETTEXT_PACKAGE, "Checked “%s”: %u item (nothing stored)",
                                          "Checked “%s”: %u items (nothing stored)", n_items),
                        xf_knowledge_list_get_title (list), n_items);
      else
        xf_cli_message (cli, g_dngettext (GETTEXT_PACKAGE, "Imported “%s”: %u item",
                                          "Imported “%s”: %u items", n_items),
                        xf_knowledge_list_get_title (list), n_items);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    json_builder_add_string_value (builder, warnings[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  json_builder_end_object (builder);

  if (cli->json)
    xf_cli_print_json (cli, builder);

  return XF_CLI_EXIT_OK;
}

static int
list_export (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export every list"), NULL },
    { NULL }
  };
  const char *export_usage = "list export LIST…|--all [-o FILE]";
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "LIST…", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if ((argc < 2 && !all) || (argc >= 2 && all))
    return xf_cli_usage (cli, export_usage);

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (all)
    {
      if (!(lists = xf_knowledge_store_list_lists (db, &error)))
        return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }
  else
    {
      g_autoptr(GListStore) store = g_list_store_new (XF_TYPE_KNOWLEDGE_LIST);

      for (int i = 1; i < argc; i++)
        {
          g_autoptr(XfKnowledgeList) list = xf_knowledge_store_get_list (db, argv[i], &error);

          if (list == NULL)
            return fail_lookup (cli, error);
          g_list_store_append (store, list);
        }
      lists = G_LIST_MODEL (g_steal_pointer (&store));
    }

  if (output != NULL)
    {
      if (!xf_list_format_export_file (db, lists, output, &error))
        return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
      xf_cli_message (cli, g_dngettext (GETTEXT_PACKAGE, "Exported %u list to “%s”",
                                        "Exported %u lists to “%s”",
                                        g_list_model_get_n_items (lists)),
                      g_list_model_get_n_items (lists), output);
      return XF_CLI_EXIT_OK;
    }

  if (!(bytes = xf_list_format_export_bytes (db, lists, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  fflush (stdout);

  return XF_CLI_EXIT_OK;
}

static int
list_learn (XfCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfListItem) item = NULL;
  g_autoptr(XfKnowledgeList) list = NULL;
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean undo = FALSE;
  GOptionEntry entries[] = {
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Mark the item as not learned"), NULL },
    { NULL }
  };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "ITEM", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "list learn ITEM [--undo]");

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!xf_knowledge_store_set_learned (db, argv[1], !undo, &error))
    return fail_lookup (cli, error);

  if (!(item = xf_knowledge_store_get_item (db, argv[1], &error)) ||
      !(lists = xf_knowledge_store_list_lists (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  for (guint i = 0; list == NULL && i < g_list_model_get_n_items (lists); i++)
    {
      g_autoptr(XfKnowledgeList) candidate = g_list_model_get_item (lists, i);

      if (xf_knowledge_list_get_id (candidate) == xf_list_item_get_list_id (item))
        list = g_steal_pointer (&candidate);
    }
  g_assert (list != NULL);

  xf_cli_message (cli, undo ? _("“%s” is no longer marked as learned (%u of %u learned)")
                            : _("Marked “%s” as learned (%u of %u learned)"),
                  xf_list_item_get_title (item)[0] != '\0' ? xf_list_item_get_title (item)
                                                            : xf_list_item_get_uuid (item),
                  xf_knowledge_list_get_n_learned (list), xf_knowledge_list_get_n_items (list));

  if (cli->json)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item");
      json_builder_add_string_value (builder, xf_list_item_get_uuid (item));
      json_builder_set_member_name (builder, "learned");
      json_builder_add_boolean_value (builder, xf_list_item_get_learned (item));
      json_builder_set_member_name (builder, "list");
      json_builder_begin_object (builder);
      add_list_members (builder, list);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      xf_cli_print_json (cli, builder);
    }

  return XF_CLI_EXIT_OK;
}

static int
list_delete (XfCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfKnowledgeList) list = NULL;
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "LIST", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "list delete LIST");

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(list = xf_knowledge_store_get_list (db, argv[1], &error)))
    return fail_lookup (cli, error);
  if (!xf_knowledge_store_delete_list (db, xf_knowledge_list_get_uuid (list), &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  xf_cli_message (cli, _("Deleted “%s”"), xf_knowledge_list_get_title (list));

  return XF_CLI_EXIT_OK;
}

int
xf_cli_list_command (XfCli  *cli,
                     int     argc,
                     char  **argv)
{
  static const struct
  {
    const char *name;
    int (*func) (XfCli *cli, int argc, char **argv);
  } subcommands[] = {
    { "ls", list_ls },
    { "show", list_show },
    { "import", list_import },
    { "export", list_export },
    { "learn", list_learn },
    { "delete", list_delete },
  };

  if (argc < 2)
    return xf_cli_usage (cli, usage);

  /* The subcommand sees its own name as argv[0]. */
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (cli, argc - 1, argv + 1);

  return xf_cli_usage (cli, usage);
}
