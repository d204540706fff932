/* xf-question-format-gift-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-question-format-private.h"

G_BEGIN_DECLS

/* What the stem gets where the answers stood in Moodle's "missing word"
 * form (Moodle puts _____ there). */
#define XF_GIFT_BLANK "（  ）"

/* The formats a GIFT text can name with a prefix: [html]… */
typedef enum
{
  XF_GIFT_TEXT_MOODLE,
  XF_GIFT_TEXT_HTML,
  XF_GIFT_TEXT_PLAIN,
  XF_GIFT_TEXT_MARKDOWN,
} XfGiftTextFormat;

gboolean  xf_gift_match_format_prefix (const char       *text,
                                       gsize             len,
                                       XfGiftTextFormat *format,
                                       gsize            *prefix_len);
char     *xf_gift_html_to_plain       (const char       *text,
                                       gsize             len);
char     *xf_gift_strip_text          (char             *text);

G_END_DECLS
