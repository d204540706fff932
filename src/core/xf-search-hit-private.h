/* xf-search-hit-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-search-hit.h"

G_BEGIN_DECLS

/* The engine fills a hit in place before anyone else sees it; after that a
 * hit never changes. */
struct _XfSearchHit
{
  GObject          parent_instance;

  XfSearchHitKind  kind;
  gint64           article_id;
  gint64           law_id;
  gint64           item_id;
  gint64           list_id;
  char            *law_title;
  char            *heading_path;
  char            *label;
  char            *title;
  char            *snippet;
  GArray          *highlights;   /* XfSearchRange */
  int              number;
  int              sub;
  double           score;
};

XfSearchHit *xf_search_hit_new (XfSearchHitKind kind);

G_END_DECLS
