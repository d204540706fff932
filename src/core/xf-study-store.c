/* xf-study-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-study-store.h"
#include "xf-study-store-private.h"

/* Ratings of study cards. study_log is the truth and only grows: a
 * rating is a row, an undo is a row of study_undos naming the rating it
 * takes back. study_cards caches where each card's live ratings leave
 * it, replayed in the order they were logged (the row id): a card
 * rated with a clock set back is scheduled as the rating did, not
 * re-sorted by time, so a replay always gives what was shown. Each
 * rating is written with its cache row in one transaction committed
 * with synchronous=FULL, as an exam answer is: a rating reported saved
 * survives a power cut. Called inside a caller's transaction (an exam
 * being submitted), it writes in a savepoint of it instead. */

#define META_RETENTION       "study-retention"
#define META_NEW_PER_DAY     "study-new-per-day"
#define META_REVIEWS_PER_DAY "study-reviews-per-day"

static const char * const kind_names[] = { "item", "question" };

G_DEFINE_BOXED_TYPE (XfStudyCard, xf_study_card, xf_study_card_copy, xf_study_card_free)
G_DEFINE_BOXED_TYPE (XfStudyQueue, xf_study_queue, xf_study_queue_copy, xf_study_queue_free)

XfStudyCard *
xf_study_card_copy (const XfStudyCard *card)
{
  XfStudyCard *copy;

  g_return_val_if_fail (card != NULL, NULL);

  copy = g_memdup2 (card, sizeof *card);
  copy->key = g_strdup (card->key);
  copy->introduced_by = g_strdup (card->introduced_by);
  copy->title = g_strdup (card->title);
  copy->law_title = g_strdup (card->law_title);
  copy->question_type = g_strdup (card->question_type);
  return copy;
}

void
xf_study_card_free (XfStudyCard *card)
{
  if (card == NULL)
    return;
  g_free (card->key);
  g_free (card->introduced_by);
  g_free (card->title);
  g_free (card->law_title);
  g_free (card->question_type);
  g_free (card);
}

XfStudyQueue *
xf_study_queue_copy (const XfStudyQueue *queue)
{
  XfStudyQueue *copy;

  g_return_val_if_fail (queue != NULL, NULL);

  copy = g_memdup2 (queue, sizeof *queue);
  copy->cards = g_ptr_array_new_full (queue->cards->len, (GDestroyNotify)xf_study_card_free);
  for (guint i = 0; i < queue->cards->len; i++)
    g_ptr_array_add (copy->cards, xf_study_card_copy (g_ptr_array_index (queue->cards, i)));
  return copy;
}

void
xf_study_queue_free (XfStudyQueue *queue)
{
  if (queue == NULL)
    return;
  g_clear_pointer (&queue->cards, g_ptr_array_unref);
  g_free (queue);
}

const char *
xf_study_kind_to_string (XfStudyKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
xf_study_kind_from_string (const char  *name,
                           XfStudyKind *kind)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (name, kind_names[i]))
      {
        *kind = (XfStudyKind)i;
        return TRUE;
      }
  return FALSE;
}

gboolean
xf_study_source_is_valid (const char *source)
{
  return g_strcmp0 (source, XF_STUDY_SOURCE_STUDY) == 0 ||
         g_strcmp0 (source, XF_STUDY_SOURCE_PRACTICE) == 0 ||
         g_strcmp0 (source, XF_STUDY_SOURCE_EXAM) == 0;
}

/* The scheduler keeps whole seconds; times before 1970 round down too. */
static gint64
to_seconds (gint64 time_us)
{
  gint64 s = time_us / G_USEC_PER_SEC;

  return (time_us % G_USEC_PER_SEC < 0) ? s - 1 : s;
}

XfStudyCard *
xf_study_card_from_row (sqlite3_stmt *stmt,
                        int           first)
{
  XfStudyCard *card = g_new0 (XfStudyCard, 1);
  XfStudyKind kind = XF_STUDY_KIND_ITEM;
  int state = sqlite3_column_int (stmt, first + 2);

  xf_study_kind_from_string ((const char *)sqlite3_column_text (stmt, first), &kind);
  card->kind = kind;
  card->key = g_strdup ((const char *)sqlite3_column_text (stmt, first + 1));
  card->fsrs.state = (state >= XF_FSRS_STATE_NEW && state <= XF_FSRS_STATE_RELEARNING)
                       ? (XfFsrsState)state : XF_FSRS_STATE_NEW;
  card->fsrs.stability = sqlite3_column_double (stmt, first + 3);
  card->fsrs.difficulty = sqlite3_column_double (stmt, first + 4);
  card->fsrs.due = to_seconds (sqlite3_column_int64 (stmt, first + 5));
  card->fsrs.last_review = to_seconds (sqlite3_column_int64 (stmt, first + 6));
  card->fsrs.step = (guint)sqlite3_column_int64 (stmt, first + 7);
  card->fsrs.reps = (guint)sqlite3_column_int64 (stmt, first + 8);
  card->fsrs.lapses = (guint)sqlite3_column_int64 (stmt, first + 9);
  card->fsrs.scheduled_days = (guint)sqlite3_column_int64 (stmt, first + 10);
  card->fsrs.elapsed_days = (guint)sqlite3_column_int64 (stmt, first + 11);
  card->introduced_at = sqlite3_column_int64 (stmt, first + 12);
  card->introduced_by = g_strdup ((const char *)sqlite3_column_text (stmt, first + 13));
  return card;
}

/* Settings */

static double
meta_double (XfDatabase *db,
             const char *key,
             double      fallback)
{
  g_autofree char *text = xf_database_dup_meta (db, key);
  char *end = NULL;
  double value;

  if (text == NULL)
    return fallback;
  value = g_ascii_strtod (text, &end);
  return (end != text && *end == '\0') ? value : fallback;
}

/**
 * xf_study_store_get_settings:
 * @settings: (out): the profile's settings; the defaults for those never set
 *
 * Returns: %TRUE
 */
gboolean
xf_study_store_get_settings (XfDatabase       *db,
                             XfStudySettings  *settings,
                             GError          **error)
{
  double n;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  settings->retention = meta_double (db, META_RETENTION, XF_STUDY_DEFAULT_RETENTION);
  if (!xf_fsrs_retention_is_valid (settings->retention))
    settings->retention = XF_STUDY_DEFAULT_RETENTION;
  n = meta_double (db, META_NEW_PER_DAY, XF_STUDY_DEFAULT_NEW_PER_DAY);
  settings->new_per_day = (n >= 0 && n <= XF_STUDY_MAX_PER_DAY) ? (guint)n : XF_STUDY_DEFAULT_NEW_PER_DAY;
  n = meta_double (db, META_REVIEWS_PER_DAY, XF_STUDY_DEFAULT_REVIEWS_PER_DAY);
  settings->reviews_per_day = (n >= 0 && n <= XF_STUDY_MAX_PER_DAY) ? (guint)n : XF_STUDY_DEFAULT_REVIEWS_PER_DAY;
  return TRUE;
}

/**
 * xf_study_store_set_settings:
 *
 * Stores @settings, after checking them all: nothing is stored when one
 * is out of range (%XF_STORE_ERROR_INVALID). A new retention schedules
 * the ratings given from then on; earlier ones keep theirs.
 */
gboolean
xf_study_store_set_settings (XfDatabase             *db,
                             const XfStudySettings  *settings,
                             GError                **error)
{
  char retention[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *new_per_day = NULL;
  g_autofree char *reviews_per_day = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!xf_fsrs_retention_is_valid (settings->retention))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The desired retention must be between %.2f and %.2f"),
                   XF_FSRS_MIN_RETENTION, XF_FSRS_MAX_RETENTION);
      return FALSE;
    }
  if (settings->new_per_day > XF_STUDY_MAX_PER_DAY || settings->reviews_per_day > XF_STUDY_MAX_PER_DAY)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("Cards a day must be between 0 and %d"), XF_STUDY_MAX_PER_DAY);
      return FALSE;
    }

  g_ascii_dtostr (retention, sizeof retention, settings->retention);
  new_per_day = g_strdup_printf ("%u", settings->new_per_day);
  reviews_per_day = g_strdup_printf ("%u", settings->reviews_per_day);
  if (!xf_database_begin (db, error))
    return FALSE;
  if (!xf_database_set_meta (db, META_RETENTION, retention, error) ||
      !xf_database_set_meta (db, META_NEW_PER_DAY, new_per_day, error) ||
      !xf_database_set_meta (db, META_REVIEWS_PER_DAY, reviews_per_day, error) ||
      !xf_database_commit (db, error))
    {
      xf_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Transactions: durable on their own, a savepoint inside a caller's */

static gboolean
begin_write (XfDatabase  *db,
             gboolean    *own,
             GError     **error)
{
  *own = sqlite3_get_autocommit (xf_database_get_handle (db)) != 0;
  if (!*own)
    return xf_database_exec (db, "SAVEPOINT study", error);
  return xf_database_exec (db, "PRAGMA synchronous=FULL", error) && xf_database_begin (db, error);
}

static gboolean
end_write (XfDatabase  *db,
           gboolean     own,
           gboolean     ok,
           GError     **error)
{
  if (!own)
    {
      if (!ok)
        xf_database_exec (db, "ROLLBACK TO study", NULL);
      return xf_database_exec (db, "RELEASE study", ok ? error : NULL) && ok;
    }
  if (ok)
    ok = xf_database_commit (db, error);
  if (!ok)
    xf_database_rollback (db);
  xf_database_exec (db, "PRAGMA synchronous=NORMAL", NULL);
  return ok;
}

/* Cards */

/* Returns: the cached card, a new one when it has no row, or NULL on an
 * error */
static XfStudyCard *
load_card (XfDatabase  *db,
           XfStudyKind  kind,
           const char  *key,
           gboolean    *found,
           GError     **error)
{
  sqlite3_stmt *stmt;
  XfStudyCard *card = NULL;
  int rc;

  stmt = xf_database_prepare (db, "SELECT " XF_STUDY_CARD_COLUMNS ("c") " FROM study_cards c "
                                  "WHERE c.kind = ? AND c.card_key = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    card = xf_study_card_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  if (found != NULL)
    *found = card != NULL;
  if (card == NULL)
    {
      card = g_new0 (XfStudyCard, 1);
      card->kind = kind;
      card->key = g_strdup (key);
      xf_fsrs_card_init (&card->fsrs, 0);
    }
  return card;
}

static gboolean
write_card (XfDatabase         *db,
            const XfStudyCard  *card,
            GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db,
                              "INSERT INTO study_cards (kind, card_key, state, stability, difficulty, due, "
                              "last_review, step, reps, lapses, scheduled_days, elapsed_days, introduced_at, "
                              "introduced_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                              "ON CONFLICT (kind, card_key) DO UPDATE SET state = ?3, stability = ?4, "
                              "difficulty = ?5, due = ?6, last_review = ?7, step = ?8, reps = ?9, lapses = ?10, "
                              "scheduled_days = ?11, elapsed_days = ?12, introduced_at = ?13, introduced_by = ?14",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind_names[card->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, card->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, card->fsrs.state);
  sqlite3_bind_double (stmt, 4, card->fsrs.stability);
  sqlite3_bind_double (stmt, 5, card->fsrs.difficulty);
  sqlite3_bind_int64 (stmt, 6, card->fsrs.due * G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 7, card->fsrs.last_review * G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 8, card->fsrs.step);
  sqlite3_bind_int64 (stmt, 9, card->fsrs.reps);
  sqlite3_bind_int64 (stmt, 10, card->fsrs.lapses);
  sqlite3_bind_int64 (stmt, 11, card->fsrs.scheduled_days);
  sqlite3_bind_int64 (stmt, 12, card->fsrs.elapsed_days);
  if (card->introduced_by != NULL)
    {
      sqlite3_bind_int64 (stmt, 13, card->introduced_at);
      sqlite3_bind_text (stmt, 14, card->introduced_by, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 13);
      sqlite3_bind_null (stmt, 14);
    }
  return xf_database_step_done (db, stmt, error);
}

/* One rating applied to a card: the only place the scheduler is called,
 * for a rating as it is given and for a replay alike. */
static void
apply_rating (XfStudyCard  *card,
              XfFsrsRating  rating,
              gint64        time_us,
              const char   *source,
              double        retention)
{
  XfFsrsParams params;
  gint64 time = to_seconds (time_us);

  xf_fsrs_params_init_default (&params);
  params.desired_retention = retention;
  if (card->fsrs.state == XF_FSRS_STATE_NEW && card->fsrs.reps == 0)
    xf_fsrs_card_init (&card->fsrs, time);
  card->fsrs = xf_fsrs_review (&params, &card->fsrs, rating, time);
  if (card->introduced_by == NULL)
    {
      card->introduced_at = time_us;
      card->introduced_by = g_strdup (source);
    }
}

/* Writes a rating in the current transaction. */
static XfStudyCard *
record (XfDatabase    *db,
        XfStudyKind    kind,
        const char    *key,
        XfFsrsRating   rating,
        gint64         time_us,
        guint          duration_ms,
        const char    *source,
        const char    *session,
        GError       **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  XfStudySettings settings;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  gint64 id;

  if ((id = xf_study_content_id (db, kind, key, error)) <= 0 ||
      !xf_study_store_get_settings (db, &settings, error) ||
      !(card = load_card (db, kind, key, &found, error)))
    return NULL;

  stmt = xf_database_prepare (db, "INSERT INTO study_log (uuid, kind, card_key, rating, reviewed_at, "
                                  "duration_ms, source, session_uuid, retention, device_id) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, rating);
  sqlite3_bind_int64 (stmt, 5, time_us);
  sqlite3_bind_int64 (stmt, 6, duration_ms);
  sqlite3_bind_text (stmt, 7, source, -1, SQLITE_TRANSIENT);
  if (session != NULL)
    sqlite3_bind_text (stmt, 8, session, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_double (stmt, 9, settings.retention);
  sqlite3_bind_text (stmt, 10, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  if (!xf_database_step_done (db, stmt, error))
    return NULL;

  apply_rating (card, rating, time_us, source, settings.retention);
  if (!write_card (db, card, error) || (!found && !xf_study_advance_frontier (db, kind, id, error)))
    return NULL;
  return g_steal_pointer (&card);
}

static gboolean
check_rating (XfStudyKind    kind,
              const char    *key,
              XfFsrsRating   rating,
              const char    *source,
              GError       **error)
{
  if ((guint)kind >= G_N_ELEMENTS (kind_names) || key == NULL || *key == '\0')
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, _("A card needs a kind and a key"));
      return FALSE;
    }
  if (rating < XF_FSRS_RATING_AGAIN || rating > XF_FSRS_RATING_EASY)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("The rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)"));
      return FALSE;
    }
  if (!xf_study_source_is_valid (source))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID,
                   _("Unknown source of a rating “%s”"), source ? source : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * xf_study_store_rate:
 * @kind: the kind of card
 * @key: the list item's UUID for %XF_STUDY_KIND_ITEM, the question's for
 *   %XF_STUDY_KIND_QUESTION
 * @rating: the rating given
 * @time_us: when, UTC µs
 * @duration_ms: how long the card was shown
 * @source: XF_STUDY_SOURCE_…
 * @session: (nullable): the study session or practice it was given in
 *
 * Logs a rating and schedules the card with the desired retention of
 * the settings. On its own, the rating is committed and synced to the
 * disk before this returns; inside a caller's transaction it is written
 * in a savepoint of it and lasts only if that transaction commits.
 * %XF_STORE_ERROR_NOT_FOUND when the item or question does not exist.
 *
 * Returns: (transfer full) (nullable): the card after the rating
 */
XfStudyCard *
xf_study_store_rate (XfDatabase    *db,
                     XfStudyKind    kind,
                     const char    *key,
                     XfFsrsRating   rating,
                     gint64         time_us,
                     guint          duration_ms,
                     const char    *source,
                     const char    *session,
                     GError       **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  gboolean own;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (!check_rating (kind, key, rating, source, error) || !begin_write (db, &own, error))
    return NULL;
  card = record (db, kind, key, rating, time_us, duration_ms, source, session, error);
  if (!end_write (db, own, card != NULL, card != NULL ? error : NULL))
    return NULL;
  return g_steal_pointer (&card);
}

/**
 * xf_study_store_record_answer:
 * @question_uuid: the question answered
 * @correct: whether the answer was right
 *
 * Rates a question card from an answer: right is Good, wrong is Again.
 * A question deleted meanwhile is passed over. Writes as
 * xf_study_store_rate does.
 *
 * Returns: %FALSE on an error
 */
gboolean
xf_study_store_record_answer (XfDatabase  *db,
                              const char  *question_uuid,
                              gboolean     correct,
                              gint64       time_us,
                              guint        duration_ms,
                              const char  *source,
                              const char  *session,
                              GError     **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  g_autoptr(GError) local_error = NULL;

  card = xf_study_store_rate (db, XF_STUDY_KIND_QUESTION, question_uuid,
                              correct ? XF_FSRS_RATING_GOOD : XF_FSRS_RATING_AGAIN,
                              time_us, duration_ms, source, session, &local_error);
  if (card != NULL || g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Replays the live ratings of one card, in log order, onto a new card. */
static XfStudyCard *
replay_card (XfDatabase  *db,
             XfStudyKind  kind,
             const char  *key,
             GError     **error)
{
  g_autoptr(XfStudyCard) card = g_new0 (XfStudyCard, 1);
  sqlite3_stmt *stmt;
  int rc;

  card->kind = kind;
  card->key = g_strdup (key);
  xf_fsrs_card_init (&card->fsrs, 0);
  stmt = xf_database_prepare (db, "SELECT l.rating, l.reviewed_at, l.source, l.retention FROM study_log l "
                                  "WHERE l.kind = ? AND l.card_key = ? AND NOT EXISTS "
                                  "(SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid) ORDER BY l.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    apply_rating (card, (XfFsrsRating)CLAMP (sqlite3_column_int (stmt, 0), 1, 4),
                  sqlite3_column_int64 (stmt, 1), (const char *)sqlite3_column_text (stmt, 2),
                  sqlite3_column_double (stmt, 3));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&card);
}

/**
 * xf_study_store_undo_last:
 * @session: (nullable): only a rating of this session
 * @time_us: when, UTC µs
 *
 * Takes back the newest rating given in study or practice (of @session,
 * when given) that is not taken back yet, by logging its undo, and
 * replays the card's other ratings. Durable as xf_study_store_rate.
 * Ratings of exams are not taken back. %XF_STORE_ERROR_NOT_FOUND when
 * there is none.
 *
 * Returns: (transfer full) (nullable): the card as it is again
 */
XfStudyCard *
xf_study_store_undo_last (XfDatabase  *db,
                          const char  *session,
                          gint64       time_us,
                          GError     **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  g_autofree char *review = NULL;
  g_autofree char *key = NULL;
  XfStudyKind kind = XF_STUDY_KIND_ITEM;
  sqlite3_stmt *stmt;
  gboolean own, ok = FALSE;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (!begin_write (db, &own, error))
    return NULL;
  stmt = xf_database_prepare (db, "SELECT l.uuid, l.kind, l.card_key FROM study_log l "
                                  "WHERE l.source IN ('study', 'practice') AND (?1 IS NULL OR l.session_uuid = ?1) "
                                  "AND NOT EXISTS (SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid) "
                                  "ORDER BY l.id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto out;
  if (session != NULL)
    sqlite3_bind_text (stmt, 1, session, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 1);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      review = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      xf_study_kind_from_string ((const char *)sqlite3_column_text (stmt, 1), &kind);
      key = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    goto out;
  if (review == NULL)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND, _("There is no rating to undo"));
      goto out;
    }

  stmt = xf_database_prepare (db, "INSERT INTO study_undos (review_uuid, undone_at, device_id) VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, time_us);
  sqlite3_bind_text (stmt, 3, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  if (!xf_database_step_done (db, stmt, error))
    goto out;

  card = replay_card (db, kind, key, error);
  if (card == NULL)
    goto out;
  if (card->fsrs.reps > 0)
    ok = write_card (db, card, error);
  else
    {
      gint64 id;

      /* New again: no row, as a rebuild leaves it, and the frontier
       * back at its content so that the queue offers it again */
      stmt = xf_database_prepare (db, "DELETE FROM study_cards WHERE kind = ? AND card_key = ?", error);
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, kind_names[kind], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
          ok = xf_database_step_done (db, stmt, error);
        }
      if (ok && (id = xf_study_content_id (db, kind, key, NULL)) > 0)
        ok = xf_study_lower_frontier (db, kind, id, error);
    }

out:
  if (!end_write (db, own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&card);
}

/**
 * xf_study_store_get_card:
 *
 * Returns: (transfer full) (nullable): the card of the item or question
 *   @key, new when it was never rated; %XF_STORE_ERROR_NOT_FOUND when it
 *   has neither a row nor content
 */
XfStudyCard *
xf_study_store_get_card (XfDatabase   *db,
                         XfStudyKind   kind,
                         const char   *key,
                         GError      **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_names) && key != NULL, NULL);

  card = load_card (db, kind, key, &found, error);
  if (card == NULL)
    return NULL;
  if (!found && xf_study_content_id (db, kind, key, error) <= 0)
    return NULL;
  return g_steal_pointer (&card);
}

/* Rebuilding */

/**
 * xf_study_store_rebuild:
 *
 * Rewrites study_cards from the log: a row for every card with live
 * ratings, replayed in log order, and the frontier of new cards found
 * again from the content. Gives exactly the rows the ratings wrote one
 * by one.
 */
gboolean
xf_study_store_rebuild (XfDatabase  *db,
                        GError     **error)
{
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify)xf_study_card_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  if (!xf_database_begin (db, error))
    return FALSE;

  stmt = xf_database_prepare (db, "SELECT l.kind, l.card_key, l.rating, l.reviewed_at, l.source, l.retention "
                                  "FROM study_log l WHERE NOT EXISTS "
                                  "(SELECT 1 FROM study_undos u WHERE u.review_uuid = l.uuid) ORDER BY l.id",
                              error);
  if (stmt == NULL)
    goto fail;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *kind_name = (const char *)sqlite3_column_text (stmt, 0);
      const char *key = (const char *)sqlite3_column_text (stmt, 1);
      g_autofree char *id = g_strconcat (kind_name, "\x1f", key, NULL);
      XfStudyCard *card = g_hash_table_lookup (cards, id);

      if (card == NULL)
        {
          card = g_new0 (XfStudyCard, 1);
          xf_study_kind_from_string (kind_name, &card->kind);
          card->key = g_strdup (key);
          xf_fsrs_card_init (&card->fsrs, 0);
          g_hash_table_insert (cards, g_steal_pointer (&id), card);
          g_ptr_array_add (order, card);
        }
      apply_rating (card, (XfFsrsRating)CLAMP (sqlite3_column_int (stmt, 2), 1, 4),
                    sqlite3_column_int64 (stmt, 3), (const char *)sqlite3_column_text (stmt, 4),
                    sqlite3_column_double (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    goto fail;

  if (!xf_database_exec (db, "DELETE FROM study_cards; UPDATE study_frontier SET next_id = 1;", error))
    goto fail;
  for (guint i = 0; i < order->len; i++)
    if (!write_card (db, g_ptr_array_index (order, i), error))
      goto fail;
  if (!xf_study_advance_frontier (db, XF_STUDY_KIND_ITEM, 1, error) ||
      !xf_study_advance_frontier (db, XF_STUDY_KIND_QUESTION, 1, error))
    goto fail;
  if (!xf_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}
