/* xf-search-index-query.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "xf-search-index-private.h"

/* Queries over the index of xf-search-index.c. */

#define CANCEL_STRIDE 4096

/* Reading a posting list costs about as much as verifying this many
 * candidates per posting (file-backed indexes only). */
#define POSTINGS_PER_CANDIDATE 1024

/* Verifying reads the texts of neighbouring candidates at once while the
 * gap between them is small: a read costs about as much as copying a few
 * kilobytes more. In codes. */
#define MERGE_GAP     4096
#define MAX_SPAN      131072

typedef struct
{
  guint32 start;
  guint32 n;
} PostingRange;

static gboolean
set_read_error (GError **error)
{
  g_set_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_CORRUPT,
               _("The search index is damaged (%s)"), "read");
  return FALSE;
}

/**
 * xf_search_index_dup_text:
 * @self: an index
 * @doc: a document id
 * @length: (out): the number of characters
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document's characters,
 *   zero-terminated, or %NULL if the index cannot be read
 */
gunichar *
xf_search_index_dup_text (XfSearchIndex  *self,
                          guint           doc,
                          gsize          *length,
                          GError        **error)
{
  XfSearchTextReader reader = { self, 0 };
  const guint16 *codes;
  guint32 start, end;
  gunichar *text;

  g_return_val_if_fail (self != NULL, NULL);

  xf_search_index_doc_range (self, doc, &start, &end);
  codes = xf_search_text_reader_get (&reader, start, end);
  if (codes == NULL)
    {
      xf_search_text_reader_clear (&reader);
      set_read_error (error);
      return NULL;
    }

  text = g_new (gunichar, end - start + 1);
  for (guint32 i = 0; i < end - start; i++)
    text[i] = codes[i] < self->header.n_chars ? self->chars[codes[i]] : 0xFFFD;
  text[end - start] = 0;
  if (length != NULL)
    *length = end - start;
  xf_search_text_reader_clear (&reader);

  return text;
}

static gboolean
lookup_code (XfSearchIndex *self,
             gunichar       c,
             guint16       *code)
{
  guint lo = 0, hi = self->header.n_chars;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->chars[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < self->header.n_chars && self->chars[lo] == c)
    {
      *code = lo;
      return TRUE;
    }

  return FALSE;
}

/* Bounds-checked: a damaged table yields no list, never a wild read. */
static gboolean
checked_range (XfSearchIndex *self,
               guint32        start,
               guint32        end,
               PostingRange  *range)
{
  if (start > end || end > self->header.n_postings)
    return FALSE;
  range->start = start;
  range->n = end - start;

  return range->n > 0;
}

static gboolean
unigram_range (XfSearchIndex *self,
               guint16        code,
               PostingRange  *range)
{
  return checked_range (self, self->uni_starts[code], self->uni_starts[code + 1], range);
}

static gboolean
bigram_range (XfSearchIndex *self,
              guint16        first,
              guint16        second,
              PostingRange  *range)
{
  guint32 key = (guint32)first << 16 | second;
  guint lo = 0, hi = self->header.n_bigrams;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->bi_keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->header.n_bigrams || self->bi_keys[lo] != key)
    return FALSE;

  return checked_range (self, self->bi_starts[lo], self->bi_starts[lo + 1], range);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 gsize          i,
                 GError       **error)
{
  return (i % CANCEL_STRIDE) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The answer to a one- or two-character query: one list, as it is. */
static gboolean
append_range (XfSearchIndex       *self,
              const PostingRange  *range,
              GArray              *matches,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autofree guint32 *owned = NULL;
  const guint32 *postings = xf_search_index_read_postings (self, range->start, range->n, &owned);
  XfSearchIndexMatch *out;
  guint n = 0;

  if (postings == NULL)
    return set_read_error (error);

  g_array_set_size (matches, range->n);
  out = (XfSearchIndexMatch *)matches->data;
  for (guint32 i = 0; i < range->n; i++)
    {
      guint32 doc = postings[i] & XF_SEARCH_DOC_MASK;

      if (check_cancelled (cancellable, i, error))
        return FALSE;
      if (doc < self->header.n_docs)
        {
          out[n].doc = doc;
          out[n].tf = postings[i] >> XF_SEARCH_DOC_BITS;
          n++;
        }
    }
  g_array_set_size (matches, n);

  return TRUE;
}

/* Keeps the documents of @cand that the @m postings at @p hold too; both
 * ascend. Gallops through the postings, which are usually many more. */
static gsize
intersect (guint32       *cand,
           gsize          n,
           const guint32 *p,
           gsize          m)
{
  gsize out = 0, j = 0;

  for (gsize i = 0; i < n && j < m; i++)
    {
      guint32 doc = cand[i];

      if ((p[j] & XF_SEARCH_DOC_MASK) < doc)
        {
          gsize lo = j, step = 1, hi;

          while (lo + step < m && (p[lo + step] & XF_SEARCH_DOC_MASK) < doc)
            {
              lo += step;
              step <<= 1;
            }
          hi = MIN (lo + step, m);
          lo++;
          while (lo < hi)
            {
              gsize mid = lo + (hi - lo) / 2;

              if ((p[mid] & XF_SEARCH_DOC_MASK) < doc)
                lo = mid + 1;
              else
                hi = mid;
            }
          j = lo;
        }
      if (j < m && (p[j] & XF_SEARCH_DOC_MASK) == doc)
        cand[out++] = doc;
    }

  return out;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const PostingRange *ra = a, *rb = b;

  return (ra->n > rb->n) - (ra->n < rb->n);
}

/* Occurrences of @query (@m ≥ 2 codes) in @text, overlapping ones too. The
 * first pair is compared as one word: most false starts end there. */
static guint
count_codes (const guint16 *text,
             gsize          n,
             const guint16 *query,
             gsize          m)
{
  guint32 head;
  guint count = 0;

  if (m > n)
    return 0;
  memcpy (&head, query, sizeof head);
  for (gsize i = 0; i + m <= n; i++)
    {
      guint32 pair;

      memcpy (&pair, text + i, sizeof pair);
      if (G_LIKELY (pair != head))
        continue;
      if (memcmp (text + i + 2, query + 2, (m - 2) * sizeof (guint16)) == 0)
        count++;
    }

  return count;
}

/**
 * xf_search_index_find:
 * @self: an index
 * @query: the characters to find
 * @query_length: their number
 * @matches: (element-type XfSearchIndexMatch): receives every document whose
 *   text holds @query, ascending
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: %FALSE if cancelled or the index cannot be read
 */
gboolean
xf_search_index_find (XfSearchIndex   *self,
                      const gunichar  *query,
                      gsize            query_length,
                      GArray          *matches,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree guint16 *codes = NULL;
  g_autofree PostingRange *ranges = NULL;
  g_autofree guint32 *cand = NULL;
  XfSearchTextReader reader = { self, 0 };
  gsize n_ranges, n_cand;
  PostingRange range;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (matches != NULL, FALSE);

  g_array_set_size (matches, 0);
  if (query_length == 0 || query_length > self->header.n_text)
    return TRUE;

  /* A character that no article holds means no match at all. */
  codes = g_new (guint16, query_length);
  for (gsize i = 0; i < query_length; i++)
    if (!lookup_code (self, query[i], &codes[i]))
      return TRUE;

  if (query_length == 1)
    return !unigram_range (self, codes[0], &range) ||
           append_range (self, &range, matches, cancellable, error);
  if (query_length == 2)
    return !bigram_range (self, codes[0], codes[1], &range) ||
           append_range (self, &range, matches, cancellable, error);

  n_ranges = query_length - 1;
  ranges = g_new (PostingRange, n_ranges);
  for (gsize i = 0; i < n_ranges; i++)
    if (!bigram_range (self, codes[i], codes[i + 1], &ranges[i]))
      return TRUE;
  qsort (ranges, n_ranges, sizeof (PostingRange), compare_ranges);

  {
    g_autofree guint32 *owned = NULL;
    const guint32 *postings = xf_search_index_read_postings (self, ranges[0].start, ranges[0].n, &owned);

    if (postings == NULL)
      return set_read_error (error);
    cand = g_new (guint32, ranges[0].n);
    n_cand = 0;
    for (guint32 i = 0; i < ranges[0].n; i++)
      {
        guint32 doc = postings[i] & XF_SEARCH_DOC_MASK;

        /* Only a damaged list could hold a bad or unsorted id: skipping
         * them keeps intersect()'s precondition. */
        if (doc < self->header.n_docs && (n_cand == 0 || doc > cand[n_cand - 1]))
          cand[n_cand++] = doc;
      }
  }

  for (gsize l = 1; l < n_ranges && n_cand > 0; l++)
    {
      g_autofree guint32 *owned = NULL;
      const guint32 *postings;

      /* Bigrams only narrow the field, the text decides: once few
       * candidates are left, checking them beats reading long lists. */
      if (self->postings == NULL && (gsize)n_cand * POSTINGS_PER_CANDIDATE < ranges[l].n)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      postings = xf_search_index_read_postings (self, ranges[l].start, ranges[l].n, &owned);
      if (postings == NULL)
        return set_read_error (error);
      n_cand = intersect (cand, n_cand, postings, ranges[l].n);
    }

  for (gsize i = 0; i < n_cand && ok; i++)
    {
      XfSearchIndexMatch match = { cand[i], 0 };
      const guint16 *text;
      guint32 start, end;

      if (check_cancelled (cancellable, i, error))
        ok = FALSE;
      else
        {
          guint32 span_end;

          xf_search_index_doc_range (self, cand[i], &start, &end);
          span_end = end;
          if (start < reader.start || end > reader.end)
            for (gsize j = i + 1; j < n_cand; j++)
              {
                guint32 next_start, next_end;

                xf_search_index_doc_range (self, cand[j], &next_start, &next_end);
                if (next_start < span_end || next_start - span_end > MERGE_GAP || next_end - start > MAX_SPAN)
                  break;
                span_end = next_end;
              }
          if ((text = xf_search_text_reader_get (&reader, start, span_end)) == NULL)
            ok = set_read_error (error);
          else if ((match.tf = count_codes (text, end - start, codes, query_length)) > 0)
            {
              match.tf = MIN (match.tf, XF_SEARCH_TF_MAX);
              g_array_append_val (matches, match);
            }
        }
    }
  xf_search_text_reader_clear (&reader);

  return ok;
}

/**
 * xf_search_decode:
 * @text: UTF-8 text, not necessarily valid
 * @n_bytes: its length in bytes
 * @length: (out): the number of characters
 *
 * Decodes @text into code points. A byte that does not start a valid
 * sequence becomes one of U+DC80…U+DCFF, which valid UTF-8 never yields, so
 * a valid query matches the decoded text exactly where its bytes occur in
 * @text.
 *
 * Returns: (transfer full): the characters, zero-terminated
 */
gunichar *
xf_search_decode (const char *text,
                  gsize       n_bytes,
                  gsize      *length)
{
  const guchar *p = (const guchar *)text;
  const guchar *end = p + n_bytes;
  gunichar *out = g_new (gunichar, n_bytes + 1);
  gsize n = 0;

  while (p < end)
    out[n++] = xf_search_decode_char (&p, end);
  out[n] = 0;
  if (length != NULL)
    *length = n;

  return out;
}

/**
 * xf_search_count:
 * @first: (out) (optional): where the first occurrence starts, or -1
 *
 * Returns: how often @query occurs in @text, overlapping occurrences included
 */
guint
xf_search_count (const gunichar *text,
                 gsize           text_length,
                 const gunichar *query,
                 gsize           query_length,
                 gssize         *first)
{
  guint count = 0;

  if (first != NULL)
    *first = -1;
  if (query_length == 0 || query_length > text_length)
    return 0;

  for (gsize i = 0; i + query_length <= text_length; i++)
    if (text[i] == query[0] &&
        memcmp (text + i + 1, query + 1, (query_length - 1) * sizeof (gunichar)) == 0)
      {
        if (count++ == 0 && first != NULL)
          *first = i;
      }

  return count;
}
