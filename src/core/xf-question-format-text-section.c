/* xf-question-format-text-section.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-question-format-text-private.h"

/* Section headers of a question paper (一、单选题（每题1分，共40分）):
 * the type of the questions after them and the score of each. */

/* Reads a number in digits (1, 1.5, full-width １) or Chinese (二, 十五). */
gboolean
xf_text_read_number (const char **p,
                     const char  *end,
                     double      *value)
{
  static const char * const cjk_digits[] = {
    "零", "〇", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", NULL
  };
  char digits[16];
  gsize n_digits = 0;
  gboolean point = FALSE;
  const char *q = *p;
  guint number = 0;
  gsize n;

  while (q < end && n_digits + 1 < sizeof digits)
    {
      gunichar c = g_utf8_get_char (q);
      const char *next = g_utf8_next_char (q);

      if (c >= '0' && c <= '9')
        digits[n_digits++] = (char)c;
      else if (c >= 0xFF10 && c <= 0xFF19)
        digits[n_digits++] = (char)('0' + c - 0xFF10);
      else if ((c == '.' || c == 0xFF0E) && n_digits > 0 && !point && next < end &&
               g_unichar_isdigit (g_utf8_get_char (next)))
        {
          digits[n_digits++] = '.';
          point = TRUE;
        }
      else
        break;
      q = next;
    }
  if (n_digits > 0)
    {
      digits[n_digits] = '\0';
      *value = g_ascii_strtod (digits, NULL);
      *p = q;
      return TRUE;
    }

  while (q - *p < 12 && (n = xf_text_match_any (q, end, cjk_digits)) > 0)
    q += n;
  if (q == *p || !xf_chinese_numeral_parse (*p, q - *p, &number))
    return FALSE;
  *value = number;
  *p = q;
  return TRUE;
}

/* The score a header gives each question: 每题1分, 每小题 1.5 分, or the
 * total shared out: 共20题，共40分. */
static double
parse_score (const char *p,
             const char *end)
{
  double per = -1;
  double count = -1;
  double total = -1;
  const char *each = NULL;

  while (p < end)
    {
      const char *start = p;
      double value;

      if (g_str_has_prefix (p, "每"))
        each = p;
      if (!xf_text_read_number (&p, end, &value))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      while (p < end && xf_text_is_blank_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if ((gsize)(end - p) >= strlen ("分") && g_str_has_prefix (p, "分"))
        {
          if (each != NULL && start - each <= 12)
            per = value;
          else
            total = value;
        }
      else if (g_str_has_prefix (p, "题") || g_str_has_prefix (p, "小题") || g_str_has_prefix (p, "道"))
        count = value;
    }
  if (per < 0 && count > 0 && total >= 0)
    per = total / count;
  /* A score no question can have is a misreading: keep the default */
  return per <= 1000 ? per : -1;
}

static const struct
{
  const char        *word;
  XfTextSectionKind  kind;
} section_words[] = {
  { "单项选择题", XF_TEXT_SECTION_SINGLE }, { "单项选择", XF_TEXT_SECTION_SINGLE },
  { "单选题", XF_TEXT_SECTION_SINGLE }, { "单选", XF_TEXT_SECTION_SINGLE },
  { "多项选择题", XF_TEXT_SECTION_MULTIPLE }, { "多项选择", XF_TEXT_SECTION_MULTIPLE },
  { "多选题", XF_TEXT_SECTION_MULTIPLE }, { "多选", XF_TEXT_SECTION_MULTIPLE },
  { "不定项选择题", XF_TEXT_SECTION_CHOICE }, { "不定项选择", XF_TEXT_SECTION_CHOICE },
  { "不定项", XF_TEXT_SECTION_CHOICE }, { "选择题", XF_TEXT_SECTION_CHOICE },
  { "判断题", XF_TEXT_SECTION_TRUE_FALSE }, { "是非题", XF_TEXT_SECTION_TRUE_FALSE },
  { "判断", XF_TEXT_SECTION_TRUE_FALSE },
  { "完形填空", XF_TEXT_SECTION_UNSUPPORTED },
  { "填空题", XF_TEXT_SECTION_FILL }, { "填空", XF_TEXT_SECTION_FILL },
  { "简答题", XF_TEXT_SECTION_ESSAY }, { "简答", XF_TEXT_SECTION_ESSAY },
  { "问答题", XF_TEXT_SECTION_ESSAY }, { "论述题", XF_TEXT_SECTION_ESSAY },
  { "案例分析题", XF_TEXT_SECTION_ESSAY }, { "案例分析", XF_TEXT_SECTION_ESSAY },
  { "连线题", XF_TEXT_SECTION_UNSUPPORTED }, { "匹配题", XF_TEXT_SECTION_UNSUPPORTED },
  { "计算题", XF_TEXT_SECTION_UNSUPPORTED },
};

static gsize
match_chinese_numeral (const char *p,
                       const char *end)
{
  static const char * const numerals[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL
  };
  const char *q = p;
  gsize n;

  while (q - p < 9 && (n = xf_text_match_any (q, end, numerals)) > 0)
    q += n;
  return q - p;
}

/* A question's number in digits and a mark (1、 2. 3．) at @p, which is
 * not preceded by a digit. */
static gboolean
digit_marker_at (const char *p,
                 const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q == p)
    return FALSE;
  if (q < end && *q == '.')
    q++;
  else if (g_str_has_prefix (q, "、") || g_str_has_prefix (q, "．"))
    q += 3;
  else
    return FALSE;
  return q >= end || !g_ascii_isdigit (*q);
}

/* Where a header's own text ends on its line: after a bracket that follows
 * the type ("（每题1分，共40分）"), else at the end of the line or where a
 * question starts on it. */
static const char *
section_end (const char *p,
             const char *end)
{
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const closes[] = { "）", ")", NULL };
  const char *limit = end - p > 240 ? p + 240 : end;
  const char *q = p + xf_text_blanks_at (p, end);
  gsize n;

  q += xf_text_match_colon (q, end);
  if ((n = xf_text_match_any (q, end, opens)) > 0)
    {
      for (const char *r = q + n; r < limit && *r != '\n'; r = g_utf8_next_char (r))
        if ((n = xf_text_match_any (r, end, closes)) > 0)
          return r + n;
      return p;
    }
  for (const char *r = q; r < limit; r = g_utf8_next_char (r))
    if (*r == '\n' || (digit_marker_at (r, end) && (r == q || !g_ascii_isdigit (r[-1]))))
      return r;
  return limit == end ? end : p;
}

/**
 * xf_text_match_section:
 * @section: (out caller-allocates): what the header says, when it is one
 *
 * Recognises a section header at @p: 一、单选题（每题1分）, 二．多项选择题,
 * 第三部分 判断题, （四）填空题, or at the start of a line the type alone
 * (单选题（共20题）).
 *
 * Returns: the header's length, or 0
 */
gsize
xf_text_match_section (const char    *p,
                       const char    *end,
                       gboolean       at_line_start,
                       XfTextSection *section)
{
  static const char * const marks[] = { "、", "．", ".", "：", ":", NULL };
  static const char * const parts[] = { "部分", "大题", NULL };
  static const char * const opens[] = { "（", "(", NULL };
  static const char * const closes[] = { "）", ")", NULL };
  const char *q = p;
  const char *type_start;
  const char *type_end;
  gboolean numbered = FALSE;
  gsize n;

  if (g_str_has_prefix (q, "第") && (n = match_chinese_numeral (q + strlen ("第"), end)) > 0 &&
      xf_text_match_any (q + strlen ("第") + n, end, parts) > 0)
    {
      q += strlen ("第") + n;
      q += xf_text_match_any (q, end, parts);
      q += xf_text_match_any (q, end, marks);
      numbered = TRUE;
    }
  else if ((n = xf_text_match_any (q, end, opens)) > 0 && match_chinese_numeral (q + n, end) > 0)
    {
      gsize m = match_chinese_numeral (q + n, end);
      gsize c = xf_text_match_any (q + n + m, end, closes);

      if (c == 0)
        return 0;
      q += n + m + c;
      numbered = TRUE;
    }
  else if ((n = match_chinese_numeral (q, end)) > 0 && xf_text_match_any (q + n, end, marks) > 0)
    {
      q += n;
      q += xf_text_match_any (q, end, marks);
      numbered = TRUE;
    }
  if (!numbered && !at_line_start)
    return 0;

  q += xf_text_blanks_at (q, end);
  if (g_str_has_prefix (q, "【"))
    q += strlen ("【");
  type_start = q;
  for (guint i = 0; i < G_N_ELEMENTS (section_words); i++)
    if ((n = xf_text_match_any (q, end, (const char * const[]){ section_words[i].word, NULL })) > 0)
      {
        section->kind = section_words[i].kind;
        q += n;
        break;
      }
  if (q == type_start)
    return 0;
  type_end = q;
  if (g_str_has_prefix (q, "】"))
    q += strlen ("】");

  if (!numbered)
    {
      /* The type alone is a header only when nothing but a bracket, a colon
       * or the end of the line follows it. */
      const char *r = q + xf_text_blanks_at (q, end);

      if (!(r == end || *r == '\n' || xf_text_match_colon (r, end) > 0 ||
            xf_text_match_any (r, end, opens) > 0))
        return 0;
    }

  q = section_end (q, end);
  if (q < type_end)
    q = type_end;
  section->score = parse_score (type_end, q);
  section->name = g_strndup (type_start, type_end - type_start);
  if (section->kind == XF_TEXT_SECTION_UNSUPPORTED && !g_str_has_suffix (section->name, "题"))
    {
      char *name = g_strconcat (section->name, "题", NULL);

      g_free (section->name);
      section->name = name;
    }
  return q - p;
}

void
xf_text_section_clear (XfTextSection *section)
{
  g_clear_pointer (&section->name, g_free);
}
