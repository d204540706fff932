/* xf-search-index-builder.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "xf-search-index-private.h"

/* Builds the index of xf-search-index.c in one buffer, in four steps:
 * read every article, decoding it into provisional character codes; renumber
 * the codes in code point order; count the postings of each unigram and
 * bigram (pass 1); fill them in (pass 2). Both passes walk the text once;
 * a posting list is deduplicated per document by remembering the last
 * document each term saw, so the tf of a repeat lands in the posting just
 * written, which is still in cache. */

#define NO_DOC         G_MAXUINT32
#define CANCEL_STRIDE  4096
#define N_CODE_POINTS  0x110000

typedef struct
{
  guint16    *text;
  gsize       n_text;
  gsize       text_capacity;
  GArray     *doc_articles;     /* gint64 */
  GArray     *doc_laws;         /* guint32 */
  GArray     *doc_starts;       /* guint32 */
  GArray     *doc_numbers;      /* gint32 */
  GArray     *doc_subs;         /* gint32 */
  GArray     *doc_labels;       /* guint32 */
  GArray     *doc_headings;     /* guint32 */
  GArray     *laws;             /* gint64, ascending */
  GArray     *law_titles;       /* guint32 */
  GArray     *heading_ids;      /* gint64, ascending */
  GArray     *heading_parents;  /* gint64 rowid, then guint32 index + 1 */
  GArray     *heading_texts;    /* guint32 */
  GString    *strings;
  GHashTable *string_offsets;   /* string → offset + 1 */
  guint16    *code_of;          /* code point → code + 1, 0 for none */
  GArray     *chars;            /* guint32 code point of each provisional code */
  gint64      generation;
} Corpus;

static void
corpus_init (Corpus *corpus)
{
  corpus->doc_articles = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->doc_laws = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_numbers = g_array_new (FALSE, FALSE, sizeof (gint32));
  corpus->doc_subs = g_array_new (FALSE, FALSE, sizeof (gint32));
  corpus->doc_labels = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->doc_headings = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->laws = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->law_titles = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->heading_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->heading_parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  corpus->heading_texts = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->strings = g_string_new_len ("", 1);
  corpus->string_offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  corpus->chars = g_array_new (FALSE, FALSE, sizeof (guint32));
  corpus->code_of = g_new0 (guint16, N_CODE_POINTS);
}

static void
corpus_clear (Corpus *corpus)
{
  g_clear_pointer (&corpus->text, g_free);
  g_clear_pointer (&corpus->doc_articles, g_array_unref);
  g_clear_pointer (&corpus->doc_laws, g_array_unref);
  g_clear_pointer (&corpus->doc_starts, g_array_unref);
  g_clear_pointer (&corpus->doc_numbers, g_array_unref);
  g_clear_pointer (&corpus->doc_subs, g_array_unref);
  g_clear_pointer (&corpus->doc_labels, g_array_unref);
  g_clear_pointer (&corpus->doc_headings, g_array_unref);
  g_clear_pointer (&corpus->laws, g_array_unref);
  g_clear_pointer (&corpus->law_titles, g_array_unref);
  g_clear_pointer (&corpus->heading_ids, g_array_unref);
  g_clear_pointer (&corpus->heading_parents, g_array_unref);
  g_clear_pointer (&corpus->heading_texts, g_array_unref);
  if (corpus->strings != NULL)
    g_string_free (g_steal_pointer (&corpus->strings), TRUE);
  g_clear_pointer (&corpus->string_offsets, g_hash_table_unref);
  g_clear_pointer (&corpus->code_of, g_free);
  g_clear_pointer (&corpus->chars, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Corpus, corpus_clear)

static gboolean
set_too_large (GError     **error,
               const char  *what)
{
  g_set_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_TOO_LARGE,
               _("The statutes are too large for the search index (%s)"), what);
  return FALSE;
}

/* Offsets into the string pool; equal strings are stored once. */
static guint32
corpus_intern (Corpus     *corpus,
               const char *text)
{
  gpointer found;
  guint32 offset;

  if (text == NULL || text[0] == '\0')
    return 0;
  if ((found = g_hash_table_lookup (corpus->string_offsets, text)) != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  offset = corpus->strings->len;
  g_string_append_len (corpus->strings, text, strlen (text) + 1);
  g_hash_table_insert (corpus->string_offsets, g_strdup (text), GUINT_TO_POINTER (offset + 1));

  return offset;
}

/* Index + 1 of @id in the ascending @ids, or 0. */
static guint32
find_id (GArray *ids,
         gint64  id)
{
  guint lo = 0, hi = ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ids, gint64, mid) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < ids->len && g_array_index (ids, gint64, lo) == id ? lo + 1 : 0;
}

typedef struct
{
  gint64        law_id;
  gint64        article_id;
  gint64        heading_id;
  const guchar *body;
  gsize         n_bytes;
  int           number;
  int           sub;
  const char   *label;
} Article;

static gboolean
corpus_add (Corpus         *corpus,
            const Article  *article,
            GError        **error)
{
  const guchar *body = article->body;
  const guchar *end = body + article->n_bytes;
  guint32 start = corpus->n_text;
  guint32 law, heading, label;

  if (corpus->doc_articles->len >= XF_SEARCH_MAX_DOCS)
    return set_too_large (error, "articles");
  if (corpus->n_text + article->n_bytes > G_MAXUINT32)
    return set_too_large (error, "characters");

  /* Rows come in law order, so the last law is usually the one. */
  law = corpus->doc_laws->len > 0 ? g_array_index (corpus->doc_laws, guint32, corpus->doc_laws->len - 1) : 0;
  if (law >= corpus->laws->len || g_array_index (corpus->laws, gint64, law) != article->law_id)
    law = find_id (corpus->laws, article->law_id) - 1;
  heading = article->heading_id > 0 ? find_id (corpus->heading_ids, article->heading_id) : 0;
  label = corpus_intern (corpus, article->label);

  g_array_append_val (corpus->doc_articles, article->article_id);
  g_array_append_val (corpus->doc_laws, law);
  g_array_append_val (corpus->doc_starts, start);
  g_array_append_vals (corpus->doc_numbers, &(gint32) { article->number }, 1);
  g_array_append_vals (corpus->doc_subs, &(gint32) { article->sub }, 1);
  g_array_append_val (corpus->doc_labels, label);
  g_array_append_val (corpus->doc_headings, heading);

  /* A character never takes more than a byte. */
  if (corpus->n_text + article->n_bytes > corpus->text_capacity)
    {
      corpus->text_capacity = MAX (corpus->text_capacity * 2, corpus->n_text + article->n_bytes + 4096);
      corpus->text = g_renew (guint16, corpus->text, corpus->text_capacity);
    }

  while (body < end)
    {
      gunichar c = xf_search_decode_char (&body, end);
      guint16 code = corpus->code_of[c];

      if (G_UNLIKELY (code == 0))
        {
          if (corpus->chars->len >= XF_SEARCH_MAX_CHARS)
            return set_too_large (error, "distinct characters");
          g_array_append_val (corpus->chars, c);
          code = corpus->chars->len;
          corpus->code_of[c] = code;
        }
      corpus->text[corpus->n_text++] = code - 1;
    }

  return TRUE;
}

static gboolean
corpus_read_laws (Corpus      *corpus,
                  XfDatabase  *db,
                  GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id, title FROM laws ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 title = corpus_intern (corpus, (const char *)sqlite3_column_text (stmt, 1));

      g_array_append_val (corpus->laws, id);
      g_array_append_val (corpus->law_titles, title);
    }
  sqlite3_reset (stmt);
  if (corpus->laws->len > G_MAXUINT32 / 2)
    return set_too_large (error, "laws");

  return rc >= 0;
}

/* Headings as "label title", with their parents as indexes. */
static gboolean
corpus_read_headings (Corpus      *corpus,
                      XfDatabase  *db,
                      GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT id, parent_id, label, title FROM headings ORDER BY id",
                                            error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 1);
      const char *label = (const char *)sqlite3_column_text (stmt, 2);
      const char *title = (const char *)sqlite3_column_text (stmt, 3);
      g_autofree char *text = NULL;
      guint32 offset;

      if (label[0] != '\0' && title[0] != '\0')
        text = g_strconcat (label, " ", title, NULL);
      else
        text = g_strdup (label[0] != '\0' ? label : title);
      offset = corpus_intern (corpus, text);
      g_array_append_val (corpus->heading_ids, id);
      g_array_append_val (corpus->heading_parents, parent);
      g_array_append_val (corpus->heading_texts, offset);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;
  if (corpus->heading_ids->len > G_MAXUINT32 / 2)
    return set_too_large (error, "headings");

  /* Rowids become indexes + 1, in place; the array's items are wide enough. */
  for (guint i = 0; i < corpus->heading_parents->len; i++)
    {
      gint64 *parent = &g_array_index (corpus->heading_parents, gint64, i);
      *parent = *parent > 0 ? find_id (corpus->heading_ids, *parent) : 0;
    }

  return TRUE;
}

/* Reads the generation and the statutes from one snapshot, so the index
 * matches the generation it records. */
static gboolean
corpus_read (Corpus        *corpus,
             XfDatabase    *db,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean own_transaction = sqlite3_get_autocommit (xf_database_get_handle (db));
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc = SQLITE_DONE;

  if (own_transaction && !xf_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;

  corpus->generation = xf_database_get_content_generation (db);
  ok = corpus_read_laws (corpus, db, error) && corpus_read_headings (corpus, db, error);
  if (ok)
    ok = (stmt = xf_database_prepare (db,
                                      "SELECT law_id, id, heading_id, body, number, sub, label FROM articles "
                                      "ORDER BY law_id, position, id",
                                      error)) != NULL;

  while (ok && (rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      Article article;

      article.law_id = sqlite3_column_int64 (stmt, 0);
      article.article_id = sqlite3_column_int64 (stmt, 1);
      article.heading_id = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 2);
      article.body = sqlite3_column_text (stmt, 3);
      article.n_bytes = article.body != NULL ? sqlite3_column_bytes (stmt, 3) : 0;
      article.number = sqlite3_column_int (stmt, 4);
      article.sub = sqlite3_column_int (stmt, 5);
      article.label = (const char *)sqlite3_column_text (stmt, 6);

      if (corpus->doc_articles->len % CANCEL_STRIDE == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = corpus_add (corpus, &article, error);
    }
  if (ok && rc < 0)
    ok = FALSE;
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (own_transaction)
    {
      if (ok)
        ok = xf_database_exec (db, "COMMIT", error);
      else
        xf_database_rollback (db);
    }

  g_array_append_vals (corpus->doc_starts, &(guint32) { corpus->n_text }, 1);
  if (ok && corpus->strings->len > G_MAXUINT32)
    ok = set_too_large (error, "strings");

  return ok;
}

static int
compare_code_points (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const guint32 *chars = user_data;
  guint32 ca = chars[*(const guint16 *)a];
  guint32 cb = chars[*(const guint16 *)b];

  return (ca > cb) - (ca < cb);
}

/* Renumbers the codes so they ascend with the code points: queries find a
 * character's code by binary search. Fills @sorted with the code points. */
static void
corpus_sort_codes (Corpus  *corpus,
                   guint32 *sorted)
{
  guint n = corpus->chars->len;
  g_autofree guint16 *order = g_new (guint16, MAX (n, 1));
  g_autofree guint16 *renumber = g_new (guint16, MAX (n, 1));
  const guint32 *chars = (const guint32 *)corpus->chars->data;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint16), compare_code_points, (gpointer)chars);
  for (guint i = 0; i < n; i++)
    {
      renumber[order[i]] = i;
      sorted[i] = chars[order[i]];
    }
  for (gsize i = 0; i < corpus->n_text; i++)
    corpus->text[i] = renumber[corpus->text[i]];
}

/* Open addressing from a bigram key to a dense bigram id. */
typedef struct
{
  guint32 *keys;
  guint32 *ids;
  guint    shift;
  guint32  n;
  guint32 *key_of;         /* id → key */
  gsize    key_capacity;
} BigramTable;

#define EMPTY_KEY G_MAXUINT32  /* codes stop at 65534, keys below this */

static void
bigram_table_init (BigramTable *table,
                   guint        bits)
{
  gsize size = (gsize)1 << bits;

  table->keys = g_new (guint32, size);
  memset (table->keys, 0xff, size * sizeof (guint32));
  table->ids = g_new (guint32, size);
  table->shift = 32 - bits;
  table->n = 0;
}

static void
bigram_table_clear (BigramTable *table)
{
  g_clear_pointer (&table->keys, g_free);
  g_clear_pointer (&table->ids, g_free);
  g_clear_pointer (&table->key_of, g_free);
  table->key_capacity = 0;
}

static inline guint32
bigram_slot (const BigramTable *table,
             guint32            key)
{
  return (key * 2654435761u) >> table->shift;
}

static void
bigram_table_grow (BigramTable *table)
{
  BigramTable bigger;
  gsize size = (gsize)1 << (32 - table->shift);

  bigram_table_init (&bigger, 32 - table->shift + 1);
  bigger.n = table->n;
  bigger.key_of = g_steal_pointer (&table->key_of);
  bigger.key_capacity = table->key_capacity;
  for (gsize i = 0; i < size; i++)
    if (table->keys[i] != EMPTY_KEY)
      {
        guint32 mask = (1u << (32 - bigger.shift)) - 1;
        guint32 slot = bigram_slot (&bigger, table->keys[i]);

        while (bigger.keys[slot] != EMPTY_KEY)
          slot = (slot + 1) & mask;
        bigger.keys[slot] = table->keys[i];
        bigger.ids[slot] = table->ids[i];
      }
  bigram_table_clear (table);
  *table = bigger;
}

/* Per-term state of a pass: how many documents (pass 1) or where the next
 * posting goes (pass 2), and the last document that held the term. */
typedef struct
{
  guint32 *count;
  guint32 *last;
  gsize    capacity;
} TermState;

static void
term_state_reserve (TermState *state,
                    gsize      n)
{
  if (n <= state->capacity)
    return;
  n = MAX (n, state->capacity * 2);
  state->count = g_renew (guint32, state->count, n);
  state->last = g_renew (guint32, state->last, n);
  memset (state->count + state->capacity, 0, (n - state->capacity) * sizeof (guint32));
  memset (state->last + state->capacity, 0xff, (n - state->capacity) * sizeof (guint32));
  state->capacity = n;
}

static void
term_state_clear (TermState *state)
{
  g_clear_pointer (&state->count, g_free);
  g_clear_pointer (&state->last, g_free);
  state->capacity = 0;
}

/* Pass 1: assigns bigram ids (kept per text position in @bigram_at) and
 * counts the documents of every term. */
static gboolean
count_postings (const Corpus  *corpus,
                BigramTable   *table,
                guint32       *bigram_at,
                TermState     *uni,
                TermState     *bi,
                GCancellable  *cancellable,
                GError       **error)
{
  const guint32 *starts = (const guint32 *)corpus->doc_starts->data;
  const guint16 *text = corpus->text;
  guint n_docs = corpus->doc_articles->len;

  for (guint32 doc = 0; doc < n_docs; doc++)
    {
      guint32 end = starts[doc + 1];

      if (doc % CANCEL_STRIDE == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint32 i = starts[doc]; i < end; i++)
        {
          guint16 code = text[i];
          guint32 key, slot, id, mask;

          if (uni->last[code] != doc)
            {
              uni->last[code] = doc;
              uni->count[code]++;
            }
          if (i + 1 == end)
            break;

          key = (guint32)code << 16 | text[i + 1];
          mask = (1u << (32 - table->shift)) - 1;
          slot = bigram_slot (table, key);
          while (table->keys[slot] != key && table->keys[slot] != EMPTY_KEY)
            slot = (slot + 1) & mask;
          if (table->keys[slot] == key)
            id = table->ids[slot];
          else
            {
              id = table->n++;
              table->keys[slot] = key;
              table->ids[slot] = id;
              if (table->n > table->key_capacity)
                {
                  table->key_capacity = MAX (table->key_capacity * 2, 1024);
                  table->key_of = g_renew (guint32, table->key_of, table->key_capacity);
                }
              table->key_of[id] = key;
              term_state_reserve (bi, table->n);
              if ((gsize)table->n * 2 > (gsize)mask + 1)
                bigram_table_grow (table);
            }
          bigram_at[i] = id;
          if (bi->last[id] != doc)
            {
              bi->last[id] = doc;
              bi->count[id]++;
            }
        }
    }

  return TRUE;
}

/* Sorts (key << 32 | id) by key, least significant 16 bits first. */
static void
radix_sort_keys (guint64 *items,
                 gsize    n)
{
  g_autofree guint64 *tmp = g_new (guint64, MAX (n, 1));
  g_autofree gsize *counts = g_new (gsize, 65536);

  for (guint shift = 32; shift <= 48; shift += 16)
    {
      gsize total = 0;

      memset (counts, 0, 65536 * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        counts[(items[i] >> shift) & 0xffff]++;
      for (gsize d = 0; d < 65536; d++)
        {
          gsize c = counts[d];
          counts[d] = total;
          total += c;
        }
      for (gsize i = 0; i < n; i++)
        tmp[counts[(items[i] >> shift) & 0xffff]++] = items[i];
      memcpy (items, tmp, n * sizeof (guint64));
    }
}

static inline void
add_posting (guint32  *postings,
             TermState *state,
             guint32    term,
             guint32    doc)
{
  if (state->last[term] != doc)
    {
      state->last[term] = doc;
      postings[state->count[term]++] = doc | XF_SEARCH_TF_ONE;
    }
  else
    {
      guint32 *p = &postings[state->count[term] - 1];

      if ((*p >> XF_SEARCH_DOC_BITS) < XF_SEARCH_TF_MAX)
        *p += XF_SEARCH_TF_ONE;
    }
}

/* Pass 2: @uni and @bi count hold where each term's next posting goes. */
static gboolean
fill_postings (const Corpus    *corpus,
               const guint32   *bigram_at,
               TermState       *uni,
               TermState       *bi,
               guint32         *postings,
               GCancellable    *cancellable,
               GError         **error)
{
  const guint32 *starts = (const guint32 *)corpus->doc_starts->data;
  guint n_docs = corpus->doc_articles->len;

  memset (uni->last, 0xff, uni->capacity * sizeof (guint32));
  memset (bi->last, 0xff, bi->capacity * sizeof (guint32));

  for (guint32 doc = 0; doc < n_docs; doc++)
    {
      guint32 end = starts[doc + 1];

      if (doc % CANCEL_STRIDE == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint32 i = starts[doc]; i < end; i++)
        {
          add_posting (postings, uni, corpus->text[i], doc);
          if (i + 1 < end)
            add_posting (postings, bi, bigram_at[i], doc);
        }
    }

  return TRUE;
}

/**
 * xf_search_index_build:
 * @db: the database to index
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds an index of every article of @db, in memory. Runs in a few seconds
 * for a province's statutes; call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the index
 */
XfSearchIndex *
xf_search_index_build (XfDatabase    *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_auto(Corpus) corpus = { 0 };
  g_autofree guint32 *bigram_at = NULL;
  g_autofree guint64 *order = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BigramTable table = { 0 };
  TermState uni = { 0 }, bi = { 0 };
  XfSearchHeader header = { 0 };
  XfSearchLayout layout;
  XfSearchChecksum sum;
  guint8 *data = NULL;
  guint32 *postings;
  guint64 n_postings = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  corpus_init (&corpus);

  if (!corpus_read (&corpus, db, cancellable, error))
    return NULL;
  g_clear_pointer (&corpus.code_of, g_free);

  header.n_docs = corpus.doc_articles->len;
  header.n_laws = corpus.laws->len;
  header.n_headings = corpus.heading_ids->len;
  header.n_strings = corpus.strings->len;
  header.n_chars = corpus.chars->len;
  header.n_text = corpus.n_text;
  header.generation = corpus.generation;
  {
    g_autofree guint32 *sorted = g_new (guint32, MAX (header.n_chars, 1));

    corpus_sort_codes (&corpus, sorted);
    memcpy (corpus.chars->data, sorted, header.n_chars * sizeof (guint32));
  }

  bigram_table_init (&table, 16);
  bigram_at = g_new (guint32, MAX (corpus.n_text, 1));
  term_state_reserve (&uni, MAX (header.n_chars, 1));
  term_state_reserve (&bi, 1024);
  if (!count_postings (&corpus, &table, bigram_at, &uni, &bi, cancellable, error))
    goto out;
  header.n_bigrams = table.n;

  for (guint c = 0; c < header.n_chars; c++)
    n_postings += uni.count[c];
  for (guint32 id = 0; id < header.n_bigrams; id++)
    n_postings += bi.count[id];
  if (n_postings > G_MAXUINT32)
    {
      set_too_large (error, "postings");
      goto out;
    }
  header.n_postings = n_postings;

  memcpy (header.magic, XF_SEARCH_FORMAT_MAGIC, 8);
  header.version = XF_SEARCH_FORMAT_VERSION;
  header.byte_order = XF_SEARCH_BYTE_ORDER_MARK;
  if (!xf_search_index_compute_layout (&header, &layout))
    {
      set_too_large (error, "layout");
      goto out;
    }
  header.file_size = layout.end;
  data = g_malloc0 (layout.end);

  /* Posting offsets: unigrams by code, then bigrams by key. The counts
   * become the write positions of pass 2. */
  {
    guint32 *uni_starts = (guint32 *)(data + layout.uni_starts);
    guint32 *bi_keys = (guint32 *)(data + layout.bi_keys);
    guint32 *bi_starts = (guint32 *)(data + layout.bi_starts);
    guint32 offset = 0;

    for (guint c = 0; c < header.n_chars; c++)
      {
        guint32 count = uni.count[c];

        uni_starts[c] = uni.count[c] = offset;
        offset += count;
      }
    uni_starts[header.n_chars] = offset;

    order = g_new (guint64, MAX (header.n_bigrams, 1));
    for (guint32 id = 0; id < header.n_bigrams; id++)
      order[id] = (guint64)table.key_of[id] << 32 | id;
    radix_sort_keys (order, header.n_bigrams);
    for (guint32 r = 0; r < header.n_bigrams; r++)
      {
        guint32 id = order[r] & G_MAXUINT32;
        guint32 count = bi.count[id];

        bi_keys[r] = order[r] >> 32;
        bi_starts[r] = bi.count[id] = offset;
        offset += count;
      }
    bi_starts[header.n_bigrams] = offset;
    g_assert (offset == header.n_postings);
  }
  bigram_table_clear (&table);
  g_clear_pointer (&order, g_free);

  postings = (guint32 *)(data + layout.postings);
  if (!fill_postings (&corpus, bigram_at, &uni, &bi, postings, cancellable, error))
    goto out;
  g_clear_pointer (&bigram_at, g_free);

  memcpy (data + layout.chars, corpus.chars->data, header.n_chars * sizeof (guint32));
  memcpy (data + layout.doc_articles, corpus.doc_articles->data, header.n_docs * sizeof (gint64));
  memcpy (data + layout.doc_laws, corpus.doc_laws->data, header.n_docs * sizeof (guint32));
  memcpy (data + layout.doc_starts, corpus.doc_starts->data, (header.n_docs + 1) * sizeof (guint32));
  memcpy (data + layout.doc_numbers, corpus.doc_numbers->data, header.n_docs * sizeof (gint32));
  memcpy (data + layout.doc_subs, corpus.doc_subs->data, header.n_docs * sizeof (gint32));
  memcpy (data + layout.doc_labels, corpus.doc_labels->data, header.n_docs * sizeof (guint32));
  memcpy (data + layout.doc_headings, corpus.doc_headings->data, header.n_docs * sizeof (guint32));
  memcpy (data + layout.laws, corpus.laws->data, header.n_laws * sizeof (gint64));
  memcpy (data + layout.law_titles, corpus.law_titles->data, header.n_laws * sizeof (guint32));
  for (guint i = 0; i < header.n_headings; i++)
    ((guint32 *)(data + layout.heading_parents))[i] = g_array_index (corpus.heading_parents, gint64, i);
  memcpy (data + layout.heading_texts, corpus.heading_texts->data, header.n_headings * sizeof (guint32));
  memcpy (data + layout.strings, corpus.strings->str, header.n_strings);
  memcpy (data + layout.text, corpus.text, header.n_text * sizeof (guint16));

  xf_search_checksum_init (&sum);
  xf_search_checksum_update (&sum, data + sizeof (XfSearchHeader), layout.end - sizeof (XfSearchHeader));
  header.checksum = xf_search_checksum_finish (&sum);
  memcpy (data, &header, sizeof header);
  bytes = g_bytes_new_take (g_steal_pointer (&data), layout.end);
  ok = TRUE;

out:
  bigram_table_clear (&table);
  term_state_clear (&uni);
  term_state_clear (&bi);
  g_free (data);

  return ok ? xf_search_index_new_trusted (bytes, &layout, error) : NULL;
}
