/* xf-search-engine-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-search-engine.h"
#include "xf-search-hit-private.h"
#include "xf-search-index-private.h"

G_BEGIN_DECLS

/* The steps of a query: xf-search-engine-index.c answers from the index,
 * xf-search-engine-hits.c ranks, cuts snippets and runs the SQL that stands
 * in for the index while it is not ready. */

/* One matching article while ranking: @order is its place in (law,
 * position) order, which breaks ties; @id is the index's document id or,
 * from a scan, the article rowid. */
typedef struct
{
  double  score;
  guint32 order;
  gint64  id;
} Candidate;

/* Keeps the best @limit candidates in a heap whose root is the worst. */
typedef struct
{
  Candidate *items;
  gsize      n;
  gsize      capacity;
  gsize      limit;
} TopN;


void      xf_search_top_n_init        (TopN             *top,
                                       gsize             limit,
                                       gsize             expected);
void      xf_search_top_n_add         (TopN             *top,
                                       const Candidate  *c);
void      xf_search_top_n_sort        (TopN             *top);
char     *xf_search_normalize_query   (const char       *query,
                                       GError          **error);
gboolean  xf_search_scan_laws         (XfDatabase       *db,
                                       const char       *query,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       guint             limit,
                                       XfSearchResults  *results,
                                       GHashTable       *law_ids,
                                       GError          **error);
gboolean  xf_search_scan_items        (XfDatabase       *db,
                                       const char       *query,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       guint             limit,
                                       XfSearchResults  *results,
                                       GError          **error);
double    xf_search_score             (guint             tf,
                                       gsize             length,
                                       gboolean          title_match);
void      xf_search_hit_set_snippet   (XfSearchHit      *hit,
                                       const gunichar   *text,
                                       gsize             length,
                                       const gunichar   *query,
                                       gsize             query_length);
void      xf_search_hit_set_snippet_utf8 (XfSearchHit   *hit,
                                       const char       *text,
                                       const gunichar   *query,
                                       gsize             query_length);
guint8   *xf_search_find_laws         (XfSearchIndex    *index,
                                       const char       *query,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       guint             limit,
                                       XfSearchResults  *results);
gboolean  xf_search_rank_with_index   (XfSearchIndex    *index,
                                       const gunichar   *query,
                                       gsize             query_length,
                                       const guint8     *boost,
                                       TopN             *top,
                                       guint            *total,
                                       GCancellable     *cancellable,
                                       GError          **error);
gboolean  xf_search_rank_by_scan      (XfDatabase       *db,
                                       const char       *query,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       GHashTable       *law_ids,
                                       TopN             *top,
                                       guint            *total,
                                       GCancellable     *cancellable,
                                       GError          **error);
gboolean  xf_search_add_index_hits    (XfSearchIndex    *index,
                                       const Candidate  *ranked,
                                       gsize             n_ranked,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       XfSearchResults  *results,
                                       GError          **error);
gboolean  xf_search_add_article_hits  (XfDatabase       *db,
                                       const Candidate  *ranked,
                                       gsize             n_ranked,
                                       const gunichar   *chars,
                                       gsize             n_chars,
                                       XfSearchResults  *results,
                                       GError          **error);

G_END_DECLS
