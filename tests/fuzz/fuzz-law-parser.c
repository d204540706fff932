/* fuzz-law-parser.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target for the statute parser and the numeral reader. The
 * importer only hands the parser valid UTF-8, so other input is checked the
 * way the importer does and then dropped.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r data/laws /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-law-parser -max_total_time=60 /tmp/corpus */

#include "config.h"

#include "xf-chinese-numeral.h"
#include "xf-law-parser.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *)data;
  g_autoptr(XfParsedLaw) law = NULL;
  guint value;

  if (size > 64)
    {
      if (xf_chinese_numeral_parse (text, 63, &value) && value < 100000000)
        {
          g_autofree char *back = xf_chinese_numeral_format (value);
          guint again = 0;

          g_assert (xf_chinese_numeral_parse (back, -1, &again));
          g_assert (again == value);
        }
    }
  else if (size > 0 && xf_chinese_numeral_parse (text, size, &value) && value < 100000000)
    {
      g_autofree char *back = xf_chinese_numeral_format (value);
      guint again = 0;

      g_assert (xf_chinese_numeral_parse (back, -1, &again));
      g_assert (again == value);
    }

  if (!g_utf8_validate_len (text, size, NULL) || memchr (text, '\0', size) != NULL)
    return 0;

  law = xf_law_parser_parse ("fuzz(2020-01-01).md", text, size);
  g_assert (law->title != NULL);
  for (guint i = 0; i < law->headings->len; i++)
    {
      const XfParsedHeading *heading = &g_array_index (law->headings, XfParsedHeading, i);

      g_assert (heading->parent < (int)i);
      g_assert (g_utf8_validate (heading->title, -1, NULL));
    }
  for (guint i = 0; i < law->articles->len; i++)
    {
      const XfParsedArticle *article = &g_array_index (law->articles, XfParsedArticle, i);

      g_assert (article->heading < (int)law->headings->len);
      g_assert (g_utf8_validate (article->body, -1, NULL));
      g_assert (article->line >= 1 && article->line <= law->n_lines);
    }

  return 0;
}
