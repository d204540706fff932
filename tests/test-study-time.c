/* test-study-time.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-utils.h"
#include "xf-study-store.h"
#include "xf-study-time.h"

#define SECOND ((gint64)G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)
#define HOUR   (60 * MINUTE)

/* @month/@day of 2026 at @hour:@minute, local time (Asia/Shanghai, as
 * main() sets it) */
static gint64
at (int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, month, day, hour, minute, 0);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

static void
record (XfDatabase *db,
        const char *activity,
        gint64      started,
        gint64      ended,
        gint64      active_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyTimeSession) session = xf_study_time_session_new (activity, started, ended, active_ms);

  g_assert_true (xf_study_time_record_session (db, session, &error));
  g_assert_no_error (error);
}

/* The clock */

static void
test_clock_example (void)
{
  XfStudyClock clock;

  xf_study_clock_init (&clock);
  xf_study_clock_start (&clock, 1000 * SECOND);
  xf_study_clock_activity (&clock, 1000 * SECOND);
  xf_study_clock_activity (&clock, 1030 * SECOND);
  g_assert_cmpint (xf_study_clock_sample (&clock, 1030 * SECOND), ==, 30000);
  xf_study_clock_activity (&clock, 1000 * SECOND + 10 * MINUTE);
  g_assert_cmpint (xf_study_clock_sample (&clock, 1000 * SECOND + 10 * MINUTE), ==, 150000);
  xf_study_clock_activity (&clock, 1000 * SECOND + 10 * MINUTE + 20 * SECOND);
  /* Sampling counts the time since the last input without keeping it */
  g_assert_cmpint (xf_study_clock_sample (&clock, 1000 * SECOND + 30 * MINUTE), ==, 290000);
  g_assert_cmpint (xf_study_clock_stop (&clock, 1000 * SECOND + 11 * MINUTE), ==, 210000);
  g_assert_false (clock.running);
  /* A stopped clock counts no more */
  xf_study_clock_activity (&clock, 1000 * SECOND + 12 * MINUTE);
  g_assert_cmpint (xf_study_clock_sample (&clock, 1000 * SECOND + 20 * MINUTE), ==, 210000);
  g_assert_cmpint (xf_study_clock_stop (&clock, 1000 * SECOND + 20 * MINUTE), ==, 210000);
}

static void
test_clock_limit (void)
{
  XfStudyClock clock;

  /* A pause of exactly two minutes counts whole, a longer one two minutes */
  xf_study_clock_init (&clock);
  xf_study_clock_start (&clock, 0);
  xf_study_clock_activity (&clock, 2 * MINUTE);
  g_assert_cmpint (xf_study_clock_sample (&clock, 2 * MINUTE), ==, 120000);
  xf_study_clock_activity (&clock, 4 * MINUTE + 1);
  g_assert_cmpint (xf_study_clock_stop (&clock, 4 * MINUTE + 1), ==, 240000);

  xf_study_clock_start (&clock, 0);
  xf_study_clock_activity (&clock, 2 * MINUTE + 500 * 1000);
  g_assert_cmpint (xf_study_clock_stop (&clock, 2 * MINUTE + 500 * 1000), ==, 120000);
}

static void
test_clock_never_negative (void)
{
  XfStudyClock clock;

  xf_study_clock_init (&clock);
  g_assert_cmpint (xf_study_clock_sample (&clock, 5 * SECOND), ==, 0);
  xf_study_clock_start (&clock, 100 * SECOND);
  xf_study_clock_activity (&clock, 110 * SECOND);
  /* The clock put back: nothing taken away, nothing added */
  xf_study_clock_activity (&clock, 50 * SECOND);
  g_assert_cmpint (xf_study_clock_sample (&clock, 40 * SECOND), ==, 10000);
  xf_study_clock_activity (&clock, 60 * SECOND);
  g_assert_cmpint (xf_study_clock_stop (&clock, 60 * SECOND), ==, 20000);

  /* Stopped before it started */
  xf_study_clock_start (&clock, 100 * SECOND);
  g_assert_cmpint (xf_study_clock_stop (&clock, 90 * SECOND), ==, 0);
}

static void
test_clock_no_activity (void)
{
  XfStudyClock clock;

  xf_study_clock_init (&clock);
  xf_study_clock_start (&clock, 0);
  g_assert_cmpint (xf_study_clock_sample (&clock, 50 * SECOND), ==, 50000);
  g_assert_cmpint (xf_study_clock_stop (&clock, 50 * SECOND), ==, 50000);
  xf_study_clock_start (&clock, 0);
  g_assert_cmpint (xf_study_clock_stop (&clock, HOUR), ==, 120000);
  xf_study_clock_start (&clock, 0);
  g_assert_cmpint (xf_study_clock_stop (&clock, 0), ==, 0);
}

/* Sessions */

static gint64
count (XfDatabase *db,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (xf_database_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_record (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyTimeSession) session = xf_study_time_session_new ("reading", at (6, 1, 9, 0), at (6, 1, 9, 1), 60000);
  g_autoptr(XfStudyTimeSession) bad = NULL;
  g_autofree char *uuid = g_strdup (session->uuid);

  g_assert_true (xf_study_time_record_session (db, session, &error));
  g_assert_no_error (error);

  /* Running on: the row grows */
  session->ended_at = at (6, 1, 9, 10);
  session->active_ms = 300000;
  g_assert_true (xf_study_time_record_session (db, session, &error));
  g_assert_cmpint (count (db, "SELECT count(*) FROM study_sessions"), ==, 1);
  g_assert_cmpint (count (db, "SELECT active_ms FROM study_sessions"), ==, 300000);

  /* A late write of an older figure does not shorten it */
  session->ended_at = at (6, 1, 9, 5);
  session->active_ms = 200000;
  g_assert_true (xf_study_time_record_session (db, session, &error));
  g_assert_cmpint (count (db, "SELECT active_ms FROM study_sessions"), ==, 300000);
  g_assert_cmpint (count (db, "SELECT ended_at FROM study_sessions"), ==, at (6, 1, 9, 10));

  /* The same UUID for another session */
  session->started_at = at (6, 1, 8, 0);
  g_assert_false (xf_study_time_record_session (db, session, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Invalid sessions are refused whole */
  bad = xf_study_time_session_new ("sleep", at (6, 1, 9, 0), at (6, 1, 9, 1), 0);
  g_assert_false (xf_study_time_record_session (db, bad, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (bad->activity);
  bad->activity = g_strdup ("exam");
  bad->active_ms = 60001;
  g_assert_false (xf_study_time_record_session (db, bad, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad->active_ms = -1;
  g_assert_false (xf_study_time_record_session (db, bad, &error));
  g_clear_error (&error);
  bad->active_ms = 0;
  bad->ended_at = bad->started_at - 1;
  g_assert_false (xf_study_time_record_session (db, bad, &error));
  g_clear_error (&error);
  g_free (bad->uuid);
  bad->uuid = g_strdup ("not-a-uuid");
  bad->ended_at = bad->started_at;
  g_assert_false (xf_study_time_record_session (db, bad, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM study_sessions"), ==, 1);

  /* The table keeps what it holds, and checks what it is given */
  g_assert_false (xf_database_exec (db, "DELETE FROM study_sessions", &error));
  g_clear_error (&error);
  g_assert_false (xf_database_exec (db, "INSERT INTO study_sessions (uuid, activity, started_at, ended_at, active_ms, "
                                        "device_id) VALUES ('x', 'study', 0, 1000, 2, 'd')", &error));
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM study_sessions"), ==, 1);
}

/* Totals */

static gint64
sum (GArray *totals)
{
  gint64 n = 0;

  for (guint i = 0; i < totals->len; i++)
    n += g_array_index (totals, XfStudyTotal, i).active_ms;
  return n;
}

static void
test_totals_midnight (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) one = NULL;

  /* 23:50 to 00:10 local with 20 active minutes: ten each day */
  record (db, "study", at (6, 1, 23, 50), at (6, 2, 0, 10), 20 * 60000);
  /* 07:30 local on the 2nd is 23:30 UTC on the 1st: it is the 2nd's */
  record (db, "practice", at (6, 2, 7, 30), at (6, 2, 7, 40), 5 * 60000);
  /* A moment's session */
  record (db, "exam", at (6, 3, 12, 0), at (6, 3, 12, 0), 0);
  /* Outside the period */
  record (db, "reading", at (5, 30, 10, 0), at (5, 30, 11, 0), 30 * 60000);

  days = xf_study_time_totals (db, at (6, 1, 0, 0), at (6, 4, 0, 0), XF_STUDY_BUCKET_DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 0).start, ==, at (6, 1, 0, 0));
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 0).end, ==, at (6, 2, 0, 0));
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 2).end, ==, at (6, 4, 0, 0));
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 0).active_ms, ==, 10 * 60000);
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 1).active_ms, ==, 15 * 60000);
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 2).active_ms, ==, 0);

  /* A period starting within a day takes the whole day */
  one = xf_study_time_totals (db, at (6, 2, 15, 0), at (6, 2, 15, 1), XF_STUDY_BUCKET_DAY, &error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (sum (one), ==, 15 * 60000);

  g_assert_null (xf_study_time_totals (db, at (6, 2, 0, 0), at (6, 1, 0, 0), XF_STUDY_BUCKET_DAY, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
}

static void
test_totals_weeks (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) years = NULL;

  /* Sunday 31 May and Monday 1 June 2026 are in different weeks */
  record (db, "study", at (5, 31, 21, 0), at (5, 31, 21, 30), 25 * 60000);
  record (db, "study", at (6, 1, 8, 0), at (6, 1, 8, 10), 10 * 60000);
  record (db, "reading", at (6, 7, 22, 0), at (6, 7, 22, 4), 4 * 60000);
  record (db, "exam", at (6, 8, 0, 0), at (6, 8, 1, 0), 60 * 60000);

  g_assert_cmpint (xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, at (6, 3, 15, 0)), ==, at (6, 1, 0, 0));
  g_assert_cmpint (xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, at (6, 1, 0, 0)), ==, at (6, 1, 0, 0));
  g_assert_cmpint (xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, at (5, 31, 23, 59)), ==, at (5, 25, 0, 0));

  weeks = xf_study_time_totals (db, at (5, 31, 12, 0), at (6, 10, 0, 0), XF_STUDY_BUCKET_WEEK, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 3);
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 0).start, ==, at (5, 25, 0, 0));
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 1).start, ==, at (6, 1, 0, 0));
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 2).start, ==, at (6, 8, 0, 0));
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 0).active_ms, ==, 25 * 60000);
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 1).active_ms, ==, 14 * 60000);
  g_assert_cmpint (g_array_index (weeks, XfStudyTotal, 2).active_ms, ==, 60 * 60000);

  /* The days of the weeks add up to the weeks */
  days = xf_study_time_totals (db, at (5, 25, 0, 0), at (6, 15, 0, 0), XF_STUDY_BUCKET_DAY, &error);
  g_assert_cmpuint (days->len, ==, 21);
  g_assert_cmpint (sum (days), ==, sum (weeks));

  months = xf_study_time_totals (db, at (1, 1, 0, 0), at (12, 31, 23, 59), XF_STUDY_BUCKET_MONTH, &error);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_array_index (months, XfStudyTotal, 4).active_ms, ==, 25 * 60000);
  g_assert_cmpint (g_array_index (months, XfStudyTotal, 5).active_ms, ==, 74 * 60000);
  years = xf_study_time_totals (db, at (6, 1, 0, 0), at (6, 2, 0, 0), XF_STUDY_BUCKET_YEAR, &error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, XfStudyTotal, 0).start, ==, at (1, 1, 0, 0));
  g_assert_cmpint (sum (years), ==, 99 * 60000);
}

/* The streak */

static void
add_content (XfDatabase *db)
{
  xf_test_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
            "(1, 'L1', '清单一', 2026, 'all', 0, 0), (2, 'L2', '清单二', 2026, 'all', 0, 0),"
            "(3, 'L3', '空清单', 2026, 'all', 0, 0);"
            "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
            "('i1', 1, 0, 'must', '中华人民共和国行政处罚法', 1), ('i2', 1, 1, 'must', '中华人民共和国行政处罚法', 2),"
            "('i3', 1, 2, 'must', '中华人民共和国行政处罚法', 3), ('i4', 1, 3, 'must', '中华人民共和国行政处罚法', 32),"
            "('i5', 1, 4, 'must', '中华人民共和国行政处罚法', 33),"
            "('i6', 2, 0, 'should', '中华人民共和国宪法', 1), ('i7', 2, 1, 'should', '中华人民共和国宪法', 2),"
            "('i8', 2, 2, 'should', '中华人民共和国宪法', 5);");
}

static void
rate (XfDatabase   *db,
      const char   *key,
      XfFsrsRating  rating,
      gint64        time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, key, rating, time, 1000,
                                                     XF_STUDY_SOURCE_STUDY, "S", &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
}

static void
assert_streak (XfDatabase *db,
               gint64      now,
               guint       expected,
               gboolean    expected_today)
{
  g_autoptr(GError) error = NULL;
  gboolean today = !expected_today;
  guint days = G_MAXUINT;

  g_assert_true (xf_study_time_streak (db, now, &days, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (days, ==, expected);
  g_assert_cmpint (today, ==, expected_today);
}

static void
test_streak (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) undone = NULL;

  add_content (db);
  assert_streak (db, at (6, 6, 12, 0), 0, FALSE);

  /* 1–3 June studied, 4 June not, 5 June a rating only */
  record (db, "study", at (6, 1, 9, 0), at (6, 1, 9, 5), 5 * 60000);
  record (db, "reading", at (6, 2, 23, 0), at (6, 2, 23, 2), 60000);
  record (db, "practice", at (6, 3, 8, 0), at (6, 3, 8, 30), 20 * 60000);
  rate (db, "i1", XF_FSRS_RATING_GOOD, at (6, 5, 21, 0));
  /* 30 seconds on 4 June are not enough */
  record (db, "study", at (6, 4, 10, 0), at (6, 4, 10, 1), 30000);

  assert_streak (db, at (6, 3, 23, 59), 3, TRUE);
  /* The morning after: yesterday's streak stands */
  assert_streak (db, at (6, 4, 7, 0), 3, FALSE);
  /* 30 seconds do not make 4 June a day studied */
  assert_streak (db, at (6, 4, 23, 0), 3, FALSE);
  assert_streak (db, at (6, 5, 22, 0), 1, TRUE);
  assert_streak (db, at (6, 6, 12, 0), 1, FALSE);
  record (db, "exam", at (6, 6, 13, 0), at (6, 6, 14, 0), 50 * 60000);
  assert_streak (db, at (6, 6, 15, 0), 2, TRUE);
  assert_streak (db, at (6, 8, 0, 1), 0, FALSE);

  /* An undone rating was never given */
  rate (db, "i2", XF_FSRS_RATING_AGAIN, at (6, 7, 9, 0));
  assert_streak (db, at (6, 7, 10, 0), 3, TRUE);
  undone = xf_study_store_undo_last (db, "S", at (6, 7, 9, 1), &error);
  g_assert_no_error (error);
  assert_streak (db, at (6, 7, 10, 0), 2, FALSE);
}

static void
test_streak_long (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();

  /* Longer than the stretch the streak reads at a time */
  for (int i = 0; i < 100; i++)
    {
      gint64 start = at (3, 1, 20, 0) + (gint64)i * 24 * HOUR;

      record (db, "study", start, start + 2 * MINUTE, 2 * 60000);
    }
  /* 1 March + 99 days is 8 June */
  assert_streak (db, at (6, 8, 21, 0), 100, TRUE);
  assert_streak (db, at (6, 9, 8, 0), 100, FALSE);
}

/* The lists */

static const XfStudyListState *
find_state (GPtrArray  *states,
            const char *uuid)
{
  for (guint i = 0; i < states->len; i++)
    {
      const XfStudyListState *state = g_ptr_array_index (states, i);

      if (g_str_equal (state->list_uuid, uuid))
        return state;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
assert_state (const XfStudyListState *state,
              guint                   total,
              guint                   learned,
              guint                   due,
              guint                   fresh)
{
  g_assert_cmpuint (state->total, ==, total);
  g_assert_cmpuint (state->learned, ==, learned);
  g_assert_cmpuint (state->due, ==, due);
  g_assert_cmpuint (state->fresh, ==, fresh);
  g_assert_cmpuint (state->learned + state->due + state->fresh + state->learning, ==, state->total);
}

static void
test_list_states (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(XfStudyCard) undone = NULL;

  add_content (db);
  /* Long ago, easy: a review card long due by June */
  rate (db, "i4", XF_FSRS_RATING_EASY, at (1, 5, 9, 0));
  /* Easy this morning: in review for days */
  rate (db, "i1", XF_FSRS_RATING_EASY, at (6, 1, 9, 0));
  rate (db, "i6", XF_FSRS_RATING_EASY, at (6, 1, 9, 5));
  /* Learning steps due again today */
  rate (db, "i2", XF_FSRS_RATING_AGAIN, at (6, 1, 10, 0));
  rate (db, "i3", XF_FSRS_RATING_GOOD, at (6, 1, 11, 50));
  /* Rated and undone: new again */
  rate (db, "i5", XF_FSRS_RATING_GOOD, at (6, 1, 11, 55));
  undone = xf_study_store_undo_last (db, "S", at (6, 1, 11, 56), &error);
  g_assert_no_error (error);

  states = xf_study_list_states (db, at (6, 1, 12, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (states->len, ==, 3);
  g_assert_cmpstr (((XfStudyListState *)g_ptr_array_index (states, 0))->title, ==, "清单一");
  assert_state (find_state (states, "L1"), 5, 1, 3, 1);
  assert_state (find_state (states, "L2"), 3, 1, 0, 2);
  assert_state (find_state (states, "L3"), 0, 0, 0, 0);

  /* Two months on every rated card is due */
  later = xf_study_list_states (db, at (8, 1, 12, 0), &error);
  assert_state (find_state (later, "L1"), 5, 0, 4, 1);
  assert_state (find_state (later, "L2"), 3, 0, 1, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-time/clock/example", test_clock_example);
  g_test_add_func ("/study-time/clock/limit", test_clock_limit);
  g_test_add_func ("/study-time/clock/never-negative", test_clock_never_negative);
  g_test_add_func ("/study-time/clock/no-activity", test_clock_no_activity);
  g_test_add_func ("/study-time/record", test_record);
  g_test_add_func ("/study-time/totals/midnight", test_totals_midnight);
  g_test_add_func ("/study-time/totals/weeks", test_totals_weeks);
  g_test_add_func ("/study-time/streak", test_streak);
  g_test_add_func ("/study-time/streak/long", test_streak_long);
  g_test_add_func ("/study-time/list-states", test_list_states);

  return g_test_run ();
}
