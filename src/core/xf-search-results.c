/* xf-search-results.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-search-results-private.h"

/* What one query found: the ranked article hits (at most the limit asked
 * for) with the exact number of matching articles, and the laws and list
 * items whose text matches. Immutable once the engine hands it out, so it
 * may cross threads. */
struct _XfSearchResults
{
  GObject     parent_instance;

  char       *query;
  GListStore *hits;
  GListStore *laws;
  GListStore *items;
  guint       total;
  guint       n_laws;
  guint       n_items;
  gboolean    index_ready;
};

G_DEFINE_FINAL_TYPE (XfSearchResults, xf_search_results, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_QUERY,
  PROP_TOTAL,
  PROP_INDEX_READY,
  PROP_HITS,
  PROP_LAWS,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_search_results_dispose (GObject *object)
{
  XfSearchResults *self = (XfSearchResults *)object;

  g_clear_object (&self->hits);
  g_clear_object (&self->laws);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (xf_search_results_parent_class)->dispose (object);
}

static void
xf_search_results_finalize (GObject *object)
{
  XfSearchResults *self = (XfSearchResults *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (xf_search_results_parent_class)->finalize (object);
}

static void
xf_search_results_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfSearchResults *self = XF_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    case PROP_INDEX_READY:
      g_value_set_boolean (value, self->index_ready);
      break;

    case PROP_HITS:
      g_value_set_object (value, self->hits);
      break;

    case PROP_LAWS:
      g_value_set_object (value, self->laws);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_search_results_class_init (XfSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = xf_search_results_dispose;
  object_class->finalize = xf_search_results_finalize;
  object_class->get_property = xf_search_results_get_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, "The query as searched, trimmed", NULL, flags);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, "How many articles match", 0, G_MAXUINT, 0, flags);
  properties[PROP_INDEX_READY] =
    g_param_spec_boolean ("index-ready", NULL, "Whether the index answered, not a scan",
                          FALSE, flags);
  properties[PROP_HITS] =
    g_param_spec_object ("hits", NULL, "The best article hits, ranked",
                         G_TYPE_LIST_MODEL, flags);
  properties[PROP_LAWS] =
    g_param_spec_object ("laws", NULL, "Laws whose title matches",
                         G_TYPE_LIST_MODEL, flags);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, "Knowledge-list items that match",
                         G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_search_results_init (XfSearchResults *self)
{
  self->hits = g_list_store_new (XF_TYPE_SEARCH_HIT);
  self->laws = g_list_store_new (XF_TYPE_SEARCH_HIT);
  self->items = g_list_store_new (XF_TYPE_SEARCH_HIT);
}

XfSearchResults *
xf_search_results_new (const char *query)
{
  XfSearchResults *self = g_object_new (XF_TYPE_SEARCH_RESULTS, NULL);

  self->query = g_strdup (query);

  return self;
}

void
xf_search_results_set_total (XfSearchResults *self,
                             guint            total,
                             gboolean         index_ready)
{
  self->total = total;
  self->index_ready = index_ready;
}

static void
take_into (GListStore *store,
           GPtrArray  *array)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
  g_ptr_array_unref (array);
}

/* @hits: (transfer container) (element-type XfSearchHit) */
void
xf_search_results_take_hits (XfSearchResults *self,
                             GPtrArray       *hits)
{
  take_into (self->hits, hits);
}

void
xf_search_results_take_laws (XfSearchResults *self,
                             GPtrArray       *laws,
                             guint            n_laws)
{
  take_into (self->laws, laws);
  self->n_laws = n_laws;
}

void
xf_search_results_take_items (XfSearchResults *self,
                              GPtrArray       *items,
                              guint            n_items)
{
  take_into (self->items, items);
  self->n_items = n_items;
}

const char *
xf_search_results_get_query (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), NULL);

  return self->query;
}

/**
 * xf_search_results_get_total:
 *
 * Returns: the number of articles that hold the query, all of them, however
 *   few of them the hits list
 */
guint
xf_search_results_get_total (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), 0);

  return self->total;
}

/**
 * xf_search_results_get_index_ready:
 *
 * Returns: %TRUE if the index answered; %FALSE if it was missing or out of
 *   date and a (slower, equally exact) scan of the articles did
 */
gboolean
xf_search_results_get_index_ready (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), FALSE);

  return self->index_ready;
}

/**
 * xf_search_results_get_hits:
 *
 * Returns: (transfer none): the article hits, best first
 */
GListModel *
xf_search_results_get_hits (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), NULL);

  return G_LIST_MODEL (self->hits);
}

guint
xf_search_results_get_n_hits (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->hits));
}

/**
 * xf_search_results_get_hit:
 *
 * Returns: (transfer none) (nullable): the article hit at @position
 */
XfSearchHit *
xf_search_results_get_hit (XfSearchResults *self,
                           guint            position)
{
  g_autoptr(XfSearchHit) hit = NULL;

  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), NULL);

  /* The store keeps its own reference, so the borrowed pointer stays valid
   * as long as @self does. */
  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  return hit;
}

/**
 * xf_search_results_get_laws:
 *
 * Returns: (transfer none): laws whose title holds the query, as hits of
 *   kind %XF_SEARCH_HIT_LAW, by title; at most the query's limit
 */
GListModel *
xf_search_results_get_laws (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), NULL);

  return G_LIST_MODEL (self->laws);
}

/**
 * xf_search_results_get_n_laws:
 *
 * Returns: the number of laws whose title holds the query, all of them
 */
guint
xf_search_results_get_n_laws (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), 0);

  return self->n_laws;
}

/**
 * xf_search_results_get_items:
 *
 * Returns: (transfer none): knowledge-list items whose title or text holds
 *   the query, as hits of kind %XF_SEARCH_HIT_ITEM; at most the query's limit
 */
GListModel *
xf_search_results_get_items (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
xf_search_results_get_n_items (XfSearchResults *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_RESULTS (self), 0);

  return self->n_items;
}
