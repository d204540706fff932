/* xf-study-session.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-mistake-store.h"
#include "xf-study-session.h"

/* One sitting of the study page: today's cards in the order shown, where
 * the person is, and the ratings given. A rating moves on at once; its
 * write to the store waits its turn in a queue of jobs that run one at a
 * time in a thread, on a connection of the session's own, so the log
 * keeps the order the ratings were given in and an undo comes after the
 * rating it takes back. A write that fails stops the queue where it is:
 * the rating stays queued until a retry writes it, so none is lost.
 *
 * A card rated into a learning step that falls due today comes back
 * later in the sitting with the state the rating gave it (computed here
 * exactly as the store computes it), among the other learning cards by
 * due time. Learning cards are shown once due, or up to
 * XF_STUDY_LEARN_AHEAD_US early when nothing else is left. */

struct _XfStudySession
{
  GObject          parent_instance;

  char            *path;
  XfDatabase      *db;         /* opened by the first job; used by one job at a time */
  GMutex           db_lock;    /* a job's checkpoint may outlast its return */
  char            *uuid;
  XfStudySettings  settings;
  gint64           day_end;

  GPtrArray       *entries;    /* XfStudyEntry, in the order shown */
  guint            position;
  GPtrArray       *steps;      /* Step, the ratings that can be undone */
  guint            n_studied;
  guint            n_again;
  gint64           time_ms;

  GQueue           jobs;       /* Job, the head is running or failed */
  gboolean         running;
  GError          *error;      /* why the head job failed */
};

G_DEFINE_FINAL_TYPE (XfStudySession, xf_study_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  WRITES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  JOB_RATE,
  JOB_UNDO,
} JobKind;

typedef struct
{
  JobKind       kind;
  XfStudyKind   card_kind;
  char         *key;
  XfFsrsRating  rating;
  gint64        time_us;
  guint         duration_ms;
  /* A question answered: the answer goes to the 错题本 with the rating */
  gboolean      answered;
  gboolean      right;
  char         *answer;
  guint         version;
} Job;

typedef struct
{
  guint         position;  /* of the card rated */
  XfStudyEntry *appended;  /* (unowned) the card again later in the sitting */
  Job          *job;       /* (unowned) its write, while queued */
  XfFsrsRating  rating;
  guint         duration_ms;
} Step;

void
xf_study_entry_free (XfStudyEntry *entry)
{
  g_clear_pointer (&entry->card, xf_study_card_free);
  g_clear_object (&entry->item);
  g_clear_object (&entry->question);
  g_free (entry);
}

static void
job_free (Job *job)
{
  g_free (job->key);
  g_free (job->answer);
  g_free (job);
}

static gboolean
is_learning (const XfStudyCard *card)
{
  return card->fsrs.state == XF_FSRS_STATE_LEARNING || card->fsrs.state == XF_FSRS_STATE_RELEARNING;
}

/**
 * xf_study_session_new:
 * @db_path: the profile's database file
 * @entries: (transfer full) (element-type XfStudyEntry): today's cards,
 *   in the order of xf_study_store_queue()
 * @settings: the desired retention the ratings schedule with
 *
 * Returns: (transfer full): a sitting over @entries
 */
XfStudySession *
xf_study_session_new (const char            *db_path,
                      GPtrArray             *entries,
                      const XfStudySettings *settings)
{
  XfStudySession *self;
  gint64 day_start;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  self = g_object_new (XF_TYPE_STUDY_SESSION, NULL);
  self->path = g_strdup (db_path);
  self->entries = entries;
  self->settings = *settings;
  xf_study_local_day (g_get_real_time (), &day_start, &self->day_end);
  return self;
}

const char *
xf_study_session_get_uuid (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), NULL);
  return self->uuid;
}

/**
 * xf_study_session_get_finished:
 *
 * Returns: whether no card is left to show now: the rest, if any, are
 *   learning cards due later (see xf_study_session_get_next_due())
 */
gboolean
xf_study_session_get_finished (XfStudySession *self)
{
  XfStudyEntry *entry;

  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), TRUE);

  if (self->position >= self->entries->len)
    return TRUE;
  entry = g_ptr_array_index (self->entries, self->position);
  return is_learning (entry->card) &&
         entry->card->fsrs.due * G_USEC_PER_SEC > g_get_real_time () + XF_STUDY_LEARN_AHEAD_US;
}

/**
 * xf_study_session_get_current:
 *
 * Returns: (transfer none) (nullable): the card to show, or %NULL when the
 *   sitting is finished
 */
XfStudyEntry *
xf_study_session_get_current (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), NULL);

  if (xf_study_session_get_finished (self))
    return NULL;
  return g_ptr_array_index (self->entries, self->position);
}

/* 1-based, for "12 / 30" */
guint
xf_study_session_get_position (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return MIN (self->position + 1, self->entries->len);
}

guint
xf_study_session_get_total (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return self->entries->len;
}

/**
 * xf_study_session_count_left:
 *
 * The cards still to show from the current one on, by kind of card.
 */
void
xf_study_session_count_left (XfStudySession *self,
                             guint          *n_new,
                             guint          *n_learning,
                             guint          *n_review)
{
  g_return_if_fail (XF_IS_STUDY_SESSION (self));

  *n_new = *n_learning = *n_review = 0;
  for (guint i = self->position; i < self->entries->len; i++)
    {
      XfStudyEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->card->fsrs.state == XF_FSRS_STATE_NEW)
        (*n_new)++;
      else if (is_learning (entry->card))
        (*n_learning)++;
      else
        (*n_review)++;
    }
}

/**
 * xf_study_session_get_next_due:
 *
 * Returns: when the next card left in the sitting falls due, UTC µs, or
 *   0 when none is left
 */
gint64
xf_study_session_get_next_due (XfStudySession *self)
{
  gint64 next = 0;

  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);

  for (guint i = self->position; i < self->entries->len; i++)
    {
      XfStudyEntry *entry = g_ptr_array_index (self->entries, i);
      gint64 due = entry->card->fsrs.due * G_USEC_PER_SEC;

      if (next == 0 || due < next)
        next = due;
    }
  return next;
}

guint
xf_study_session_get_n_studied (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return self->n_studied;
}

guint
xf_study_session_get_n_again (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return self->n_again;
}

/* Milliseconds spent on the cards rated */
gint64
xf_study_session_get_time_ms (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return self->time_ms;
}

/**
 * xf_study_session_preview:
 * @time_us: when the rating would be given, UTC µs
 *
 * Returns: the state @rating given at @time_us would leave @card in, as
 *   xf_study_store_rate() schedules it
 */
XfFsrsCard
xf_study_session_preview (XfStudySession    *self,
                          const XfStudyCard *card,
                          XfFsrsRating       rating,
                          gint64             time_us)
{
  XfFsrsParams params;
  XfFsrsCard fsrs = card->fsrs;
  gint64 time = time_us / G_USEC_PER_SEC;

  xf_fsrs_params_init_default (&params);
  params.desired_retention = self->settings.retention;
  if (fsrs.state == XF_FSRS_STATE_NEW && fsrs.reps == 0)
    xf_fsrs_card_init (&fsrs, time);
  return xf_fsrs_review (&params, &fsrs, rating, time);
}

/* What a card shows, from plain values */

/**
 * xf_format_study_interval:
 * @seconds: from now until a card is due
 *
 * Returns: (transfer full): "10 分钟", "3 天", "2.5 个月"
 */
char *
xf_format_study_interval (gint64 seconds)
{
  gint64 minutes = MAX ((seconds + 30) / 60, 1);
  double days = seconds / 86400.0;

  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", (gulong)minutes),
                            (guint)minutes);
  if (seconds < 86400 - 1800)
    {
      guint hours = (guint)MAX ((seconds + 1800) / 3600, 1);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);
    }
  if (days < 30.5)
    {
      guint n = (guint)MAX ((seconds + 43200) / 86400, 1);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), n);
    }
  if (days < 365)
    /* TRANSLATORS: an interval in months with one decimal, as in "2.5 months" */
    return g_strdup_printf (_("%.1f months"), days / 30.4375);
  /* TRANSLATORS: an interval in years with one decimal, as in "1.2 years" */
  return g_strdup_printf (_("%.1f years"), days / 365.25);
}

/**
 * xf_format_study_card_kind:
 *
 * Returns: (transfer full): the line above a card: "条文 · 必知" or "单选题"
 */
char *
xf_format_study_card_kind (const XfStudyEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->question != NULL)
    return g_strdup (xf_question_type_to_label (xf_question_get_question_type (entry->question)));
  if (entry->item != NULL && xf_list_item_get_level_label (entry->item) != NULL &&
      xf_list_item_get_level_label (entry->item)[0] != '\0')
    /* TRANSLATORS: above an article card: "Article · must know" */
    return g_strdup_printf (_("Article · %s"), xf_list_item_get_level_label (entry->item));
  return g_strdup (_("Article"));
}

/**
 * xf_study_expected_seconds:
 *
 * Returns: how long answering a question of @type from memory takes: an
 *   answer much slower was worked out, one much faster was known cold
 *   (see xf_fsrs_rating_for_answer())
 */
double
xf_study_expected_seconds (XfQuestionType type)
{
  switch (type)
    {
    case XF_QUESTION_TRUE_FALSE:
      return 15;
    case XF_QUESTION_SINGLE:
      return 30;
    case XF_QUESTION_MULTIPLE:
      return 45;
    case XF_QUESTION_FILL:
      return 40;
    case XF_QUESTION_ESSAY:
    default:
      return 0;
    }
}

/* Writes */

static void process_jobs (XfStudySession *self);
static void rate_card    (XfStudySession *self,
                          XfFsrsRating    rating,
                          gint64          time_us,
                          guint           duration_ms,
                          gboolean        answered,
                          gboolean        right,
                          const char     *answer);

static gboolean
run_job (XfDatabase  *db,
         Job         *job,
         const char  *session,
         GError     **error)
{
  g_autoptr(XfStudyCard) card = NULL;
  g_autoptr(GError) local_error = NULL;

  if (job->kind == JOB_RATE && job->answered)
    {
      /* The rating and the 错题本 in one durable transaction */
      if (!xf_database_exec (db, "PRAGMA synchronous=FULL", error))
        return FALSE;
      if (xf_database_begin (db, &local_error) &&
          (card = xf_study_store_rate (db, job->card_kind, job->key, job->rating, job->time_us, job->duration_ms,
                                       XF_STUDY_SOURCE_STUDY, session, &local_error)) != NULL &&
          xf_mistake_store_record (db, job->key, job->version, job->right, job->answer, XF_MISTAKE_SOURCE_STUDY,
                                   session, job->time_us, &local_error) &&
          xf_database_commit (db, &local_error))
        ;
      else
        {
          g_clear_pointer (&card, xf_study_card_free);
          xf_database_rollback (db);
        }
      xf_database_exec (db, "PRAGMA synchronous=NORMAL", NULL);
    }
  else if (job->kind == JOB_RATE)
    card = xf_study_store_rate (db, job->card_kind, job->key, job->rating, job->time_us, job->duration_ms,
                                XF_STUDY_SOURCE_STUDY, session, &local_error);
  else
    card = xf_study_store_undo_last (db, session, job->time_us, &local_error);
  /* A card whose item or question was deleted meanwhile has nothing left
   * to rate, and a rating gone has nothing left to undo */
  if (card != NULL || g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  XfStudySession *self = source_object;
  GError *error = NULL;

  /* The next job may begin while this one still checkpoints after its
   * rating was reported saved */
  g_mutex_lock (&self->db_lock);
  if (self->db == NULL && (self->db = xf_database_open (self->path, &error)) != NULL)
    xf_database_set_defer_checkpoints (self->db, TRUE);
  if (self->db == NULL || !run_job (self->db, task_data, self->uuid, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  if (self->db != NULL)
    xf_database_checkpoint_if_due (self->db);
  g_mutex_unlock (&self->db_lock);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XfStudySession *self = XF_STUDY_SESSION (source);
  g_autoptr(GError) error = NULL;

  self->running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
  else
    {
      Job *job = g_queue_pop_head (&self->jobs);

      for (guint i = 0; i < self->steps->len; i++)
        {
          Step *step = g_ptr_array_index (self->steps, i);

          if (step->job == job)
            step->job = NULL;
        }
      job_free (job);
    }
  g_signal_emit (self, signals[WRITES_CHANGED], 0);
  process_jobs (self);
}

static void
process_jobs (XfStudySession *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->running || self->error != NULL || g_queue_is_empty (&self->jobs))
    return;
  self->running = TRUE;
  task = g_task_new (self, NULL, on_job_done, NULL);
  g_task_set_source_tag (task, process_jobs);
  g_task_set_task_data (task, g_queue_peek_head (&self->jobs), NULL);
  g_task_run_in_thread (task, job_thread);
}

static Job *
push_job (XfStudySession *self,
          JobKind         kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  g_queue_push_tail (&self->jobs, job);
  return job;
}

/**
 * xf_study_session_rate_answer:
 * @right: whether the answer earned full marks
 * @answer: (nullable): the answer given, in the question's own letters
 *
 * As xf_study_session_rate(), for a question answered: the answer also
 * goes to the 错题本 (a wrong one puts the question in, a right one
 * counts towards taking it out), in the same transaction as the rating.
 */
void
xf_study_session_rate_answer (XfStudySession *self,
                              XfFsrsRating    rating,
                              gint64          time_us,
                              guint           duration_ms,
                              gboolean        right,
                              const char     *answer)
{
  XfStudyEntry *entry;

  g_return_if_fail (XF_IS_STUDY_SESSION (self));

  entry = xf_study_session_get_current (self);
  g_return_if_fail (entry != NULL && entry->question != NULL);

  rate_card (self, rating, time_us, duration_ms, TRUE, right, answer);
}

/**
 * xf_study_session_rate:
 * @time_us: when it was given, UTC µs
 * @duration_ms: from showing the card to the rating
 *
 * Rates the current card and moves on to the next. The rating is written
 * after those before it.
 */
static void
rate_card (XfStudySession *self,
           XfFsrsRating    rating,
           gint64          time_us,
           guint           duration_ms,
           gboolean        answered,
           gboolean        right,
           const char     *answer)
{
  XfStudyEntry *entry;
  Step *step;
  XfFsrsCard next;

  g_return_if_fail (XF_IS_STUDY_SESSION (self));
  g_return_if_fail (rating >= XF_FSRS_RATING_AGAIN && rating <= XF_FSRS_RATING_EASY);

  entry = xf_study_session_get_current (self);
  g_return_if_fail (entry != NULL);

  step = g_new0 (Step, 1);
  step->position = self->position;
  step->rating = rating;
  step->duration_ms = duration_ms;
  step->job = push_job (self, JOB_RATE);
  step->job->card_kind = entry->card->kind;
  step->job->key = g_strdup (entry->card->key);
  step->job->rating = rating;
  step->job->time_us = time_us;
  step->job->duration_ms = duration_ms;
  step->job->answered = answered;
  step->job->right = right;
  step->job->answer = g_strdup (answer);
  if (answered && entry->question != NULL)
    step->job->version = xf_question_get_version (entry->question);

  next = xf_study_session_preview (self, entry->card, rating, time_us);
  if ((next.state == XF_FSRS_STATE_LEARNING || next.state == XF_FSRS_STATE_RELEARNING) &&
      next.due * G_USEC_PER_SEC < self->day_end)
    {
      XfStudyEntry *again = g_new0 (XfStudyEntry, 1);
      guint at = self->entries->len;

      again->card = xf_study_card_copy (entry->card);
      again->card->fsrs = next;
      again->item = entry->item != NULL ? g_object_ref (entry->item) : NULL;
      again->question = entry->question != NULL ? g_object_ref (entry->question) : NULL;
      while (at > self->position + 1)
        {
          XfStudyEntry *before = g_ptr_array_index (self->entries, at - 1);

          if (!is_learning (before->card) || before->card->fsrs.due <= next.due)
            break;
          at--;
        }
      g_ptr_array_insert (self->entries, at, again);
      step->appended = again;
    }
  g_ptr_array_add (self->steps, step);

  self->position++;
  self->n_studied++;
  self->n_again += rating == XF_FSRS_RATING_AGAIN;
  self->time_ms += duration_ms;
  g_signal_emit (self, signals[WRITES_CHANGED], 0);
  process_jobs (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
xf_study_session_rate (XfStudySession *self,
                       XfFsrsRating    rating,
                       gint64          time_us,
                       guint           duration_ms)
{
  rate_card (self, rating, time_us, duration_ms, FALSE, FALSE, NULL);
}

gboolean
xf_study_session_can_undo (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), FALSE);
  return self->steps->len > 0;
}

/**
 * xf_study_session_undo:
 *
 * Takes back the last rating of the sitting: its card is current again,
 * as it was before. A rating not written yet is dropped from the queue;
 * one written is undone in the store after the writes before.
 *
 * Returns: whether there was a rating to take back
 */
gboolean
xf_study_session_undo (XfStudySession *self)
{
  g_autofree Step *step = NULL;
  gboolean failed_head;

  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), FALSE);

  if (self->steps->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);

  if (step->appended != NULL)
    g_ptr_array_remove (self->entries, step->appended);
  self->position = step->position;
  self->n_studied--;
  self->n_again -= step->rating == XF_FSRS_RATING_AGAIN;
  self->time_ms -= step->duration_ms;

  failed_head = step->job != NULL && step->job == g_queue_peek_head (&self->jobs) && self->error != NULL;
  if (step->job != NULL && (!self->running || step->job != g_queue_peek_head (&self->jobs)))
    {
      /* Not written: there is nothing to take back in the store */
      g_queue_remove (&self->jobs, step->job);
      job_free (step->job);
      if (failed_head)
        g_clear_error (&self->error);
    }
  else
    push_job (self, JOB_UNDO)->time_us = g_get_real_time ();

  g_signal_emit (self, signals[WRITES_CHANGED], 0);
  process_jobs (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * xf_study_session_get_n_pending:
 *
 * Returns: how many writes are not done yet, a failed one included
 */
guint
xf_study_session_get_n_pending (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), 0);
  return g_queue_get_length (&self->jobs);
}

/**
 * xf_study_session_get_write_error:
 *
 * Returns: (nullable): why the writes stopped, until a retry
 */
const GError *
xf_study_session_get_write_error (XfStudySession *self)
{
  g_return_val_if_fail (XF_IS_STUDY_SESSION (self), NULL);
  return self->error;
}

/**
 * xf_study_session_retry:
 *
 * Tries the write that failed again, and the ones after it.
 */
void
xf_study_session_retry (XfStudySession *self)
{
  g_return_if_fail (XF_IS_STUDY_SESSION (self));

  g_clear_error (&self->error);
  g_signal_emit (self, signals[WRITES_CHANGED], 0);
  process_jobs (self);
}

/**
 * xf_study_session_flush:
 * @db: a connection of the main thread to the same database
 *
 * Writes what is queued now, on @db, as the page that shows the sitting
 * goes. While a write is running in its thread the rest follow it there
 * instead, as the session lives on until they are done.
 */
void
xf_study_session_flush (XfStudySession *self,
                        XfDatabase     *db)
{
  Job *job;

  g_return_if_fail (XF_IS_STUDY_SESSION (self));
  g_return_if_fail (XF_IS_DATABASE (db));

  if (self->running)
    return;
  while ((job = g_queue_peek_head (&self->jobs)) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!run_job (db, job, self->uuid, &error))
        {
          g_warning ("A rating could not be written: %s", error->message);
          break;
        }
      job_free (g_queue_pop_head (&self->jobs));
    }
  g_ptr_array_set_size (self->steps, 0);
}

static void
xf_study_session_finalize (GObject *object)
{
  XfStudySession *self = (XfStudySession *)object;

  g_queue_clear_full (&self->jobs, (GDestroyNotify)job_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_mutex_clear (&self->db_lock);
  g_free (self->path);
  g_free (self->uuid);

  G_OBJECT_CLASS (xf_study_session_parent_class)->finalize (object);
}

static void
xf_study_session_class_init (XfStudySessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_study_session_finalize;

  /**
   * XfStudySession::changed:
   *
   * The current card changed: a rating or an undo.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 0);
  /**
   * XfStudySession::writes-changed:
   *
   * A write was queued, done or failed.
   */
  signals[WRITES_CHANGED] = g_signal_new ("writes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xf_study_session_init (XfStudySession *self)
{
  self->uuid = g_uuid_string_random ();
  self->steps = g_ptr_array_new_with_free_func (g_free);
  g_queue_init (&self->jobs);
  g_mutex_init (&self->db_lock);
}
