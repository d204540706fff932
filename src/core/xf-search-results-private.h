/* xf-search-results-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-search-results.h"

G_BEGIN_DECLS

XfSearchResults *xf_search_results_new        (const char      *query);
void             xf_search_results_set_total  (XfSearchResults *self,
                                               guint            total,
                                               gboolean         index_ready);
void             xf_search_results_take_hits  (XfSearchResults *self,
                                               GPtrArray       *hits);
void             xf_search_results_take_laws  (XfSearchResults *self,
                                               GPtrArray       *laws,
                                               guint            n_laws);
void             xf_search_results_take_items (XfSearchResults *self,
                                               GPtrArray       *items,
                                               guint            n_items);

G_END_DECLS
