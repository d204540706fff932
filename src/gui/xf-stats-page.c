/* xf-stats-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-page-read.h"
#include "xf-stats-page.h"

/* 学习统计: the streak, the study time of today, this week and this
 * year, a chart of it by day (the last 30), week (the last 12) or month
 * (this year), and where each knowledge list stands. Everything is read
 * in a thread on a connection of its own, each time the page is shown:
 * study elsewhere (another window, xuefactl) shows up too. */

#define N_DAYS  30
#define N_WEEKS 12

struct _XfStatsPage
{
  GtkWidget       parent_instance;

  XfDatabase     *database;
  XfPageRead      read;
  struct Stats   *stats;
  XfStudyBucket   period;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *streak_label;
  GtkLabel       *streak_caption;
  GtkLabel       *today_label;
  GtkLabel       *week_label;
  GtkLabel       *year_label;
  GtkToggleButton *day_button;
  GtkToggleButton *week_button;
  GtkToggleButton *year_button;
  XfStudyChart   *chart;
  GtkListBox     *lists_box;
};

G_DEFINE_FINAL_TYPE (XfStatsPage, xf_stats_page, GTK_TYPE_WIDGET)

typedef struct Stats
{
  gint64     now;
  guint      streak;
  gboolean   today;
  gint64     today_ms;
  gint64     week_ms;
  gint64     year_ms;
  GArray    *days;    /* XfStudyTotal, the last N_DAYS */
  GArray    *weeks;   /* the last N_WEEKS */
  GArray    *months;  /* this year's */
  GPtrArray *lists;   /* XfStudyListState */
} Stats;

static void
stats_free (Stats *stats)
{
  g_clear_pointer (&stats->days, g_array_unref);
  g_clear_pointer (&stats->weeks, g_array_unref);
  g_clear_pointer (&stats->months, g_array_unref);
  g_clear_pointer (&stats->lists, g_ptr_array_unref);
  g_free (stats);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Stats, stats_free)

/**
 * xf_format_study_streak:
 * @today: whether today is one of the @days
 *
 * Returns: (transfer full): "连续学习 3 天"
 */
char *
xf_format_study_streak (guint    days,
                        gboolean today)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day in a row", "%u days in a row", days), days);
}

/**
 * xf_format_list_state:
 *
 * Returns: (transfer full): "已掌握 3 · 待复习 2 · 未学习 40"
 */
char *
xf_format_list_state (const XfStudyListState *state)
{
  g_return_val_if_fail (state != NULL, NULL);
  /* TRANSLATORS: the items of a knowledge list learned, due for review and not studied yet */
  return g_strdup_printf (_("Learned %u · Due %u · New %u"), state->learned, state->due, state->fresh);
}

/* Where the bars of each period start: the day, week or year that holds
 * @now and the ones before it */
static gint64
days_back (gint64 now,
           int    days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) back = g_date_time_add_days (local, -days);

  return g_date_time_to_unix (back) * G_USEC_PER_SEC;
}

static GArray *
period_totals (XfDatabase     *db,
               XfStudyBucket   period,
               gint64          now,
               GError        **error)
{
  gint64 from, to;

  switch (period)
    {
    case XF_STUDY_BUCKET_DAY:
      from = xf_study_bucket_start (XF_STUDY_BUCKET_DAY, days_back (now, N_DAYS - 1));
      to = xf_study_bucket_next (XF_STUDY_BUCKET_DAY, xf_study_bucket_start (XF_STUDY_BUCKET_DAY, now));
      return xf_study_time_totals (db, from, to, XF_STUDY_BUCKET_DAY, error);
    case XF_STUDY_BUCKET_WEEK:
      from = xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, days_back (now, 7 * (N_WEEKS - 1)));
      to = xf_study_bucket_next (XF_STUDY_BUCKET_WEEK, xf_study_bucket_start (XF_STUDY_BUCKET_WEEK, now));
      return xf_study_time_totals (db, from, to, XF_STUDY_BUCKET_WEEK, error);
    case XF_STUDY_BUCKET_MONTH:
    case XF_STUDY_BUCKET_YEAR:
    default:
      from = xf_study_bucket_start (XF_STUDY_BUCKET_YEAR, now);
      to = xf_study_bucket_next (XF_STUDY_BUCKET_YEAR, from);
      return xf_study_time_totals (db, from, to, XF_STUDY_BUCKET_MONTH, error);
    }
}

static gint64
last_total (GArray *totals)
{
  return g_array_index (totals, XfStudyTotal, totals->len - 1).active_ms;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Stats) stats = g_new0 (Stats, 1);

  stats->now = g_get_real_time ();
  if (!(db = xf_database_open (task_data, &error)) ||
      !xf_study_time_streak (db, stats->now, &stats->streak, &stats->today, &error) ||
      !(stats->days = period_totals (db, XF_STUDY_BUCKET_DAY, stats->now, &error)) ||
      !(stats->weeks = period_totals (db, XF_STUDY_BUCKET_WEEK, stats->now, &error)) ||
      !(stats->months = period_totals (db, XF_STUDY_BUCKET_YEAR, stats->now, &error)) ||
      !(stats->lists = xf_study_list_states (db, stats->now, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stats->today_ms = last_total (stats->days);
  stats->week_ms = last_total (stats->weeks);
  for (guint i = 0; i < stats->months->len; i++)
    stats->year_ms += g_array_index (stats->months, XfStudyTotal, i).active_ms;
  g_task_return_pointer (task, g_steal_pointer (&stats), (GDestroyNotify)stats_free);
}

static void
show_period (XfStatsPage *self)
{
  GArray *totals = NULL;

  if (self->stats != NULL)
    totals = self->period == XF_STUDY_BUCKET_DAY ? self->stats->days
           : self->period == XF_STUDY_BUCKET_WEEK ? self->stats->weeks
           : self->stats->months;
  xf_study_chart_set_totals (self->chart, totals,
                             self->period == XF_STUDY_BUCKET_YEAR ? XF_STUDY_BUCKET_MONTH : self->period,
                             self->stats != NULL ? self->stats->now : 0);
}

static GtkWidget *
list_row (const XfStudyListState *state)
{
  g_autofree char *subtitle = xf_format_list_state (state);
  g_autofree char *percent = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  double learned = state->total > 0 ? (double)state->learned / state->total : 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), state->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), learned);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* TRANSLATORS: the share of a knowledge list learned, as a level bar's label */
  percent = g_strdup_printf (_("%u of %u learned"), state->learned, state->total);
  gtk_widget_set_tooltip_text (bar, percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, percent, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  return row;
}

static void
show_stats (XfStatsPage *self)
{
  Stats *stats = self->stats;
  g_autofree char *streak = xf_format_study_streak (stats->streak, stats->today);
  g_autofree char *today = xf_format_study_duration (stats->today_ms);
  g_autofree char *week = xf_format_study_duration (stats->week_ms);
  g_autofree char *year = xf_format_study_duration (stats->year_ms);
  GtkWidget *child;

  gtk_label_set_label (self->streak_label, streak);
  gtk_label_set_label (self->streak_caption,
                       stats->today ? _("Studied today")
                       : stats->streak > 0 ? _("Study today to keep it going")
                       : _("Study today to start a streak"));
  gtk_label_set_label (self->today_label, today);
  gtk_label_set_label (self->week_label, week);
  gtk_label_set_label (self->year_label, year);
  show_period (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lists_box))) != NULL)
    gtk_list_box_remove (self->lists_box, child);
  for (guint i = 0; i < stats->lists->len; i++)
    gtk_list_box_append (self->lists_box, list_row (g_ptr_array_index (stats->lists, i)));
  if (stats->lists->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No knowledge lists yet"));
      gtk_list_box_append (self->lists_box, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "stats");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfStatsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;
  Stats *stats = xf_page_read_finish (&self->read, result, &cancelled, &error);

  if (cancelled)
    return;
  if (stats == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->stats, stats_free);
  self->stats = stats;
  show_stats (self);
}

/**
 * xf_stats_page_reload:
 *
 * Reads the statistics again.
 */
void
xf_stats_page_reload (XfStatsPage *self)
{
  g_return_if_fail (XF_IS_STATS_PAGE (self));

  if (self->database == NULL)
    {
      xf_page_read_stop (&self->read);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  /* The figures shown stay until the new ones come */
  if (!self->read.loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  xf_page_read_start (&self->read, self, self->database, xf_stats_page_reload, load_thread, on_loaded);
}

void
xf_stats_page_set_database (XfStatsPage *self,
                            XfDatabase  *database)
{
  g_return_if_fail (XF_IS_STATS_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  xf_page_read_forget (&self->read);
  g_clear_pointer (&self->stats, stats_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_stats_page_reload (self);
}

/**
 * xf_stats_page_get_loading:
 *
 * Returns: whether the figures are being read, or will be when shown
 */
gboolean
xf_stats_page_get_loading (XfStatsPage *self)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), FALSE);
  return xf_page_read_get_busy (&self->read, self->database);
}

/**
 * xf_stats_page_get_state:
 *
 * Returns: what the page shows: "loading", "error" or "stats"
 */
const char *
xf_stats_page_get_state (XfStatsPage *self)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
xf_stats_page_get_streak (XfStatsPage *self)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), 0);
  return self->stats != NULL ? self->stats->streak : 0;
}

/**
 * xf_stats_page_get_total:
 * @bucket: %XF_STUDY_BUCKET_DAY (today), _WEEK (this week) or _YEAR
 *
 * Returns: the active milliseconds shown for it
 */
gint64
xf_stats_page_get_total (XfStatsPage   *self,
                         XfStudyBucket  bucket)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), 0);
  if (self->stats == NULL)
    return 0;
  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      return self->stats->today_ms;
    case XF_STUDY_BUCKET_WEEK:
      return self->stats->week_ms;
    case XF_STUDY_BUCKET_MONTH:
      return last_total (self->stats->months);
    case XF_STUDY_BUCKET_YEAR:
    default:
      return self->stats->year_ms;
    }
}

/**
 * xf_stats_page_get_period:
 *
 * Returns: what the chart shows: %XF_STUDY_BUCKET_DAY (the last 30
 *   days), _WEEK (the last 12 weeks) or _YEAR (this year by month)
 */
XfStudyBucket
xf_stats_page_get_period (XfStatsPage *self)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), XF_STUDY_BUCKET_DAY);
  return self->period;
}

void
xf_stats_page_set_period (XfStatsPage   *self,
                          XfStudyBucket  period)
{
  g_return_if_fail (XF_IS_STATS_PAGE (self));

  if (period == XF_STUDY_BUCKET_MONTH)
    period = XF_STUDY_BUCKET_YEAR;
  /* The button's toggled handler shows the period */
  gtk_toggle_button_set_active (period == XF_STUDY_BUCKET_DAY ? self->day_button
                                : period == XF_STUDY_BUCKET_WEEK ? self->week_button
                                : self->year_button, TRUE);
}

XfStudyChart *
xf_stats_page_get_chart (XfStatsPage *self)
{
  g_return_val_if_fail (XF_IS_STATS_PAGE (self), NULL);
  return self->chart;
}

static void
on_period_button_toggled_cb (XfStatsPage     *self,
                             GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->period = button == self->day_button ? XF_STUDY_BUCKET_DAY
               : button == self->week_button ? XF_STUDY_BUCKET_WEEK
               : XF_STUDY_BUCKET_YEAR;
  show_period (self);
}

static void
xf_stats_page_map (GtkWidget *widget)
{
  XfStatsPage *self = XF_STATS_PAGE (widget);

  GTK_WIDGET_CLASS (xf_stats_page_parent_class)->map (widget);
  if (!self->read.loading)
    xf_stats_page_reload (self);
}

static void
xf_stats_page_dispose (GObject *object)
{
  XfStatsPage *self = (XfStatsPage *)object;
  GtkWidget *child;

  xf_page_read_clear (&self->read);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_STATS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->stats, stats_free);

  G_OBJECT_CLASS (xf_stats_page_parent_class)->dispose (object);
}

static void
xf_stats_page_class_init (XfStatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_stats_page_dispose;
  widget_class->map = xf_stats_page_map;

  g_type_ensure (XF_TYPE_STUDY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-stats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, streak_caption);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, today_label);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, year_button);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, XfStatsPage, lists_box);
  gtk_widget_class_bind_template_callback (widget_class, on_period_button_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_stats_page_init (XfStatsPage *self)
{
  self->period = XF_STUDY_BUCKET_DAY;
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_page_read_init (&self->read, self->spinner);
}
