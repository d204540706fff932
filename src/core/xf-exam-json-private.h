/* xf-exam-json-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-exam.h"

G_BEGIN_DECLS

/* A spec nests four deep and a paper three: json-glib recurses into each
 * level, so deep nesting is refused before it sees the text */
#define XF_EXAM_JSON_MAX_DEPTH 32

gboolean  xf_exam_set_invalid     (GError      **error,
                                   const char   *format,
                                   ...) G_GNUC_PRINTF (2, 3);

JsonNode *xf_exam_json_parse      (const char   *text,
                                   gsize         len,
                                   JsonParser   *parser,
                                   gboolean      paper,
                                   GError      **error);
gboolean  xf_exam_json_get_number (JsonNode     *node,
                                   double       *value);
gboolean  xf_exam_json_get_whole  (JsonNode     *node,
                                   guint        *value);
void      xf_exam_json_add_number (JsonBuilder  *builder,
                                   double        value);
char     *xf_exam_json_generate   (JsonBuilder  *builder,
                                   gboolean      pretty);

G_END_DECLS
