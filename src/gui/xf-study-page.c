/* xf-study-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-knowledge-store.h"
#include "xf-question-store.h"
#include "xf-study-page.h"
#include "xf-study-plan.h"
#include "xf-study-time.h"
#include "xf-study-timer.h"

/* Studying: an overview of today's cards (due reviews, new cards and
 * learning steps, for everything or one knowledge list), the sitting in
 * the card view, and a summary after the last card. The queue and what
 * each card shows are read in a thread on a connection of their own; the
 * sitting writes its ratings through its own queue of jobs
 * (XfStudySession). The settings (desired retention, daily limits) are
 * one short write to meta on the page's connection. */

struct _XfStudyPage
{
  GtkWidget        parent_instance;

  XfDatabase      *database;
  GCancellable    *cancellable;
  gboolean         loading;
  gboolean         loaded;
  gboolean         reload_when_written;
  struct _Loaded  *loaded_data;
  GPtrArray       *list_uuids;     /* char *, NULL first: everything */
  char            *list_uuid;      /* the one chosen, or NULL */
  gboolean         filling;        /* the dropdown is being refilled */
  XfStudySession  *session;
  XfStudyTimer    *timer;          /* study time, while cards show */
  const GError    *error_shown;

  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwStatusPage   *overview_page;
  GtkWidget       *counts_box;
  GtkLabel        *due_count_label;
  GtkLabel        *new_count_label;
  GtkLabel        *learning_count_label;
  GtkLabel        *done_label;
  GtkDropDown     *list_dropdown;
  GtkStringList   *list_names;
  GtkWidget       *start_button;
  GtkLabel        *plan_label;
  GtkButton       *plan_button;
  XfStudyCardView *card_view;
  AdwStatusPage   *summary_page;
  GtkWidget       *summary_button;
  GtkPopover      *settings_popover;
  GtkSpinButton   *retention_spin;
  GtkSpinButton   *new_spin;
  GtkSpinButton   *reviews_spin;
  GtkLabel        *settings_error_label;
};

G_DEFINE_FINAL_TYPE (XfStudyPage, xf_study_page, GTK_TYPE_WIDGET)

/* What a load read */
typedef struct _Loaded
{
  XfStudyQueue    *queue;
  GPtrArray       *entries;   /* XfStudyEntry, the queue's cards */
  GPtrArray       *lists;     /* XfKnowledgeList */
  XfStudySettings  settings;
  XfStudyPlan     *plan;      /* nullable */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->queue, xf_study_queue_free);
  g_clear_pointer (&loaded->entries, g_ptr_array_unref);
  g_clear_pointer (&loaded->lists, g_ptr_array_unref);
  g_clear_pointer (&loaded->plan, xf_study_plan_free);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

typedef struct
{
  char *path;
  char *list_uuid;
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request->list_uuid);
  g_free (request);
}

/**
 * xf_format_study_summary:
 *
 * Returns: (transfer full): "学习了 12 张卡片，重来 3 次，用时 8 分钟"
 */
char *
xf_format_study_summary (guint  n_studied,
                         guint  n_again,
                         gint64 time_ms)
{
  g_autofree char *cards = NULL;
  g_autofree char *again = NULL;
  guint minutes = (guint)MAX ((time_ms + 30000) / 60000, n_studied > 0 ? 1 : 0);

  cards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card studied", "%u cards studied", n_studied),
                           n_studied);
  again = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time again", "%u times again", n_again), n_again);
  /* TRANSLATORS: the summary of a sitting: "12 cards studied, 3 times again, in 8 minutes" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, in %u minute", "%s, %s, in %u minutes", minutes),
                          cards, again, minutes);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = g_new0 (Loaded, 1);
  g_autoptr(GListModel) lists = NULL;

  db = xf_database_open (request->path, &error);
  if (db == NULL || !xf_study_store_get_settings (db, &loaded->settings, &error) ||
      (loaded->queue = xf_study_store_queue (db, g_get_real_time (), request->list_uuid, NULL, &error)) == NULL ||
      (lists = xf_knowledge_store_list_lists (db, &error)) == NULL ||
      !xf_study_plan_get (db, g_get_real_time (), &loaded->plan, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded->lists = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (lists); i++)
    g_ptr_array_add (loaded->lists, g_list_model_get_item (lists, i));

  loaded->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_entry_free);
  for (guint i = 0; i < loaded->queue->cards->len; i++)
    {
      XfStudyCard *card = g_ptr_array_index (loaded->queue->cards, i);
      XfStudyEntry *entry = g_new0 (XfStudyEntry, 1);

      if (g_task_return_error_if_cancelled (task))
        {
          xf_study_entry_free (entry);
          return;
        }
      entry->card = xf_study_card_copy (card);
      if (card->kind == XF_STUDY_KIND_ITEM)
        entry->item = xf_knowledge_store_get_item (db, card->key, NULL);
      else
        entry->question = xf_question_store_get_by_uuid (db, card->key, NULL);
      /* Gone since the queue was read: nothing to show */
      if (entry->item == NULL && entry->question == NULL)
        xf_study_entry_free (entry);
      else
        g_ptr_array_add (loaded->entries, entry);
    }
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify)loaded_free);
}

static void
set_loading (XfStudyPage *self,
             gboolean     loading)
{
  self->loading = loading;
  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

static void
fill_lists (XfStudyPage *self,
            GPtrArray   *lists)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  self->filling = TRUE;
  g_clear_pointer (&self->list_uuids, g_ptr_array_unref);
  self->list_uuids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->list_uuids, NULL);
  g_ptr_array_add (names, (gpointer)_("All lists and question banks"));
  for (guint i = 0; i < lists->len; i++)
    {
      XfKnowledgeList *list = g_ptr_array_index (lists, i);

      g_ptr_array_add (self->list_uuids, g_strdup (xf_knowledge_list_get_uuid (list)));
      g_ptr_array_add (names, (gpointer)xf_knowledge_list_get_title (list));
      if (g_strcmp0 (self->list_uuid, xf_knowledge_list_get_uuid (list)) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->list_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->list_names)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->list_dropdown, selected);
  self->filling = FALSE;
}

/* The exam plan in a line, and the button that sets it */
static void
show_plan (XfStudyPage       *self,
           const XfStudyPlan *plan)
{
  g_autofree char *text = NULL;

  if (plan == NULL || plan->days_left == 0)
    {
      gtk_label_set_text (self->plan_label, _("An exam coming? Give its date and Xuefa plans each day for it."));
      gtk_button_set_label (self->plan_button, _("_Exam Plan…"));
      return;
    }
  /* TRANSLATORS: the exam plan on the study page: the list, the exam's
   * date, the days left, then today's share */
  text = g_strdup_printf (_("Exam on %s for “%s”, %u days left: %u new items and %u brought forward a day."),
                          plan->exam_day, plan->list_title, plan->days_left, plan->new_per_day,
                          plan->at_risk_per_day);
  if (!plan->feasible)
    {
      g_autofree char *short_of = g_strdup_printf (_("The daily time leaves %u items unlearned by then."),
                                                   plan->n_unreached);
      g_autofree char *both = g_strconcat (text, " ", short_of, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->plan_label, text);
  gtk_button_set_label (self->plan_button, _("Change _Plan…"));
}

static void
show_overview (XfStudyPage *self)
{
  Loaded *loaded = self->loaded_data;
  XfStudyQueue *queue = loaded->queue;
  g_autofree char *done = NULL;
  g_autofree char *description = NULL;
  gboolean any = loaded->entries->len > 0;

  set_count (self->due_count_label, queue->n_due);
  set_count (self->new_count_label, queue->n_new);
  set_count (self->learning_count_label, queue->n_learning);
  /* TRANSLATORS: what was studied today already: "今日已学新卡片 5 张，复习 12 张" */
  done = g_strdup_printf (_("Today so far: %u new cards learned, %u cards reviewed"), queue->n_new_today,
                          queue->n_reviewed_today);
  gtk_label_set_text (self->done_label, done);
  show_plan (self, loaded->plan);
  gtk_widget_set_visible (self->counts_box, any);
  gtk_widget_set_visible (self->start_button, any);
  if (any)
    {
      adw_status_page_set_title (self->overview_page, _("Today’s Study"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card to study today",
                                                  "%u cards to study today", loaded->entries->len),
                                     loaded->entries->len);
      adw_status_page_set_description (self->overview_page, description);
    }
  else
    {
      adw_status_page_set_title (self->overview_page, _("Nothing Is Due Today"));
      if (queue->n_due_total > 0)
        description = g_strdup (_("Today’s reviews are done up to the daily limit. Raise it in the settings to review more."));
      else if (queue->next_due > 0)
        {
          g_autoptr(GDateTime) next = g_date_time_new_from_unix_local (queue->next_due / G_USEC_PER_SEC);
          /* TRANSLATORS: when the next card falls due, a strftime format */
          g_autofree char *when = g_date_time_format (next, _("%B %-d, %H:%M"));

          /* TRANSLATORS: %s is a date and time, as "11月29日 08:00" */
          description = g_strdup_printf (_("Every card due today is done. The next one falls due on %s."), when);
        }
      else
        description = g_strdup (_("Every card due today is done. Come back tomorrow, or add a knowledge list or a question bank."));
      adw_status_page_set_description (self->overview_page, description);
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (self->settings_popover)))
    {
      gtk_spin_button_set_value (self->retention_spin, loaded->settings.retention);
      gtk_spin_button_set_value (self->new_spin, loaded->settings.new_per_day);
      gtk_spin_button_set_value (self->reviews_spin, loaded->settings.reviews_per_day);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.start", any);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  if (any && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->start_button);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfStudyPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_loading (self, FALSE);
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      if (self->session == NULL)
        gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->loaded = TRUE;
  g_clear_pointer (&self->loaded_data, loaded_free);
  self->loaded_data = g_steal_pointer (&loaded);
  fill_lists (self, self->loaded_data->lists);
  /* A sitting under way stays; the overview waits behind it */
  if (self->session == NULL)
    show_overview (self);
}

/**
 * xf_study_page_reload:
 *
 * Reads today's queue again.
 */
void
xf_study_page_reload (XfStudyPage *self)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (XF_IS_STUDY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->database == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  set_loading (self, TRUE);
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  request = g_new0 (Request, 1);
  request->path = g_strdup (xf_database_get_path (self->database));
  request->list_uuid = g_strdup (self->list_uuid);
  task = g_task_new (self, self->cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, xf_study_page_reload);
  g_task_set_task_data (task, request, (GDestroyNotify)request_free);
  g_task_run_in_thread (task, load_thread);
}

static void
on_list_dropdown_selected_cb (XfStudyPage *self,
                              GParamSpec  *pspec,
                              GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->list_uuids == NULL || selected >= self->list_uuids->len)
    return;
  g_free (self->list_uuid);
  self->list_uuid = g_strdup (g_ptr_array_index (self->list_uuids, selected));
  xf_study_page_reload (self);
}

/* The sitting */

static void
show_toast (XfStudyPage *self,
            AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
end_session (XfStudyPage *self)
{
  if (self->session == NULL)
    return;
  /* Its writes go on: the session lives until they are done */
  g_signal_handlers_disconnect_by_data (self->session, self);
  self->reload_when_written = xf_study_session_get_n_pending (self->session) > 0;
  xf_study_card_view_set_session (self->card_view, NULL);
  g_clear_object (&self->session);
}

static void
show_summary (XfStudyPage *self)
{
  g_autofree char *summary = xf_format_study_summary (xf_study_session_get_n_studied (self->session),
                                                      xf_study_session_get_n_again (self->session),
                                                      xf_study_session_get_time_ms (self->session));
  g_autofree char *description = NULL;
  gint64 next = xf_study_session_get_next_due (self->session);

  if (next > 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (next / G_USEC_PER_SEC);
      g_autofree char *clock = g_date_time_format (time, "%H:%M");

      /* TRANSLATORS: after the summary of a sitting: when the next learning card is due, "14:30" */
      description = g_strdup_printf (_("%s. The next card is due at %s."), summary, clock);
    }
  else
    description = g_strdup_printf ("%s.", summary);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (self->summary_button);
}

static void
on_session_changed_cb (XfStudyPage    *self,
                       XfStudySession *session)
{
  if (xf_study_session_get_finished (session))
    show_summary (self);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "card") != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "card");
      gtk_widget_grab_focus (GTK_WIDGET (self->card_view));
    }
}

static void
on_retry_clicked_cb (AdwToast       *toast,
                     XfStudySession *session)
{
  xf_study_session_retry (session);
}

static void
on_session_writes_changed_cb (XfStudyPage    *self,
                              XfStudySession *session)
{
  const GError *error = xf_study_session_get_write_error (session);
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (error == NULL || error == self->error_shown)
    return;
  self->error_shown = error;
  /* TRANSLATORS: a rating could not be written; %s is the reason */
  message = g_strdup_printf (_("A rating could not be saved: %s"), error->message);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Retry"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_retry_clicked_cb), g_object_ref (session),
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  show_toast (self, toast);
}

static void
on_old_session_writes_changed_cb (XfStudyPage    *self,
                                  XfStudySession *session)
{
  on_session_writes_changed_cb (self, session);
  if (xf_study_session_get_n_pending (session) == 0)
    {
      g_signal_handlers_disconnect_by_func (session, on_old_session_writes_changed_cb, self);
      if (self->reload_when_written)
        {
          self->reload_when_written = FALSE;
          xf_study_page_reload (self);
        }
    }
}

static void
leave_session (XfStudyPage *self)
{
  XfStudySession *session = self->session;

  if (session != NULL && xf_study_session_get_n_pending (session) > 0)
    g_signal_connect_object (session, "writes-changed", G_CALLBACK (on_old_session_writes_changed_cb), self,
                             G_CONNECT_SWAPPED);
  end_session (self);
  if (self->loaded_data != NULL)
    show_overview (self);
  if (!self->reload_when_written)
    xf_study_page_reload (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfStudyPage *self = XF_STUDY_PAGE (widget);
  Loaded *loaded = self->loaded_data;
  g_autoptr(GPtrArray) entries = NULL;

  if (loaded == NULL || loaded->entries->len == 0 || self->session != NULL || self->database == NULL)
    return;
  entries = g_steal_pointer (&loaded->entries);
  loaded->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_study_entry_free);
  self->session = xf_study_session_new (xf_database_get_path (self->database), g_steal_pointer (&entries),
                                        &loaded->settings);
  self->error_shown = NULL;
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "writes-changed", G_CALLBACK (on_session_writes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  xf_study_card_view_set_session (self->card_view, self->session);
  on_session_changed_cb (self, self->session);
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  leave_session (XF_STUDY_PAGE (widget));
}

static void
on_card_view_leave_cb (XfStudyPage     *self,
                       XfStudyCardView *view)
{
  leave_session (self);
}

static void
save_settings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfStudyPage *self = XF_STUDY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  XfStudySettings settings;

  if (self->database == NULL)
    return;
  /* A value typed and not yet taken counts */
  gtk_spin_button_update (self->retention_spin);
  gtk_spin_button_update (self->new_spin);
  gtk_spin_button_update (self->reviews_spin);
  /* Two decimals, as shown: the spin's double is not exactly 0.85 */
  settings.retention = g_ascii_strtod (gtk_editable_get_text (GTK_EDITABLE (self->retention_spin)), NULL);
  if (settings.retention <= 0)
    settings.retention = gtk_spin_button_get_value (self->retention_spin);
  settings.retention = (double)(gint64)(settings.retention * 100 + 0.5) / 100;
  settings.new_per_day = (guint)gtk_spin_button_get_value_as_int (self->new_spin);
  settings.reviews_per_day = (guint)gtk_spin_button_get_value_as_int (self->reviews_spin);
  if (!xf_study_store_set_settings (self->database, &settings, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The settings could not be saved: %s"), error->message);

      gtk_label_set_text (self->settings_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->settings_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->settings_error_label), FALSE);
  gtk_popover_popdown (self->settings_popover);
  if (self->session == NULL)
    xf_study_page_reload (self);
}

void
xf_study_page_set_database (XfStudyPage *self,
                            XfDatabase  *database)
{
  g_return_if_fail (XF_IS_STUDY_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->session != NULL && self->database != NULL)
    xf_study_session_flush (self->session, self->database);
  end_session (self);
  self->reload_when_written = FALSE;
  /* The time studied in the profile before ends there */
  g_clear_object (&self->timer);
  g_set_object (&self->database, database);
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->loaded_data, loaded_free);
  g_clear_pointer (&self->list_uuid, g_free);
  self->loaded = FALSE;
  set_loading (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_study_page_reload (self);
}

/**
 * xf_study_page_get_loading:
 *
 * Returns: whether the queue is being read, or will be when shown
 */
gboolean
xf_study_page_get_loading (XfStudyPage *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PAGE (self), FALSE);
  return self->loading || (self->database != NULL && !self->loaded);
}

/**
 * xf_study_page_get_state:
 *
 * Returns: what the page shows: "loading", "error", "overview", "card" or
 *   "summary"
 */
const char *
xf_study_page_get_state (XfStudyPage *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_study_page_get_card_view:
 *
 * Returns: (transfer none): the view of the sitting's cards
 */
XfStudyCardView *
xf_study_page_get_card_view (XfStudyPage *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PAGE (self), NULL);
  return self->card_view;
}

/**
 * xf_study_page_get_n_pending:
 *
 * Returns: how many ratings or undos of the sitting are not written yet
 */
guint
xf_study_page_get_n_pending (XfStudyPage *self)
{
  g_return_val_if_fail (XF_IS_STUDY_PAGE (self), 0);
  return self->session != NULL ? xf_study_session_get_n_pending (self->session) : 0;
}

/**
 * xf_study_page_get_counts:
 *
 * The overview's counts of today's queue.
 *
 * Returns: whether the queue was read
 */
gboolean
xf_study_page_get_counts (XfStudyPage *self,
                          guint       *n_due,
                          guint       *n_new,
                          guint       *n_learning)
{
  g_return_val_if_fail (XF_IS_STUDY_PAGE (self), FALSE);

  if (self->loaded_data == NULL)
    return FALSE;
  *n_due = self->loaded_data->queue->n_due;
  *n_new = self->loaded_data->queue->n_new;
  *n_learning = self->loaded_data->queue->n_learning;
  return TRUE;
}

/* Studying counts as study time while cards show on screen */
static void
update_timer (XfStudyPage *self)
{
  if (self->database != NULL && self->timer == NULL)
    self->timer = xf_study_timer_new (self->database, GTK_WIDGET (self), XF_STUDY_ACTIVITY_STUDY);
  if (self->timer == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "card") == 0)
    xf_study_timer_start (self->timer);
  else
    xf_study_timer_stop (self->timer);
}

static void
xf_study_page_map (GtkWidget *widget)
{
  XfStudyPage *self = XF_STUDY_PAGE (widget);

  GTK_WIDGET_CLASS (xf_study_page_parent_class)->map (widget);

  /* Cards rated or content added elsewhere count; a sitting stays as it is */
  if (!self->loading && self->session == NULL)
    xf_study_page_reload (self);
  update_timer (self);
}

static void
xf_study_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_study_page_parent_class)->unmap (widget);
  update_timer (XF_STUDY_PAGE (widget));
}

static void
xf_study_page_dispose (GObject *object)
{
  XfStudyPage *self = (XfStudyPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL && self->database != NULL)
    xf_study_session_flush (self->session, self->database);
  end_session (self);
  g_clear_object (&self->timer);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_STUDY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->loaded_data, loaded_free);
  g_clear_pointer (&self->list_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->list_uuid, g_free);

  G_OBJECT_CLASS (xf_study_page_parent_class)->dispose (object);
}

static void
xf_study_page_class_init (XfStudyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_study_page_dispose;
  widget_class->map = xf_study_page_map;
  widget_class->unmap = xf_study_page_unmap;

  g_type_ensure (XF_TYPE_STUDY_CARD_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-study-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, overview_page);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, due_count_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, new_count_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, learning_count_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, list_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, list_names);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, card_view);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, summary_page);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, summary_button);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, settings_popover);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, new_spin);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, reviews_spin);
  gtk_widget_class_bind_template_child (widget_class, XfStudyPage, settings_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_card_view_leave_cb);

  gtk_widget_class_install_action (widget_class, "study.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "study.overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "study.save-settings", NULL, save_settings_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "study.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "study.start", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_study_page_init (XfStudyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.start", FALSE);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (update_timer), self);
}
