/* xf-cli-study-time.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "xf-cli.h"
#include "xf-study-time.h"

/* Study time from the command line (xf-study-time.h): `study time` the
 * active time a day, week, month or year; `study stats` the streak, the
 * totals of today, this week and this year and where each knowledge
 * list stands; `study session` records a session (to import one kept
 * elsewhere, and for tests). Dates are local calendar dates; --now
 * computes as at another moment, so that a figure can be checked
 * again later. */

/* A local date "YYYY-MM-DD" as the UTC µs of the midnight that starts it */
static gboolean
parse_date (const char *text,
            gint64     *time_us)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  dt = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (dt == NULL)
    return FALSE;
  *time_us = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  return TRUE;
}

/* An ISO 8601 time; one without a zone is local */
static gboolean
parse_time (const char *text,
            gint64     *time_us)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = text != NULL ? g_date_time_new_from_iso8601 (text, zone) : NULL;

  if (dt == NULL)
    return FALSE;
  *time_us = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

static char *
format_date (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%F") : g_strdup ("");
}

static char *
format_time (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format_iso8601 (local) : g_strdup ("");
}

static gboolean
resolve_now (const char *text,
             gint64     *now)
{
  if (text == NULL)
    {
      *now = g_get_real_time ();
      return TRUE;
    }
  return parse_time (text, now);
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          gint64       time_us)
{
  g_autofree char *text = format_date (time_us);

  xf_cli_json_add_string (builder, member, text);
}

/* `study time` */

static gint64
default_from (XfStudyBucket bucket,
              gint64        today)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (today / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) from = NULL;

  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      from = g_date_time_add_days (local, -29);
      break;
    case XF_STUDY_BUCKET_WEEK:
      from = g_date_time_add_weeks (local, -11);
      break;
    case XF_STUDY_BUCKET_MONTH:
      from = g_date_time_add_months (local, 1 - g_date_time_get_month (local));
      break;
    case XF_STUDY_BUCKET_YEAR:
    default:
      from = g_date_time_add_years (local, -4);
      break;
    }
  return xf_study_bucket_start (bucket, g_date_time_to_unix (from) * G_USEC_PER_SEC);
}

int
xf_cli_study_time_command (XfCli  *cli,
                           int     argc,
                           char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *now_text = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first day (default: 30 days, 12 weeks, this year or 5 years back)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day (default: today)"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Totals a day, week, month or year (default: day)"), N_("PERIOD") },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, N_("Count as at this time (ISO 8601)"), N_("TIME") },
    { NULL }
  };
  XfStudyBucket bucket = XF_STUDY_BUCKET_DAY;
  gint64 now, from, to, sum = 0;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study time [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|week|month|year]");
  if (by != NULL && !xf_study_bucket_from_string (by, &bucket))
    return xf_cli_usage_error (cli, _("--by must be day, week, month or year, not “%s”"), by);
  if (!resolve_now (now_text, &now))
    return xf_cli_usage_error (cli, _("--now must be an ISO 8601 time, not “%s”"), now_text);
  if (to_text != NULL && !parse_date (to_text, &to))
    return xf_cli_usage_error (cli, _("--to must be a date YYYY-MM-DD, not “%s”"), to_text);
  if (to_text == NULL)
    to = xf_study_bucket_start (XF_STUDY_BUCKET_DAY, now);
  to = xf_study_bucket_next (XF_STUDY_BUCKET_DAY, to);
  if (from_text != NULL && !parse_date (from_text, &from))
    return xf_cli_usage_error (cli, _("--from must be a date YYYY-MM-DD, not “%s”"), from_text);
  if (from_text == NULL)
    from = default_from (bucket, to - 1);
  if (from >= to)
    return xf_cli_usage_error (cli, _("--from must not be after --to"));

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!(totals = xf_study_time_totals (db, from, to, bucket, &error)))
    return xf_cli_store_fail (cli, error);

  for (guint i = 0; i < totals->len; i++)
    sum += g_array_index (totals, XfStudyTotal, i).active_ms;
  if (!cli->json)
    {
      for (guint i = 0; i < totals->len; i++)
        {
          const XfStudyTotal *total = &g_array_index (totals, XfStudyTotal, i);
          g_autofree char *date = format_date (total->start);

          /* TRANSLATORS: a day, week, month or year (its first date) and the minutes studied in it */
          g_print (_("%s\t%u min\n"), date, (guint)(total->active_ms / 60000));
        }
      return XF_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "by", xf_study_bucket_to_string (bucket));
  add_date (builder, "from", g_array_index (totals, XfStudyTotal, 0).start);
  add_date (builder, "to", g_array_index (totals, XfStudyTotal, totals->len - 1).end - 1);
  xf_cli_json_add_int (builder, "total_ms", sum);
  json_builder_set_member_name (builder, "buckets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < totals->len; i++)
    {
      const XfStudyTotal *total = &g_array_index (totals, XfStudyTotal, i);

      json_builder_begin_object (builder);
      add_date (builder, "start", total->start);
      add_date (builder, "end", total->end - 1);
      xf_cli_json_add_int (builder, "active_ms", total->active_ms);
      xf_cli_json_add_int (builder, "active_seconds", total->active_ms / 1000);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

/* `study stats` */

static gboolean
period_total (XfDatabase     *db,
              XfStudyBucket   bucket,
              gint64          now,
              gint64         *total,
              GError        **error)
{
  g_autoptr(GArray) totals = xf_study_time_totals (db, now, now + 1, bucket, error);

  if (totals == NULL)
    return FALSE;
  *total = g_array_index (totals, XfStudyTotal, 0).active_ms;
  return TRUE;
}

int
xf_cli_study_stats_command (XfCli  *cli,
                            int     argc,
                            char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *now_text = NULL;
  GOptionEntry entries[] = {
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, N_("Count as at this time (ISO 8601)"), N_("TIME") },
    { NULL }
  };
  gint64 now, today = 0, week = 0, year = 0;
  gboolean studied_today = FALSE;
  guint streak = 0;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1)
    return xf_cli_usage (cli, "study stats [--now TIME]");
  if (!resolve_now (now_text, &now))
    return xf_cli_usage_error (cli, _("--now must be an ISO 8601 time, not “%s”"), now_text);

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  if (!xf_study_time_streak (db, now, &streak, &studied_today, &error) ||
      !period_total (db, XF_STUDY_BUCKET_DAY, now, &today, &error) ||
      !period_total (db, XF_STUDY_BUCKET_WEEK, now, &week, &error) ||
      !period_total (db, XF_STUDY_BUCKET_YEAR, now, &year, &error) ||
      !(states = xf_study_list_states (db, now, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);

  if (!cli->json)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Streak: %u day\n", "Streak: %u days\n", streak), streak);
      /* TRANSLATORS: minutes studied today, this week and this year */
      g_print (_("Today: %u min\tThis week: %u min\tThis year: %u min\n"),
               (guint)(today / 60000), (guint)(week / 60000), (guint)(year / 60000));
      for (guint i = 0; i < states->len; i++)
        {
          const XfStudyListState *state = g_ptr_array_index (states, i);

          /* TRANSLATORS: a knowledge list and how many of its items are learned, due for review and new */
          g_print (_("%s\tlearned %u\tdue %u\tnew %u\n"), state->title, state->learned, state->due, state->fresh);
        }
      return XF_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_date (builder, "date", now);
  xf_cli_json_add_int (builder, "streak", streak);
  xf_cli_json_add_boolean (builder, "studied_today", studied_today);
  xf_cli_json_add_int (builder, "today_ms", today);
  xf_cli_json_add_int (builder, "week_ms", week);
  xf_cli_json_add_int (builder, "year_ms", year);
  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint i = 0; i < states->len; i++)
    {
      const XfStudyListState *state = g_ptr_array_index (states, i);

      json_builder_begin_object (builder);
      xf_cli_json_add_string (builder, "uuid", state->list_uuid);
      xf_cli_json_add_string (builder, "title", state->title);
      xf_cli_json_add_int (builder, "total", state->total);
      xf_cli_json_add_int (builder, "learned", state->learned);
      xf_cli_json_add_int (builder, "due", state->due);
      xf_cli_json_add_int (builder, "new", state->fresh);
      xf_cli_json_add_int (builder, "learning", state->learning);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}

/* `study session` */

int
xf_cli_study_session_command (XfCli  *cli,
                              int     argc,
                              char  **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyTimeSession) session = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *activity = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *started_text = NULL;
  g_autofree char *ended_text = NULL;
  gint64 active_ms = -1;
  GOptionEntry entries[] = {
    { "activity", 0, 0, G_OPTION_ARG_STRING, &activity, N_("study, practice, exam or reading"), N_("ACTIVITY") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text, N_("When it started (ISO 8601)"), N_("TIME") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text, N_("When it ended (ISO 8601)"), N_("TIME") },
    { "active-ms", 0, 0, G_OPTION_ARG_INT64, &active_ms, N_("Milliseconds of it with input"), N_("MS") },
    { "uuid", 0, 0, G_OPTION_ARG_STRING, &uuid, N_("The session's UUID, to lengthen it or import it once"), N_("UUID") },
    { NULL }
  };
  gint64 start, end;
  XfDatabase *db;

  if (!xf_cli_parse_options (cli, "", entries, &argc, &argv))
    return XF_CLI_EXIT_USAGE;
  if (argc != 1 || activity == NULL || start_text == NULL || end_text == NULL || active_ms < 0)
    return xf_cli_usage (cli, "study session --activity study|practice|exam|reading --start TIME --end TIME "
                              "--active-ms N [--uuid UUID]");
  if (!xf_study_activity_is_valid (activity))
    return xf_cli_usage_error (cli, _("--activity must be study, practice, exam or reading, not “%s”"), activity);
  if (!parse_time (start_text, &start))
    return xf_cli_usage_error (cli, _("--start must be an ISO 8601 time, not “%s”"), start_text);
  if (!parse_time (end_text, &end))
    return xf_cli_usage_error (cli, _("--end must be an ISO 8601 time, not “%s”"), end_text);

  if (!(db = xf_cli_open_database (cli, &error)))
    return xf_cli_fail (cli, XF_CLI_EXIT_FAILURE, error);
  session = xf_study_time_session_new (activity, start, end, active_ms);
  if (uuid != NULL)
    {
      g_free (session->uuid);
      session->uuid = g_steal_pointer (&uuid);
    }
  if (!xf_study_time_record_session (db, session, &error))
    return xf_cli_store_fail (cli, error);

  started_text = format_time (session->started_at);
  ended_text = format_time (session->ended_at);
  if (!cli->json)
    {
      xf_cli_message (cli, _("Recorded %s: %u active minutes from %s to %s"),
                      session->uuid, (guint)(session->active_ms / 60000), started_text, ended_text);
      return XF_CLI_EXIT_OK;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  xf_cli_json_add_string (builder, "uuid", session->uuid);
  xf_cli_json_add_string (builder, "activity", session->activity);
  xf_cli_json_add_string (builder, "started_at", started_text);
  xf_cli_json_add_string (builder, "ended_at", ended_text);
  xf_cli_json_add_int (builder, "active_ms", session->active_ms);
  json_builder_end_object (builder);
  xf_cli_print_json (cli, builder);
  return XF_CLI_EXIT_OK;
}
