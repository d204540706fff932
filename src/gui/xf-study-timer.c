/* xf-study-timer.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-study-time.h"
#include "xf-study-timer.h"

/* Times a study session while a view is in use. Between start and stop
 * it listens to the input of the watched widget's window (keys, clicks,
 * pointer motion, scrolling) in the capture phase, without taking any
 * event, and feeds an XfStudyClock with the monotonic time, so that a
 * change of the wall clock neither adds nor takes away study time. The
 * session's start and end are stored as wall-clock times: the start as
 * it was, the end as the start plus the monotonic time since.
 *
 * The session is written (upserted under its UUID, see
 * xf_study_time_record_session()) when it stops and every
 * XF_STUDY_TIMER_SAVE_INTERVAL seconds while it runs, so a crash loses
 * at most a minute. Writes go to a thread with a connection of its own
 * to the database's file; a write never shortens the stored row, so the
 * order in which they land does not matter. A database in memory has
 * no file for another connection: the timer of one keeps time and
 * writes nothing. */

struct _XfStudyTimer
{
  GObject             parent_instance;

  char               *path;
  char               *activity;
  GtkWidget          *watched;      /* weak */
  GtkWidget          *target;       /* weak; where the controllers are */
  GPtrArray          *controllers;
  XfStudyClock        clock;
  char               *uuid;
  gint64              started_real;
  gint64              started_mono;
  gint64              stopped_mono;
  guint               save_source;
  guint               pending;
};

G_DEFINE_FINAL_TYPE (XfStudyTimer, xf_study_timer, G_TYPE_OBJECT)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Input */

static void
on_input (XfStudyTimer *self)
{
  xf_study_clock_activity (&self->clock, g_get_monotonic_time ());
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   XfStudyTimer          *self)
{
  on_input (self);
  return GDK_EVENT_PROPAGATE;
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               XfStudyTimer    *self)
{
  on_input (self);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              XfStudyTimer             *self)
{
  on_input (self);
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              XfStudyTimer             *self)
{
  on_input (self);
  return GDK_EVENT_PROPAGATE;
}

static void
add_controller (XfStudyTimer       *self,
                GtkEventController *controller,
                const char         *signal,
                GCallback           callback)
{
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "xf-study-timer");
  g_signal_connect (controller, signal, callback, self);
  gtk_widget_add_controller (self->target, controller);
  g_ptr_array_add (self->controllers, g_object_ref (controller));
}

static void
watch_input (XfStudyTimer *self)
{
  GtkWidget *target;

  if (self->watched == NULL || self->target != NULL)
    return;
  target = GTK_WIDGET (gtk_widget_get_root (self->watched));
  if (target == NULL)
    target = self->watched;
  self->target = target;
  g_object_add_weak_pointer (G_OBJECT (target), (gpointer *)&self->target);

  add_controller (self, gtk_event_controller_key_new (), "key-pressed", G_CALLBACK (on_key_pressed_cb));
  add_controller (self, GTK_EVENT_CONTROLLER (gtk_gesture_click_new ()), "pressed", G_CALLBACK (on_pressed_cb));
  add_controller (self, gtk_event_controller_motion_new (), "motion", G_CALLBACK (on_motion_cb));
  add_controller (self, gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES),
                  "scroll", G_CALLBACK (on_scroll_cb));
}

static void
unwatch_input (XfStudyTimer *self)
{
  for (guint i = 0; i < self->controllers->len; i++)
    {
      GtkEventController *controller = g_ptr_array_index (self->controllers, i);

      g_signal_handlers_disconnect_by_data (controller, self);
      if (self->target != NULL && gtk_event_controller_get_widget (controller) == self->target)
        gtk_widget_remove_controller (self->target, controller);
    }
  g_ptr_array_set_size (self->controllers, 0);
  if (self->target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *)&self->target);
  self->target = NULL;
}

/* Writing */

typedef struct
{
  char           *path;
  XfStudyTimeSession *session;
  GWeakRef        timer;
} Save;

static void
save_free (Save *save)
{
  g_free (save->path);
  xf_study_time_session_free (save->session);
  g_weak_ref_clear (&save->timer);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* A profile deleted meanwhile is not made again */
  if (!g_file_test (save->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s is gone", save->path);
      return;
    }
  if (!(db = xf_database_open (save->path, &error)) ||
      !xf_study_time_record_session (db, save->session, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(XfStudyTimer) self = g_weak_ref_get (&save->timer);
  g_autoptr(GError) error = NULL;

  /* Not a warning: the timer of a view closed with its profile may well
   * find the profile gone */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("Could not store the study session %s: %s", save->session->uuid, error->message);
  if (self == NULL)
    return;
  g_assert (self->pending > 0);
  self->pending--;
  g_signal_emit (self, signals[SAVED], 0, error == NULL);
}

static gint64
now_mono (XfStudyTimer *self)
{
  return self->clock.running ? g_get_monotonic_time () : self->stopped_mono;
}

/**
 * xf_study_timer_save:
 *
 * Writes the session as it stands, in a thread; #XfStudyTimer::saved
 * tells when it is stored. Nothing is written before any time counted.
 */
void
xf_study_timer_save (XfStudyTimer *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 mono;
  Save *save;

  g_return_if_fail (XF_IS_STUDY_TIMER (self));

  if (self->uuid == NULL || self->path == NULL || xf_study_timer_get_active_ms (self) == 0)
    return;
  mono = now_mono (self);
  save = g_new0 (Save, 1);
  save->path = g_strdup (self->path);
  save->session = xf_study_time_session_new (self->activity, self->started_real,
                                        self->started_real + MAX (mono - self->started_mono, 0),
                                        xf_study_clock_sample (&self->clock, mono));
  g_free (save->session->uuid);
  save->session->uuid = g_strdup (self->uuid);
  g_weak_ref_init (&save->timer, self);

  self->pending++;
  task = g_task_new (NULL, NULL, on_saved, NULL);
  g_task_set_source_tag (task, xf_study_timer_save);
  g_task_set_task_data (task, save, (GDestroyNotify)save_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  xf_study_timer_save (XF_STUDY_TIMER (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * xf_study_timer_start:
 *
 * Starts a new session and watches the input from now on. Starting a
 * running timer does nothing.
 */
void
xf_study_timer_start (XfStudyTimer *self)
{
  g_return_if_fail (XF_IS_STUDY_TIMER (self));

  if (self->clock.running)
    return;
  g_free (self->uuid);
  self->uuid = g_uuid_string_random ();
  self->started_real = g_get_real_time ();
  self->started_mono = g_get_monotonic_time ();
  self->stopped_mono = self->started_mono;
  xf_study_clock_start (&self->clock, self->started_mono);
  watch_input (self);
  self->save_source = g_timeout_add_seconds (XF_STUDY_TIMER_SAVE_INTERVAL, on_save_timeout_cb, self);
}

/**
 * xf_study_timer_stop:
 *
 * Ends the session and writes it. The active time stays readable until
 * the next start.
 */
void
xf_study_timer_stop (XfStudyTimer *self)
{
  g_return_if_fail (XF_IS_STUDY_TIMER (self));

  if (!self->clock.running)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  unwatch_input (self);
  self->stopped_mono = g_get_monotonic_time ();
  xf_study_clock_stop (&self->clock, self->stopped_mono);
  xf_study_timer_save (self);
}

gboolean
xf_study_timer_get_running (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), FALSE);
  return self->clock.running;
}

/**
 * xf_study_timer_get_active_ms:
 *
 * Returns: the active time of the session running or last stopped
 */
gint64
xf_study_timer_get_active_ms (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), 0);
  return xf_study_clock_sample (&self->clock, now_mono (self));
}

/**
 * xf_study_timer_get_wall_ms:
 *
 * Returns: how long the session running or last stopped has lasted
 */
gint64
xf_study_timer_get_wall_ms (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), 0);
  if (self->uuid == NULL)
    return 0;
  return (now_mono (self) - self->started_mono) / 1000;
}

/**
 * xf_study_timer_get_session_uuid:
 *
 * Returns: (nullable): the UUID of the session running or last stopped
 */
const char *
xf_study_timer_get_session_uuid (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), NULL);
  return self->uuid;
}

const char *
xf_study_timer_get_activity (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), NULL);
  return self->activity;
}

/**
 * xf_study_timer_get_pending_saves:
 *
 * Returns: how many writes have not landed yet
 */
guint
xf_study_timer_get_pending_saves (XfStudyTimer *self)
{
  g_return_val_if_fail (XF_IS_STUDY_TIMER (self), 0);
  return self->pending;
}

static void
xf_study_timer_dispose (GObject *object)
{
  XfStudyTimer *self = (XfStudyTimer *)object;

  /* A view that goes away ends its session: what was studied is kept */
  xf_study_timer_stop (self);
  unwatch_input (self);
  if (self->watched != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->watched), (gpointer *)&self->watched);
  self->watched = NULL;

  G_OBJECT_CLASS (xf_study_timer_parent_class)->dispose (object);
}

static void
xf_study_timer_finalize (GObject *object)
{
  XfStudyTimer *self = (XfStudyTimer *)object;

  g_clear_pointer (&self->controllers, g_ptr_array_unref);
  g_free (self->path);
  g_free (self->activity);
  g_free (self->uuid);

  G_OBJECT_CLASS (xf_study_timer_parent_class)->finalize (object);
}

static void
xf_study_timer_class_init (XfStudyTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xf_study_timer_dispose;
  object_class->finalize = xf_study_timer_finalize;

  /**
   * XfStudyTimer::saved:
   * @stored: whether the write succeeded
   *
   * A write of the session landed (or failed, with a message).
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
xf_study_timer_init (XfStudyTimer *self)
{
  self->controllers = g_ptr_array_new_with_free_func (g_object_unref);
  xf_study_clock_init (&self->clock);
}

/**
 * xf_study_timer_new:
 * @database: the profile's database; the timer writes to its file on a
 *   connection of its own
 * @watched: a widget of the view studied in; the input of its window
 *   counts (of the widget itself while it has no window)
 * @activity: XF_STUDY_ACTIVITY_STUDY, _PRACTICE, _EXAM or _READING
 *
 * Returns: (transfer full): a timer, stopped
 */
XfStudyTimer *
xf_study_timer_new (XfDatabase *database,
                    GtkWidget  *watched,
                    const char *activity)
{
  XfStudyTimer *self;
  const char *path;

  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (watched), NULL);
  g_return_val_if_fail (xf_study_activity_is_valid (activity), NULL);

  self = g_object_new (XF_TYPE_STUDY_TIMER, NULL);
  path = xf_database_get_path (database);
  if (path != NULL && g_strcmp0 (path, ":memory:") != 0)
    self->path = g_strdup (path);
  self->activity = g_strdup (activity);
  self->watched = watched;
  g_object_add_weak_pointer (G_OBJECT (watched), (gpointer *)&self->watched);
  return self;
}
