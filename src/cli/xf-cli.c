/* xf-cli.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-content.h"
#include "xf-profile-manager.h"

typedef struct
{
  const char       *name;
  XfCliCommandFunc  func;
  const char       *summary;
} XfCliCommand;

static int profile_command (XfCli *cli, int argc, char **argv);

static const XfCliCommand commands[] = {
  { "exam", xf_cli_exam_command, N_("Exams: create, list, take, submit and their statistics") },
  { "law", xf_cli_law_command, N_("Import and list statutes") },
  { "list", xf_cli_list_command, N_("Knowledge lists: import, export, show, mark learned") },
  { "mistakes", xf_cli_mistakes_command, N_("The mistake book: list it, take questions out") },
  { "practice", xf_cli_practice_command, N_("Practice: where questions come from, draw some, answer one") },
  { "profile", profile_command, N_("List and create profiles") },
  { "questions", xf_cli_questions_command, N_("Question banks: import, export, list, show") },
  { "search", xf_cli_search_command, N_("Search statutes, laws and knowledge lists") },
  { "study", xf_cli_study_command, N_("Spaced repetition: replay a review log through the scheduler") },
};

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: xuefactl [--profile NAME | --db PATH] [--json] [--quiet] COMMAND …"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
}

void
xf_cli_message (XfCli      *cli,
                const char *format,
                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (cli->quiet)
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s\n", text);
}

int
xf_cli_fail (XfCli        *cli,
             int           code,
             const GError *error)
{
  g_printerr ("xuefactl: %s\n", error ? error->message : _("Unknown error"));
  return code;
}

int
xf_cli_usage (XfCli      *cli,
              const char *usage)
{
  g_printerr ("%s %s\n", _("Usage:"), usage);
  return XF_CLI_EXIT_USAGE;
}

/* An option with a value it cannot take: says which and why */
int
xf_cli_usage_error (XfCli      *cli,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("xuefactl: %s\n", message);
  return XF_CLI_EXIT_USAGE;
}

/* A store's error: something named that is not there, or input that
 * breaks a rule, is the caller's (exit 3); anything else a failure */
int
xf_cli_store_fail (XfCli        *cli,
                   const GError *error)
{
  return xf_cli_fail (cli, g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND) ||
                             g_error_matches (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID)
                             ? XF_CLI_EXIT_INVALID : XF_CLI_EXIT_FAILURE, error);
}

/**
 * xf_cli_parse_options:
 *
 * Parses a command's own options out of @argv. On failure prints why and
 * returns %FALSE; the caller exits with %XF_CLI_EXIT_USAGE.
 */
gboolean
xf_cli_parse_options (XfCli         *cli,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("xuefactl: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

void
xf_cli_print_json (XfCli       *cli,
                   JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

/**
 * xf_cli_json_add_string:
 * @value: (nullable): written as null where %NULL
 *
 * Adds a member to the object @builder is building; the other
 * xf_cli_json_add_*() the same for their types.
 */
void
xf_cli_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
xf_cli_json_add_int (JsonBuilder *builder,
                     const char  *member,
                     gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
xf_cli_json_add_double (JsonBuilder *builder,
                        const char  *member,
                        double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

void
xf_cli_json_add_boolean (JsonBuilder *builder,
                         const char  *member,
                         gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/**
 * xf_cli_open_database:
 *
 * Opens the database named by --db, or the profile's (the last used one by
 * default). Where no profile exists yet one is created, named after the
 * account, as the app does on first run.
 *
 * Returns: (transfer none) (nullable): the database
 */
XfDatabase *
xf_cli_open_database (XfCli   *cli,
                      GError **error)
{
  g_autoptr(XfProfileManager) manager = NULL;
  g_autofree char *path = NULL;
  XfProfile *profile;

  if (cli->db != NULL)
    return cli->db;

  if (cli->db_path != NULL)
    {
      cli->db = xf_database_open (cli->db_path, error);
      cli->profile_name = g_strdup (cli->profile != NULL ? cli->profile : "");
      return cli->db;
    }

  manager = xf_profile_manager_new (g_getenv ("XUEFA_DATA_DIR"));
  if (!xf_profile_manager_load (manager, error))
    return NULL;

  if (cli->profile != NULL)
    {
      profile = xf_profile_manager_find (manager, cli->profile);
      if (profile == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no profile named “%s”; create it with “xuefactl profile create NAME”"),
                       cli->profile);
          return NULL;
        }
    }
  else
    {
      profile = xf_profile_manager_get_last (manager);
      if (profile == NULL)
        {
          const char *name = g_get_real_name ();

          if (name == NULL || name[0] == '\0' || g_strcmp0 (name, "Unknown") == 0)
            name = g_get_user_name ();
          profile = xf_profile_manager_create (manager, name, error);
          if (profile == NULL)
            return NULL;
        }
    }

  path = xf_profile_manager_dup_database_path (manager, profile);
  cli->db = xf_database_open (path, error);
  /* Records made here carry the profile's name, as the app's do. */
  cli->profile_name = g_strdup (xf_profile_get_name (profile));
  cli->opened = g_object_ref (profile);

  /* A profile holds the shipped content, as in the app; a --db file does not. */
  if (cli->db != NULL && xf_content_needs_defaults (cli->db))
    {
      xf_cli_message (cli, _("Loading the shipped statutes, knowledge lists and question banks…"));
      if (!xf_content_install_defaults (cli->db, NULL, error))
        g_clear_object (&cli->db);
    }

  return cli->db;
}

static int
profile_command (XfCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(XfProfileManager) manager = xf_profile_manager_new (g_getenv ("XUEFA_DATA_DIR"));
  g_autoptr(GError) error = NULL;
  g_autofree char *department = NULL;
  g_autofree char *position = NULL;
  gboolean leader = FALSE;
  gboolean principal = FALSE;
  GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("Department"), N_("NAME") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, N_("Position"), N_("TEXT") },
    { "leader", 0, 0, G_OPTION_ARG_NONE, &leader, N_("A leader (领导干部)"), NULL },
    { "principal", 0, 0, G_OPTION_ARG_NONE, &principal, N_("A principal leader (主要负责人)"), NULL },
    { NULL }
  };
  const char *usage = "profile list | profile create NAME [--department NAME] [--position TEXT] [--leader] [--principal]";

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;

  if (!xf_profile_manager_load (manager, &error))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      GListModel *profiles = xf_profile_manager_get_profiles (manager);
      XfProfile *last = xf_profile_manager_get_last (manager);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(XfProfile) profile = g_list_model_get_item (profiles, i);

          if (!cli->json)
            {
              g_print ("%s%s\t%s\t%s\n", profile == last ? "* " : "  ",
                       xf_profile_get_name (profile),
                       xf_profile_get_department (profile),
                       xf_profile_get_position (profile));
              continue;
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, xf_profile_get_id (profile));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, xf_profile_get_name (profile));
          json_builder_set_member_name (builder, "department");
          json_builder_add_string_value (builder, xf_profile_get_department (profile));
          json_builder_set_member_name (builder, "position");
          json_builder_add_string_value (builder, xf_profile_get_position (profile));
          json_builder_set_member_name (builder, "leader");
          json_builder_add_boolean_value (builder, xf_profile_get_leader (profile));
          json_builder_set_member_name (builder, "principal");
          json_builder_add_boolean_value (builder, xf_profile_get_principal (profile));
          json_builder_set_member_name (builder, "last");
          json_builder_add_boolean_value (builder, profile == last);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      if (cli->json)
        xf_cli_print_json (cli, builder);
      return XF_CLI_EXIT_OK;
    }

  if (argc == 3 && g_str_equal (argv[1], "create"))
    {
      XfProfile *profile = xf_profile_manager_create (manager, argv[2], &error);

      if (profile == NULL)
        return xf_cli_fail (cli, XF_CLI_EXIT_INVALID, error);
      xf_profile_set_department (profile, department);
      xf_profile_set_position (profile, position);
      xf_profile_set_leader (profile, leader);
      xf_profile_set_principal (profile, principal);
      if (!xf_profile_manager_save (manager, &error))
        return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
      xf_cli_message (cli, _("Created the profile “%s”"), xf_profile_get_name (profile));
      return XF_CLI_EXIT_OK;
    }

  return xf_cli_usage (cli, usage);
}

static void
setup_i18n (void)
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
xf_cli_run (int    argc,
            char **argv)
{
  XfCli cli = { 0 };
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  int ret = XF_CLI_EXIT_USAGE;

  setup_i18n ();

  /* Global options may stand anywhere; take them out and leave the rest. */
  g_ptr_array_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--json"))
        cli.json = TRUE;
      else if (g_str_equal (arg, "--quiet") || g_str_equal (arg, "-q"))
        cli.quiet = TRUE;
      else if ((g_str_equal (arg, "--profile") || g_str_equal (arg, "--db")) && i + 1 < argc)
        {
          char **target = arg[2] == 'p' ? &cli.profile : &cli.db_path;
          g_free (*target);
          *target = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--profile="))
        cli.profile = g_strdup (arg + strlen ("--profile="));
      else if (g_str_has_prefix (arg, "--db="))
        cli.db_path = g_strdup (arg + strlen ("--db="));
      else if (g_str_equal (arg, "--profile") || g_str_equal (arg, "--db"))
        {
          g_printerr ("xuefactl: %s\n", _("--profile and --db need a value"));
          return XF_CLI_EXIT_USAGE;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }
  g_ptr_array_add (rest, NULL);

  if (cli.profile != NULL && cli.db_path != NULL)
    {
      g_printerr ("xuefactl: %s\n", _("Give either --profile or --db, not both"));
      ret = XF_CLI_EXIT_USAGE;
    }
  else if (rest->len < 3)
    {
      print_help ();
      ret = XF_CLI_EXIT_USAGE;
    }
  else if (g_str_equal (rest->pdata[1], "--help") || g_str_equal (rest->pdata[1], "help"))
    {
      print_help ();
      ret = XF_CLI_EXIT_OK;
    }
  else
    {
      const char *name = rest->pdata[1];
      guint i;

      for (i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (commands[i].name, name))
          break;

      if (i == G_N_ELEMENTS (commands))
        {
          g_printerr (_("xuefactl: unknown command “%s”\n"), name);
          print_help ();
          ret = XF_CLI_EXIT_USAGE;
        }
      else
        {
          /* The command sees its own name as argv[0]. */
          ret = commands[i].func (&cli, (int)rest->len - 2, (char **)rest->pdata + 1);
        }
    }

  g_clear_object (&cli.db);
  g_free (cli.profile);
  g_free (cli.profile_name);
  g_clear_object (&cli.opened);
  g_free (cli.db_path);

  return ret;
}
