/* xf-exam-store-attempt.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-exam-store.h"
#include "xf-exam-store-private.h"
#include "xf-mistake-store.h"
#include "xf-study-store.h"

/* Attempts at exams. Every write to an attempt is one transaction
 * committed with synchronous=FULL, so that an answer the caller was told
 * is saved survives a crash or a power cut; SQLite's locks keep two
 * processes answering the same attempt from corrupting it. Time spent on
 * an attempt advances by the wall time between two of its writes when that
 * gap is short (XF_EXAM_GAP_US): the app writes at least every few
 * seconds while it shows the attempt, so time while it was not running
 * does not count. */

void
xf_attempt_free (XfAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->uuid);
  g_free (attempt->exam);
  g_free (attempt->profile);
  g_clear_pointer (&attempt->paper, xf_exam_paper_free);
  g_free (attempt->submitted_by);
  g_clear_pointer (&attempt->answers, g_ptr_array_unref);
  g_clear_pointer (&attempt->flags, g_array_unref);
  g_free (attempt);
}

guint
xf_attempt_get_n_answered (XfAttempt *attempt)
{
  guint n = 0;

  g_return_val_if_fail (attempt != NULL, 0);

  for (guint i = 0; i < attempt->answers->len; i++)
    n += g_ptr_array_index (attempt->answers, i) != NULL;
  return n;
}

/* Returns: the time left, or G_MAXINT64 when @exam sets no limit */
gint64
xf_attempt_get_remaining_us (XfAttempt *attempt,
                             XfExam    *exam)
{
  g_return_val_if_fail (attempt != NULL, 0);

  if (exam == NULL || exam->time_limit_s == 0)
    return G_MAXINT64;
  return MAX (0, (gint64)exam->time_limit_s * G_USEC_PER_SEC - attempt->elapsed_us);
}

#define ATTEMPT_COLUMNS "uuid, exam_uuid, profile, paper, state, elapsed_us, seen_at, started_at, " \
                        "submitted_at, submitted_by, score, total, passed"

static gboolean
load_answers (XfDatabase  *db,
              XfAttempt   *attempt,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  attempt->answers = g_ptr_array_new_full (attempt->paper->items->len, g_free);
  g_ptr_array_set_size (attempt->answers, attempt->paper->items->len);
  stmt = xf_database_prepare (db, "SELECT n, answer FROM exam_answers WHERE attempt_uuid = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_TRANSIENT);
  /* The log in order: the latest answer to a question counts */
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (stmt, 0);

      if (n < 1 || (guint)n > attempt->answers->len)
        continue;
      g_free (attempt->answers->pdata[n - 1]);
      attempt->answers->pdata[n - 1] = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                         ? NULL : g_strdup (xf_exam_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

static gboolean
load_flags (XfDatabase  *db,
            XfAttempt   *attempt,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  attempt->flags = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), attempt->paper->items->len);
  g_array_set_size (attempt->flags, attempt->paper->items->len);
  stmt = xf_database_prepare (db, "SELECT n FROM exam_flags WHERE attempt_uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_TRANSIENT);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (stmt, 0);

      if (n >= 1 && (guint)n <= attempt->flags->len)
        g_array_index (attempt->flags, gboolean, n - 1) = TRUE;
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

static XfAttempt *
attempt_from_row (XfDatabase    *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(XfAttempt) attempt = g_new0 (XfAttempt, 1);

  attempt->uuid = g_strdup (xf_exam_column_text (stmt, 0));
  attempt->exam = g_strdup (xf_exam_column_text (stmt, 1));
  attempt->profile = g_strdup (xf_exam_column_text (stmt, 2));
  attempt->paper = xf_exam_paper_from_json (xf_exam_column_text (stmt, 3), error);
  if (attempt->paper == NULL)
    return NULL;
  attempt->state = g_str_equal (xf_exam_column_text (stmt, 4), "submitted") ? XF_ATTEMPT_SUBMITTED : XF_ATTEMPT_IN_PROGRESS;
  attempt->elapsed_us = sqlite3_column_int64 (stmt, 5);
  attempt->seen_at = sqlite3_column_int64 (stmt, 6);
  attempt->started_at = sqlite3_column_int64 (stmt, 7);
  attempt->submitted_at = sqlite3_column_int64 (stmt, 8);
  attempt->submitted_by = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? NULL : g_strdup (xf_exam_column_text (stmt, 9));
  attempt->graded = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
  attempt->score = sqlite3_column_double (stmt, 10);
  attempt->total = sqlite3_column_double (stmt, 11);
  attempt->passed = sqlite3_column_int (stmt, 12) != 0;
  return g_steal_pointer (&attempt);
}

static XfAttempt *
get_attempt (XfDatabase  *db,
             const char  *uuid,
             GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, "SELECT " ATTEMPT_COLUMNS " FROM exam_attempts WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    attempt = attempt_from_row (db, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NOT_FOUND, _("No attempt is called “%s”"), uuid);
  sqlite3_reset (stmt);
  if (attempt == NULL || !load_answers (db, attempt, error) || !load_flags (db, attempt, error))
    return NULL;
  return g_steal_pointer (&attempt);
}

XfAttempt *
xf_exam_store_get_attempt (XfDatabase  *db,
                           const char  *uuid,
                           GError     **error)
{
  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return get_attempt (db, uuid, error);
}

/**
 * xf_exam_store_list_attempts:
 * @profile: (nullable): only this person's
 *
 * Returns: (transfer container) (element-type XfAttempt): the attempts at
 *   an exam, oldest first
 */
GPtrArray *
xf_exam_store_list_attempts (XfDatabase  *db,
                             const char  *exam_uuid,
                             const char  *profile,
                             GError     **error)
{
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_attempt_free);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (exam_uuid != NULL, NULL);

  stmt = xf_database_prepare (db, "SELECT uuid FROM exam_attempts WHERE exam_uuid = ?1 "
                                  "AND (?2 IS NULL OR profile = ?2) ORDER BY started_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, exam_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, profile, -1, SQLITE_TRANSIENT);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup (xf_exam_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc < 0)
    return NULL;
  for (guint i = 0; i < uuids->len; i++)
    {
      XfAttempt *attempt = get_attempt (db, g_ptr_array_index (uuids, i), error);

      if (attempt == NULL)
        return NULL;
      g_ptr_array_add (attempts, attempt);
    }
  return g_steal_pointer (&attempts);
}

/* Writes to attempts are committed with a sync of the log to the disk:
 * an answer reported saved survives a power cut. */
static gboolean
begin_durable (XfDatabase  *db,
               GError     **error)
{
  return xf_database_exec (db, "PRAGMA synchronous=FULL", error) && xf_database_begin (db, error);
}

static gboolean
commit_durable (XfDatabase  *db,
                GError     **error)
{
  gboolean ok = xf_database_commit (db, error);

  xf_database_exec (db, "PRAGMA synchronous=NORMAL", NULL);
  return ok;
}

static void
rollback_durable (XfDatabase *db)
{
  xf_database_rollback (db);
  xf_database_exec (db, "PRAGMA synchronous=NORMAL", NULL);
}

static guint
count_attempts (XfDatabase  *db,
                const char  *exam_uuid,
                const char  *profile,
                GError     **error)
{
  sqlite3_stmt *stmt;
  guint n = G_MAXUINT;

  stmt = xf_database_prepare (db, "SELECT count(*) FROM exam_attempts WHERE exam_uuid = ? AND profile = ?", error);
  if (stmt == NULL)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, exam_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, profile, -1, SQLITE_TRANSIENT);
  if (xf_database_step (db, stmt, error) == SQLITE_ROW)
    n = (guint)sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * xf_exam_store_start:
 * @profile: (nullable): who takes it
 * @now: UTC microseconds
 *
 * Draws a paper and starts an attempt at @exam, when its window is open
 * and an attempt is left.
 *
 * Returns: (transfer full): the attempt
 */
XfAttempt *
xf_exam_store_start (XfDatabase  *db,
                     XfExam      *exam,
                     const char  *profile,
                     GRand       *rand,
                     gint64       now,
                     GError     **error)
{
  g_autoptr(XfExamPaper) paper = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *paper_json = NULL;
  sqlite3_stmt *stmt;
  guint made;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  if (profile == NULL)
    profile = "";
  if (!xf_exam_is_open (exam, now))
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED, _("The exam “%s” is not open now"), exam->title);
      return NULL;
    }
  if (!begin_durable (db, error))
    return NULL;
  made = count_attempts (db, exam->uuid, profile, error);
  if (made == G_MAXUINT)
    goto fail;
  if (exam->attempts > 0 && made >= exam->attempts)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_NO_ATTEMPTS,
                   g_dngettext (GETTEXT_PACKAGE, "The exam allows %u attempt, and it was made",
                                "The exam allows %u attempts, and all were made", exam->attempts),
                   exam->attempts);
      goto fail;
    }
  paper = xf_exam_store_draw (db, exam, rand, error);
  if (paper == NULL)
    goto fail;
  paper_json = xf_exam_paper_to_json (paper);

  stmt = xf_database_prepare (db, "INSERT INTO exam_attempts (uuid, exam_uuid, profile, paper, seen_at, started_at, "
                                  "created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?5, ?6)",
                              error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, exam->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, profile, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, paper_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_text (stmt, 6, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  if (!xf_database_step_done (db, stmt, error) || !commit_durable (db, error))
    goto fail;
  return get_attempt (db, uuid, error);

fail:
  rollback_durable (db);
  return NULL;
}

/* Time spent since the attempt's last write, when the gap is short */
static void
advance (XfAttempt *attempt,
         gint64     now)
{
  gint64 gap = now - attempt->seen_at;

  if (gap > 0 && gap <= XF_EXAM_GAP_US)
    attempt->elapsed_us += gap;
  attempt->seen_at = MAX (attempt->seen_at, now);
}

static gboolean
write_time (XfDatabase  *db,
            XfAttempt   *attempt,
            gint64       now,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db, "UPDATE exam_attempts SET elapsed_us = ?, seen_at = ?, updated_at = ? "
                                  "WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt->elapsed_us);
  sqlite3_bind_int64 (stmt, 2, attempt->seen_at);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, attempt->uuid, -1, SQLITE_TRANSIENT);
  return xf_database_step_done (db, stmt, error);
}

/**
 * xf_exam_store_grade_attempt:
 *
 * Grades @attempt as it stands, with the questions in the versions its
 * paper names and the scoring of its exam.
 *
 * Returns: (transfer full): the result
 */
XfExamResult *
xf_exam_store_grade_attempt (XfDatabase  *db,
                             XfAttempt   *attempt,
                             GError     **error)
{
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (attempt != NULL, NULL);

  exam = xf_exam_store_get (db, attempt->exam, error);
  if (exam == NULL)
    return NULL;
  questions = xf_exam_store_load_questions (db, attempt->paper, error);
  if (questions == NULL)
    return NULL;
  return xf_exam_grade (exam, attempt->paper, questions, (const char * const *)attempt->answers->pdata);
}

/* In the submission's transaction, so that the 错题本, the study log and
 * the submission commit together: every question the grading marked goes
 * to the book, right or wrong, and rates its study card (right Good,
 * wrong Again). An unanswered question counts as wrong (the person did
 * not know it), and so does a 多选 that earned partial credit (it was not
 * fully known). 简答 are graded by hand later: they are not recorded. */
static gboolean
record_mistakes (XfDatabase    *db,
                 XfAttempt     *attempt,
                 XfExamResult  *result,
                 gint64         now,
                 GError       **error)
{
  for (guint i = 0; i < attempt->paper->items->len && i < result->marks->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfExamMark *mark = &g_array_index (result->marks, XfExamMark, i);
      g_autofree char *answer = NULL;

      if (item->type == XF_QUESTION_ESSAY || mark->pending)
        continue;
      answer = xf_exam_item_unshuffle_answer (item, g_ptr_array_index (attempt->answers, i));
      if (!xf_mistake_store_record (db, item->question, item->version, mark->right, answer,
                                    XF_MISTAKE_SOURCE_EXAM, attempt->uuid, now, error) ||
          !xf_study_store_record_answer (db, item->question, mark->right, now, 0,
                                         XF_STUDY_SOURCE_EXAM, attempt->uuid, error))
        return FALSE;
    }
  return TRUE;
}

/* In a transaction: grades and submits @attempt */
static XfExamResult *
submit (XfDatabase  *db,
        XfAttempt   *attempt,
        const char  *submitted_by,
        gint64       now,
        GError     **error)
{
  g_autoptr(XfExamResult) result = xf_exam_store_grade_attempt (db, attempt, error);
  sqlite3_stmt *stmt;

  if (result == NULL)
    return NULL;
  stmt = xf_database_prepare (db, "UPDATE exam_attempts SET state = 'submitted', elapsed_us = ?, seen_at = ?, "
                                  "submitted_at = ?, submitted_by = ?, score = ?, total = ?, passed = ?, "
                                  "updated_at = ? WHERE uuid = ? AND state = 'in-progress'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attempt->elapsed_us);
  sqlite3_bind_int64 (stmt, 2, attempt->seen_at);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_text (stmt, 4, submitted_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 5, result->score);
  sqlite3_bind_double (stmt, 6, result->total);
  sqlite3_bind_int (stmt, 7, result->passed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_text (stmt, 9, attempt->uuid, -1, SQLITE_TRANSIENT);
  if (!xf_database_step_done (db, stmt, error) || !record_mistakes (db, attempt, result, now, error))
    return NULL;
  attempt->state = XF_ATTEMPT_SUBMITTED;
  return g_steal_pointer (&result);
}

typedef enum
{
  NOT_OVER,
  OVER_SUBMITTED,
  OVER_FAILED,
} Over;

/* Submits @attempt, in the transaction, when its time ran out or its
 * exam's window closed; @code says which. */
static Over
submit_if_over (XfDatabase   *db,
                XfAttempt    *attempt,
                XfExam       *exam,
                gint64        now,
                XfExamError  *code,
                GError      **error)
{
  g_autoptr(XfExamResult) result = NULL;
  gint64 limit;

  if (exam == NULL)
    return NOT_OVER;
  limit = (gint64)exam->time_limit_s * G_USEC_PER_SEC;
  if (exam->time_limit_s > 0 && attempt->elapsed_us >= limit)
    {
      attempt->elapsed_us = limit;
      *code = XF_EXAM_ERROR_TIME_UP;
      result = submit (db, attempt, XF_ATTEMPT_SUBMITTED_TIME_UP, now, error);
    }
  else if (exam->closes_at > 0 && now >= exam->closes_at)
    {
      *code = XF_EXAM_ERROR_CLOSED;
      result = submit (db, attempt, XF_ATTEMPT_SUBMITTED_CLOSED, now, error);
    }
  else
    return NOT_OVER;
  return result != NULL ? OVER_SUBMITTED : OVER_FAILED;
}

/* Begins a durable transaction on an attempt still in progress, with its
 * time brought up to @now (or, to @resume it, only its clock). Returns
 * %NULL, the transaction ended, when it is submitted, or was just
 * submitted because it is over (XF_EXAM_ERROR_TIME_UP or _CLOSED). */
static XfAttempt *
begin_on_attempt (XfDatabase  *db,
                  const char  *uuid,
                  gint64       now,
                  gboolean     resume,
                  XfExam     **exam,
                  GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  XfExamError code = XF_EXAM_ERROR_TIME_UP;

  if (!begin_durable (db, error))
    return NULL;
  attempt = get_attempt (db, uuid, error);
  if (attempt == NULL)
    goto fail;
  if (attempt->state == XF_ATTEMPT_SUBMITTED)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED,
                   _("The attempt was submitted; it cannot change"));
      goto fail;
    }
  /* An exam deleted since: no limit and no window */
  *exam = xf_exam_store_get (db, attempt->exam, NULL);
  if (resume)
    attempt->seen_at = MAX (attempt->seen_at, now);
  else
    advance (attempt, now);
  switch (submit_if_over (db, attempt, *exam, now, &code, error))
    {
    case NOT_OVER:
      return g_steal_pointer (&attempt);
    case OVER_SUBMITTED:
      if (!commit_durable (db, error))
        goto fail;
      g_set_error_literal (error, XF_EXAM_ERROR, code,
                           code == XF_EXAM_ERROR_TIME_UP
                             ? _("The time is up: the attempt was submitted with the answers given")
                             : _("The exam has closed: the attempt was submitted with the answers given"));
      g_clear_pointer (exam, xf_exam_free);
      return NULL;
    case OVER_FAILED:
    default:
      goto fail;
    }

fail:
  g_clear_pointer (exam, xf_exam_free);
  rollback_durable (db);
  return NULL;
}

/**
 * xf_exam_store_resume:
 *
 * Takes an attempt up again after the app was closed (or killed): the
 * time it was not running does not count. An attempt whose time ran out
 * or whose exam closed meanwhile is submitted (XF_EXAM_ERROR_TIME_UP,
 * XF_EXAM_ERROR_CLOSED).
 *
 * Returns: (transfer full): the attempt with its answers
 */
XfAttempt *
xf_exam_store_resume (XfDatabase  *db,
                      const char  *uuid,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExam) exam = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  attempt = begin_on_attempt (db, uuid, now, TRUE, &exam, error);
  if (attempt == NULL)
    return NULL;
  if (!write_time (db, attempt, now, error) || !commit_durable (db, error))
    {
      rollback_durable (db);
      return NULL;
    }
  return g_steal_pointer (&attempt);
}

/**
 * xf_exam_store_answer:
 * @n: the question's place in the paper, from 1
 * @answer: (nullable): as given (see xf_exam_normalize_answer()); %NULL
 *   clears the answer
 *
 * Records an answer; when this returns %TRUE it is on the disk.
 */
gboolean
xf_exam_store_answer (XfDatabase  *db,
                      const char  *uuid,
                      guint        n,
                      const char  *answer,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *answer_uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  attempt = begin_on_attempt (db, uuid, now, FALSE, &exam, error);
  if (attempt == NULL)
    return FALSE;
  if (n < 1 || n > attempt->paper->items->len)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                   _("The paper has no question %u (it has %u)"), n, attempt->paper->items->len);
      goto fail;
    }
  if (answer != NULL)
    {
      canonical = xf_exam_normalize_answer (g_ptr_array_index (attempt->paper->items, n - 1), answer, error);
      if (canonical == NULL)
        goto fail;
    }

  stmt = xf_database_prepare (db, "INSERT INTO exam_answers (uuid, attempt_uuid, n, answer, elapsed_us, "
                                  "created_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, answer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attempt->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int)n);
  sqlite3_bind_text (stmt, 4, canonical, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, attempt->elapsed_us);
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_text (stmt, 7, xf_database_get_device_id (db), -1, SQLITE_STATIC);
  if (!xf_database_step_done (db, stmt, error) || !write_time (db, attempt, now, error) ||
      !commit_durable (db, error))
    goto fail;
  return TRUE;

fail:
  rollback_durable (db);
  return FALSE;
}

/**
 * xf_exam_store_tick:
 *
 * Records the time spent so far (the app calls it every few seconds while
 * the attempt is shown). Submits the attempt when the time is up.
 */
gboolean
xf_exam_store_tick (XfDatabase  *db,
                    const char  *uuid,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExam) exam = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  attempt = begin_on_attempt (db, uuid, now, FALSE, &exam, error);
  if (attempt == NULL)
    return FALSE;
  if (!write_time (db, attempt, now, error) || !commit_durable (db, error))
    {
      rollback_durable (db);
      return FALSE;
    }
  return TRUE;
}

/**
 * xf_exam_store_submit:
 * @submitted_by: XF_ATTEMPT_SUBMITTED_BY_PERSON, or why else
 *
 * Grades and submits an attempt; from then on it cannot change.
 *
 * Returns: (transfer full): the result
 */
XfExamResult *
xf_exam_store_submit (XfDatabase  *db,
                      const char  *uuid,
                      const char  *submitted_by,
                      gint64       now,
                      GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(XfExamResult) result = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  attempt = begin_on_attempt (db, uuid, now, FALSE, &exam, error);
  if (attempt == NULL)
    {
      /* Submitted just now because it was over: that is what was asked */
      if (error != NULL && *error != NULL &&
          (g_error_matches (*error, XF_EXAM_ERROR, XF_EXAM_ERROR_TIME_UP) ||
           (g_error_matches (*error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED))))
        {
          g_autoptr(XfAttempt) over = get_attempt (db, uuid, NULL);

          if (over != NULL && over->state == XF_ATTEMPT_SUBMITTED)
            {
              g_clear_error (error);
              return xf_exam_store_grade_attempt (db, over, error);
            }
        }
      return NULL;
    }
  result = submit (db, attempt, submitted_by != NULL ? submitted_by : XF_ATTEMPT_SUBMITTED_BY_PERSON, now, error);
  if (result == NULL || !commit_durable (db, error))
    {
      rollback_durable (db);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * xf_exam_store_set_flag:
 * @n: the question's place in the paper, from 1
 * @flagged: whether the person means to come back to it
 * @now: UTC microseconds
 *
 * Flags a question of an attempt in progress, or takes the flag off. A
 * flag is a reminder, not an answer: it is committed with the database's
 * usual durability, and it does not count as time spent.
 */
gboolean
xf_exam_store_set_flag (XfDatabase  *db,
                        const char  *uuid,
                        guint        n,
                        gboolean     flagged,
                        gint64       now,
                        GError     **error)
{
  g_autoptr(XfAttempt) attempt = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!xf_database_begin (db, error))
    return FALSE;
  attempt = get_attempt (db, uuid, error);
  if (attempt == NULL)
    goto fail;
  /* The triggers refuse it too, in words meant for programmers */
  if (attempt->state == XF_ATTEMPT_SUBMITTED)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED,
                   _("The attempt was submitted; it cannot change"));
      goto fail;
    }
  if (n < 1 || n > attempt->paper->items->len)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                   _("The paper has no question %u (it has %u)"), n, attempt->paper->items->len);
      goto fail;
    }
  if (flagged)
    stmt = xf_database_prepare (db, "INSERT OR IGNORE INTO exam_flags (attempt_uuid, n, created_at) VALUES (?, ?, ?)",
                                error);
  else
    stmt = xf_database_prepare (db, "DELETE FROM exam_flags WHERE attempt_uuid = ? AND n = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)n);
  if (flagged)
    sqlite3_bind_int64 (stmt, 3, now);
  if (!xf_database_step_done (db, stmt, error) || !xf_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}
