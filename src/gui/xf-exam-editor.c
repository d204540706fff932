/* xf-exam-editor.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "xf-exam-editor-private.h"
#include "xf-exam-rule-row.h"
#include "xf-exam-store.h"
#include "xf-gui-completion.h"
#include "xf-question-store.h"

/* Sets an exam: its time, marks, attempts, window, audience and the rules
 * its paper is drawn by. Every change is checked at once with
 * xf_exam_validate(); a change of the rules is also checked against the
 * banks, in a worker thread a moment after typing stops. Save stays off,
 * and the reason shows, until the exam could be stored and every paper
 * drawn. A preview draws one paper as a person would be given it. The
 * work away from the main thread is in xf-exam-editor-tasks.c. */

G_DEFINE_FINAL_TYPE (XfExamEditor, xf_exam_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (XfExamEditor *self);

/**
 * xf_exam_editor_parse_time:
 * @text: a local date and time as typed: "2026-03-01 08:00", with seconds
 *   or without a time ("2026-03-01" is its midnight); empty for none
 * @time_us: (out): UTC microseconds; 0 for none
 *
 * Returns: whether @text is empty or such a date and time
 */
gboolean
xf_exam_editor_parse_time (const char *text,
                           gint64     *time_us)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *copy = NULL;
  int year, month, day, hour = 0, minute = 0, end = -1;
  double seconds = 0;

  g_return_val_if_fail (time_us != NULL, FALSE);

  *time_us = 0;
  copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*copy == '\0')
    return TRUE;

  /* Each form must take the whole text: %n is only set when it matched */
  if (!((sscanf (copy, "%4d-%2d-%2d%n", &year, &month, &day, &end) == 3 && copy[end] == '\0') ||
        (end = -1, sscanf (copy, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &end) == 5 &&
         copy[end] == '\0') ||
        (end = -1, sscanf (copy, "%4d-%2d-%2dT%2d:%2d%n", &year, &month, &day, &hour, &minute, &end) == 5 &&
         copy[end] == '\0') ||
        (end = -1, sscanf (copy, "%4d-%2d-%2d %2d:%2d:%2lf%n", &year, &month, &day, &hour, &minute, &seconds,
                           &end) == 6 && copy[end] == '\0')))
    return FALSE;
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || seconds < 0 || seconds >= 60)
    return FALSE;

  /* NULL for a day the month lacks (2026-02-30) */
  time = g_date_time_new_local (year, month, day, hour, minute, seconds);
  if (time == NULL)
    return FALSE;
  *time_us = g_date_time_to_unix (time) * G_USEC_PER_SEC;
  return TRUE;
}

/**
 * xf_exam_editor_format_time:
 * @time_us: UTC microseconds, or 0
 *
 * Returns: (transfer full): the local date and time as the editor shows
 *   it ("2026-03-01 08:00"), or "" for 0
 */
char *
xf_exam_editor_format_time (gint64 time_us)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time_us == 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
dup_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The exam as the fields set it, but for the window, which may not parse */
static XfExam *
build_exam (XfExamEditor *self)
{
  XfExam *exam = xf_exam_copy (self->original);
  g_auto(GStrv) audience = NULL;

  g_free (exam->title);
  exam->title = dup_entry (self->title_row);
  g_free (exam->description);
  exam->description = dup_entry (self->description_row);
  exam->time_limit_s = (guint)gtk_spin_button_get_value_as_int (self->time_limit_spin) * 60;
  exam->pass_mark = gtk_spin_button_get_value (self->pass_mark_spin);
  exam->attempts = (guint)gtk_spin_button_get_value_as_int (self->attempts_spin);
  exam->counts = adw_combo_row_get_selected (self->counts_row) == 1 ? XF_EXAM_COUNT_LAST : XF_EXAM_COUNT_HIGHEST;
  exam->shuffle_questions = gtk_switch_get_active (self->shuffle_questions_switch);
  exam->shuffle_options = gtk_switch_get_active (self->shuffle_options_switch);
  exam->multiple = adw_combo_row_get_selected (self->multiple_row) == 1
                   ? XF_EXAM_MULTIPLE_PARTIAL : XF_EXAM_MULTIPLE_ALL_OR_NOTHING;
  exam->partial_credit = gtk_spin_button_get_value (self->partial_spin);

  g_ptr_array_set_size (exam->audience, 0);
  audience = xf_gui_split_tags (gtk_editable_get_text (GTK_EDITABLE (self->audience_row)));
  for (guint i = 0; audience[i] != NULL; i++)
    g_ptr_array_add (exam->audience, g_strdup (audience[i]));

  g_ptr_array_set_size (exam->rules, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (XF_IS_EXAM_RULE_ROW (row))
      g_ptr_array_add (exam->rules, xf_exam_rule_row_dup_rule (XF_EXAM_RULE_ROW (row)));
  return exam;
}

static gboolean
read_time (AdwEntryRow  *row,
           gint64       *time_us,
           const char   *message,
           GError      **error)
{
  g_autofree char *text = dup_entry (row);

  if (xf_exam_editor_parse_time (text, time_us))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID, message, text);
  return FALSE;
}

/**
 * xf_exam_editor_dup_exam:
 * @error: XF_EXAM_ERROR_INVALID when the opening or closing time cannot be
 *   read
 *
 * Returns: (transfer full) (nullable): the exam as the fields set it,
 *   not yet validated
 */
XfExam *
xf_exam_editor_dup_exam (XfExamEditor  *self,
                         GError       **error)
{
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GError) opens_error = NULL;

  g_return_val_if_fail (XF_IS_EXAM_EDITOR (self), NULL);

  exam = build_exam (self);
  /* Both rows show whether they parse, whichever fails first */
  if (!read_time (self->opens_row, &exam->opens_at,
                  _("“Opens”: “%s” is not a date and time like 2026-03-01 08:00"), &opens_error))
    {
      gint64 ignored;

      read_time (self->closes_row, &ignored, "%s", NULL);
      g_propagate_error (error, g_steal_pointer (&opens_error));
      return NULL;
    }
  if (!read_time (self->closes_row, &exam->closes_at,
                  _("“Closes”: “%s” is not a date and time like 2026-03-01 08:00"), error))
    return NULL;
  return g_steal_pointer (&exam);
}

/* Why Save is off: the fields, else the banks' check once it is done. */
static const char *
current_reason (XfExamEditor *self)
{
  if (self->problem != NULL)
    return self->problem;
  if (self->check_error != NULL)
    return self->check_error;
  if (self->pending_rules == NULL && self->shortfalls != NULL && self->shortfalls->len > 0)
    return g_ptr_array_index (self->shortfalls, 0);
  return NULL;
}

/**
 * xf_exam_editor_get_problem:
 *
 * Returns: (nullable): why the exam cannot be saved as it stands: a field
 *   that breaks a rule, or a rule the banks cannot meet; %NULL when it
 *   can (once xf_exam_editor_get_checking() is %FALSE)
 */
const char *
xf_exam_editor_get_problem (XfExamEditor *self)
{
  g_return_val_if_fail (XF_IS_EXAM_EDITOR (self), NULL);
  return current_reason (self);
}

/**
 * xf_exam_editor_get_checking:
 *
 * Returns: whether the banks' check of the rules as they stand is still
 *   to come
 */
gboolean
xf_exam_editor_get_checking (XfExamEditor *self)
{
  g_return_val_if_fail (XF_IS_EXAM_EDITOR (self), FALSE);
  return self->pending_rules != NULL;
}

/* Shows the reason, the banks' shortfalls and what can be done. */
void
xf_exam_editor_show_state (XfExamEditor *self)
{
  const char *reason = current_reason (self);
  gboolean checking = self->pending_rules != NULL;
  gboolean short_ = self->shortfalls != NULL && self->shortfalls->len > 0;
  gboolean has_rules = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list)) != NULL ||
                       self->original->fixed->len > 0;

  gtk_label_set_text (self->problem_label, reason != NULL ? reason : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, reason != NULL);

  /* Shortfalls stay shown while a new check runs, so they do not blink */
  if (self->check_error != NULL)
    gtk_label_set_text (self->shortfall_label, self->check_error);
  else if (short_)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (self->shortfalls, NULL);
      text = g_strjoinv ("\n", (char **)self->shortfalls->pdata);
      g_ptr_array_remove_index (self->shortfalls, self->shortfalls->len - 1);
      gtk_label_set_text (self->shortfall_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->shortfall_label), self->check_error != NULL || short_);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", reason == NULL && !checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.preview",
                                 has_rules && !checking && self->check_error == NULL && !short_);
}

static void
show_total (XfExamEditor *self,
            XfExam       *exam)
{
  g_autofree char *total = NULL;
  guint n = exam->fixed->len;

  for (guint i = 0; i < exam->rules->len; i++)
    n += ((XfExamRule *)g_ptr_array_index (exam->rules, i))->count;
  /* TRANSLATORS: the size of a paper: "25 questions, 40 points in all" */
  total = g_strdup_printf (ngettext ("%u question, %g points in all", "%u questions, %g points in all", n),
                           n, xf_exam_rules_total (exam));
  gtk_label_set_text (self->total_label, total);
}

static void
update (XfExamEditor *self)
{
  g_autoptr(XfExam) exam = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;

  g_clear_pointer (&self->problem, g_free);
  exam = xf_exam_editor_dup_exam (self, &error);
  if (exam == NULL)
    {
      self->problem = g_strdup (error->message);
      exam = build_exam (self);
    }
  else if (!xf_exam_validate (exam, &error))
    self->problem = g_strdup (error->message);

  gtk_widget_set_sensitive (GTK_WIDGET (self->partial_spin), exam->multiple == XF_EXAM_MULTIPLE_PARTIAL);
  show_total (self, exam);
  xf_exam_editor_schedule_check (self, exam);
  xf_exam_editor_show_state (self);
}

static void
on_field_changed_cb (XfExamEditor *self)
{
  update (self);
}

/* Rules */

static void
number_rules (XfExamEditor *self)
{
  guint n = 1;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    xf_exam_rule_row_set_number (XF_EXAM_RULE_ROW (row), n++);
}

static void
on_rule_remove_cb (XfExamEditor  *self,
                   XfExamRuleRow *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (GTK_WIDGET (row));
  gtk_list_box_remove (self->rules_list, GTK_WIDGET (row));
  number_rules (self);
  if (next != NULL)
    gtk_widget_grab_focus (next);
  else
    gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->rules_list)) != NULL
                           ? gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))
                           : GTK_WIDGET (self->title_row));
  update (self);
}

static XfExamRuleRow *
append_rule (XfExamEditor *self,
             XfExamRule   *rule)
{
  XfExamRuleRow *row = xf_exam_rule_row_new (G_LIST_MODEL (self->banks));

  if (rule != NULL)
    xf_exam_rule_row_set_rule (row, rule);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_rule_remove_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->rules_list, GTK_WIDGET (row));
  number_rules (self);
  return row;
}

static void
add_rule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfExamEditor *self = XF_EXAM_EDITOR (widget);
  XfExamRuleRow *row = append_rule (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  update (self);
}

/* Saving and the preview page */

/**
 * xf_exam_editor_save:
 *
 * Stores the exam as the fields set it, and emits ::saved.
 *
 * Returns: whether it was stored
 */
gboolean
xf_exam_editor_save (XfExamEditor  *self,
                     GError       **error)
{
  g_autoptr(XfExam) exam = NULL;

  g_return_val_if_fail (XF_IS_EXAM_EDITOR (self), FALSE);

  exam = xf_exam_editor_dup_exam (self, error);
  if (exam == NULL)
    return FALSE;
  if (self->database == NULL)
    self->database = xf_database_open (self->db_path, error);
  if (self->database == NULL || !xf_exam_store_save (self->database, exam, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, exam);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfExamEditor *self = XF_EXAM_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!xf_exam_editor_save (self, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_page (XfExamEditor *self,
           gboolean      preview)
{
  gtk_stack_set_visible_child_name (self->page_stack, preview ? "preview" : "form");
  gtk_widget_set_visible (self->cancel_button, !preview);
  gtk_widget_set_visible (self->back_button, preview);
  gtk_widget_set_visible (self->save_button, !preview);
  gtk_button_set_label (GTK_BUTTON (self->preview_button), preview ? _("_Draw again") : _("_Preview paper"));
  adw_window_title_set_subtitle (self->window_title, preview ? _("Preview of a paper") : NULL);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XfExamEditor *self = XF_EXAM_EDITOR (widget);
  g_autoptr(XfExam) exam = build_exam (self);

  show_page (self, TRUE);
  xf_exam_editor_preview (self, exam);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfExamEditor *self = XF_EXAM_EDITOR (widget);

  show_page (self, FALSE);
  gtk_widget_grab_focus (self->preview_button);
}

/* Escape leaves the preview first, then cancels. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfExamEditor *self = XF_EXAM_EDITOR (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "preview") == 0)
    back_action (widget, NULL, NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Filling the fields */

static void
fill_fields (XfExamEditor *self,
             XfExam       *exam)
{
  g_autofree char *opens = xf_exam_editor_format_time (exam->opens_at);
  g_autofree char *closes = xf_exam_editor_format_time (exam->closes_at);
  g_autofree char *audience = NULL;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), exam->title);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), exam->description);
  gtk_spin_button_set_value (self->time_limit_spin, (exam->time_limit_s + 59) / 60);
  gtk_spin_button_set_value (self->pass_mark_spin, exam->pass_mark);
  gtk_spin_button_set_value (self->attempts_spin, exam->attempts);
  adw_combo_row_set_selected (self->counts_row, exam->counts == XF_EXAM_COUNT_LAST ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->opens_row), opens);
  gtk_editable_set_text (GTK_EDITABLE (self->closes_row), closes);
  gtk_switch_set_active (self->shuffle_questions_switch, exam->shuffle_questions);
  gtk_switch_set_active (self->shuffle_options_switch, exam->shuffle_options);
  adw_combo_row_set_selected (self->multiple_row, exam->multiple == XF_EXAM_MULTIPLE_PARTIAL ? 1 : 0);
  gtk_spin_button_set_value (self->partial_spin, exam->partial_credit);
  g_ptr_array_add (exam->audience, NULL);
  audience = g_strjoinv (_(", "), (char **)exam->audience->pdata);
  g_ptr_array_remove_index (exam->audience, exam->audience->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->audience_row), audience);
  for (guint i = 0; i < exam->rules->len; i++)
    append_rule (self, g_ptr_array_index (exam->rules, i));
  self->filling = FALSE;

  if (exam->fixed->len > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Every paper also starts with %u fixed question.",
                                                         "Every paper also starts with %u fixed questions.",
                                                         exam->fixed->len),
                                               exam->fixed->len);

      gtk_label_set_text (self->fixed_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->fixed_label), TRUE);
    }
}

/* The banks a rule may name, by title; a bank the exam names that is
 * not stored (or named by UUID) is kept as it is named. */
static void
load_banks (XfExamEditor *self,
            XfExam       *exam)
{
  g_autoptr(GListModel) banks = NULL;
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (self->banks, C_("exam editor", "Any bank"));
  self->database = xf_database_open (self->db_path, &error);
  if (self->database != NULL)
    banks = xf_question_store_list_banks (self->database, &error);
  if (banks == NULL)
    {
      g_warning ("Cannot list the question banks: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (banks, i);

      for (guint j = 0; j < exam->rules->len; j++)
        {
          XfExamRule *rule = g_ptr_array_index (exam->rules, j);

          if (g_strcmp0 (rule->bank, xf_question_bank_get_uuid (bank)) == 0)
            {
              g_free (rule->bank);
              rule->bank = g_strdup (xf_question_bank_get_title (bank));
            }
        }
      gtk_string_list_append (self->banks, xf_question_bank_get_title (bank));
    }
  for (guint j = 0; j < exam->rules->len; j++)
    {
      XfExamRule *rule = g_ptr_array_index (exam->rules, j);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->banks));
      gboolean known = FALSE;

      for (guint i = 1; rule->bank != NULL && i < n; i++)
        known |= g_strcmp0 (gtk_string_list_get_string (self->banks, i), rule->bank) == 0;
      if (rule->bank != NULL && !known)
        gtk_string_list_append (self->banks, rule->bank);
    }
}

static void
xf_exam_editor_dispose (GObject *object)
{
  XfExamEditor *self = (XfExamEditor *)object;

  xf_exam_editor_cancel_tasks (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAM_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->banks);

  G_OBJECT_CLASS (xf_exam_editor_parent_class)->dispose (object);
}

static void
xf_exam_editor_finalize (GObject *object)
{
  XfExamEditor *self = (XfExamEditor *)object;

  g_free (self->db_path);
  g_clear_pointer (&self->original, xf_exam_free);
  g_free (self->problem);
  g_free (self->checked_rules);
  g_free (self->pending_rules);
  g_clear_pointer (&self->pending_exam, xf_exam_free);
  g_clear_pointer (&self->shortfalls, g_ptr_array_unref);
  g_free (self->check_error);

  G_OBJECT_CLASS (xf_exam_editor_parent_class)->finalize (object);
}

static void
xf_exam_editor_class_init (XfExamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_editor_dispose;
  object_class->finalize = xf_exam_editor_finalize;

  /**
   * XfExamEditor::saved:
   * @exam: (type XfExam): the exam as stored; it belongs to the editor:
   *   copy it with xf_exam_copy() to keep it
   *
   * The exam was stored.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, preview_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, page_stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, pass_mark_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, attempts_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, counts_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, opens_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, closes_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, shuffle_questions_switch);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, shuffle_options_switch);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, multiple_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, partial_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, audience_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, rules_list);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, fixed_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, shortfall_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, preview_status);
  gtk_widget_class_bind_template_child (widget_class, XfExamEditor, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-rule", NULL, add_rule_action);
  gtk_widget_class_install_action (widget_class, "editor.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.escape", NULL);
}

static void
xf_exam_editor_init (XfExamEditor *self)
{
  g_autoptr(GtkStringList) counts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) multiple = gtk_string_list_new (NULL);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->banks = gtk_string_list_new (NULL);
  gtk_string_list_append (counts, _("The highest score"));
  gtk_string_list_append (counts, _("The last attempt’s score"));
  adw_combo_row_set_model (self->counts_row, G_LIST_MODEL (counts));
  gtk_string_list_append (multiple, C_("exam editor", "All or nothing"));
  gtk_string_list_append (multiple, _("Partial credit for some right options"));
  adw_combo_row_set_model (self->multiple_row, G_LIST_MODEL (multiple));
  self->filling = FALSE;
}

/**
 * xf_exam_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @db_path: the profile's database file
 * @exam: (nullable): the exam to edit, or %NULL to set a new one
 *
 * Returns: (transfer none): a new editor, shown with gtk_window_present()
 */
XfExamEditor *
xf_exam_editor_new (GtkWindow  *parent,
                    const char *db_path,
                    XfExam     *exam)
{
  XfExamEditor *self;
  const char *title = exam != NULL ? C_("exam editor", "Edit the exam") : C_("exam editor", "New exam");

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (XF_TYPE_EXAM_EDITOR, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  self->original = exam != NULL ? xf_exam_copy (exam) : xf_exam_new ();
  load_banks (self, self->original);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  fill_fields (self, self->original);
  show_page (self, FALSE);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
