/* xf-text-decode.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XF_TEXT_DECODE_OK,
  XF_TEXT_DECODE_EMPTY,      /* nothing but white space */
  XF_TEXT_DECODE_BINARY,     /* NUL bytes */
  XF_TEXT_DECODE_TRUNCATED,  /* UTF-8 cut off in the middle of a character */
  XF_TEXT_DECODE_ENCODING,   /* neither UTF-8, UTF-16 with a BOM, nor GB18030 */
} XfTextDecodeResult;

char *xf_text_decode         (const char          *data,
                              gsize                len,
                              gsize               *out_len,
                              const char         **notice,
                              guint               *line,
                              XfTextDecodeResult  *result);
const char *xf_text_decode_result_to_reason (XfTextDecodeResult result);
guint xf_text_line_at        (const char          *text,
                              const char          *at);
gboolean xf_json_nests_deeper (const char         *text,
                               gsize               len,
                               guint               max_depth);

G_END_DECLS
