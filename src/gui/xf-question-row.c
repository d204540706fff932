/* xf-question-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-question-row.h"

/* A question in the bank's list: its type as a badge, the first two lines
 * of its stem, its category, tags and the articles it tests, and how hard
 * it is. Rows are recycled as the list scrolls: everything shown is set
 * again for each question. */

/* Tags beyond these show as a count. */
#define MAX_TAGS 3

struct _XfQuestionRow
{
  GtkWidget   parent_instance;

  XfQuestion *question;

  GtkLabel   *type_label;
  GtkLabel   *stem_label;
  GtkLabel   *category_label;
  GtkWidget  *tags_box;
  GtkLabel   *links_label;
  GtkLabel   *difficulty_label;
};

G_DEFINE_FINAL_TYPE (XfQuestionRow, xf_question_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const type_classes[XF_QUESTION_N_TYPES] = {
  [XF_QUESTION_SINGLE] = "single",
  [XF_QUESTION_MULTIPLE] = "multiple",
  [XF_QUESTION_TRUE_FALSE] = "truefalse",
  [XF_QUESTION_FILL] = "fill",
  [XF_QUESTION_ESSAY] = "essay",
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

static void
show_tags (XfQuestionRow *self)
{
  const char * const *tags = xf_question_get_tags (self->question);
  GtkWidget *child;
  guint n = tags ? g_strv_length ((char **)tags) : 0;

  while ((child = gtk_widget_get_first_child (self->tags_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->tags_box), child);

  for (guint i = 0; i < n && i < MAX_TAGS; i++)
    {
      GtkWidget *pill = gtk_label_new (tags[i]);

      gtk_label_set_ellipsize (GTK_LABEL (pill), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (pill), 12);
      gtk_widget_add_css_class (pill, "xf-question-tag");
      gtk_widget_add_css_class (pill, "caption");
      gtk_box_append (GTK_BOX (self->tags_box), pill);
    }
  if (n > MAX_TAGS)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n - MAX_TAGS);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->tags_box), label);
    }
  gtk_widget_set_visible (self->tags_box, n > 0);
}

static void
xf_question_row_update (XfQuestionRow *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *links = NULL;
  g_autofree char *difficulty = NULL;
  const char *category;
  XfQuestionType type;

  for (guint i = 0; i < G_N_ELEMENTS (type_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->type_label), type_classes[i]);

  if (self->question == NULL)
    {
      gtk_label_set_text (self->type_label, "");
      gtk_label_set_text (self->stem_label, "");
      gtk_label_set_text (self->category_label, "");
      gtk_label_set_text (self->links_label, "");
      gtk_label_set_text (self->difficulty_label, "");
      gtk_widget_set_visible (self->tags_box, FALSE);
      return;
    }

  type = xf_question_get_question_type (self->question);
  gtk_label_set_text (self->type_label, xf_question_type_to_label (type));
  gtk_widget_add_css_class (GTK_WIDGET (self->type_label), type_classes[type]);

  summary = xf_question_dup_summary (self->question);
  gtk_label_set_text (self->stem_label, summary);

  /* Every row has its line of details, so that rows keep one height. */
  category = xf_question_get_category (self->question);
  if (category != NULL && category[0] != '\0')
    gtk_label_set_text (self->category_label, category);
  else
    gtk_label_set_text (self->category_label, _("No category"));

  show_tags (self);

  links = xf_question_row_format_links (self->question);
  gtk_label_set_text (self->links_label, links);

  difficulty = xf_question_row_format_difficulty (xf_question_get_difficulty (self->question));
  gtk_label_set_text (self->difficulty_label, difficulty);
}

static void
xf_question_row_dispose (GObject *object)
{
  XfQuestionRow *self = (XfQuestionRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_QUESTION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (xf_question_row_parent_class)->dispose (object);
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
  object_class->get_property = xf_question_row_get_property;
  object_class->set_property = xf_question_row_set_property;

  /**
   * XfQuestionRow:question:
   *
   * The question shown.
   */
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, XF_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, type_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, links_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionRow, difficulty_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "xf-question-row");
}

static void
xf_question_row_init (XfQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

void
xf_question_row_set_question (XfQuestionRow *self,
                              XfQuestion    *question)
{
  g_return_if_fail (XF_IS_QUESTION_ROW (self));
  g_return_if_fail (question == NULL || XF_IS_QUESTION (question));

  if (!g_set_object (&self->question, question))
    return;

  xf_question_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}
