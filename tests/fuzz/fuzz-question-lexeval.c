/* fuzz-question-lexeval.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-question.h"

#include <stdint.h>
#include <string.h>

#include "xf-question-format.h"
#include "xf-text-decode.h"

/* libFuzzer target for the LexEval JSON-lines question reader. Files
 * come from anywhere: whatever the bytes, reading must end, in time
 * linear in the input, with choice questions that keep every rule and
 * problems that name a line of the file.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-lexeval /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-lexeval -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead (fuzz-question.c), it runs over the
 * files it is given: every build replays the seed corpus that way. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;

  parse = xf_question_parse_bytes (bytes, "fuzz.jsonl", XF_QUESTION_FORMAT_LEXEVAL);
  xf_fuzz_check_parse (parse, xf_fuzz_count_lines (data, size), TRUE);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);

      g_assert (xf_question_get_n_options (question) >= 2);
      g_assert (g_str_equal (xf_question_get_category (question), "民法典"));
      g_assert (xf_question_has_tag (question, "LexEval"));
      g_assert (xf_question_get_n_links (question) == 0);
    }

  return 0;
}

