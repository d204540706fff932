/* xf-law-parser.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-law-parser.h"

/* Reads one statute text (Markdown or plain text, valid UTF-8) into plain
 * structures; DESIGN.md §4 gives the rules. The parser never fails: what it
 * cannot place it leaves out, and the importer decides whether what is left
 * is a law. It runs over tens of megabytes in a bulk import, so lines are
 * scanned by hand rather than with regular expressions, and every string of
 * the result lives in one GStringChunk. */

#define N_RANKS 4

typedef struct
{
  XfParsedLaw *law;
  GString     *line;          /* the current line, normalised */
  GString     *body;          /* the open article's 款 */
  int          article;       /* the open article, or -1 */
  int          open[N_RANKS]; /* the innermost heading of each rank */
  int          last_number;
  gboolean     has_info_end;
  gboolean     info_end;      /* INFO END has passed */
  gboolean     in_comment;
  gboolean     started;       /* a heading or article has been seen */
  gboolean     title_done;
  gboolean     part_allowed;
  gboolean     in_toc;
  gboolean     last_was_body; /* the last text line belongs to an article */
  char        *toc_first;     /* the first heading label of a 目录 block */
} Parser;

const char *
xf_parsed_heading_kind_to_string (XfParsedHeadingKind kind)
{
  switch (kind)
    {
    case XF_PARSED_HEADING_PART:
      return "part";
    case XF_PARSED_HEADING_SUBPART:
      return "subpart";
    case XF_PARSED_HEADING_CHAPTER:
      return "chapter";
    case XF_PARSED_HEADING_SECTION:
      return "section";
    default:
      g_return_val_if_reached ("chapter");
    }
}

void
xf_parsed_law_free (XfParsedLaw *law)
{
  if (law == NULL)
    return;

  g_free (law->title);
  g_free (law->part);
  g_free (law->version_date);
  g_clear_pointer (&law->history, g_ptr_array_unref);
  g_clear_pointer (&law->preamble, g_ptr_array_unref);
  g_clear_pointer (&law->headings, g_array_unref);
  g_clear_pointer (&law->articles, g_array_unref);
  g_clear_pointer (&law->strings, g_string_chunk_free);
  g_free (law);
}

/* Spaces of every width become one ASCII space, runs collapse, the ends are
 * trimmed; zero-width characters and byte order marks go. Every rule
 * shortens or keeps the text, so it is written in place into a buffer of
 * the input's size. */
static void
normalize_into (GString    *out,
                const char *text,
                gsize       len)
{
  const guchar *s = (const guchar *)text;
  const guchar *end = s + len;
  char *start;
  char *w;
  gboolean space = FALSE;

  g_string_set_size (out, len);
  start = w = out->str;

  while (s < end)
    {
      guchar c = *s;
      gsize n = 1;
      gboolean is_space = FALSE;
      gboolean drop = FALSE;

      if (c < 0x80)
        is_space = c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
      else if (c == 0xC2 && s + 1 < end && s[1] == 0xA0)
        n = 2, is_space = TRUE;                                     /* U+00A0 */
      else if (c == 0xE2 && s + 2 < end && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
        n = 3, is_space = TRUE;                                     /* U+2000–200A, U+202F */
      else if (c == 0xE2 && s + 2 < end && s[1] == 0x80 && s[2] == 0x8B)
        n = 3, drop = TRUE;                                         /* U+200B */
      else if (c == 0xE2 && s + 2 < end && s[1] == 0x81 && s[2] == 0xA0)
        n = 3, drop = TRUE;                                         /* U+2060 */
      else if (c == 0xE3 && s + 2 < end && s[1] == 0x80 && s[2] == 0x80)
        n = 3, is_space = TRUE;                                     /* U+3000 */
      else if (c == 0xEF && s + 2 < end && s[1] == 0xBB && s[2] == 0xBF)
        n = 3, drop = TRUE;                                         /* U+FEFF */
      else
        n = MIN ((gsize)((c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2), (gsize)(end - s));

      if (is_space)
        space = TRUE;
      else if (!drop)
        {
          if (space && w > start)
            *w++ = ' ';
          space = FALSE;
          memcpy (w, s, n);
          w += n;
        }
      s += n;
    }

  g_string_truncate (out, w - start);
}

/**
 * xf_law_parser_normalize_line:
 * @text: a line of UTF-8 text
 * @len: its length in bytes, or -1
 *
 * Applies the parser's whitespace rules to one line: U+2002 EN SPACE, U+3000,
 * U+00A0 and other spaces become one ASCII space, runs collapse, the ends are
 * trimmed, and U+200B and U+FEFF are removed.
 *
 * Returns: (transfer full): the normalised line
 */
char *
xf_law_parser_normalize_line (const char *text,
                              gssize      len)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  normalize_into (out, text, len < 0 ? strlen (text) : (gsize)len);

  return g_string_free (out, FALSE);
}

static gboolean
is_numeral_char (const char *p,
                 const char *end)
{
  static const char * const chars[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "百", "千", "万", "零", "〇", "两",
  };

  if (end - p < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    if (memcmp (p, chars[i], 3) == 0)
      return TRUE;
  return FALSE;
}

/* Reads 第<numeral> from @p; returns the end of the numeral, or NULL. */
static const char *
read_ordinal (const char *p,
              const char *end,
              guint      *value)
{
  const char *start;

  if (end - p < 6 || memcmp (p, "第", 3) != 0)
    return NULL;
  p += 3;
  start = p;
  while (is_numeral_char (p, end))
    p += 3;
  if (p == start || !xf_chinese_numeral_parse (start, p - start, value))
    return NULL;
  return p;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize)(end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
is_cjk_at (const char *p)
{
  return (guchar)*p >= 0xE0;
}

/* 总 则 → 总则: a space between two Chinese characters of a heading title
 * only spreads the letters out (监察法 has 第一章 总 则). */
static char *
squeeze_title (GStringChunk *strings,
               const char   *title,
               const char   *end)
{
  GString *out = g_string_sized_new (end - title);
  const char *result;

  for (const char *p = title; p < end; p++)
    {
      if (*p == ' ' && out->len > 0 && p + 1 < end &&
          is_cjk_at (p + 1) && is_cjk_at (g_utf8_find_prev_char (out->str, out->str + out->len)))
        continue;
      g_string_append_c (out, *p);
    }
  result = g_string_chunk_insert_len (strings, out->str, out->len);
  g_string_free (out, TRUE);
  return (char *)result;
}

/* A heading's text: 第X编/分编/章/节, then its title. A plain line (not a
 * Markdown heading) only counts when it is short and has no sentence
 * punctuation, so that a 款 opening with 第二章规定的… stays a 款. */
static gboolean
parse_heading (const char          *text,
               gsize                len,
               gboolean             markdown,
               XfParsedHeadingKind *kind,
               const char         **label_end,
               const char         **title)
{
  static const struct { const char *word; XfParsedHeadingKind kind; } words[] = {
    { "分编", XF_PARSED_HEADING_SUBPART },
    { "编", XF_PARSED_HEADING_PART },
    { "章", XF_PARSED_HEADING_CHAPTER },
    { "节", XF_PARSED_HEADING_SECTION },
  };
  const char *end = text + len;
  const char *p;
  guint value;

  p = read_ordinal (text, end, &value);
  if (p == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (has_prefix (p, end, words[i].word))
      {
        *kind = words[i].kind;
        p += strlen (words[i].word);
        *label_end = p;
        if (p < end && *p == ' ')
          p++;
        else if (p < end && !markdown)
          return FALSE;
        *title = p;
        if (!markdown)
          {
            if (g_utf8_strlen (p, end - p) > 40)
              return FALSE;
            for (const char *q = p; q < end; q = g_utf8_next_char (q))
              if (has_prefix (q, end, "。") || has_prefix (q, end, "，") ||
                  has_prefix (q, end, "；") || has_prefix (q, end, "：") ||
                  has_prefix (q, end, "、"))
                return FALSE;
          }
        return TRUE;
      }

  return FALSE;
}

/* 第X条 or 第X条之Y, then a space, the end of the line, or the text itself. */
static gboolean
parse_article (Parser      *parser,
               const char  *text,
               gsize        len,
               guint       *number,
               guint       *sub,
               const char **label_end,
               const char **rest)
{
  const char *end = text + len;
  const char *p;

  p = read_ordinal (text, end, number);
  if (p == NULL || !has_prefix (p, end, "条"))
    return FALSE;
  p += strlen ("条");
  *sub = 0;
  if (has_prefix (p, end, "之") && is_numeral_char (p + 3, end))
    {
      const char *start = p + 3;
      const char *q = start;

      while (is_numeral_char (q, end))
        q += 3;
      if (!xf_chinese_numeral_parse (start, q - start, sub) || *sub == 0)
        return FALSE;
      p = q;
    }
  *label_end = p;

  if (p < end && *p == ' ')
    p++;
  else if (p < end)
    {
      /* Without a space, 第三十条规定的… may open a 款; take it for an
       * article only where it continues the numbering. */
      gboolean next = (*sub == 0 && (int)*number == parser->last_number + 1) ||
                      (*sub > 0 && (int)*number == parser->last_number);

      if (!next)
        return FALSE;
    }
  *rest = p;
  return TRUE;
}

static void
close_article (Parser *parser)
{
  XfParsedArticle *article;

  if (parser->article < 0)
    return;

  article = &g_array_index (parser->law->articles, XfParsedArticle, parser->article);
  article->body = g_string_chunk_insert_len (parser->law->strings,
                                             parser->body->str, parser->body->len);
  g_string_truncate (parser->body, 0);
  parser->article = -1;
}

static void
add_heading (Parser              *parser,
             XfParsedHeadingKind  kind,
             const char          *label,
             const char          *label_end,
             const char          *title,
             const char          *end,
             guint                line)
{
  XfParsedLaw *law = parser->law;
  XfParsedHeading heading = { 0 };

  close_article (parser);
  parser->started = TRUE;

  heading.kind = kind;
  heading.label = g_string_chunk_insert_len (law->strings, label, label_end - label);
  heading.title = squeeze_title (law->strings, title, end);
  heading.parent = -1;
  heading.position = law->headings->len;
  heading.line = line;

  for (int rank = (int)kind - 1; rank >= 0; rank--)
    if (parser->open[rank] >= 0)
      {
        heading.parent = parser->open[rank];
        break;
      }
  for (int rank = kind; rank < N_RANKS; rank++)
    parser->open[rank] = -1;
  parser->open[kind] = law->headings->len;

  g_array_append_val (law->headings, heading);
}

static int
innermost_heading (Parser *parser)
{
  for (int rank = N_RANKS - 1; rank >= 0; rank--)
    if (parser->open[rank] >= 0)
      return parser->open[rank];
  return -1;
}

static void
add_article (Parser     *parser,
             guint       number,
             guint       sub,
             const char *label,
             const char *label_end,
             const char *rest,
             const char *end,
             guint       line)
{
  XfParsedLaw *law = parser->law;
  XfParsedArticle article = { 0 };

  close_article (parser);
  parser->started = TRUE;
  parser->in_toc = FALSE;

  article.number = number;
  article.sub = sub;
  article.label = g_string_chunk_insert_len (law->strings, label, label_end - label);
  article.heading = innermost_heading (parser);
  article.line = line;
  g_array_append_val (law->articles, article);

  parser->article = law->articles->len - 1;
  parser->last_number = number;
  if (rest < end)
    g_string_append_len (parser->body, rest, end - rest);
}

/* 2019年4月23日: four digits, 年, one or two digits, 月, one or two, 日. */
static const char *
read_date (const char *p,
           const char *end,
           int        *y,
           int        *m,
           int        *d)
{
  int v[3] = { 0, 0, 0 };
  static const char * const marks[] = { "年", "月", "日" };
  const char *q = p;

  for (guint i = 0; i < 3; i++)
    {
      guint n = 0;

      while (q < end && g_ascii_isdigit (*q) && n < 4)
        v[i] = v[i] * 10 + (*q++ - '0'), n++;
      if ((i == 0 && n != 4) || (i > 0 && (n < 1 || n > 2)) || !has_prefix (q, end, marks[i]))
        return NULL;
      q += 3;
    }
  if (!g_date_valid_dmy (v[2], v[1], v[0]))
    return NULL;
  *y = v[0], *m = v[1], *d = v[2];
  return q;
}

static gboolean
starts_with_date (const char *text,
                  gsize       len)
{
  const char *end = text + len;
  int y, m, d;

  if (has_prefix (text, end, "（"))
    text += 3;
  else if (has_prefix (text, end, "("))
    text += 1;
  return read_date (text, end, &y, &m, &d) != NULL;
}

/* The version is the latest date of the history that enacts or amends, not
 * the one that only says when it takes effect (施行); each date's event runs
 * up to the next date, so one parenthesised line of several events works. */
static char *
history_version (GPtrArray *history)
{
  int best = 0;
  int best_any = 0;
  int value;

  for (guint i = 0; i < history->len; i++)
    {
      const char *line = g_ptr_array_index (history, i);
      const char *end = line + strlen (line);
      const char *p = line;

      while (p < end)
        {
          int y, m, d;
          const char *after = read_date (p, end, &y, &m, &d);
          const char *next;
          gboolean effect = FALSE;

          if (after == NULL)
            {
              p++;
              continue;
            }
          value = y * 10000 + m * 100 + d;
          for (next = after; next < end; next++)
            {
              int y2, m2, d2;

              if (g_ascii_isdigit (*next) && read_date (next, end, &y2, &m2, &d2))
                break;
              if (has_prefix (next, end, "施行"))
                effect = TRUE;
            }
          if (!effect)
            best = MAX (best, value);
          best_any = MAX (best_any, value);
          p = next;
        }
    }

  if (best == 0)
    best = best_any;
  if (best == 0)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", best / 10000, best / 100 % 100, best % 100);
}

/* 行政复议法(2023-09-01).md → 2023-09-01 */
static char *
name_version (const char *base)
{
  for (const char *p = base; *p != '\0'; p++)
    {
      const char *q = p;
      int y, m, d;

      if (*q == '(')
        q++;
      else if (g_str_has_prefix (q, "（"))
        q += 3;
      else
        continue;
      if (sscanf (q, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen (q) >= 10 &&
          q[4] == '-' && q[7] == '-' && (q[10] == ')' || g_str_has_prefix (q + 10, "）")) &&
          g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

/* 行政复议法(2023-09-01).md → 行政复议法 */
static char *
name_title (const char *base)
{
  g_autofree char *title = g_strdup (base);
  char *cut;

  if ((cut = strrchr (title, '.')) != NULL && cut != title)
    *cut = '\0';
  if ((cut = strchr (title, '(')) != NULL && cut != title)
    *cut = '\0';
  if ((cut = strstr (title, "（")) != NULL && cut != title)
    *cut = '\0';
  return xf_law_parser_normalize_line (title, -1);
}

static void
parse_line (Parser     *parser,
            const char *raw,
            gsize       raw_len,
            guint       lineno)
{
  XfParsedLaw *law = parser->law;
  const char *text;
  const char *end;
  gboolean markdown = FALSE;
  guint hashes = 0;
  XfParsedHeadingKind kind;
  const char *label_end;
  const char *rest;
  guint number, sub;

  normalize_into (parser->line, raw, raw_len);
  if (parser->line->len == 0)
    return;
  text = parser->line->str;
  end = text + parser->line->len;
  parser->last_was_body = FALSE;

  if (parser->in_comment)
    {
      if (strstr (text, "-->") != NULL)
        parser->in_comment = FALSE;
      return;
    }
  if (g_str_has_prefix (text, "<!--"))
    {
      if (strstr (text, "INFO END") != NULL)
        parser->info_end = TRUE;
      if (strstr (text + 4, "-->") == NULL)
        parser->in_comment = TRUE;
      return;
    }

  law->last_line = lineno;

  if (*text == '#')
    {
      while (text < end && *text == '#')
        text++, hashes++;
      while (text < end && *text == ' ')
        text++;
      markdown = TRUE;
      if (text == end)
        return;
    }

  if (!parser->title_done)
    {
      parser->title_done = TRUE;
      /* The first line names the law, unless the text starts right away. */
      if (!parse_heading (text, end - text, markdown, &kind, &label_end, &rest) &&
          !parse_article (parser, text, end - text, &number, &sub, &label_end, &rest))
        {
          law->title = g_strndup (text, end - text);
          parser->part_allowed = markdown && hashes == 1;
          return;
        }
    }

  if (g_str_equal (text, "目录") || g_str_equal (text, "目 录"))
    {
      /* A table of contents lists the headings once more before the text;
       * they are skipped until the first one comes round again. */
      close_article (parser);
      parser->part_allowed = FALSE;
      parser->in_toc = TRUE;
      g_clear_pointer (&parser->toc_first, g_free);
      return;
    }

  /* 民法典's parts open with a second level-one line: # 物权编 */
  if (parser->part_allowed)
    {
      parser->part_allowed = FALSE;
      if (markdown && hashes == 1 &&
          !parse_heading (text, end - text, TRUE, &kind, &label_end, &rest))
        {
          law->part = g_strdup (squeeze_title (law->strings, text, end));
          return;
        }
    }

  if (parse_heading (text, end - text, markdown, &kind, &label_end, &rest))
    {
      if (parser->in_toc)
        {
          g_autofree char *label = g_strndup (text, label_end - text);

          if (parser->toc_first == NULL)
            {
              parser->toc_first = g_steal_pointer (&label);
              return;
            }
          if (!g_str_equal (label, parser->toc_first))
            return;
          parser->in_toc = FALSE;
        }
      add_heading (parser, kind, text, label_end, rest, end, lineno);
      return;
    }

  if (parse_article (parser, text, end - text, &number, &sub, &label_end, &rest))
    {
      add_article (parser, number, sub, text, label_end, rest, end, lineno);
      parser->last_was_body = TRUE;
      return;
    }

  if (markdown)
    return;  /* ## 序言 and the like name a block, they hold no text */

  if (parser->in_toc)
    return;

  if (parser->article >= 0)
    {
      if (parser->body->len > 0)
        g_string_append_c (parser->body, '\n');
      g_string_append_len (parser->body, text, end - text);
      parser->last_was_body = TRUE;
      return;
    }

  if (!parser->started)
    {
      gboolean history;

      if (parser->has_info_end)
        history = !parser->info_end;
      else
        history = starts_with_date (text, end - text);
      g_ptr_array_add (history ? law->history : law->preamble,
                       g_string_chunk_insert_len (law->strings, text, end - text));
      return;
    }

  /* Text between a heading and its first article belongs to no article. */
  if (law->orphan_line == 0)
    law->orphan_line = lineno;
}

/**
 * xf_law_parser_parse:
 * @name: (nullable): the file name, for a version date in it
 *   (行政复议法(2023-09-01).md) and a title when the text has none
 * @text: valid UTF-8
 * @len: its length in bytes
 *
 * Parses one statute text. It does not fail; check the result's articles.
 *
 * Returns: (transfer full): the parsed law; free with xf_parsed_law_free()
 */
XfParsedLaw *
xf_law_parser_parse (const char *name,
                     const char *text,
                     gsize       len)
{
  g_autoptr(XfParsedLaw) law = g_new0 (XfParsedLaw, 1);
  g_autofree char *base = name ? g_path_get_basename (name) : NULL;
  Parser parser = { 0 };
  const char *p = text;
  const char *end = text + len;
  guint lineno = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  law->strings = g_string_chunk_new (MAX (len + len / 4, 4096));
  law->history = g_ptr_array_new ();
  law->preamble = g_ptr_array_new ();
  law->headings = g_array_new (FALSE, FALSE, sizeof (XfParsedHeading));
  law->articles = g_array_new (FALSE, FALSE, sizeof (XfParsedArticle));

  parser.law = law;
  parser.line = g_string_sized_new (1024);
  parser.body = g_string_sized_new (4096);
  parser.article = -1;
  parser.last_number = 0;
  for (guint i = 0; i < N_RANKS; i++)
    parser.open[i] = -1;
  parser.has_info_end = len > 0 && g_strstr_len (text, len, "<!-- INFO END -->") != NULL;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;

      parse_line (&parser, p, line_end - p, ++lineno);
      p = nl ? nl + 1 : end;
    }
  close_article (&parser);
  law->n_lines = lineno;

  if (law->title == NULL && base != NULL)
    law->title = name_title (base);
  if (law->title == NULL)
    law->title = g_strdup ("");

  if (base != NULL)
    law->version_date = name_version (base);
  if (law->version_date == NULL)
    law->version_date = history_version (law->history);

  /* A file that stops without a final newline in the middle of an article
   * sentence was most likely cut short. parser.line still holds the last
   * line. */
  if (len > 0 && text[len - 1] != '\n' && parser.last_was_body && parser.line->len > 0)
    {
      static const char * const closers[] = {
        "。", "；", "：", "！", "？", "”", "’", "）", ")", "」", "』", "》", "】", "…", ".",
      };
      gboolean closed = FALSE;

      for (guint i = 0; !closed && i < G_N_ELEMENTS (closers); i++)
        closed = g_str_has_suffix (parser.line->str, closers[i]);
      law->ends_mid_sentence = !closed;
    }

  g_string_free (parser.line, TRUE);
  g_string_free (parser.body, TRUE);
  g_free (parser.toc_first);

  return g_steal_pointer (&law);
}
