/* xf-question-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-question-row.h"

/* A question in the bank's list: its type as a coloured badge, the first
 * two lines of its stem, a line of details (category, tags as pills, the
 * articles it tests) and how hard it is.
 *
 * GTK 4.8's list views keep 200 rows alive whatever fits on screen, and a
 * new filter replaces them all: rows built of labels shaped their text to
 * be measured and again to be allocated, some 300 ms for each keystroke in
 * a large bank. Like XfLawRow, this row takes its height from its font
 * alone and lays out its text only when drawn, which only the rows on
 * screen are. */

#define MAX_TAGS       3
#define CAPTION_SIZE   (9 * PANGO_SCALE)
#define DIM_OPACITY    0.55
#define DIM_OPACITY_HC 0.9
#define LINE_SPACING   4
#define COLUMN_GAP     12
#define ITEM_GAP       8
#define PILL_GAP       4
#define BADGE_PAD_X    6
#define BADGE_PAD_Y    1
#define PILL_PAD_X     6

struct _XfQuestionRow
{
  GtkWidget    parent_instance;

  XfQuestion  *question;
  char        *summary;
  char        *category;
  char        *links;
  char        *difficulty;
  GPtrArray   *tags;       /* char*, the first MAX_TAGS, then "+N" */

  /* Made when first drawn, refilled when the question changes. */
  PangoLayout *badge_layout;
  PangoLayout *stem_layout;
  PangoLayout *category_layout;
  PangoLayout *links_layout;
  PangoLayout *difficulty_layout;
  GPtrArray   *tag_layouts;
};

G_DEFINE_FINAL_TYPE (XfQuestionRow, xf_question_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Badge colours, as libadwaita names them: text, then background. */
static const struct
{
  const char *text;
  const char *background;
  double      alpha;
} badge_colors[XF_QUESTION_N_TYPES] = {
  [XF_QUESTION_SINGLE] = { "accent_color", "accent_bg_color", 0.14 },
  [XF_QUESTION_MULTIPLE] = { "purple_4", "purple_3", 0.16 },
  [XF_QUESTION_TRUE_FALSE] = { "green_5", "green_3", 0.16 },
  [XF_QUESTION_FILL] = { "orange_5", "orange_3", 0.18 },
  [XF_QUESTION_ESSAY] = { NULL, NULL, 0.08 },
};

/**
 * xf_question_row_format_difficulty:
 *
 * Returns: (transfer full): "难度 3"
 */
char *
xf_question_row_format_difficulty (guint difficulty)
{
  return g_strdup_printf (_("Difficulty %u"), difficulty);
}

/**
 * xf_question_row_format_links:
 *
 * Returns: (transfer full): the articles @question tests as citations,
 *   "《行政处罚法》第三十二条；《行政处罚法》第三十三条", or "" for none
 */
char *
xf_question_row_format_links (XfQuestion *question)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      g_autofree char *label = xf_question_dup_link_label (question, i);

      if (out->len > 0)
        g_string_append (out, "；");
      g_string_append (out, label);
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
create_layout (XfQuestionRow *self,
               const char    *text,
               gboolean       caption,
               gboolean       bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (caption)
    pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_SIZE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

/* Line heights and the badge's width in the row's font: every row of a
 * list has the same, so they are worked out once, and again when the font
 * changes. */
typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   line;
  int                   caption;
  int                   badge_width;
} Metrics;

static Metrics metrics;

static const Metrics *
get_metrics (XfQuestionRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (metrics.font == NULL || metrics.resolution != resolution ||
      !pango_font_description_equal (metrics.font, font))
    {
      g_autoptr(PangoLayout) line = create_layout (self, "法Ag", FALSE, FALSE);
      g_autoptr(PangoLayout) caption = create_layout (self, "法Ag", TRUE, TRUE);

      g_clear_pointer (&metrics.font, pango_font_description_free);
      metrics.font = pango_font_description_copy (font);
      metrics.resolution = resolution;
      pango_layout_get_pixel_size (line, NULL, &metrics.line);
      pango_layout_get_pixel_size (caption, NULL, &metrics.caption);
      metrics.badge_width = 0;
      for (guint i = 0; i < XF_QUESTION_N_TYPES; i++)
        {
          int width;

          pango_layout_set_text (caption, xf_question_type_to_label (i), -1);
          pango_layout_get_pixel_size (caption, &width, NULL);
          metrics.badge_width = MAX (metrics.badge_width, width + 2 * BADGE_PAD_X);
        }
    }
  return &metrics;
}

static void
xf_question_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  XfQuestionRow *self = XF_QUESTION_ROW (widget);
  const Metrics *m;

  /* Text is cut short to whatever width the list has: it asks for none.
   * Two lines of stem are kept for every question, so rows are even. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }
  m = get_metrics (self);
  *minimum = *natural = 2 * m->line + LINE_SPACING + m->caption + 2 * BADGE_PAD_Y;
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  return name != NULL &&
         gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
}

static void
append_pill (GtkSnapshot    *snapshot,
             int             x,
             int             y,
             int             width,
             int             height,
             float           radius,
             const GdkRGBA  *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  int            x,
                  int            y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
ensure_layouts (XfQuestionRow *self)
{
  if (self->stem_layout != NULL)
    return;

  self->badge_layout = create_layout (self, "", TRUE, TRUE);
  self->stem_layout = create_layout (self, "", FALSE, FALSE);
  pango_layout_set_single_paragraph_mode (self->stem_layout, FALSE);
  pango_layout_set_wrap (self->stem_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (self->stem_layout, -2);
  self->category_layout = create_layout (self, "", TRUE, FALSE);
  self->links_layout = create_layout (self, "", TRUE, FALSE);
  self->difficulty_layout = create_layout (self, "", TRUE, FALSE);
  self->tag_layouts = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Puts the question's text in the layouts, when it changed since drawn. */
static void
fill_layouts (XfQuestionRow *self)
{
  XfQuestionType type = xf_question_get_question_type (self->question);

  pango_layout_set_text (self->badge_layout, xf_question_type_to_label (type), -1);
  pango_layout_set_text (self->stem_layout, self->summary, -1);
  pango_layout_set_text (self->category_layout, self->category, -1);
  pango_layout_set_text (self->links_layout, self->links, -1);
  pango_layout_set_text (self->difficulty_layout, self->difficulty, -1);
  g_ptr_array_set_size (self->tag_layouts, 0);
  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (self->tag_layouts, create_layout (self, self->tags->pdata[i], TRUE, FALSE));
}

static void
xf_question_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  XfQuestionRow *self = XF_QUESTION_ROW (widget);
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  const Metrics *m = get_metrics (self);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, accent, text, background;
  XfQuestionType type;
  int x, y, text_x, text_width, difficulty_width, w, h;

  if (self->question == NULL)
    return;

  if (self->stem_layout == NULL)
    {
      ensure_layouts (self);
      fill_layouts (self);
    }

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= high_contrast ? DIM_OPACITY_HC : DIM_OPACITY;
  if (!lookup_color (widget, "accent_color", &accent))
    accent = fg;

  /* The type, as a badge in its colour. */
  type = xf_question_get_question_type (self->question);
  if (!lookup_color (widget, badge_colors[type].text, &text))
    {
      text = fg;
      text.alpha *= 0.75;
    }
  if (!lookup_color (widget, badge_colors[type].background, &background))
    background = fg;
  background.alpha = badge_colors[type].alpha;
  pango_layout_get_pixel_size (self->badge_layout, &w, &h);
  append_pill (snapshot, 0, 0, m->badge_width, h + 2 * BADGE_PAD_Y, 6, &background);
  append_layout_at (snapshot, self->badge_layout, (m->badge_width - w) / 2, BADGE_PAD_Y, &text);

  /* How hard, at the right, level with the stem's middle. */
  pango_layout_get_pixel_size (self->difficulty_layout, &difficulty_width, &h);
  append_layout_at (snapshot, self->difficulty_layout, width - difficulty_width, m->line - h / 2, &dim);

  text_x = m->badge_width + COLUMN_GAP;
  text_width = MAX (0, width - text_x - COLUMN_GAP - difficulty_width);
  pango_layout_set_width (self->stem_layout, text_width * PANGO_SCALE);
  append_layout_at (snapshot, self->stem_layout, text_x, BADGE_PAD_Y, &fg);

  /* The details: category, tags, articles, as far as they go. */
  x = text_x;
  y = 2 * m->line + LINE_SPACING + BADGE_PAD_Y;
  pango_layout_set_width (self->category_layout, (text_width * 2 / 5) * PANGO_SCALE);
  pango_layout_get_pixel_size (self->category_layout, &w, NULL);
  append_layout_at (snapshot, self->category_layout, x, y, &dim);
  x += w + ITEM_GAP;

  background = fg;
  background.alpha = 0.08;
  for (guint i = 0; i < self->tag_layouts->len; i++)
    {
      PangoLayout *tag = self->tag_layouts->pdata[i];

      pango_layout_get_pixel_size (tag, &w, &h);
      if (x + w + 2 * PILL_PAD_X > text_x + text_width)
        break;
      append_pill (snapshot, x, y, w + 2 * PILL_PAD_X, h, h / 2.0f, &background);
      append_layout_at (snapshot, tag, x + PILL_PAD_X, y, &fg);
      x += w + 2 * PILL_PAD_X + PILL_GAP;
    }
  if (self->tag_layouts->len > 0)
    x += ITEM_GAP - PILL_GAP;

  if (x < text_x + text_width)
    {
      pango_layout_set_width (self->links_layout, (text_x + text_width - x) * PANGO_SCALE);
      append_layout_at (snapshot, self->links_layout, x, y, &accent);
    }
}

static gboolean
xf_question_row_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  XfQuestionRow *self = XF_QUESTION_ROW (widget);

  /* The whole stem, when the row cuts it short. */
  if (self->stem_layout == NULL || !pango_layout_is_ellipsized (self->stem_layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->summary);
  return TRUE;
}

static void
clear_text (XfQuestionRow *self)
{
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->links, g_free);
  g_clear_pointer (&self->difficulty, g_free);
  g_ptr_array_set_size (self->tags, 0);
}

static void
xf_question_row_dispose (GObject *object)
{
  XfQuestionRow *self = (XfQuestionRow *)object;

  g_clear_object (&self->question);
  g_clear_object (&self->badge_layout);
  g_clear_object (&self->stem_layout);
  g_clear_object (&self->category_layout);
  g_clear_object (&self->links_layout);
  g_clear_object (&self->difficulty_layout);
  g_clear_pointer (&self->tag_layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_question_row_parent_class)->dispose (object);
}

static void
xf_question_row_finalize (GObject *object)
{
  XfQuestionRow *self = (XfQuestionRow *)object;

  clear_text (self);
  g_ptr_array_unref (self->tags);

  G_OBJECT_CLASS (xf_question_row_parent_class)->finalize (object);
}

static void
xf_question_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfQuestionRow *self = XF_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfQuestionRow *self = XF_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      xf_question_row_set_question (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_row_class_init (XfQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_question_row_dispose;
  object_class->finalize = xf_question_row_finalize;
  object_class->get_property = xf_question_row_get_property;
  object_class->set_property = xf_question_row_set_property;

  widget_class->measure = xf_question_row_measure;
  widget_class->snapshot = xf_question_row_snapshot;
  widget_class->query_tooltip = xf_question_row_query_tooltip;

  /**
   * XfQuestionRow:question:
   *
   * The question shown.
   */
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, XF_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "xf-question-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
xf_question_row_init (XfQuestionRow *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
xf_question_row_new (void)
{
  return g_object_new (XF_TYPE_QUESTION_ROW, NULL);
}

/**
 * xf_question_row_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
XfQuestion *
xf_question_row_get_question (XfQuestionRow *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_ROW (self), NULL);
  return self->question;
}

/**
 * xf_question_row_dup_text:
 *
 * Returns: (transfer full): what the row shows, a line each: type, stem,
 *   category, tags, articles and difficulty; "" for no question
 */
char *
xf_question_row_dup_text (XfQuestionRow *self)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  g_return_val_if_fail (XF_IS_QUESTION_ROW (self), NULL);

  if (self->question == NULL)
    return g_strdup ("");
  for (guint i = 0; i < self->tags->len; i++)
    g_string_append_printf (tags, "%s%s", i > 0 ? " " : "", (const char *)self->tags->pdata[i]);
  return g_strjoin ("\n", xf_question_type_to_label (xf_question_get_question_type (self->question)),
                    self->summary, self->category, tags->str, self->links, self->difficulty, NULL);
}

void
xf_question_row_set_question (XfQuestionRow *self,
                              XfQuestion    *question)
{
  const char * const *tags;
  const char *category;
  guint n_tags;

  g_return_if_fail (XF_IS_QUESTION_ROW (self));
  g_return_if_fail (question == NULL || XF_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  clear_text (self);
  if (question != NULL)
    {
      g_autofree char *label = NULL;
      g_autofree char *description = NULL;

      self->summary = xf_question_dup_summary (question);
      category = xf_question_get_category (question);
      /* Every row has its line of details. */
      self->category = g_strdup (category != NULL && category[0] != '\0' ? category : _("No category"));
      self->links = xf_question_row_format_links (question);
      self->difficulty = xf_question_row_format_difficulty (xf_question_get_difficulty (question));
      tags = xf_question_get_tags (question);
      n_tags = tags != NULL ? g_strv_length ((char **)tags) : 0;
      for (guint i = 0; i < n_tags && i < MAX_TAGS; i++)
        g_ptr_array_add (self->tags, g_strdup (tags[i]));
      if (n_tags > MAX_TAGS)
        g_ptr_array_add (self->tags, g_strdup_printf ("+%u", n_tags - MAX_TAGS));

      label = g_strdup_printf ("%s：%s", xf_question_type_to_label (xf_question_get_question_type (question)),
                               self->summary);
      description = g_strjoin (" · ", self->category, self->links, self->difficulty, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      if (self->stem_layout != NULL)
        fill_layouts (self);
    }

  /* The text changes, the row's height does not. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}
