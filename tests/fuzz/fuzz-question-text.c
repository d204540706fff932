/* fuzz-question-text.c
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

/* libFuzzer target for the Chinese plain-text question reader. Papers are
 * pasted from anywhere: whatever the bytes, reading must end, in time
 * linear in the input, with questions that keep every rule and problems
 * that name a line of the file.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-text /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-text -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead (fuzz-question.c), it runs over the
 * files it is given: every build replays the seed corpus that way. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;

  parse = xf_question_parse_bytes (bytes, "fuzz.txt", XF_QUESTION_FORMAT_TEXT);
  xf_fuzz_check_parse (parse, xf_fuzz_count_lines (data, size), TRUE);

  return 0;
}

