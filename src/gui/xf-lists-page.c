/* xf-lists-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-knowledge-store.h"
#include "xf-list-item-row.h"
#include "xf-lists-page.h"

/* The yearly knowledge lists (应知应会清单) with the person's progress, and
 * a list's items by level, each marked learned or not. */
struct _XfListsPage
{
  GtkWidget           parent_instance;

  /* The page reads its lists when it is first shown, so a hidden page costs
   * nothing at start-up. */
  guint               load_tick;
  gboolean            stale;

  XfDatabase         *database;
  GListModel         *lists;
  GListStore         *items;
  gboolean            selecting;

  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkSingleSelection *lists_selection;
  GtkNoSelection     *items_selection;
  GtkListView        *items_view;
};

G_DEFINE_FINAL_TYPE (XfListsPage, xf_lists_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const levels[] = { "must", "should", "apply" };

static char *
xf_lists_page_list_subtitle (gpointer    unused,
                             int         year,
                             const char *audience_label,
                             const char *department)
{
  return xf_format_list_subtitle (year, audience_label, department);
}

static char *
xf_lists_page_progress (gpointer unused,
                        guint    n_learned,
                        guint    n_items)
{
  return xf_format_progress_label (n_learned, n_items);
}

static void
show_error (XfListsPage  *self,
            const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static guint
level_rank (const char *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (g_strcmp0 (level, levels[i]) == 0)
      return i;
  return G_N_ELEMENTS (levels);
}

/* The list's header, then its items grouped by level in the list's order,
 * each group opened by the level's name. */
static void
show_list (XfListsPage     *self,
           XfKnowledgeList *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  items = xf_knowledge_store_list_items (self->database, xf_knowledge_list_get_id (list), &error);
  if (items == NULL)
    {
      show_error (self, error);
      return;
    }

  g_ptr_array_add (rows, g_object_ref (list));
  n = g_list_model_get_n_items (items);
  for (guint rank = 0; rank <= G_N_ELEMENTS (levels); rank++)
    {
      gboolean opened = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(XfListItem) item = g_list_model_get_item (items, i);

          if (level_rank (xf_list_item_get_level (item)) != rank)
            continue;
          if (!opened)
            {
              g_ptr_array_add (rows, gtk_string_object_new (xf_list_item_get_level_label (item)));
              opened = TRUE;
            }
          g_ptr_array_add (rows, g_object_ref (item));
        }
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       rows->pdata, rows->len);
  gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", 0);
}

static XfKnowledgeList *
selected_list (XfListsPage *self)
{
  return gtk_single_selection_get_selected_item (self->lists_selection);
}

static void
on_lists_selection_selection_changed_cb (XfListsPage *self,
                                         guint        position,
                                         guint        n_items)
{
  XfKnowledgeList *list = selected_list (self);

  if (list == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  show_list (self, list);
  if (!self->selecting && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_lists_view_activate_cb (XfListsPage *self,
                           guint        position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
lists_go_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  adw_leaflet_navigate (XF_LISTS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static XfListItem *
find_item (XfListsPage *self,
           const char  *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (XF_IS_LIST_ITEM (item) && g_strcmp0 (xf_list_item_get_uuid (XF_LIST_ITEM (item)), uuid) == 0)
        return XF_LIST_ITEM (item);
    }

  return NULL;
}

/* Writes the mark, then shows it: the item's check and the list's
 * progress follow. */
static void
lists_set_learned_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  XfListsPage *self = XF_LISTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  XfKnowledgeList *list = selected_list (self);
  const char *uuid;
  gboolean learned;
  XfListItem *item;

  g_variant_get (parameter, "(&sb)", &uuid, &learned);
  item = find_item (self, uuid);
  if (self->database == NULL || item == NULL || list == NULL ||
      xf_list_item_get_learned (item) == learned)
    return;

  if (!xf_knowledge_store_set_learned (self->database, uuid, learned, &error))
    {
      show_error (self, error);
      return;
    }

  xf_list_item_set_learned (item, learned);
  xf_knowledge_list_set_n_learned (list, xf_knowledge_list_get_n_learned (list) + (learned ? 1 : -1));
}

/**
 * xf_lists_page_reload:
 *
 * Reads the lists again, keeping the one that was open if it is still
 * there.
 */
void
xf_lists_page_reload (XfListsPage *self)
{
  g_autoptr(GListModel) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *open_uuid = NULL;
  guint selected = 0;

  g_return_if_fail (XF_IS_LISTS_PAGE (self));

  self->stale = FALSE;
  if (self->load_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick);
  self->load_tick = 0;

  if (selected_list (self) != NULL)
    open_uuid = g_strdup (xf_knowledge_list_get_uuid (selected_list (self)));

  if (self->database != NULL)
    {
      lists = xf_knowledge_store_list_lists (self->database, &error);
      if (lists == NULL)
        show_error (self, error);
    }

  for (guint i = 0; lists != NULL && open_uuid != NULL && i < g_list_model_get_n_items (lists); i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (lists, i);

      if (g_strcmp0 (xf_knowledge_list_get_uuid (list), open_uuid) == 0)
        selected = i;
    }

  g_set_object (&self->lists, lists);
  self->selecting = TRUE;
  gtk_single_selection_set_model (self->lists_selection, lists);
  if (lists != NULL && g_list_model_get_n_items (lists) > 0)
    gtk_single_selection_set_selected (self->lists_selection, selected);
  self->selecting = FALSE;

  /* A new model selects without a selection-changed signal. */
  if (lists == NULL || g_list_model_get_n_items (lists) == 0)
    {
      g_list_store_remove_all (self->items);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      show_list (self, selected_list (self));
      gtk_stack_set_visible_child_name (self->stack, "lists");
    }
}

/**
 * xf_lists_page_open_item:
 *
 * Opens the list and scrolls to the item, as a search hit asks.
 *
 * Returns: whether the list holds the item
 */
gboolean
xf_lists_page_open_item (XfListsPage *self,
                         gint64       list_id,
                         gint64       item_id)
{
  guint n;

  g_return_val_if_fail (XF_IS_LISTS_PAGE (self), FALSE);

  if (self->stale)
    xf_lists_page_reload (self);

  n = self->lists ? g_list_model_get_n_items (self->lists) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (self->lists, i);

      if (xf_knowledge_list_get_id (list) != list_id)
        continue;

      if (gtk_single_selection_get_selected (self->lists_selection) != i)
        gtk_single_selection_set_selected (self->lists_selection, i);
      else if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (self->items)); j++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->items), j);

          if (XF_IS_LIST_ITEM (row) && xf_list_item_get_id (XF_LIST_ITEM (row)) == item_id)
            {
              gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", j);
              return TRUE;
            }
        }
      return FALSE;
    }

  return FALSE;
}

static void
xf_lists_page_dispose (GObject *object)
{
  XfListsPage *self = (XfListsPage *)object;
  GtkWidget *child;

  if (self->load_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick);
  self->load_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_LISTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_object (&self->lists);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (xf_lists_page_parent_class)->dispose (object);
}

static void
xf_lists_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfListsPage *self = XF_LISTS_PAGE (object);

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
xf_lists_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfListsPage *self = XF_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_lists_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Loading on the first frame after the page has a size lets the list views
 * make only the rows that show; before that they make up to 200. */
static gboolean
load_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  XfListsPage *self = XF_LISTS_PAGE (widget);

  if (gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->load_tick = 0;
  xf_lists_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
xf_lists_page_map (GtkWidget *widget)
{
  XfListsPage *self = XF_LISTS_PAGE (widget);

  GTK_WIDGET_CLASS (xf_lists_page_parent_class)->map (widget);

  if (self->stale && self->load_tick == 0)
    self->load_tick = gtk_widget_add_tick_callback (widget, load_tick_cb, NULL, NULL);
}

static void
xf_lists_page_class_init (XfListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_lists_page_dispose;
  widget_class->map = xf_lists_page_map;
  object_class->get_property = xf_lists_page_get_property;
  object_class->set_property = xf_lists_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_KNOWLEDGE_LIST);
  g_type_ensure (XF_TYPE_LIST_ITEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, lists_selection);
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, items_selection);
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, items_view);
  gtk_widget_class_bind_template_callback (widget_class, xf_lists_page_list_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, xf_lists_page_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_lists_selection_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lists_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "lists.set-learned", "(sb)", lists_set_learned_action);
  gtk_widget_class_install_action (widget_class, "lists.go-back", NULL, lists_go_back_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_lists_page_init (XfListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (G_TYPE_OBJECT);
  gtk_no_selection_set_model (self->items_selection, G_LIST_MODEL (self->items));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * xf_lists_page_get_database:
 *
 * Returns: (transfer none) (nullable): the profile's database
 */
XfDatabase *
xf_lists_page_get_database (XfListsPage *self)
{
  g_return_val_if_fail (XF_IS_LISTS_PAGE (self), NULL);
  return self->database;
}

void
xf_lists_page_set_database (XfListsPage *self,
                            XfDatabase  *database)
{
  g_return_if_fail (XF_IS_LISTS_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      /* Another profile: its own lists and marks. */
      self->selecting = TRUE;
      gtk_single_selection_set_model (self->lists_selection, NULL);
      self->selecting = FALSE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        xf_lists_page_reload (self);
      else
        self->stale = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}
