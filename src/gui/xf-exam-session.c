/* xf-exam-session.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-session.h"
#include "xf-question-store.h"

/* An attempt at an exam as a window takes it: every read and write of the
 * store runs in a thread, on a connection of the session's own opened on
 * the profile's database file (SQLite connections are not shared across
 * threads, and the window's is the main thread's). The jobs run one at a
 * time in the order they were asked for, so that the log of answers ends
 * with the last one given, and a submission comes after every answer
 * before it. A job once begun is finished even when the window goes: an
 * answer given is written. What the jobs read is kept here, on the main
 * thread, when they return. */

struct _XfExamSession
{
  GObject       parent_instance;

  char         *path;
  XfDatabase   *db;          /* opened by the first job; used by one job at a time */
  GMutex        db_lock;     /* a job's checkpoint may outlast its return */

  GQueue        pending;     /* GTask, waiting their turn */
  GTask        *running;

  XfExam       *exam;
  XfAttempt    *attempt;
  GPtrArray    *questions;   /* XfQuestion, in paper order */
  GPtrArray    *articles;    /* of the result: a GPtrArray of XfArticle a question */
  XfExamResult *result;

  /* The time left when the attempt was opened, and when that was on the
   * monotonic clock: the countdown runs from there. */
  gint64        remaining_us;
  gint64        opened_at;
};

G_DEFINE_FINAL_TYPE (XfExamSession, xf_exam_session, G_TYPE_OBJECT)

typedef enum
{
  JOB_START,
  JOB_RESUME,
  JOB_ANSWER,
  JOB_FLAG,
  JOB_TICK,
  JOB_SUBMIT,
  JOB_LOAD,
} JobKind;

typedef struct
{
  JobKind              kind;
  char                *uuid;          /* the exam's to start, else the attempt's */
  char                *profile;
  guint                n;
  char                *answer;
  gboolean             flagged;
  char                *submitted_by;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  struct _Outcome     *outcome;       /* set in the thread before it returns */
} Job;

/* What a job read */
typedef struct _Outcome
{
  XfExam       *exam;
  XfAttempt    *attempt;
  GPtrArray    *questions;
  GPtrArray    *articles;
  XfExamResult *result;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->exam, xf_exam_free);
  g_clear_pointer (&outcome->attempt, xf_attempt_free);
  g_clear_pointer (&outcome->questions, g_ptr_array_unref);
  g_clear_pointer (&outcome->articles, g_ptr_array_unref);
  g_clear_pointer (&outcome->result, xf_exam_result_free);
  g_free (outcome);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcome, outcome_free)

static void
job_free (Job *job)
{
  g_clear_pointer (&job->outcome, outcome_free);
  g_free (job->uuid);
  g_free (job->profile);
  g_free (job->answer);
  g_free (job->submitted_by);
  g_free (job);
}

/**
 * xf_exam_error_is_over:
 *
 * Returns: whether @error says the attempt ended: its time ran out or its
 *   exam closed, and the store submitted it, or it was submitted before
 */
gboolean
xf_exam_error_is_over (const GError *error)
{
  return g_error_matches (error, XF_EXAM_ERROR, XF_EXAM_ERROR_TIME_UP) ||
         g_error_matches (error, XF_EXAM_ERROR, XF_EXAM_ERROR_CLOSED) ||
         g_error_matches (error, XF_EXAM_ERROR, XF_EXAM_ERROR_SUBMITTED);
}

/* In the job's thread */

static gboolean
read_paper (XfDatabase  *db,
            Outcome     *outcome,
            GError     **error)
{
  if (outcome->exam == NULL)
    outcome->exam = xf_exam_store_get (db, outcome->attempt->exam, error);
  if (outcome->exam == NULL)
    return FALSE;
  outcome->questions = xf_exam_store_load_questions (db, outcome->attempt->paper, error);
  return outcome->questions != NULL;
}

/* The attempt as it ended, graded */
static gboolean
read_result (XfDatabase  *db,
             const char  *uuid,
             Outcome     *outcome,
             GError     **error)
{
  outcome->attempt = xf_exam_store_get_attempt (db, uuid, error);
  if (outcome->attempt == NULL || !read_paper (db, outcome, error))
    return FALSE;
  outcome->result = xf_exam_grade (outcome->exam, outcome->attempt->paper, outcome->questions,
                                   (const char * const *)outcome->attempt->answers->pdata);

  /* The review quotes the articles each question tests */
  outcome->articles = g_ptr_array_new_full (outcome->questions->len, (GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < outcome->questions->len; i++)
    {
      GPtrArray *articles = xf_question_store_load_articles (db, g_ptr_array_index (outcome->questions, i), error);

      if (articles == NULL)
        return FALSE;
      g_ptr_array_add (outcome->articles, articles);
    }
  return TRUE;
}

static Outcome *
run_job (XfDatabase  *db,
         Job         *job,
         GError     **error)
{
  g_autoptr(Outcome) outcome = g_new0 (Outcome, 1);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(XfExamResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  switch (job->kind)
    {
    case JOB_START:
      outcome->exam = xf_exam_store_get (db, job->uuid, error);
      if (outcome->exam == NULL)
        return NULL;
      rand = g_rand_new ();
      outcome->attempt = xf_exam_store_start (db, outcome->exam, job->profile, rand, g_get_real_time (), error);
      if (outcome->attempt == NULL || !read_paper (db, outcome, error))
        return NULL;
      break;

    case JOB_RESUME:
      outcome->attempt = xf_exam_store_resume (db, job->uuid, g_get_real_time (), error);
      if (outcome->attempt == NULL || !read_paper (db, outcome, error))
        return NULL;
      break;

    case JOB_ANSWER:
      if (!xf_exam_store_answer (db, job->uuid, job->n, job->answer, g_get_real_time (), error))
        return NULL;
      break;

    case JOB_FLAG:
      if (!xf_exam_store_set_flag (db, job->uuid, job->n, job->flagged, g_get_real_time (), error))
        return NULL;
      break;

    case JOB_TICK:
      if (!xf_exam_store_tick (db, job->uuid, g_get_real_time (), error))
        return NULL;
      break;

    case JOB_SUBMIT:
      /* An attempt the store ended already (its time ran out at the last
       * tick) has its result as it was submitted. */
      result = xf_exam_store_submit (db, job->uuid, job->submitted_by, g_get_real_time (), &local_error);
      if (result == NULL && !xf_exam_error_is_over (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!read_result (db, job->uuid, outcome, error))
        return NULL;
      break;

    case JOB_LOAD:
      if (!read_result (db, job->uuid, outcome, error))
        return NULL;
      break;

    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&outcome);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  XfExamSession *self = source_object;
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  /* One job runs at a time, but the next may begin while this one still
   * checkpoints after its answer was reported saved. */
  g_mutex_lock (&self->db_lock);
  if (self->db == NULL && (self->db = xf_database_open (self->path, &error)) != NULL)
    xf_database_set_defer_checkpoints (self->db, TRUE);
  if (self->db != NULL && (job->outcome = run_job (self->db, job, &error)) != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  if (self->db != NULL)
    xf_database_checkpoint_if_due (self->db);
  g_mutex_unlock (&self->db_lock);
}

/* On the main thread */

static void run_next (XfExamSession *self);

static void
keep_outcome (XfExamSession *self,
              Job           *job,
              Outcome       *outcome)
{
  switch (job->kind)
    {
    case JOB_START:
    case JOB_RESUME:
      g_clear_pointer (&self->exam, xf_exam_free);
      g_clear_pointer (&self->attempt, xf_attempt_free);
      g_clear_pointer (&self->questions, g_ptr_array_unref);
      self->exam = g_steal_pointer (&outcome->exam);
      self->attempt = g_steal_pointer (&outcome->attempt);
      self->questions = g_steal_pointer (&outcome->questions);
      self->remaining_us = xf_attempt_get_remaining_us (self->attempt, self->exam);
      self->opened_at = g_get_monotonic_time ();
      break;

    case JOB_ANSWER:
      if (self->attempt != NULL && job->n >= 1 && job->n <= self->attempt->answers->len)
        {
          g_free (self->attempt->answers->pdata[job->n - 1]);
          self->attempt->answers->pdata[job->n - 1] = g_strdup (job->answer);
        }
      break;

    case JOB_FLAG:
      if (self->attempt != NULL && self->attempt->flags != NULL && job->n >= 1 && job->n <= self->attempt->flags->len)
        g_array_index (self->attempt->flags, gboolean, job->n - 1) = job->flagged;
      break;

    case JOB_SUBMIT:
    case JOB_LOAD:
      g_clear_pointer (&self->exam, xf_exam_free);
      g_clear_pointer (&self->attempt, xf_attempt_free);
      g_clear_pointer (&self->questions, g_ptr_array_unref);
      g_clear_pointer (&self->articles, g_ptr_array_unref);
      g_clear_pointer (&self->result, xf_exam_result_free);
      self->exam = g_steal_pointer (&outcome->exam);
      self->attempt = g_steal_pointer (&outcome->attempt);
      self->questions = g_steal_pointer (&outcome->questions);
      self->articles = g_steal_pointer (&outcome->articles);
      self->result = g_steal_pointer (&outcome->result);
      self->remaining_us = 0;
      break;

    case JOB_TICK:
    default:
      break;
    }
}

/* A job returned: what it read is kept before its caller hears of it, and
 * the next job begins after. */
static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XfExamSession *self = XF_EXAM_SESSION (source);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);

  g_assert (task == self->running);

  /* Kept even when the caller cancelled: the store has it. */
  if (job->outcome != NULL)
    keep_outcome (self, job, job->outcome);
  if (job->callback != NULL)
    job->callback (source, result, job->user_data);

  g_clear_object (&self->running);
  run_next (self);
}

static void
run_next (XfExamSession *self)
{
  if (self->running != NULL || g_queue_is_empty (&self->pending))
    return;
  self->running = g_queue_pop_head (&self->pending);
  g_task_run_in_thread (self->running, job_thread);
}

static void
queue_job (XfExamSession       *self,
           Job                 *job,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  GTask *task;

  job->callback = callback;
  job->user_data = user_data;
  /* The task's own callback keeps what the job read first. Cancelling
   * only keeps the caller from hearing of it: a write asked for is made. */
  task = g_task_new (self, cancellable, on_job_done, NULL);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_queue_push_tail (&self->pending, task);
  run_next (self);
}

static gboolean
finish_job (XfExamSession  *self,
            GAsyncResult   *result,
            gpointer        source_tag,
            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
xf_exam_session_finalize (GObject *object)
{
  XfExamSession *self = (XfExamSession *)object;

  /* Every job holds the session: none is left when it goes. */
  g_assert (self->running == NULL && g_queue_is_empty (&self->pending));

  g_free (self->path);
  g_clear_object (&self->db);
  g_mutex_clear (&self->db_lock);
  g_clear_pointer (&self->exam, xf_exam_free);
  g_clear_pointer (&self->attempt, xf_attempt_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->result, xf_exam_result_free);

  G_OBJECT_CLASS (xf_exam_session_parent_class)->finalize (object);
}

static void
xf_exam_session_class_init (XfExamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_exam_session_finalize;
}

static void
xf_exam_session_init (XfExamSession *self)
{
  g_queue_init (&self->pending);
  g_mutex_init (&self->db_lock);
}

/**
 * xf_exam_session_new:
 * @db_path: the profile's database file
 *
 * Returns: (transfer full): a session with no attempt yet
 */
XfExamSession *
xf_exam_session_new (const char *db_path)
{
  XfExamSession *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (XF_TYPE_EXAM_SESSION, NULL);
  self->path = g_strdup (db_path);
  return self;
}

const char *
xf_exam_session_get_path (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->path;
}

/**
 * xf_exam_session_get_exam:
 *
 * Returns: (transfer none) (nullable): the exam, once an attempt is open
 */
XfExam *
xf_exam_session_get_exam (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->exam;
}

/**
 * xf_exam_session_get_attempt:
 *
 * Returns: (transfer none) (nullable): the attempt, with the answers the
 *   store has confirmed
 */
XfAttempt *
xf_exam_session_get_attempt (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->attempt;
}

/**
 * xf_exam_session_get_articles:
 *
 * Returns: (transfer none) (nullable): for a submitted attempt, the
 *   articles each question of the paper links to: a #GPtrArray of
 *   #XfArticle (%NULL where the library does not hold one) a question
 */
GPtrArray *
xf_exam_session_get_articles (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->articles;
}

/**
 * xf_exam_session_get_questions:
 *
 * Returns: (transfer none) (nullable) (element-type XfQuestion): the
 *   questions of the paper, in its order
 */
GPtrArray *
xf_exam_session_get_questions (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->questions;
}

/**
 * xf_exam_session_get_result:
 *
 * Returns: (transfer none) (nullable): the result, once the attempt was
 *   submitted or loaded
 */
XfExamResult *
xf_exam_session_get_result (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), NULL);
  return self->result;
}

/**
 * xf_exam_session_get_remaining_us:
 *
 * Returns: the time left now, counted down from when the attempt was
 *   opened; G_MAXINT64 when the exam has no limit
 */
gint64
xf_exam_session_get_remaining_us (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), 0);

  if (self->remaining_us == G_MAXINT64)
    return G_MAXINT64;
  return MAX (0, self->remaining_us - (g_get_monotonic_time () - self->opened_at));
}

/**
 * xf_exam_session_get_n_pending:
 *
 * Returns: how many jobs are running or waiting
 */
guint
xf_exam_session_get_n_pending (XfExamSession *self)
{
  g_return_val_if_fail (XF_IS_EXAM_SESSION (self), 0);
  return g_queue_get_length (&self->pending) + (self->running != NULL);
}

/**
 * xf_exam_session_start_async:
 * @profile: (nullable): who takes it
 *
 * Draws a paper of the exam and starts an attempt at it.
 */
void
xf_exam_session_start_async (XfExamSession       *self,
                             const char          *exam_uuid,
                             const char          *profile,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (exam_uuid != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_START;
  job->uuid = g_strdup (exam_uuid);
  job->profile = g_strdup (profile);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_open_finish);
}

/**
 * xf_exam_session_resume_async:
 *
 * Takes an attempt in progress up again, with its answers and the time it
 * had left. An attempt whose time ran out meanwhile is submitted by the
 * store, and the open fails with XF_EXAM_ERROR_TIME_UP (or _CLOSED).
 */
void
xf_exam_session_resume_async (XfExamSession       *self,
                              const char          *attempt_uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (attempt_uuid != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_RESUME;
  job->uuid = g_strdup (attempt_uuid);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_open_finish);
}

/**
 * xf_exam_session_open_finish:
 *
 * Returns: whether the attempt is open: its exam, paper, questions and
 *   answers are the session's
 */
gboolean
xf_exam_session_open_finish (XfExamSession  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return finish_job (self, result, xf_exam_session_open_finish, error);
}

/**
 * xf_exam_session_answer_async:
 * @n: the question's place in the paper, from 1
 * @answer: (nullable): in the letters shown; %NULL takes the answer back
 *
 * Writes an answer, after every job asked for before.
 */
void
xf_exam_session_answer_async (XfExamSession       *self,
                              guint                n,
                              const char          *answer,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (self->attempt != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_ANSWER;
  job->uuid = g_strdup (self->attempt->uuid);
  job->n = n;
  job->answer = g_strdup (answer);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_answer_finish);
}

/**
 * xf_exam_session_answer_finish:
 * @n: (out) (optional): which question the answer was for
 *
 * Returns: whether the answer is on the disk
 */
gboolean
xf_exam_session_answer_finish (XfExamSession  *self,
                               GAsyncResult   *result,
                               guint          *n,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (n != NULL)
    *n = ((Job *)g_task_get_task_data (G_TASK (result)))->n;
  return finish_job (self, result, xf_exam_session_answer_finish, error);
}

/**
 * xf_exam_session_flag_async:
 * @n: the question's place in the paper, from 1
 * @flagged: whether to flag it or take the flag off
 *
 * Writes a flag, after every job asked for before.
 */
void
xf_exam_session_flag_async (XfExamSession       *self,
                            guint                n,
                            gboolean             flagged,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (self->attempt != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_FLAG;
  job->uuid = g_strdup (self->attempt->uuid);
  job->n = n;
  job->flagged = flagged;
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_flag_finish);
}

/**
 * xf_exam_session_flag_finish:
 * @n: (out) (optional): which question the flag was for
 * @flagged: (out) (optional): what was asked: flagged or not
 *
 * Returns: whether the store has the flag
 */
gboolean
xf_exam_session_flag_finish (XfExamSession  *self,
                             GAsyncResult   *result,
                             guint          *n,
                             gboolean       *flagged,
                             GError        **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (n != NULL)
    *n = job->n;
  if (flagged != NULL)
    *flagged = job->flagged;
  return finish_job (self, result, xf_exam_session_flag_finish, error);
}

/**
 * xf_exam_session_tick_async:
 *
 * Records the time spent so far; the store submits the attempt when its
 * time is up (XF_EXAM_ERROR_TIME_UP).
 */
void
xf_exam_session_tick_async (XfExamSession       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (self->attempt != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_TICK;
  job->uuid = g_strdup (self->attempt->uuid);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_tick_finish);
}

gboolean
xf_exam_session_tick_finish (XfExamSession  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return finish_job (self, result, xf_exam_session_tick_finish, error);
}

/**
 * xf_exam_session_submit_async:
 * @submitted_by: XF_ATTEMPT_SUBMITTED_BY_PERSON, or why else
 *
 * Submits the attempt after every answer asked for before, and reads its
 * result. An attempt the store submitted already gives its result too.
 */
void
xf_exam_session_submit_async (XfExamSession       *self,
                              const char          *submitted_by,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (self->attempt != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_SUBMIT;
  job->uuid = g_strdup (self->attempt->uuid);
  job->submitted_by = g_strdup (submitted_by != NULL ? submitted_by : XF_ATTEMPT_SUBMITTED_BY_PERSON);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_submit_finish);
}

/**
 * xf_exam_session_submit_finish:
 *
 * Returns: whether the attempt is submitted; its result, exam, attempt
 *   and questions are the session's
 */
gboolean
xf_exam_session_submit_finish (XfExamSession  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return finish_job (self, result, xf_exam_session_submit_finish, error);
}

/**
 * xf_exam_session_load_async:
 *
 * Reads a past attempt and grades it as it stands, to review it.
 */
void
xf_exam_session_load_async (XfExamSession       *self,
                            const char          *attempt_uuid,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (XF_IS_EXAM_SESSION (self));
  g_return_if_fail (attempt_uuid != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_LOAD;
  job->uuid = g_strdup (attempt_uuid);
  queue_job (self, job, cancellable, callback, user_data, xf_exam_session_load_finish);
}

gboolean
xf_exam_session_load_finish (XfExamSession  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return finish_job (self, result, xf_exam_session_load_finish, error);
}
