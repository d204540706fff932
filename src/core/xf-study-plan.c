/* xf-study-plan.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "xf-study-plan.h"
#include "xf-study-store.h"
#include "xf-study-store-private.h"

/* Studying for an exam day. The scheduler alone aims at the desired
 * retention on each card's due day, which may fall after the exam; and
 * it introduces new cards at the daily limit whether or not the list
 * will be through by then. The plan looks at one knowledge list and the
 * exam day:
 *
 * - new items must all be introduced before the exam: spread evenly
 *   over the study days left (today up to the day before the exam);
 * - a studied item whose next review falls on or after the exam day but
 *   whose retrievability on that day is below the desired retention is
 *   "at risk": the queue brings such items forward, the weakest first,
 *   an even share of them a day (they are reviewed before the exam and
 *   rescheduled from there). A card's retrievability on its due day is
 *   the desired retention it was scheduled with, so cards become at
 *   risk when the person raises the desired retention for the exam, as
 *   somebody preparing for one does;
 * - items due before the exam are the scheduler's: they come anyway.
 *
 * The day's time is estimated from the person's own median time a card
 * (the last 500 ratings on the study page; XF_STUDY_PLAN_DEFAULT_SECONDS
 * until there are 20), a new card counting XF_STUDY_PLAN_SHOWINGS_PER_NEW
 * showings. When that exceeds the daily budget, new cards are cut to
 * what the budget leaves after the reviews, and the plan says how many
 * items the exam day would find unstudied.
 *
 * Stored in the profile's meta table; a plan whose list was deleted is
 * no plan. */

#define META_EXAM_DAY "study-plan-exam-day"
#define META_LIST     "study-plan-list"
#define META_MINUTES  "study-plan-minutes"

#define MIN_RATINGS_FOR_PACE 20

G_DEFINE_BOXED_TYPE (XfStudyPlan, xf_study_plan, xf_study_plan_copy, xf_study_plan_free)

XfStudyPlan *
xf_study_plan_copy (const XfStudyPlan *plan)
{
  XfStudyPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
  copy->exam_day = g_strdup (plan->exam_day);
  copy->list_uuid = g_strdup (plan->list_uuid);
  copy->list_title = g_strdup (plan->list_title);
  return copy;
}

void
xf_study_plan_free (XfStudyPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->exam_day);
  g_free (plan->list_uuid);
  g_free (plan->list_title);
  g_free (plan);
}

/* The local calendar date of "YYYY-MM-DD", or FALSE */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  unsigned year, month, day;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      strlen (text) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  return midnight != NULL ? g_date_time_to_unix (midnight) * G_USEC_PER_SEC : 0;
}

static void
local_date (gint64  time_us,
            GDate  *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * xf_study_plan_set:
 * @exam_day: the exam's local date, YYYY-MM-DD
 * @list_uuid: the knowledge list to be through by then
 * @budget_minutes: study time a day, 1–XF_STUDY_PLAN_MAX_MINUTES
 *
 * Stores the plan after checking every part: nothing is stored when one
 * is wrong.
 */
gboolean
xf_study_plan_set (XfDatabase  *db,
                   const char  *exam_day,
                   const char  *list_uuid,
                   guint        budget_minutes,
                   GError     **error)
{
  g_autofree char *minutes = NULL;
  sqlite3_stmt *stmt;
  GDate date;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  if (!parse_day (exam_day, &date))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The exam day “%s” is not a date of the form 2026-06-30"), exam_day ? exam_day : "");
      return FALSE;
    }
  if (budget_minutes < 1 || budget_minutes > XF_STUDY_PLAN_MAX_MINUTES)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The daily study time must be 1 to %u minutes, not %u"),
                   XF_STUDY_PLAN_MAX_MINUTES, budget_minutes);
      return FALSE;
    }
  if ((stmt = xf_database_prepare (db, "SELECT 1 FROM lists WHERE uuid = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no knowledge list “%s”"), list_uuid ? list_uuid : "");
  if (rc != SQLITE_ROW)
    return FALSE;

  minutes = g_strdup_printf ("%u", budget_minutes);
  if (!xf_database_begin (db, error))
    return FALSE;
  if (!xf_database_set_meta (db, META_EXAM_DAY, exam_day, error) ||
      !xf_database_set_meta (db, META_LIST, list_uuid, error) ||
      !xf_database_set_meta (db, META_MINUTES, minutes, error) ||
      !xf_database_commit (db, error))
    {
      xf_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * xf_study_plan_clear:
 *
 * No exam day any more: the queue goes back to the daily limits alone.
 */
gboolean
xf_study_plan_clear (XfDatabase  *db,
                     GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  return xf_database_exec (db, "DELETE FROM meta WHERE key IN ('" META_EXAM_DAY "', '" META_LIST "', '"
                               META_MINUTES "')", error);
}

/**
 * xf_study_plan_exam_retrievability:
 * @card: a studied card
 *
 * Returns: the probability of recalling @card on the exam day (at its
 *   local midnight) if it is not reviewed before
 */
double
xf_study_plan_exam_retrievability (const XfStudyPlan *plan,
                                   const XfFsrsCard  *card)
{
  XfFsrsParams params;

  g_return_val_if_fail (plan != NULL && card != NULL, 0);

  xf_fsrs_params_init_default (&params);
  params.desired_retention = plan->retention;
  return xf_fsrs_retrievability (&params, card, plan->exam_start / G_USEC_PER_SEC);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median time of the person's last ratings of list items */
static gboolean
read_pace (XfDatabase  *db,
           double      *seconds,
           GError     **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, "SELECT duration_ms FROM study_log WHERE kind = 'item' AND source = 'study' "
                                  "AND duration_ms > 0 ORDER BY reviewed_at DESC LIMIT 500", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      double s = sqlite3_column_int64 (stmt, 0) / 1000.0;

      g_array_append_val (times, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;

  *seconds = XF_STUDY_PLAN_DEFAULT_SECONDS;
  if (times->len >= MIN_RATINGS_FOR_PACE)
    {
      g_array_sort (times, compare_doubles);
      *seconds = CLAMP (g_array_index (times, double, times->len / 2), 3.0, 300.0);
    }
  return TRUE;
}

/* Counts the list's items by where they stand for the exam day */
static gboolean
read_items (XfDatabase   *db,
            XfStudyPlan  *plan,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, "SELECT count(*), l.title FROM lists l JOIN list_items i ON i.list_id = l.id "
                                  "WHERE l.uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->list_uuid, -1, SQLITE_TRANSIENT);
  if ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      plan->n_items = (guint)sqlite3_column_int64 (stmt, 0);
      plan->list_title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  stmt = xf_database_prepare (db, "SELECT " XF_STUDY_CARD_COLUMNS ("c") " FROM lists l "
                                  "JOIN list_items i ON i.list_id = l.id "
                                  "JOIN study_cards c ON c.kind = 'item' AND c.card_key = i.uuid "
                                  "WHERE l.uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan->list_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfStudyCard) card = xf_study_card_from_row (stmt, 0);

      if (card->fsrs.state != XF_FSRS_STATE_REVIEW || card->fsrs.due * G_USEC_PER_SEC < plan->exam_start)
        plan->n_due_before++;
      else if (xf_study_plan_exam_retrievability (plan, &card->fsrs) < plan->retention)
        plan->n_at_risk++;
      else
        plan->n_safe++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  plan->n_new = plan->n_items - MIN (plan->n_items, plan->n_due_before + plan->n_at_risk + plan->n_safe);
  return TRUE;
}

/* The day's share of each kind of work, cut to the budget */
static void
apportion (XfStudyPlan *plan)
{
  double reviews_per_day, capacity;

  if (plan->days_left == 0)
    return;
  plan->new_per_day = (plan->n_new + plan->days_left - 1) / plan->days_left;
  plan->at_risk_per_day = (plan->n_at_risk + plan->days_left - 1) / plan->days_left;
  reviews_per_day = (double)plan->n_due_before / plan->days_left + plan->at_risk_per_day;
  plan->minutes_per_day = (reviews_per_day + (double)plan->new_per_day * XF_STUDY_PLAN_SHOWINGS_PER_NEW) *
                          plan->seconds_per_card / 60.0;
  plan->minutes_needed = plan->minutes_per_day;
  plan->feasible = plan->minutes_per_day <= plan->budget_minutes + 1e-9;
  if (plan->feasible)
    return;

  capacity = plan->budget_minutes * 60.0 / plan->seconds_per_card;
  plan->new_per_day = (guint)MAX (0.0, floor ((capacity - reviews_per_day) / XF_STUDY_PLAN_SHOWINGS_PER_NEW));
  plan->new_per_day = MIN (plan->new_per_day, plan->n_new);
  plan->n_unreached = plan->n_new - MIN (plan->n_new, plan->new_per_day * plan->days_left);
  plan->minutes_per_day = (reviews_per_day + (double)plan->new_per_day * XF_STUDY_PLAN_SHOWINGS_PER_NEW) *
                          plan->seconds_per_card / 60.0;
}

/**
 * xf_study_plan_compute:
 * @now_us: now, UTC µs
 * @exam_day: the exam's local date, YYYY-MM-DD
 * @list_uuid: the knowledge list
 * @budget_minutes: study time a day
 *
 * The plan these would make, without storing anything (to show it
 * before it is saved).
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
XfStudyPlan *
xf_study_plan_compute (XfDatabase  *db,
                       gint64       now_us,
                       const char  *exam_day,
                       const char  *list_uuid,
                       guint        budget_minutes,
                       GError     **error)
{
  g_autoptr(XfStudyPlan) self = g_new0 (XfStudyPlan, 1);
  XfStudySettings settings;
  GDate exam, today;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (!parse_day (exam_day, &exam))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The exam day “%s” is not a date of the form 2026-06-30"), exam_day ? exam_day : "");
      return NULL;
    }
  if (!xf_study_store_get_settings (db, &settings, error))
    return NULL;

  self->exam_day = g_strdup (exam_day);
  self->list_uuid = g_strdup (list_uuid);
  self->budget_minutes = CLAMP (budget_minutes, 1, XF_STUDY_PLAN_MAX_MINUTES);
  self->retention = settings.retention;
  self->exam_start = local_midnight (&exam);
  local_date (now_us, &today);
  self->days_left = (guint)MAX (0, g_date_days_between (&today, &exam));

  /* One read transaction: the counts agree with each other */
  if (!xf_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;
  if (!read_pace (db, &self->seconds_per_card, error) || !read_items (db, self, error) ||
      !xf_database_exec (db, "COMMIT", error))
    {
      xf_database_rollback (db);
      return NULL;
    }
  apportion (self);
  if (self->days_left == 0)
    self->n_unreached = self->n_new;
  return g_steal_pointer (&self);
}

/**
 * xf_study_plan_get:
 * @now_us: now, UTC µs
 * @plan: (out) (transfer full) (nullable): the stored plan as it stands
 *   now; %NULL when there is none (never set, cleared, or its list
 *   deleted)
 *
 * Returns: %FALSE on a database error
 */
gboolean
xf_study_plan_get (XfDatabase   *db,
                   gint64        now_us,
                   XfStudyPlan **plan,
                   GError      **error)
{
  g_autofree char *exam_day = NULL;
  g_autofree char *list_uuid = NULL;
  g_autofree char *minutes = NULL;
  sqlite3_stmt *stmt;
  GDate exam;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  *plan = NULL;
  exam_day = xf_database_dup_meta (db, META_EXAM_DAY);
  list_uuid = xf_database_dup_meta (db, META_LIST);
  minutes = xf_database_dup_meta (db, META_MINUTES);
  if (!parse_day (exam_day, &exam) || list_uuid == NULL || minutes == NULL)
    return TRUE;

  if ((stmt = xf_database_prepare (db, "SELECT 1 FROM lists WHERE uuid = ?", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return FALSE;

  *plan = xf_study_plan_compute (db, now_us, exam_day, list_uuid,
                                 (guint)CLAMP (g_ascii_strtoull (minutes, NULL, 10), 1, XF_STUDY_PLAN_MAX_MINUTES),
                                 error);
  return *plan != NULL;
}
