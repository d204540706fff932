/* xf-exam-view-question.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-paper-question.h"
#include "xf-exam-view-private.h"

/* The question shown, its answer, the answer sheet and the keyboard. An
 * answer given is sent to the store at once; the question reads saved
 * only when the write has returned, and the sheet marks a question
 * answered only then. Flags are written the same way. Both layouts show
 * what is here: the one question shown (self->shown) and the whole
 * paper (xf-exam-view-paper.c). */

#define ESSAY_SAVE_DELAY_MS 2000

XfExamItem *
xf_exam_view_get_item (XfExamView *self,
                       guint       index)
{
  XfAttempt *attempt = self->session != NULL ? xf_exam_session_get_attempt (self->session) : NULL;

  if (attempt == NULL || index >= attempt->paper->items->len)
    return NULL;
  return g_ptr_array_index (attempt->paper->items, index);
}

static XfQuestion *
get_question (XfExamView *self,
              guint       index)
{
  GPtrArray *questions = xf_exam_session_get_questions (self->session);

  if (questions == NULL || index >= questions->len)
    return NULL;
  return g_ptr_array_index (questions, index);
}

/* What the store has for the question */
static const char *
saved_answer (XfExamView *self,
              guint       index)
{
  XfAttempt *attempt = xf_exam_session_get_attempt (self->session);

  if (attempt == NULL || index >= attempt->answers->len)
    return NULL;
  return g_ptr_array_index (attempt->answers, index);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update_sheet_button (XfExamView *self,
                     guint       index)
{
  XfExamViewQuestion *question = &self->questions[index];
  GtkWidget *button = question->sheet_button;
  g_autofree char *label = NULL;
  const char *state;

  if (button == NULL)
    return;
  set_class (button, "answered", saved_answer (self, index) != NULL && question->writes == 0 &&
                                 question->error == NULL);
  set_class (button, "saving", question->writes > 0);
  set_class (button, "failed", question->error != NULL);
  set_class (button, "flagged", question->flagged);
  set_class (button, "current", index == self->current);

  if (question->error != NULL)
    state = _("not saved");
  else if (saved_answer (self, index) != NULL)
    state = _("answered");
  else
    state = _("not answered");
  /* TRANSLATORS: a question's button on the answer sheet, for screen readers: "第 3 题，已作答，已标记" */
  label = g_strdup_printf (question->flagged ? _("Question %u, %s, flagged") : _("Question %u, %s"), index + 1, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_progress (XfExamView *self)
{
  guint answered = xf_exam_view_get_n_answered (self);
  g_autofree char *text = NULL;

  /* TRANSLATORS: how many questions have an answer the store has, out of all */
  text = g_strdup_printf (_("Answered %u of %u"), answered, self->n_questions);
  gtk_label_set_text (self->progress_label, text);
}

/**
 * xf_exam_view_describe_save:
 * @icon_name: (out): the icon beside the text, or %NULL
 * @failed: (out): whether the last write failed
 *
 * Returns: (transfer full): the line under the answer: saved, being
 *   saved, or why it failed
 */
char *
xf_exam_view_describe_save (XfExamView  *self,
                            guint        index,
                            const char **icon_name,
                            gboolean    *failed)
{
  XfExamViewQuestion *question = &self->questions[index];

  *failed = question->error != NULL;
  *icon_name = NULL;
  if (question->error != NULL)
    {
      *icon_name = "dialog-warning-symbolic";
      return g_strdup_printf (_("The answer could not be saved: %s"), question->error);
    }
  if (question->writes > 0)
    {
      *icon_name = "emblem-synchronizing-symbolic";
      return g_strdup (_("Saving…"));
    }
  if (saved_answer (self, index) != NULL)
    {
      *icon_name = "emblem-ok-symbolic";
      return g_strdup (_("Answer saved"));
    }
  return g_strdup (_("Not answered yet"));
}

static void
update_save_status (XfExamView *self)
{
  g_autofree char *text = NULL;
  const char *icon = NULL;
  gboolean failed;

  if (self->shown >= self->n_questions)
    return;
  text = xf_exam_view_describe_save (self, self->shown, &icon, &failed);
  set_class (GTK_WIDGET (self->save_label), "error", failed);
  set_class (GTK_WIDGET (self->save_label), "dim-label", !failed);
  gtk_image_set_from_icon_name (self->save_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->save_icon), icon != NULL);
  gtk_label_set_text (self->save_label, text);
}

/* The option buttons show the answer given */
static void
sync_options (XfExamView *self)
{
  XfExamItem *item = xf_exam_view_get_item (self, self->shown);

  if (item == NULL)
    return;
  self->updating = TRUE;
  xf_exam_option_buttons_sync (self->option_buttons, item, self->questions[self->shown].answer);
  gtk_toggle_button_set_active (self->flag_button, self->questions[self->shown].flagged);
  self->updating = FALSE;
}

/**
 * xf_exam_view_update_question:
 *
 * Shows the state of the question at @index wherever it is shown: the
 * sheet, the question shown alone, the whole paper.
 */
void
xf_exam_view_update_question (XfExamView *self,
                              guint       index)
{
  if (index >= self->n_questions)
    return;
  update_sheet_button (self, index);
  update_progress (self);
  if (index == self->shown)
    {
      sync_options (self);
      update_save_status (self);
    }
  xf_exam_view_paper_update (self, index);
}

static void
on_answer_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XfExamView) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExamViewQuestion *question;
  guint n = 0;

  if (xf_exam_session_answer_finish (XF_EXAM_SESSION (source), result, &n, &error) ||
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Another attempt may be open by now. */
      if (XF_EXAM_SESSION (source) != self->session || n < 1 || n > self->n_questions)
        return;
      question = &self->questions[n - 1];
      question->writes--;
      g_clear_pointer (&question->error, g_free);
      if (error != NULL && xf_exam_error_is_over (error))
        {
          /* TRANSLATORS: %s says how the attempt ended, e.g. "The time is up: the attempt was submitted…" */
          g_autofree char *message = g_strdup_printf (_("%s. The answer to question %u came after and was not saved."),
                                                      error->message, n);

          xf_exam_view_over (self, message);
          return;
        }
      if (error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The answer to question %u could not be saved: %s"), n,
                                                      error->message);

          question->error = g_strdup (error->message);
          xf_exam_view_toast (self, message);
        }
      xf_exam_view_update_question (self, n - 1);
    }
}

/**
 * xf_exam_view_set_answer:
 * @answer: (nullable): in the letters shown; %NULL takes it back
 *
 * Gives an answer and writes it; an answer equal to the last one given
 * is not written again, unless writing that one failed.
 */
void
xf_exam_view_set_answer (XfExamView *self,
                         guint       index,
                         const char *answer)
{
  XfExamViewQuestion *question;

  if (!self->running || self->submitting || index >= self->n_questions)
    return;
  question = &self->questions[index];
  if (g_strcmp0 (question->answer, answer) == 0 && question->error == NULL)
    return;
  g_free (question->answer);
  question->answer = g_strdup (answer);
  question->writes++;
  xf_exam_session_answer_async (self->session, index + 1, answer, self->cancellable, on_answer_written,
                                g_object_ref (self));
  xf_exam_view_update_question (self, index);
}

/* Typed answers are given when the person presses Enter, leaves the
 * question or submits, and an essay also when typing pauses. */
void
xf_exam_view_commit_text (XfExamView *self)
{
  XfExamItem *item = xf_exam_view_get_item (self, self->shown);
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_clear_handle_id (&self->essay_save_id, g_source_remove);
  xf_exam_view_paper_commit (self);
  if (item == NULL || self->updating)
    return;
  if (item->type == XF_QUESTION_FILL)
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fill_entry)));
  else if (item->type == XF_QUESTION_ESSAY)
    {
      buffer = gtk_text_view_get_buffer (self->essay_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    return;
  g_strstrip (text);
  xf_exam_view_set_answer (self, self->shown, text[0] != '\0' ? text : NULL);
}

static void
on_fill_entry_activate_cb (XfExamView *self,
                           GtkEntry   *entry)
{
  xf_exam_view_commit_text (self);
}

static gboolean
essay_save_cb (gpointer user_data)
{
  XfExamView *self = user_data;

  self->essay_save_id = 0;
  xf_exam_view_commit_text (self);
  return G_SOURCE_REMOVE;
}

static void
on_essay_buffer_changed_cb (XfExamView    *self,
                            GtkTextBuffer *buffer)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->essay_save_id, g_source_remove);
  self->essay_save_id = g_timeout_add (ESSAY_SAVE_DELAY_MS, essay_save_cb, self);
}

static void
on_option_toggled_cb (XfExamView      *self,
                      GtkToggleButton *button)
{
  XfExamItem *item = xf_exam_view_get_item (self, self->shown);
  g_autofree char *answer = NULL;

  if (self->updating || item == NULL)
    return;
  answer = xf_exam_option_buttons_answer (self->option_buttons, button, item, self->questions[self->shown].answer);
  /* A 单选 clicked again stays chosen: the buttons follow the answer. */
  sync_options (self);
  xf_exam_view_set_answer (self, self->shown, answer);
}

static void
clear_options (XfExamView *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->option_buttons, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);
}

static void
build_options (XfExamView *self,
               XfExamItem *item,
               XfQuestion *question)
{
  clear_options (self);
  xf_exam_option_buttons_fill (self->option_buttons, item, question);
  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);

      g_signal_connect_object (button, "toggled", G_CALLBACK (on_option_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->options_box, button);
    }
}

/* Where the keyboard goes on a question: its answer, or the first option */
static void
focus_answer (XfExamView *self,
              XfExamItem *item)
{
  if (item->type == XF_QUESTION_FILL)
    gtk_widget_grab_focus (GTK_WIDGET (self->fill_entry));
  else if (item->type == XF_QUESTION_ESSAY)
    gtk_widget_grab_focus (GTK_WIDGET (self->essay_view));
  else
    {
      GtkWidget *target = NULL;

      for (guint i = 0; i < self->option_buttons->len && target == NULL; i++)
        if (gtk_toggle_button_get_active (g_ptr_array_index (self->option_buttons, i)))
          target = g_ptr_array_index (self->option_buttons, i);
      if (target == NULL && self->option_buttons->len > 0)
        target = g_ptr_array_index (self->option_buttons, 0);
      if (target != NULL)
        gtk_widget_grab_focus (target);
    }
}

static void
on_submit_dialog_response_cb (XfExamView *self,
                              const char *response,
                              AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "submit") == 0)
    xf_exam_view_submit (self, XF_ATTEMPT_SUBMITTED_BY_PERSON);
}

/**
 * xf_exam_view_ask_submit:
 *
 * Asks whether to submit, naming the questions without an answer.
 */
void
xf_exam_view_ask_submit (XfExamView *self)
{
  g_autoptr(GArray) unanswered = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (XF_IS_EXAM_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!self->running || self->submitting || !GTK_IS_WINDOW (root))
    return;
  xf_exam_view_commit_text (self);
  unanswered = xf_exam_view_dup_unanswered (self);
  if (unanswered->len > 0)
    {
      g_autofree char *numbers = xf_format_question_numbers ((const guint *)(gpointer)unanswered->data,
                                                             unanswered->len, XF_EXAM_NUMBERS_SHOWN);

      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u question has no answer: %s. Once submitted, the answers cannot be changed.",
                                           "%u questions have no answer: %s. Once submitted, the answers cannot be changed.",
                                           unanswered->len),
                              unanswered->len, numbers);
    }
  else
    body = g_strdup (_("Every question has an answer. Once submitted, the answers cannot be changed."));

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Submit the paper?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep answering"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * xf_exam_view_show_question:
 *
 * Shows the question at @index, giving the typed answer of the one left.
 */
void
xf_exam_view_show_question (XfExamView *self,
                            guint       index)
{
  XfExamItem *item = xf_exam_view_get_item (self, index);
  XfQuestion *question = get_question (self, index);
  g_autofree char *position = NULL;
  g_autofree char *score = NULL;
  g_autofree char *hint = NULL;
  guint previous = self->current;
  const char *answer;

  if (item == NULL || question == NULL)
    return;
  if (self->running)
    xf_exam_view_commit_text (self);

  self->current = index;
  self->shown = index;
  answer = self->questions[index].answer;
  score = xf_format_score (item->score);
  hint = xf_format_exam_type_hint (item);
  /* TRANSLATORS: above a question: its number of all, its type and its points: "第 3 / 70 题 · 单选题 · 1.5 分" */
  position = g_strdup_printf (_("Question %u of %u · %s · %s points · %s"), index + 1, self->n_questions,
                              xf_question_type_to_label (item->type), score, hint);
  gtk_label_set_text (self->position_label, position);
  gtk_label_set_text (self->stem_label, xf_question_get_stem (question));

  self->updating = TRUE;
  build_options (self, item, question);
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), self->option_buttons->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_entry), item->type == XF_QUESTION_FILL);
  gtk_widget_set_visible (self->essay_scroller, item->type == XF_QUESTION_ESSAY);
  if (item->type == XF_QUESTION_FILL)
    gtk_editable_set_text (GTK_EDITABLE (self->fill_entry), answer != NULL ? answer : "");
  else if (item->type == XF_QUESTION_ESSAY)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->essay_view), answer != NULL ? answer : "", -1);
  self->updating = FALSE;
  sync_options (self);

  if (previous < self->n_questions && previous != index)
    {
      update_sheet_button (self, previous);
      xf_exam_view_paper_update (self, previous);
    }
  update_sheet_button (self, index);
  xf_exam_view_paper_update (self, index);
  update_save_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  focus_answer (self, item);
}

static void
on_flag_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XfExamView) self = user_data;
  g_autoptr(GError) error = NULL;
  XfExamSession *session = XF_EXAM_SESSION (source);
  XfExamViewQuestion *question;
  XfAttempt *attempt;
  gboolean flagged = FALSE;
  guint n = 0;

  if (!xf_exam_session_flag_finish (session, result, &n, &flagged, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (session != self->session || n < 1 || n > self->n_questions)
    return;
  question = &self->questions[n - 1];
  question->flag_writes--;
  if (error == NULL)
    return;
  if (xf_exam_error_is_over (error))
    {
      xf_exam_view_over (self, error->message);
      return;
    }
  /* What the store has, unless another flag is on its way */
  attempt = xf_exam_session_get_attempt (session);
  if (question->flag_writes == 0 && attempt != NULL && attempt->flags != NULL)
    question->flagged = g_array_index (attempt->flags, gboolean, n - 1);
  {
    g_autofree char *message = g_strdup_printf (flagged ? _("Question %u could not be flagged: %s")
                                                        : _("The flag of question %u could not be taken off: %s"),
                                                n, error->message);
    xf_exam_view_toast (self, message);
  }
  xf_exam_view_update_question (self, n - 1);
}

/**
 * xf_exam_view_set_flag:
 *
 * Flags the question at @index, or takes its flag off, and writes it.
 */
void
xf_exam_view_set_flag (XfExamView *self,
                       guint       index,
                       gboolean    flagged)
{
  XfExamViewQuestion *question;

  if (!self->running || self->submitting || index >= self->n_questions)
    return;
  question = &self->questions[index];
  if (question->flagged == flagged)
    {
      xf_exam_view_update_question (self, index);
      return;
    }
  question->flagged = flagged;
  question->flag_writes++;
  xf_exam_session_flag_async (self->session, index + 1, flagged, self->cancellable, on_flag_written,
                              g_object_ref (self));
  xf_exam_view_update_question (self, index);
}

void
xf_exam_view_toggle_flag (XfExamView *self)
{
  if (!self->running || self->current >= self->n_questions)
    return;
  xf_exam_view_set_flag (self, self->current, !self->questions[self->current].flagged);
}

static void
on_flag_button_toggled_cb (XfExamView      *self,
                           GtkToggleButton *button)
{
  if (self->updating || !self->running || self->shown >= self->n_questions)
    return;
  xf_exam_view_set_flag (self, self->shown, gtk_toggle_button_get_active (button));
}

void
xf_exam_view_clear_sheet (XfExamView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_grid))) != NULL)
    gtk_grid_remove (self->sheet_grid, child);
  clear_options (self);
}

/* A numbered button a question, five to a row */
void
xf_exam_view_build_sheet (XfExamView *self)
{
  xf_exam_view_clear_sheet (self);
  for (guint i = 0; i < self->n_questions; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "xf-sheet-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "exam.go");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      gtk_grid_attach (self->sheet_grid, button, (int)(i % 5), (int)(i / 5), 1, 1);
      self->questions[i].sheet_button = button;
      update_sheet_button (self, i);
    }
  update_progress (self);
}

/* Letters, digits, M and the arrows act on the question unless the focus
 * is where text is typed: a 填空's entry takes its letters. */
static gboolean
on_key_pressed_cb (XfExamView            *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  g_autofree char *answer = NULL;
  XfExamItem *item;
  GtkRoot *root;
  GtkWidget *focus;

  if (!self->running || self->submitting ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return gtk_widget_activate_action (GTK_WIDGET (self), "exam.previous", NULL);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return gtk_widget_activate_action (GTK_WIDGET (self), "exam.next", NULL);
    case GDK_KEY_m:
    case GDK_KEY_M:
      xf_exam_view_toggle_flag (self);
      return TRUE;
    default:
      break;
    }

  item = xf_exam_view_get_item (self, self->current);
  if (item == NULL || !xf_exam_answer_for_key (item, self->questions[self->current].answer, keyval, &answer))
    return FALSE;
  xf_exam_view_set_answer (self, self->current, answer);
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller, gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                                      gtk_named_action_new (action)));
}

/* Submitting and paging work wherever the focus is, a text view's too:
 * they are taken in the capture phase, before the focus sees them. The
 * other keys come to the view after the focus let them go. */
void
xf_exam_view_setup_input (XfExamView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutController *controller = GTK_SHORTCUT_CONTROLLER (shortcuts);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  add_shortcut (controller, GDK_KEY_Return, GDK_CONTROL_MASK, "exam.submit");
  add_shortcut (controller, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "exam.submit");
  add_shortcut (controller, GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "exam.submit");
  add_shortcut (controller, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "exam.switch-layout");
  add_shortcut (controller, GDK_KEY_Page_Up, 0, "exam.previous");
  add_shortcut (controller, GDK_KEY_KP_Page_Up, 0, "exam.previous");
  add_shortcut (controller, GDK_KEY_Page_Down, 0, "exam.next");
  add_shortcut (controller, GDK_KEY_KP_Page_Down, 0, "exam.next");
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (self->essay_view), "changed",
                           G_CALLBACK (on_essay_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fill_entry, "activate", G_CALLBACK (on_fill_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flag_button, "toggled", G_CALLBACK (on_flag_button_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * xf_exam_view_get_answer:
 *
 * Returns: (nullable): the latest answer given to the question at @index
 */
const char *
xf_exam_view_get_answer (XfExamView *self,
                         guint       index)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), NULL);
  return index < self->n_questions ? self->questions[index].answer : NULL;
}

gboolean
xf_exam_view_get_flagged (XfExamView *self,
                          guint       index)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), FALSE);
  return index < self->n_questions && self->questions[index].flagged;
}

/**
 * xf_exam_view_is_saved:
 *
 * Returns: whether the store has the latest answer given to the question
 *   at @index (or has none, as none was given)
 */
gboolean
xf_exam_view_is_saved (XfExamView *self,
                       guint       index)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), FALSE);
  return index < self->n_questions && self->questions[index].writes == 0 && self->questions[index].error == NULL;
}

/**
 * xf_exam_view_get_n_answered:
 *
 * Returns: how many questions have an answer the store has
 */
guint
xf_exam_view_get_n_answered (XfExamView *self)
{
  XfAttempt *attempt;

  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), 0);

  attempt = self->session != NULL ? xf_exam_session_get_attempt (self->session) : NULL;
  return attempt != NULL && self->running ? xf_attempt_get_n_answered (attempt) : 0;
}

/**
 * xf_exam_view_dup_unanswered:
 *
 * Returns: (transfer full) (element-type guint): the numbers (from 1) of
 *   the questions without an answer
 */
GArray *
xf_exam_view_dup_unanswered (XfExamView *self)
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), numbers);

  for (guint i = 0; i < self->n_questions; i++)
    if (self->questions[i].answer == NULL)
      {
        guint n = i + 1;
        g_array_append_val (numbers, n);
      }
  return numbers;
}
