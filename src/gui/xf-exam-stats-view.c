/* xf-exam-stats-view.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xf-exam-format.h"
#include "xf-exam-stats-item.h"
#include "xf-exam-stats-view.h"
#include "xf-exam-stats.h"
#include "xf-exam-store.h"

/* The statistics of one exam for whoever maintains its banks: the spread
 * of the scores, a histogram of them, and the item analysis (facility,
 * discrimination, options chosen) of every question, as
 * xf_exam_store_stats() computes them. They are computed in a thread on
 * a connection of its own: an exam taken many times loads every paper
 * and every question version it held. */

struct _XfExamStatsView
{
  AdwWindow              parent_instance;

  char                  *db_path;
  char                  *exam_uuid;
  GCancellable          *cancellable;
  gboolean               loading;
  guint                  scroll_source;
  guint                  bins[XF_EXAM_STATS_BINS];

  AdwViewSwitcherTitle  *switcher_title;
  AdwViewStack          *view_stack;
  GtkLabel              *title_label;
  GtkStack              *stack;
  GtkSpinner            *spinner;
  AdwStatusPage         *error_page;
  GtkLabel              *summary_label;
  GtkLabel              *attempts_label;
  GtkLabel              *mean_label;
  GtkLabel              *median_label;
  GtkLabel              *stddev_label;
  GtkLabel              *pass_rate_label;
  GtkLabel              *highest_label;
  GtkLabel              *lowest_label;
  GtkDrawingArea        *histogram_area;
  GtkWidget             *negative_box;
  GtkLabel              *negative_label;
  GtkColumnView         *items_view;
  GtkSortListModel      *sort_model;
  GListStore            *items_store;
  GtkColumnViewColumn   *number_column;
};

G_DEFINE_FINAL_TYPE (XfExamStatsView, xf_exam_stats_view, ADW_TYPE_WINDOW)

typedef struct
{
  XfExam      *exam;
  XfExamStats *stats;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->exam, xf_exam_free);
  g_clear_pointer (&loaded->stats, xf_exam_stats_free);
  g_free (loaded);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char * const *args = task_data;  /* database path, exam UUID */
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  if ((db = xf_database_open (args[0], &error)) == NULL ||
      (loaded->exam = xf_exam_store_get (db, args[1], &error)) == NULL ||
      (loaded->stats = xf_exam_store_stats (db, loaded->exam->uuid, &error)) == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify)loaded_free);
}

/* The histogram */

/* The label of bin @b: its range of scores as a share of the total */
static char *
bin_label (guint b)
{
  /* TRANSLATORS: a range of scores in percent of the total, as in "60–70" */
  return g_strdup_printf (_("%u–%u"), b * 10, b * 10 + 10);
}

/* A step for the count axis that gives at most 5 lines */
static guint
axis_step (guint max)
{
  guint step = 1;

  while (max / step > 4)
    step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
  return step;
}

static PangoLayout *
small_layout (GtkWidget  *widget,
              const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y,
                double       xalign)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y);
  pango_cairo_show_layout (cr, layout);
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Bars of the counts over the ranges of scores, in the theme's accent
 * and foreground so that it reads in the dark style too */
static void
draw_histogram (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  XfExamStatsView *self = user_data;
  GtkWidget *widget = GTK_WIDGET (area);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) caption = small_layout (widget, _("Score, percent of the total"));
  g_autoptr(PangoLayout) probe = small_layout (widget, "100–100");
  GdkRGBA fg, accent;
  guint max = 0, step, top_count;
  int text_height, caption_height, label_width, axis_width = 0;
  double left, right, top, bottom, slot, bar;
  guint label_every = 1;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = fg;

  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    max = MAX (max, self->bins[b]);
  step = axis_step (MAX (max, 1));
  top_count = (MAX (max, 1) + step - 1) / step * step;

  pango_layout_get_pixel_size (probe, &label_width, &text_height);
  pango_layout_get_pixel_size (caption, NULL, &caption_height);
  for (guint v = 0; v <= top_count; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      axis_width = MAX (axis_width, w);
    }

  left = 16 + axis_width + 8;
  right = width - 16;
  top = 16 + text_height + 4;
  bottom = height - 12 - caption_height - 6 - text_height - 6;
  if (right - left < 40 || bottom - top < 20)
    return;
  slot = (right - left) / XF_EXAM_STATS_BINS;
  bar = slot * 0.72;
  while (label_every < XF_EXAM_STATS_BINS && slot * label_every < label_width + 6)
    label_every++;

  /* Lines of the count axis and their figures */
  cairo_set_line_width (cr, 1);
  for (guint v = 0; v <= top_count; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = small_layout (widget, text);
      double y = round (bottom - (bottom - top) * v / top_count) + 0.5;

      set_color (cr, &fg, v == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      set_color (cr, &fg, 0.7);
      show_layout_at (cr, layout, left - 8, y - text_height / 2.0, 1);
    }

  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    {
      double x = left + slot * b + (slot - bar) / 2;
      double h = (bottom - top) * self->bins[b] / top_count;

      if (self->bins[b] > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", self->bins[b]);
          g_autoptr(PangoLayout) layout = small_layout (widget, text);

          set_color (cr, &accent, 1);
          cairo_rectangle (cr, x, bottom - h, bar, h);
          cairo_fill (cr);
          set_color (cr, &fg, 0.9);
          show_layout_at (cr, layout, x + bar / 2, bottom - h - text_height - 2, 0.5);
        }
      if (b % label_every == 0)
        {
          g_autofree char *text = bin_label (b);
          g_autoptr(PangoLayout) layout = small_layout (widget, text);

          set_color (cr, &fg, 0.7);
          show_layout_at (cr, layout, left + slot * b + slot / 2, bottom + 6, 0.5);
        }
    }

  set_color (cr, &fg, 0.7);
  show_layout_at (cr, caption, (left + right) / 2, height - 12 - caption_height, 0.5);
}

/* What the histogram shows, for those who do not see it */
static char *
describe_histogram (XfExamStatsView *self)
{
  g_autoptr(GString) out = g_string_new (_("Score, percent of the total"));

  for (guint b = 0; b < XF_EXAM_STATS_BINS; b++)
    {
      g_autofree char *range = bin_label (b);

      /* TRANSLATORS: a range of scores and how many attempts scored in it */
      g_string_append_printf (out, _("; %s: %u"), range, self->bins[b]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Showing the figures */

static void
set_loading (XfExamStatsView *self,
             gboolean         loading)
{
  self->loading = loading;
  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
set_figure (GtkLabel *label,
            char     *text)
{
  gtk_label_set_text (label, text);
  g_free (text);
}

static void
show_stats (XfExamStatsView *self,
            XfExam          *exam,
            XfExamStats     *stats)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *total = xf_format_score (stats->total);
  g_autofree char *pass_mark = xf_format_score (exam->pass_mark);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  guint negative = 0;

  /* TRANSLATORS: under the statistics of an exam: its total and pass mark, in points */
  summary = g_strdup_printf (_("Every submitted attempt counts. Total %s points, pass mark %s."), total, pass_mark);
  gtk_label_set_text (self->summary_label, summary);
  set_figure (self->attempts_label, g_strdup_printf ("%u", stats->attempts));
  set_figure (self->mean_label, xf_format_score (stats->mean));
  set_figure (self->median_label, xf_format_score (stats->median));
  set_figure (self->stddev_label, g_strdup_printf ("%.2f", stats->stddev));
  set_figure (self->pass_rate_label, xf_format_percent (stats->pass_rate * 100));
  set_figure (self->highest_label, xf_format_score (stats->highest));
  set_figure (self->lowest_label, xf_format_score (stats->lowest));

  memcpy (self->bins, stats->histogram, sizeof self->bins);
  description = describe_histogram (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->histogram_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->histogram_area));

  for (guint i = 0; i < stats->items->len; i++)
    {
      XfExamItemStats *item = g_ptr_array_index (stats->items, i);

      g_ptr_array_add (rows, xf_exam_stats_item_new (item, i + 1));
      negative += item->negative;
    }
  g_list_store_splice (self->items_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items_store)),
                       rows->pdata, rows->len);

  gtk_widget_set_visible (self->negative_box, negative > 0);
  if (negative > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u question discriminates negatively: those who "
                                                            "scored lower overall did better on it. Check its key "
                                                            "and wording.",
                                                            "%u questions discriminate negatively: those who "
                                                            "scored lower overall did better on them. Check their "
                                                            "keys and wording.",
                                                            negative),
                                               negative);

      gtk_label_set_text (self->negative_label, text);
    }
  gtk_stack_set_visible_child_name (self->stack, stats->attempts > 0 ? "stats" : "empty");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, stats->attempts > 0);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfExamStatsView) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, loaded->exam->title);
  gtk_label_set_text (self->title_label, loaded->exam->title);
  show_stats (self, loaded->exam, loaded->stats);
  loaded_free (loaded);
}

static void
load (XfExamStatsView *self)
{
  g_autoptr(GTask) task = NULL;
  char **args = g_new0 (char *, 3);

  args[0] = g_strdup (self->db_path);
  args[1] = g_strdup (self->exam_uuid);
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, on_loaded, g_object_ref (self));
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, args, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
scroll_items_to_top (gpointer user_data)
{
  XfExamStatsView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->items_view));

  self->scroll_source = 0;
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return G_SOURCE_REMOVE;
}

/* A list view keeps the row it showed on top where it was: after a sort,
 * the rows that came first would be above it, out of sight. The view
 * places that row when it is next laid out, so the scroll comes after. */
static void
on_sorter_changed_cb (XfExamStatsView *self,
                      GtkSorterChange  change,
                      GtkSorter       *sorter)
{
  if (self->scroll_source != 0)
    return;
  self->scroll_source = g_idle_add_full (G_PRIORITY_LOW, scroll_items_to_top, self, NULL);
}

/**
 * xf_exam_stats_view_new:
 * @parent: (nullable): the window the view belongs to
 * @db_path: the profile's database file
 * @exam_uuid: the exam's UUID
 *
 * Returns: (transfer none): a new view, computing the statistics; show it
 *   with gtk_window_present()
 */
XfExamStatsView *
xf_exam_stats_view_new (GtkWindow  *parent,
                        const char *db_path,
                        const char *exam_uuid)
{
  XfExamStatsView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (exam_uuid != NULL, NULL);

  self = g_object_new (XF_TYPE_EXAM_STATS_VIEW, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  self->exam_uuid = g_strdup (exam_uuid);
  load (self);
  return self;
}

/**
 * xf_exam_stats_view_get_exam:
 *
 * Returns: the UUID of the exam shown
 */
const char *
xf_exam_stats_view_get_exam (XfExamStatsView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_VIEW (self), NULL);
  return self->exam_uuid;
}

/**
 * xf_exam_stats_view_get_loading:
 *
 * Returns: whether the statistics are being computed
 */
gboolean
xf_exam_stats_view_get_loading (XfExamStatsView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_VIEW (self), FALSE);
  return self->loading;
}

/**
 * xf_exam_stats_view_get_page:
 *
 * Returns: what the view shows: "loading", "empty", "error" or "stats"
 */
const char *
xf_exam_stats_view_get_page (XfExamStatsView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_exam_stats_view_get_bin:
 * @bin: a bin of the histogram, below %XF_EXAM_STATS_BINS
 *
 * Returns: how many attempts the histogram shows in @bin
 */
guint
xf_exam_stats_view_get_bin (XfExamStatsView *self,
                            guint            bin)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_VIEW (self), 0);
  g_return_val_if_fail (bin < XF_EXAM_STATS_BINS, 0);
  return self->bins[bin];
}

/**
 * xf_exam_stats_view_get_items:
 *
 * Returns: (transfer none): the rows of the item analysis
 *   (#XfExamStatsItem), in the order shown
 */
GListModel *
xf_exam_stats_view_get_items (XfExamStatsView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

static void
xf_exam_stats_view_dispose (GObject *object)
{
  XfExamStatsView *self = (XfExamStatsView *)object;

  g_cancellable_cancel (self->cancellable);
  /* The columns go with the view, and the sorter changes as they do */
  if (self->items_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->items_view), on_sorter_changed_cb, self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAM_STATS_VIEW);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xf_exam_stats_view_parent_class)->dispose (object);
}

static void
xf_exam_stats_view_finalize (GObject *object)
{
  XfExamStatsView *self = (XfExamStatsView *)object;

  g_free (self->db_path);
  g_free (self->exam_uuid);

  G_OBJECT_CLASS (xf_exam_stats_view_parent_class)->finalize (object);
}

static void
xf_exam_stats_view_class_init (XfExamStatsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_stats_view_dispose;
  object_class->finalize = xf_exam_stats_view_finalize;

  g_type_ensure (XF_TYPE_EXAM_STATS_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-stats-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, mean_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, median_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, stddev_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, pass_rate_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, highest_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, lowest_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, histogram_area);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, negative_box);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, negative_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, items_view);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, items_store);
  gtk_widget_class_bind_template_child (widget_class, XfExamStatsView, number_column);
  /* Reached by name, by whoever checks what the view shows */
  gtk_widget_class_bind_template_child_full (widget_class, "empty_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "facility_column", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "discrimination_column", FALSE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_exam_stats_view_init (XfExamStatsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  gtk_drawing_area_set_draw_func (self->histogram_area, draw_histogram, self, NULL);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->items_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->items_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_column_view_sort_by_column (self->items_view, self->number_column, GTK_SORT_ASCENDING);
}
