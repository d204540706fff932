/* xf-article-view.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-article-row.h"
#include "xf-article-view.h"
#include "xf-gui-format.h"
#include "xf-law-store.h"
#include "xf-study-time.h"
#include "xf-study-timer.h"

/* The reading pane: one statute, or one of its headings, as a virtualised
 * list. 民法典 alone has 1260 articles, so only the rows on screen exist.
 * Headings are items of the list too, so that chapters read as separators
 * between their articles. The selection marks the article that was asked
 * for; rows cannot be selected by clicking, which selects text instead. */
struct _XfArticleView
{
  GtkWidget           parent_instance;

  XfDatabase         *database;
  XfLaw              *law;
  XfStudyTimer       *timer;       /* reading time, while a statute shows */
  GListStore         *items;
  GSettings          *settings;

  gint64              reveal_id;
  gboolean            reveal_pending;
  gboolean            reveal_scrolled;
  guint               reveal_tick;
  guint               reveal_tries;

  GtkStack           *stack;
  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (XfArticleView, xf_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LAW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One style sheet sizes the statute text in every reader of the process,
 * so that a change of the setting restyles all visible rows at once. */
static GtkCssProvider *reader_css;

static void
update_reader_css (XfArticleView *self)
{
  g_autofree char *css = xf_format_reader_css (g_settings_get_double (self->settings, "reader-font-scale"));

  gtk_css_provider_load_from_data (reader_css, css, -1);
}

static void
on_settings_changed_cb (XfArticleView *self,
                        const char    *key,
                        GSettings     *settings)
{
  update_reader_css (self);
}

static void
xf_article_view_root (GtkWidget *widget)
{
  GdkDisplay *display;

  GTK_WIDGET_CLASS (xf_article_view_parent_class)->root (widget);

  display = gtk_widget_get_display (widget);
  if (g_object_get_data (G_OBJECT (display), "xf-reader-css") == NULL)
    {
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (reader_css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data (G_OBJECT (display), "xf-reader-css", reader_css);
    }
}

static GtkWidget *
find_row (GtkWidget *widget,
          gint64     article_id)
{
  if (XF_IS_ARTICLE_ROW (widget))
    {
      GObject *item = xf_article_row_get_item (XF_ARTICLE_ROW (widget));

      if (XF_IS_ARTICLE (item) && xf_article_get_id (XF_ARTICLE (item)) == article_id)
        return widget;
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, article_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static guint
find_position (XfArticleView *self,
               gint64         article_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (XF_IS_ARTICLE (item) && xf_article_get_id (XF_ARTICLE (item)) == article_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
stop_reveal (XfArticleView *self)
{
  self->reveal_pending = FALSE;
  if (self->reveal_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
      self->reveal_tick = 0;
    }
}

/* Revealing takes two steps, each on a frame once the list has its size
 * (a list off screen, as in a folded leaflet, has none to scroll in):
 * scroll to the item, which only brings it into view, often at the bottom
 * edge; then, once its row is laid out, move it to the top. */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  XfArticleView *self = XF_ARTICLE_VIEW (widget);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *row;
  graphene_rect_t bounds;
  guint position;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    {
      /* Unmapped, the tick stops; mapping starts it again. */
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_width (GTK_WIDGET (self->list_view)) == 0)
    return G_SOURCE_CONTINUE;

  if (!self->reveal_scrolled)
    {
      position = find_position (self, self->reveal_id);
      if (position == GTK_INVALID_LIST_POSITION)
        {
          stop_reveal (self);
          return G_SOURCE_REMOVE;
        }
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      self->reveal_scrolled = TRUE;
      self->reveal_tries = 0;
      return G_SOURCE_CONTINUE;
    }

  /* Ticks come before layout: wait for the row to have its place. */
  row = find_row (GTK_WIDGET (self->list_view), self->reveal_id);
  if (row == NULL || gtk_widget_get_height (row) == 0 ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_view), &bounds))
    {
      if (++self->reveal_tries < 30)
        return G_SOURCE_CONTINUE;
      self->reveal_tick = 0;
      self->reveal_pending = FALSE;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + bounds.origin.y - 12);
  self->reveal_tick = 0;
  self->reveal_pending = FALSE;
  return G_SOURCE_REMOVE;
}

static void
start_reveal (XfArticleView *self)
{
  if (self->reveal_pending && self->reveal_tick == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

static void
on_list_view_map_cb (XfArticleView *self)
{
  start_reveal (self);
}

/* Collects every heading of the tree by id, and remembers each one's parent,
 * so that an article's chain of headings can be walked upwards. */
static void
index_headings (GListModel *headings,
                XfHeading  *parent,
                GHashTable *by_id,
                GHashTable *parents)
{
  guint n = g_list_model_get_n_items (headings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfHeading) heading = g_list_model_get_item (headings, i);
      gint64 *key = g_new (gint64, 1);

      *key = xf_heading_get_id (heading);
      g_hash_table_insert (by_id, key, g_object_ref (heading));
      if (parent != NULL)
        g_hash_table_insert (parents, heading, parent);
      index_headings (xf_heading_get_children (heading), heading, by_id, parents);
    }
}

static GPtrArray *
heading_chain (GHashTable *by_id,
               GHashTable *parents,
               gint64      heading_id)
{
  GPtrArray *chain = g_ptr_array_new ();
  XfHeading *heading = heading_id > 0 ? g_hash_table_lookup (by_id, &heading_id) : NULL;

  for (; heading != NULL; heading = g_hash_table_lookup (parents, heading))
    g_ptr_array_insert (chain, 0, heading);

  return chain;
}

/* Reading counts as study time while a statute shows on screen */
static void
update_timer (XfArticleView *self)
{
  if (self->database != NULL && self->timer == NULL)
    self->timer = xf_study_timer_new (self->database, GTK_WIDGET (self), XF_STUDY_ACTIVITY_READING);
  if (self->timer == NULL)
    return;
  if (self->law != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_study_timer_start (self->timer);
  else
    xf_study_timer_stop (self->timer);
}

/**
 * xf_article_view_show_law:
 * @heading_id: a heading of @law, or 0 for the whole statute
 *
 * Shows the articles of @law under @heading_id, with the headings that
 * open along the way.
 *
 * Returns: whether the statute could be read
 */
gboolean
xf_article_view_show_law (XfArticleView  *self,
                          XfLaw          *law,
                          gint64          heading_id,
                          GError        **error)
{
  g_autoptr(GListModel) headings = NULL;
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) parents = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  g_return_val_if_fail (XF_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (XF_IS_LAW (law), FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  headings = xf_law_store_list_headings (self->database, xf_law_get_id (law), error);
  if (headings == NULL)
    return FALSE;
  articles = xf_law_store_list_articles (self->database, xf_law_get_id (law), heading_id, error);
  if (articles == NULL)
    return FALSE;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  parents = g_hash_table_new (NULL, NULL);
  index_headings (headings, NULL, by_id, parents);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, g_object_ref (law));
  if (heading_id == 0 && xf_law_get_preamble (law)[0] != '\0')
    g_ptr_array_add (items, gtk_string_object_new (xf_law_get_preamble (law)));

  /* A heading is shown where the chain of headings above an article first
   * differs from the previous article's. */
  previous = g_ptr_array_new ();
  n = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfArticle) article = g_list_model_get_item (articles, i);
      g_autoptr(GPtrArray) chain = heading_chain (by_id, parents, xf_article_get_heading_id (article));
      guint common = 0;

      while (common < chain->len && common < previous->len &&
             chain->pdata[common] == previous->pdata[common])
        common++;
      for (guint j = common; j < chain->len; j++)
        g_ptr_array_add (items, g_object_ref (chain->pdata[j]));
      g_ptr_array_add (items, g_object_ref (article));

      g_ptr_array_unref (previous);
      previous = g_steal_pointer (&chain);
    }

  stop_reveal (self);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_stack_set_visible_child_name (self->stack, "articles");

  if (g_set_object (&self->law, law))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAW]);
  update_timer (self);

  return TRUE;
}

void
xf_article_view_clear (XfArticleView *self)
{
  g_return_if_fail (XF_IS_ARTICLE_VIEW (self));

  g_list_store_remove_all (self->items);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (self->law != NULL)
    {
      g_clear_object (&self->law);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAW]);
    }
  update_timer (self);
}

/**
 * xf_article_view_reveal_article:
 *
 * Scrolls to the article and marks it, as when a search hit is opened.
 *
 * Returns: whether the article is among those shown
 */
gboolean
xf_article_view_reveal_article (XfArticleView *self,
                                gint64         article_id)
{
  guint position;

  g_return_val_if_fail (XF_IS_ARTICLE_VIEW (self), FALSE);

  position = find_position (self, article_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  stop_reveal (self);
  self->reveal_id = article_id;
  self->reveal_pending = TRUE;
  self->reveal_scrolled = FALSE;
  start_reveal (self);

  return TRUE;
}

static void
xf_article_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_article_view_parent_class)->map (widget);
  update_timer (XF_ARTICLE_VIEW (widget));
}

static void
xf_article_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (xf_article_view_parent_class)->unmap (widget);
  update_timer (XF_ARTICLE_VIEW (widget));
}

static void
xf_article_view_dispose (GObject *object)
{
  XfArticleView *self = (XfArticleView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ARTICLE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->timer);
  g_clear_object (&self->database);
  g_clear_object (&self->law);
  g_clear_object (&self->items);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xf_article_view_parent_class)->dispose (object);
}

static void
xf_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfArticleView *self = XF_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_LAW:
      g_value_set_object (value, self->law);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfArticleView *self = XF_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_article_view_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_article_view_class_init (XfArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_article_view_dispose;
  object_class->get_property = xf_article_view_get_property;
  object_class->set_property = xf_article_view_set_property;

  widget_class->root = xf_article_view_root;
  widget_class->map = xf_article_view_map;
  widget_class->unmap = xf_article_view_unmap;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAW] =
    g_param_spec_object ("law", NULL, NULL, XF_TYPE_LAW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_ARTICLE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, XfArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfArticleView, list_view);
  gtk_widget_class_bind_template_child (widget_class, XfArticleView, selection);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "xf-article-view");

  reader_css = gtk_css_provider_new ();
}

static void
xf_article_view_init (XfArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (G_TYPE_OBJECT);
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (on_list_view_map_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->items));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::reader-font-scale",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_reader_css (self);
}

XfDatabase *
xf_article_view_get_database (XfArticleView *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_VIEW (self), NULL);
  return self->database;
}

void
xf_article_view_set_database (XfArticleView *self,
                              XfDatabase    *database)
{
  g_return_if_fail (XF_IS_ARTICLE_VIEW (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      /* The session read in the profile before ends there */
      g_clear_object (&self->timer);
      xf_article_view_clear (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}

/**
 * xf_article_view_get_law:
 *
 * Returns: (transfer none) (nullable): the statute shown
 */
XfLaw *
xf_article_view_get_law (XfArticleView *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_VIEW (self), NULL);
  return self->law;
}

/**
 * xf_article_view_get_items:
 *
 * Returns: (transfer none): what the reader lists: the statute, its
 *   preamble, headings and articles
 */
GListModel *
xf_article_view_get_items (XfArticleView *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}
