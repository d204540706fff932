/* bench-study.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "test-utils.h"
#include "xf-study-store.h"

/* Studying at scale, in a profile database on the disk: 150 000 article
 * cards (list items in 100 lists) and 100 000 question cards, with a
 * year of reviews (each card reviewed when due, a day or two late now
 * and then, with the ratings people give: about ten reviews a card).
 * The last --new cards of each kind were never studied: the queue finds
 * them after passing all the others. The content is written by SQL in
 * one transaction, the log in another, and the card cache by
 * xf_study_store_rebuild. Then: today's queue, the same with the new-card
 * frontier set back to the start (what finding new cards costs without
 * it), and durable ratings (committed and synced before the call
 * returns). Prints JSON.
 *
 *   build/tests/bench/bench-study [--items N] [--questions N] [--new N] [--queues N] [--ratings N] */

#define DAY_S G_GINT64_CONSTANT (86400)

static int opt_items = 150000;
static int opt_questions = 100000;
static int opt_new = 5000;
static int opt_queues = 20;
static int opt_ratings = 1000;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  guint i;

  g_array_sort (times, compare_doubles);
  i = (guint)ceil (p * times->len);
  return times->len == 0 ? 0 : g_array_index (times, double, MIN (MAX (i, 1), times->len) - 1);
}

static void
print_times (const char *name,
             GArray     *times)
{
  g_print ("\"%s\": {\"p50\": %.3f, \"p95\": %.3f, \"p99\": %.3f, \"max\": %.3f}, ", name,
           percentile (times, 0.5), percentile (times, 0.95), percentile (times, 0.99),
           percentile (times, 1.0));
}

static void
exec (XfDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!xf_database_exec (db, sql, &error))
    g_error ("%s", error->message);
}

static sqlite3_stmt *
prepare (XfDatabase *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  return stmt;
}

static void
step (XfDatabase   *db,
      sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  if (!xf_database_step_done (db, stmt, &error))
    g_error ("%s", error->message);
}

static char *
card_uuid (XfStudyKind kind,
           int         i)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind == XF_STUDY_KIND_ITEM ? 1 : 2, i);
}

static void
fill_content (XfDatabase *db)
{
  sqlite3_stmt *stmt;

  exec (db, "BEGIN IMMEDIATE");
  exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
            "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) "
            "SELECT i, printf ('list-%d', i), printf ('清单%d', i), 2026, 'all', 0, 0 FROM n;"
            "INSERT INTO question_banks (id, uuid, title, created_at, updated_at) VALUES (1, 'bank', '题库', 0, 0);");
  stmt = prepare (db, "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) "
                      "VALUES (?, ?, ?, 'must', '中华人民共和国行政处罚法', ?)");
  for (int i = 0; i < opt_items; i++)
    {
      g_autofree char *uuid = card_uuid (XF_STUDY_KIND_ITEM, i);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, 1 + i % 100);
      sqlite3_bind_int (stmt, 3, i / 100);
      sqlite3_bind_int (stmt, 4, 1 + i % 86);
      step (db, stmt);
    }
  stmt = prepare (db, "INSERT INTO questions (uuid, bank_id, type, stem, answer, fingerprint, created_at, "
                      "updated_at, device_id) VALUES (?, 1, 'truefalse', ?, 'T', ?, 0, 0, 'bench')");
  for (int i = 0; i < opt_questions; i++)
    {
      g_autofree char *uuid = card_uuid (XF_STUDY_KIND_QUESTION, i);
      g_autofree char *stem = g_strdup_printf ("第%d题：行政机关实施行政处罚，应当遵循公正、公开的原则。", i + 1);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, stem, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
      step (db, stmt);
    }
  exec (db, "COMMIT");
}

/* A year of reviews: each card first seen in the first two months, then
 * reviewed when due (a day or two late one time in four), until @now.
 * Returns the number of reviews logged. */
static gint64
fill_history (XfDatabase *db,
              GRand      *rand,
              gint64      now,
              XfFsrsCard *check)
{
  sqlite3_stmt *stmt;
  XfFsrsParams params;
  gint64 n = 0;
  int total = opt_items + opt_questions;

  xf_fsrs_params_init_default (&params);
  exec (db, "BEGIN IMMEDIATE");
  stmt = prepare (db, "INSERT INTO study_log (uuid, kind, card_key, rating, reviewed_at, duration_ms, source, "
                      "retention, device_id) VALUES (?, ?, ?, ?, ?, ?, 'study', 0.9, 'bench')");
  for (int c = 0; c < total; c++)
    {
      XfStudyKind kind = c < opt_items ? XF_STUDY_KIND_ITEM : XF_STUDY_KIND_QUESTION;
      int index = kind == XF_STUDY_KIND_ITEM ? c : c - opt_items;
      g_autofree char *key = card_uuid (kind, index);
      gint64 time = now - 365 * DAY_S + g_rand_int_range (rand, 0, 60 * DAY_S);
      XfFsrsCard card;

      if (index >= (kind == XF_STUDY_KIND_ITEM ? opt_items : opt_questions) - opt_new)
        continue;

      xf_fsrs_card_init (&card, time);
      while (time < now - 60)
        {
          int roll = g_rand_int_range (rand, 0, 100);
          XfFsrsRating rating = roll < 8 ? XF_FSRS_RATING_AGAIN : roll < 20 ? XF_FSRS_RATING_HARD :
                                roll < 90 ? XF_FSRS_RATING_GOOD : XF_FSRS_RATING_EASY;
          g_autofree char *uuid = g_strdup_printf ("%08x-%04x-7000-8000-%012" G_GINT64_MODIFIER "x",
                                                   (guint)(time >> 16), (guint)(time & 0xffff), n);

          card = xf_fsrs_review (&params, &card, rating, time);
          sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, xf_study_kind_to_string (kind), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 4, rating);
          sqlite3_bind_int64 (stmt, 5, time * G_USEC_PER_SEC);
          sqlite3_bind_int (stmt, 6, g_rand_int_range (rand, 2000, 30000));
          step (db, stmt);
          n++;
          time = MAX (card.due, time + 60);
          if (card.scheduled_days > 0 && g_rand_int_range (rand, 0, 4) == 0)
            time += g_rand_int_range (rand, 1, 3) * DAY_S;
        }
      if (c == total / 2)
        *check = card;
    }
  exec (db, "COMMIT");
  return n;
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &opt_items, "Article cards (list items)", "N" },
    { "questions", 0, 0, G_OPTION_ARG_INT, &opt_questions, "Question cards", "N" },
    { "new", 0, 0, G_OPTION_ARG_INT, &opt_new, "Cards of each kind never studied", "N" },
    { "queues", 0, 0, G_OPTION_ARG_INT, &opt_queues, "Queues to compute", "N" },
    { "ratings", 0, 0, G_OPTION_ARG_INT, &opt_ratings, "Ratings to save", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(XfStudyCard) checked = NULL;
  g_autoptr(GArray) queues = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) list_queues = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scan_queues = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratings = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *check_key = NULL;
  XfFsrsCard check = { 0 };
  gint64 start, now_us, reviews, day_start, day_end;
  double content_s, history_s, rebuild_s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (opt_items < 1 || opt_questions < 1)
    g_error ("--items and --questions must be at least 1");
  if (opt_new < 0 || opt_new >= MIN (opt_items, opt_questions))
    g_error ("--new must leave cards with a history");

  dir = g_dir_make_tmp ("xuefa-bench-study-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "study.db", NULL);
  db = xf_database_open (path, &error);
  g_assert_no_error (error);
  now_us = g_get_real_time ();

  start = g_get_monotonic_time ();
  fill_content (db);
  content_s = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  /* The history ends when today began: today's queue is still to do */
  xf_study_local_day (now_us, &day_start, &day_end);
  reviews = fill_history (db, rand, day_start / G_USEC_PER_SEC, &check);
  history_s = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  if (!xf_study_store_rebuild (db, &error))
    g_error ("%s", error->message);
  rebuild_s = (g_get_monotonic_time () - start) / 1e6;

  /* The cache holds what the scheduler gave */
  check_key = card_uuid ((opt_items + opt_questions) / 2 < opt_items ? XF_STUDY_KIND_ITEM : XF_STUDY_KIND_QUESTION,
                         (opt_items + opt_questions) / 2 < opt_items ? (opt_items + opt_questions) / 2
                                                                     : (opt_items + opt_questions) / 2 - opt_items);
  checked = xf_study_store_get_card (db, (opt_items + opt_questions) / 2 < opt_items ? XF_STUDY_KIND_ITEM
                                                                                     : XF_STUDY_KIND_QUESTION,
                                     check_key, &error);
  g_assert_no_error (error);
  g_assert (checked->fsrs.due == check.due && checked->fsrs.stability == check.stability &&
            checked->fsrs.reps == check.reps);

  for (int i = 0; i < opt_queues; i++)
    {
      g_autoptr(XfStudyQueue) q = NULL;
      double ms;

      start = g_get_monotonic_time ();
      q = xf_study_store_queue (db, now_us, NULL, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (q == NULL)
        g_error ("%s", error->message);
      g_array_append_val (queues, ms);
      g_clear_pointer (&queue, xf_study_queue_free);
      queue = g_steal_pointer (&q);
    }
  for (int i = 0; i < opt_queues; i++)
    {
      g_autoptr(XfStudyQueue) q = NULL;
      double ms;

      start = g_get_monotonic_time ();
      q = xf_study_store_queue (db, now_us, "list-7", NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (q == NULL)
        g_error ("%s", error->message);
      g_array_append_val (list_queues, ms);
    }

  /* Without the frontier: each queue passes every introduced card */
  exec (db, "CREATE TEMP TABLE saved_frontier AS SELECT * FROM study_frontier;"
            "UPDATE study_frontier SET next_id = 1");
  for (int i = 0; i < MAX (opt_queues / 4, 1); i++)
    {
      g_autoptr(XfStudyQueue) q = NULL;
      double ms;

      start = g_get_monotonic_time ();
      q = xf_study_store_queue (db, now_us, NULL, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (q == NULL)
        g_error ("%s", error->message);
      g_assert (q->cards->len == queue->cards->len && q->n_new == queue->n_new);
      g_array_append_val (scan_queues, ms);
    }
  exec (db, "UPDATE study_frontier SET next_id = "
            "(SELECT s.next_id FROM saved_frontier s WHERE s.kind = study_frontier.kind);"
            "DROP TABLE saved_frontier");

  /* As the app rates: the log is copied back into the database after the
   * rating was reported saved, not inside its commit */
  exec (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  xf_database_set_defer_checkpoints (db, TRUE);
  for (int i = 0; i < opt_ratings; i++)
    {
      g_autoptr(XfStudyCard) card = NULL;
      XfStudyKind kind = g_rand_int_range (rand, 0, 5) < 3 ? XF_STUDY_KIND_ITEM : XF_STUDY_KIND_QUESTION;
      g_autofree char *key = card_uuid (kind, g_rand_int_range (rand, 0, kind == XF_STUDY_KIND_ITEM
                                                                            ? opt_items : opt_questions));
      XfStudyCard *next = (guint)i < queue->cards->len ? g_ptr_array_index (queue->cards, i) : NULL;
      double ms;

      start = g_get_monotonic_time ();
      card = xf_study_store_rate (db, next ? next->kind : kind, next ? next->key : key,
                                  XF_FSRS_RATING_GOOD, g_get_real_time (), 8000,
                                  XF_STUDY_SOURCE_STUDY, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (card == NULL)
        g_error ("%s", error->message);
      g_array_append_val (ratings, ms);
      start = g_get_monotonic_time ();
      if (xf_database_checkpoint_if_due (db))
        {
          ms = (g_get_monotonic_time () - start) / 1e3;
          g_array_append_val (checkpoints, ms);
        }
    }

  g_print ("{\"article_cards\": %d, \"question_cards\": %d, \"reviews\": %" G_GINT64_FORMAT ", "
           "\"reviews_per_card\": %.1f, \"content_s\": %.2f, \"history_s\": %.2f, \"rebuild_s\": %.2f, "
           "\"queue\": {\"due\": %u, \"due_total\": %u, \"new\": %u, \"learning\": %u, \"cards\": %u}, ",
           opt_items, opt_questions, reviews, (double)reviews / (opt_items + opt_questions),
           content_s, history_s, rebuild_s, queue->n_due, queue->n_due_total, queue->n_new,
           queue->n_learning, queue->cards->len);
  print_times ("queue_ms", queues);
  print_times ("queue_list_ms", list_queues);
  print_times ("queue_without_frontier_ms", scan_queues);
  print_times ("rate_durable_ms", ratings);
  print_times ("checkpoint_after_ms", checkpoints);
  g_print ("\"ratings\": %d, \"checkpoints\": %u}\n", opt_ratings, checkpoints->len);

  g_clear_object (&db);
  xf_test_remove_tree (dir);
  return 0;
}
