/* xf-study-chart.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-study-chart.h"

/* Study time as bars: one a day, week, month or year, with the one that
 * holds now in the accent colour. Everything else is drawn in the
 * widget's own foreground colour at lower opacity, so the chart reads in
 * the light and the dark style alike. The figures themselves are the
 * widget's accessible description. */

struct _XfStudyChart
{
  GtkDrawingArea  parent_instance;

  GArray         *totals;       /* XfStudyTotal */
  XfStudyBucket   bucket;
  int             current;      /* the bar that holds now, or -1 */
  char           *description;
};

G_DEFINE_FINAL_TYPE (XfStudyChart, xf_study_chart, GTK_TYPE_DRAWING_AREA)

#define MINUTE_MS G_GINT64_CONSTANT (60000)
#define HOUR_MS   (60 * MINUTE_MS)

/**
 * xf_format_study_duration:
 *
 * Returns: (transfer full): whole minutes as "25 分钟", "2 小时" or
 *   "1 小时 5 分钟"
 */
char *
xf_format_study_duration (gint64 active_ms)
{
  guint minutes = (guint)(MAX (active_ms, 0) / MINUTE_MS);

  if (minutes < 60)
    /* TRANSLATORS: study time */
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    /* TRANSLATORS: study time */
    return g_strdup_printf (_("%u h"), minutes / 60);
  /* TRANSLATORS: study time, hours and minutes */
  return g_strdup_printf (C_("study time", "%u h %u min"), minutes / 60, minutes % 60);
}

/**
 * xf_study_chart_axis_step:
 *
 * Returns: the time between two lines of the grid for bars up to
 *   @max_ms: a round figure that makes at most four lines
 */
gint64
xf_study_chart_axis_step (gint64 max_ms)
{
  static const gint64 steps[] = {
    5 * MINUTE_MS, 10 * MINUTE_MS, 15 * MINUTE_MS, 30 * MINUTE_MS, HOUR_MS, 2 * HOUR_MS, 5 * HOUR_MS,
    10 * HOUR_MS, 20 * HOUR_MS, 50 * HOUR_MS, 100 * HOUR_MS, 200 * HOUR_MS, 500 * HOUR_MS, 1000 * HOUR_MS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (max_ms <= 4 * steps[i])
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1] * (max_ms / (4 * steps[G_N_ELEMENTS (steps) - 1]) + 1);
}

static GDateTime *
local_time (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

/* The short label under a bar */
static char *
bar_label (XfStudyBucket bucket,
           gint64        start,
           gboolean      first)
{
  g_autoptr(GDateTime) local = local_time (start);

  if (local == NULL)
    return g_strdup ("");
  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      return g_date_time_format (local, first || g_date_time_get_day_of_month (local) == 1 ? "%-m/%-d" : "%-d");
    case XF_STUDY_BUCKET_WEEK:
      return g_date_time_format (local, "%-m/%-d");
    case XF_STUDY_BUCKET_MONTH:
      return g_date_time_format (local, "%b");
    case XF_STUDY_BUCKET_YEAR:
    default:
      return g_date_time_format (local, "%Y");
    }
}

/* The whole name of a bar, for the description */
static char *
bar_name (XfStudyBucket bucket,
          gint64        start)
{
  g_autoptr(GDateTime) local = local_time (start);

  if (local == NULL)
    return g_strdup ("");
  switch (bucket)
    {
    case XF_STUDY_BUCKET_DAY:
      return g_date_time_format (local, "%F");
    case XF_STUDY_BUCKET_WEEK:
      /* TRANSLATORS: a week in the chart's description, by the date of its Monday */
      return g_date_time_format (local, _("week of %F"));
    case XF_STUDY_BUCKET_MONTH:
      return g_date_time_format (local, "%Y-%m");
    case XF_STUDY_BUCKET_YEAR:
    default:
      return g_date_time_format (local, "%Y");
    }
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static int
text_width (GtkWidget  *widget,
            const char *text,
            int        *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (height != NULL)
    *height = h;
  return w;
}

static char *
axis_label (gint64 value)
{
  if (value % HOUR_MS == 0 && value > 0)
    return g_strdup_printf (_("%u h"), (guint)(value / HOUR_MS));
  return g_strdup_printf (_("%u min"), (guint)(value / MINUTE_MS));
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  XfStudyChart *self = XF_STUDY_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent;
  gint64 max = 0, step, top;
  int label_h = 0, left = 0, bottom, n, stride, shown_month = 0;
  double plot_w, plot_h, slot;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;

  n = self->totals != NULL ? (int)self->totals->len : 0;
  for (int i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->totals, XfStudyTotal, i).active_ms);
  step = xf_study_chart_axis_step (max);
  top = MAX (step, ((max + step - 1) / step) * step);

  for (gint64 v = 0; v <= top; v += step)
    {
      g_autofree char *text = axis_label (v);

      left = MAX (left, text_width (widget, text, &label_h));
    }
  left += 8;
  bottom = label_h + 6;
  plot_w = width - left - 4;
  plot_h = height - bottom - label_h / 2.0 - 2;
  if (plot_w <= 0 || plot_h <= 0 || n == 0)
    return;

  /* The grid and its labels */
  cairo_set_line_width (cr, 1);
  for (gint64 v = 0; v <= top; v += step)
    {
      g_autofree char *text = axis_label (v);
      double y = label_h / 2.0 + plot_h - plot_h * (double)v / (double)top;

      set_source (cr, &fg, v == 0 ? 0.4 : 0.12);
      cairo_move_to (cr, left, (int)y + 0.5);
      cairo_line_to (cr, left + plot_w, (int)y + 0.5);
      cairo_stroke (cr);
      set_source (cr, &fg, 0.7);
      draw_text (widget, cr, text, left - 6, y, 1.0);
    }

  /* The bars, and a label under every few */
  slot = plot_w / n;
  {
    g_autofree char *widest = bar_label (self->bucket, g_array_index (self->totals, XfStudyTotal, n - 1).start, TRUE);

    stride = MAX (1, (int)((text_width (widget, widest, NULL) + 8) / slot) + 1);
  }
  for (int i = 0; i < n; i++)
    {
      const XfStudyTotal *total = &g_array_index (self->totals, XfStudyTotal, i);
      double h = plot_h * (double)total->active_ms / (double)top;
      double bar_w = MAX (1.0, slot * 0.7);
      double x = left + slot * i + (slot - bar_w) / 2;

      if (i == self->current)
        set_source (cr, &accent, 1.0);
      else
        set_source (cr, &fg, 0.45);
      if (total->active_ms > 0)
        {
          cairo_rectangle (cr, x, label_h / 2.0 + plot_h - MAX (h, 1.0), bar_w, MAX (h, 1.0));
          cairo_fill (cr);
        }
      if ((n - 1 - i) % stride == 0 || i == self->current)
        {
          g_autoptr(GDateTime) local = local_time (total->start);
          int month = local != NULL ? g_date_time_get_month (local) : 0;
          /* A day's label says its month where the month is new to the axis */
          g_autofree char *text = bar_label (self->bucket, total->start, month != shown_month);

          shown_month = month;

          if (i == self->current)
            set_source (cr, &accent, 1.0);
          else
            set_source (cr, &fg, 0.7);
          draw_text (widget, cr, text, x + bar_w / 2, height - label_h / 2.0, 0.5);
        }
    }
}

static void
update_description (XfStudyChart *self)
{
  g_autoptr(GString) figures = g_string_new (NULL);

  for (guint i = 0; self->totals != NULL && i < self->totals->len; i++)
    {
      const XfStudyTotal *total = &g_array_index (self->totals, XfStudyTotal, i);
      g_autofree char *name = bar_name (self->bucket, total->start);
      g_autofree char *duration = xf_format_study_duration (total->active_ms);

      if (figures->len > 0)
        g_string_append (figures, _(", "));
      /* TRANSLATORS: a bar of the study time chart: its day, week, month or year, and the time studied */
      g_string_append_printf (figures, _("%s: %s"), name, duration);
    }
  g_free (self->description);
  /* TRANSLATORS: the accessible description of the chart; %s lists its bars */
  self->description = g_strdup_printf (_("Study time: %s"), figures->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description, -1);
}

/**
 * xf_study_chart_set_totals:
 * @totals: (element-type XfStudyTotal) (nullable): the bars
 * @now_us: the bar that holds it is highlighted
 */
void
xf_study_chart_set_totals (XfStudyChart  *self,
                           GArray        *totals,
                           XfStudyBucket  bucket,
                           gint64         now_us)
{
  g_return_if_fail (XF_IS_STUDY_CHART (self));

  g_clear_pointer (&self->totals, g_array_unref);
  self->totals = totals != NULL ? g_array_ref (totals) : NULL;
  self->bucket = bucket;
  self->current = -1;
  for (guint i = 0; totals != NULL && i < totals->len; i++)
    {
      const XfStudyTotal *total = &g_array_index (totals, XfStudyTotal, i);

      if (total->start <= now_us && now_us < total->end)
        self->current = (int)i;
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
xf_study_chart_get_n_bars (XfStudyChart *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CHART (self), 0);
  return self->totals != NULL ? self->totals->len : 0;
}

/**
 * xf_study_chart_get_value:
 *
 * Returns: the active milliseconds bar @i is drawn for
 */
gint64
xf_study_chart_get_value (XfStudyChart *self,
                          guint         i)
{
  g_return_val_if_fail (XF_IS_STUDY_CHART (self), 0);
  g_return_val_if_fail (i < xf_study_chart_get_n_bars (self), 0);
  return g_array_index (self->totals, XfStudyTotal, i).active_ms;
}

/**
 * xf_study_chart_get_current:
 *
 * Returns: the highlighted bar, or -1
 */
int
xf_study_chart_get_current (XfStudyChart *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CHART (self), -1);
  return self->current;
}

char *
xf_study_chart_dup_label (XfStudyChart *self,
                          guint         i)
{
  g_return_val_if_fail (XF_IS_STUDY_CHART (self), NULL);
  g_return_val_if_fail (i < xf_study_chart_get_n_bars (self), NULL);
  return bar_label (self->bucket, g_array_index (self->totals, XfStudyTotal, i).start, i == 0);
}

const char *
xf_study_chart_get_description (XfStudyChart *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CHART (self), NULL);
  return self->description;
}

static void
xf_study_chart_finalize (GObject *object)
{
  XfStudyChart *self = (XfStudyChart *)object;

  g_clear_pointer (&self->totals, g_array_unref);
  g_free (self->description);

  G_OBJECT_CLASS (xf_study_chart_parent_class)->finalize (object);
}

static void
xf_study_chart_class_init (XfStudyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = xf_study_chart_finalize;
  gtk_widget_class_set_css_name (widget_class, "xf-study-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xf_study_chart_init (XfStudyChart *self)
{
  self->current = -1;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 220);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
}

GtkWidget *
xf_study_chart_new (void)
{
  return g_object_new (XF_TYPE_STUDY_CHART, NULL);
}
