/* xf-search-results.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-search-hit.h"

G_BEGIN_DECLS

#define XF_TYPE_SEARCH_RESULTS (xf_search_results_get_type ())

G_DECLARE_FINAL_TYPE (XfSearchResults, xf_search_results, XF, SEARCH_RESULTS, GObject)

const char  *xf_search_results_get_query       (XfSearchResults *self);
guint        xf_search_results_get_total       (XfSearchResults *self);
gboolean     xf_search_results_get_index_ready (XfSearchResults *self);
GListModel  *xf_search_results_get_hits        (XfSearchResults *self);
guint        xf_search_results_get_n_hits      (XfSearchResults *self);
XfSearchHit *xf_search_results_get_hit         (XfSearchResults *self,
                                                guint            position);
GListModel  *xf_search_results_get_laws        (XfSearchResults *self);
guint        xf_search_results_get_n_laws      (XfSearchResults *self);
GListModel  *xf_search_results_get_items       (XfSearchResults *self);
guint        xf_search_results_get_n_items     (XfSearchResults *self);

G_END_DECLS
