/* xf-practice-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-practice-page-private.h"

/* Practice (练习): choose where questions come from and how many, then
 * answer them one at a time. Each answer is checked and saved in a thread
 * on a connection of its own (xf_practice_answer: the 错题本 and the study
 * log in one transaction); the feedback appears only once the write
 * returned, so what the page says was kept was kept, and the next answer
 * cannot be given before the last is saved: answers are written in order.
 * A failed write shows its reason and can be retried.
 *
 * Keys: A–H or 1–8 choose an option (a 多选 toggles it), T and F answer a
 * 判断, Enter checks, and Enter or → go to the next question. */


G_DEFINE_FINAL_TYPE (XfPracticePage, xf_practice_page, GTK_TYPE_WIDGET)

static void show_question (XfPracticePage *self);

/* Formatting */

/**
 * xf_format_practice_source:
 *
 * Returns: (transfer full): how the source choice names @source:
 *   "错题本（3 题）", "清单：2026年度学法清单（12 题）", …
 */
char *
xf_format_practice_source (const XfPracticeSource *source)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions", source->n_questions),
                           source->n_questions);
  switch (source->kind)
    {
    case XF_PRACTICE_SOURCE_LIST:
      /* Translators: a knowledge list to practise from, and how many questions */
      return g_strdup_printf (_("List: %s (%s)"), source->title, count);
    case XF_PRACTICE_SOURCE_LAW:
      return g_strdup_printf (_("Law: %s (%s)"), source->title, count);
    case XF_PRACTICE_SOURCE_CATEGORY:
      return g_strdup_printf (_("Category: %s (%s)"), source->title, count);
    case XF_PRACTICE_SOURCE_MISTAKES:
    default:
      return g_strdup_printf (_("Mistake book (%s)"), count);
    }
}

/**
 * xf_format_practice_book:
 *
 * Returns: (transfer full): what an answer did to the 错题本
 */
char *
xf_format_practice_book (const XfPracticeResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (!result->in_mistakes)
    return g_strdup (result->correct ? "" : _("Not in the mistake book"));
  if (!result->correct)
    return g_strdup (_("Added to the mistake book: it leaves once answered right on three separate days"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Still in the mistake book: answer it right on %u more day to take it out",
                                       "Still in the mistake book: answer it right on %u more days to take it out",
                                       result->right_days_left),
                          result->right_days_left);
}

/* State */

void
xf_practice_page_set_busy (XfPracticePage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), !busy && self->sources != NULL &&
                            self->sources->len > 0);
}

static void
renew_cancellable (XfPracticePage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
show_empty (XfPracticePage *self,
            const char     *reason)
{
  adw_status_page_set_description (self->empty_page, reason != NULL ? reason :
                                   _("Import a question bank on the Question bank page, or link questions to the "
                                     "articles they test. Questions answered wrong land in the mistake book, "
                                     "and can be practised from there."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Sources */

static void
load_sources_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *sources;

  if (!(db = xf_database_open (task_data, &error)) || !(sources = xf_practice_list_sources (db, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, sources, (GDestroyNotify)g_ptr_array_unref);
}

static void
on_sources_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  XfPracticePage *self = XF_PRACTICE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  xf_practice_page_set_busy (self, FALSE);
  if (sources == NULL)
    {
      show_empty (self, error->message);
      return;
    }

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_practice_source_free);
  for (guint i = 0; i < sources->len; i++)
    {
      XfPracticeSource *source = g_ptr_array_index (sources, i);
      g_autofree char *label = NULL;

      /* A source with nothing to practise is no choice */
      if (source->n_questions == 0)
        continue;
      label = xf_format_practice_source (source);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->sources, xf_practice_source_copy (source));
    }
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (labels));
  xf_practice_page_set_busy (self, FALSE);
  if (self->sources->len == 0)
    show_empty (self, NULL);
  else
    gtk_stack_set_visible_child_name (self->stack, "choose");
}

/**
 * xf_practice_page_reload:
 *
 * Counts the questions of every source again and shows the choice.
 */
void
xf_practice_page_reload (XfPracticePage *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XF_IS_PRACTICE_PAGE (self));

  renew_cancellable (self);
  if (self->database == NULL)
    {
      show_empty (self, NULL);
      return;
    }
  xf_practice_page_set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, on_sources_loaded, NULL);
  g_task_set_source_tag (task, xf_practice_page_reload);
  g_task_set_task_data (task, g_strdup (xf_database_get_path (self->database)), g_free);
  g_task_run_in_thread (task, load_sources_thread);
}

/* Drawing */

typedef struct
{
  char                 *path;
  XfPracticeSourceKind  kind;
  char                 *key;
  guint                 count;
} DrawJob;

static void
draw_job_free (DrawJob *job)
{
  g_free (job->path);
  g_free (job->key);
  g_free (job);
}

static void
draw_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DrawJob *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  /* What the study schedule says needs practice most comes first */
  XfPracticeOptions options = { job->kind, job->key, job->count, 0, 0, XF_PRACTICE_ORDER_DUE, 0 };
  GPtrArray *questions;

  if (!(db = xf_database_open (job->path, &error)) || !(questions = xf_practice_draw (db, &options, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, questions, (GDestroyNotify)g_ptr_array_unref);
}

static void
begin_session (XfPracticePage *self,
               GPtrArray      *questions)
{
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = g_ptr_array_ref (questions);
  g_ptr_array_set_size (self->wrong, 0);
  g_hash_table_remove_all (self->in_book);
  g_free (self->session);
  self->session = g_uuid_string_random ();
  self->index = 0;
  self->n_right = 0;
  self->n_wrong = 0;
  show_question (self);
}

static void
on_drawn (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  XfPracticePage *self = XF_PRACTICE_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  xf_practice_page_set_busy (self, FALSE);
  if (questions == NULL)
    show_empty (self, error->message);
  else
    begin_session (self, questions);
}

/**
 * xf_practice_page_start:
 * @kind: where the questions come from
 * @key: (nullable): the list's UUID, the law's title or the category
 * @count: how many; 0 for the default
 *
 * Draws questions from a source and shows the first.
 */
void
xf_practice_page_start (XfPracticePage       *self,
                        XfPracticeSourceKind  kind,
                        const char           *key,
                        guint                 count)
{
  g_autoptr(GTask) task = NULL;
  DrawJob *job;

  g_return_if_fail (XF_IS_PRACTICE_PAGE (self));

  renew_cancellable (self);
  if (self->database == NULL)
    {
      show_empty (self, NULL);
      return;
    }
  job = g_new0 (DrawJob, 1);
  job->path = g_strdup (xf_database_get_path (self->database));
  job->kind = kind;
  job->key = g_strdup (key);
  job->count = count;
  xf_practice_page_set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, on_drawn, NULL);
  g_task_set_source_tag (task, xf_practice_page_start);
  g_task_set_task_data (task, job, (GDestroyNotify)draw_job_free);
  g_task_run_in_thread (task, draw_thread);
}

static void
on_start_button_clicked_cb (XfPracticePage *self)
{
  guint selected = adw_combo_row_get_selected (self->source_row);
  XfPracticeSource *source;

  if (self->busy || self->sources == NULL || selected >= self->sources->len)
    return;
  source = g_ptr_array_index (self->sources, selected);
  xf_practice_page_start (self, source->kind, source->key, (guint)gtk_spin_button_get_value_as_int (self->count_spin));
}

/* One question */

XfQuestion *
xf_practice_page_current_question (XfPracticePage *self)
{
  if (self->questions == NULL || self->index >= self->questions->len)
    return NULL;
  return g_ptr_array_index (self->questions, self->index);
}

void
xf_practice_page_update_progress (XfPracticePage *self)
{
  g_autofree char *progress = NULL;
  g_autofree char *score = NULL;

  progress = g_strdup_printf (_("Question %u of %u"), self->index + 1, self->questions->len);
  score = g_strdup_printf (_("Right %u · Wrong %u"), self->n_right, self->n_wrong);
  gtk_label_set_label (self->progress_label, progress);
  gtk_label_set_label (self->score_label, score);
}

static GtkWidget *
make_option_button (const char *letter,
                    const char *text)
{
  g_autofree char *label_text = g_strdup_printf ("%s　%s", letter, text);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *button = gtk_toggle_button_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (1.25));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_button_set_child (GTK_BUTTON (button), label);
  return button;
}

static void
clear_options (XfPracticePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);
  g_ptr_array_set_size (self->option_buttons, 0);
}

void
xf_practice_page_clear_articles (XfPracticePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->articles_box))) != NULL)
    gtk_box_remove (self->articles_box, child);
}

static void
show_question (XfPracticePage *self)
{
  XfQuestion *question = xf_practice_page_current_question (self);
  XfQuestionType type;
  GtkToggleButton *group = NULL;

  g_return_if_fail (question != NULL);

  type = xf_question_get_question_type (question);
  self->answered = FALSE;
  g_clear_pointer (&self->pending, g_free);
  xf_practice_page_update_progress (self);
  gtk_label_set_label (self->stem_label, xf_question_get_stem (question));
  clear_options (self);
  xf_practice_page_clear_articles (self);

  if (type == XF_QUESTION_TRUE_FALSE)
    {
      g_ptr_array_add (self->option_buttons, make_option_button ("T", _("True")));
      g_ptr_array_add (self->option_buttons, make_option_button ("F", _("False")));
    }
  else if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
    for (guint i = 0; i < xf_question_get_n_options (question); i++)
      {
        char letter[2] = { (char)('A' + i), '\0' };

        g_ptr_array_add (self->option_buttons, make_option_button (letter, xf_question_get_option (question, i)));
      }
  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->option_buttons, i);

      /* One choice for 单选 and 判断; any number for 多选 */
      if (type != XF_QUESTION_MULTIPLE)
        {
          if (group != NULL)
            gtk_toggle_button_set_group (button, group);
          else
            group = button;
        }
      gtk_box_append (self->options_box, GTK_WIDGET (button));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fill_entry), type == XF_QUESTION_FILL);
  gtk_editable_set_text (GTK_EDITABLE (self->fill_entry), "");
  gtk_editable_set_editable (GTK_EDITABLE (self->fill_entry), TRUE);
  gtk_label_set_label (self->hint_label,
                       type == XF_QUESTION_FILL ? _("Type the answer and press Enter")
                       : type == XF_QUESTION_TRUE_FALSE ? _("Press T or F, then Enter")
                       : type == XF_QUESTION_MULTIPLE ? _("Choose every right option (keys A–H or 1–8), then press Enter")
                       : _("Choose an option (keys A–H or 1–8), then press Enter"));
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "question");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->stem_label),
                                                                            GTK_TYPE_SCROLLED_WINDOW))), 0);
  if (type == XF_QUESTION_FILL)
    gtk_widget_grab_focus (GTK_WIDGET (self->fill_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->check_button));
  self->shown_at = g_get_monotonic_time ();
}

/* The answer given: the letters of the chosen options, T or F, or the text */
static char *
collect_answer (XfPracticePage *self)
{
  XfQuestion *question = xf_practice_page_current_question (self);
  GString *answer = g_string_new (NULL);

  if (xf_question_get_question_type (question) == XF_QUESTION_FILL)
    g_string_append (answer, gtk_editable_get_text (GTK_EDITABLE (self->fill_entry)));
  else
    for (guint i = 0; i < self->option_buttons->len; i++)
      if (gtk_toggle_button_get_active (g_ptr_array_index (self->option_buttons, i)))
        g_string_append_c (answer, xf_question_get_question_type (question) == XF_QUESTION_TRUE_FALSE
                                   ? (i == 0 ? 'T' : 'F') : (char)('A' + i));
  g_strstrip (answer->str);
  return g_string_free (answer, FALSE);
}

static void
check (XfPracticePage *self)
{
  g_autofree char *answer = NULL;

  if (self->busy || self->answered || xf_practice_page_current_question (self) == NULL || self->database == NULL)
    return;
  answer = collect_answer (self);
  if (*answer == '\0')
    {
      gtk_label_set_label (self->hint_label, _("Give an answer first"));
      return;
    }
  g_free (self->pending);
  self->pending = g_steal_pointer (&answer);
  xf_practice_page_save_answer (self);
}

static void
show_summary (XfPracticePage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint in_book = 0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->in_book);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value))
      in_book++;
  title = g_strdup_printf (_("%u right, %u wrong"), self->n_right, self->n_wrong);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of these questions is in the mistake book now.",
                                              "%u of these questions are in the mistake book now.", in_book),
                                 in_book);
  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->again_button), self->wrong->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->wrong->len > 0 ? self->again_button : self->start_button));
}

static void
next (XfPracticePage *self)
{
  if (!self->answered || self->busy)
    return;
  self->index++;
  if (self->index < self->questions->len)
    show_question (self);
  else
    show_summary (self);
}

static void
on_check_button_clicked_cb (XfPracticePage *self)
{
  check (self);
}

static void
on_fill_entry_activate_cb (XfPracticePage *self)
{
  if (self->answered)
    next (self);
  else
    check (self);
}

static void
on_retry_button_clicked_cb (XfPracticePage *self)
{
  if (!self->busy && self->pending != NULL && !self->answered)
    xf_practice_page_save_answer (self);
}

static void
on_next_button_clicked_cb (XfPracticePage *self)
{
  next (self);
}

static void
on_again_button_clicked_cb (XfPracticePage *self)
{
  g_autoptr(GPtrArray) again = g_ptr_array_copy (self->wrong, (GCopyFunc)(void (*) (void))g_object_ref, NULL);

  g_ptr_array_set_free_func (again, g_object_unref);
  if (again->len > 0)
    begin_session (self, again);
}

static void
on_choose_button_clicked_cb (XfPracticePage *self)
{
  xf_practice_page_reload (self);
}

/* Keys */

static gboolean
choose_option (XfPracticePage *self,
               guint           index)
{
  GtkToggleButton *button;
  XfQuestionType type = xf_question_get_question_type (xf_practice_page_current_question (self));

  if (index >= self->option_buttons->len)
    return FALSE;
  button = g_ptr_array_index (self->option_buttons, index);
  gtk_toggle_button_set_active (button, type == XF_QUESTION_MULTIPLE ? !gtk_toggle_button_get_active (button) : TRUE);
  return TRUE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   XfPracticePage        *self)
{
  XfQuestion *question = xf_practice_page_current_question (self);
  XfQuestionType type;
  guint lower = gdk_keyval_to_lower (keyval);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") != 0 || question == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  type = xf_question_get_question_type (question);

  if (self->answered)
    {
      if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_Right)
        {
          next (self);
          return TRUE;
        }
      return FALSE;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      check (self);
      return TRUE;
    }
  /* Letters belong to the entry of a 填空 */
  if (type == XF_QUESTION_FILL || self->busy)
    return FALSE;
  if (type == XF_QUESTION_TRUE_FALSE && (lower == GDK_KEY_t || lower == GDK_KEY_f))
    return choose_option (self, lower == GDK_KEY_t ? 0 : 1);
  if (type == XF_QUESTION_TRUE_FALSE && (keyval == GDK_KEY_1 || keyval == GDK_KEY_2))
    return choose_option (self, keyval - GDK_KEY_1);
  if (type != XF_QUESTION_TRUE_FALSE && lower >= GDK_KEY_a && lower <= GDK_KEY_h)
    return choose_option (self, lower - GDK_KEY_a);
  if (type != XF_QUESTION_TRUE_FALSE && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_8)
    return choose_option (self, keyval - GDK_KEY_1);
  return FALSE;
}

/* Public */

/**
 * xf_practice_page_set_database:
 *
 * Shows the choice of sources of @database.
 */
void
xf_practice_page_set_database (XfPracticePage *self,
                               XfDatabase     *database)
{
  g_return_if_fail (XF_IS_PRACTICE_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  /* The time practised in the profile before ends there */
  g_clear_object (&self->timer);
  if (!g_set_object (&self->database, database))
    return;
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  xf_practice_page_reload (self);
}

/**
 * xf_practice_page_get_state:
 *
 * Returns: "loading", "empty", "choose", "question" or "summary"
 */
const char *
xf_practice_page_get_state (XfPracticePage *self)
{
  g_return_val_if_fail (XF_IS_PRACTICE_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_practice_page_get_busy:
 *
 * Returns: whether a read or a write is under way
 */
gboolean
xf_practice_page_get_busy (XfPracticePage *self)
{
  g_return_val_if_fail (XF_IS_PRACTICE_PAGE (self), FALSE);
  return self->busy;
}

/* Practising counts as study time while questions show on screen */
static void
update_timer (XfPracticePage *self)
{
  if (self->database != NULL && self->timer == NULL)
    self->timer = xf_study_timer_new (self->database, GTK_WIDGET (self), XF_STUDY_ACTIVITY_PRACTICE);
  if (self->timer == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") == 0)
    xf_study_timer_start (self->timer);
  else
    xf_study_timer_stop (self->timer);
}

static void
xf_practice_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_practice_page_parent_class)->map (widget);
  update_timer (XF_PRACTICE_PAGE (widget));
}

static void
xf_practice_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_practice_page_parent_class)->unmap (widget);
  update_timer (XF_PRACTICE_PAGE (widget));
}

static void
xf_practice_page_dispose (GObject *object)
{
  XfPracticePage *self = XF_PRACTICE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->timer);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_PRACTICE_PAGE);
  g_clear_object (&self->database);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->wrong, g_ptr_array_unref);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->in_book, g_hash_table_unref);

  G_OBJECT_CLASS (xf_practice_page_parent_class)->dispose (object);
}

static void
xf_practice_page_finalize (GObject *object)
{
  XfPracticePage *self = XF_PRACTICE_PAGE (object);

  g_free (self->session);
  g_free (self->pending);

  G_OBJECT_CLASS (xf_practice_page_parent_class)->finalize (object);
}

static void
xf_practice_page_class_init (XfPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_practice_page_dispose;
  object_class->finalize = xf_practice_page_finalize;
  widget_class->map = xf_practice_page_map;
  widget_class->unmap = xf_practice_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-practice-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, XfPracticePage, name)
  BIND (stack);
  BIND (spinner);
  BIND (empty_page);
  BIND (source_row);
  BIND (count_spin);
  BIND (start_button);
  BIND (progress_label);
  BIND (score_label);
  BIND (stem_label);
  BIND (options_box);
  BIND (fill_entry);
  BIND (hint_label);
  BIND (feedback_box);
  BIND (verdict_label);
  BIND (key_label);
  BIND (explanation_label);
  BIND (articles_box);
  BIND (book_label);
  BIND (retry_button);
  BIND (check_button);
  BIND (next_button);
  BIND (summary_page);
  BIND (again_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_start_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_check_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fill_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_again_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_button_clicked_cb);
}

static void
xf_practice_page_init (XfPracticePage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (update_timer), self);
  self->wrong = g_ptr_array_new_with_free_func (g_object_unref);
  self->option_buttons = g_ptr_array_new ();
  self->in_book = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Capture: Enter checks even when an option button has the focus */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  show_empty (self, NULL);
}
