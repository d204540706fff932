/* test-study-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-utils.h"
#include "xf-question-store.h"
#include "xf-study-store.h"

#define MINUTE ((gint64)60 * G_USEC_PER_SEC)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* June @day of 2026 at @hour:@minute, local time (China Standard Time,
 * as main() sets it) */
static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 6, day, hour, minute, 0);

  return g_date_time_to_unix (local) * G_USEC_PER_SEC;
}

/* Content: lists L1 (items i1–i5) and L2 (i6–i8), questions q1–q4 */
static void
add_content (XfDatabase *db)
{
  xf_test_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
            "(1, 'L1', '清单一', 2026, 'all', 0, 0), (2, 'L2', '清单二', 2026, 'all', 0, 0);"
            "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number) VALUES "
            "('i1', 1, 0, 'must', '中华人民共和国行政处罚法', 1), ('i2', 1, 1, 'must', '中华人民共和国行政处罚法', 2),"
            "('i3', 1, 2, 'must', '中华人民共和国行政处罚法', 3), ('i4', 1, 3, 'must', '中华人民共和国行政处罚法', 32),"
            "('i5', 1, 4, 'must', '中华人民共和国行政处罚法', 33), ('i8', 2, 2, 'should', '中华人民共和国宪法', 5),"
            "('i6', 2, 0, 'should', '中华人民共和国宪法', 1), ('i7', 2, 1, 'should', '中华人民共和国宪法', 2);"
            "INSERT INTO question_banks (id, uuid, title, created_at, updated_at) VALUES (1, 'B1', '题库', 0, 0);"
            "INSERT INTO questions (uuid, bank_id, type, stem, answer, fingerprint, created_at, updated_at, device_id) "
            "VALUES ('q1', 1, 'truefalse', '题一', 'T', 'f1', 0, 0, 'd'), ('q2', 1, 'truefalse', '题二', 'T', 'f2', 0, 0, 'd'),"
            "('q3', 1, 'truefalse', '题三', 'F', 'f3', 0, 0, 'd'), ('q4', 1, 'truefalse', '题四', 'F', 'f4', 0, 0, 'd');");
}

static XfStudyCard *
rate (XfDatabase   *db,
      XfStudyKind   kind,
      const char   *key,
      XfFsrsRating  rating,
      gint64        time_us)
{
  g_autoptr(GError) error = NULL;
  XfStudyCard *card = xf_study_store_rate (db, kind, key, rating, time_us, 1500,
                                           XF_STUDY_SOURCE_STUDY, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
  return card;
}

static void
assert_fsrs_equal (const XfFsrsCard *a,
                   const XfFsrsCard *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpfloat (a->stability, ==, b->stability);
  g_assert_cmpfloat (a->difficulty, ==, b->difficulty);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->last_review, ==, b->last_review);
  g_assert_cmpuint (a->step, ==, b->step);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->lapses, ==, b->lapses);
  g_assert_cmpuint (a->scheduled_days, ==, b->scheduled_days);
  g_assert_cmpuint (a->elapsed_days, ==, b->elapsed_days);
}

static void
test_rate (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) first = NULL;
  g_autoptr(XfStudyCard) second = NULL;
  g_autoptr(XfStudyCard) stored = NULL;
  g_autoptr(XfStudyCard) missing = NULL;
  XfFsrsParams params;
  XfFsrsCard expected;
  gint64 t0 = at (1, 9, 0) + 123456, t1 = at (3, 20, 15);

  add_content (db);
  /* Content has no card rows: a card gets one with its first rating */
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards"), ==, 0);

  xf_fsrs_params_init_default (&params);
  xf_fsrs_card_init (&expected, t0 / G_USEC_PER_SEC);
  expected = xf_fsrs_review (&params, &expected, XF_FSRS_RATING_GOOD, t0 / G_USEC_PER_SEC);
  first = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, t0);
  assert_fsrs_equal (&first->fsrs, &expected);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards WHERE card_key = 'i1' AND state = 1"), ==, 1);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards"), ==, 1);
  g_assert_cmpint (first->introduced_at, ==, t0);
  g_assert_cmpstr (first->introduced_by, ==, "study");
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 1);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log WHERE kind = 'item' AND card_key = 'i1' "
                                   "AND rating = 3 AND duration_ms = 1500 AND source = 'study' "
                                   "AND session_uuid IS NULL AND retention = 0.9 AND reviewed_at = "
                                   "(SELECT introduced_at FROM study_cards WHERE card_key = 'i1')"), ==, 1);

  expected = xf_fsrs_review (&params, &expected, XF_FSRS_RATING_HARD, t1 / G_USEC_PER_SEC);
  second = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_HARD, t1);
  assert_fsrs_equal (&second->fsrs, &expected);
  g_assert_cmpint (second->introduced_at, ==, t0);
  stored = xf_study_store_get_card (db, XF_STUDY_KIND_ITEM, "i1", &error);
  g_assert_no_error (error);
  assert_fsrs_equal (&stored->fsrs, &expected);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 2);

  /* A card without content: nothing is logged */
  missing = xf_study_store_rate (db, XF_STUDY_KIND_QUESTION, "i1", XF_FSRS_RATING_GOOD, t1, 0,
                                 XF_STUDY_SOURCE_STUDY, NULL, &error);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  missing = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, "i2", XF_FSRS_RATING_GOOD, t1, 0,
                                 "elsewhere", NULL, &error);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 2);
}

static void
test_append_only (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfStudyCard) card = NULL;
  const char *refused[] = {
    "UPDATE study_log SET rating = 4",
    "DELETE FROM study_log",
    "UPDATE study_undos SET undone_at = 0",
    "DELETE FROM study_undos",
  };

  add_content (db);
  card = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0));
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_undo_last (db, NULL, at (1, 9, 1), NULL);
  g_assert_nonnull (card);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (xf_database_exec (db, refused[i], &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "append-only"));
    }
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log WHERE rating = 3"), ==, 1);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_undos"), ==, 1);
}

static void
test_undo (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) before = NULL;
  g_autoptr(XfStudyCard) after = NULL;
  g_autoptr(XfStudyCard) undone = NULL;
  g_autoptr(XfStudyCard) card = NULL;

  add_content (db);
  before = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0));
  card = rate (db, XF_STUDY_KIND_QUESTION, "q1", XF_FSRS_RATING_EASY, at (1, 9, 1));
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_rate (db, XF_STUDY_KIND_QUESTION, "q2", XF_FSRS_RATING_GOOD, at (1, 9, 2), 0,
                              XF_STUDY_SOURCE_EXAM, "attempt", &error);
  g_assert_no_error (error);
  g_clear_pointer (&card, xf_study_card_free);
  after = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_AGAIN, at (5, 9, 0));
  g_assert_cmpint (after->fsrs.due, !=, before->fsrs.due);
  g_assert_cmpuint (after->fsrs.reps, ==, 2);

  undone = xf_study_store_undo_last (db, NULL, at (5, 9, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "i1");
  assert_fsrs_equal (&undone->fsrs, &before->fsrs);
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_get_card (db, XF_STUDY_KIND_ITEM, "i1", &error);
  assert_fsrs_equal (&card->fsrs, &before->fsrs);
  /* The log keeps the rating; the undo is a row of its own */
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 4);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_undos u JOIN study_log l ON l.uuid = u.review_uuid "
                                   "WHERE l.rating = 1 AND u.undone_at = l.reviewed_at + 60000000"), ==, 1);

  /* The exam's rating is passed over: next comes q1, back to new */
  g_clear_pointer (&undone, xf_study_card_free);
  undone = xf_study_store_undo_last (db, NULL, at (5, 9, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "q1");
  g_assert_cmpint (undone->fsrs.state, ==, XF_FSRS_STATE_NEW);
  g_assert_cmpuint (undone->fsrs.reps, ==, 0);
  g_assert_null (undone->introduced_by);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards WHERE card_key = 'q1'"), ==, 0);
  g_clear_pointer (&undone, xf_study_card_free);
  undone = xf_study_store_undo_last (db, NULL, at (5, 9, 3), &error);
  g_assert_cmpstr (undone->key, ==, "i1");
  g_clear_pointer (&undone, xf_study_card_free);
  undone = xf_study_store_undo_last (db, NULL, at (5, 9, 4), &error);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_assert_null (undone);
  g_clear_error (&error);

  /* Only a session's own ratings */
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, "i2", XF_FSRS_RATING_GOOD, at (6, 9, 0), 0,
                              XF_STUDY_SOURCE_STUDY, "s1", &error);
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, "i3", XF_FSRS_RATING_GOOD, at (6, 9, 1), 0,
                              XF_STUDY_SOURCE_STUDY, "s2", &error);
  g_assert_no_error (error);
  undone = xf_study_store_undo_last (db, "s1", at (6, 9, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "i2");
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_get_card (db, XF_STUDY_KIND_ITEM, "i3", &error);
  g_assert_cmpint (card->fsrs.state, ==, XF_FSRS_STATE_LEARNING);
}

/* Every field of every card, as text */
static char *
dump_cards (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT kind, card_key, state, printf ('%.17g', stability), "
                                                "printf ('%.17g', difficulty), due, last_review, step, reps, lapses, "
                                                "scheduled_days, elapsed_days, introduced_at, introduced_by "
                                                "FROM study_cards ORDER BY kind, card_key", &error);

  g_assert_no_error (error);
  while (xf_database_step (db, stmt, &error) == SQLITE_ROW)
    {
      for (int c = 0; c < 14; c++)
        g_string_append_printf (text, "%s|", (const char *)sqlite3_column_text (stmt, c));
      g_string_append_c (text, '\n');
    }
  sqlite3_reset (stmt);
  g_assert_no_error (error);
  return g_string_free (text, FALSE);
}

/* Both frontiers in one number */
#define FRONTIER \
  "SELECT sum (CASE kind WHEN 'item' THEN next_id * 1000000 ELSE next_id END) FROM study_frontier"

static void
test_rebuild (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260601);
  g_autofree char *incremental = NULL;
  g_autofree char *rebuilt = NULL;
  g_autofree char *again = NULL;
  gint64 time = at (1, 8, 0), frontier;
  guint n_items = 200, n_questions = 100;

  xf_test_exec (db, "INSERT INTO lists (id, uuid, title, year, audience, created_at, updated_at) VALUES "
            "(1, 'L1', '清单', 2026, 'all', 0, 0);"
            "INSERT INTO question_banks (id, uuid, title, created_at, updated_at) VALUES (1, 'B1', '题库', 0, 0);");
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO list_items (uuid, list_id, position, level) "
                                              "VALUES ('item-%u', 1, %u, 'must');", i, i);
      xf_test_exec (db, sql);
    }
  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO questions (uuid, bank_id, type, stem, answer, "
                                              "fingerprint, created_at, updated_at, device_id) VALUES "
                                              "('question-%u', 1, 'truefalse', '题', 'T', 'f%u', 0, 0, 'd');",
                                              i, i);
      xf_test_exec (db, sql);
    }

  for (guint r = 0; r < 3000; r++)
    {
      g_autoptr(XfStudyCard) card = NULL;
      gboolean item = g_rand_int_range (rand, 0, 3) < 2;
      g_autofree char *key = g_strdup_printf ("%s-%d", item ? "item" : "question",
                                              g_rand_int_range (rand, 0, item ? n_items : n_questions));
      int roll = g_rand_int_range (rand, 0, 100);
      XfFsrsRating rating = roll < 15 ? XF_FSRS_RATING_AGAIN : roll < 30 ? XF_FSRS_RATING_HARD :
                            roll < 90 ? XF_FSRS_RATING_GOOD : XF_FSRS_RATING_EASY;

      /* Minutes to days apart, and now and then a clock set back */
      time += g_rand_int_range (rand, 0, 10) == 0 ? -HOUR : g_rand_int_range (rand, 1, 6 * 60) * MINUTE;
      if (r % 500 == 250)
        {
          XfStudySettings settings = { 0.70 + g_rand_int_range (rand, 0, 28) / 100.0, 20, 200 };

          g_assert_true (xf_study_store_set_settings (db, &settings, &error));
        }
      if (roll % 17 == 0)
        card = xf_study_store_undo_last (db, NULL, time, &error);
      else
        card = xf_study_store_rate (db, item ? XF_STUDY_KIND_ITEM : XF_STUDY_KIND_QUESTION, key, rating,
                                    time, 0, g_rand_boolean (rand) ? XF_STUDY_SOURCE_STUDY : XF_STUDY_SOURCE_PRACTICE,
                                    NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_undos"), >, 50);
  g_assert_cmpint (xf_test_count (db, "SELECT count(DISTINCT retention) FROM study_log"), >, 2);

  incremental = dump_cards (db);
  frontier = xf_test_count (db, FRONTIER);
  g_assert_true (xf_study_store_rebuild (db, &error));
  g_assert_no_error (error);
  rebuilt = dump_cards (db);
  g_assert_cmpstr (rebuilt, ==, incremental);
  /* The frontier the ratings moved is the one found from the content */
  g_assert_cmpint (frontier, >, 1000001);
  g_assert_cmpint (xf_test_count (db, FRONTIER), ==, frontier);

  /* A damaged cache comes back whole */
  xf_test_exec (db, "UPDATE study_cards SET state = 0, stability = 1, due = 0 WHERE id % 3 = 0;"
            "DELETE FROM study_cards WHERE id % 7 = 0");
  again = dump_cards (db);
  g_assert_cmpstr (again, !=, incremental);
  g_clear_pointer (&again, g_free);
  g_assert_true (xf_study_store_rebuild (db, &error));
  again = dump_cards (db);
  g_assert_cmpstr (again, ==, incremental);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards"), ==,
                   xf_test_count (db, "SELECT count(*) FROM (SELECT DISTINCT kind, card_key FROM study_log l "
                                   "WHERE NOT EXISTS (SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid))"));
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards WHERE reps = 0"), ==, 0);
}

static const char *
card_key (XfStudyQueue *queue,
          guint         i)
{
  return ((XfStudyCard *)g_ptr_array_index (queue->cards, i))->key;
}

static XfStudyQueue *
queue_at (XfDatabase *db,
          gint64      now,
          const char *list,
          guint       new_per_day,
          guint       reviews_per_day)
{
  g_autoptr(GError) error = NULL;
  XfStudySettings limits = { 0.9, new_per_day, reviews_per_day };
  XfStudyQueue *queue = xf_study_store_queue (db, now, list, &limits, &error);

  g_assert_no_error (error);
  g_assert_nonnull (queue);
  return queue;
}

static void
test_queue (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  gint64 due, now;
  const char *reviewed[] = { "i1", "i2", "i3" };

  add_content (db);
  /* Easy on a new card schedules it days ahead, at the same time of day */
  for (guint i = 0; i < G_N_ELEMENTS (reviewed); i++)
    {
      g_clear_pointer (&card, xf_study_card_free);
      card = rate (db, XF_STUDY_KIND_ITEM, reviewed[i], XF_FSRS_RATING_EASY, at (1, 9, 0) + i * G_USEC_PER_SEC);
    }
  g_clear_pointer (&card, xf_study_card_free);
  card = rate (db, XF_STUDY_KIND_QUESTION, "q1", XF_FSRS_RATING_EASY, at (1, 9, 0) + 5 * G_USEC_PER_SEC);
  g_assert_cmpint (card->fsrs.state, ==, XF_FSRS_STATE_REVIEW);
  due = card->fsrs.due * G_USEC_PER_SEC;
  g_assert_cmpint (due % DAY, ==, (at (1, 9, 0) + 5 * G_USEC_PER_SEC) % DAY);

  /* An hour before those are due: i5 is learning, due a minute after
   * Again, so already due; i6 learning, due ten minutes after Good. */
  now = due - HOUR;
  g_clear_pointer (&card, xf_study_card_free);
  card = rate (db, XF_STUDY_KIND_ITEM, "i5", XF_FSRS_RATING_AGAIN, now - 5 * MINUTE);
  g_assert_cmpint (card->fsrs.due * G_USEC_PER_SEC, <, now);
  g_clear_pointer (&card, xf_study_card_free);
  card = rate (db, XF_STUDY_KIND_ITEM, "i6", XF_FSRS_RATING_GOOD, now - 5 * MINUTE);
  g_assert_cmpint (card->fsrs.due * G_USEC_PER_SEC, >, now);

  queue = queue_at (db, now, NULL, 3, 2);
  g_assert_cmpuint (queue->n_learning, ==, 2);
  g_assert_cmpuint (queue->n_due_total, ==, 4);
  g_assert_cmpuint (queue->n_due, ==, 2);
  g_assert_cmpuint (queue->n_new_today, ==, 2);
  g_assert_cmpuint (queue->n_reviewed_today, ==, 0);
  g_assert_cmpuint (queue->n_new, ==, 1);
  g_assert_cmpuint (queue->cards->len, ==, 5);
  g_assert_cmpstr (card_key (queue, 0), ==, "i5");
  g_assert_cmpstr (card_key (queue, 1), ==, "i1");
  g_assert_cmpstr (card_key (queue, 2), ==, "i2");
  g_assert_cmpstr (card_key (queue, 3), ==, "i4");
  g_assert_cmpstr (card_key (queue, 4), ==, "i6");
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (queue->cards, 1))->title, ==, "《行政处罚法》第一条");

  /* More room: new cards take items and questions in turn, each in the
   * order they were added (i8 before i7) */
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, now, NULL, 7, 200);
  g_assert_cmpuint (queue->n_due, ==, 4);
  g_assert_cmpuint (queue->n_new, ==, 5);
  g_assert_cmpstr (card_key (queue, 5), ==, "i4");
  g_assert_cmpstr (card_key (queue, 6), ==, "q2");
  g_assert_cmpstr (card_key (queue, 7), ==, "i8");
  g_assert_cmpstr (card_key (queue, 8), ==, "q3");
  g_assert_cmpstr (((XfStudyCard *)g_ptr_array_index (queue->cards, 6))->title, ==, "题二");

  /* A review rated today counts against the review limit; a deleted
   * question is no card to study */
  g_clear_pointer (&card, xf_study_card_free);
  card = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, now);
  xf_test_exec (db, "UPDATE questions SET deleted_at = 1 WHERE uuid IN ('q1', 'q2')");
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, now + MINUTE, NULL, 7, 2);
  g_assert_cmpuint (queue->n_reviewed_today, ==, 1);
  g_assert_cmpuint (queue->n_due_total, ==, 2);
  g_assert_cmpuint (queue->n_due, ==, 1);
  g_assert_cmpstr (card_key (queue, 1), ==, "i2");
  for (guint i = 0; i < queue->cards->len; i++)
    g_assert_cmpstr (card_key (queue, i), !=, "q2");

  /* A list: its own items only, new ones in list order */
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, now, "L2", 20, 200);
  g_assert_cmpuint (queue->n_due_total, ==, 0);
  g_assert_cmpuint (queue->n_learning, ==, 1);
  g_assert_cmpuint (queue->n_new, ==, 2);
  g_assert_cmpuint (queue->cards->len, ==, 3);
  g_assert_cmpstr (card_key (queue, 0), ==, "i7");
  g_assert_cmpstr (card_key (queue, 1), ==, "i8");
  g_assert_cmpstr (card_key (queue, 2), ==, "i6");
}

static void
test_queue_day (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due, start, end;

  add_content (db);
  /* Late in the evening: due some days later at 23:30 local, which is
   * 15:30 UTC */
  card = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_EASY, at (1, 23, 30));
  due = card->fsrs.due * G_USEC_PER_SEC;
  xf_study_local_day (due, &start, &end);
  g_assert_cmpint (end - start, ==, DAY);
  g_assert_cmpint (due - start, ==, 23 * HOUR + 30 * MINUTE);

  queue = queue_at (db, start - MINUTE, NULL, 0, 200);
  g_assert_cmpuint (queue->n_due_total, ==, 0);
  /* Nothing due the day before: the queue says when the card will be */
  g_assert_cmpint (queue->next_due, ==, due);
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, start - MINUTE, "L2", 0, 200);
  g_assert_cmpint (queue->next_due, ==, 0);
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, start, NULL, 0, 200);
  g_assert_cmpuint (queue->n_due_total, ==, 1);
  g_assert_cmpuint (queue->cards->len, ==, 1);

  /* A new card at 23:50 counts for that local day only, though 00:05 the
   * next day is the same UTC date */
  g_clear_pointer (&card, xf_study_card_free);
  card = rate (db, XF_STUDY_KIND_ITEM, "i2", XF_FSRS_RATING_GOOD, at (3, 23, 50));
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, at (3, 23, 55), NULL, 2, 200);
  g_assert_cmpuint (queue->n_new_today, ==, 1);
  g_assert_cmpuint (queue->n_new, ==, 1);
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = queue_at (db, at (4, 0, 5), NULL, 2, 200);
  g_assert_cmpuint (queue->n_new_today, ==, 0);
  g_assert_cmpuint (queue->n_new, ==, 2);

  /* The stored limits, and an unknown list */
  g_clear_pointer (&queue, xf_study_queue_free);
  queue = xf_study_store_queue (db, at (4, 0, 5), "L9", NULL, &error);
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND);
  g_assert_null (queue);
}

/* The new cards of a queue, in order, as "k1,k2,…" */
static char *
new_keys (XfDatabase *db,
          gint64      now)
{
  g_autoptr(XfStudyQueue) queue = queue_at (db, now, NULL, 100, 200);
  g_autoptr(GString) keys = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < queue->cards->len; i++)
    {
      XfStudyCard *card = g_ptr_array_index (queue->cards, i);

      if (card->introduced_by != NULL)
        continue;
      g_assert_cmpuint (card->fsrs.reps, ==, 0);
      g_string_append_printf (keys, "%s%s", keys->len > 0 ? "," : "", card->key);
      n++;
    }
  g_assert_cmpuint (n, ==, queue->n_new);
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
rate_at (XfDatabase  *db,
         XfStudyKind  kind,
         const char  *key,
         const char  *source,
         gint64       time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = xf_study_store_rate (db, kind, key, XF_FSRS_RATING_GOOD, time, 0,
                                                     source, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (card);
}

static void
assert_new_keys (XfDatabase *db,
                 gint64      now,
                 const char *expected)
{
  g_autofree char *keys = new_keys (db, now);

  g_assert_cmpstr (keys, ==, expected);
}

static void
test_queue_new (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfStudyCard) undone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = at (1, 9, 0), q4;

  add_content (db);
  xf_test_exec (db, "INSERT INTO questions (uuid, bank_id, type, stem, answer, fingerprint, created_at, updated_at, "
            "device_id) VALUES ('q5', 1, 'truefalse', '题五', 'T', 'f5', 0, 0, 'd')");
  /* Items by id (i8 was added before i6 and i7), taken in turn with the
   * questions */
  assert_new_keys (db, now, "i1,q1,i2,q2,i3,q3,i4,q4,i5,q5,i8,i6,i7");

  /* Introduced out of order (an exam's question), in order, removed,
   * deleted: none of them is new */
  rate_at (db, XF_STUDY_KIND_QUESTION, "q3", XF_STUDY_SOURCE_EXAM, now);
  rate_at (db, XF_STUDY_KIND_QUESTION, "q1", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i1", XF_STUDY_SOURCE_STUDY, now);
  xf_test_exec (db, "DELETE FROM list_items WHERE uuid = 'i2';"
            "UPDATE questions SET deleted_at = 1 WHERE uuid = 'q4'");
  assert_new_keys (db, now, "i3,q2,i4,q5,i5,i8,i6,i7");

  /* Rating q2 moves the frontier past q3 (introduced) and q4 (deleted) */
  rate_at (db, XF_STUDY_KIND_QUESTION, "q2", XF_STUDY_SOURCE_PRACTICE, now);
  q4 = xf_test_count (db, "SELECT id FROM questions WHERE uuid = 'q4'");
  g_assert_cmpint (xf_test_count (db, "SELECT next_id FROM study_frontier WHERE kind = 'question'"), ==, q4 + 1);
  assert_new_keys (db, now, "i3,q5,i4,i5,i8,i6,i7");

  /* A question restored below the frontier is new again, in its place */
  xf_test_exec (db, "UPDATE questions SET deleted_at = NULL WHERE uuid = 'q4'");
  assert_new_keys (db, now, "i3,q4,i4,q5,i5,i8,i6,i7");

  /* Every item introduced; then the highest two removed, so that SQLite
   * hands their ids to the next item added: it is new all the same */
  rate_at (db, XF_STUDY_KIND_ITEM, "i3", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i4", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i5", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i8", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i6", XF_STUDY_SOURCE_STUDY, now);
  rate_at (db, XF_STUDY_KIND_ITEM, "i7", XF_STUDY_SOURCE_STUDY, now);
  assert_new_keys (db, now, "q4,q5");
  g_assert_cmpint (xf_test_count (db, "SELECT next_id FROM study_frontier WHERE kind = 'item'"), ==, 9);
  xf_test_exec (db, "DELETE FROM list_items WHERE uuid IN ('i6', 'i7');"
            "INSERT INTO list_items (uuid, list_id, position, level) VALUES ('i9', 2, 3, 'should')");
  g_assert_cmpint (xf_test_count (db, "SELECT id FROM list_items WHERE uuid = 'i9'"), ==, 7);
  assert_new_keys (db, now, "i9,q4,q5");

  /* A card whose only rating is undone is new again, in its place */
  undone = xf_study_store_undo_last (db, NULL, now + MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "i7");
  g_clear_pointer (&undone, xf_study_card_free);
  undone = xf_study_store_undo_last (db, NULL, now + MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "i6");
  g_clear_pointer (&undone, xf_study_card_free);
  undone = xf_study_store_undo_last (db, NULL, now + MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->key, ==, "i8");
  assert_new_keys (db, now, "i8,q4,i9,q5");
}

/* Importing a bank writes no study rows: its questions are new cards */
static void
test_import_no_cards (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(XfStudyQueue) queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions", "moodle-xingzheng.xml", NULL);
  XfQuestionImportReport report;

  parse = xf_question_store_import_file (db, path, XF_QUESTION_FORMAT_AUTO, NULL, XF_QUESTION_IMPORT_NONE,
                                         &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parse);
  g_assert_cmpuint (report.imported, >, 2);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM questions"), ==, report.imported);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards"), ==, 0);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 0);

  queue = queue_at (db, at (1, 9, 0), NULL, 2, 200);
  g_assert_cmpuint (queue->n_new, ==, 2);
  /* The first two questions of the file */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM questions WHERE uuid = '%s' AND id = "
                                              "(SELECT id FROM questions ORDER BY id LIMIT 1 OFFSET %u)",
                                              card_key (queue, i), i);

      g_assert_cmpint (xf_test_count (db, sql), ==, 1);
    }
  xf_question_import_report_clear (&report);
}

static void
test_failed_transaction (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = NULL;

  add_content (db);
  /* In a caller's transaction that rolls back */
  g_assert_true (xf_database_begin (db, &error));
  card = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0));
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 1);
  xf_database_rollback (db);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 0);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_cards WHERE reps > 0"), ==, 0);

  /* The cache cannot be written: the log row goes too */
  xf_test_exec (db, "CREATE TEMP TRIGGER refuse_insert BEFORE INSERT ON study_cards BEGIN SELECT RAISE (ABORT, 'full'); END;"
            "CREATE TEMP TRIGGER refuse_update BEFORE UPDATE ON study_cards BEGIN SELECT RAISE (ABORT, 'full'); END;");
  g_clear_pointer (&card, xf_study_card_free);
  card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0), 0,
                              XF_STUDY_SOURCE_STUDY, NULL, &error);
  g_assert_null (card);
  g_assert_nonnull (error);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 0);
  g_assert_true (sqlite3_get_autocommit (xf_database_get_handle (db)));
  g_clear_error (&error);

  /* Inside a caller's transaction, the caller's earlier writes stay */
  g_assert_true (xf_database_begin (db, &error));
  xf_test_exec (db, "INSERT INTO meta (key, value) VALUES ('kept', '1')");
  card = xf_study_store_rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0), 0,
                              XF_STUDY_SOURCE_STUDY, NULL, &error);
  g_assert_null (card);
  g_clear_error (&error);
  g_assert_true (xf_database_commit (db, &error));
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM meta WHERE key = 'kept'"), ==, 1);
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log"), ==, 0);
}

static void
test_settings (void)
{
  g_autoptr(XfDatabase) db = xf_test_open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XfStudyCard) card = NULL;
  XfStudySettings settings, bad;

  add_content (db);
  g_assert_true (xf_study_store_get_settings (db, &settings, &error));
  g_assert_cmpfloat (settings.retention, ==, 0.9);
  g_assert_cmpuint (settings.new_per_day, ==, 20);
  g_assert_cmpuint (settings.reviews_per_day, ==, 200);

  settings = (XfStudySettings) { 0.85, 5, 50 };
  g_assert_true (xf_study_store_set_settings (db, &settings, &error));
  bad = (XfStudySettings) { 0.98, 7, 70 };
  g_assert_false (xf_study_store_set_settings (db, &bad, &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = (XfStudySettings) { 0.8, 10000, 70 };
  g_assert_false (xf_study_store_set_settings (db, &bad, &error));
  g_clear_error (&error);
  g_assert_true (xf_study_store_get_settings (db, &settings, &error));
  g_assert_cmpfloat (settings.retention, ==, 0.85);
  g_assert_cmpuint (settings.new_per_day, ==, 5);
  g_assert_cmpuint (settings.reviews_per_day, ==, 50);

  card = rate (db, XF_STUDY_KIND_ITEM, "i1", XF_FSRS_RATING_GOOD, at (1, 9, 0));
  g_assert_cmpint (xf_test_count (db, "SELECT count(*) FROM study_log WHERE retention = 0.85"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "CST-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-store/rate", test_rate);
  g_test_add_func ("/study-store/append-only", test_append_only);
  g_test_add_func ("/study-store/undo", test_undo);
  g_test_add_func ("/study-store/rebuild", test_rebuild);
  g_test_add_func ("/study-store/queue", test_queue);
  g_test_add_func ("/study-store/queue-day", test_queue_day);
  g_test_add_func ("/study-store/queue-new", test_queue_new);
  g_test_add_func ("/study-store/import-no-cards", test_import_no_cards);
  g_test_add_func ("/study-store/failed-transaction", test_failed_transaction);
  g_test_add_func ("/study-store/settings", test_settings);

  return g_test_run ();
}
