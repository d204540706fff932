/* xf-cli-study-plan.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-cli.h"
#include "xf-knowledge-store.h"
#include "xf-study-plan.h"

/* `study plan`: set, clear or show the exam plan (xf-study-plan.c) and
 * what it asks of a day. */

static void
print_plan (XfCli             *cli,
            const XfStudyPlan *plan)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!cli->json)
    {
      if (plan == NULL)
        {
          g_print ("%s\n", _("No exam plan"));
          return;
        }
      /* TRANSLATORS: the exam plan: the list, the exam day and the days left */
      g_print (_("%s: exam on %s, %u study days left\n"), plan->list_title, plan->exam_day, plan->days_left);
      /* TRANSLATORS: the exam plan's counts of list items */
      g_print (_("Items: %u\tNew: %u\tDue before the exam: %u\tAt risk: %u\tSafe: %u\n"),
               plan->n_items, plan->n_new, plan->n_due_before, plan->n_at_risk, plan->n_safe);
      /* TRANSLATORS: what the exam plan asks of a day */
      g_print (_("A day: %u new, %u brought forward, about %.0f of %u minutes\n"),
               plan->new_per_day, plan->at_risk_per_day, plan->minutes_per_day, plan->budget_minutes);
      if (plan->n_unreached > 0)
        g_print (_("The daily time leaves %u items unstudied by the exam\n"), plan->n_unreached);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "plan");
  if (plan == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "exam_day", plan->exam_day);
      xf_cli_json_add_string (builder, "list", plan->list_uuid);
      xf_cli_json_add_string (builder, "list_title", plan->list_title);
      xf_cli_json_add_int (builder, "budget_minutes", plan->budget_minutes);
      xf_cli_json_add_double (builder, "retention", plan->retention);
      xf_cli_json_add_int (builder, "days_left", plan->days_left);
      xf_cli_json_add_int (builder, "items", plan->n_items);
      xf_cli_json_add_int (builder, "new", plan->n_new);
      xf_cli_json_add_int (builder, "due_before", plan->n_due_before);
      xf_cli_json_add_int (builder, "at_risk", plan->n_at_risk);
      xf_cli_json_add_int (builder, "safe", plan->n_safe);
      xf_cli_json_add_double (builder, "seconds_per_card", plan->seconds_per_card);
      xf_cli_json_add_int (builder, "new_per_day", plan->new_per_day);
      xf_cli_json_add_int (builder, "at_risk_per_day", plan->at_risk_per_day);
      xf_cli_json_add_double (builder, "minutes_per_day", plan->minutes_per_day);
      xf_cli_json_add_int (builder, "unreached", plan->n_unreached);
      xf_cli_json_add_boolean (builder, "feasible", plan->feasible);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
}

int
xf_cli_study_plan_command (XfCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autofree char *exam_day = NULL;
  g_autofree char *list = NULL;
  int minutes = -1;
  gboolean clear = FALSE;
  GOptionEntry entries[] = {
    { "exam-date", 0, 0, G_OPTION_ARG_STRING, &exam_day, N_("The exam's date, e.g. 2026-06-30"), N_("DATE") },
    { "list", 0, 0, G_OPTION_ARG_STRING, &list, N_("The knowledge list to learn by then (UUID or title)"), N_("LIST") },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, N_("Study time a day, in minutes"), N_("N") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Remove the exam plan"), NULL },
    { NULL }
  };
  const char *plan_usage = "study plan [--exam-date DATE --list LIST --minutes N | --clear]";
  gboolean setting;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  setting = exam_day != NULL || list != NULL || minutes != -1;
  if (argc != 1 || (clear && setting) || (setting && (exam_day == NULL || list == NULL || minutes == -1)))
    return xf_cli_usage (cli, plan_usage);
  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (clear && !xf_study_plan_clear (db, &error))
    return xf_cli_store_fail (cli, error);
  if (setting)
    {
      /* A list may be named by its title too, as elsewhere */
      g_autoptr(XfKnowledgeList) found = xf_knowledge_store_get_list (db, list, &error);

      if (found == NULL)
        return xf_cli_store_fail (cli, error);
      if (!xf_study_plan_set (db, exam_day, xf_knowledge_list_get_uuid (found), (guint)MAX (minutes, 0), &error))
        return xf_cli_store_fail (cli, error);
    }
  if (!xf_study_plan_get (db, g_get_real_time (), &plan, &error))
    return xf_cli_store_fail (cli, error);
  print_plan (cli, plan);
  return XF_CLI_EXIT_OK;
}
