/* fuzz-question.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>

#include "xf-question-format.h"

G_BEGIN_DECLS

/* What every question format's fuzz target checks. Each target defines
 * LLVMFuzzerTestOneInput; built with XF_FUZZ_REPLAY, fuzz-question.c adds
 * a main() that runs it over the files given, so that every build replays
 * the seed corpus. */

typedef gboolean (*XfFuzzSameFunc) (XfQuestion *a,
                                    XfQuestion *b);

int   LLVMFuzzerTestOneInput      (const uint8_t    *data,
                                   size_t            size);

guint xf_fuzz_count_lines         (const uint8_t    *data,
                                   size_t            size);
void  xf_fuzz_check_parse         (XfQuestionParse  *parse,
                                   guint             n_lines,
                                   gboolean          in_order);
void  xf_fuzz_check_round_trip    (XfQuestionParse  *parse,
                                   XfQuestionFormat  format,
                                   XfFuzzSameFunc    same);

G_END_DECLS
