/* xf-search-engine.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"
#include "xf-search-results.h"

G_BEGIN_DECLS

#define XF_TYPE_SEARCH_ENGINE (xf_search_engine_get_type ())

G_DECLARE_FINAL_TYPE (XfSearchEngine, xf_search_engine, XF, SEARCH_ENGINE, GObject)

XfSearchEngine  *xf_search_engine_new              (const char          *db_path);
XfSearchEngine  *xf_search_engine_new_for_database (XfDatabase          *db);
const char      *xf_search_engine_get_index_path   (XfSearchEngine      *self);
gboolean         xf_search_engine_is_index_ready   (XfSearchEngine      *self);
gboolean         xf_search_engine_rebuild          (XfSearchEngine      *self,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void             xf_search_engine_rebuild_async    (XfSearchEngine      *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         xf_search_engine_rebuild_finish   (XfSearchEngine      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
XfSearchResults *xf_search_engine_query            (XfSearchEngine      *self,
                                                    const char          *query,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void             xf_search_engine_query_async      (XfSearchEngine      *self,
                                                    const char          *query,
                                                    guint                limit,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
XfSearchResults *xf_search_engine_query_finish     (XfSearchEngine      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
