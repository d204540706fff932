/* xf-search-engine-index.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-search-engine-private.h"
#include "xf-search-results-private.h"

/* The query steps that the index answers by itself: law titles, ranking,
 * and the hits with where each article sits, all without SQL. */

typedef struct
{
  XfSearchIndex *index;
  guint          law;
} LawMatch;

static int
compare_law_matches (gconstpointer a,
                     gconstpointer b)
{
  const LawMatch *la = a, *lb = b;
  int cmp = strcmp (xf_search_index_get_law_title (la->index, la->law),
                    xf_search_index_get_law_title (lb->index, lb->law));

  /* As SQL's ORDER BY title, id: law indexes ascend with rowids. */
  return cmp != 0 ? cmp : (la->law > lb->law) - (la->law < lb->law);
}

/**
 * xf_search_find_laws:
 *
 * Adds the laws whose title holds @query to @results, at most @limit of
 * them, by title.
 *
 * Returns: (transfer full): one flag per law index, set if its title holds
 *   @query, for the ranking's boost
 */
guint8 *
xf_search_find_laws (XfSearchIndex   *index,
                     const char      *query,
                     const gunichar  *chars,
                     gsize            n_chars,
                     guint            limit,
                     XfSearchResults *results)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (LawMatch));
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_laws = xf_search_index_get_n_laws (index);
  guint8 *boost = g_new0 (guint8, MAX (n_laws, 1));

  for (guint law = 0; law < n_laws; law++)
    if (strstr (xf_search_index_get_law_title (index, law), query) != NULL)
      {
        LawMatch match = { index, law };

        boost[law] = TRUE;
        g_array_append_val (found, match);
      }
  g_array_sort (found, compare_law_matches);

  for (guint i = 0; i < found->len && i < limit; i++)
    {
      guint law = g_array_index (found, LawMatch, i).law;
      XfSearchHit *hit = xf_search_hit_new (XF_SEARCH_HIT_LAW);

      hit->law_id = xf_search_index_get_nth_law (index, law);
      hit->law_title = g_strdup (xf_search_index_get_law_title (index, law));
      hit->title = g_strdup (hit->law_title);
      xf_search_hit_set_snippet_utf8 (hit, hit->title, chars, n_chars);
      g_ptr_array_add (hits, hit);
    }
  xf_search_results_take_laws (results, g_steal_pointer (&hits), found->len);

  return boost;
}

/* Scores every match; the arrays are read directly, as this loop may run
 * over most of the corpus for a one-character query. */
gboolean
xf_search_rank_with_index (XfSearchIndex   *index,
                           const gunichar  *query,
                           gsize            query_length,
                           const guint8    *boost,
                           TopN            *top,
                           guint           *total,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (XfSearchIndexMatch));
  const XfSearchIndexMatch *m;

  if (!xf_search_index_find (index, query, query_length, matches, cancellable, error))
    return FALSE;

  *total = matches->len;
  m = (const XfSearchIndexMatch *)matches->data;
  for (guint i = 0; i < matches->len; i++)
    {
      guint32 start, end, law;
      Candidate c;

      xf_search_index_doc_range (index, m[i].doc, &start, &end);
      law = index->doc_laws[m[i].doc];
      c.order = m[i].doc;
      c.id = m[i].doc;
      c.score = xf_search_score (m[i].tf, end - start, law < index->header.n_laws && boost[law]);
      xf_search_top_n_add (top, &c);
    }

  return TRUE;
}

gboolean
xf_search_add_index_hits (XfSearchIndex    *index,
                          const Candidate  *ranked,
                          gsize             n_ranked,
                          const gunichar   *chars,
                          gsize             n_chars,
                          XfSearchResults  *results,
                          GError          **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);

  for (gsize i = 0; i < n_ranked; i++)
    {
      g_autoptr(XfSearchHit) hit = xf_search_hit_new (XF_SEARCH_HIT_ARTICLE);
      g_autofree gunichar *text = NULL;
      guint doc = ranked[i].id;
      guint law = xf_search_index_get_law_index (index, doc);
      gsize length;

      if ((text = xf_search_index_dup_text (index, doc, &length, error)) == NULL)
        return FALSE;
      hit->article_id = xf_search_index_get_article_id (index, doc);
      hit->law_id = xf_search_index_get_nth_law (index, law);
      hit->law_title = g_strdup (xf_search_index_get_law_title (index, law));
      hit->heading_path = xf_search_index_dup_heading_path (index, doc);
      hit->label = g_strdup (xf_search_index_get_label (index, doc, &hit->number, &hit->sub));
      hit->score = ranked[i].score;
      xf_search_hit_set_snippet (hit, text, length, chars, n_chars);
      g_ptr_array_add (hits, g_steal_pointer (&hit));
    }
  xf_search_results_take_hits (results, g_steal_pointer (&hits));

  return TRUE;
}
