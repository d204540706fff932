/* xf-exam-results.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-report.h"
#include "xf-exam-results.h"
#include "xf-exam-review-row.h"

/* The result of a submitted attempt: the score, whether it passed, the
 * time it took, the points by question type, and a review of every
 * question with the answer given, the right one and its 解析. Shown
 * right after submitting, and for any past attempt from its exam's
 * history. Its 成绩单 is exported as a PDF or printed: both draw the
 * same pages (xf-exam-report.c). */

struct _XfExamResults
{
  GtkWidget       parent_instance;

  XfExamSession  *session;
  GCancellable   *cancellable;
  XfProfile      *profile;
  gboolean        exporting;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkScrolledWindow *scroller;
  GtkLabel       *score_label;
  GtkLabel       *verdict_label;
  GtkLabel       *facts_label;
  GtkListBox     *types_list;
  GtkListBox     *review_list;
};

G_DEFINE_FINAL_TYPE (XfExamResults, xf_exam_results, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_facts (XfAttempt    *attempt,
              XfExamResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *used = xf_format_time_used (attempt->elapsed_us);

  /* TRANSLATORS: the time an attempt took */
  g_ptr_array_add (parts, g_strdup_printf (_("Time used %s"), used));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u right", "%u right", result->right),
                                           result->right));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u wrong", "%u wrong", result->wrong),
                                           result->wrong));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not answered", "%u not answered",
                                                        result->unanswered),
                                           result->unanswered));
  if (result->pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to be graded by hand",
                                                          "%u to be graded by hand", result->pending),
                                             result->pending));
  if (g_strcmp0 (attempt->submitted_by, XF_ATTEMPT_SUBMITTED_TIME_UP) == 0)
    g_ptr_array_add (parts, g_strdup (_("submitted when the time was up")));
  else if (g_strcmp0 (attempt->submitted_by, XF_ATTEMPT_SUBMITTED_CLOSED) == 0)
    g_ptr_array_add (parts, g_strdup (_("submitted when the exam closed")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
add_type_rows (XfExamResults *self,
               XfAttempt     *attempt,
               XfExamResult  *result)
{
  guint right[XF_QUESTION_N_TYPES] = { 0 };
  guint count[XF_QUESTION_N_TYPES] = { 0 };

  for (guint i = 0; i < result->marks->len && i < attempt->paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfExamMark *mark = &g_array_index (result->marks, XfExamMark, i);

      count[item->type]++;
      right[item->type] += mark->right;
    }

  for (guint t = 0; t < XF_QUESTION_N_TYPES; t++)
    {
      g_autofree char *points = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (count[t] == 0)
        continue;
      points = xf_format_score_of (result->type_score[t], result->type_total[t]);
      /* TRANSLATORS: questions of a type answered right, of all of that type */
      subtitle = g_strdup_printf (_("%u of %u right"), right[t], count[t]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xf_question_type_to_label (t));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      label = gtk_label_new (points);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "xf-type-score");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->types_list, row);
    }
}

/* The report and the printout need a result on show */
static void
actions_update (XfExamResults *self)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "result") == 0 &&
                   self->session != NULL && xf_exam_session_get_result (self->session) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-report", shown && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print-report", shown);
}

static void
show_toast (XfExamResults *self,
            const char    *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* The report of the result shown, with the person's name and department */
static XfExamReport *
make_report (XfExamResults  *self,
             GError        **error)
{
  XfExamResult *result = self->session != NULL ? xf_exam_session_get_result (self->session) : NULL;

  if (result == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No result is shown"));
      return NULL;
    }
  return xf_exam_report_new (xf_exam_session_get_exam (self->session), xf_exam_session_get_attempt (self->session),
                             result, xf_exam_session_get_questions (self->session),
                             self->profile != NULL ? xf_profile_get_name (self->profile) : NULL,
                             self->profile != NULL ? xf_profile_get_department (self->profile) : NULL,
                             g_get_real_time (), error);
}

typedef struct
{
  XfExamReport *report;
  GFile        *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->report);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not write “%s”: not a local file"), uri);
      return;
    }
  if (!xf_exam_report_write_pdf (job->report, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xf_exam_results_export_async:
 * @file: the PDF to write
 *
 * Writes the 成绩单 of the result shown to @file in a worker thread. The
 * report is made first, on this thread, so the result may go while it is
 * written.
 */
void
xf_exam_results_export_async (XfExamResults       *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (XF_IS_EXAM_RESULTS (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_exam_results_export_async);
  job = g_new0 (ExportJob, 1);
  job->report = make_report (self, &error);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, export_job_free);
  if (job->report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

/**
 * xf_exam_results_export_finish:
 *
 * Returns: whether the PDF was written; otherwise an error naming the
 *   file and the reason
 */
gboolean
xf_exam_results_export_finish (XfExamResults  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  XfExamResults *self = XF_EXAM_RESULTS (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->exporting = FALSE;
  actions_update (self);
  if (!xf_exam_results_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_parse_name (file);

    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_("Report saved to %s"), name);
  }
  show_toast (self, message);
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  XfExamResults *self = XF_EXAM_RESULTS (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    {
      self->exporting = TRUE;
      actions_update (self);
      xf_exam_results_export_async (self, file, self->cancellable, on_exported, g_object_ref (file));
    }
  g_object_unref (self);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfExamResults *self = XF_EXAM_RESULTS (widget);
  g_autoptr(XfExamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *folder_path = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Made now for its file name: a report that cannot be made says why
   * before a file is chosen */
  report = make_report (self, &error);
  if (report == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  name = xf_exam_report_dup_file_name (report);

  chooser = gtk_file_chooser_native_new (_("Export Score Report"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Documents, or home: never the folder the app happened to start in */
  if (folder_path == NULL || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    folder_path = g_get_home_dir ();
  if (folder_path != NULL && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  guint n_pages = xf_exam_report_paginate (XF_EXAM_REPORT (user_data), gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int)n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  xf_exam_report_draw_page (XF_EXAM_REPORT (user_data), gtk_print_context_get_cairo_context (context), (guint)page);
}

/**
 * xf_exam_results_new_print_operation:
 * @error: return location for a #GError
 *
 * A print operation for the 成绩单 of the result shown, on A4 by default:
 * it lays the report out on the paper chosen (begin-print) and draws each
 * page (draw-page) as the PDF export does. The report's margins are its
 * own, so it prints on the full page.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL when no
 *   report can be made
 */
GtkPrintOperation *
xf_exam_results_new_print_operation (XfExamResults  *self,
                                     GError        **error)
{
  g_autoptr(XfExamReport) report = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *name = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (XF_IS_EXAM_RESULTS (self), NULL);

  report = make_report (self, error);
  if (report == NULL)
    return NULL;
  name = xf_exam_report_dup_file_name (report);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print), g_object_ref (report),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page), g_object_ref (report),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  XfExamResults *self = XF_EXAM_RESULTS (user_data);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* TRANSLATORS: %s says why */
      message = g_strdup_printf (_("The report could not be printed: %s"),
                                 error != NULL ? error->message : _("unknown error"));
      show_toast (self, message);
    }
  g_object_unref (operation);
  g_object_unref (self);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfExamResults *self = XF_EXAM_RESULTS (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = xf_exam_results_new_print_operation (self, &error);
  GtkPrintOperationResult result;

  if (operation == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* The operation outlives the dialog: "done" drops it */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_object_ref (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (widget)), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"), error->message);

      show_toast (self, message);
    }
}

/**
 * xf_exam_results_set_profile:
 * @profile: (nullable): the profile whose results are shown
 *
 * The name and department the 成绩单 prints.
 */
void
xf_exam_results_set_profile (XfExamResults *self,
                             XfProfile     *profile)
{
  g_return_if_fail (XF_IS_EXAM_RESULTS (self));
  g_return_if_fail (profile == NULL || XF_IS_PROFILE (profile));

  g_set_object (&self->profile, profile);
}

/**
 * xf_exam_results_show:
 *
 * Shows the result the session holds, as it has after submitting or
 * loading an attempt.
 */
void
xf_exam_results_show (XfExamResults *self,
                      XfExamSession *session)
{
  XfExamResult *result;
  XfAttempt *attempt;
  XfExam *exam;
  GPtrArray *questions;
  GPtrArray *articles;
  g_autofree char *score = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (XF_IS_EXAM_RESULTS (self));
  g_return_if_fail (XF_IS_EXAM_SESSION (session));

  g_set_object (&self->session, session);
  result = xf_exam_session_get_result (session);
  attempt = xf_exam_session_get_attempt (session);
  exam = xf_exam_session_get_exam (session);
  questions = xf_exam_session_get_questions (session);
  articles = xf_exam_session_get_articles (session);
  g_return_if_fail (result != NULL && attempt != NULL && exam != NULL && questions != NULL);

  gtk_spinner_stop (self->spinner);
  when = xf_format_attempt_time (attempt->started_at);
  adw_window_title_set_title (self->window_title, exam->title);
  adw_window_title_set_subtitle (self->window_title, when);

  score = xf_format_score_of (result->score, result->total);
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->verdict_label, result->passed ? C_("exam result", "Passed")
                                                          : C_("exam result", "Not passed"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), result->passed ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), result->passed ? "success" : "error");
  facts = format_facts (attempt, result);
  gtk_label_set_text (self->facts_label, facts);

  clear_list (self->types_list);
  add_type_rows (self, attempt, result);
  clear_list (self->review_list);
  for (guint i = 0; i < result->marks->len && i < questions->len; i++)
    gtk_list_box_append (self->review_list,
                         xf_exam_review_row_new (i + 1, g_ptr_array_index (attempt->paper->items, i),
                                                 g_ptr_array_index (questions, i),
                                                 g_ptr_array_index (attempt->answers, i),
                                                 &g_array_index (result->marks, XfExamMark, i),
                                                 articles != NULL && i < articles->len
                                                 ? g_ptr_array_index (articles, i) : NULL));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "result");
  actions_update (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfExamResults) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExamSession *session = XF_EXAM_SESSION (source);

  if (!xf_exam_session_load_finish (session, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
        return;
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      actions_update (self);
      return;
    }
  if (session == self->session)
    xf_exam_results_show (self, session);
}

/**
 * xf_exam_results_load:
 *
 * Reads a past attempt in a thread and shows its result.
 */
void
xf_exam_results_load (XfExamResults *self,
                      const char    *db_path,
                      const char    *attempt_uuid)
{
  g_autoptr(XfExamSession) session = NULL;

  g_return_if_fail (XF_IS_EXAM_RESULTS (self));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (attempt_uuid != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  session = xf_exam_session_new (db_path);
  g_set_object (&self->session, session);
  adw_window_title_set_title (self->window_title, _("Results"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  actions_update (self);
  xf_exam_session_load_async (session, attempt_uuid, self->cancellable, on_loaded, g_object_ref (self));
}

/**
 * xf_exam_results_get_page:
 *
 * Returns: "loading", "error" or "result"
 */
const char *
xf_exam_results_get_page (XfExamResults *self)
{
  g_return_val_if_fail (XF_IS_EXAM_RESULTS (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_exam_results_get_session:
 *
 * Returns: (transfer none) (nullable): the session whose result is shown
 */
XfExamSession *
xf_exam_results_get_session (XfExamResults *self)
{
  g_return_val_if_fail (XF_IS_EXAM_RESULTS (self), NULL);
  return self->session;
}

static void
xf_exam_results_dispose (GObject *object)
{
  XfExamResults *self = (XfExamResults *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAM_RESULTS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xf_exam_results_parent_class)->dispose (object);
}

static void
xf_exam_results_class_init (XfExamResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_results_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-results.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, score_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, facts_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, types_list);
  gtk_widget_class_bind_template_child (widget_class, XfExamResults, review_list);

  gtk_widget_class_install_action (widget_class, "results.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "results.print-report", NULL, print_report_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_exam_results_init (XfExamResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  actions_update (self);
}

GtkWidget *
xf_exam_results_new (void)
{
  return g_object_new (XF_TYPE_EXAM_RESULTS, NULL);
}
