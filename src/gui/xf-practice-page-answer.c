/* xf-practice-page-answer.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-article.h"
#include "xf-exam.h"
#include "xf-practice-page-private.h"

/* The Practice page's answers: saved in a thread on a connection of its
 * own, one at a time, and the feedback shown once the write returned. */

/* Saving an answer */

typedef struct
{
  char       *path;
  XfQuestion *question;
  char       *answer;
  char       *session;
  gint64      time_us;
  guint       duration_ms;
} AnswerJob;

static void
answer_job_free (AnswerJob *job)
{
  g_free (job->path);
  g_clear_object (&job->question);
  g_free (job->answer);
  g_free (job->session);
  g_free (job);
}

static void
answer_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AnswerJob *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XfPracticeResult *result = NULL;

  db = xf_database_open (job->path, &error);
  if (db != NULL)
    result = xf_practice_answer (db, job->question, job->answer, job->time_us, job->duration_ms,
                                 job->session, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify)xf_practice_result_free);
}

static void
show_feedback (XfPracticePage   *self,
               XfPracticeResult *result)
{
  XfQuestion *question = xf_practice_page_current_question (self);
  g_autofree char *key = NULL;
  g_autofree char *book = xf_format_practice_book (result);
  gboolean choice = xf_question_get_question_type (question) != XF_QUESTION_FILL;

  self->answered = TRUE;
  if (result->correct)
    self->n_right++;
  else
    {
      self->n_wrong++;
      g_ptr_array_add (self->wrong, g_object_ref (question));
    }
  g_hash_table_insert (self->in_book, g_strdup (result->question_uuid), GINT_TO_POINTER (result->in_mistakes));
  xf_practice_page_update_progress (self);

  /* Words and a sign say it, not the colour alone */
  gtk_label_set_label (self->verdict_label, result->correct ? _("✓ Right")
                                            : result->partly ? _("✗ Partly right")
                                            : _("✗ Wrong"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), result->correct ? "success" : "error");
  key = g_strdup_printf (_("Right answer: %s　Your answer: %s"), result->right_answer,
                         choice && xf_question_get_question_type (question) == XF_QUESTION_TRUE_FALSE
                         ? (g_str_equal (result->answer, "T") ? _("True") : _("False")) : result->answer);
  gtk_label_set_label (self->key_label, key);
  if (*result->explanation != '\0')
    {
      g_autofree char *explanation = g_strdup_printf (_("Explanation: %s"), result->explanation);

      gtk_label_set_label (self->explanation_label, explanation);
    }
  else
    gtk_label_set_label (self->explanation_label, _("This question has no explanation."));
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), TRUE);

  xf_practice_page_clear_articles (self);
  for (guint i = 0; i < result->articles->len; i++)
    {
      XfArticle *article = g_ptr_array_index (result->articles, i);
      g_autofree char *text = g_markup_printf_escaped ("<b>《%s》%s</b>\n%s", xf_article_get_law_title (article),
                                                       xf_article_get_label (article), xf_article_get_body (article));
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (1.1));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      pango_attr_list_unref (attrs);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (card, "card");
      gtk_box_append (GTK_BOX (card), label);
      gtk_box_append (self->articles_box, card);
    }
  gtk_label_set_label (self->book_label, book);
  gtk_widget_set_visible (GTK_WIDGET (self->book_label), *book != '\0');

  /* Mark the options: the right ones, and a wrong one chosen */
  for (guint i = 0; choice && i < self->option_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);
      char letter = xf_question_get_question_type (question) == XF_QUESTION_TRUE_FALSE
                    ? (i == 0 ? 'T' : 'F') : (char)('A' + i);
      gboolean right = strchr (xf_question_get_answer (question), letter) != NULL;
      gboolean chosen = strchr (result->answer, letter) != NULL;

      if (right)
        gtk_widget_add_css_class (button, "success");
      else if (chosen)
        gtk_widget_add_css_class (button, "error");
      gtk_widget_set_can_target (button, FALSE);
    }
  gtk_editable_set_editable (GTK_EDITABLE (self->fill_entry), FALSE);

  gtk_label_set_label (self->hint_label, _("Press Enter or → for the next question"));
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

static void
on_answer_saved (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  XfPracticePage *self = XF_PRACTICE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(XfPracticeResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  xf_practice_page_set_busy (self, FALSE);
  if (result != NULL)
    {
      show_feedback (self, result);
      return;
    }
  if (g_error_matches (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID))
    {
      /* The answer cannot be read: change it, nothing was kept */
      gtk_label_set_label (self->hint_label, error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("The answer could not be saved: %s"), error->message);

    gtk_label_set_label (self->hint_label, message);
    gtk_widget_set_visible (GTK_WIDGET (self->retry_button), TRUE);
  }
}

void
xf_practice_page_save_answer (XfPracticePage *self)
{
  g_autoptr(GTask) task = NULL;
  AnswerJob *job = g_new0 (AnswerJob, 1);
  gint64 elapsed = (g_get_monotonic_time () - self->shown_at) / 1000;

  job->path = g_strdup (xf_database_get_path (self->database));
  job->question = g_object_ref (xf_practice_page_current_question (self));
  job->answer = g_strdup (self->pending);
  job->session = g_strdup (self->session);
  job->time_us = g_get_real_time ();
  job->duration_ms = (guint)CLAMP (elapsed, 0, G_MAXUINT);
  xf_practice_page_set_busy (self, TRUE);
  gtk_label_set_label (self->hint_label, _("Saving…"));
  task = g_task_new (self, self->cancellable, on_answer_saved, NULL);
  g_task_set_source_tag (task, xf_practice_page_save_answer);
  g_task_set_task_data (task, job, (GDestroyNotify)answer_job_free);
  g_task_run_in_thread (task, answer_thread);
}
