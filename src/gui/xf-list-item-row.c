/* xf-list-item-row.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-knowledge-list.h"
#include "xf-list-item.h"
#include "xf-list-item-row.h"

/* One row of a knowledge list: the list's own header with its progress, a
 * level (必知, 应知, 应会) opening its items, or an item as a card with the
 * check that marks it learned. */
struct _XfListItemRow
{
  GtkWidget       parent_instance;

  GObject        *item;
  GBinding       *fraction_binding;
  gulong          learned_handler;
  gboolean        updating;

  GtkWidget      *list_box;
  GtkLabel       *list_title_label;
  GtkLabel       *list_subtitle_label;
  GtkLabel       *description_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLabel       *level_label;
  GtkWidget      *item_box;
  GtkCheckButton *learned_check;
  GtkLabel       *title_label;
  GtkLabel       *citation_label;
  GtkWidget      *open_button;
  GtkLabel       *body_label;
  GtkLabel       *note_label;
};

G_DEFINE_FINAL_TYPE (XfListItemRow, xf_list_item_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text_or_hide (GtkLabel   *label,
                  const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_progress_label (XfListItemRow *self)
{
  XfKnowledgeList *list = XF_KNOWLEDGE_LIST (self->item);
  g_autofree char *text = xf_format_progress_label (xf_knowledge_list_get_n_learned (list),
                                                    xf_knowledge_list_get_n_items (list));

  gtk_label_set_text (self->progress_label, text);
}

static void
update_learned (XfListItemRow *self)
{
  self->updating = TRUE;
  gtk_check_button_set_active (self->learned_check, xf_list_item_get_learned (XF_LIST_ITEM (self->item)));
  self->updating = FALSE;
}

static void
show_list (XfListItemRow   *self,
           XfKnowledgeList *list)
{
  g_autofree char *subtitle = xf_format_list_subtitle (xf_knowledge_list_get_year (list),
                                                       xf_knowledge_list_get_audience_label (list),
                                                       xf_knowledge_list_get_department (list));

  gtk_label_set_text (self->list_title_label, xf_knowledge_list_get_title (list));
  set_text_or_hide (self->list_subtitle_label, subtitle);
  set_text_or_hide (self->description_label, xf_knowledge_list_get_description (list));

  self->fraction_binding = g_object_bind_property (list, "fraction", self->progress_bar, "fraction",
                                                   G_BINDING_SYNC_CREATE);
  self->learned_handler = g_signal_connect_object (list, "notify::n-learned",
                                                   G_CALLBACK (update_progress_label), self,
                                                   G_CONNECT_SWAPPED);
  update_progress_label (self);
}

static void
show_item (XfListItemRow *self,
           XfListItem    *item)
{
  g_autofree char *citation = NULL;
  const char *title = xf_list_item_get_title (item);
  gint64 article_id = xf_list_item_get_article_id (item);

  if (xf_list_item_has_article (item))
    citation = xf_format_citation (xf_list_item_get_law_title (item),
                                   xf_list_item_get_article_label (item));

  /* An item without a title is named by its citation. */
  if (title != NULL && title[0] != '\0')
    {
      gtk_label_set_text (self->title_label, title);
      set_text_or_hide (self->citation_label, citation);
    }
  else
    {
      gtk_label_set_text (self->title_label, citation ? citation : "");
      set_text_or_hide (self->citation_label, NULL);
    }

  set_text_or_hide (self->body_label, xf_list_item_get_body (item));
  set_text_or_hide (self->note_label, xf_list_item_get_note (item));

  /* The action takes the article: without one, the button has none. */
  gtk_widget_set_visible (self->open_button, article_id > 0);
  if (article_id > 0)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "x", article_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.open-article");
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), NULL);

  self->learned_handler = g_signal_connect_object (item, "notify::learned", G_CALLBACK (update_learned),
                                                   self, G_CONNECT_SWAPPED);
  update_learned (self);
}

static void
disconnect_item (XfListItemRow *self)
{
  g_clear_pointer (&self->fraction_binding, g_binding_unbind);
  if (self->learned_handler != 0 && self->item != NULL)
    g_signal_handler_disconnect (self->item, self->learned_handler);
  self->learned_handler = 0;
}

static void
xf_list_item_row_update (XfListItemRow *self)
{
  gtk_widget_set_visible (self->list_box, XF_IS_KNOWLEDGE_LIST (self->item));
  gtk_widget_set_visible (GTK_WIDGET (self->level_label), GTK_IS_STRING_OBJECT (self->item));
  gtk_widget_set_visible (self->item_box, XF_IS_LIST_ITEM (self->item));

  if (XF_IS_KNOWLEDGE_LIST (self->item))
    show_list (self, XF_KNOWLEDGE_LIST (self->item));
  else if (XF_IS_LIST_ITEM (self->item))
    show_item (self, XF_LIST_ITEM (self->item));
  else if (GTK_IS_STRING_OBJECT (self->item))
    gtk_label_set_text (self->level_label, gtk_string_object_get_string (GTK_STRING_OBJECT (self->item)));
}

/* The page writes the mark and updates the item; the check then follows the
 * item, so that a failed write does not leave it ticked. */
static void
on_learned_check_toggled_cb (XfListItemRow  *self,
                             GtkCheckButton *check)
{
  gboolean active = gtk_check_button_get_active (check);
  XfListItem *item;

  if (self->updating || !XF_IS_LIST_ITEM (self->item))
    return;

  item = XF_LIST_ITEM (self->item);
  if (active != xf_list_item_get_learned (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "lists.set-learned", "(sb)",
                                xf_list_item_get_uuid (item), active);
  update_learned (self);
}

static void
xf_list_item_row_dispose (GObject *object)
{
  XfListItemRow *self = (XfListItemRow *)object;
  GtkWidget *child;

  disconnect_item (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_LIST_ITEM_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (xf_list_item_row_parent_class)->dispose (object);
}

static void
xf_list_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfListItemRow *self = XF_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_list_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XfListItemRow *self = XF_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      xf_list_item_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_list_item_row_class_init (XfListItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_list_item_row_dispose;
  object_class->get_property = xf_list_item_row_get_property;
  object_class->set_property = xf_list_item_row_set_property;

  /**
   * XfListItemRow:item:
   *
   * What the row shows: an #XfKnowledgeList (its header), a
   * #GtkStringObject (a level) or an #XfListItem.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-list-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, list_box);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, list_title_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, list_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, level_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, item_box);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, learned_check);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, XfListItemRow, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_learned_check_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "xf-list-item-row");
}

static void
xf_list_item_row_init (XfListItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_list_item_row_get_item:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
GObject *
xf_list_item_row_get_item (XfListItemRow *self)
{
  g_return_val_if_fail (XF_IS_LIST_ITEM_ROW (self), NULL);
  return self->item;
}

void
xf_list_item_row_set_item (XfListItemRow *self,
                           GObject       *item)
{
  g_return_if_fail (XF_IS_LIST_ITEM_ROW (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (self->item == item)
    return;

  disconnect_item (self);
  g_set_object (&self->item, item);
  xf_list_item_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
