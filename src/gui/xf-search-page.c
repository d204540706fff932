/* xf-search-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-search-engine.h"
#include "xf-search-page.h"

/* Search results: statutes whose title matches, knowledge-list items, then
 * the articles with their place in the statute and a highlighted snippet.
 * Each query runs in a thread and cancels the one before, so typing never
 * waits for the search. */
struct _XfSearchPage
{
  GtkWidget       parent_instance;

  XfDatabase     *database;
  XfSearchEngine *engine;
  GCancellable   *query_cancellable;
  GCancellable   *index_cancellable;
  GListStore     *rows;
  char           *text;
  gboolean        busy;
  gboolean        rebuilding;
  gboolean        index_failed;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_page;
  GtkNoSelection *results_selection;
  GtkListView    *results_view;
};

G_DEFINE_FINAL_TYPE (XfSearchPage, xf_search_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many article hits to show; the total counts them all. */
#define HIT_LIMIT 200

static gboolean
xf_search_page_is_header (gpointer  unused,
                          GObject  *item)
{
  return GTK_IS_STRING_OBJECT (item);
}

static gboolean
xf_search_page_is_hit (gpointer  unused,
                       GObject  *item)
{
  return XF_IS_SEARCH_HIT (item);
}

/* A statute or an item found by its title needs no line above saying the
 * same again. */
static gboolean
xf_search_page_shows_location (gpointer  unused,
                               GObject  *item)
{
  g_autofree char *location = NULL;

  if (!XF_IS_SEARCH_HIT (item))
    return FALSE;

  location = xf_search_hit_dup_location (XF_SEARCH_HIT (item));
  return g_strcmp0 (location, xf_search_hit_get_snippet (XF_SEARCH_HIT (item))) != 0;
}

static char *
xf_search_page_header_text (gpointer  unused,
                            GObject  *item)
{
  return g_strdup (GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
}

static char *
xf_search_page_hit_location (gpointer  unused,
                             GObject  *item)
{
  return XF_IS_SEARCH_HIT (item) ? xf_search_hit_dup_location (XF_SEARCH_HIT (item)) : g_strdup ("");
}

static char *
xf_search_page_hit_markup (gpointer  unused,
                           GObject  *item)
{
  return XF_IS_SEARCH_HIT (item) ? xf_search_hit_to_markup (XF_SEARCH_HIT (item)) : g_strdup ("");
}

static void
set_busy (XfSearchPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
append_section (GPtrArray  *rows,
                const char *header,
                GListModel *hits)
{
  guint n = g_list_model_get_n_items (hits);

  if (n == 0)
    return;
  g_ptr_array_add (rows, gtk_string_object_new (header));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (hits, i));
}

static void
show_results (XfSearchPage    *self,
              XfSearchResults *results)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *total = NULL;
  g_autofree char *articles = NULL;

  if (!xf_search_results_get_index_ready (results))
    {
      g_ptr_array_add (rows, gtk_string_object_new (_("The search index is being built: results may be slower")));
      xf_search_page_refresh_index (self);
    }

  append_section (rows, _("Statutes"), xf_search_results_get_laws (results));
  append_section (rows, _("Knowledge lists"), xf_search_results_get_items (results));

  total = xf_format_search_total (xf_search_results_get_total (results));
  articles = g_strdup_printf ("%s · %s", _("Articles"), total);
  append_section (rows, articles, xf_search_results_get_hits (results));

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (xf_search_results_get_total (results) == 0 &&
      xf_search_results_get_n_laws (results) == 0 &&
      xf_search_results_get_n_items (results) == 0)
    {
      g_autofree char *description = g_strdup_printf (_("Nothing in the statutes or lists holds “%s”"),
                                                      xf_search_results_get_query (results));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", 0);
    }
}

static void
on_query_finished (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XfSearchPage) self = user_data;
  g_autoptr(XfSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;

  results = xf_search_engine_query_finish (XF_SEARCH_ENGINE (source), result, &error);

  /* A newer query replaced this one: its answer no longer matters. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->query_cancellable);
  set_busy (self, FALSE);

  if (results == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  show_results (self, results);
}

/**
 * xf_search_page_search:
 *
 * Searches for @text, cancelling the search before it.
 */
void
xf_search_page_search (XfSearchPage *self,
                       const char   *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XF_IS_SEARCH_PAGE (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  g_free (self->text);
  self->text = g_strdup (stripped);

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);

  if (self->engine == NULL || stripped[0] == '\0')
    {
      g_list_store_remove_all (self->rows);
      set_busy (self, FALSE);
      return;
    }

  /* Earlier results stay until the new ones come; the first search of a
   * session shows a spinner instead. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "searching");

  set_busy (self, TRUE);
  self->query_cancellable = g_cancellable_new ();
  xf_search_engine_query_async (self->engine, stripped, HIT_LIMIT, self->query_cancellable,
                                on_query_finished, g_object_ref (self));
}

static void
on_index_rebuilt (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XfSearchPage) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean built = xf_search_engine_rebuild_finish (XF_SEARCH_ENGINE (source), result, &error);

  /* Another profile's engine by now: this one's index is none of ours. */
  if (XF_SEARCH_ENGINE (source) != self->engine)
    return;

  self->rebuilding = FALSE;
  if (!built)
    {
      /* Searching still works without the index, only more slowly; do not
       * try again and again for this database. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Cannot build the search index: %s", error->message);
          self->index_failed = TRUE;
        }
      return;
    }

  /* Statutes imported while it was built make it stale at once. */
  if (!xf_search_engine_is_index_ready (self->engine))
    {
      xf_search_page_refresh_index (self);
      return;
    }

  /* The note about the index goes once the index is there. */
  if (self->text != NULL && self->text[0] != '\0' && self->query_cancellable == NULL)
    {
      g_autofree char *text = g_strdup (self->text);
      xf_search_page_search (self, text);
    }
}

/**
 * xf_search_page_refresh_index:
 *
 * Builds the search index in a thread if the statutes changed since it was
 * built, as after an import. Searching goes on meanwhile, more slowly.
 */
void
xf_search_page_refresh_index (XfSearchPage *self)
{
  g_return_if_fail (XF_IS_SEARCH_PAGE (self));

  if (self->engine == NULL || self->rebuilding || self->index_failed ||
      xf_search_engine_is_index_ready (self->engine))
    return;

  self->rebuilding = TRUE;
  xf_search_engine_rebuild_async (self->engine, self->index_cancellable, on_index_rebuilt, g_object_ref (self));
}

/**
 * xf_search_page_activate_first:
 *
 * Opens the first result, as Enter in the search entry does.
 *
 * Returns: whether there was one
 */
gboolean
xf_search_page_activate_first (XfSearchPage *self)
{
  guint n;

  g_return_val_if_fail (XF_IS_SEARCH_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (XF_IS_SEARCH_HIT (row))
        {
          g_signal_emit_by_name (self->results_view, "activate", i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_results_view_activate_cb (XfSearchPage *self,
                             guint         position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  XfSearchHit *hit;

  if (!XF_IS_SEARCH_HIT (row))
    return;

  hit = XF_SEARCH_HIT (row);
  switch (xf_search_hit_get_kind (hit))
    {
    case XF_SEARCH_HIT_ARTICLE:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-article", "x", xf_search_hit_get_article_id (hit));
      break;
    case XF_SEARCH_HIT_LAW:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-law", "x", xf_search_hit_get_law_id (hit));
      break;
    case XF_SEARCH_HIT_ITEM:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-list-item", "(xx)",
                                  xf_search_hit_get_list_id (hit), xf_search_hit_get_item_id (hit));
      break;
    default:
      break;
    }
}

static void
xf_search_page_dispose (GObject *object)
{
  XfSearchPage *self = (XfSearchPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->query_cancellable);
  g_cancellable_cancel (self->index_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_SEARCH_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->query_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->engine);
  g_clear_object (&self->database);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (xf_search_page_parent_class)->dispose (object);
}

static void
xf_search_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XfSearchPage *self = XF_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_search_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XfSearchPage *self = XF_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_search_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_search_page_class_init (XfSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_search_page_dispose;
  object_class->get_property = xf_search_page_get_property;
  object_class->set_property = xf_search_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XfSearchPage:busy:
   *
   * Whether a search is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfSearchPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfSearchPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XfSearchPage, results_selection);
  gtk_widget_class_bind_template_child (widget_class, XfSearchPage, results_view);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_is_header);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_is_hit);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_shows_location);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_header_text);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_hit_location);
  gtk_widget_class_bind_template_callback (widget_class, xf_search_page_hit_markup);
  gtk_widget_class_bind_template_callback (widget_class, on_results_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_search_page_init (XfSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (G_TYPE_OBJECT);
  self->index_cancellable = g_cancellable_new ();
  gtk_no_selection_set_model (self->results_selection, G_LIST_MODEL (self->rows));
  gtk_stack_set_visible_child_name (self->stack, "searching");
}

/**
 * xf_search_page_get_database:
 *
 * Returns: (transfer none) (nullable): the profile's database
 */
XfDatabase *
xf_search_page_get_database (XfSearchPage *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_PAGE (self), NULL);
  return self->database;
}

/**
 * xf_search_page_set_database:
 *
 * Searches @database from now on, with an engine of its own connection,
 * and builds its index if it has none.
 */
void
xf_search_page_set_database (XfSearchPage *self,
                             XfDatabase   *database)
{
  g_return_if_fail (XF_IS_SEARCH_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  self->index_cancellable = g_cancellable_new ();
  self->rebuilding = FALSE;
  self->index_failed = FALSE;
  g_clear_object (&self->engine);
  g_list_store_remove_all (self->rows);
  set_busy (self, FALSE);

  if (database != NULL)
    {
      self->engine = xf_search_engine_new (xf_database_get_path (database));
      xf_search_page_refresh_index (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
xf_search_page_get_busy (XfSearchPage *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_PAGE (self), FALSE);
  return self->busy;
}

/**
 * xf_search_page_get_rows:
 *
 * Returns: (transfer none): the rows shown: section headers as
 *   #GtkStringObject, then #XfSearchHit
 */
GListModel *
xf_search_page_get_rows (XfSearchPage *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}
