/* xf-window-exams.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-editor.h"
#include "xf-exam-format.h"
#include "xf-exam-stats-view.h"
#include "xf-exam-store.h"
#include "xf-window-private.h"

/* Exams in the window: an attempt stands in for the window's content
 * until it is submitted, then its result does until the person is done
 * with it. Closing the window during an attempt asks whether to submit
 * it or to continue it later. */

/**
 * xf_window_get_in_exam:
 *
 * Returns: whether an attempt or its result stands in for the pages
 */
gboolean
xf_window_get_in_exam (XfWindow *self)
{
  const char *shown;

  g_return_val_if_fail (XF_IS_WINDOW (self), FALSE);

  shown = gtk_stack_get_visible_child_name (self->main_stack);
  return g_strcmp0 (shown, "exam") == 0 || g_strcmp0 (shown, "results") == 0;
}

static void
show_main (XfWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "exams");
  xf_exams_page_reload (self->exams_page);
  xf_window_actions_update (self);
}

static void
start_exam_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->database == NULL || xf_exam_view_get_running (self->exam_view))
    return;
  xf_window_end_search (self);
  xf_exam_view_start (self->exam_view, xf_database_get_path (self->database), g_variant_get_string (parameter, NULL),
                      self->profile != NULL ? xf_profile_get_name (self->profile) : NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "exam");
  xf_window_actions_update (self);
}

static void
resume_exam_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->database == NULL || xf_exam_view_get_running (self->exam_view))
    return;
  xf_window_end_search (self);
  xf_exam_view_resume (self->exam_view, xf_database_get_path (self->database), g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child_name (self->main_stack, "exam");
  xf_window_actions_update (self);
}

static void
show_attempt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->database == NULL)
    return;
  xf_exam_results_set_profile (self->exam_results, self->profile);
  xf_exam_results_load (self->exam_results, xf_database_get_path (self->database),
                        g_variant_get_string (parameter, NULL));
  gtk_stack_set_visible_child_name (self->main_stack, "results");
  xf_window_actions_update (self);
}

static void
on_exam_saved_cb (XfWindow     *self,
                  XfExam       *exam,
                  XfExamEditor *editor)
{
  g_autofree char *message = g_strdup_printf (_("Exam “%s” saved"), exam->title);

  xf_exams_page_reload (self->exams_page);
  xf_window_show_toast (self, message);
}

/* A new exam, or (with a UUID) a stored one, in the editor */
static void
edit_exam_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GError) error = NULL;
  XfExamEditor *editor;

  if (self->database == NULL || xf_window_get_in_exam (self))
    return;
  if (parameter != NULL)
    {
      exam = xf_exam_store_get (self->database, g_variant_get_string (parameter, NULL), &error);
      if (exam == NULL)
        {
          xf_window_show_toast (self, error->message);
          return;
        }
    }
  editor = xf_exam_editor_new (GTK_WINDOW (self), xf_database_get_path (self->database), exam);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_exam_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* The statistics of an exam, in a window of their own. Not during an
 * attempt: they name every question's key. */
static void
exam_stats_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  XfExamStatsView *view;

  if (self->database == NULL || xf_window_get_in_exam (self))
    return;
  view = xf_exam_stats_view_new (GTK_WINDOW (self), xf_database_get_path (self->database),
                                 g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (view));
}

static void
close_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_main (XF_WINDOW (widget));
}

/* The keys of the results' report work wherever the focus is */
static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "results") != 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->exam_results),
                              g_str_equal (action_name, "win.print-report") ? "results.print-report"
                                                                            : "results.export-report",
                              NULL);
}

static void
on_exam_view_finished_cb (XfWindow   *self,
                          XfExamView *view)
{
  xf_exam_results_set_profile (self->exam_results, self->profile);
  xf_exam_results_show (self->exam_results, xf_exam_view_get_session (view));
  gtk_stack_set_visible_child_name (self->main_stack, "results");
  xf_exams_page_reload (self->exams_page);
  /* The submission wrote the 错题本 */
  xf_mistakes_page_reload (self->mistakes_page);
  xf_window_actions_update (self);

  if (self->close_after_exam)
    {
      self->close_after_exam = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_exam_view_failed_cb (XfWindow     *self,
                        const GError *error,
                        XfExamView   *view)
{
  g_autofree char *message = g_strdup_printf (_("The exam could not be opened: %s"), error->message);

  self->close_after_exam = FALSE;
  show_main (self);
  xf_window_show_toast (self, message);
}

/* Left to continue later: the window goes, unless an answer could not
 * be saved and the attempt shows again. */
static void
on_exam_view_left_cb (XfWindow   *self,
                      gboolean    done,
                      XfExamView *view)
{
  gboolean close = self->close_after_exam;

  self->close_after_exam = FALSE;
  if (!done)
    return;
  show_main (self);
  if (close)
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_close_dialog_response_cb (XfWindow         *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "later") == 0)
    {
      self->close_after_exam = TRUE;
      xf_exam_view_leave (self->exam_view);
    }
  else if (g_strcmp0 (response, "submit") == 0 && xf_exam_view_get_running (self->exam_view))
    {
      self->close_after_exam = TRUE;
      xf_exam_view_submit (self->exam_view, XF_ATTEMPT_SUBMITTED_BY_PERSON);
    }
}

static void
on_close_dialog_destroy_cb (XfWindow *self)
{
  self->close_dialog = NULL;
}

/* What each answer does, and what happens to the attempt meanwhile: a
 * paragraph each */
static char *
close_dialog_body (XfWindow *self)
{
  XfExamSession *session = xf_exam_view_get_session (self->exam_view);
  XfExam *exam = session != NULL ? xf_exam_session_get_exam (session) : NULL;
  g_autoptr(GArray) unanswered = xf_exam_view_dup_unanswered (self->exam_view);
  g_autofree char *later = NULL;
  g_autofree char *submit = NULL;

  if (exam != NULL && exam->closes_at > 0)
    {
      g_autofree char *when = xf_format_attempt_time (exam->closes_at);

      /* TRANSLATORS: %s is a date and time */
      later = g_strdup_printf (_("Continue later: every answer given is saved, and the clock stops while Xuefa is "
                                 "closed. The exam closes at %s: an attempt still open then is submitted with the "
                                 "answers given."), when);
    }
  else
    later = g_strdup (_("Continue later: every answer given is saved, and the clock stops while Xuefa is closed. "
                        "The attempt waits on the Exams page."));
  if (unanswered->len > 0)
    {
      g_autofree char *numbers = xf_format_question_numbers ((const guint *)(gpointer)unanswered->data,
                                                             unanswered->len, XF_EXAM_NUMBERS_SHOWN);

      submit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Submit and close: the paper is graded now, and the answers cannot "
                                             "be changed. %u question has no answer: %s.",
                                             "Submit and close: the paper is graded now, and the answers cannot "
                                             "be changed. %u questions have no answer: %s.",
                                             unanswered->len),
                                unanswered->len, numbers);
    }
  else
    submit = g_strdup (_("Submit and close: the paper is graded now, and the answers cannot be changed."));
  return g_strconcat (later, "\n\n", submit, NULL);
}

/**
 * xf_window_exam_close_request:
 *
 * Closing the window while an attempt shows asks whether to keep
 * answering, to continue later (the attempt stays in progress, its
 * clock stopped) or to submit: the window closes once the answers are
 * saved or the paper is submitted.
 *
 * Returns: whether the window stays open for now
 */
gboolean
xf_window_exam_close_request (XfWindow *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "exam") != 0)
    return FALSE;
  /* Being submitted or saved: the window closes when it is. */
  if (xf_exam_view_get_running (self->exam_view) && g_strcmp0 (xf_exam_view_get_page (self->exam_view), "loading") == 0)
    {
      self->close_after_exam = TRUE;
      return TRUE;
    }
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  body = close_dialog_body (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave the exam?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep answering"),
                                    "later", _("Continue _later"),
                                    "submit", _("Submit and _close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_DESTRUCTIVE);
  /* Opening still: nothing to submit yet */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "submit",
                                           xf_exam_view_get_running (self->exam_view));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_close_dialog_destroy_cb), self, G_CONNECT_SWAPPED);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
xf_window_class_add_exam_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (XF_TYPE_EXAMS_PAGE);
  g_type_ensure (XF_TYPE_EXAM_VIEW);
  g_type_ensure (XF_TYPE_EXAM_RESULTS);
  g_type_ensure (XF_TYPE_MISTAKES_PAGE);

  gtk_widget_class_bind_template_child (widget_class, XfWindow, exams_page);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, exam_view);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, exam_results);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, mistakes_page);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_view_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_view_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_view_left_cb);

  gtk_widget_class_install_action (widget_class, "win.start-exam", "s", start_exam_action);
  gtk_widget_class_install_action (widget_class, "win.resume-exam", "s", resume_exam_action);
  gtk_widget_class_install_action (widget_class, "win.show-attempt", "s", show_attempt_action);
  gtk_widget_class_install_action (widget_class, "win.close-results", NULL, close_results_action);
  gtk_widget_class_install_action (widget_class, "win.new-exam", NULL, edit_exam_action);
  gtk_widget_class_install_action (widget_class, "win.edit-exam", "s", edit_exam_action);
  gtk_widget_class_install_action (widget_class, "win.exam-stats", "s", exam_stats_action);
  gtk_widget_class_install_action (widget_class, "win.print-report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, report_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
}
