/* fuzz-question-json.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-question.h"

/* libFuzzer target for the native JSON question reader and writer. Files
 * come from anywhere: whatever the bytes, every question read must be
 * valid, and writing what was read and reading it back must give the same
 * questions.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-json /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-json -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead (fuzz-question.c), it runs over the
 * files it is given: every build replays the seed corpus that way. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;

  parse = xf_question_parse_bytes (bytes, "fuzz.json", XF_QUESTION_FORMAT_JSON);
  xf_fuzz_check_parse (parse, xf_fuzz_count_lines (data, size), FALSE);
  xf_fuzz_check_round_trip (parse, XF_QUESTION_FORMAT_JSON, NULL);

  return 0;
}
