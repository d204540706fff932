/* xf-mistake-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-mistake-store.h"

/* The 错题本: every question answered wrong (in an exam, later in practice)
 * has one row. Answering it wrong again counts and brings it back if it
 * had left; it leaves by itself (removed_by 'learned') after right answers
 * on XF_MISTAKE_DAYS_TO_LEARN separate local days since the last wrong
 * one, or by hand (removed_by 'person'), which can be undone.
 *
 * The rule for right answers, as xf_mistake_store_record() applies it:
 * - only a question in the book and not removed counts; a right answer to
 *   any other question changes nothing;
 * - right_days is the number of distinct local days (YYYY-MM-DD in the
 *   time zone of the device) with a right answer since the last wrong
 *   one. A wrong answer sets it to 0 and forgets the last right day, so a
 *   right answer later on the day of the wrong one is day 1: it is the
 *   first time the person shows they know it after getting it wrong;
 * - a right answer on a day that already counted (last_right_day), or on
 *   an earlier day, counts no more: several right answers in one sitting
 *   prove less than answers on separate days;
 * - a right answer given before the last wrong answer (a record that
 *   arrives late, as from another device) does not count against it.
 *
 * xf_mistake_store_record() writes in the caller's transaction when there
 * is one (an exam's submission commits its mistakes with it); the
 * functions that change many rows make their own, or a savepoint in the
 * caller's. */

G_DEFINE_BOXED_TYPE (XfMistake, xf_mistake, xf_mistake_copy, xf_mistake_free)

XfMistake *
xf_mistake_copy (const XfMistake *mistake)
{
  XfMistake *copy;

  g_return_val_if_fail (mistake != NULL, NULL);

  copy = g_memdup2 (mistake, sizeof *mistake);
  copy->question_uuid = g_strdup (mistake->question_uuid);
  copy->answer = g_strdup (mistake->answer);
  copy->source = g_strdup (mistake->source);
  copy->source_uuid = g_strdup (mistake->source_uuid);
  copy->source_title = g_strdup (mistake->source_title);
  copy->last_right_day = g_strdup (mistake->last_right_day);
  copy->removed_by = g_strdup (mistake->removed_by);
  copy->device_id = g_strdup (mistake->device_id);
  return copy;
}

void
xf_mistake_free (XfMistake *mistake)
{
  if (mistake == NULL)
    return;
  g_free (mistake->question_uuid);
  g_free (mistake->answer);
  g_free (mistake->source);
  g_free (mistake->source_uuid);
  g_free (mistake->source_title);
  g_free (mistake->last_right_day);
  g_free (mistake->removed_by);
  g_free (mistake->device_id);
  g_free (mistake);
}

/**
 * xf_mistake_is_live:
 *
 * Returns: whether the question is in the book (not removed)
 */
gboolean
xf_mistake_is_live (const XfMistake *mistake)
{
  g_return_val_if_fail (mistake != NULL, FALSE);
  return mistake->removed_at == 0;
}

/**
 * xf_mistake_local_day:
 * @time_us: UTC microseconds
 *
 * Returns: (transfer full): the local day of @time_us, "YYYY-MM-DD", as
 *   the book counts right days
 */
char *
xf_mistake_local_day (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) at = g_date_time_add (utc, time_us);
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  if (local == NULL)
    return g_strdup ("0000-00-00");
  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * xf_mistake_store_record:
 * @question_uuid: the question
 * @version: the version that was answered
 * @correct: whether it was answered right (full marks)
 * @answer: (nullable): what was given, in the question's own letters;
 *   %NULL when nothing was
 * @source: XF_MISTAKE_SOURCE_EXAM, _PRACTICE or _STUDY
 * @source_uuid: (nullable): the attempt or practice session
 * @time_us: when, UTC microseconds
 *
 * Records one answer: a wrong one puts the question in the book (or
 * counts it again and brings it back, its right days forgotten); a right
 * one counts a day towards learning it (see the rule at the top of this
 * file). Writes in the caller's transaction, if any: it never begins one.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
xf_mistake_store_record (XfDatabase  *db,
                         const char  *question_uuid,
                         guint        version,
                         gboolean     correct,
                         const char  *answer,
                         const char  *source,
                         const char  *source_uuid,
                         gint64       time_us,
                         GError     **error)
{
  g_autofree char *day = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (question_uuid != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!correct)
    {
      stmt = xf_database_prepare (db, "INSERT INTO mistakes (question_uuid, version, answer, source, source_uuid, "
                                      "times_wrong, right_days, first_wrong_at, last_wrong_at, updated_at, device_id) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, ?6, ?6, ?6, ?7) "
                                      "ON CONFLICT (question_uuid) DO UPDATE SET version = ?2, answer = ?3, "
                                      "source = ?4, source_uuid = ?5, times_wrong = times_wrong + 1, right_days = 0, "
                                      "last_right_day = NULL, last_wrong_at = max (last_wrong_at, ?6), "
                                      "removed_at = NULL, removed_by = NULL, updated_at = ?6, device_id = ?7",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, question_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, version);
      sqlite3_bind_text (stmt, 3, answer, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, source_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, time_us);
      sqlite3_bind_text (stmt, 7, xf_database_get_device_id (db), -1, SQLITE_STATIC);
      return xf_database_step_done (db, stmt, error);
    }

  day = xf_mistake_local_day (time_us);
  stmt = xf_database_prepare (db, "UPDATE mistakes SET right_days = right_days + 1, last_right_day = ?1, "
                                  "removed_at = CASE WHEN right_days + 1 >= ?2 THEN ?3 END, "
                                  "removed_by = CASE WHEN right_days + 1 >= ?2 THEN 'learned' END, "
                                  "updated_at = ?3, device_id = ?4 "
                                  "WHERE question_uuid = ?5 AND removed_at IS NULL AND last_wrong_at <= ?3 "
                                  "AND (last_right_day IS NULL OR last_right_day < ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, XF_MISTAKE_DAYS_TO_LEARN);
  sqlite3_bind_int64 (stmt, 3, time_us);
  sqlite3_bind_text (stmt, 4, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, question_uuid, -1, SQLITE_TRANSIENT);
  return xf_database_step_done (db, stmt, error);
}

#define MISTAKE_COLUMNS "m.id, m.question_uuid, m.version, m.answer, m.source, m.source_uuid, e.title, " \
                        "m.times_wrong, m.right_days, m.last_right_day, m.first_wrong_at, m.last_wrong_at, " \
                        "m.removed_at, m.removed_by, m.updated_at, m.device_id"

/* The exam's title comes along when the source is an attempt whose exam
 * is still stored */
#define MISTAKE_FROM "FROM mistakes m " \
                     "LEFT JOIN exam_attempts a ON m.source = 'exam' AND a.uuid = m.source_uuid " \
                     "LEFT JOIN exams e ON e.uuid = a.exam_uuid "

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static XfMistake *
mistake_from_row (sqlite3_stmt *stmt)
{
  XfMistake *mistake = g_new0 (XfMistake, 1);

  mistake->id = sqlite3_column_int64 (stmt, 0);
  mistake->question_uuid = dup_column (stmt, 1);
  mistake->version = (guint)MAX (0, sqlite3_column_int (stmt, 2));
  mistake->answer = dup_column (stmt, 3);
  mistake->source = dup_column (stmt, 4);
  mistake->source_uuid = dup_column (stmt, 5);
  mistake->source_title = dup_column (stmt, 6);
  mistake->times_wrong = (guint)MAX (0, sqlite3_column_int (stmt, 7));
  mistake->right_days = (guint)MAX (0, sqlite3_column_int (stmt, 8));
  mistake->last_right_day = dup_column (stmt, 9);
  mistake->first_wrong_at = sqlite3_column_int64 (stmt, 10);
  mistake->last_wrong_at = sqlite3_column_int64 (stmt, 11);
  mistake->removed_at = sqlite3_column_int64 (stmt, 12);
  mistake->removed_by = dup_column (stmt, 13);
  mistake->updated_at = sqlite3_column_int64 (stmt, 14);
  mistake->device_id = dup_column (stmt, 15);
  /* A removal at time 0 still is one */
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL && mistake->removed_at == 0)
    mistake->removed_at = 1;
  return mistake;
}

/**
 * xf_mistake_store_get:
 *
 * Returns: (transfer full) (nullable): the question's row, removed or not;
 *   %NULL with XF_STORE_ERROR_NOT_FOUND when the book never held it
 */
XfMistake *
xf_mistake_store_get (XfDatabase  *db,
                      const char  *question_uuid,
                      GError     **error)
{
  XfMistake *mistake = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (question_uuid != NULL, NULL);

  stmt = xf_database_prepare (db, "SELECT " MISTAKE_COLUMNS " " MISTAKE_FROM "WHERE m.question_uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, question_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    mistake = mistake_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("The question “%s” is not in the mistake book"), question_uuid);
  sqlite3_reset (stmt);
  return mistake;
}

/**
 * xf_mistake_store_list:
 * @include_removed: also the questions that left the book
 *
 * Returns: (transfer container) (element-type XfMistake): the book, the
 *   most recent wrong answer first
 */
GPtrArray *
xf_mistake_store_list (XfDatabase  *db,
                       gboolean     include_removed,
                       GError     **error)
{
  g_autoptr(GPtrArray) mistakes = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_mistake_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db, "SELECT " MISTAKE_COLUMNS " " MISTAKE_FROM
                                  "WHERE ?1 OR m.removed_at IS NULL ORDER BY m.last_wrong_at DESC, m.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_removed ? 1 : 0);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (mistakes, mistake_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&mistakes);
}

/**
 * xf_mistake_store_count_live:
 *
 * Returns: how many questions are in the book, or -1 with @error set
 */
gint
xf_mistake_store_count_live (XfDatabase  *db,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gint n = -1;

  g_return_val_if_fail (XF_IS_DATABASE (db), -1);

  stmt = xf_database_prepare (db, "SELECT count(*) FROM mistakes WHERE removed_at IS NULL", error);
  if (stmt == NULL)
    return -1;
  if (xf_database_step (db, stmt, error) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Changes to many rows are all or nothing: a transaction of their own, or
 * a savepoint in the caller's */
static gboolean
begin_batch (XfDatabase  *db,
             gboolean    *nested,
             GError     **error)
{
  *nested = !sqlite3_get_autocommit (xf_database_get_handle (db));
  if (*nested)
    return xf_database_exec (db, "SAVEPOINT mistakes", error);
  return xf_database_begin (db, error);
}

static gboolean
end_batch (XfDatabase  *db,
           gboolean     nested,
           gboolean     ok,
           GError     **error)
{
  if (ok)
    ok = nested ? xf_database_exec (db, "RELEASE mistakes", error) : xf_database_commit (db, error);
  if (ok)
    return TRUE;
  if (nested)
    {
      xf_database_exec (db, "ROLLBACK TO mistakes", NULL);
      xf_database_exec (db, "RELEASE mistakes", NULL);
    }
  else
    xf_database_rollback (db);
  return FALSE;
}

/* Runs @sql, whose ?1 is a question's UUID, ?2 the time and ?3 the device,
 * for each of @uuids; counts the rows changed */
static gboolean
change_each (XfDatabase          *db,
             const char          *sql,
             const char * const  *uuids,
             gint64               time_us,
             guint               *n_changed,
             GError             **error)
{
  gboolean nested;
  gboolean ok = TRUE;
  guint n = 0;

  if (!begin_batch (db, &nested, error))
    return FALSE;
  for (guint i = 0; ok && uuids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = xf_database_prepare (db, sql, error);

      ok = stmt != NULL;
      if (!ok)
        break;
      sqlite3_bind_text (stmt, 1, uuids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, time_us);
      sqlite3_bind_text (stmt, 3, xf_database_get_device_id (db), -1, SQLITE_STATIC);
      ok = xf_database_step_done (db, stmt, error);
      if (ok)
        n += (guint)sqlite3_changes (xf_database_get_handle (db));
    }
  if (!end_batch (db, nested, ok, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = n;
  return TRUE;
}

/**
 * xf_mistake_store_remove:
 * @question_uuids: (array zero-terminated=1): the questions
 * @time_us: when, UTC microseconds
 * @n_removed: (out) (optional): how many were in the book and left it
 *
 * Takes questions out of the book by hand (removed_by 'person'), all or
 * none. Questions not in the book are passed over.
 */
gboolean
xf_mistake_store_remove (XfDatabase          *db,
                         const char * const  *question_uuids,
                         gint64               time_us,
                         guint               *n_removed,
                         GError             **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (question_uuids != NULL, FALSE);

  return change_each (db, "UPDATE mistakes SET removed_at = ?2, removed_by = 'person', updated_at = ?2, "
                          "device_id = ?3 WHERE question_uuid = ?1 AND removed_at IS NULL",
                      question_uuids, time_us, n_removed, error);
}

/**
 * xf_mistake_store_restore:
 * @question_uuids: (array zero-terminated=1): the questions
 * @time_us: when, UTC microseconds
 * @n_restored: (out) (optional): how many came back
 *
 * Undoes xf_mistake_store_remove() and xf_mistake_store_clear_all(): the
 * questions removed by hand come back as they were, with their count and
 * right days. Questions that left because they were learned stay out.
 */
gboolean
xf_mistake_store_restore (XfDatabase          *db,
                          const char * const  *question_uuids,
                          gint64               time_us,
                          guint               *n_restored,
                          GError             **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (question_uuids != NULL, FALSE);

  return change_each (db, "UPDATE mistakes SET removed_at = NULL, removed_by = NULL, updated_at = ?2, "
                          "device_id = ?3 WHERE question_uuid = ?1 AND removed_by = 'person'",
                      question_uuids, time_us, n_restored, error);
}

/**
 * xf_mistake_store_clear_all:
 * @time_us: when, UTC microseconds
 * @n_removed: (out) (optional): how many left
 *
 * Takes every question out of the book by hand.
 */
gboolean
xf_mistake_store_clear_all (XfDatabase  *db,
                            gint64       time_us,
                            guint       *n_removed,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  /* One statement: all or nothing by itself */
  stmt = xf_database_prepare (db, "UPDATE mistakes SET removed_at = ?1, removed_by = 'person', updated_at = ?1, "
                                  "device_id = ?2 WHERE removed_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, time_us);
  sqlite3_bind_text (stmt, 2, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  if (!xf_database_step_done (db, stmt, error))
    return FALSE;
  if (n_removed != NULL)
    *n_removed = (guint)sqlite3_changes (xf_database_get_handle (db));
  return TRUE;
}
