/* xf-search-index.c
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

/* The index answers substring queries exactly. Every article is a document
 * with a dense id in (law, position) order. Its text is kept as 16-bit
 * character codes (codes are ranks of the distinct code points), which the
 * index verifies candidates against and cuts snippets from. Every distinct
 * character (unigram) and every distinct pair of adjacent characters
 * (bigram) has a posting list of the documents holding it, ascending, one
 * 32-bit word each: the document id in the low 24 bits, the number of
 * occurrences (saturated at 255) in the high 8. A one-character query is its
 * unigram list, a two-character query its bigram list; a longer query
 * intersects the lists of its bigrams and verifies each candidate.
 *
 * The file is one header and ten sections, each padded to 8 bytes, in the
 * order of the XfSearchLayout fields; their sizes follow from the header's
 * counts. A checksum over everything after the header catches torn or
 * damaged files; the reader still checks every offset it follows. The file
 * is replaced by rename, never rewritten in place, so a process reading the
 * old one keeps reading a whole index.
 *
 * This file holds the format and the storage; xf-search-index-query.c the
 * queries, xf-search-index-builder.c the building. */

#define READ_CHUNK (1 << 20)

G_DEFINE_BOXED_TYPE (XfSearchIndex, xf_search_index, xf_search_index_ref, xf_search_index_unref)

G_DEFINE_QUARK (xf-search-error-quark, xf_search_error)

static inline gsize
pad8 (gsize size)
{
  return (size + 7) & ~(gsize)7;
}

/* Fails on counts no index of ours can hold, so the sums cannot overflow. */
gboolean
xf_search_index_compute_layout (const XfSearchHeader *header,
                                XfSearchLayout       *layout)
{
  gsize offset = sizeof (XfSearchHeader);

  if (header->n_docs > XF_SEARCH_MAX_DOCS || header->n_chars > XF_SEARCH_MAX_CHARS ||
      header->n_laws > G_MAXUINT32 / 2 || header->n_headings > G_MAXUINT32 / 2 ||
      header->n_strings > G_MAXUINT32 || header->n_text > G_MAXUINT32 ||
      header->n_postings > G_MAXUINT32 ||
      (guint64)header->n_bigrams > (guint64)header->n_chars * header->n_chars)
    return FALSE;

#define SECTION(field, count, type) \
  layout->field = offset; \
  offset += pad8 ((gsize)(count) * sizeof (type))
  SECTION (chars, header->n_chars, guint32);
  SECTION (doc_articles, header->n_docs, gint64);
  SECTION (doc_laws, header->n_docs, guint32);
  SECTION (doc_starts, (gsize)header->n_docs + 1, guint32);
  SECTION (doc_numbers, header->n_docs, gint32);
  SECTION (doc_subs, header->n_docs, gint32);
  SECTION (doc_labels, header->n_docs, guint32);
  SECTION (doc_headings, header->n_docs, guint32);
  SECTION (laws, header->n_laws, gint64);
  SECTION (law_titles, header->n_laws, guint32);
  SECTION (heading_parents, header->n_headings, guint32);
  SECTION (heading_texts, header->n_headings, guint32);
  SECTION (strings, header->n_strings, char);
  SECTION (uni_starts, (gsize)header->n_chars + 1, guint32);
  SECTION (bi_keys, header->n_bigrams, guint32);
  SECTION (bi_starts, (gsize)header->n_bigrams + 1, guint32);
  SECTION (postings, header->n_postings, guint32);
  SECTION (text, header->n_text, guint16);
#undef SECTION
  layout->end = offset;

  return TRUE;
}

void
xf_search_checksum_init (XfSearchChecksum *sum)
{
  sum->lanes[0] = G_GUINT64_CONSTANT (0x243f6a8885a308d3);
  sum->lanes[1] = G_GUINT64_CONSTANT (0x13198a2e03707344);
  sum->lanes[2] = G_GUINT64_CONSTANT (0xa4093822299f31d0);
  sum->lanes[3] = G_GUINT64_CONSTANT (0x082efa98ec4e6c89);
  sum->n_words = 0;
}

/* @size must be a multiple of 8; every section is padded to that. Word i
 * of the whole stream goes to lane i % 4, however it is cut into calls. */
void
xf_search_checksum_update (XfSearchChecksum *sum,
                           const guint8     *data,
                           gsize             size)
{
  const guint64 prime = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  guint64 lanes[4] = { sum->lanes[0], sum->lanes[1], sum->lanes[2], sum->lanes[3] };
  guint64 n = sum->n_words;
  gsize i = 0;

#define MIX(lane, at) \
  G_STMT_START { \
    guint64 word; \
    memcpy (&word, data + (at), 8); \
    lane = (lane ^ word) * prime; \
    lane ^= lane >> 29; \
  } G_STMT_END

  for (; i + 8 <= size && (n & 3) != 0; i += 8, n++)
    MIX (lanes[n & 3], i);
  for (; i + 32 <= size; i += 32, n += 4)
    {
      MIX (lanes[0], i);
      MIX (lanes[1], i + 8);
      MIX (lanes[2], i + 16);
      MIX (lanes[3], i + 24);
    }
  for (; i + 8 <= size; i += 8, n++)
    MIX (lanes[n & 3], i);
#undef MIX

  memcpy (sum->lanes, lanes, sizeof lanes);
  sum->n_words = n;
}

guint64
xf_search_checksum_finish (XfSearchChecksum *sum)
{
  guint64 h = sum->n_words;

  for (guint i = 0; i < 4; i++)
    {
      h = (h ^ sum->lanes[i]) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
      h ^= h >> 33;
    }

  return h;
}

static gboolean
set_corrupt (GError     **error,
             const char  *why)
{
  g_set_error (error, XF_SEARCH_ERROR, XF_SEARCH_ERROR_CORRUPT,
               _("The search index is damaged (%s)"), why);
  return FALSE;
}

static gboolean
check_header (const XfSearchHeader  *header,
              gsize                  size,
              XfSearchLayout        *layout,
              GError               **error)
{
  if (size < sizeof (XfSearchHeader) || memcmp (header->magic, XF_SEARCH_FORMAT_MAGIC, 8) != 0)
    return set_corrupt (error, "magic");
  if (header->version != XF_SEARCH_FORMAT_VERSION || header->byte_order != XF_SEARCH_BYTE_ORDER_MARK)
    return set_corrupt (error, "version");
  if (!xf_search_index_compute_layout (header, layout))
    return set_corrupt (error, "counts");
  if (header->file_size != layout->end || size != layout->end)
    return set_corrupt (error, "size");

  return TRUE;
}

static gboolean
pread_all (int    fd,
           void  *buffer,
           gsize  size,
           gsize  offset)
{
  guint8 *p = buffer;

  while (size > 0)
    {
      gssize n = pread (fd, p, size, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      offset += n;
      size -= n;
    }

  return TRUE;
}

static XfSearchIndex *
index_alloc (const XfSearchHeader *header)
{
  XfSearchIndex *self = g_new0 (XfSearchIndex, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->header = *header;
  self->fd = -1;

  return self;
}

/* Points the small tables into @base, which holds the file from offset
 * @base_offset on. */
static void
index_set_tables (XfSearchIndex        *self,
                  const guint8         *base,
                  gsize                 base_offset,
                  const XfSearchLayout *layout)
{
  self->chars = (const guint32 *)(base + layout->chars - base_offset);
  self->doc_articles = (const gint64 *)(base + layout->doc_articles - base_offset);
  self->doc_laws = (const guint32 *)(base + layout->doc_laws - base_offset);
  self->doc_starts = (const guint32 *)(base + layout->doc_starts - base_offset);
  self->doc_numbers = (const gint32 *)(base + layout->doc_numbers - base_offset);
  self->doc_subs = (const gint32 *)(base + layout->doc_subs - base_offset);
  self->doc_labels = (const guint32 *)(base + layout->doc_labels - base_offset);
  self->doc_headings = (const guint32 *)(base + layout->doc_headings - base_offset);
  self->laws = (const gint64 *)(base + layout->laws - base_offset);
  self->law_titles = (const guint32 *)(base + layout->law_titles - base_offset);
  self->heading_parents = (const guint32 *)(base + layout->heading_parents - base_offset);
  self->heading_texts = (const guint32 *)(base + layout->heading_texts - base_offset);
  self->strings = (const char *)(base + layout->strings - base_offset);
  self->uni_starts = (const guint32 *)(base + layout->uni_starts - base_offset);
  self->bi_keys = (const guint32 *)(base + layout->bi_keys - base_offset);
  self->bi_starts = (const guint32 *)(base + layout->bi_starts - base_offset);
}

/* The code table must ascend strictly, and the string pool end with a NUL:
 * lookups rely on both. Both are small. */
static gboolean
check_chars (XfSearchIndex  *self,
             GError        **error)
{
  for (guint i = 1; i < self->header.n_chars; i++)
    if (self->chars[i] <= self->chars[i - 1])
      return set_corrupt (error, "characters");
  if (self->header.n_strings > 0 && self->strings[self->header.n_strings - 1] != '\0')
    return set_corrupt (error, "strings");

  return TRUE;
}

/* Wraps bytes whose header and checksum were checked already. */
XfSearchIndex *
xf_search_index_new_trusted (GBytes                *bytes,
                             const XfSearchLayout  *layout,
                             GError               **error)
{
  g_autoptr(XfSearchIndex) self = NULL;
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  self = index_alloc ((const XfSearchHeader *)data);
  self->bytes = g_bytes_ref (bytes);
  self->file_size = g_bytes_get_size (bytes);
  index_set_tables (self, data, 0, layout);
  self->postings = (const guint32 *)(data + layout->postings);
  self->text = (const guint16 *)(data + layout->text);
  if (!check_chars (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xf_search_index_new_from_bytes:
 * @bytes: an index as xf_search_index_build_file() stores it
 * @error: return location for a #GError
 *
 * Checks @bytes (header, size, checksum) and wraps them.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL if @bytes are damaged
 */
XfSearchIndex *
xf_search_index_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  const guint8 *data;
  gsize size;
  XfSearchHeader header;
  XfSearchLayout layout;
  XfSearchChecksum sum;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < sizeof (XfSearchHeader))
    {
      set_corrupt (error, "size");
      return NULL;
    }
  memcpy (&header, data, sizeof header);
  if (!check_header (&header, size, &layout, error))
    return NULL;
  if (((guintptr)data & 7) != 0)
    {
      set_corrupt (error, "alignment");
      return NULL;
    }

  xf_search_checksum_init (&sum);
  xf_search_checksum_update (&sum, data + sizeof (XfSearchHeader), size - sizeof (XfSearchHeader));
  if (xf_search_checksum_finish (&sum) != header.checksum)
    {
      set_corrupt (error, "checksum");
      return NULL;
    }

  return xf_search_index_new_trusted (bytes, &layout, error);
}

/**
 * xf_search_index_load:
 * @path: the index file
 * @error: return location for a #GError
 *
 * Reads the file once to check it, keeping its small tables; the posting
 * lists and texts are read again as queries need them, from the page cache
 * as a rule, without becoming part of this process's memory.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL if the file is
 *   missing or damaged
 */
XfSearchIndex *
xf_search_index_load (const char  *path,
                      GError     **error)
{
  g_autoptr(XfSearchIndex) self = NULL;
  g_autofree guint8 *buffer = NULL;
  XfSearchHeader header;
  XfSearchLayout layout;
  XfSearchChecksum sum;
  GStatBuf st;
  gsize tables_size;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot open the search index “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !pread_all (fd, &header, sizeof header, 0))
    {
      close (fd);
      set_corrupt (error, "size");
      return NULL;
    }
  if (!check_header (&header, st.st_size, &layout, error))
    {
      close (fd);
      return NULL;
    }

  self = index_alloc (&header);
  self->fd = fd;
  self->file_size = layout.end;
  self->postings_at = layout.postings;
  self->text_at = layout.text;
  tables_size = layout.postings - sizeof (XfSearchHeader);
  self->tables = g_malloc (MAX (tables_size, 8));
  index_set_tables (self, self->tables, sizeof (XfSearchHeader), &layout);

  xf_search_checksum_init (&sum);
  if (!pread_all (fd, self->tables, tables_size, sizeof (XfSearchHeader)))
    {
      set_corrupt (error, "read");
      return NULL;
    }
  xf_search_checksum_update (&sum, self->tables, tables_size);
  buffer = g_malloc (READ_CHUNK);
  for (gsize offset = layout.postings; offset < layout.end;)
    {
      gsize n = MIN (READ_CHUNK, layout.end - offset);

      if (!pread_all (fd, buffer, n, offset))
        {
          set_corrupt (error, "read");
          return NULL;
        }
      xf_search_checksum_update (&sum, buffer, n);
      offset += n;
    }
  if (xf_search_checksum_finish (&sum) != header.checksum)
    {
      set_corrupt (error, "checksum");
      return NULL;
    }
  if (!check_chars (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xf_search_index_peek_generation:
 * @path: an index file
 * @generation: (out): the content generation it was built for
 *
 * Reads only the header: a quick look that the file exists and is whole in
 * size, without the checksum of xf_search_index_load().
 *
 * Returns: %TRUE if the header is plausible
 */
gboolean
xf_search_index_peek_generation (const char *path,
                                 gint64     *generation)
{
  XfSearchHeader header;
  XfSearchLayout layout;
  GStatBuf st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  ok = fstat (fd, &st) == 0 && pread_all (fd, &header, sizeof header, 0) &&
       check_header (&header, st.st_size, &layout, NULL);
  close (fd);
  if (ok && generation != NULL)
    *generation = header.generation;

  return ok;
}

XfSearchIndex *
xf_search_index_ref (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
xf_search_index_unref (XfSearchIndex *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_clear_pointer (&self->tables, g_free);
      if (self->fd >= 0)
        close (self->fd);
      g_free (self);
    }
}

/**
 * xf_search_index_read_postings:
 * @owned: (out) (transfer full): set to a buffer the caller frees, or %NULL
 *
 * Returns: the postings [@start, @start + @n), or %NULL if reading failed
 */
const guint32 *
xf_search_index_read_postings (XfSearchIndex  *self,
                               guint32         start,
                               guint32         n,
                               guint32       **owned)
{
  *owned = NULL;
  if (self->postings != NULL)
    return self->postings + start;

  *owned = g_new (guint32, MAX (n, 1));
  if (!pread_all (self->fd, *owned, (gsize)n * sizeof (guint32),
                  self->postings_at + (gsize)start * sizeof (guint32)))
    g_clear_pointer (owned, g_free);

  return *owned;
}

/**
 * xf_search_text_reader_get:
 *
 * Returns: the text codes [@start, @end), valid until the next call, or
 *   %NULL if reading failed
 */
const guint16 *
xf_search_text_reader_get (XfSearchTextReader *reader,
                           guint32             start,
                           guint32             end)
{
  XfSearchIndex *self = reader->index;
  gsize want;

  if (self->text != NULL)
    return self->text + start;
  if (start >= reader->start && end <= reader->end && reader->buffer != NULL)
    return reader->buffer + (start - reader->start);

  want = MIN (MAX (end - start, reader->window), self->header.n_text - start);
  if (want > reader->capacity)
    {
      reader->capacity = want;
      reader->buffer = g_renew (guint16, reader->buffer, want);
    }
  if (!pread_all (self->fd, reader->buffer, want * sizeof (guint16),
                  self->text_at + (gsize)start * sizeof (guint16)))
    {
      reader->start = reader->end = 0;
      return NULL;
    }
  reader->start = start;
  reader->end = start + want;

  return reader->buffer;
}

void
xf_search_text_reader_clear (XfSearchTextReader *reader)
{
  g_clear_pointer (&reader->buffer, g_free);
  reader->capacity = 0;
  reader->start = reader->end = 0;
}

gint64
xf_search_index_get_generation (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->header.generation;
}

/* The index's size in bytes, as stored. */
gsize
xf_search_index_get_size (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->file_size;
}

guint
xf_search_index_get_n_docs (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header.n_docs;
}

gsize
xf_search_index_get_n_chars (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header.n_text;
}

gint64
xf_search_index_get_article_id (XfSearchIndex *self,
                                guint          doc)
{
  g_return_val_if_fail (self != NULL, 0);

  return doc < self->header.n_docs ? self->doc_articles[doc] : 0;
}

gint64
xf_search_index_get_law_id (XfSearchIndex *self,
                            guint          doc)
{
  g_return_val_if_fail (self != NULL, 0);

  return xf_search_index_get_nth_law (self, xf_search_index_get_law_index (self, doc));
}

guint
xf_search_index_get_n_laws (XfSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->header.n_laws;
}

/* Laws are numbered in ascending rowid order; G_MAXUINT for a bad @doc. */
guint
xf_search_index_get_law_index (XfSearchIndex *self,
                               guint          doc)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  if (doc >= self->header.n_docs || self->doc_laws[doc] >= self->header.n_laws)
    return G_MAXUINT;

  return self->doc_laws[doc];
}

gint64
xf_search_index_get_nth_law (XfSearchIndex *self,
                             guint          law_index)
{
  g_return_val_if_fail (self != NULL, 0);

  return law_index < self->header.n_laws ? self->laws[law_index] : 0;
}

/**
 * xf_search_index_get_law_title:
 *
 * Returns: (transfer none): the title of the law at @law_index, or ""
 */
const char *
xf_search_index_get_law_title (XfSearchIndex *self,
                               guint          law_index)
{
  g_return_val_if_fail (self != NULL, "");

  return law_index < self->header.n_laws ? xf_search_index_string (self, self->law_titles[law_index]) : "";
}

/**
 * xf_search_index_get_label:
 * @number: (out) (optional): the article's number
 * @sub: (out) (optional): its 之一 number, 0 if none
 *
 * Returns: (transfer none): the article's label, such as 第三十二条
 */
const char *
xf_search_index_get_label (XfSearchIndex *self,
                           guint          doc,
                           int           *number,
                           int           *sub)
{
  g_return_val_if_fail (self != NULL, "");

  if (number != NULL)
    *number = doc < self->header.n_docs ? self->doc_numbers[doc] : 0;
  if (sub != NULL)
    *sub = doc < self->header.n_docs ? self->doc_subs[doc] : 0;

  return doc < self->header.n_docs ? xf_search_index_string (self, self->doc_labels[doc]) : "";
}

#define MAX_HEADING_DEPTH 16

/**
 * xf_search_index_dup_heading_path:
 *
 * Returns: (transfer full): the headings above the article, outermost
 *   first, joined by " › ", such as "第五章 行政处罚的决定 › 第一节 一般规定"
 */
char *
xf_search_index_dup_heading_path (XfSearchIndex *self,
                                  guint          doc)
{
  const char *parts[MAX_HEADING_DEPTH];
  GString *path = g_string_new (NULL);
  guint depth = 0;
  guint32 heading;

  g_return_val_if_fail (self != NULL, NULL);

  /* The depth limit also ends a cycle in a damaged table. */
  heading = doc < self->header.n_docs ? self->doc_headings[doc] : 0;
  while (heading > 0 && heading <= self->header.n_headings && depth < MAX_HEADING_DEPTH)
    {
      parts[depth++] = xf_search_index_string (self, self->heading_texts[heading - 1]);
      heading = self->heading_parents[heading - 1];
    }
  while (depth > 0)
    {
      g_string_append (path, parts[--depth]);
      if (depth > 0)
        g_string_append (path, " › ");
    }

  return g_string_free (path, FALSE);
}

/* A string of the pool; "" for an offset out of range. */
const char *
xf_search_index_string (XfSearchIndex *self,
                        guint32        offset)
{
  return offset < self->header.n_strings ? self->strings + offset : "";
}

/* Bounds-checked: a damaged table yields an empty range, never a wild read. */
void
xf_search_index_doc_range (XfSearchIndex *self,
                           guint          doc,
                           guint32       *start,
                           guint32       *end)
{
  *start = *end = 0;
  if (doc < self->header.n_docs)
    {
      guint32 s = self->doc_starts[doc];
      guint32 e = self->doc_starts[doc + 1];

      if (s <= e && e <= self->header.n_text)
        {
          *start = s;
          *end = e;
        }
    }
}

guint
xf_search_index_get_doc_length (XfSearchIndex *self,
                                guint          doc)
{
  guint32 start, end;

  g_return_val_if_fail (self != NULL, 0);

  xf_search_index_doc_range (self, doc, &start, &end);

  return end - start;
}
