/* xf-search-engine-hits.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "xf-search-engine-private.h"
#include "xf-search-hit-private.h"
#include "xf-search-results-private.h"

/* The parts of a query that do not need the index: ranking, snippets, the
 * knowledge-list items, and the SQL scan that stands in for the index while
 * it is not ready. */

/* Ranking: BM25's saturating term frequency with a fixed average length, so
 * the index and the scan score alike; a law whose title holds the query
 * puts its articles first. */
#define BM25_K1           1.2
#define BM25_B            0.75
#define AVERAGE_LENGTH    120.0
#define TITLE_BOOST       10.0
#define TF_MAX            255

#define SNIPPET_CHARS     72
#define SNIPPET_BEFORE    24
#define MAX_HEADING_DEPTH 16
#define CANCEL_STRIDE     1024

double
xf_search_score (guint    tf,
                 gsize    length,
                 gboolean title_match)
{
  double norm = BM25_K1 * (1.0 - BM25_B + BM25_B * (double)length / AVERAGE_LENGTH);
  double score = tf * (BM25_K1 + 1.0) / (tf + norm);

  return title_match ? score + TITLE_BOOST : score;
}

static inline gboolean
ranks_before (const Candidate *a,
              const Candidate *b)
{
  return a->score > b->score || (a->score == b->score && a->order < b->order);
}

void
xf_search_top_n_init (TopN  *top,
                      gsize  limit,
                      gsize  expected)
{
  top->limit = limit;
  top->n = 0;
  top->capacity = MAX (MIN (limit, expected), 16);
  top->items = g_new (Candidate, top->capacity);
}

static void
sift_down (TopN  *top,
           gsize  i)
{
  for (;;)
    {
      gsize worst = i, l = 2 * i + 1, r = l + 1;
      Candidate tmp;

      if (l < top->n && ranks_before (&top->items[worst], &top->items[l]))
        worst = l;
      if (r < top->n && ranks_before (&top->items[worst], &top->items[r]))
        worst = r;
      if (worst == i)
        return;
      tmp = top->items[i];
      top->items[i] = top->items[worst];
      top->items[worst] = tmp;
      i = worst;
    }
}

void
xf_search_top_n_add (TopN            *top,
                     const Candidate *c)
{
  if (top->limit == 0)
    return;
  if (top->n < top->limit)
    {
      gsize i = top->n++;

      if (top->n > top->capacity)
        {
          top->capacity *= 2;
          top->items = g_renew (Candidate, top->items, top->capacity);
        }
      top->items[i] = *c;
      while (i > 0 && ranks_before (&top->items[(i - 1) / 2], &top->items[i]))
        {
          Candidate tmp = top->items[i];
          top->items[i] = top->items[(i - 1) / 2];
          top->items[(i - 1) / 2] = tmp;
          i = (i - 1) / 2;
        }
    }
  else if (ranks_before (c, &top->items[0]))
    {
      top->items[0] = *c;
      sift_down (top, 0);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  return ranks_before (a, b) ? -1 : ranks_before (b, a) ? 1 : 0;
}

/* Best first. */
void
xf_search_top_n_sort (TopN *top)
{
  qsort (top->items, top->n, sizeof (Candidate), compare_candidates);
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Trims white space (including U+3000 and U+200B) from both ends; inner
 * text is searched as typed. */
char *
xf_search_normalize_query (const char  *query,
                           GError     **error)
{
  const char *start = query, *end = query + strlen (query);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_INVALID_QUERY,
                           _("The search text is not valid UTF-8"));
      return NULL;
    }

  while (start < end && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static void
add_highlights (XfSearchHit    *hit,
                const gunichar *text,
                gsize           start,
                gsize           end,
                guint           offset,
                const gunichar *query,
                gsize           query_length)
{
  for (gsize i = start; i + query_length <= end;)
    {
      if (memcmp (text + i, query, query_length * sizeof (gunichar)) == 0)
        {
          XfSearchRange range = { offset + i - start, offset + i - start + query_length };

          g_array_append_val (hit->highlights, range);
          i += query_length;
        }
      else
        i++;
    }
}

/* About SNIPPET_CHARS characters around the first match, on one line, with
 * "…" where the text goes on. */
void
xf_search_hit_set_snippet (XfSearchHit    *hit,
                           const gunichar *text,
                           gsize           length,
                           const gunichar *query,
                           gsize           query_length)
{
  GString *snippet;
  gssize first;
  gsize start, end;
  guint offset = 0;

  xf_search_count (text, length, query, query_length, &first);
  if (first < 0)
    first = 0;
  start = (gsize)first > SNIPPET_BEFORE ? first - SNIPPET_BEFORE : 0;
  end = MIN (length, start + MAX (SNIPPET_CHARS, first - start + query_length));
  if (end - start < SNIPPET_CHARS)
    start = end > SNIPPET_CHARS ? end - SNIPPET_CHARS : 0;

  snippet = g_string_sized_new ((end - start) * 3 + 8);
  if (start > 0)
    {
      g_string_append (snippet, "…");
      offset = 1;
    }
  for (gsize i = start; i < end; i++)
    {
      gunichar c = text[i];

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      else if ((c >= 0xD800 && c <= 0xDFFF) || c == 0)
        c = 0xFFFD;
      g_string_append_unichar (snippet, c);
    }
  if (end < length)
    g_string_append (snippet, "…");

  g_free (hit->snippet);
  hit->snippet = g_string_free (snippet, FALSE);
  g_array_set_size (hit->highlights, 0);
  add_highlights (hit, text, start, end, offset, query, query_length);
}

void
xf_search_hit_set_snippet_utf8 (XfSearchHit    *hit,
                                const char     *text,
                                const gunichar *query,
                                gsize           query_length)
{
  g_autofree gunichar *chars = NULL;
  gsize length;

  chars = xf_search_decode (text, strlen (text), &length);
  xf_search_hit_set_snippet (hit, chars, length, query, query_length);
}

/* Every law whose title holds the query: the ids (all of them) boost the
 * law's articles; the first @limit become hits. */
gboolean
xf_search_scan_laws (XfDatabase       *db,
                     const char       *query,
                     const gunichar   *chars,
                     gsize             n_chars,
                     guint             limit,
                     XfSearchResults  *results,
                     GHashTable       *law_ids,
                     GError          **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = xf_database_prepare (db,
                              "SELECT id, title FROM laws WHERE instr(title, ?1) > 0 "
                              "ORDER BY title, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *title = (const char *)sqlite3_column_text (stmt, 1);
      XfSearchHit *hit;

      g_hash_table_add (law_ids, g_memdup2 (&id, sizeof id));
      if (n++ >= limit)
        continue;
      hit = xf_search_hit_new (XF_SEARCH_HIT_LAW);
      hit->law_id = id;
      hit->law_title = g_strdup (title);
      hit->title = g_strdup (title);
      xf_search_hit_set_snippet_utf8 (hit, title, chars, n_chars);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  xf_search_results_take_laws (results, g_steal_pointer (&hits), n);

  return TRUE;
}

gboolean
xf_search_scan_items (XfDatabase       *db,
                      const char       *query,
                      const gunichar   *chars,
                      gsize             n_chars,
                      guint             limit,
                      XfSearchResults  *results,
                      GError          **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = xf_database_prepare (db,
                              "SELECT id, list_id, title, body, law_title, article_number, article_sub "
                              "FROM list_items WHERE instr(title, ?1) > 0 OR instr(body, ?1) > 0 "
                              "ORDER BY list_id, position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *title = (const char *)sqlite3_column_text (stmt, 2);
      const char *body = (const char *)sqlite3_column_text (stmt, 3);
      XfSearchHit *hit;

      if (n++ >= limit)
        continue;
      hit = xf_search_hit_new (XF_SEARCH_HIT_ITEM);
      hit->item_id = sqlite3_column_int64 (stmt, 0);
      hit->list_id = sqlite3_column_int64 (stmt, 1);
      hit->title = g_strdup (title);
      hit->law_title = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      hit->number = sqlite3_column_int (stmt, 5);
      hit->sub = sqlite3_column_int (stmt, 6);
      xf_search_hit_set_snippet_utf8 (hit, strstr (body, query) != NULL ? body : title, chars, n_chars);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  xf_search_results_take_items (results, g_steal_pointer (&hits), n);

  return TRUE;
}

/* Stands in for the index while it is missing or out of date: the same
 * matches, counts and scores, from every article's text. */
gboolean
xf_search_rank_by_scan (XfDatabase      *db,
                        const char      *query,
                        const gunichar  *chars,
                        gsize            n_chars,
                        GHashTable      *law_ids,
                        TopN            *top,
                        guint           *total,
                        GCancellable    *cancellable,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  guint32 order = 0;
  int rc;

  stmt = xf_database_prepare (db,
                              "SELECT id, law_id, body FROM articles WHERE instr(body, ?1) > 0 "
                              "ORDER BY law_id, position, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);

  *total = 0;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree gunichar *text = NULL;
      gint64 law_id = sqlite3_column_int64 (stmt, 1);
      gsize length;
      guint tf;
      Candidate c;

      if (order % CANCEL_STRIDE == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      text = xf_search_decode ((const char *)sqlite3_column_text (stmt, 2),
                               sqlite3_column_bytes (stmt, 2), &length);
      tf = xf_search_count (text, length, chars, n_chars, NULL);
      if (tf == 0)
        continue;
      (*total)++;
      c.order = order++;
      c.id = sqlite3_column_int64 (stmt, 0);
      c.score = xf_search_score (MIN (tf, TF_MAX), length, g_hash_table_contains (law_ids, &law_id));
      xf_search_top_n_add (top, &c);
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

/* "第五章 行政处罚的决定 › 第一节 一般规定"; cached per query. */
static const char *
heading_path (XfDatabase  *db,
              gint64       heading_id,
              GHashTable  *cache,
              GError     **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *cached;
  char *path;
  gint64 id = heading_id;

  if (heading_id <= 0)
    return "";
  if ((cached = g_hash_table_lookup (cache, &heading_id)) != NULL)
    return cached;

  for (guint depth = 0; id > 0 && depth < MAX_HEADING_DEPTH; depth++)
    {
      sqlite3_stmt *stmt = xf_database_prepare (db,
                                                "SELECT parent_id, label, title FROM headings WHERE id = ?",
                                                error);
      const char *label, *title;
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      rc = xf_database_step (db, stmt, error);
      if (rc < 0)
        return NULL;
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          break;
        }
      label = (const char *)sqlite3_column_text (stmt, 1);
      title = (const char *)sqlite3_column_text (stmt, 2);
      if (label[0] != '\0' && title[0] != '\0')
        g_ptr_array_insert (parts, 0, g_strconcat (label, " ", title, NULL));
      else
        g_ptr_array_insert (parts, 0, g_strdup (label[0] != '\0' ? label : title));
      id = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  g_ptr_array_add (parts, NULL);
  path = g_strjoinv (" › ", (char **)parts->pdata);
  g_hash_table_insert (cache, g_memdup2 (&heading_id, sizeof heading_id), path);

  return path;
}

/* Turns the candidates of a scan into hits, with SQL. */
gboolean
xf_search_add_article_hits (XfDatabase       *db,
                            const Candidate  *ranked,
                            gsize             n_ranked,
                            const gunichar   *chars,
                            gsize             n_chars,
                            XfSearchResults  *results,
                            GError          **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (gsize i = 0; i < n_ranked; i++)
    {
      g_autoptr(XfSearchHit) hit = xf_search_hit_new (XF_SEARCH_HIT_ARTICLE);
      g_autofree gunichar *text = NULL;
      gint64 article_id = ranked[i].id;
      sqlite3_stmt *stmt;
      const char *path;
      gint64 heading_id;
      gsize length;
      int rc;

      stmt = xf_database_prepare (db,
                                  "SELECT a.law_id, l.title, a.heading_id, a.label, a.number, a.sub, a.body "
                                  "FROM articles a JOIN laws l ON l.id = a.law_id WHERE a.id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, article_id);
      rc = xf_database_step (db, stmt, error);
      if (rc < 0)
        return FALSE;
      if (rc != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          continue;
        }

      hit->article_id = article_id;
      hit->law_id = sqlite3_column_int64 (stmt, 0);
      hit->law_title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      heading_id = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 2);
      hit->label = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      hit->number = sqlite3_column_int (stmt, 4);
      hit->sub = sqlite3_column_int (stmt, 5);
      hit->score = ranked[i].score;
      text = xf_search_decode ((const char *)sqlite3_column_text (stmt, 6),
                               sqlite3_column_bytes (stmt, 6), &length);
      sqlite3_reset (stmt);

      if ((path = heading_path (db, heading_id, paths, error)) == NULL)
        return FALSE;
      hit->heading_path = g_strdup (path);
      xf_search_hit_set_snippet (hit, text, length, chars, n_chars);
      g_ptr_array_add (hits, g_steal_pointer (&hit));
    }

  xf_search_results_take_hits (results, g_steal_pointer (&hits));

  return TRUE;
}
