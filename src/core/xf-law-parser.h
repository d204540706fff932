/* xf-law-parser.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XF_PARSED_HEADING_PART,      /* 编 */
  XF_PARSED_HEADING_SUBPART,   /* 分编 */
  XF_PARSED_HEADING_CHAPTER,   /* 章 */
  XF_PARSED_HEADING_SECTION,   /* 节 */
} XfParsedHeadingKind;

typedef struct
{
  XfParsedHeadingKind  kind;
  const char          *label;      /* 第一章 */
  const char          *title;      /* 总则; "" when the heading has none */
  int                  parent;     /* index in XfParsedLaw.headings, or -1 */
  guint                position;   /* order among the law's headings, from 0 */
  guint                line;       /* 1-based line in the source */
} XfParsedHeading;

typedef struct
{
  guint        number;     /* 32 for 第三十二条 */
  guint        sub;        /* 1 for 第三十二条之一, else 0 */
  const char  *label;      /* 第三十二条, 第三十二条之一 */
  const char  *body;       /* 款 and 项 lines joined by "\n" */
  int          heading;    /* innermost heading index, or -1 */
  guint        line;       /* 1-based line of the 第X条 line */
} XfParsedArticle;

typedef struct
{
  char          *title;         /* 中华人民共和国民法典 */
  char          *part;          /* 物权编 for a 民法典 part file, else NULL */
  char          *version_date;  /* YYYY-MM-DD, or NULL when nothing tells */
  GPtrArray     *history;       /* (element-type utf8) lines before INFO END */
  GPtrArray     *preamble;      /* (element-type utf8) paragraphs (宪法's 序言) */
  GArray        *headings;      /* (element-type XfParsedHeading) */
  GArray        *articles;      /* (element-type XfParsedArticle) */
  guint          n_lines;
  /* The last line reads like a sentence cut short and the file does not end
   * in a newline: it was most likely truncated. */
  gboolean       ends_mid_sentence;
  guint          last_line;     /* 1-based line of the last text */
  /* The first line of text after the first heading that belongs to no
   * article (left out), or 0. */
  guint          orphan_line;

  /*< private >*/
  GStringChunk  *strings;
} XfParsedLaw;

XfParsedLaw *xf_law_parser_parse              (const char          *name,
                                               const char          *text,
                                               gsize                len);
void         xf_parsed_law_free               (XfParsedLaw         *law);
const char  *xf_parsed_heading_kind_to_string (XfParsedHeadingKind  kind);
char        *xf_law_parser_normalize_line     (const char          *text,
                                               gssize               len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfParsedLaw, xf_parsed_law_free)

G_END_DECLS
