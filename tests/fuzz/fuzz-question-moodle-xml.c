/* fuzz-question-moodle-xml.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "xf-question-format.h"

/* libFuzzer target for the Moodle XML reader and writer. Whatever the
 * bytes, every question read is valid, and writing what was read and
 * reading it back gives the same questions.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-moodle-xml /tmp/corpus
 *   build-fuzz/tests/fuzz-question-moodle-xml -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead, it runs over the files it is given:
 * every build replays the seed corpus that way. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;
  g_autoptr(XfQuestionParse) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  parse = xf_question_parse_bytes (bytes, "fuzz.xml", XF_QUESTION_FORMAT_MOODLE_XML);
  g_assert (parse != NULL);
  for (guint i = 0; i < parse->questions->len; i++)
    g_assert (xf_question_validate (g_ptr_array_index (parse->questions, i), NULL));

  written = xf_question_format_export (XF_QUESTION_FORMAT_MOODLE_XML, parse->questions, NULL, NULL, &error);
  g_assert_no_error (error);
  again = xf_question_parse_bytes (written, "fuzz.xml", XF_QUESTION_FORMAT_MOODLE_XML);
  g_assert_cmpuint (again->questions->len, ==, parse->questions->len);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *first = g_ptr_array_index (parse->questions, i);
      XfQuestion *second = g_ptr_array_index (again->questions, i);

      g_assert (xf_question_equal_content (first, second));
      g_assert_cmpstr (xf_question_get_uuid (first), ==, xf_question_get_uuid (second));
    }

  return 0;
}

#ifdef XF_FUZZ_REPLAY
/* Without libFuzzer: run the target over the files given, so that every
 * build checks the seed corpus. */
int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 1;
      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
    }

  return 0;
}
#endif
