/* xf-search-index-builder.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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

/* Pass 1: assigns bigram ids and counts the documents of every term. */
static gboolean
count_postings (const XfSearchCorpus  *corpus,
                BigramTable           *table,
                TermState             *uni,
                TermState             *bi,
                GCancellable          *cancellable,
                GError               **error)
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
add_posting (guint32   *postings,
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

/* Pass 2: @uni and @bi count hold where each term's next posting goes.
 * Bigram ids are looked up again rather than kept per text position from
 * pass 1: that would take four bytes a character, 72 MB for a province. */
static gboolean
fill_postings (const XfSearchCorpus  *corpus,
               const BigramTable     *table,
               TermState             *uni,
               TermState             *bi,
               guint32               *postings,
               GCancellable          *cancellable,
               GError               **error)
{
  const guint32 *starts = (const guint32 *)corpus->doc_starts->data;
  const guint16 *text = corpus->text;
  guint32 mask = (1u << (32 - table->shift)) - 1;
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
          add_posting (postings, uni, text[i], doc);
          if (i + 1 < end)
            {
              guint32 key = (guint32)text[i] << 16 | text[i + 1];
              guint32 slot = bigram_slot (table, key);

              while (table->keys[slot] != key)
                slot = (slot + 1) & mask;
              add_posting (postings, bi, table->ids[slot], doc);
            }
        }
    }

  return TRUE;
}

/* An index in three pieces, as it is stored: the header and the small
 * tables, the postings, the text (the corpus's, taken over). Each but the
 * first is padded with zeros to 8 bytes when stored. */
typedef struct
{
  XfSearchHeader  header;
  XfSearchLayout  layout;
  guint8         *tables;    /* bytes [0, layout.postings) of the file */
  guint32        *postings;
  guint16        *text;
} Built;

static void
built_clear (Built *built)
{
  g_clear_pointer (&built->tables, g_free);
  g_clear_pointer (&built->postings, g_free);
  g_clear_pointer (&built->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Built, built_clear)

static void
checksum_padded (XfSearchChecksum *sum,
                 const void       *data,
                 gsize             size)
{
  guint8 tail[8] = { 0 };
  gsize whole = size & ~(gsize)7;

  xf_search_checksum_update (sum, data, whole);
  if (whole < size)
    {
      memcpy (tail, (const guint8 *)data + whole, size - whole);
      xf_search_checksum_update (sum, tail, 8);
    }
}

/* Posting offsets: unigrams by code, then bigrams by key. The counts become
 * the write positions of pass 2. */
static void
place_postings (Built       *built,
                TermState   *uni,
                TermState   *bi,
                BigramTable *table)
{
  guint32 *uni_starts = (guint32 *)(built->tables + built->layout.uni_starts);
  guint32 *bi_keys = (guint32 *)(built->tables + built->layout.bi_keys);
  guint32 *bi_starts = (guint32 *)(built->tables + built->layout.bi_starts);
  guint32 n_chars = built->header.n_chars, n_bigrams = built->header.n_bigrams;
  g_autofree guint64 *order = g_new (guint64, MAX (n_bigrams, 1));
  guint32 offset = 0;

  for (guint c = 0; c < n_chars; c++)
    {
      guint32 count = uni->count[c];

      uni_starts[c] = uni->count[c] = offset;
      offset += count;
    }
  uni_starts[n_chars] = offset;

  for (guint32 id = 0; id < n_bigrams; id++)
    order[id] = (guint64)table->key_of[id] << 32 | id;
  radix_sort_keys (order, n_bigrams);
  for (guint32 r = 0; r < n_bigrams; r++)
    {
      guint32 id = order[r] & G_MAXUINT32;
      guint32 count = bi->count[id];

      bi_keys[r] = order[r] >> 32;
      bi_starts[r] = bi->count[id] = offset;
      offset += count;
    }
  bi_starts[n_bigrams] = offset;
  g_assert (offset == built->header.n_postings);
}

/* memcpy() that takes an empty GArray's NULL data. */
static void
copy_section (void       *dest,
              const void *src,
              gsize       size)
{
  if (size > 0)
    memcpy (dest, src, size);
}

static void
copy_tables (Built                *built,
             const XfSearchCorpus *corpus)
{
  const XfSearchLayout *layout = &built->layout;
  const XfSearchHeader *header = &built->header;
  guint8 *data = built->tables;

  copy_section (data + layout->chars, corpus->chars->data, header->n_chars * sizeof (guint32));
  copy_section (data + layout->doc_articles, corpus->doc_articles->data, header->n_docs * sizeof (gint64));
  copy_section (data + layout->doc_laws, corpus->doc_laws->data, header->n_docs * sizeof (guint32));
  copy_section (data + layout->doc_starts, corpus->doc_starts->data, (header->n_docs + 1) * sizeof (guint32));
  copy_section (data + layout->doc_numbers, corpus->doc_numbers->data, header->n_docs * sizeof (gint32));
  copy_section (data + layout->doc_subs, corpus->doc_subs->data, header->n_docs * sizeof (gint32));
  copy_section (data + layout->doc_labels, corpus->doc_labels->data, header->n_docs * sizeof (guint32));
  copy_section (data + layout->doc_headings, corpus->doc_headings->data, header->n_docs * sizeof (guint32));
  copy_section (data + layout->laws, corpus->laws->data, header->n_laws * sizeof (gint64));
  copy_section (data + layout->law_titles, corpus->law_titles->data, header->n_laws * sizeof (guint32));
  for (guint i = 0; i < header->n_headings; i++)
    ((guint32 *)(data + layout->heading_parents))[i] = g_array_index (corpus->heading_parents, gint64, i);
  copy_section (data + layout->heading_texts, corpus->heading_texts->data, header->n_headings * sizeof (guint32));
  copy_section (data + layout->strings, corpus->strings->str, header->n_strings);
}

static gboolean
build (XfDatabase    *db,
       Built         *built,
       GCancellable  *cancellable,
       GError       **error)
{
  g_auto(XfSearchCorpus) corpus = { 0 };
  XfSearchHeader *header = &built->header;
  BigramTable table = { 0 };
  TermState uni = { 0 }, bi = { 0 };
  XfSearchChecksum sum;
  guint64 n_postings = 0;
  gboolean ok = FALSE;

  xf_search_corpus_init (&corpus);
  if (!xf_search_corpus_read (&corpus, db, cancellable, error))
    return FALSE;
  g_clear_pointer (&corpus.code_of, g_free);

  memcpy (header->magic, XF_SEARCH_FORMAT_MAGIC, 8);
  header->version = XF_SEARCH_FORMAT_VERSION;
  header->byte_order = XF_SEARCH_BYTE_ORDER_MARK;
  header->generation = corpus.generation;
  header->n_docs = corpus.doc_articles->len;
  header->n_laws = corpus.laws->len;
  header->n_headings = corpus.heading_ids->len;
  header->n_strings = corpus.strings->len;
  header->n_chars = corpus.chars->len;
  header->n_text = corpus.n_text;
  {
    g_autofree guint32 *sorted = g_new (guint32, MAX (header->n_chars, 1));

    xf_search_corpus_sort_codes (&corpus, sorted);
    copy_section (corpus.chars->data, sorted, header->n_chars * sizeof (guint32));
  }

  bigram_table_init (&table, 16);
  term_state_reserve (&uni, MAX (header->n_chars, 1));
  term_state_reserve (&bi, 1024);
  if (!count_postings (&corpus, &table, &uni, &bi, cancellable, error))
    goto out;
  header->n_bigrams = table.n;

  for (guint c = 0; c < header->n_chars; c++)
    n_postings += uni.count[c];
  for (guint32 id = 0; id < header->n_bigrams; id++)
    n_postings += bi.count[id];
  header->n_postings = n_postings;
  if (n_postings > G_MAXUINT32 || !xf_search_index_compute_layout (header, &built->layout))
    {
      xf_search_set_too_large (error, "postings");
      goto out;
    }
  header->file_size = built->layout.end;

  built->tables = g_malloc0 (built->layout.postings);
  place_postings (built, &uni, &bi, &table);

  built->postings = g_new (guint32, MAX (n_postings, 1));
  if (!fill_postings (&corpus, &table, &uni, &bi, built->postings, cancellable, error))
    goto out;
  bigram_table_clear (&table);

  copy_tables (built, &corpus);
  built->text = g_steal_pointer (&corpus.text);

  xf_search_checksum_init (&sum);
  xf_search_checksum_update (&sum, built->tables + sizeof (XfSearchHeader),
                             built->layout.postings - sizeof (XfSearchHeader));
  checksum_padded (&sum, built->postings, header->n_postings * sizeof (guint32));
  checksum_padded (&sum, built->text, header->n_text * sizeof (guint16));
  header->checksum = xf_search_checksum_finish (&sum);
  memcpy (built->tables, header, sizeof *header);
  ok = TRUE;

out:
  bigram_table_clear (&table);
  term_state_clear (&uni);
  term_state_clear (&bi);

  return ok;
}

/**
 * xf_search_index_build:
 * @db: the database to index
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds an index of every article of @db, in memory: for a ":memory:"
 * database, or for tests. Runs in a few seconds for a province's statutes;
 * call it from a worker thread.
 *
 * Returns: (transfer full) (nullable): the index
 */
XfSearchIndex *
xf_search_index_build (XfDatabase    *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_auto(Built) built = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  const XfSearchLayout *layout = &built.layout;
  guint8 *data;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  if (!build (db, &built, cancellable, error))
    return NULL;

  data = g_malloc0 (layout->end);
  memcpy (data, built.tables, layout->postings);
  copy_section (data + layout->postings, built.postings, built.header.n_postings * sizeof (guint32));
  copy_section (data + layout->text, built.text, built.header.n_text * sizeof (guint16));
  bytes = g_bytes_new_take (data, layout->end);

  return xf_search_index_new_trusted (bytes, layout, error);
}

static gboolean
write_all (int         fd,
           const void *data,
           gsize       size)
{
  const guint8 *p = data;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      p += n;
      size -= n;
    }

  return TRUE;
}

static gboolean
write_padded (int         fd,
              const void *data,
              gsize       size)
{
  static const guint8 zeros[8] = { 0 };
  gsize pad = ((size + 7) & ~(gsize)7) - size;

  return write_all (fd, data, size) && write_all (fd, zeros, pad);
}

/**
 * xf_search_index_build_file:
 * @db: the database to index
 * @path: where to store the index
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds an index of every article of @db straight into a file, without
 * holding the whole index in memory twice. The file is written under a
 * temporary name beside @path and renamed into place, so readers see the
 * old file or the new one, never a mix. No fsync: the index is a cache,
 * and a torn file fails its checksum and is rebuilt.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_search_index_build_file (XfDatabase    *db,
                            const char    *path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_auto(Built) built = { 0 };
  g_autofree char *tmp = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!build (db, &built, cancellable, error))
    return FALSE;

  /* Written beside the old index under a unique name, then renamed over it,
   * so a reader never sees half a file. */
  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the search index “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (write_all (fd, built.tables, built.layout.postings) &&
      write_padded (fd, built.postings, built.header.n_postings * sizeof (guint32)) &&
      write_padded (fd, built.text, built.header.n_text * sizeof (guint16)))
    {
      int rc = close (fd);

      /* The descriptor is gone whatever close() says: never close it twice. */
      fd = -1;
      if (rc == 0 && g_rename (tmp, path) == 0)
        return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write the search index “%s”: %s"), path, g_strerror (saved_errno));

  return FALSE;
}
