/* xf-law-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-gui-format.h"
#include "xf-law-row.h"

/* A statute in the sidebar: its short title and, beneath it in the smaller,
 * dimmed type of a caption, its version and status.
 *
 * GTK 4.8's list views build and lay out 200 rows however few fit on
 * screen. A row of labels shapes its text to be measured and again to be
 * allocated, and for a province's 2,400 statutes those 200 rows cost more
 * than the rest of the first window. This row takes its height from its
 * font alone and lays out its text only when it is drawn, which only the
 * rows on screen are. */
struct _XfLawRow
{
  GtkWidget    parent_instance;

  XfLaw       *law;
  char        *subtitle;
  PangoLayout *title_layout;
  PangoLayout *subtitle_layout;
};

G_DEFINE_FINAL_TYPE (XfLawRow, xf_law_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LAW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* As Adwaita's caption and dim-label styles set text: captions in 9
 * points, dimmed to 55 % opacity, or 90 % in high contrast. */
#define CAPTION_SIZE    (9 * PANGO_SCALE)
#define DIM_OPACITY     0.55
#define DIM_OPACITY_HC  0.9
#define LINE_SPACING    2

static PangoLayout *
create_layout (XfLawRow   *self,
               const char *text,
               gboolean    caption)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (caption)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_SIZE));
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  return layout;
}

/* The heights of a title line and of a caption line in the row's font:
 * Han characters and Latin letters, which may come from different fonts,
 * set together. Every row of a list has the same font, so the heights are
 * worked out once for all of them, and again when the font changes. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   title;
  int                   caption;
} LineHeights;

static LineHeights line_heights;

static int
sample_height (XfLawRow *self,
               gboolean  caption)
{
  g_autoptr(PangoLayout) layout = create_layout (self, "法Ag", caption);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static const LineHeights *
get_line_heights (XfLawRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (line_heights.font == NULL ||
      line_heights.resolution != resolution ||
      !pango_font_description_equal (line_heights.font, font))
    {
      g_clear_pointer (&line_heights.font, pango_font_description_free);
      line_heights.font = pango_font_description_copy (font);
      line_heights.resolution = resolution;
      line_heights.title = sample_height (self, FALSE);
      line_heights.caption = sample_height (self, TRUE);
    }

  return &line_heights;
}

static void
xf_law_row_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  XfLawRow *self = XF_LAW_ROW (widget);
  const LineHeights *heights;

  /* Titles are cut short with an ellipsis to whatever width the sidebar
   * has, so the text asks for none. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }

  heights = get_line_heights (self);
  *minimum = *natural = heights->title + LINE_SPACING + heights->caption;
}

static void
xf_law_row_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  XfLawRow *self = XF_LAW_ROW (widget);
  int width = gtk_widget_get_width (widget);
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkRGBA color;

  if (self->law == NULL)
    return;

  if (self->title_layout == NULL)
    {
      self->title_layout = create_layout (self, xf_law_get_short_title (self->law), FALSE);
      self->subtitle_layout = create_layout (self, self->subtitle, TRUE);
    }
  pango_layout_set_width (self->title_layout, width * PANGO_SCALE);
  pango_layout_set_width (self->subtitle_layout, width * PANGO_SCALE);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->title_layout, &color);

  color.alpha *= high_contrast ? DIM_OPACITY_HC : DIM_OPACITY;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, get_line_heights (self)->title + LINE_SPACING));
  gtk_snapshot_append_layout (snapshot, self->subtitle_layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
xf_law_row_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_tooltip,
                          GtkTooltip *tooltip)
{
  XfLawRow *self = XF_LAW_ROW (widget);

  if (self->law == NULL)
    return FALSE;

  /* The full title, of which the row shows the short one. */
  gtk_tooltip_set_text (tooltip, xf_law_get_title (self->law));
  return TRUE;
}

static void
xf_law_row_dispose (GObject *object)
{
  XfLawRow *self = (XfLawRow *)object;

  g_clear_object (&self->law);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);

  G_OBJECT_CLASS (xf_law_row_parent_class)->dispose (object);
}

static void
xf_law_row_finalize (GObject *object)
{
  XfLawRow *self = (XfLawRow *)object;

  g_free (self->subtitle);

  G_OBJECT_CLASS (xf_law_row_parent_class)->finalize (object);
}

static void
xf_law_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfLawRow *self = XF_LAW_ROW (object);

  switch (prop_id)
    {
    case PROP_LAW:
      g_value_set_object (value, self->law);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_law_row_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XfLawRow *self = XF_LAW_ROW (object);

  switch (prop_id)
    {
    case PROP_LAW:
      xf_law_row_set_law (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_law_row_class_init (XfLawRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_law_row_dispose;
  object_class->finalize = xf_law_row_finalize;
  object_class->get_property = xf_law_row_get_property;
  object_class->set_property = xf_law_row_set_property;

  widget_class->measure = xf_law_row_measure;
  widget_class->snapshot = xf_law_row_snapshot;
  widget_class->query_tooltip = xf_law_row_query_tooltip;

  /**
   * XfLawRow:law:
   *
   * The statute the row shows.
   */
  properties[PROP_LAW] =
    g_param_spec_object ("law", NULL, NULL, XF_TYPE_LAW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "xf-law-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
xf_law_row_init (XfLawRow *self)
{
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
xf_law_row_new (void)
{
  return g_object_new (XF_TYPE_LAW_ROW, NULL);
}

/**
 * xf_law_row_get_law:
 *
 * Returns: (transfer none) (nullable): the statute shown
 */
XfLaw *
xf_law_row_get_law (XfLawRow *self)
{
  g_return_val_if_fail (XF_IS_LAW_ROW (self), NULL);
  return self->law;
}

void
xf_law_row_set_law (XfLawRow *self,
                    XfLaw    *law)
{
  g_return_if_fail (XF_IS_LAW_ROW (self));
  g_return_if_fail (law == NULL || XF_IS_LAW (law));

  if (!g_set_object (&self->law, law))
    return;

  g_clear_pointer (&self->subtitle, g_free);
  if (law != NULL)
    {
      self->subtitle = xf_format_law_subtitle (xf_law_get_version_date (law), xf_law_get_status_label (law));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, xf_law_get_title (law),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->subtitle,
                                      -1);
    }

  /* The text changes, the row's height does not. */
  if (self->title_layout != NULL && law != NULL)
    {
      pango_layout_set_text (self->title_layout, xf_law_get_short_title (law), -1);
      pango_layout_set_text (self->subtitle_layout, self->subtitle, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAW]);
}

/**
 * xf_law_row_get_subtitle:
 *
 * Returns: (nullable): the line beneath the title: version and status
 */
const char *
xf_law_row_get_subtitle (XfLawRow *self)
{
  g_return_val_if_fail (XF_IS_LAW_ROW (self), NULL);
  return self->subtitle;
}
