/* xf-study-time.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-fsrs.h"
#include "xf-study-store.h"
#include "xf-study-store-private.h"
#include "xf-study-time.h"

/* Study time. A session is active while the person gives input; time
 * goes on counting after an input for up to XF_STUDY_IDLE_LIMIT_MS, so
 * reading a long article without touching anything still counts its
 * first two minutes, and leaving the desk for an hour counts two minutes
 * and no more. The same rule holds after the last input: stopping ten
 * minutes after it counts two.
 *
 * A session is stored with its start, end and active time only: where
 * within it the active time fell is not kept. The totals of a day, week
 * or year therefore share a session's active time out over the buckets
 * it spans in proportion to the wall time it spent in each: a session
 * from 23:50 to 00:10 with 20 active minutes gives 10 to each day.
 *
 * Days, weeks (from Monday), months and years are local, as the study
 * queue's day is: a bucket runs from one local midnight to another. */

/* The clock */

/**
 * xf_study_clock_init:
 *
 * A clock that is not running and has counted nothing.
 */
void
xf_study_clock_init (XfStudyClock *clock)
{
  g_return_if_fail (clock != NULL);
  *clock = (XfStudyClock) { 0 };
}

/**
 * xf_study_clock_start:
 * @now: µs
 *
 * Starts counting from @now, which counts as an input: the person has
 * just opened what they study.
 */
void
xf_study_clock_start (XfStudyClock *clock,
                      gint64        now)
{
  g_return_if_fail (clock != NULL);
  clock->running = TRUE;
  clock->started_at = now;
  clock->last_input = now;
  clock->active_us = 0;
}

/* The active part of the time from the last input to @now. A clock put
 * back (@now before the last input) counts nothing rather than taking
 * time away. */
static gint64
tail_us (const XfStudyClock *clock,
         gint64              now)
{
  if (!clock->running || now <= clock->last_input)
    return 0;
  return MIN (now - clock->last_input, XF_STUDY_IDLE_LIMIT_MS * 1000);
}

/**
 * xf_study_clock_activity:
 * @now: µs of an input (a key, a click, a scroll)
 *
 * Counts the time since the last input, up to %XF_STUDY_IDLE_LIMIT_MS.
 * Inputs at 0 s, 30 s, 10 min and 10 min 20 s and a stop at 11 min count
 * 30 + 120 + 20 + 40 = 210 seconds. Nothing happens while the clock is
 * stopped.
 */
void
xf_study_clock_activity (XfStudyClock *clock,
                         gint64        now)
{
  g_return_if_fail (clock != NULL);
  if (!clock->running)
    return;
  clock->active_us += tail_us (clock, now);
  clock->last_input = now;
}

/**
 * xf_study_clock_sample:
 *
 * Returns: the active milliseconds counted were the clock stopped at @now
 */
gint64
xf_study_clock_sample (const XfStudyClock *clock,
                       gint64              now)
{
  g_return_val_if_fail (clock != NULL, 0);
  return (clock->active_us + tail_us (clock, now)) / 1000;
}

/**
 * xf_study_clock_stop:
 *
 * Stops the clock at @now.
 *
 * Returns: the active milliseconds of the session, never more than the
 *   time from the start to @now and never negative
 */
gint64
xf_study_clock_stop (XfStudyClock *clock,
                     gint64        now)
{
  g_return_val_if_fail (clock != NULL, 0);
  if (!clock->running)
    return clock->active_us / 1000;
  clock->active_us += tail_us (clock, now);
  clock->last_input = MAX (now, clock->last_input);
  clock->running = FALSE;
  return clock->active_us / 1000;
}

/* Names */

gboolean
xf_study_activity_is_valid (const char *activity)
{
  return g_strcmp0 (activity, XF_STUDY_ACTIVITY_STUDY) == 0 ||
         g_strcmp0 (activity, XF_STUDY_ACTIVITY_PRACTICE) == 0 ||
         g_strcmp0 (activity, XF_STUDY_ACTIVITY_EXAM) == 0 ||
         g_strcmp0 (activity, XF_STUDY_ACTIVITY_READING) == 0;
}

static const char * const bucket_names[] = { "day", "week", "month", "year" };

const char *
xf_study_bucket_to_string (XfStudyBucket bucket)
{
  g_return_val_if_fail (bucket <= XF_STUDY_BUCKET_YEAR, NULL);
  return bucket_names[bucket];
}

gboolean
xf_study_bucket_from_string (const char    *name,
                             XfStudyBucket *bucket)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (bucket_names); i++)
    if (g_str_equal (name, bucket_names[i]))
      {
        *bucket = (XfStudyBucket)i;
        return TRUE;
      }
  return FALSE;
}

/* Local calendar arithmetic */

static GDateTime *
local_time (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC -
                                                            (time_us % G_USEC_PER_SEC < 0 ? 1 : 0));

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

/* The local midnight that starts @date, as UTC µs */
static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  if (midnight == NULL)
    return 0;
  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

static gboolean
local_date (gint64  time_us,
            GDate  *date)
{
  g_autoptr(GDateTime) local = local_time (time_us);

  if (local == NULL)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

/**
 * xf_study_bucket_start:
 *
 * Returns: UTC µs of the local midnight that starts the day, week
 *   (Monday), month or year @time_us falls in
 */
gint64
xf_study_bucket_start (XfStudyBucket bucket,
                       gint64        time_us)
{
  GDate date;

  if (!local_date (time_us, &date))
    return time_us;
  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      break;
    case XF_STUDY_BUCKET_WEEK:
      g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
      break;
    case XF_STUDY_BUCKET_MONTH:
      g_date_set_day (&date, 1);
      break;
    case XF_STUDY_BUCKET_YEAR:
    default:
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date));
      break;
    }
  return local_midnight (&date);
}

/**
 * xf_study_bucket_next:
 * @start_us: the start of a bucket (see xf_study_bucket_start())
 *
 * Returns: the start of the bucket after it. A day is not always 24
 *   hours: clocks change.
 */
gint64
xf_study_bucket_next (XfStudyBucket bucket,
                      gint64        start_us)
{
  GDate date;

  if (!local_date (start_us, &date))
    return start_us + G_USEC_PER_SEC * G_GINT64_CONSTANT (86400);
  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      g_date_add_days (&date, 1);
      break;
    case XF_STUDY_BUCKET_WEEK:
      g_date_add_days (&date, 7);
      break;
    case XF_STUDY_BUCKET_MONTH:
      g_date_add_months (&date, 1);
      break;
    case XF_STUDY_BUCKET_YEAR:
    default:
      g_date_add_years (&date, 1);
      break;
    }
  return local_midnight (&date);
}

/* Sessions */

/**
 * xf_study_time_session_new:
 *
 * Returns: (transfer full): a session with a new UUID
 */
XfStudyTimeSession *
xf_study_time_session_new (const char *activity,
                      gint64      started_at,
                      gint64      ended_at,
                      gint64      active_ms)
{
  XfStudyTimeSession *session = g_new0 (XfStudyTimeSession, 1);

  session->uuid = g_uuid_string_random ();
  session->activity = g_strdup (activity);
  session->started_at = started_at;
  session->ended_at = ended_at;
  session->active_ms = active_ms;
  return session;
}

void
xf_study_time_session_free (XfStudyTimeSession *session)
{
  if (session == NULL)
    return;
  g_free (session->uuid);
  g_free (session->activity);
  g_free (session);
}

void
xf_study_list_state_free (XfStudyListState *state)
{
  if (state == NULL)
    return;
  g_free (state->list_uuid);
  g_free (state->title);
  g_free (state);
}

/**
 * xf_study_time_record_session:
 *
 * Stores @session, or lengthens the stored one of its UUID: a running
 * session is written again as it goes on. A write never shortens a row,
 * so writes that arrive out of order leave the longest. The activity
 * must be one of XF_STUDY_ACTIVITY_…, the end not before the start, and
 * the active time between 0 and the time from start to end
 * (%XF_STORE_ERROR_INVALID); a UUID stored with another activity or
 * start is refused the same way.
 */
gboolean
xf_study_time_record_session (XfDatabase            *db,
                              const XfStudyTimeSession  *session,
                              GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (session->uuid == NULL || !g_uuid_string_is_valid (session->uuid))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, _("A study session needs a UUID"));
      return FALSE;
    }
  if (!xf_study_activity_is_valid (session->activity))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("Unknown study activity “%s”: it must be study, practice, exam or reading"),
                   session->activity != NULL ? session->activity : "");
      return FALSE;
    }
  if (session->ended_at < session->started_at)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, _("A study session cannot end before it starts"));
      return FALSE;
    }
  if (session->active_ms < 0 || session->active_ms > (session->ended_at - session->started_at) / 1000)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The active time of a study session must be between zero and its length"));
      return FALSE;
    }

  stmt = xf_database_prepare (db,
                              "INSERT INTO study_sessions (uuid, activity, started_at, ended_at, active_ms, device_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                              "ON CONFLICT (uuid) DO UPDATE SET ended_at = max (ended_at, excluded.ended_at), "
                              "active_ms = max (active_ms, excluded.active_ms) "
                              "WHERE activity = excluded.activity AND started_at = excluded.started_at",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, session->activity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, session->started_at);
  sqlite3_bind_int64 (stmt, 4, session->ended_at);
  sqlite3_bind_int64 (stmt, 5, session->active_ms);
  sqlite3_bind_text (stmt, 6, xf_database_get_device_id (db), -1, SQLITE_TRANSIENT);
  if (!xf_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (xf_database_get_handle (db)) == 0)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("Another study session is stored under the UUID %s"), session->uuid);
      return FALSE;
    }
  return TRUE;
}

/* Totals */

#define MAX_BUCKETS 100000

/* The bucket of @buckets that holds @time, or the first after it */
static guint
find_bucket (GArray *buckets,
             gint64  time)
{
  guint lo = 0, hi = buckets->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (buckets, XfStudyTotal, mid).end <= time)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * xf_study_time_totals:
 * @from_us: UTC µs; the bucket it falls in is the first
 * @to_us: UTC µs; the last bucket is the one that holds the instant
 *   before it
 *
 * The active time of each local day, week, month or year from @from_us
 * to @to_us, every bucket given even when nothing was studied. A session
 * that spans buckets gives each the share of its active time that its
 * wall time in the bucket is of its whole length.
 *
 * Returns: (transfer full) (element-type XfStudyTotal): the buckets in
 *   order, or %NULL with @error set
 */
GArray *
xf_study_time_totals (XfDatabase     *db,
                      gint64          from_us,
                      gint64          to_us,
                      XfStudyBucket   bucket,
                      GError        **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (XfStudyTotal));
  g_autofree double *shares = NULL;
  sqlite3_stmt *stmt;
  gint64 start;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (bucket <= XF_STUDY_BUCKET_YEAR, NULL);

  if (to_us <= from_us)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, _("The period of study time ends before it starts"));
      return NULL;
    }
  for (start = xf_study_bucket_start (bucket, from_us); start < to_us;)
    {
      XfStudyTotal total = { start, xf_study_bucket_next (bucket, start), 0 };

      if (total.end <= start || totals->len >= MAX_BUCKETS)
        {
          g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, _("The period of study time is too long"));
          return NULL;
        }
      g_array_append_val (totals, total);
      start = total.end;
    }

  shares = g_new0 (double, totals->len);
  stmt = xf_database_prepare (db,
                              "SELECT started_at, ended_at, active_ms FROM study_sessions "
                              "WHERE started_at < ?2 AND (ended_at > ?1 OR (ended_at = started_at AND started_at >= ?1))",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_array_index (totals, XfStudyTotal, 0).start);
  sqlite3_bind_int64 (stmt, 2, g_array_index (totals, XfStudyTotal, totals->len - 1).end);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 started = sqlite3_column_int64 (stmt, 0);
      gint64 ended = sqlite3_column_int64 (stmt, 1);
      double active = (double)sqlite3_column_int64 (stmt, 2);
      guint i = find_bucket (totals, started);

      if (ended == started)
        {
          if (i < totals->len)
            shares[i] += active;
          continue;
        }
      for (; i < totals->len; i++)
        {
          const XfStudyTotal *total = &g_array_index (totals, XfStudyTotal, i);
          gint64 overlap = MIN (ended, total->end) - MAX (started, total->start);

          if (total->start >= ended)
            break;
          if (overlap > 0)
            shares[i] += active * (double)overlap / (double)(ended - started);
        }
    }
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < totals->len; i++)
    g_array_index (totals, XfStudyTotal, i).active_ms = (gint64)(shares[i] + 0.5);
  return g_steal_pointer (&totals);
}

/* The streak */

#define STREAK_WINDOW_DAYS 64

static gint64
days_before (gint64 day_start,
             guint  n)
{
  GDate date;

  if (!local_date (day_start, &date))
    return day_start - n * G_USEC_PER_SEC * G_GINT64_CONSTANT (86400);
  g_date_subtract_days (&date, n);
  return local_midnight (&date);
}

/* Marks in @rated the days of @days that hold a live rating */
static gboolean
mark_rated_days (XfDatabase  *db,
                 GArray      *days,
                 gboolean    *rated,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db,
                              "SELECT l.reviewed_at FROM study_log l WHERE l.reviewed_at >= ?1 AND l.reviewed_at < ?2 "
                              "AND NOT EXISTS (SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (days, XfStudyTotal, 0).start);
  sqlite3_bind_int64 (stmt, 2, g_array_index (days, XfStudyTotal, days->len - 1).end);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      guint i = find_bucket (days, sqlite3_column_int64 (stmt, 0));

      if (i < days->len)
        rated[i] = TRUE;
    }
  return rc == SQLITE_DONE;
}

/**
 * xf_study_time_streak:
 * @now_us: UTC µs
 * @days: (out): consecutive local days studied up to today
 * @today: (out) (optional): whether today is one of them
 *
 * A local day is studied with %XF_STUDY_STREAK_MIN_MS of active time in
 * sessions (as the totals count it) or one live rating in the study log
 * (of any source). Today counts once studied; until then the streak runs
 * to yesterday, so that it is not lost in the morning.
 */
gboolean
xf_study_time_streak (XfDatabase  *db,
                      gint64       now_us,
                      guint       *days,
                      gboolean    *today,
                      GError     **error)
{
  gint64 window_end = xf_study_bucket_next (XF_STUDY_BUCKET_DAY, xf_study_bucket_start (XF_STUDY_BUCKET_DAY, now_us));
  gboolean first = TRUE;
  guint n = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  if (today != NULL)
    *today = FALSE;
  for (;;)
    {
      gint64 window_start = days_before (window_end, STREAK_WINDOW_DAYS);
      g_autoptr(GArray) totals = xf_study_time_totals (db, window_start, window_end, XF_STUDY_BUCKET_DAY, error);
      g_autofree gboolean *rated = NULL;

      if (totals == NULL)
        return FALSE;
      rated = g_new0 (gboolean, totals->len);
      if (!mark_rated_days (db, totals, rated, error))
        return FALSE;
      for (guint i = totals->len; i-- > 0;)
        {
          gboolean studied = rated[i] || g_array_index (totals, XfStudyTotal, i).active_ms >= XF_STUDY_STREAK_MIN_MS;

          if (first)
            {
              first = FALSE;
              if (today != NULL)
                *today = studied;
              if (!studied)
                continue;
            }
          if (!studied)
            {
              *days = n;
              return TRUE;
            }
          n++;
        }
      window_end = g_array_index (totals, XfStudyTotal, 0).start;
    }
}

/* The state of the lists */

/**
 * xf_study_list_states:
 * @now_us: UTC µs
 *
 * Where the items of each knowledge list stand at @now_us: an item is
 * fresh without a study card (never rated, or its ratings undone); due
 * when its card falls due before the next local midnight (as the study
 * queue counts today); learned when its card is in review and the
 * person would recall it now with at least the desired retention of the
 * settings (the FSRS retrievability, which only falls below it once the
 * card is due); otherwise it is still being learned (a learning step
 * later today).
 *
 * Returns: (transfer full) (element-type XfStudyListState): one entry a
 *   list, in the order the lists were added, or %NULL with @error set
 */
GPtrArray *
xf_study_list_states (XfDatabase  *db,
                      gint64       now_us,
                      GError     **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_list_state_free);
  XfStudySettings settings;
  XfFsrsParams params;
  XfStudyListState *state = NULL;
  sqlite3_stmt *stmt;
  gint64 day_start, day_end;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (!xf_study_store_get_settings (db, &settings, error))
    return NULL;
  xf_fsrs_params_init_default (&params);
  params.desired_retention = settings.retention;
  xf_study_local_day (now_us, &day_start, &day_end);

  stmt = xf_database_prepare (db,
                              "SELECT l.uuid, l.title, i.id, c.kind IS NOT NULL, " XF_STUDY_CARD_COLUMNS ("c") " "
                              "FROM lists l LEFT JOIN list_items i ON i.list_id = l.id "
                              "LEFT JOIN study_cards c ON c.kind = 'item' AND c.card_key = i.uuid "
                              "ORDER BY l.id, i.position",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *uuid = (const char *)sqlite3_column_text (stmt, 0);
      g_autoptr(XfStudyCard) card = NULL;

      if (state == NULL || g_strcmp0 (state->list_uuid, uuid) != 0)
        {
          state = g_new0 (XfStudyListState, 1);
          state->list_uuid = g_strdup (uuid);
          state->title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
          g_ptr_array_add (states, state);
        }
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        continue;  /* a list without items */

      state->total++;
      if (!sqlite3_column_int (stmt, 3))
        {
          state->fresh++;
          continue;
        }
      card = xf_study_card_from_row (stmt, 4);
      if (card->fsrs.due * G_USEC_PER_SEC < day_end)
        state->due++;
      else if (card->fsrs.state == XF_FSRS_STATE_REVIEW &&
               xf_fsrs_retrievability (&params, &card->fsrs, now_us / G_USEC_PER_SEC) >= settings.retention)
        state->learned++;
      else
        state->learning++;
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&states);
}
