/* xf-question-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-question.h"

G_BEGIN_DECLS

void xf_question_normalize_append (GString    *out,
                                   const char *text);

G_END_DECLS
