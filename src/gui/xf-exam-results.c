/* xf-exam-results.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-results.h"
#include "xf-exam-review-row.h"

/* The result of a submitted attempt: the score, whether it passed, the
 * time it took, the points by question type, and a review of every
 * question with the answer given, the right one and its 解析. Shown
 * right after submitting, and for any past attempt from its exam's
 * history. */

struct _XfExamResults
{
  GtkWidget       parent_instance;

  XfExamSession  *session;
  GCancellable   *cancellable;

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_exam_results_init (XfExamResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
xf_exam_results_new (void)
{
  return g_object_new (XF_TYPE_EXAM_RESULTS, NULL);
}
