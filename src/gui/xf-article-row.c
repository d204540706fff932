/* xf-article-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-article.h"
#include "xf-article-row.h"
#include "xf-gui-format.h"
#include "xf-heading.h"
#include "xf-law.h"

/* One row of the reader: a statute's title block, a heading, or an article
 * laid out as its 款 and 项. Rows are recycled as the list scrolls, so the
 * clause labels are kept and reused rather than rebuilt. */
struct _XfArticleRow
{
  GtkWidget   parent_instance;

  GObject    *item;
  gboolean    highlighted;

  GtkWidget  *law_box;
  GtkLabel   *title_label;
  GtkLabel   *meta_label;
  GtkWidget  *preamble_box;
  GtkLabel   *heading_label;
  GtkWidget  *article_box;
  GtkWidget  *clauses_box;
  GMenuModel *text_menu;
};

G_DEFINE_FINAL_TYPE (XfArticleRow, xf_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_HIGHLIGHTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_text_label (XfArticleRow *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_extra_menu (GTK_LABEL (label), self->text_menu);
  gtk_widget_add_css_class (label, "xf-reader-text");

  return label;
}

/* Shows @n_lines labels in @box, reusing the ones it holds; the first
 * @skip children are fixed and left alone. */
static GtkWidget *
nth_line (XfArticleRow *self,
          GtkWidget    *box,
          guint         skip,
          guint         n)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; i < skip + n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  if (child == NULL)
    {
      child = new_text_label (self);
      gtk_box_append (GTK_BOX (box), child);
    }

  gtk_widget_set_visible (child, TRUE);
  return child;
}

static void
hide_lines_from (GtkWidget *box,
                 guint      first)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; child != NULL; i++, child = gtk_widget_get_next_sibling (child))
    if (i >= first)
      gtk_widget_set_visible (child, FALSE);
}

static void
show_article (XfArticleRow *self,
              XfArticle    *article)
{
  g_autoptr(GArray) clauses = xf_article_dup_clauses (article);
  guint n = 0;

  if (clauses->len == 0)
    {
      g_autofree char *label = g_markup_escape_text (xf_article_get_label (article), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>", label);
      gtk_label_set_markup (GTK_LABEL (nth_line (self, self->clauses_box, 0, n++)), markup);
    }

  for (guint i = 0; i < clauses->len; i++)
    {
      const XfClause *clause = &g_array_index (clauses, XfClause, i);
      GtkWidget *label = nth_line (self, self->clauses_box, 0, n++);
      g_autofree char *text = g_markup_escape_text (clause->text, -1);

      if (i == 0)
        {
          g_autofree char *number = g_markup_escape_text (xf_article_get_label (article), -1);
          g_autofree char *markup = g_strdup_printf ("<b>%s</b>\u3000%s", number, text);
          gtk_label_set_markup (GTK_LABEL (label), markup);
        }
      else
        gtk_label_set_markup (GTK_LABEL (label), text);

      if (clause->kind == XF_CLAUSE_ITEM)
        gtk_widget_add_css_class (label, "xf-clause-item");
      else
        gtk_widget_remove_css_class (label, "xf-clause-item");
    }

  hide_lines_from (self->clauses_box, n);
}

static void
show_law (XfArticleRow *self,
          XfLaw        *law)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  g_autofree char *meta = NULL;

  gtk_label_set_text (self->title_label, xf_law_get_title (law));

  subtitle = xf_format_law_subtitle (xf_law_get_version_date (law), xf_law_get_status_label (law));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                        xf_law_get_article_count (law)),
                           xf_law_get_article_count (law));
  meta = g_strdup_printf ("%s · %s", subtitle, count);
  gtk_label_set_text (self->meta_label, meta);

}

/* A constitution's preamble: paragraphs without article numbers. */
static void
show_preamble (XfArticleRow *self,
               const char   *preamble)
{
  g_auto(GStrv) paragraphs = g_strsplit (preamble ? preamble : "", "\n", -1);
  guint n = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *indented = NULL;

      if (paragraphs[i][0] == '\0')
        continue;

      /* Paragraphs without numbers open with the customary two-character
       * indent. */
      indented = g_strconcat ("\u3000\u3000", paragraphs[i], NULL);
      gtk_label_set_text (GTK_LABEL (nth_line (self, self->preamble_box, 1, n++)), indented);
    }
  hide_lines_from (self->preamble_box, n + 1);
}

static void
xf_article_row_update (XfArticleRow *self)
{
  gboolean is_article = XF_IS_ARTICLE (self->item);

  gtk_widget_set_visible (self->law_box, XF_IS_LAW (self->item));
  gtk_widget_set_visible (self->preamble_box, GTK_IS_STRING_OBJECT (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), XF_IS_HEADING (self->item));
  gtk_widget_set_visible (self->article_box, is_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy", is_article);

  if (is_article)
    show_article (self, XF_ARTICLE (self->item));
  else if (XF_IS_LAW (self->item))
    show_law (self, XF_LAW (self->item));
  else if (GTK_IS_STRING_OBJECT (self->item))
    show_preamble (self, gtk_string_object_get_string (GTK_STRING_OBJECT (self->item)));
  else if (XF_IS_HEADING (self->item))
    {
      XfHeading *heading = XF_HEADING (self->item);
      g_autofree char *text = xf_heading_dup_display (heading);
      const char *kinds[] = { "part", "subpart", "chapter", "section" };

      gtk_label_set_text (self->heading_label, text);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autofree char *css = g_strconcat ("xf-heading-", kinds[i], NULL);

          if (g_strcmp0 (xf_heading_get_kind (heading), kinds[i]) == 0)
            gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), css);
          else
            gtk_widget_remove_css_class (GTK_WIDGET (self->heading_label), css);
        }
    }
}

static void
row_copy_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfArticleRow *self = XF_ARTICLE_ROW (widget);
  g_autofree char *text = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *toast = NULL;

  if (!XF_IS_ARTICLE (self->item))
    return;

  text = xf_article_dup_citation_text (XF_ARTICLE (self->item));
  citation = xf_article_dup_citation (XF_ARTICLE (self->item));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  toast = xf_format_copied_toast (citation);
  gtk_widget_activate_action (widget, "win.show-toast", "s", toast);
}

static void
xf_article_row_dispose (GObject *object)
{
  XfArticleRow *self = (XfArticleRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ARTICLE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (xf_article_row_parent_class)->dispose (object);
}

static void
xf_article_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfArticleRow *self = XF_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_article_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfArticleRow *self = XF_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      xf_article_row_set_item (self, g_value_get_object (value));
      break;
    case PROP_HIGHLIGHTED:
      xf_article_row_set_highlighted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_article_row_class_init (XfArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_article_row_dispose;
  object_class->get_property = xf_article_row_get_property;
  object_class->set_property = xf_article_row_set_property;

  /**
   * XfArticleRow:item:
   *
   * What the row shows: an #XfArticle, an #XfHeading, an #XfLaw (its title
   * block) or a #GtkStringObject (a preamble).
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XfArticleRow:highlighted:
   *
   * Whether the row is the article the reader was asked to show.
   */
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, law_box);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, preamble_box);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, article_box);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, clauses_box);
  gtk_widget_class_bind_template_child (widget_class, XfArticleRow, text_menu);

  gtk_widget_class_install_action (widget_class, "row.copy", NULL, row_copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "row.copy", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "xf-article-row");
}

static void
xf_article_row_init (XfArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy", FALSE);
}

/**
 * xf_article_row_get_item:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
GObject *
xf_article_row_get_item (XfArticleRow *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_ROW (self), NULL);
  return self->item;
}

void
xf_article_row_set_item (XfArticleRow *self,
                         GObject      *item)
{
  g_return_if_fail (XF_IS_ARTICLE_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    {
      xf_article_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

gboolean
xf_article_row_get_highlighted (XfArticleRow *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_ROW (self), FALSE);
  return self->highlighted;
}

void
xf_article_row_set_highlighted (XfArticleRow *self,
                                gboolean      highlighted)
{
  g_return_if_fail (XF_IS_ARTICLE_ROW (self));

  highlighted = !!highlighted;
  if (self->highlighted == highlighted)
    return;

  self->highlighted = highlighted;
  if (highlighted)
    gtk_widget_add_css_class (self->article_box, "highlighted");
  else
    gtk_widget_remove_css_class (self->article_box, "highlighted");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
