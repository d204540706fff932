/* xf-exam-rule-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-rule-row.h"

/* One rule of an exam's paper in the exam editor: what it draws (type,
 * count, points, and the filters) in rows that fold away, under a title
 * that says it in a line ("2. 20 道单选题（行政法）"). */

struct _XfExamRuleRow
{
  AdwExpanderRow  parent_instance;

  guint           number;
  gboolean        filling;

  AdwComboRow    *type_row;
  GtkSpinButton  *count_spin;
  GtkSpinButton  *score_spin;
  AdwComboRow    *bank_row;
  AdwEntryRow    *category_row;
  AdwEntryRow    *tag_row;
  AdwEntryRow    *law_row;
  GtkSpinButton  *difficulty_min_spin;
  GtkSpinButton  *difficulty_max_spin;
};

G_DEFINE_FINAL_TYPE (XfExamRuleRow, xf_exam_rule_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_filter (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * xf_exam_rule_row_dup_rule:
 *
 * Returns: (transfer full): the rule as the fields set it
 */
XfExamRule *
xf_exam_rule_row_dup_rule (XfExamRuleRow *self)
{
  XfExamRule *rule;
  guint type, bank;

  g_return_val_if_fail (XF_IS_EXAM_RULE_ROW (self), NULL);

  type = adw_combo_row_get_selected (self->type_row);
  rule = xf_exam_rule_new (type < XF_QUESTION_N_TYPES ? (XfQuestionType)type : XF_QUESTION_SINGLE,
                           (guint)gtk_spin_button_get_value_as_int (self->count_spin),
                           gtk_spin_button_get_value (self->score_spin));
  /* Entry 0 of the banks is "any bank" */
  bank = adw_combo_row_get_selected (self->bank_row);
  if (bank != GTK_INVALID_LIST_POSITION && bank > 0)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (self->bank_row), bank);

      if (item != NULL)
        rule->bank = g_strdup (gtk_string_object_get_string (item));
    }
  rule->category = dup_filter (self->category_row);
  rule->tag = dup_filter (self->tag_row);
  rule->law = dup_filter (self->law_row);
  rule->difficulty_min = (guint)gtk_spin_button_get_value_as_int (self->difficulty_min_spin);
  rule->difficulty_max = (guint)gtk_spin_button_get_value_as_int (self->difficulty_max_spin);
  return rule;
}

static void
update_title (XfExamRuleRow *self)
{
  g_autoptr(XfExamRule) rule = xf_exam_rule_row_dup_rule (self);
  g_autofree char *what = xf_exam_rule_describe (rule);
  g_autofree char *title = g_strdup_printf ("%u. %s", self->number, what);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: the points of one question of a rule, and of all it draws */
  subtitle = g_strdup_printf (_("%g points each, %g in all"), rule->score, rule->count * rule->score);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
on_field_changed_cb (XfExamRuleRow *self)
{
  if (self->filling)
    return;
  update_title (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_button_clicked_cb (XfExamRuleRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/**
 * xf_exam_rule_row_set_number:
 *
 * Numbers the rule as the checks' messages do, from 1.
 */
void
xf_exam_rule_row_set_number (XfExamRuleRow *self,
                             guint          number)
{
  g_return_if_fail (XF_IS_EXAM_RULE_ROW (self));

  self->number = number;
  update_title (self);
}

static void
set_filter (AdwEntryRow *row,
            const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * xf_exam_rule_row_set_rule:
 * @rule: a rule; its bank, if any, must be one of the row's banks by
 *   title, else the rule draws from any bank
 *
 * Shows @rule in the fields, without emitting ::changed.
 */
void
xf_exam_rule_row_set_rule (XfExamRuleRow *self,
                           XfExamRule    *rule)
{
  GListModel *banks;
  guint bank = 0;

  g_return_if_fail (XF_IS_EXAM_RULE_ROW (self));
  g_return_if_fail (rule != NULL);

  banks = adw_combo_row_get_model (self->bank_row);
  for (guint i = 1; rule->bank != NULL && i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (banks, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), rule->bank) == 0)
        bank = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_selected (self->type_row, rule->type);
  gtk_spin_button_set_value (self->count_spin, rule->count);
  gtk_spin_button_set_value (self->score_spin, rule->score);
  adw_combo_row_set_selected (self->bank_row, bank);
  set_filter (self->category_row, rule->category);
  set_filter (self->tag_row, rule->tag);
  set_filter (self->law_row, rule->law);
  gtk_spin_button_set_value (self->difficulty_min_spin, rule->difficulty_min);
  gtk_spin_button_set_value (self->difficulty_max_spin, rule->difficulty_max);
  self->filling = FALSE;
  update_title (self);
}

static void
xf_exam_rule_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XF_TYPE_EXAM_RULE_ROW);

  G_OBJECT_CLASS (xf_exam_rule_row_parent_class)->dispose (object);
}

static void
xf_exam_rule_row_class_init (XfExamRuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_rule_row_dispose;

  /**
   * XfExamRuleRow::changed:
   *
   * A field of the rule changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * XfExamRuleRow::remove:
   *
   * The person asked to remove the rule.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-rule-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, score_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, bank_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, category_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, tag_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, law_row);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, difficulty_min_spin);
  gtk_widget_class_bind_template_child (widget_class, XfExamRuleRow, difficulty_max_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
xf_exam_rule_row_init (XfExamRuleRow *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < XF_QUESTION_N_TYPES; i++)
    gtk_string_list_append (types, xf_question_type_to_label (i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  self->number = 1;
  self->filling = FALSE;
}

/**
 * xf_exam_rule_row_new:
 * @banks: (element-type GtkStringObject): "any bank", then the banks'
 *   titles
 *
 * Returns: (transfer floating): a row for a rule of 10 单选 of 1 point
 */
XfExamRuleRow *
xf_exam_rule_row_new (GListModel *banks)
{
  XfExamRuleRow *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (banks), NULL);

  self = g_object_new (XF_TYPE_EXAM_RULE_ROW, NULL);
  self->filling = TRUE;
  adw_combo_row_set_model (self->bank_row, banks);
  adw_combo_row_set_selected (self->bank_row, 0);
  self->filling = FALSE;
  update_title (self);
  return self;
}
