/* xf-question-format-text-marks.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-format-text-private.h"

/* The small things the plain-text reader recognises: characters, option
 * letters, question numbers, answers written as letters or true/false
 * marks, and the marks it looks ahead for (see xf_text_memo_find()). */

static const char * const opens[] = { "（", "(", NULL };
static const char * const closes[] = { "）", ")", NULL };

static const char * const option_marks[] = { "．", "、", "：", ".", ":", NULL };
static const char * const option_marks_line_start[] = { "．", "、", "：", "）", ".", ":", ")", NULL };

/* True and false in turn, longest first where one begins another */
static const char * const true_false_words[] = {
  "正确", "错误", "TRUE", "FALSE", "True", "False", "true", "false",
  "对", "错", "√", "×", "✓", "✗", "✔", "✘", "Ｔ", "Ｆ", "T", "F", NULL
};

gboolean
xf_text_is_blank_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0x00A0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

static gunichar
char_at (const char *p,
         const char *end)
{
  return p < end ? g_utf8_get_char (p) : 0;
}

gunichar
xf_text_char_before (const char *text,
                     const char *p)
{
  return p > text ? g_utf8_get_char (g_utf8_find_prev_char (text, p)) : '\n';
}

/**
 * xf_text_letter_at:
 * @len: (out): the letter's length in bytes
 *
 * Returns: 0 for A (or full-width Ａ) … 7 for H, else -1
 */
int
xf_text_letter_at (const char *p,
                   const char *end,
                   gsize      *len)
{
  if (p < end && *p >= 'A' && *p <= 'H')
    {
      *len = 1;
      return *p - 'A';
    }
  /* Ａ is U+FF21: EF BC A1 */
  if (end - p >= 3 && (guchar)p[0] == 0xEF && (guchar)p[1] == 0xBC &&
      (guchar)p[2] >= 0xA1 && (guchar)p[2] <= 0xA8)
    {
      *len = 3;
      return (guchar)p[2] - 0xA1;
    }
  return -1;
}

gsize
xf_text_match_colon (const char *p,
                     const char *end)
{
  if (p < end && *p == ':')
    return 1;
  if (end - p >= 3 && memcmp (p, "：", 3) == 0)
    return 3;
  return 0;
}

/* @words: longest first where one begins another */
gsize
xf_text_match_any (const char         *p,
                   const char         *end,
                   const char * const *words)
{
  if (p >= end)
    return 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n;

      /* Most words are Chinese: their first byte alone tells little */
      if (words[i][0] != p[0] || (words[i][1] != '\0' && (p + 1 >= end || words[i][1] != p[1])))
        continue;
      n = strlen (words[i]);

      if ((gsize)(end - p) >= n && memcmp (p, words[i], n) == 0)
        return n;
    }
  return 0;
}

gsize
xf_text_blanks_at (const char *p,
                   const char *end)
{
  const char *q = p;

  while (q < end && xf_text_is_blank_char (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  return q - p;
}

gboolean
xf_text_is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

gboolean
xf_text_is_wide_alnum (gunichar c)
{
  return (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

static gboolean
is_ascii_alnum_at (const char *p,
                   const char *end)
{
  return p < end && g_ascii_isalnum (*p);
}

static gboolean
is_separator (gunichar c)
{
  return c == 0x3001 /* 、 */ || c == ',' || c == 0xFF0C /* ， */ || c == '/' || xf_text_is_blank_char (c);
}

/* A letter of an answer, either case, either width: 0 for A. */
static int
answer_letter_at (const char *p,
                  const char *end,
                  gsize      *len)
{
  int index = xf_text_letter_at (p, end, len);

  if (index >= 0)
    return index;
  if (p < end && *p >= 'a' && *p <= 'h')
    {
      *len = 1;
      return *p - 'a';
    }
  if (end - p >= 3 && (guchar)p[0] == 0xEF && (guchar)p[1] == 0xBD &&
      (guchar)p[2] >= 0x81 && (guchar)p[2] <= 0x88)
    {
      *len = 3;
      return (guchar)p[2] - 0x81;
    }
  return -1;
}

/**
 * xf_text_match_answer_token:
 * @letters: accept option letters ("B", "ACD", "A、C、D")
 * @true_false: accept a true/false word (对, 错误, √, T …)
 *
 * Returns: the length of the answer written at @p, or 0
 */
gsize
xf_text_match_answer_token (const char *p,
                            const char *end,
                            gboolean    letters,
                            gboolean    true_false)
{
  if (letters)
    {
      const char *q = p;
      const char *last = NULL;
      gsize len;

      while (answer_letter_at (q, end, &len) >= 0)
        {
          const char *r;

          q += len;
          last = q;
          /* Separators only between letters */
          for (r = q; r < end && is_separator (g_utf8_get_char (r)); r = g_utf8_next_char (r))
            ;
          if (answer_letter_at (r, end, &len) < 0)
            break;
          q = r;
        }
      if (last != NULL && !is_ascii_alnum_at (last, end))
        return last - p;
    }
  if (true_false)
    {
      gsize n = xf_text_match_any (p, end, true_false_words);

      if (n > 0 && !(g_ascii_isalpha (*p) && is_ascii_alnum_at (p + n, end)))
        return n;
    }
  return 0;
}

/* What a bracket in a stem holds when it gives the answer: "A", " B ",
 * "A、C、D", "√", "对", "错误". */
gboolean
xf_text_bracket_holds_answer (const char *content,
                              gsize       len)
{
  const char *end = content + len;
  const char *p = content;
  gsize n;

  while (p < end && xf_text_is_blank_char (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (end > p && xf_text_is_blank_char (g_utf8_get_char (g_utf8_find_prev_char (p, end))))
    end = g_utf8_find_prev_char (p, end);
  if (p == end)
    return FALSE;
  n = xf_text_match_answer_token (p, end, TRUE, TRUE);
  return n == (gsize)(end - p);
}

/* An answer that names options: "B", "A、C、D", "（ B ）", "ACD。" */
char *
xf_text_parse_letters (const char *text)
{
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const tails[] = { "）", ")", "。", ".", "；", ";", NULL };
  const char *end = text + strlen (text);
  const char *p = text + xf_text_blanks_at (text, end);
  GString *letters;
  gsize len;
  gsize n;

  p += xf_text_match_any (p, end, opens);
  p += xf_text_blanks_at (p, end);
  n = xf_text_match_answer_token (p, end, TRUE, FALSE);
  if (n == 0)
    return NULL;
  for (const char *q = p + n; q < end; q = g_utf8_next_char (q))
    if (!xf_text_is_blank_char (g_utf8_get_char (q)) && xf_text_match_any (q, end, tails) == 0)
      return NULL;

  letters = g_string_new (NULL);
  for (const char *q = p; q < p + n; )
    {
      int index = answer_letter_at (q, end, &len);

      if (index >= 0)
        {
          g_string_append_c (letters, 'A' + index);
          q += len;
        }
      else
        q = g_utf8_next_char (q);
    }
  return g_string_free (letters, FALSE);
}

/* A true/false answer, bare or in brackets, maybe followed by a full stop. */
gboolean
xf_text_parse_true_false (const char *text,
                          gboolean   *value)
{
  static const char * const marks[] = { "（", "）", "(", ")", "。", ".", "！", "!", NULL };
  const char *end = text + strlen (text);
  GString *bare = g_string_sized_new (16);
  gboolean ok;

  /* Without brackets, stops and spaces: "( 错 )。" is 错 */
  for (const char *p = text; p < end; )
    {
      const char *next = g_utf8_next_char (p);
      gsize n = xf_text_match_any (p, end, marks);

      if (n > 0)
        next = p + n;
      else if (!xf_text_is_blank_char (g_utf8_get_char (p)))
        g_string_append_len (bare, p, next - p);
      p = next;
    }
  /* The usual marks first: xf_question_parse_true_false() normalises */
  for (guint i = 0; true_false_words[i] != NULL; i++)
    if (g_str_equal (bare->str, true_false_words[i]))
      {
        *value = i % 2 == 0;
        g_string_free (bare, TRUE);
        return TRUE;
      }
  ok = xf_question_parse_true_false (bare->str, value);
  g_string_free (bare, TRUE);
  return ok;
}

/* Digits, either width: returns the count of characters read. */
static guint
read_digits (const char **p,
             const char  *end,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (*p < end && n < 5)
    {
      gunichar c = g_utf8_get_char (*p);

      if (c >= '0' && c <= '9')
        v = v * 10 + (c - '0');
      else if (c >= 0xFF10 && c <= 0xFF19)
        v = v * 10 + (c - 0xFF10);
      else
        break;
      *p = g_utf8_next_char (*p);
      n++;
    }
  *value = v;
  return n;
}

static gboolean
is_digit_at (const char *p,
             const char *end)
{
  gunichar c = char_at (p, end);

  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* A question's number: 1、 2. 3． at any point, and at the start of a line
 * also 4) （5） 第6题; in an answer key also a range: 1-5 or 1～5. */
gboolean
xf_text_match_number (const char   *p,
                      const char   *end,
                      gboolean      line_start,
                      gboolean      ranges,
                      XfTextMarker *m)
{
  static const char * const marks[] = { "、", "．", ".", NULL };
  static const char * const dashes[] = { "-", "－", "–", "—", "~", "～", "至", NULL };
  const char *q = p;
  gsize n;

  m->last = 0;
  if (line_start && (n = xf_text_match_any (q, end, opens)) > 0)
    {
      q += n;
      if (read_digits (&q, end, &m->number) == 0 || (n = xf_text_match_any (q, end, closes)) == 0)
        return FALSE;
      m->style = XF_TEXT_STYLE_BRACKETS;
      q += n;
    }
  else if (line_start && g_str_has_prefix (q, "第"))
    {
      q += strlen ("第");
      q += xf_text_blanks_at (q, end);
      if (read_digits (&q, end, &m->number) == 0)
        return FALSE;
      q += xf_text_blanks_at (q, end);
      if (!g_str_has_prefix (q, "题"))
        return FALSE;
      q += strlen ("题");
      q += xf_text_match_any (q, end, marks) + xf_text_match_colon (q, end);
      m->style = XF_TEXT_STYLE_DI_TI;
    }
  else
    {
      if (read_digits (&q, end, &m->number) == 0)
        return FALSE;
      if (ranges && (n = xf_text_match_any (q, end, dashes)) > 0)
        {
          const char *r = q + n;

          if (read_digits (&r, end, &m->last) > 0 && m->last > m->number && m->last - m->number < 100)
            {
              q = r;
              n = xf_text_match_any (q, end, marks) + xf_text_match_colon (q, end);
              if (n == 0 && xf_text_blanks_at (q, end) == 0)
                return FALSE;
              q += n;
              m->style = XF_TEXT_STYLE_DIGITS;
              m->after = q + xf_text_blanks_at (q, end);
              return m->number > 0;
            }
          m->last = 0;
        }
      if ((n = xf_text_match_any (q, end, marks)) == 0 &&
          !(line_start && (n = xf_text_match_any (q, end, closes)) > 0))
        return FALSE;
      q += n;
      if (is_digit_at (q, end))
        return FALSE;
      m->style = XF_TEXT_STYLE_DIGITS;
    }
  /* In the middle of a line a number needs text after it */
  if (m->number == 0 || (!line_start && (q >= end || *q == '\n')))
    return FALSE;
  m->last = m->number;
  m->after = q + xf_text_blanks_at (q, end);
  return TRUE;
}

static gboolean
delimited_at (const char *text,
              const char *end,
              const char *p,
              int         letter)
{
  gunichar before;
  gsize len;

  if (xf_text_letter_at (p, end, &len) != letter)
    return FALSE;
  before = xf_text_char_before (text, p);
  if (xf_text_is_ascii_alnum (before) || xf_text_is_wide_alnum (before) || before == '(' || before == 0xFF08)
    return FALSE;
  return xf_text_match_any (p + len, end, option_marks) > 0;
}

gboolean
xf_text_undelimited_at (const char *text,
                        const char *end,
                        const char *p,
                        int         letter)
{
  gunichar before;
  gunichar after;
  gsize len;

  if (xf_text_letter_at (p, end, &len) != letter || p + len >= end)
    return FALSE;
  before = xf_text_char_before (text, p);
  after = g_utf8_get_char (p + len);
  if (xf_text_is_ascii_alnum (before) || xf_text_is_wide_alnum (before) ||
      xf_text_is_ascii_alnum (after) || xf_text_is_wide_alnum (after))
    return FALSE;
  if (after == '\n' || xf_text_is_blank_char (after) ||
      xf_text_match_any (p + len, end, option_marks_line_start) > 0 ||
      after == ',' || after == 0xFF0C)
    return FALSE;
  return TRUE;
}

static gboolean
answer_mark_at (const char *p,
                const char *end)
{
  static const char * const marks[] = {
    "【答案】", "【正确答案】", "【参考答案】", "【标准答案】", NULL
  };

  if (xf_text_match_any (p, end, marks) > 0)
    return TRUE;
  if (g_str_has_prefix (p, "答案"))
    {
      const char *q = p + strlen ("答案");

      return xf_text_match_colon (q + xf_text_blanks_at (q, end), end) > 0;
    }
  return FALSE;
}

gboolean
xf_text_answer_bracket_at (const char *p,
                           const char *end)
{
  gsize n = xf_text_match_any (p, end, opens);

  if (n == 0)
    return FALSE;
  for (const char *q = p + n; q < end && q - p < 48 && *q != '\n'; q = g_utf8_next_char (q))
    if (xf_text_match_any (q, end, closes) > 0)
      return xf_text_bracket_holds_answer (p + n, q - p - n);
  return FALSE;
}

static gboolean
numbered_line_at (const char *p,
                  const char *end)
{
  XfTextMarker m;

  if (*p != '\n')
    return FALSE;
  p++;
  return xf_text_match_number (p + xf_text_blanks_at (p, end), end, TRUE, FALSE, &m);
}

static gboolean
memo_matches (XfTextScanner *s,
              guint          kind,
              const char    *p)
{
  if (kind < XF_TEXT_MEMO_UNDELIMITED)
    return delimited_at (s->text, s->end, p, kind - XF_TEXT_MEMO_DELIMITED);
  if (kind < XF_TEXT_MEMO_NEWLINE)
    return xf_text_undelimited_at (s->text, s->end, p, kind - XF_TEXT_MEMO_UNDELIMITED);
  switch (kind)
    {
    case XF_TEXT_MEMO_NEWLINE:
      return *p == '\n';
    case XF_TEXT_MEMO_ANSWER_MARK:
      return answer_mark_at (p, s->end);
    case XF_TEXT_MEMO_ANSWER_BRACKET:
      return xf_text_answer_bracket_at (p, s->end);
    case XF_TEXT_MEMO_NUMBERED_LINE:
    default:
      return numbered_line_at (p, s->end);
    }
}

/* The first position at or after @from where @kind matches, or the end.
 * Each stretch of text is searched once per kind: a search from before
 * the last one's start only searches up to it. */
const char *
xf_text_memo_find (XfTextScanner *s,
                   guint          kind,
                   const char    *from)
{
  XfTextMemo *memo = &s->memos[kind];
  const char *limit = s->end;
  const char *q;

  if (memo->from != NULL && from <= memo->found)
    {
      if (from >= memo->from)
        return memo->found;
      limit = memo->from;
    }
  for (q = from; q < limit; q++)
    if ((*q & 0xC0) != 0x80 && memo_matches (s, kind, q))
      break;
  if (q == limit && limit != s->end)
    q = memo->found;
  memo->from = from;
  memo->found = q;
  return q;
}
