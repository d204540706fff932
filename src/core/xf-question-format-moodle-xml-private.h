/* xf-question-format-moodle-xml-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How Moodle marks up a text: its format attribute. Moodle's "auto format"
 * is HTML in which a line break also breaks the line; plain text, Markdown
 * and wiki text are kept as they are. */
typedef enum
{
  XF_MOODLE_TEXT_HTML,
  XF_MOODLE_TEXT_AUTO,
  XF_MOODLE_TEXT_PLAIN,
} XfMoodleTextFormat;

/* How long a question name made from the stem may be, in characters. */
#define XF_MOODLE_NAME_LENGTH 40

XfMoodleTextFormat  xf_moodle_text_format_from_string (const char          *name);
char               *xf_moodle_text_to_plain           (const char          *text,
                                                       XfMoodleTextFormat   format,
                                                       GPtrArray           *images);
char               *xf_moodle_clean_plain             (const char          *text);
void                xf_moodle_append_html             (GString             *out,
                                                       const char          *text);
void                xf_moodle_append_cdata            (GString             *out,
                                                       const char          *text);
void                xf_moodle_append_text             (GString             *out,
                                                       const char          *text);
char               *xf_moodle_default_name            (const char          *stem);
char               *xf_moodle_category_path           (const char          *text);
char               *xf_moodle_markup_error            (const char          *text,
                                                       gsize                len,
                                                       int                  markup_line,
                                                       int                  markup_char,
                                                       const char          *message,
                                                       guint               *line);

G_END_DECLS
