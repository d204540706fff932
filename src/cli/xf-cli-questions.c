/* xf-cli-questions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-question-format.h"
#include "xf-question-index.h"
#include "xf-question-store.h"

static const char *usage =
  "questions banks | questions ls [--bank B] [--type T] [--category C] [--tag T] [--law L] "
  "[--search TEXT] [--limit N] | questions show ID|UUID [--version N] | "
  "questions import FILE [--format F] [--bank NAME] [--dry-run] [--keep-duplicates] | "
  "questions export [--bank B] [--format F] [-o FILE] | questions delete-bank BANK";

static int
fail_lookup (XfCli        *cli,
             const GError *error)
{
  if (g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
  return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
}

static int
questions_banks (XfCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) banks = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "questions banks");
  if (!(db = xf_cli_open_database (cli, &error)) ||
      !(banks = xf_question_store_list_banks (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (banks, i);

      if (!cli->json)
        {
          g_print ("%s\t%u\t%s\n", xf_question_bank_get_uuid (bank),
                   xf_question_bank_get_n_questions (bank), xf_question_bank_get_title (bank));
          continue;
        }
      json_builder_begin_object (builder);
      xf_cli_json_add_int (builder, "id", xf_question_bank_get_id (bank));
      xf_cli_json_add_string (builder, "uuid", xf_question_bank_get_uuid (bank));
      xf_cli_json_add_string (builder, "title", xf_question_bank_get_title (bank));
      xf_cli_json_add_string (builder, "description", xf_question_bank_get_description (bank));
      xf_cli_json_add_string (builder, "source", xf_question_bank_get_source (bank));
      xf_cli_json_add_string (builder, "licence", xf_question_bank_get_licence (bank));
      json_builder_set_member_name (builder, "builtin");
      json_builder_add_boolean_value (builder, xf_question_bank_get_builtin (bank));
      xf_cli_json_add_int (builder, "questions", xf_question_bank_get_n_questions (bank));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

/* A question as the native format has it, with its place in the store. */
static JsonNode *
question_node (XfQuestion *question)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonNode *node;
  JsonObject *object;

  xf_question_build_json (builder, question);
  node = json_builder_get_root (builder);
  object = json_node_get_object (node);
  json_object_set_int_member (object, "id", xf_question_get_id (question));
  json_object_set_int_member (object, "bank_id", xf_question_get_bank_id (question));
  json_object_set_int_member (object, "version", xf_question_get_version (question));
  return node;
}

static void
add_question (JsonBuilder *builder,
              XfQuestion  *question)
{
  json_builder_add_value (builder, question_node (question));
}

static gint64
bank_id_of (XfDatabase  *db,
            const char  *bank,
            GError     **error)
{
  g_autoptr(XfQuestionBank) found = NULL;

  if (bank == NULL)
    return 0;
  found = xf_question_store_get_bank (db, bank, error);
  return found != NULL ? xf_question_bank_get_id (found) : -1;
}

static int
questions_ls (XfCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(XfQuestionIndex) index = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *type = NULL;
  g_autofree char *category = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *law = NULL;
  g_autofree char *text = NULL;
  int difficulty = 0;
  int limit = 0;
  GOptionEntry entries[] = {
    { "bank", 'b', 0, G_OPTION_ARG_STRING, &bank, N_("Only this bank (title or UUID)"), N_("BANK") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type, N_("Only this type: single, multiple, truefalse, fill, essay"), N_("TYPE") },
    { "category", 'c', 0, G_OPTION_ARG_STRING, &category, N_("Only this category and those under it"), N_("PATH") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only questions with this tag"), N_("TAG") },
    { "law", 0, 0, G_OPTION_ARG_STRING, &law, N_("Only questions linked to this law"), N_("TITLE") },
    { "difficulty", 'd', 0, G_OPTION_ARG_INT, &difficulty, N_("Only this difficulty (1–5)"), N_("N") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &text, N_("Only questions holding this text"), N_("TEXT") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N questions"), N_("N") },
    { NULL }
  };
  XfQuestionFilter filter = XF_QUESTION_FILTER_INIT;
  XfQuestionType question_type;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1 || limit < 0 || difficulty < 0 || difficulty > 5 ||
      (type != NULL && !xf_question_type_from_string (type, &question_type)))
    return xf_cli_usage (cli, "questions ls [--bank B] [--type T] [--category C] [--tag T] "
                              "[--law L] [--difficulty N] [--search TEXT] [--limit N]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if ((filter.bank_id = bank_id_of (db, bank, &error)) < 0)
    return fail_lookup (cli, error);
  filter.type = type != NULL ? (int)question_type : -1;
  filter.difficulty = (guint)difficulty;
  filter.category = category;
  filter.tag = tag;
  filter.law = law;
  filter.text = text;
  if (!(index = xf_question_index_new (db, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  ids = xf_question_index_filter (index, &filter);

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len && (limit == 0 || i < (guint)limit); i++)
    {
      g_autoptr(XfQuestion) question = xf_question_store_get (db, g_array_index (ids, gint64, i), &error);
      g_autofree char *summary = NULL;

      if (question == NULL)
        return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
      if (cli->json)
        {
          add_question (builder, question);
          continue;
        }
      summary = xf_question_dup_summary (question);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", xf_question_get_id (question),
               xf_question_type_to_label (xf_question_get_question_type (question)), summary);
    }
  json_builder_end_array (builder);
  if (cli->json)
    xf_cli_print_json (cli, builder);
  else
    xf_cli_message (cli, _("%u of %u questions match"), ids->len, xf_question_index_get_n_questions (index));
  return XF_CLI_EXIT_OK;
}

static int
questions_show (XfCli  *cli,
                int     argc,
                char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) question = NULL;
  int version = 0;
  GOptionEntry entries[] = {
    { "version", 'v', 0, G_OPTION_ARG_INT, &version, N_("Show this earlier version"), N_("N") },
    { NULL }
  };
  XfDatabase *db;
  guint64 id = 0;

  if (!xf_cli_parse_options (cli, "ID|UUID", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2 || version < 0)
    return xf_cli_usage (cli, "questions show ID|UUID [--version N]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    question = xf_question_store_get (db, (gint64)id, &error);
  else
    question = xf_question_store_get_by_uuid (db, argv[1], &error);
  if (question != NULL && version > 0)
    {
      g_autofree char *uuid = g_strdup (xf_question_get_uuid (question));

      g_clear_object (&question);
      question = xf_question_store_get_version (db, uuid, (guint)version, &error);
    }
  if (question == NULL)
    return fail_lookup (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = question_node (question);
      g_autofree char *text = json_to_string (node, FALSE);

      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *answer = xf_question_dup_answer_text (question);

      g_print ("[%s] %s\n", xf_question_type_to_label (xf_question_get_question_type (question)),
               xf_question_get_stem (question));
      for (guint i = 0; i < xf_question_get_n_options (question); i++)
        g_print ("%c. %s\n", 'A' + i, xf_question_get_option (question, i));
      g_print (_("Answer: %s\n"), answer);
      if (*xf_question_get_explanation (question) != '\0')
        g_print (_("Explanation: %s\n"), xf_question_get_explanation (question));
      for (guint i = 0; i < xf_question_get_n_links (question); i++)
        {
          g_autofree char *label = xf_question_dup_link_label (question, i);

          g_print ("%s\n", label);
        }
    }
  return XF_CLI_EXIT_OK;
}

static void
add_problems (JsonBuilder *builder,
              const char  *member,
              GPtrArray   *problems)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      xf_cli_json_add_int (builder, "line", problem->line);
      xf_cli_json_add_string (builder, "question", problem->question);
      xf_cli_json_add_string (builder, "reason", problem->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_problems (XfCli      *cli,
                const char *name,
                GPtrArray  *problems,
                gboolean    notices)
{
  for (guint i = 0; i < problems->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (problems, i);
      const char *what = notices ? _("notice") : _("problem");

      if (problem->line > 0 && *problem->question != '\0')
        xf_cli_message (cli, "%s:%u: %s: %s (%s)", name, problem->line, what, problem->reason, problem->question);
      else if (problem->line > 0)
        xf_cli_message (cli, "%s:%u: %s: %s", name, problem->line, what, problem->reason);
      else
        xf_cli_message (cli, "%s: %s: %s", name, what, problem->reason);
    }
}

static int
questions_import (XfCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *bank = NULL;
  gboolean dry_run = FALSE;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("auto, json, gift, moodle-xml, aiken, csv, xlsx, text or lexeval (default: auto)"), N_("FORMAT") },
    { "bank", 'b', 0, G_OPTION_ARG_STRING, &bank,
      N_("Import into this bank, made if missing (default: the file’s name)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file and report, but store nothing"), NULL },
    { "keep-duplicates", 0, 0, G_OPTION_ARG_NONE, &keep,
      N_("Import questions the store already has too"), NULL },
    { NULL }
  };
  XfQuestionImportReport report = { 0, };
  XfQuestionImportFlags flags = XF_QUESTION_IMPORT_NONE;
  XfQuestionFormat format = XF_QUESTION_FORMAT_AUTO;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "FILE", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2 || (format_name != NULL && !xf_question_format_from_string (format_name, &format)))
    return xf_cli_usage (cli, "questions import FILE [--format auto|json|gift|moodle-xml|aiken|csv|xlsx|text|lexeval] "
                              "[--bank NAME] [--dry-run] [--keep-duplicates]");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (dry_run)
    flags |= XF_QUESTION_IMPORT_DRY_RUN;
  if (keep)
    flags |= XF_QUESTION_IMPORT_KEEP_DUPLICATES;
  parse = xf_question_store_import_file (db, argv[1], format, bank, flags, &report, NULL, &error);
  if (parse == NULL)
    {
      xf_question_import_report_clear (&report);
      return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
    }

  print_problems (cli, argv[1], parse->problems, FALSE);
  print_problems (cli, argv[1], parse->notices, TRUE);
  print_problems (cli, argv[1], report.duplicate_notices, TRUE);

  if (cli->json)
    {
      json_builder_begin_object (builder);
      xf_cli_json_add_int (builder, "imported", report.imported);
      xf_cli_json_add_int (builder, "skipped", report.skipped);
      add_problems (builder, "problems", parse->problems);
      xf_cli_json_add_int (builder, "updated", report.updated);
      xf_cli_json_add_int (builder, "duplicates", report.duplicates);
      xf_cli_json_add_string (builder, "format", xf_question_format_to_string (parse->format));
      json_builder_set_member_name (builder, "dry_run");
      json_builder_add_boolean_value (builder, dry_run);
      add_problems (builder, "notices", parse->notices);
      add_problems (builder, "duplicate_questions", report.duplicate_notices);
      json_builder_end_object (builder);
      xf_cli_print_json (cli, builder);
    }
  else if (dry_run)
    xf_cli_message (cli, _("Would import %u questions, skip %u, update %u (%u problems, %u duplicates)"),
                    report.imported, report.skipped, report.updated, parse->problems->len, report.duplicates);
  else
    xf_cli_message (cli, _("Imported %u questions, skipped %u, updated %u (%u problems, %u duplicates)"),
                    report.imported, report.skipped, report.updated, parse->problems->len, report.duplicates);

  {
    guint n_problems = parse->problems->len;

    xf_question_import_report_clear (&report);
    return n_problems > 0 ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_OK;
  }
}

static int
questions_export (XfCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XfQuestionBank) found = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *bank = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("json, gift, moodle-xml, aiken, csv or xlsx (default: from the file name, else json)"), N_("FORMAT") },
    { "bank", 'b', 0, G_OPTION_ARG_STRING, &bank, N_("Only this bank (title or UUID)"), N_("BANK") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };
  XfQuestionFormat format = XF_QUESTION_FORMAT_JSON;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (format_name == NULL && output != NULL)
    {
      format = xf_question_format_detect (output, "", 0);
      if (!xf_question_format_can_export (format))
        format = XF_QUESTION_FORMAT_JSON;
    }
  if (argc != 1 ||
      (format_name != NULL && !xf_question_format_from_string (format_name, &format)) ||
      !xf_question_format_can_export (format) ||
      (format == XF_QUESTION_FORMAT_XLSX && output == NULL))
    return xf_cli_usage (cli, "questions export [--bank B] [--format json|gift|moodle-xml|aiken|csv|xlsx] "
                              "[-o FILE] (xlsx needs -o)");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (bank != NULL && !(found = xf_question_store_get_bank (db, bank, &error)))
    return fail_lookup (cli, error);
  questions = xf_question_store_load (db, found != NULL ? xf_question_bank_get_id (found) : 0, &error);
  if (questions == NULL)
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  bytes = xf_question_format_export (format, questions,
                                     found != NULL ? xf_question_bank_get_title (found) : NULL,
                                     notices, &error);
  if (bytes == NULL)
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  print_problems (cli, output != NULL ? output : "-", notices, TRUE);

  if (output != NULL)
    {
      if (!g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
      xf_cli_message (cli, _("Exported %u questions to %s"), questions->len - notices->len, output);
    }
  else
    fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  return XF_CLI_EXIT_OK;
}

static int
questions_delete_bank (XfCli  *cli,
                       int     argc,
                       char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  GOptionEntry entries[] = { { NULL } };
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "BANK", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 2)
    return xf_cli_usage (cli, "questions delete-bank BANK");
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(bank = xf_question_store_get_bank (db, argv[1], &error)))
    return fail_lookup (cli, error);
  if (!xf_question_store_delete_bank (db, xf_question_bank_get_id (bank), &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  xf_cli_message (cli, _("Deleted the bank “%s”"), xf_question_bank_get_title (bank));
  return XF_CLI_EXIT_OK;
}

int
xf_cli_questions_command (XfCli  *cli,
                          int     argc,
                          char  **argv)
{
  static const struct
  {
    const char *name;
    XfCliCommandFunc func;
  } subcommands[] = {
    { "banks", questions_banks },
    { "ls", questions_ls },
    { "show", questions_show },
    { "import", questions_import },
    { "export", questions_export },
    { "delete-bank", questions_delete_bank },
  };

  if (argc < 2)
    return xf_cli_usage (cli, usage);
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (cli, argc - 1, argv + 1);
  return xf_cli_usage (cli, usage);
}
