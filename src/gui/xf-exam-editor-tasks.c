/* xf-exam-editor-tasks.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-editor-private.h"
#include "xf-exam-store.h"

/* The exam editor's work away from the main thread: checking the rules
 * against the banks, and drawing a paper to preview. Each task opens its
 * own XfDatabase on the profile's file, works on a copy of the exam, and
 * is cancelled when a newer one replaces it or the editor goes. */

#define CHECK_DELAY_MS 300

typedef struct
{
  char   *db_path;
  XfExam *exam;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  xf_exam_free (job->exam);
  g_free (job);
}

static GTask *
job_task (XfExamEditor        *self,
          XfExam              *exam,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback)
{
  GTask *task = g_task_new (self, cancellable, callback, NULL);
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (self->db_path);
  job->exam = xf_exam_copy (exam);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  return task;
}

/**
 * xf_exam_editor_rules_key:
 *
 * Returns: (transfer full): a text that changes whenever what the banks'
 *   check of @exam's rules depends on changes
 */
char *
xf_exam_editor_rules_key (XfExam *exam)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < exam->rules->len; i++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, i);

      /* U+001F cannot be typed into the fields: the parts stay apart */
      g_string_append_printf (key, "%d\x1f%u\x1f%u\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s\x1e", rule->type, rule->count,
                              rule->difficulty_min, rule->difficulty_max,
                              rule->bank ? rule->bank : "", rule->category ? rule->category : "",
                              rule->tag ? rule->tag : "", rule->law ? rule->law : "");
    }
  return g_string_free (key, FALSE);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  db = xf_database_open (job->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  messages = xf_exam_store_check_rules (db, job->exam, &error);
  if (messages == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, messages, (GDestroyNotify)g_ptr_array_unref);
}

static void
set_checked (XfExamEditor *self,
             GPtrArray    *shortfalls,
             char         *check_error)
{
  g_free (self->checked_rules);
  self->checked_rules = g_steal_pointer (&self->pending_rules);
  g_clear_pointer (&self->pending_exam, xf_exam_free);
  g_clear_pointer (&self->shortfalls, g_ptr_array_unref);
  self->shortfalls = shortfalls;
  g_free (self->check_error);
  self->check_error = check_error;
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XfExamEditor *self = XF_EXAM_EDITOR (source);
  g_autoptr(GError) error = NULL;
  GPtrArray *messages = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);
  if (messages == NULL)
    set_checked (self, NULL, g_strdup_printf (_("The rules cannot be checked against the banks: %s"),
                                              error->message));
  else
    set_checked (self, messages, NULL);
  xf_exam_editor_show_state (self);
}

static gboolean
start_check_cb (gpointer data)
{
  XfExamEditor *self = data;
  g_autoptr(GTask) task = NULL;

  self->check_source = 0;
  self->check_cancellable = g_cancellable_new ();
  task = job_task (self, self->pending_exam, self->check_cancellable, on_check_done_cb);
  g_task_set_source_tag (task, start_check_cb);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

static void
cancel_check (XfExamEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->pending_rules, g_free);
  g_clear_pointer (&self->pending_exam, xf_exam_free);
}

/**
 * xf_exam_editor_schedule_check:
 *
 * Checks @exam's rules against the banks a moment from now, unless they
 * are the rules checked last or about to be; a check of other rules
 * still to come is dropped.
 */
void
xf_exam_editor_schedule_check (XfExamEditor *self,
                               XfExam       *exam)
{
  g_autofree char *key = xf_exam_editor_rules_key (exam);

  if (g_strcmp0 (key, self->pending_rules != NULL ? self->pending_rules : self->checked_rules) == 0)
    return;

  cancel_check (self);
  if (g_strcmp0 (key, self->checked_rules) == 0)
    return;

  self->pending_rules = g_steal_pointer (&key);
  /* Without rules there is nothing to ask the banks */
  if (exam->rules->len == 0)
    {
      set_checked (self, g_ptr_array_new_with_free_func (g_free), NULL);
      return;
    }
  self->pending_exam = xf_exam_copy (exam);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, start_check_cb, self);
}

/* The preview */

typedef struct
{
  XfExamPaper *paper;
  GPtrArray   *questions;
} Drawn;

static void
drawn_free (Drawn *drawn)
{
  g_clear_pointer (&drawn->paper, xf_exam_paper_free);
  g_clear_pointer (&drawn->questions, g_ptr_array_unref);
  g_free (drawn);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drawn, drawn_free)

static void
draw_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autoptr(Drawn) drawn = g_new0 (Drawn, 1);

  db = xf_database_open (job->db_path, &error);
  if (db != NULL)
    drawn->paper = xf_exam_store_draw (db, job->exam, rand, &error);
  if (drawn->paper != NULL)
    drawn->questions = xf_exam_store_load_questions (db, drawn->paper, &error);
  if (drawn->questions == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&drawn), (GDestroyNotify)drawn_free);
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

/* A question as the paper shows it: number, type, stem, points, and the
 * options in the paper's order under the letters shown. */
static GtkWidget *
question_card (guint        number,
               XfExamItem  *item,
               XfQuestion  *question)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *numbered = g_strdup_printf ("%u.", number);
  /* TRANSLATORS: the points one question of a paper is worth */
  g_autofree char *points = g_strdup_printf (C_("exam paper", "%g points"), item->score);
  GtkWidget *label;

  label = gtk_label_new (numbered);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (head), label);
  label = gtk_label_new (xf_question_type_to_label (item->type));
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "xf-type-badge");
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (head), wrapped_label (xf_question_get_stem (question)));
  label = gtk_label_new (points);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (head), label);
  gtk_box_append (GTK_BOX (card), head);

  for (guint i = 0; i < item->n_options && i < xf_question_get_n_options (question); i++)
    {
      g_autofree char *option = g_strdup_printf ("%c. %s", 'A' + i,
                                                 xf_question_get_option (question, item->order[i]));

      label = wrapped_label (option);
      gtk_widget_set_margin_start (label, 24);
      gtk_box_append (GTK_BOX (card), label);
    }
  return card;
}

static void
clear_preview (XfExamEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_box_remove (self->preview_list, child);
}

static void
on_draw_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  XfExamEditor *self = XF_EXAM_EDITOR (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(Drawn) drawn = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *summary = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->preview_cancellable);
  if (drawn == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No paper can be drawn: %s"), error->message);

      gtk_label_set_text (self->preview_status, message);
      return;
    }

  n = drawn->paper->items->len;
  summary = g_strdup_printf (ngettext ("%u question, %g points in all", "%u questions, %g points in all", n),
                             n, xf_exam_paper_get_total (drawn->paper));
  gtk_label_set_text (self->preview_status, summary);
  for (guint i = 0; i < n && i < drawn->questions->len; i++)
    gtk_box_append (self->preview_list, question_card (i + 1, g_ptr_array_index (drawn->paper->items, i),
                                                       g_ptr_array_index (drawn->questions, i)));
}

/**
 * xf_exam_editor_preview:
 *
 * Draws a paper of @exam, as a person taking it would be given one, and
 * shows it on the preview page.
 */
void
xf_exam_editor_preview (XfExamEditor *self,
                        XfExam       *exam)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  clear_preview (self);
  gtk_label_set_text (self->preview_status, _("Drawing a paper…"));

  self->preview_cancellable = g_cancellable_new ();
  task = job_task (self, exam, self->preview_cancellable, on_draw_done_cb);
  g_task_set_source_tag (task, xf_exam_editor_preview);
  g_task_run_in_thread (task, draw_thread);
}

void
xf_exam_editor_cancel_tasks (XfExamEditor *self)
{
  cancel_check (self);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}
