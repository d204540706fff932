/* xf-study-plan-dialog.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-knowledge-store.h"
#include "xf-study-plan-dialog.h"

/* Sets the exam plan (xf-study-plan.c): the knowledge list, the exam's
 * date and the study time a day, with what the plan asks of a day shown
 * as they change, before anything is saved. The reads are a few small
 * queries on the window's connection. Saving or removing the plan emits
 * ::changed; a failure emits ::failed with the reason. */
struct _XfStudyPlanDialog
{
  AdwMessageDialog  parent_instance;

  XfDatabase       *database;
  GPtrArray        *list_uuids;   /* char *, one per row of list_row */
  XfStudyPlan      *preview;
  char             *summary;
  gboolean          had_plan;

  AdwComboRow      *list_row;
  GtkMenuButton    *day_button;
  GtkCalendar      *calendar;
  GtkSpinButton    *minutes_spin;
  GtkLabel         *summary_label;
};

G_DEFINE_FINAL_TYPE (XfStudyPlanDialog, xf_study_plan_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
xf_study_plan_dialog_dup_exam_day (XfStudyPlanDialog *self)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (XF_IS_STUDY_PLAN_DIALOG (self), NULL);

  date = gtk_calendar_get_date (self->calendar);
  return g_date_time_format (date, "%Y-%m-%d");
}

static const char *
selected_list (XfStudyPlanDialog *self)
{
  guint i = adw_combo_row_get_selected (self->list_row);

  return self->list_uuids != NULL && i < self->list_uuids->len ? g_ptr_array_index (self->list_uuids, i) : NULL;
}

static char *
describe (const XfStudyPlan *plan)
{
  GString *text = g_string_new (NULL);

  if (plan->days_left == 0)
    {
      g_string_append (text, _("The exam date must be after today."));
      return g_string_free (text, FALSE);
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u study day before the exam.",
                                             "%u study days before the exam.", plan->days_left),
                          plan->days_left);
  g_string_append_c (text, '\n');
  /* TRANSLATORS: the items of the knowledge list by where they stand */
  g_string_append_printf (text, _("Of the list’s %u items, %u are still new, %u come up for review before the exam "
                                  "and %u would fall below the desired retention by then."),
                          plan->n_items, plan->n_new, plan->n_due_before, plan->n_at_risk);
  g_string_append (text, "\n\n");
  /* TRANSLATORS: what the plan asks of a day */
  g_string_append_printf (text, _("Each day: %u new items and %u brought forward, about %.0f minutes."),
                          plan->new_per_day, plan->at_risk_per_day, plan->minutes_per_day);
  if (!plan->feasible)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("%u items would still be new on the exam day: learning them all takes "
                                      "about %.0f minutes a day."),
                              plan->n_unreached, plan->minutes_needed);
    }
  return g_string_free (text, FALSE);
}

static void
update_preview (XfStudyPlanDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = xf_study_plan_dialog_dup_exam_day (self);
  /* TRANSLATORS: the exam date on its button, a strftime format */
  g_autofree char *label = g_date_time_format (date, _("%B %-d, %Y"));
  const char *list = selected_list (self);

  gtk_menu_button_set_label (self->day_button, label);
  g_clear_pointer (&self->preview, xf_study_plan_free);
  g_clear_pointer (&self->summary, g_free);
  if (list == NULL)
    self->summary = g_strdup (_("There is no knowledge list to plan for. Import one on the Lists page first."));
  else if ((self->preview = xf_study_plan_compute (self->database, g_get_real_time (), day, list,
                                                   (guint)gtk_spin_button_get_value_as_int (self->minutes_spin),
                                                   &error)) == NULL)
    self->summary = g_strdup_printf (_("Cannot work out the plan: %s"), error->message);
  else
    self->summary = describe (self->preview);
  gtk_label_set_text (self->summary_label, self->summary);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           self->preview != NULL && self->preview->days_left > 0);
}

static void
on_changed_cb (XfStudyPlanDialog *self)
{
  if (self->database != NULL && self->list_uuids != NULL)
    update_preview (self);
}

static void
on_day_selected_cb (XfStudyPlanDialog *self)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (self->day_button));

  gtk_widget_set_visible (popover, FALSE);
  on_changed_cb (self);
}

static void
load (XfStudyPlanDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lists = xf_knowledge_store_list_lists (self->database, &error);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(XfStudyPlan) plan = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_on = g_date_time_add_days (now, 30);

  self->list_uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lists != NULL && i < g_list_model_get_n_items (lists); i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (lists, i);

      g_ptr_array_add (self->list_uuids, g_strdup (xf_knowledge_list_get_uuid (list)));
      gtk_string_list_append (titles, xf_knowledge_list_get_title (list));
    }
  adw_combo_row_set_model (self->list_row, G_LIST_MODEL (titles));

  gtk_calendar_select_day (self->calendar, month_on);
  if (xf_study_plan_get (self->database, g_get_real_time (), &plan, &error) && plan != NULL)
    {
      self->had_plan = TRUE;
      xf_study_plan_dialog_set_exam_day (self, plan->exam_day);
      xf_study_plan_dialog_set_list (self, plan->list_uuid);
      gtk_spin_button_set_value (self->minutes_spin, plan->budget_minutes);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "remove", self->had_plan);
  update_preview (self);
}

static void
xf_study_plan_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  XfStudyPlanDialog *self = XF_STUDY_PLAN_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  if (g_str_equal (response, "save") && self->preview != NULL)
    done = xf_study_plan_set (self->database, self->preview->exam_day, self->preview->list_uuid,
                              self->preview->budget_minutes, &error);
  else if (g_str_equal (response, "remove"))
    done = xf_study_plan_clear (self->database, &error);

  if (done)
    g_signal_emit (self, signals[CHANGED], 0);
  else if (error != NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
}

static void
xf_study_plan_dialog_constructed (GObject *object)
{
  XfStudyPlanDialog *self = XF_STUDY_PLAN_DIALOG (object);

  G_OBJECT_CLASS (xf_study_plan_dialog_parent_class)->constructed (object);

  load (self);
}

static void
xf_study_plan_dialog_finalize (GObject *object)
{
  XfStudyPlanDialog *self = XF_STUDY_PLAN_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->list_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->preview, xf_study_plan_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (xf_study_plan_dialog_parent_class)->finalize (object);
}

static void
xf_study_plan_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XfStudyPlanDialog *self = XF_STUDY_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_study_plan_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XfStudyPlanDialog *self = XF_STUDY_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_study_plan_dialog_class_init (XfStudyPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = xf_study_plan_dialog_constructed;
  object_class->finalize = xf_study_plan_dialog_finalize;
  object_class->get_property = xf_study_plan_dialog_get_property;
  object_class->set_property = xf_study_plan_dialog_set_property;
  dialog_class->response = xf_study_plan_dialog_response;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfStudyPlanDialog::changed:
   *
   * Emitted when the plan was saved or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * XfStudyPlanDialog::failed:
   * @error: why the plan was not saved or removed
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-study-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfStudyPlanDialog, list_row);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPlanDialog, day_button);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPlanDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPlanDialog, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPlanDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
}

static void
xf_study_plan_dialog_init (XfStudyPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_study_plan_dialog_new:
 * @parent: the window it belongs to
 * @database: the profile's database
 *
 * Returns: (transfer floating): the dialog, filled with the stored plan
 *   or, without one, the first list and a date a month away
 */
XfStudyPlanDialog *
xf_study_plan_dialog_new (GtkWindow  *parent,
                          XfDatabase *database)
{
  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);

  return g_object_new (XF_TYPE_STUDY_PLAN_DIALOG, "transient-for", parent, "modal", TRUE,
                       "database", database, NULL);
}

void
xf_study_plan_dialog_set_exam_day (XfStudyPlanDialog *self,
                                   const char        *exam_day)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *iso = g_strconcat (exam_day, "T12:00:00", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, zone);

  g_return_if_fail (XF_IS_STUDY_PLAN_DIALOG (self));

  if (date == NULL)
    return;
  gtk_calendar_select_day (self->calendar, date);
  on_changed_cb (self);
}

void
xf_study_plan_dialog_set_list (XfStudyPlanDialog *self,
                               const char        *list_uuid)
{
  g_return_if_fail (XF_IS_STUDY_PLAN_DIALOG (self));

  for (guint i = 0; self->list_uuids != NULL && i < self->list_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->list_uuids, i), list_uuid) == 0)
      adw_combo_row_set_selected (self->list_row, i);
}

void
xf_study_plan_dialog_set_minutes (XfStudyPlanDialog *self,
                                  guint              minutes)
{
  g_return_if_fail (XF_IS_STUDY_PLAN_DIALOG (self));

  gtk_spin_button_set_value (self->minutes_spin, minutes);
}

/**
 * xf_study_plan_dialog_get_preview:
 *
 * Returns: (nullable): the plan the dialog's fields make now
 */
const XfStudyPlan *
xf_study_plan_dialog_get_preview (XfStudyPlanDialog *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PLAN_DIALOG (self), NULL);

  return self->preview;
}

const char *
xf_study_plan_dialog_get_summary (XfStudyPlanDialog *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PLAN_DIALOG (self), NULL);

  return self->summary;
}
