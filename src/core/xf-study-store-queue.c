/* xf-study-store-queue.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-chinese-numeral.h"
#include "xf-law.h"
#include "xf-study-plan.h"
#include "xf-study-store.h"
#include "xf-study-store-private.h"

/* Today's queue. Two days meet here: the scheduler counts days as
 * ts-fsrs does, by UTC date (how many days passed between two ratings),
 * while a person's "today" is the local calendar day, from local
 * midnight to the next. The queue works in the local day: a card is due
 * today when its due time falls before the next local midnight, and the
 * daily limits count ratings given since the last local midnight. Due
 * times themselves are exact (a rating's time plus whole minutes or
 * days), so a review card due this evening is in the morning's queue,
 * and one due at 08:00 tomorrow is not.
 *
 * Order: learning and relearning cards already due, most overdue first
 * (they are short steps the person is in the middle of); review cards
 * due today, earliest due first, up to the review limit; new cards up
 * to the new limit, list items and questions taken in turn, each in the
 * order they were added (by list position with a list filter); last the
 * learning cards that fall due later today, by due time, each to be
 * shown once its time comes.
 *
 * With an exam plan (xf-study-plan.c) for the list studied, or when all
 * lists are studied: the plan's at-risk items come after the review
 * cards (the weakest on the exam day first, the plan's share a day drawn
 * by turn_today, none reviewed today), and new cards come from the plan's list first, at the
 * larger of the plan's daily figure and the new-card limit.
 *
 * Limits: new cards are those introduced on the study page today
 * (their first rating); the review limit counts the cards introduced
 * before today that were rated on the study page today. Learning cards
 * are never held back: a step cut short would be forgotten. Cards of
 * deleted items or questions are left out. */

#define CARD_SELECT \
  "SELECT " XF_STUDY_CARD_COLUMNS ("c") ", i.title, i.law_title, i.article_number, i.article_sub, " \
  "q.stem, q.type FROM study_cards c " \
  "LEFT JOIN list_items i ON c.kind = 'item' AND i.uuid = c.card_key " \
  "LEFT JOIN questions q ON c.kind = 'question' AND q.uuid = c.card_key AND q.deleted_at IS NULL "
#define LIVE_AND_LISTED \
  "(i.id IS NOT NULL OR q.id IS NOT NULL) AND (?3 IS NULL OR i.list_id = ?3) "

/**
 * xf_study_local_day:
 * @time_us: UTC µs
 * @day_start: (out): the local midnight at the start of the day of @time_us
 * @day_end: (out): the next local midnight
 *
 * The local calendar day of @time_us, as UTC µs. A day is not always 24
 * hours: clocks change.
 */
void
xf_study_local_day (gint64  time_us,
                    gint64 *day_start,
                    gint64 *day_end)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) utc = g_date_time_add (epoch, time_us);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  if (local != NULL)
    start = g_date_time_new (zone, g_date_time_get_year (local), g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local), 0, 0, 0);
  if (start != NULL)
    {
      g_autoptr(GDateTime) day_after = g_date_time_add_days (start, 1);

      if (day_after != NULL)
        next = g_date_time_new (zone, g_date_time_get_year (day_after), g_date_time_get_month (day_after),
                                g_date_time_get_day_of_month (day_after), 0, 0, 0);
    }
  if (start == NULL || next == NULL)
    {
      *day_start = time_us - time_us % (G_USEC_PER_SEC * G_GINT64_CONSTANT (86400));
      *day_end = *day_start + G_USEC_PER_SEC * G_GINT64_CONSTANT (86400);
      return;
    }
  *day_start = g_date_time_difference (start, epoch);
  *day_end = g_date_time_difference (next, epoch);
}

static char *
item_citation (const char *law_title,
               guint       number,
               guint       sub)
{
  g_autofree char *short_title = NULL;
  g_autofree char *numeral = NULL;
  g_autofree char *sub_numeral = NULL;

  if (law_title == NULL || *law_title == '\0')
    return g_strdup ("");
  short_title = xf_law_dup_short_title (law_title);
  if (number == 0)
    return g_strdup_printf ("《%s》", short_title);
  numeral = xf_chinese_numeral_format (number);
  if (sub == 0)
    return g_strdup_printf ("《%s》第%s条", short_title, numeral);
  sub_numeral = xf_chinese_numeral_format (sub);
  return g_strdup_printf ("《%s》第%s条之%s", short_title, numeral, sub_numeral);
}

static XfStudyCard *
queue_card_from_row (sqlite3_stmt *stmt)
{
  XfStudyCard *card = xf_study_card_from_row (stmt, 0);
  const int first = XF_STUDY_CARD_N_COLUMNS;

  if (card->kind == XF_STUDY_KIND_ITEM)
    {
      const char *title = (const char *)sqlite3_column_text (stmt, first);

      card->law_title = g_strdup ((const char *)sqlite3_column_text (stmt, first + 1));
      card->article_number = (guint)MAX (0, sqlite3_column_int (stmt, first + 2));
      card->title = (title != NULL && *title != '\0')
                      ? g_strdup (title)
                      : item_citation (card->law_title, card->article_number,
                                       (guint)MAX (0, sqlite3_column_int (stmt, first + 3)));
    }
  else
    {
      card->title = g_strdup ((const char *)sqlite3_column_text (stmt, first + 4));
      card->question_type = g_strdup ((const char *)sqlite3_column_text (stmt, first + 5));
    }
  return card;
}

/* Runs @stmt, whose parameters are bound, and adds its cards to @cards. */
static gboolean
add_cards (XfDatabase    *db,
           sqlite3_stmt  *stmt,
           GPtrArray     *cards,
           GError       **error)
{
  int rc;

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (cards, queue_card_from_row (stmt));
  sqlite3_reset (stmt);
  return rc >= 0;
}

static sqlite3_stmt *
prepare_bound (XfDatabase  *db,
               const char  *sql,
               gint64       a,
               gint64       b,
               gint64       list_id,
               GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (list_id > 0)
    sqlite3_bind_int64 (stmt, 3, list_id);
  else
    sqlite3_bind_null (stmt, 3);
  return stmt;
}

static gint64
count (XfDatabase  *db,
       const char  *sql,
       gint64       a,
       gint64       b,
       gint64       list_id,
       GError     **error)
{
  sqlite3_stmt *stmt = prepare_bound (db, sql, a, b, list_id, error);
  gint64 n = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gint64
find_list (XfDatabase  *db,
           const char  *list_uuid,
           GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id FROM lists WHERE uuid = ?", error);
  gint64 id = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, list_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no knowledge list “%s”"), list_uuid);
  return id;
}

/* A new card has no study_cards row: it is read from its content with
 * the columns of a card that was never rated. */
#define NEW_ITEM_SELECT \
  "SELECT 'item', i.uuid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, " \
  "i.title, i.law_title, i.article_number, i.article_sub, NULL, NULL FROM list_items i "
#define NEW_QUESTION_SELECT \
  "SELECT 'question', q.uuid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, " \
  "NULL, NULL, 0, 0, q.stem, q.type FROM questions q "
#define ITEM_IS_NEW \
  "NOT EXISTS (SELECT 1 FROM study_cards c WHERE c.kind = 'item' AND c.card_key = i.uuid) "
#define QUESTION_IS_NEW \
  "q.deleted_at IS NULL AND " \
  "NOT EXISTS (SELECT 1 FROM study_cards c WHERE c.kind = 'question' AND c.card_key = q.uuid) "

/* New cards: list items and questions in turn, or a list's items. The
 * scans start at the frontier, below which every card was introduced,
 * so they pass over few introduced cards however many there are. */
static gboolean
add_new_cards (XfDatabase    *db,
               gint64         list_id,
               guint          room,
               GPtrArray     *cards,
               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);
  sqlite3_stmt *stmt;
  guint i = 0, q = 0;

  if (room == 0)
    return TRUE;

  if (list_id > 0)
    {
      stmt = prepare_bound (db, NEW_ITEM_SELECT "WHERE i.list_id = ?1 AND " ITEM_IS_NEW
                                "ORDER BY i.position, i.id LIMIT ?2", list_id, room, 0, error);
      return stmt != NULL && add_cards (db, stmt, cards, error);
    }

  stmt = prepare_bound (db, NEW_ITEM_SELECT "WHERE i.id >= (SELECT next_id FROM study_frontier "
                            "WHERE kind = 'item') AND " ITEM_IS_NEW "ORDER BY i.id LIMIT ?2",
                        0, room, 0, error);
  if (stmt == NULL || !add_cards (db, stmt, items, error))
    return FALSE;
  stmt = prepare_bound (db, NEW_QUESTION_SELECT "WHERE q.id >= (SELECT next_id FROM study_frontier "
                            "WHERE kind = 'question') AND " QUESTION_IS_NEW "ORDER BY q.id LIMIT ?2",
                        0, room, 0, error);
  if (stmt == NULL || !add_cards (db, stmt, questions, error))
    return FALSE;

  while (room > 0 && (i < items->len || q < questions->len))
    {
      GPtrArray *from = (q >= questions->len || (i < items->len && i <= q)) ? items : questions;
      guint *at = from == items ? &i : &q;

      g_ptr_array_add (cards, g_steal_pointer (&from->pdata[(*at)++]));
      room--;
    }
  return TRUE;
}

typedef struct
{
  XfStudyCard *card;
  double       retrievability;
} AtRisk;

static int
compare_at_risk (gconstpointer a,
                 gconstpointer b)
{
  const AtRisk *x = a, *y = b;

  return (x->retrievability > y->retrievability) - (x->retrievability < y->retrievability);
}

/* Whether an at-risk card is brought forward today. Each card's turn is
 * drawn from its key and the day, with chance 1 / days left: the day's
 * share on average, every card on the last day before the exam, and the
 * same cards all day (reviewing one does not bring another). */
static gboolean
turn_today (const char *key,
            gint64      day_start,
            guint       days_left)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (day_start / G_USEC_PER_SEC);
  guint32 h = g_str_hash (key) ^ ((guint32)g_date_time_get_day_of_year (day) * 2654435761u) ^
              (guint32)g_date_time_get_year (day);

  /* A final mix, so neighbouring days do not pick neighbouring keys */
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  return days_left <= 1 || h % days_left == 0;
}

/* The plan's share of today: studied items of its list that the
 * scheduler brings back only on or after the exam day, below the
 * desired retention on that day, not reviewed today; weakest first. */
static gboolean
add_at_risk_cards (XfDatabase         *db,
                   const XfStudyPlan  *plan,
                   gint64              list_id,
                   gint64              day_start,
                   GPtrArray          *cards,
                   GError            **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);
  g_autoptr(GArray) at_risk = g_array_new (FALSE, FALSE, sizeof (AtRisk));
  sqlite3_stmt *stmt;

  if (plan->n_at_risk == 0)
    return TRUE;
  stmt = prepare_bound (db, CARD_SELECT "WHERE c.kind = 'item' AND i.list_id = ?3 AND c.state = 2 "
                            "AND c.due >= ?2 AND c.last_review < ?1",
                        day_start, plan->exam_start, list_id, error);
  if (stmt == NULL || !add_cards (db, stmt, found, error))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      AtRisk entry = { g_ptr_array_index (found, i), 0 };

      entry.retrievability = xf_study_plan_exam_retrievability (plan, &entry.card->fsrs);
      if (entry.retrievability < plan->retention && turn_today (entry.card->key, day_start, plan->days_left))
        g_array_append_val (at_risk, entry);
    }
  g_array_sort (at_risk, compare_at_risk);
  for (guint i = 0; i < at_risk->len; i++)
    g_ptr_array_add (cards, xf_study_card_copy (g_array_index (at_risk, AtRisk, i).card));
  return TRUE;
}

/* New cards from the plan's list, then from everywhere (without those
 * already taken) when the queue is for every list */
static gboolean
add_planned_new_cards (XfDatabase    *db,
                       gint64         plan_list_id,
                       gint64         list_id,
                       guint          room,
                       GPtrArray     *cards,
                       GError       **error)
{
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  guint before = cards->len;

  if (!add_new_cards (db, plan_list_id, room, cards, error))
    return FALSE;
  room -= cards->len - before;
  if (room == 0 || list_id > 0)
    return TRUE;
  for (guint i = before; i < cards->len; i++)
    g_hash_table_add (taken, ((XfStudyCard *)g_ptr_array_index (cards, i))->key);
  if (!add_new_cards (db, 0, room + (cards->len - before), more, error))
    return FALSE;
  for (guint i = 0; i < more->len && room > 0; i++)
    {
      XfStudyCard *card = g_ptr_array_index (more, i);

      if (card->kind == XF_STUDY_KIND_ITEM && g_hash_table_contains (taken, card->key))
        continue;
      g_ptr_array_add (cards, g_steal_pointer (&more->pdata[i]));
      room--;
    }
  return TRUE;
}

/* The first rated card due after today, in due order per state (the
 * index), passing over cards of other lists and of deleted content */
static gboolean
find_next_due (XfDatabase    *db,
               gint64         day_end,
               gint64         list_id,
               gint64        *next_due,
               GError       **error)
{
  *next_due = 0;
  for (int state = XF_FSRS_STATE_LEARNING; state <= XF_FSRS_STATE_RELEARNING; state++)
    {
      sqlite3_stmt *stmt = prepare_bound (db, "SELECT c.due FROM study_cards c "
                                              "LEFT JOIN list_items i ON c.kind = 'item' AND i.uuid = c.card_key "
                                              "LEFT JOIN questions q ON c.kind = 'question' AND q.uuid = c.card_key "
                                              "AND q.deleted_at IS NULL "
                                              "WHERE c.state = ?1 AND c.due >= ?2 AND " LIVE_AND_LISTED
                                              "ORDER BY c.due LIMIT 1",
                                          state, day_end, list_id, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = xf_database_step (db, stmt, error);
      if (rc == SQLITE_ROW && (*next_due == 0 || sqlite3_column_int64 (stmt, 0) < *next_due))
        *next_due = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/**
 * xf_study_store_queue:
 * @now_us: now, UTC µs
 * @list_uuid: (nullable): only the items of this knowledge list
 * @limits: (nullable): the daily limits to apply; the stored settings
 *   when %NULL
 *
 * Today's queue, as the comment at the top of this file describes.
 *
 * Returns: (transfer full) (nullable): the queue
 */
XfStudyQueue *
xf_study_store_queue (XfDatabase             *db,
                      gint64                  now_us,
                      const char             *list_uuid,
                      const XfStudySettings  *limits,
                      GError                **error)
{
  g_autoptr(XfStudyQueue) queue = g_new0 (XfStudyQueue, 1);
  g_autoptr(GPtrArray) learning = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);
  g_autoptr(XfStudyPlan) plan = NULL;
  XfStudySettings settings;
  sqlite3_stmt *stmt;
  gint64 list_id = 0, plan_list_id = 0, n;
  guint room, split = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (limits != NULL)
    settings = *limits;
  else if (!xf_study_store_get_settings (db, &settings, error))
    return NULL;
  if (list_uuid != NULL && (list_id = find_list (db, list_uuid, error)) < 0)
    return NULL;
  if (!xf_study_plan_get (db, now_us, &plan, error))
    return NULL;
  if (plan != NULL && (plan->days_left == 0 || (list_uuid != NULL && g_strcmp0 (list_uuid, plan->list_uuid) != 0)))
    g_clear_pointer (&plan, xf_study_plan_free);
  if (plan != NULL && (plan_list_id = find_list (db, plan->list_uuid, error)) < 0)
    return NULL;

  xf_study_local_day (now_us, &queue->day_start, &queue->day_end);
  queue->cards = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_card_free);

  /* Read in one transaction, so the counts and the cards agree. */
  if (!xf_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;

  stmt = prepare_bound (db, CARD_SELECT "WHERE c.state IN (1, 3) AND c.due < ?2 AND "
                            LIVE_AND_LISTED "ORDER BY c.due, c.id",
                        0, queue->day_end, list_id, error);
  if (stmt == NULL || !add_cards (db, stmt, learning, error))
    goto fail;
  queue->n_learning = learning->len;

  n = count (db, "SELECT count(*) FROM study_cards c WHERE c.introduced_by = 'study' AND "
                 "c.introduced_at >= ?1 AND c.introduced_at < ?2",
             queue->day_start, queue->day_end, 0, error);
  if (n < 0)
    goto fail;
  queue->n_new_today = (guint)n;
  /* From today's log rows (CROSS JOIN keeps them the outer loop: the
   * cards introduced before today are nearly all of them) */
  n = count (db, "SELECT count(*) FROM (SELECT DISTINCT l.kind, l.card_key FROM study_log l "
                 "CROSS JOIN study_cards c ON c.kind = l.kind AND c.card_key = l.card_key "
                 "WHERE l.reviewed_at >= ?1 AND l.reviewed_at < ?2 AND l.source = 'study' "
                 "AND +c.introduced_at < ?1 AND NOT EXISTS "
                 "(SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid))",
             queue->day_start, queue->day_end, 0, error);
  if (n < 0)
    goto fail;
  queue->n_reviewed_today = (guint)n;

  n = count (db, "SELECT count(*) FROM study_cards c "
                 "LEFT JOIN list_items i ON c.kind = 'item' AND i.uuid = c.card_key "
                 "LEFT JOIN questions q ON c.kind = 'question' AND q.uuid = c.card_key AND q.deleted_at IS NULL "
                 "WHERE c.state = 2 AND c.due < ?2 AND " LIVE_AND_LISTED,
             0, queue->day_end, list_id, error);
  if (n < 0)
    goto fail;
  queue->n_due_total = (guint)n;

  /* Learning cards already due come first */
  for (split = 0; split < learning->len; split++)
    {
      XfStudyCard *card = g_ptr_array_index (learning, split);

      if (card->fsrs.due * G_USEC_PER_SEC > now_us)
        break;
      g_ptr_array_add (queue->cards, g_steal_pointer (&learning->pdata[split]));
    }

  room = settings.reviews_per_day > queue->n_reviewed_today
           ? settings.reviews_per_day - queue->n_reviewed_today : 0;
  if (room > 0)
    {
      guint before = queue->cards->len;

      stmt = prepare_bound (db, CARD_SELECT "WHERE c.state = 2 AND c.due < ?2 AND " LIVE_AND_LISTED
                                "ORDER BY c.due, c.id LIMIT ?1",
                            room, queue->day_end, list_id, error);
      if (stmt == NULL || !add_cards (db, stmt, queue->cards, error))
        goto fail;
      queue->n_due = queue->cards->len - before;
    }

  if (plan != NULL)
    {
      guint before = queue->cards->len;

      if (!add_at_risk_cards (db, plan, plan_list_id, queue->day_start, queue->cards, error))
        goto fail;
      queue->n_planned = queue->cards->len - before;
      settings.new_per_day = MAX (settings.new_per_day, plan->new_per_day);
    }

  room = settings.new_per_day > queue->n_new_today ? settings.new_per_day - queue->n_new_today : 0;
  {
    guint before = queue->cards->len;

    if (plan != NULL ? !add_planned_new_cards (db, plan_list_id, list_id, room, queue->cards, error)
                     : !add_new_cards (db, list_id, room, queue->cards, error))
      goto fail;
    queue->n_new = queue->cards->len - before;
  }

  for (; split < learning->len; split++)
    g_ptr_array_add (queue->cards, g_steal_pointer (&learning->pdata[split]));
  if (!find_next_due (db, queue->day_end, list_id, &queue->next_due, error))
    goto fail;

  if (!xf_database_exec (db, "COMMIT", error))
    goto fail;
  return g_steal_pointer (&queue);

fail:
  xf_database_rollback (db);
  return NULL;
}
