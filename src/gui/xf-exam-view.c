/* xf-exam-view.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-view-private.h"

/* An attempt at an exam, one question at a time or the whole paper in
 * one column (the "layout", kept in the settings), with the time left
 * and an answer sheet. The view stands in for the window's content while
 * the attempt runs. Every answer and flag is written as it is given, the
 * time spent every few seconds; when the time is up the paper is
 * submitted with the answers given. An attempt left without submitting
 * (xf_exam_view_leave(), the app killed, the window destroyed) is taken
 * up again with xf_exam_view_resume(). */

G_DEFINE_FINAL_TYPE (XfExamView, xf_exam_view, GTK_TYPE_WIDGET)

/* The store counts a gap of more than XF_EXAM_GAP_US between two writes as
 * time away: the view writes well within it, and a timeout in seconds may
 * fire up to a second late. */
#define TICK_SECONDS    4
#define CLOCK_MS        250
#define LEAVE_POLL_MS   50

enum {
  PROP_0,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  FAILED,
  LEFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
xf_exam_view_toast (XfExamView *self,
                    const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

void
xf_exam_view_actions_update (XfExamView *self)
{
  gboolean open = self->running && !self->submitting && !self->leaving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.previous", open && self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.next", open && self->current + 1 < self->n_questions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.go", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.flag", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam.submit", open);
}

static void
stop_timers (XfExamView *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->essay_save_id, g_source_remove);
  g_clear_handle_id (&self->leave_id, g_source_remove);
}

static void
clear_questions (XfExamView *self)
{
  for (guint i = 0; i < self->n_questions; i++)
    {
      g_free (self->questions[i].answer);
      g_free (self->questions[i].error);
    }
  g_clear_pointer (&self->questions, g_free);
  self->n_questions = 0;
  self->current = 0;
  self->shown = G_MAXUINT;
}

/* Forgets the attempt shown: the jobs it asked for still run, unheard. */
static void
reset (XfExamView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  stop_timers (self);
  if (self->sheet_grid != NULL)
    xf_exam_view_clear_sheet (self);
  if (self->paper_box != NULL)
    xf_exam_view_paper_clear (self);
  clear_questions (self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->attempt_uuid, g_free);
  self->running = FALSE;
  self->submitting = FALSE;
  self->leaving = FALSE;
  self->warned = FALSE;
  self->tick_pending = FALSE;
}

static void
show_loading (XfExamView *self,
              const char *title)
{
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  xf_exam_view_actions_update (self);
}

static void
update_countdown (XfExamView *self,
                  gint64      remaining)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->countdown_box, remaining != G_MAXINT64);
  if (remaining == G_MAXINT64)
    return;
  text = xf_format_countdown (remaining);
  gtk_label_set_text (self->countdown_label, text);
  if (remaining <= XF_EXAM_WARNING_US)
    {
      gtk_widget_add_css_class (self->countdown_box, "warning");
      if (!self->warned && remaining > 0)
        {
          g_autofree char *message = NULL;
          guint minutes = (guint)((remaining + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC));

          self->warned = TRUE;
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute left", "%u minutes left", minutes),
                                     minutes);
          xf_exam_view_toast (self, message);
        }
    }
  else
    gtk_widget_remove_css_class (self->countdown_box, "warning");
}

static void start_timers (XfExamView *self);

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XfExamView) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExamSession *session = XF_EXAM_SESSION (source);
  gboolean done;

  if (g_async_result_is_tagged (result, xf_exam_session_load_finish))
    done = xf_exam_session_load_finish (session, result, &error);
  else
    done = xf_exam_session_submit_finish (session, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
    return;

  self->submitting = FALSE;
  gtk_spinner_stop (self->spinner);
  if (!done)
    {
      g_autofree char *message = g_strdup_printf (_("The paper could not be submitted: %s"), error->message);

      if (!self->running)
        {
          g_signal_emit (self, signals[FAILED], 0, error);
          return;
        }
      /* Still open: the person may try again, and the time runs on. */
      xf_exam_view_toast (self, message);
      gtk_stack_set_visible_child_name (self->stack, "question");
      xf_exam_view_actions_update (self);
      start_timers (self);
      return;
    }

  self->running = FALSE;
  xf_exam_view_actions_update (self);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
submit (XfExamView *self,
        const char *submitted_by,
        gboolean    give_typed)
{
  if (!self->running || self->submitting)
    return;
  /* Submitted while leaving: the window closes on the result instead */
  g_clear_handle_id (&self->leave_id, g_source_remove);
  self->leaving = FALSE;
  if (give_typed)
    xf_exam_view_commit_text (self);
  self->submitting = TRUE;
  stop_timers (self);
  show_loading (self, _("Submitting the paper…"));
  /* After every answer written before it */
  xf_exam_session_submit_async (self->session, submitted_by, self->cancellable, on_submitted, g_object_ref (self));
}

/**
 * xf_exam_view_submit:
 * @submitted_by: XF_ATTEMPT_SUBMITTED_BY_PERSON, or why else
 *
 * Submits the attempt without asking, with the answers given, typed ones
 * included. #XfExamView::finished tells when it is graded.
 */
void
xf_exam_view_submit (XfExamView *self,
                     const char *submitted_by)
{
  g_return_if_fail (XF_IS_EXAM_VIEW (self));

  submit (self, submitted_by, TRUE);
}

/* The store ended the attempt (its time ran out, its exam closed): what
 * it submitted is read back. */
void
xf_exam_view_over (XfExamView *self,
                   const char *message)
{
  if (!self->running || self->submitting)
    return;
  xf_exam_view_toast (self, message);
  submit (self, XF_ATTEMPT_SUBMITTED_TIME_UP, FALSE);
}

static gboolean
clock_cb (gpointer user_data)
{
  XfExamView *self = user_data;
  gint64 remaining = xf_exam_session_get_remaining_us (self->session);

  update_countdown (self, remaining);
  if (remaining <= 0)
    {
      self->clock_id = 0;
      xf_exam_view_toast (self, _("The time is up: the paper was submitted with the answers given"));
      submit (self, XF_ATTEMPT_SUBMITTED_TIME_UP, TRUE);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_ticked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfExamView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (xf_exam_session_tick_finish (XF_EXAM_SESSION (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || XF_EXAM_SESSION (source) != self->session)
    {
      if (XF_EXAM_SESSION (source) == self->session)
        self->tick_pending = FALSE;
      return;
    }
  self->tick_pending = FALSE;
  /* Otherwise the next write counts the time since, within XF_EXAM_GAP_US */
  if (xf_exam_error_is_over (error))
    xf_exam_view_over (self, error->message);
  else
    g_debug ("Cannot record the time spent on the exam: %s", error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  XfExamView *self = user_data;

  /* Answers write the time too: a tick waiting behind them is enough. */
  if (!self->tick_pending && self->running && !self->submitting)
    {
      self->tick_pending = TRUE;
      xf_exam_session_tick_async (self->session, self->cancellable, on_ticked, g_object_ref (self));
    }
  return G_SOURCE_CONTINUE;
}

/* Once the time is up, a submission that failed is tried again at the
 * next tick, when the store reports the time up: not at every turn of
 * the clock. */
static void
start_timers (XfExamView *self)
{
  gint64 remaining = xf_exam_session_get_remaining_us (self->session);

  update_countdown (self, remaining);
  if (self->clock_id == 0 && remaining > 0)
    self->clock_id = g_timeout_add (CLOCK_MS, clock_cb, self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static guint
first_unanswered (XfExamView *self)
{
  for (guint i = 0; i < self->n_questions; i++)
    if (self->questions[i].answer == NULL)
      return i;
  return 0;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfExamView) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExamSession *session = XF_EXAM_SESSION (source);
  XfAttempt *attempt;
  XfExam *exam;
  g_autofree char *facts = NULL;

  if (!xf_exam_session_open_finish (session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
        return;
      /* Its time ran out while the app was away: the store submitted it. */
      if (xf_exam_error_is_over (error) && self->attempt_uuid != NULL)
        {
          xf_exam_view_toast (self, error->message);
          self->submitting = TRUE;
          show_loading (self, _("Reading the result…"));
          xf_exam_session_load_async (session, self->attempt_uuid, self->cancellable, on_submitted,
                                      g_object_ref (self));
          return;
        }
      gtk_spinner_stop (self->spinner);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }
  if (session != self->session)
    return;

  attempt = xf_exam_session_get_attempt (session);
  exam = xf_exam_session_get_exam (session);
  g_free (self->attempt_uuid);
  self->attempt_uuid = g_strdup (attempt->uuid);
  self->n_questions = attempt->paper->items->len;
  self->questions = g_new0 (XfExamViewQuestion, MAX (self->n_questions, 1));
  for (guint i = 0; i < self->n_questions; i++)
    {
      self->questions[i].answer = g_strdup (g_ptr_array_index (attempt->answers, i));
      self->questions[i].flagged = attempt->flags != NULL && g_array_index (attempt->flags, gboolean, i);
    }
  self->current = G_MAXUINT;
  self->running = TRUE;

  facts = xf_format_exam_facts (exam);
  adw_window_title_set_title (self->window_title, exam->title);
  adw_window_title_set_subtitle (self->window_title, facts);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "question");
  xf_exam_view_build_sheet (self);
  if (self->paper)
    {
      self->current = first_unanswered (self);
      xf_exam_view_paper_build (self);
      xf_exam_view_paper_scroll_to (self, self->current, TRUE);
      xf_exam_view_update_question (self, self->current);
    }
  else
    xf_exam_view_show_question (self, first_unanswered (self));
  xf_exam_view_actions_update (self);
  start_timers (self);
}

/**
 * xf_exam_view_start:
 * @db_path: the profile's database
 * @profile: (nullable): who takes it
 *
 * Draws a paper of the exam and shows its first question. An exam that
 * cannot be started now emits #XfExamView::failed with the reason.
 */
void
xf_exam_view_start (XfExamView *self,
                    const char *db_path,
                    const char *exam_uuid,
                    const char *profile)
{
  g_return_if_fail (XF_IS_EXAM_VIEW (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (exam_uuid != NULL);

  reset (self);
  self->session = xf_exam_session_new (db_path);
  adw_window_title_set_title (self->window_title, _("Exam"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_widget_set_visible (self->countdown_box, FALSE);
  show_loading (self, _("Preparing the paper…"));
  xf_exam_session_start_async (self->session, exam_uuid, profile, self->cancellable, on_opened,
                               g_object_ref (self));
}

/**
 * xf_exam_view_resume:
 *
 * Takes an attempt in progress up again, with every answer it has and the
 * time it had left. One whose time ran out meanwhile was submitted by the
 * store: the view reads its result and emits #XfExamView::finished.
 */
void
xf_exam_view_resume (XfExamView *self,
                     const char *db_path,
                     const char *attempt_uuid)
{
  g_return_if_fail (XF_IS_EXAM_VIEW (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (attempt_uuid != NULL);

  reset (self);
  self->session = xf_exam_session_new (db_path);
  self->attempt_uuid = g_strdup (attempt_uuid);
  adw_window_title_set_title (self->window_title, _("Exam"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_widget_set_visible (self->countdown_box, FALSE);
  show_loading (self, _("Taking up the attempt again…"));
  xf_exam_session_resume_async (self->session, attempt_uuid, self->cancellable, on_opened, g_object_ref (self));
}

static gboolean
any_failed (XfExamView *self)
{
  for (guint i = 0; i < self->n_questions; i++)
    if (self->questions[i].error != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
leave_cb (gpointer user_data)
{
  XfExamView *self = user_data;

  if (xf_exam_session_get_n_pending (self->session) > 0)
    return G_SOURCE_CONTINUE;
  self->leave_id = 0;
  /* An answer the store refused is not left behind unsaid */
  if (any_failed (self))
    {
      self->leaving = FALSE;
      xf_exam_view_toast (self, _("Some answers could not be saved: give them again, or submit the paper"));
      gtk_stack_set_visible_child_name (self->stack, "question");
      xf_exam_view_actions_update (self);
      start_timers (self);
      g_signal_emit (self, signals[LEFT], 0, FALSE);
      return G_SOURCE_REMOVE;
    }
  reset (self);
  g_signal_emit (self, signals[LEFT], 0, TRUE);
  return G_SOURCE_REMOVE;
}

/**
 * xf_exam_view_leave:
 *
 * Stops showing the attempt without submitting it: the typed answers are
 * given, and once every answer and flag asked for is on the disk the view
 * lets the attempt go and emits #XfExamView::left. Its clock stops until
 * it is taken up again with xf_exam_view_resume().
 */
void
xf_exam_view_leave (XfExamView *self)
{
  g_return_if_fail (XF_IS_EXAM_VIEW (self));

  if (self->submitting || self->leaving)
    return;
  if (!self->running)
    {
      /* Still being opened: it can be taken up again from the list */
      reset (self);
      g_signal_emit (self, signals[LEFT], 0, TRUE);
      return;
    }
  xf_exam_view_commit_text (self);
  stop_timers (self);
  self->leaving = TRUE;
  show_loading (self, _("Saving the answers…"));
  self->leave_id = g_timeout_add (LEAVE_POLL_MS, leave_cb, self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfExamView *self = XF_EXAM_VIEW (widget);

  if (self->current > 0)
    xf_exam_view_go_to (self, self->current - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfExamView *self = XF_EXAM_VIEW (widget);

  xf_exam_view_go_to (self, self->current + 1);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  xf_exam_view_go_to (XF_EXAM_VIEW (widget), g_variant_get_uint32 (parameter));
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xf_exam_view_toggle_flag (XF_EXAM_VIEW (widget));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xf_exam_view_ask_submit (XF_EXAM_VIEW (widget));
}

static void
xf_exam_view_dispose (GObject *object)
{
  XfExamView *self = (XfExamView *)object;
  GtkWidget *child;

  reset (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAM_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_exam_view_parent_class)->dispose (object);
}

static void
xf_exam_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_exam_view_parent_class)->root (widget);
  xf_exam_view_paper_root (widget);
}

static void
xf_exam_view_unroot (GtkWidget *widget)
{
  xf_exam_view_paper_unroot (widget);
  GTK_WIDGET_CLASS (xf_exam_view_parent_class)->unroot (widget);
}

static void
xf_exam_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XfExamView *self = XF_EXAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_string (value, xf_exam_view_get_layout (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_exam_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XfExamView *self = XF_EXAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      xf_exam_view_set_layout (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_exam_view_class_init (XfExamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_view_dispose;
  object_class->get_property = xf_exam_view_get_property;
  object_class->set_property = xf_exam_view_set_property;
  widget_class->root = xf_exam_view_root;
  widget_class->unroot = xf_exam_view_unroot;

  /**
   * XfExamView:layout:
   *
   * "question" shows one question at a time, "paper" the whole paper.
   */
  properties[PROP_LAYOUT] = g_param_spec_string ("layout", NULL, NULL, "question",
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfExamView::finished:
   *
   * The attempt was submitted and graded: the session holds its result.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);
  /**
   * XfExamView::failed:
   * @error: why
   *
   * The attempt could not be started or taken up again.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /**
   * XfExamView::left:
   * @done: whether the attempt was let go; %FALSE when an answer could
   *   not be saved and the attempt is shown again
   *
   * What xf_exam_view_leave() asked for is over.
   */
  signals[LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamView, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, countdown_box);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, loading_page);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, layout_stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, bar);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, paper_scroller);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, paper_box);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, position_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, options_box);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, fill_entry);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, essay_scroller);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, essay_view);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, save_icon);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, save_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, flag_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamView, sheet_grid);

  gtk_widget_class_install_action (widget_class, "exam.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "exam.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "exam.go", "u", go_action);
  gtk_widget_class_install_action (widget_class, "exam.flag", NULL, flag_action);
  gtk_widget_class_install_action (widget_class, "exam.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "exam.switch-layout", NULL, xf_exam_view_switch_layout_action);
  gtk_widget_class_install_property_action (widget_class, "exam.layout", "layout");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_exam_view_init (XfExamView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->option_buttons = g_ptr_array_new ();
  self->shown = G_MAXUINT;
  xf_exam_view_setup_input (self);
  xf_exam_view_paper_setup (self);
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "exam-layout", self, "layout", G_SETTINGS_BIND_DEFAULT);
  xf_exam_view_actions_update (self);
}

GtkWidget *
xf_exam_view_new (void)
{
  return g_object_new (XF_TYPE_EXAM_VIEW, NULL);
}

/**
 * xf_exam_view_get_session:
 *
 * Returns: (transfer none) (nullable): the session of the attempt shown
 */
XfExamSession *
xf_exam_view_get_session (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), NULL);
  return self->session;
}

/**
 * xf_exam_view_get_running:
 *
 * Returns: whether an attempt is open and not yet submitted
 */
gboolean
xf_exam_view_get_running (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), FALSE);
  return self->running;
}

/**
 * xf_exam_view_get_page:
 *
 * Returns: "loading" while the paper is read or submitted, "question"
 *   while it is answered
 */
const char *
xf_exam_view_get_page (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
xf_exam_view_get_current (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), 0);
  return self->current;
}

void
xf_exam_view_go_to (XfExamView *self,
                    guint       index)
{
  g_return_if_fail (XF_IS_EXAM_VIEW (self));

  if (!self->running || self->submitting || index >= self->n_questions)
    return;
  if (self->paper)
    {
      xf_exam_view_set_current (self, index);
      xf_exam_view_paper_scroll_to (self, index, TRUE);
    }
  else if (index != self->current)
    xf_exam_view_show_question (self, index);
  xf_exam_view_actions_update (self);
}
