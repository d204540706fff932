/* xf-chinese-numeral.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-chinese-numeral.h"

/* Statutes number their articles, chapters and parts in Chinese numerals
 * (第一千零八十四条). The parser is strict on purpose: a line that only looks
 * like an article because it starts with 第 and some numeral characters must
 * not be taken for one, so colloquial short forms (一百三 for 130, 一万二)
 * are refused rather than guessed. */

enum
{
  NONE = -1,
};

static const char * const digits[] = {
  "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};

/* Every character this module knows is three bytes of UTF-8 (the BMP's CJK
 * block), so the text is read in steps of three. Returns the digit value,
 * or a unit of 10, 100, 1000 or 10000, or NONE. */
static int
decode_char (const char *p,
             gboolean   *is_unit,
             gboolean   *is_liang)
{
  static const struct { const char *text; int value; gboolean unit; } table[] = {
    { "零", 0, FALSE }, { "〇", 0, FALSE }, { "○", 0, FALSE },
    { "一", 1, FALSE }, { "二", 2, FALSE }, { "两", 2, FALSE },
    { "三", 3, FALSE }, { "四", 4, FALSE }, { "五", 5, FALSE },
    { "六", 6, FALSE }, { "七", 7, FALSE }, { "八", 8, FALSE },
    { "九", 9, FALSE }, { "十", 10, TRUE }, { "百", 100, TRUE },
    { "千", 1000, TRUE }, { "万", 10000, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (memcmp (p, table[i].text, 3) == 0)
      {
        *is_unit = table[i].unit;
        *is_liang = memcmp (p, "两", 3) == 0;
        return table[i].value;
      }

  return NONE;
}

/* 一〇八, 二〇二〇: positional digits without units. */
static gboolean
parse_positional (const int *values,
                  guint      n,
                  guint     *value)
{
  guint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      total = total * 10 + values[i];
      if (total > G_MAXUINT)
        return FALSE;
    }

  *value = (guint)total;
  return TRUE;
}

/**
 * xf_chinese_numeral_parse:
 * @text: UTF-8 text holding only a numeral, e.g. 一千二百六十
 * @len: its length in bytes, or -1 if nul-terminated
 * @value: (out): where to store the value
 *
 * Reads 一…九, 十, 百, 千, 万, 零, 〇 and 两 in the standard written form
 * (十二, 一百零三, 一千零一十, 两万) and positional digit strings (一〇八).
 *
 * Returns: %TRUE if all of @text is one well-formed numeral
 */
gboolean
xf_chinese_numeral_parse (const char *text,
                          gsize       len,
                          guint      *value)
{
  int values[32];
  gboolean units[32];
  gboolean liang[32];
  guint n = 0;
  gboolean any_unit = FALSE;
  guint64 total = 0;
  guint section = 0;
  int pending = NONE;
  int last_unit = 100000;   /* units must fall within a 万 section */
  int prev_unit = 0;        /* the unit right before the pending digit */
  gboolean zero = FALSE;    /* a 零 since the last unit */
  gboolean wan = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (len == (gsize)-1)
    len = strlen (text);
  if (len == 0 || len % 3 != 0 || len / 3 > G_N_ELEMENTS (values))
    return FALSE;

  for (gsize i = 0; i < len; i += 3)
    {
      values[n] = decode_char (text + i, &units[n], &liang[n]);
      if (values[n] == NONE)
        return FALSE;
      any_unit |= units[n];
      n++;
    }

  if (!any_unit)
    {
      gboolean ling = FALSE;

      /* A lone digit is itself. A longer run without units is positional
       * (一〇八) only when it holds a 〇 and does not start with one; 二三 is "two or three", not 23, and
       * 两 has no place in either. */
      for (guint i = 0; i < n; i++)
        {
          if (liang[i])
            return FALSE;
          ling |= values[i] == 0;
        }
      if (n > 1 && (!ling || values[0] == 0))
        return FALSE;
      return parse_positional (values, n, value);
    }

  for (guint i = 0; i < n; i++)
    {
      int v = values[i];

      if (!units[i])
        {
          if (pending != NONE)
            return FALSE;             /* two digits in a row: 二三 */
          if (v == 0)
            {
              if (i == 0 || i == n - 1)
                return FALSE;         /* 零三, 一百零 */
              zero = TRUE;
              continue;
            }
          pending = v;
          prev_unit = zero ? 0 : (i > 0 && units[i - 1] ? values[i - 1] : 0);
          continue;
        }

      if (v == 10000)
        {
          if (wan)
            return FALSE;
          if (pending != NONE)
            {
              if (prev_unit >= 100)
                return FALSE;         /* 一千二万 */
              section += pending;
            }
          if (section == 0)
            return FALSE;
          total = (guint64)section * 10000;
          section = 0;
          pending = NONE;
          last_unit = 100000;
          wan = TRUE;
          zero = FALSE;
          continue;
        }

      if (v >= last_unit)
        return FALSE;                 /* 十十, 十百 */
      if (pending == NONE)
        {
          /* Only 十 may stand without its digit (十二, 一千零十). */
          if (v != 10)
            return FALSE;
          pending = 1;
        }
      else if (i > 0 && liang[i - 1] && v == 10)
        return FALSE;                 /* 两十 */
      section += pending * v;
      pending = NONE;
      last_unit = v;
      zero = FALSE;
    }

  if (pending != NONE)
    {
      if (liang[n - 1])
        return FALSE;                 /* 十两 */
      if (prev_unit >= 100)
        return FALSE;                 /* 一百三, 一万二 */
      section += pending;
    }

  total += section;
  if (total > G_MAXUINT)
    return FALSE;

  *value = (guint)total;
  return TRUE;
}

/* Below 10000. @leading: the numeral starts here, so 10–19 read 十…
 * rather than 一十…. */
static void
format_section (GString  *out,
                guint     value,
                gboolean  leading)
{
  static const guint scale[] = { 1000, 100, 10, 1 };
  static const char * const names[] = { "千", "百", "十", "" };
  gboolean started = FALSE;
  gboolean gap = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scale); i++)
    {
      guint d = (value / scale[i]) % 10;

      if (d == 0)
        {
          if (started)
            gap = TRUE;
          continue;
        }
      if (gap)
        g_string_append (out, digits[0]);
      gap = FALSE;
      if (!(d == 1 && scale[i] == 10 && leading && !started))
        g_string_append (out, digits[d]);
      g_string_append (out, names[i]);
      started = TRUE;
    }
}

/**
 * xf_chinese_numeral_format:
 * @value: a number
 *
 * Writes @value as statutes do: 十二, 一百一十, 一千零八十四, 二千.
 * Values reach up to 万 (below 100000000), as xf_chinese_numeral_parse()
 * reads them.
 *
 * Returns: (transfer full): the numeral
 */
char *
xf_chinese_numeral_format (guint value)
{
  GString *out;

  g_return_val_if_fail (value < 100000000, NULL);

  out = g_string_new (NULL);
  if (value == 0)
    {
      g_string_append (out, digits[0]);
      return g_string_free (out, FALSE);
    }

  if (value >= 10000)
    {
      guint low = value % 10000;

      format_section (out, value / 10000, TRUE);
      g_string_append (out, "万");
      if (low > 0)
        {
          if (low < 1000)
            g_string_append (out, digits[0]);
          format_section (out, low, FALSE);
        }
      return g_string_free (out, FALSE);
    }

  format_section (out, value, TRUE);
  return g_string_free (out, FALSE);
}
