/* fuzz-question-gift.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-question.h"

#include <stdint.h>

#include "xf-question-format.h"

/* libFuzzer target for the Moodle GIFT reader and writer. Question files come
 * from anywhere: whatever the bytes, every question read must be valid, and
 * writing what was read and reading it back must give the same questions.
 *
 *   meson setup build-fuzz -Dfuzzing=true -Dgui=false (with CC=clang)
 *   cp -r tests/fuzz/question-gift /tmp/corpus   (libFuzzer writes new inputs there)
 *   build-fuzz/tests/fuzz-question-gift -max_total_time=120 /tmp/corpus
 *
 * Built with XF_FUZZ_REPLAY instead (fuzz-question.c), it runs over the
 * files it is given: every build replays the seed corpus that way. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(XfQuestionParse) parse = NULL;

  parse = xf_question_parse_bytes (bytes, "fuzz.gift", XF_QUESTION_FORMAT_GIFT);
  xf_fuzz_check_parse (parse, 0, FALSE);
  xf_fuzz_check_round_trip (parse, XF_QUESTION_FORMAT_GIFT, NULL);

  return 0;
}

