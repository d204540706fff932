/* xf-question-format-json-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-question-format.h"

G_BEGIN_DECLS

/* The format nests five deep; json-glib recurses and would overflow the
 * stack on a file of a million brackets */
#define XF_QUESTION_JSON_MAX_DEPTH 64

void       xf_question_json_read_question   (XfQuestionParse *parse,
                                             JsonNode        *node,
                                             guint            index,
                                             guint            line);
JsonArray *xf_question_json_read_root       (XfQuestionParse *parse,
                                             JsonNode        *node);
gboolean   xf_question_json_read_in_pieces  (XfQuestionParse *parse,
                                             const char      *text,
                                             gsize            len);

G_END_DECLS
