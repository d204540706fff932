/* test-gui-stats.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-exam-test-utils.h"
#include "xf-article-view.h"
#include "xf-law-store.h"
#include "xf-stats-page.h"
#include "xf-study-store.h"
#include "xf-study-time.h"
#include "xf-study-timer.h"

/* The statistics page in a window, on sessions recorded through the core
 * over several days and a rating: the streak and totals it shows are the
 * core's, the chart draws the core's totals for each period. And the
 * study timer: input to its window makes a session that is stored with
 * active time, never more than the time it lasted. */

#define MINUTE ((gint64)60 * G_USEC_PER_SEC)

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  GtkWindow        *window;
  gint64            today;  /* local midnight */
} Fixture;

static gint64
days_ago (Fixture *f,
          int      days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (f->today / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) back = g_date_time_add_days (local, -days);

  /* Noon, clear of a change of the clocks */
  return g_date_time_to_unix (back) * G_USEC_PER_SEC + 12 * 60 * MINUTE;
}

static void
record (Fixture    *f,
        const char *activity,
        gint64      start,
        gint64      minutes,
        gint64      active_minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyTimeSession) session = xf_study_time_session_new (activity, start, start + minutes * MINUTE,
                                                            active_minutes * 60000);

  g_assert_true (xf_study_time_record_session (f->db, session, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = NULL;

  exam_test_profile_set_up ("xf-stats-gui-XXXXXX", FALSE, &f->dir, &f->manager, &f->db);
  f->today = xf_study_bucket_start (XF_STUDY_BUCKET_DAY, g_get_real_time ());

  g_assert_true (xf_database_exec (f->db,
    "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
    "(1, 'L1', '2026年度领导干部应知应会法律法规清单', 2026, 'leaders', 0, 0);"
    "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
    "('i1', 1, 0, 'must', '中华人民共和国宪法', 1), ('i2', 1, 1, 'must', '中华人民共和国宪法', 2),"
    "('i3', 1, 2, 'must', '中华人民共和国宪法', 3);", &error));
  g_assert_no_error (error);

  /* Today, yesterday (a session and a rating), the day before; none
   * three days ago, some four days ago */
  record (f, "reading", f->today + 1 * MINUTE, 30, 25);
  record (f, "study", days_ago (f, 1), 60, 45);
  card = xf_study_store_rate (f->db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_EASY, days_ago (f, 1) + 5 * MINUTE,
                              2000, XF_STUDY_SOURCE_STUDY, NULL, &error);
  g_assert_no_error (error);
  record (f, "practice", days_ago (f, 2), 20, 12);
  record (f, "exam", days_ago (f, 4), 90, 80);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
}

static gboolean
page_read (gpointer data)
{
  XfStatsPage *page = data;

  return !xf_stats_page_get_loading (page) && g_strcmp0 (xf_stats_page_get_state (page), "stats") == 0;
}

/* The chart draws @expected, bar for bar */
static void
assert_chart (XfStudyChart *chart,
              GArray       *expected)
{
  g_assert_cmpuint (xf_study_chart_get_n_bars (chart), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (xf_study_chart_get_value (chart, i), ==, g_array_index (expected, XfStudyTotal, i).active_ms);
  /* The bar of now is the last one */
  g_assert_cmpint (xf_study_chart_get_current (chart), >=, 0);
}

static gint64
sum (GArray *totals)
{
  gint64 n = 0;

  for (guint i = 0; i < totals->len; i++)
    n += g_array_index (totals, XfStudyTotal, i).active_ms;
  return n;
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *streak_text = NULL;
  g_autofree char *today_text = NULL;
  XfStatsPage *page = g_object_new (XF_TYPE_STATS_PAGE, NULL);
  XfStudyChart *chart = xf_stats_page_get_chart (page);
  gint64 now = g_get_real_time ();
  gboolean studied_today = FALSE;
  guint streak = 0;

  /* What the core says */
  g_assert_true (xf_study_time_streak (f->db, now, &streak, &studied_today, &error));
  g_assert_cmpuint (streak, ==, 3);
  g_assert_true (studied_today);
  days = xf_study_time_totals (f->db, xf_study_bucket_start (XF_STUDY_BUCKET_DAY, days_ago (f, 29)),
                               f->today + 1, XF_STUDY_BUCKET_DAY, &error);
  g_assert_no_error (error);
  weeks = xf_study_time_totals (f->db, xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, days_ago (f, 77)),
                                f->today + 1, XF_STUDY_BUCKET_WEEK, &error);
  months = xf_study_time_totals (f->db, xf_study_bucket_start (XF_STUDY_BUCKET_YEAR, now),
                                 xf_study_bucket_next (XF_STUDY_BUCKET_YEAR, xf_study_bucket_start (XF_STUDY_BUCKET_YEAR, now)),
                                 XF_STUDY_BUCKET_MONTH, &error);
  g_assert_cmpuint (days->len, ==, 30);
  g_assert_cmpuint (weeks->len, ==, 12);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_array_index (days, XfStudyTotal, 29).active_ms, ==, 25 * 60000);
  g_assert_cmpint (sum (days), ==, (25 + 45 + 12 + 80) * 60000);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (page));
  xf_stats_page_set_database (page, f->db);
  gtk_window_present (f->window);
  g_assert_true (xf_test_wait_for (page_read, page, 10000));

  /* The figures are the core's */
  g_assert_cmpuint (xf_stats_page_get_streak (page), ==, streak);
  g_assert_cmpint (xf_stats_page_get_total (page, XF_STUDY_BUCKET_DAY), ==, 25 * 60000);
  g_assert_cmpint (xf_stats_page_get_total (page, XF_STUDY_BUCKET_WEEK),
                   ==, g_array_index (weeks, XfStudyTotal, 11).active_ms);
  g_assert_cmpint (xf_stats_page_get_total (page, XF_STUDY_BUCKET_YEAR), ==, sum (months));
  streak_text = xf_format_study_streak (streak, TRUE);
  g_assert_cmpstr (streak_text, ==, "连续学习 3 天");
  xf_test_assert_label_shown (f->window, streak_text);
  today_text = xf_format_study_duration (25 * 60000);
  g_assert_cmpstr (today_text, ==, "25 分钟");
  xf_test_assert_label_shown (f->window, today_text);
  xf_test_assert_label_shown (f->window, "今日");
  xf_test_assert_label_shown (f->window, "本周");
  xf_test_assert_label_shown (f->window, "今年");
  xf_test_assert_label_shown (f->window, "2026年度领导干部应知应会法律法规清单");
  xf_test_assert_label_shown (f->window, "已掌握 1 · 待复习 0 · 未学习 2");

  /* The chart, by day, week and month */
  g_assert_cmpint (xf_stats_page_get_period (page), ==, XF_STUDY_BUCKET_DAY);
  assert_chart (chart, days);
  g_assert_cmpint (xf_study_chart_get_current (chart), ==, 29);
  g_assert_nonnull (strstr (xf_study_chart_get_description (chart), "25 分钟"));
  xf_stats_page_set_period (page, XF_STUDY_BUCKET_WEEK);
  g_assert_cmpint (xf_stats_page_get_period (page), ==, XF_STUDY_BUCKET_WEEK);
  assert_chart (chart, weeks);
  g_assert_cmpint (xf_study_chart_get_current (chart), ==, 11);
  xf_stats_page_set_period (page, XF_STUDY_BUCKET_YEAR);
  assert_chart (chart, months);
  g_assert_cmpint (sum (months), ==, xf_stats_page_get_total (page, XF_STUDY_BUCKET_YEAR));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));

  /* Studied elsewhere meanwhile: shown when the page shows again */
  record (f, "study", f->today + 40 * MINUTE, 10, 10);
  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  g_assert_true (xf_test_wait_for (page_read, page, 10000));
  g_assert_cmpint (xf_stats_page_get_total (page, XF_STUDY_BUCKET_DAY), ==, 35 * 60000);
}

static void
test_format (void)
{
  g_autofree char *a = xf_format_study_duration (59999);
  g_autofree char *b = xf_format_study_duration (2 * 3600000);
  g_autofree char *c = xf_format_study_duration (3600000 + 5 * 60000 + 59000);

  g_assert_cmpstr (a, ==, "0 分钟");
  g_assert_cmpstr (b, ==, "2 小时");
  g_assert_cmpstr (c, ==, "1 小时 5 分钟");
  g_assert_cmpint (xf_study_chart_axis_step (0), ==, 5 * 60000);
  g_assert_cmpint (xf_study_chart_axis_step (20 * 60000), ==, 5 * 60000);
  g_assert_cmpint (xf_study_chart_axis_step (21 * 60000), ==, 10 * 60000);
  g_assert_cmpint (xf_study_chart_axis_step (3 * 3600000), ==, 3600000);
}

static gboolean
saved (gpointer data)
{
  return xf_study_timer_get_pending_saves (data) == 0;
}

static void
test_timer (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyTimer) timer = NULL;
  GtkWidget *button = gtk_button_new_with_label ("第一条");
  gboolean real_keys;
  sqlite3_stmt *stmt;
  gint64 active, wall;

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, button);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  real_keys = xf_test_can_send_keys (f->window);

  timer = xf_study_timer_new (f->db, button, XF_STUDY_ACTIVITY_READING);
  g_assert_false (xf_study_timer_get_running (timer));
  xf_study_timer_start (timer);
  g_assert_true (xf_study_timer_get_running (timer));
  xf_test_iterate (300);
  xf_test_send_key (GTK_WIDGET (f->window), real_keys, GDK_KEY_Down, 0);
  xf_test_iterate (200);
  xf_test_send_key (GTK_WIDGET (f->window), real_keys, GDK_KEY_Up, 0);
  xf_test_iterate (100);
  xf_study_timer_stop (timer);
  g_assert_false (xf_study_timer_get_running (timer));
  active = xf_study_timer_get_active_ms (timer);
  wall = xf_study_timer_get_wall_ms (timer);
  g_assert_cmpint (active, >=, 500);
  g_assert_cmpint (active, <=, wall);
  g_assert_true (xf_test_wait_for (saved, timer, 10000));

  stmt = xf_database_prepare (f->db, "SELECT activity, active_ms, ended_at - started_at FROM study_sessions "
                                     "WHERE uuid = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, xf_study_timer_get_session_uuid (timer), -1, SQLITE_TRANSIENT);
  g_assert_cmpint (xf_database_step (f->db, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "reading");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, active);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), >, 0);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1) * 1000, <=, sqlite3_column_int64 (stmt, 2));
  sqlite3_reset (stmt);

  /* A stopped timer hears no more input */
  xf_test_send_key (GTK_WIDGET (f->window), FALSE, GDK_KEY_Down, 0);
  g_assert_cmpint (xf_study_timer_get_active_ms (timer), ==, active);
}

static gint64
count_reading (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (f->db, "SELECT count(*) FROM study_sessions WHERE activity = 'reading' "
                                                   "AND active_ms > 0 AND active_ms * 1000 <= ended_at - started_at",
                                            &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (xf_database_step (f->db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

typedef struct
{
  Fixture *f;
  gint64   n;
} CountQuery;

static gboolean
reading_stored (gpointer data)
{
  CountQuery *query = data;

  return count_reading (query->f) == query->n;
}

/* Reading a statute in the article view is study time */
static void
test_reading (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfLaw) law = NULL;
  XfArticleView *view = g_object_new (XF_TYPE_ARTICLE_VIEW, NULL);
  CountQuery query = { f, count_reading (f) + 1 };
  gint64 id;

  id = xf_test_insert_law (f->db, "中华人民共和国行政处罚法", "2021-01-22");
  xf_test_insert_article (f->db, id, 1, 0, "第一条 为了规范行政处罚的设定和实施，制定本法。");
  law = xf_law_store_get_law (f->db, id, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (view));
  xf_article_view_set_database (view, f->db);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (xf_article_view_show_law (view, law, 0, &error));
  g_assert_no_error (error);
  xf_test_iterate (300);
  xf_test_send_key (GTK_WIDGET (f->window), FALSE, GDK_KEY_Down, 0);

  /* Hiding the statute ends the session, which is stored */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  g_assert_true (xf_test_wait_for (reading_stored, &query, 10000));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");

  if (!exam_test_init (&argc, &argv, NULL))
    return g_test_run ();

  /* The page's texts are checked in Chinese, as people read them */
  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/gui-stats/format", test_format);
  g_test_add ("/gui-stats/page", Fixture, NULL, fixture_set_up, test_page, fixture_tear_down);
  g_test_add ("/gui-stats/timer", Fixture, NULL, fixture_set_up, test_timer, fixture_tear_down);
  g_test_add ("/gui-stats/reading", Fixture, NULL, fixture_set_up, test_reading, fixture_tear_down);

  return g_test_run ();
}
