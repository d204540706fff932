/* xf-chinese-numeral.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  xf_chinese_numeral_parse  (const char *text,
                                     gsize       len,
                                     guint      *value);
char     *xf_chinese_numeral_format (guint       value);

G_END_DECLS
