/* test-chinese-numeral.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-chinese-numeral.h"

static guint
parse_ok (const char *text)
{
  guint value = G_MAXUINT;

  if (!xf_chinese_numeral_parse (text, -1, &value))
    g_error ("“%s” did not parse", text);
  return value;
}

static void
test_parse_known (void)
{
  static const struct { const char *text; guint value; } cases[] = {
    { "一", 1 }, { "九", 9 }, { "十", 10 }, { "十二", 12 }, { "二十", 20 },
    { "二十一", 21 }, { "九十九", 99 }, { "一百", 100 }, { "一百零三", 103 },
    { "一百一十", 110 }, { "一百一十二", 112 }, { "二百", 200 }, { "两百", 200 },
    { "一千", 1000 }, { "一千零一", 1001 }, { "一千零一十", 1010 }, { "一千零十", 1010 },
    { "一千零八十四", 1084 }, { "一千二百六十", 1260 }, { "一千二百五十九", 1259 },
    { "二千", 2000 }, { "两千", 2000 }, { "一万", 10000 }, { "一万零一", 10001 },
    { "两万三千", 23000 }, { "十万", 100000 }, { "一十二", 12 }, { "零", 0 },
    { "〇", 0 }, { "一〇八", 108 }, { "一千〇三", 1003 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (parse_ok (cases[i].text), ==, cases[i].value);
}

static void
test_parse_length (void)
{
  const char *text = "三十二条";
  guint value = 0;

  /* Only the given bytes are read: 三十二 out of 三十二条. */
  g_assert_true (xf_chinese_numeral_parse (text, strlen ("三十二"), &value));
  g_assert_cmpuint (value, ==, 32);
  g_assert_false (xf_chinese_numeral_parse (text, -1, &value));
}

static void
test_parse_odd (void)
{
  static const char * const bad[] = {
    "",          /* nothing */
    "条",        /* not a numeral */
    "1",         /* ASCII digits are not Chinese numerals */
    "十十",      /* a unit twice */
    "十百",      /* units rising */
    "百",        /* 百 needs its digit */
    "千二",      /* likewise */
    "二三",      /* two or three, not 23 */
    "一百三",    /* colloquial 130 */
    "一万二",    /* colloquial 12000 */
    "一千二万",  /* colloquial */
    "两",        /* 两 only before a unit */
    "十两",
    "两十",
    "零三",      /* a leading zero */
    "一百零",    /* a trailing zero */
    "万",
    "一万万",
    "三十二条",
    "一\xe4",    /* a cut UTF-8 sequence */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint value = 4242;

      if (xf_chinese_numeral_parse (bad[i], -1, &value))
        g_error ("“%s” parsed as %u", bad[i], value);
      g_assert_cmpuint (value, ==, 4242);
    }
}

static void
test_format_known (void)
{
  static const struct { guint value; const char *text; } cases[] = {
    { 0, "零" }, { 1, "一" }, { 10, "十" }, { 12, "十二" }, { 20, "二十" },
    { 100, "一百" }, { 103, "一百零三" }, { 110, "一百一十" }, { 119, "一百一十九" },
    { 200, "二百" }, { 1000, "一千" }, { 1001, "一千零一" }, { 1010, "一千零一十" },
    { 1084, "一千零八十四" }, { 1260, "一千二百六十" }, { 2000, "二千" },
    { 10000, "一万" }, { 10010, "一万零一十" }, { 12345, "一万二千三百四十五" },
    { 100000, "十万" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = xf_chinese_numeral_format (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  for (guint n = 0; n <= 2000; n++)
    {
      g_autofree char *text = xf_chinese_numeral_format (n);
      guint back = G_MAXUINT;

      g_assert_true (xf_chinese_numeral_parse (text, -1, &back));
      g_assert_cmpuint (back, ==, n);
    }

  /* And sparse samples further out. */
  for (guint n = 2001; n < 10000000; n = n * 3 + 7)
    {
      g_autofree char *text = xf_chinese_numeral_format (n);
      guint back = G_MAXUINT;

      g_assert_true (xf_chinese_numeral_parse (text, -1, &back));
      g_assert_cmpuint (back, ==, n);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chinese-numeral/parse-known", test_parse_known);
  g_test_add_func ("/chinese-numeral/parse-length", test_parse_length);
  g_test_add_func ("/chinese-numeral/parse-odd", test_parse_odd);
  g_test_add_func ("/chinese-numeral/format-known", test_format_known);
  g_test_add_func ("/chinese-numeral/round-trip", test_round_trip);

  return g_test_run ();
}
