/* xf-search-index.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_SEARCH_ERROR (xf_search_error_quark ())

typedef enum
{
  XF_SEARCH_ERROR_CORRUPT,
  XF_SEARCH_ERROR_TOO_LARGE,
  XF_SEARCH_ERROR_INVALID_QUERY,
} XfSearchError;

/* One matching document: its dense id (articles in law, position order) and
 * how often the query occurs in it, saturated at 255. */
typedef struct
{
  guint32 doc;
  guint32 tf;
} XfSearchIndexMatch;

#define XF_TYPE_SEARCH_INDEX (xf_search_index_get_type ())

typedef struct _XfSearchIndex XfSearchIndex;

GType          xf_search_index_get_type        (void) G_GNUC_CONST;
GQuark         xf_search_error_quark           (void);

XfSearchIndex *xf_search_index_build           (XfDatabase          *db,
                                                GCancellable        *cancellable,
                                                GError             **error);
gboolean       xf_search_index_build_file      (XfDatabase          *db,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GError             **error);
XfSearchIndex *xf_search_index_load            (const char          *path,
                                                GError             **error);
gboolean       xf_search_index_peek_generation (const char         *path,
                                                gint64             *generation);
XfSearchIndex *xf_search_index_new_from_bytes  (GBytes              *bytes,
                                                GError             **error);
XfSearchIndex *xf_search_index_ref             (XfSearchIndex       *self);
void           xf_search_index_unref           (XfSearchIndex       *self);

gint64         xf_search_index_get_generation  (XfSearchIndex       *self);
gsize          xf_search_index_get_size        (XfSearchIndex       *self);
guint          xf_search_index_get_n_docs      (XfSearchIndex       *self);
gsize          xf_search_index_get_n_chars     (XfSearchIndex       *self);
gint64         xf_search_index_get_article_id  (XfSearchIndex       *self,
                                                guint                doc);
gint64         xf_search_index_get_law_id      (XfSearchIndex       *self,
                                                guint                doc);
guint          xf_search_index_get_n_laws      (XfSearchIndex       *self);
guint          xf_search_index_get_law_index   (XfSearchIndex       *self,
                                                guint                doc);
gint64         xf_search_index_get_nth_law     (XfSearchIndex       *self,
                                                guint                law_index);
const char    *xf_search_index_get_law_title   (XfSearchIndex       *self,
                                                guint                law_index);
const char    *xf_search_index_get_label       (XfSearchIndex       *self,
                                                guint                doc,
                                                int                 *number,
                                                int                 *sub);
char          *xf_search_index_dup_heading_path (XfSearchIndex      *self,
                                                 guint               doc);
guint          xf_search_index_get_doc_length  (XfSearchIndex       *self,
                                                guint                doc);
gunichar      *xf_search_index_dup_text        (XfSearchIndex       *self,
                                                guint                doc,
                                                gsize               *length,
                                                GError             **error);
gboolean       xf_search_index_find            (XfSearchIndex       *self,
                                                const gunichar      *query,
                                                gsize                query_length,
                                                GArray              *matches,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* Text helpers shared by the index and the scan that stands in for it, so
 * both count characters and occurrences the same way. */
gunichar      *xf_search_decode                (const char          *text,
                                                gsize                n_bytes,
                                                gsize               *length);
guint          xf_search_count                 (const gunichar      *text,
                                                gsize                text_length,
                                                const gunichar      *query,
                                                gsize                query_length,
                                                gssize              *first);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfSearchIndex, xf_search_index_unref)

G_END_DECLS
