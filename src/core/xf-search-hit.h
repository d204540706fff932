/* xf-search-hit.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  XF_SEARCH_HIT_ARTICLE,
  XF_SEARCH_HIT_LAW,
  XF_SEARCH_HIT_ITEM,
} XfSearchHitKind;

/* A highlighted stretch of a snippet, in characters: [start, end). */
typedef struct
{
  guint start;
  guint end;
} XfSearchRange;

#define XF_TYPE_SEARCH_HIT_KIND (xf_search_hit_kind_get_type ())
#define XF_TYPE_SEARCH_HIT (xf_search_hit_get_type ())

GType xf_search_hit_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (XfSearchHit, xf_search_hit, XF, SEARCH_HIT, GObject)

XfSearchHitKind  xf_search_hit_get_kind          (XfSearchHit *self);
gint64           xf_search_hit_get_article_id    (XfSearchHit *self);
gint64           xf_search_hit_get_law_id        (XfSearchHit *self);
const char      *xf_search_hit_get_law_title     (XfSearchHit *self);
const char      *xf_search_hit_get_heading_path  (XfSearchHit *self);
const char      *xf_search_hit_get_label         (XfSearchHit *self);
int              xf_search_hit_get_number        (XfSearchHit *self);
int              xf_search_hit_get_sub           (XfSearchHit *self);
gint64           xf_search_hit_get_item_id       (XfSearchHit *self);
gint64           xf_search_hit_get_list_id       (XfSearchHit *self);
const char      *xf_search_hit_get_title         (XfSearchHit *self);
const char      *xf_search_hit_get_snippet       (XfSearchHit *self);
GArray          *xf_search_hit_get_highlights    (XfSearchHit *self);
double           xf_search_hit_get_score         (XfSearchHit *self);

G_END_DECLS
