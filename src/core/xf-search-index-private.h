/* xf-search-index-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-search-index.h"

G_BEGIN_DECLS

/* The file format, shared by the reader (xf-search-index.c) and the builder
 * (xf-search-index-builder.c). See xf-search-index.c for the design. */

#define XF_SEARCH_FORMAT_MAGIC    "XFSEARCH"
#define XF_SEARCH_FORMAT_VERSION  2
#define XF_SEARCH_BYTE_ORDER_MARK 0x01020304u
#define XF_SEARCH_DOC_BITS        24
#define XF_SEARCH_DOC_MASK        ((1u << XF_SEARCH_DOC_BITS) - 1)
#define XF_SEARCH_TF_ONE          (1u << XF_SEARCH_DOC_BITS)
#define XF_SEARCH_TF_MAX          255u
#define XF_SEARCH_MAX_DOCS        XF_SEARCH_DOC_MASK
#define XF_SEARCH_MAX_CHARS       65535u

typedef struct
{
  char    magic[8];
  guint32 version;
  guint32 byte_order;
  gint64  generation;
  guint64 file_size;
  guint64 checksum;
  guint32 n_docs;
  guint32 n_laws;
  guint32 n_chars;
  guint32 n_bigrams;
  guint64 n_text;
  guint64 n_postings;
  guint32 n_headings;
  guint32 padding;
  guint64 n_strings;      /* bytes of the string pool */
  guint64 reserved[6];
} XfSearchHeader;

G_STATIC_ASSERT (sizeof (XfSearchHeader) % 8 == 0);

/* Byte offsets of the sections; each is padded to 8 bytes. */
typedef struct
{
  gsize chars;         /* guint32 code point of each code, ascending */
  gsize doc_articles;  /* gint64 article rowid of each document */
  gsize doc_laws;      /* guint32 law index of each document */
  gsize doc_starts;    /* guint32 text offset of each document, n_docs + 1 */
  gsize doc_numbers;   /* gint32 article number of each document */
  gsize doc_subs;      /* gint32 之一 number of each document */
  gsize doc_labels;    /* guint32 string offset of each document's label */
  gsize doc_headings;  /* guint32 heading index + 1 of each document, 0 for none */
  gsize laws;          /* gint64 law rowid of each law index, ascending */
  gsize law_titles;    /* guint32 string offset of each law's title */
  gsize heading_parents; /* guint32 parent heading index + 1, 0 for none */
  gsize heading_texts; /* guint32 string offset of "label title" */
  gsize strings;       /* NUL-terminated UTF-8, deduplicated */
  gsize uni_starts;    /* guint32 posting offset of each code, n_chars + 1 */
  gsize bi_keys;       /* guint32 code << 16 | code, ascending */
  gsize bi_starts;     /* guint32 posting offset of each bigram, n_bigrams + 1 */
  gsize postings;      /* guint32 doc | tf << 24 */
  gsize text;          /* guint16 codes */
  gsize end;
} XfSearchLayout;

/* A word-wise multiply–xor hash in four independent lanes: fast enough to
 * check a file of a few hundred megabytes each time it is opened. */
typedef struct
{
  guint64 lanes[4];
  guint64 n_words;
} XfSearchChecksum;

/* An index is either one buffer (built here, or a ":memory:" database's) or
 * a file: then its small tables are copied to the heap when it is opened
 * and checked, and the posting lists and texts, which are most of it, are
 * read with pread() as queries need them. Reading instead of mapping keeps
 * them out of the process's resident memory: the kernel maps file pages in
 * large folios, so touching a few scattered pages of a mapping would make
 * nearly all of it resident. */
struct _XfSearchIndex
{
  gatomicrefcount  ref_count;
  XfSearchHeader   header;
  GBytes          *bytes;         /* the whole index, or NULL */
  guint8          *tables;        /* heap copy of the small tables, or NULL */
  int              fd;            /* the file, or -1 */
  gsize            file_size;
  gsize            postings_at;   /* file offsets of the large sections */
  gsize            text_at;
  const guint32   *chars;
  const gint64    *doc_articles;
  const guint32   *doc_laws;
  const guint32   *doc_starts;
  const gint32    *doc_numbers;
  const gint32    *doc_subs;
  const guint32   *doc_labels;
  const guint32   *doc_headings;
  const gint64    *laws;
  const guint32   *law_titles;
  const guint32   *heading_parents;
  const guint32   *heading_texts;
  const char      *strings;
  const guint32   *uni_starts;
  const guint32   *bi_keys;
  const guint32   *bi_starts;
  const guint32   *postings;      /* NULL when read from the file */
  const guint16   *text;          /* NULL when read from the file */
};

/* Reads stretches of text codes, at least @window at a time, so that
 * neighbouring documents cost one read. */
typedef struct
{
  XfSearchIndex *index;
  guint32        window;
  guint16       *buffer;
  gsize          capacity;
  guint32        start;
  guint32        end;
} XfSearchTextReader;

/* The statutes as read for building, before the postings. */
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
} XfSearchCorpus;

void           xf_search_corpus_init          (XfSearchCorpus       *corpus);
void           xf_search_corpus_clear         (XfSearchCorpus       *corpus);
gboolean       xf_search_corpus_read          (XfSearchCorpus       *corpus,
                                               XfDatabase           *db,
                                               GCancellable         *cancellable,
                                               GError              **error);
void           xf_search_corpus_sort_codes    (XfSearchCorpus       *corpus,
                                               guint32              *sorted);
gboolean       xf_search_set_too_large        (GError              **error,
                                               const char           *what);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XfSearchCorpus, xf_search_corpus_clear)

gboolean       xf_search_index_compute_layout (const XfSearchHeader *header,
                                               XfSearchLayout       *layout);
XfSearchIndex *xf_search_index_new_trusted    (GBytes               *bytes,
                                               const XfSearchLayout *layout,
                                               GError              **error);
const guint32 *xf_search_index_read_postings  (XfSearchIndex        *self,
                                               guint32               start,
                                               guint32               n,
                                               guint32             **owned);
const guint16 *xf_search_text_reader_get      (XfSearchTextReader   *reader,
                                               guint32               start,
                                               guint32               end);
void           xf_search_text_reader_clear    (XfSearchTextReader   *reader);
const char    *xf_search_index_string         (XfSearchIndex        *self,
                                               guint32               offset);
void           xf_search_index_doc_range      (XfSearchIndex        *self,
                                               guint                 doc,
                                               guint32              *start,
                                               guint32              *end);
void           xf_search_checksum_init        (XfSearchChecksum     *sum);
void           xf_search_checksum_update      (XfSearchChecksum     *sum,
                                               const guint8         *data,
                                               gsize                 size);
guint64        xf_search_checksum_finish      (XfSearchChecksum     *sum);

/* Decodes one character at *@p and moves *@p past it; see xf_search_decode()
 * for what becomes of invalid bytes. */
static inline gunichar
xf_search_decode_char (const guchar **p,
                       const guchar  *end)
{
  const guchar *s = *p;
  guchar c = s[0];
  gunichar u;

  if (c < 0x80)
    {
      *p = s + 1;
      return c;
    }
  if (c >= 0xC2 && c <= 0xDF && end - s >= 2 && (s[1] & 0xC0) == 0x80)
    {
      *p = s + 2;
      return (c & 0x1F) << 6 | (s[1] & 0x3F);
    }
  if (c >= 0xE0 && c <= 0xEF && end - s >= 3 &&
      (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
    {
      u = (c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
      if (u >= 0x800 && (u < 0xD800 || u > 0xDFFF))
        {
          *p = s + 3;
          return u;
        }
    }
  if (c >= 0xF0 && c <= 0xF4 && end - s >= 4 &&
      (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
    {
      u = (c & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
      if (u >= 0x10000 && u <= 0x10FFFF)
        {
          *p = s + 4;
          return u;
        }
    }
  *p = s + 1;

  return 0xDC00 | c;
}

G_END_DECLS
