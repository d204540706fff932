/* xf-question-format-gift-text.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-format-gift-private.h"

/* The text of GIFT files: the format prefixes that texts may start with,
 * [html] text as a person reads it, and writing texts escaped (the
 * writer). The reader is xf-question-format-gift.c. */

static const char * const format_names[] = {
  [XF_GIFT_TEXT_MOODLE] = "moodle",
  [XF_GIFT_TEXT_HTML] = "html",
  [XF_GIFT_TEXT_PLAIN] = "plain",
  [XF_GIFT_TEXT_MARKDOWN] = "markdown",
};

/* Strips white space of any kind (U+3000 too) from both ends, in place. */
char *
xf_gift_strip_text (char *text)
{
  char *start = text;
  char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  memmove (text, start, end - start);
  text[end - start] = '\0';
  return text;
}

/* A leading [html], [moodle], [plain] or [markdown] names the text's format;
 * anything else in brackets is text. */
gboolean
xf_gift_match_format_prefix (const char       *text,
                             gsize             len,
                             XfGiftTextFormat *format,
                             gsize            *prefix_len)
{
  const char *close;

  if (len == 0 || text[0] != '[')
    return FALSE;
  close = memchr (text, ']', len);
  if (close == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if ((gsize)(close - text - 1) == strlen (format_names[i]) &&
        strncmp (text + 1, format_names[i], close - text - 1) == 0)
      {
        *format = i;
        *prefix_len = close - text + 1;
        return TRUE;
      }
  return FALSE;
}

static void
append_space (GString *out)
{
  if (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n'))
    return;
  g_string_append_c (out, ' ');
}

static void
append_newline (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    return;
  g_string_append_c (out, '\n');
}

/* Appends the character an entity at p (after the &) stands for, and says
 * how long the entity is; 0 when it is not one. */
static gsize
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  static const struct { const char *name; gunichar c; } entities[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", ' ' }, { "ensp", ' ' }, { "emsp", ' ' }, { "thinsp", ' ' },
    { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
    { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 }, { "middot", 0x00B7 },
    { "times", 0x00D7 }, { "divide", 0x00F7 }, { "laquo", 0x00AB }, { "raquo", 0x00BB },
    { "deg", 0x00B0 }, { "plusmn", 0x00B1 }, { "yen", 0x00A5 }, { "copy", 0x00A9 },
    { "reg", 0x00AE },
  };
  const char *semi;
  gsize n;

  semi = memchr (p, ';', MIN (end - p, 12));
  if (semi == NULL || semi == p)
    return 0;
  n = semi - p;
  if (p[0] == '#')
    {
      gboolean hex = n > 1 && (p[1] == 'x' || p[1] == 'X');
      const char *digits = p + (hex ? 2 : 1);
      guint64 value = 0;

      if (digits == semi)
        return 0;
      for (const char *d = digits; d < semi; d++)
        {
          int v = hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d);

          if (v < 0)
            return 0;
          value = value * (hex ? 16 : 10) + v;
          if (value > 0x10FFFF)
            return 0;
        }
      if (value == 0 || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
      /* No text of a question holds a carriage return: GIFT cannot
       * write one back, and a line ends at one. */
      g_string_append_unichar (out, value == '\r' ? '\n' : (gunichar)value);
      return n + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == n && strncmp (p, entities[i].name, n) == 0)
      {
        g_string_append_unichar (out, entities[i].c);
        return n + 1;
      }
  return 0;
}

/* Text in the [html] format as a person reads it: tags dropped, paragraph
 * and line breaks kept as newlines, entities decoded, white space collapsed
 * the way a browser does. Not trimmed, so that pieces can be joined. */
char *
xf_gift_html_to_plain (const char *text,
                       gsize       len)
{
  static const char * const breaks[] = {
    "br", "p", "div", "li", "tr", "ul", "ol", "table", "blockquote", "pre", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
  };
  const char *end = text + len;
  GString *out = g_string_sized_new (len);
  gboolean no_close = FALSE;

  for (const char *p = text; p < end; )
    {
      if (*p == '<' && p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          const char *close;
          const char *name;
          gsize n = 0;

          if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
            {
              const char *stop = g_strstr_len (p + 4, end - p - 4, "-->");

              p = stop != NULL ? stop + 3 : end;
              continue;
            }
          /* With no > after one <, there is none after the next either:
           * do not search again, or "<a<a<a…" would take quadratic time. */
          close = no_close ? NULL : memchr (p, '>', end - p);
          if (close == NULL)
            {
              no_close = TRUE;
              g_string_append_c (out, *p++);
              continue;
            }
          name = p + 1 + (p[1] == '/');
          while (name + n < close && g_ascii_isalnum (name[n]))
            n++;
          for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
            if (strlen (breaks[i]) == n && g_ascii_strncasecmp (name, breaks[i], n) == 0)
              {
                append_newline (out);
                break;
              }
          p = close + 1;
        }
      else if (*p == '&')
        {
          gsize n = decode_entity (p + 1, end, out);

          if (n == 0)
            g_string_append_c (out, '&');
          p += 1 + n;
        }
      else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          append_space (out);
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* Writing: Moodle's layout, every control character escaped and newlines
 * written \n, so that each question stays one block of lines. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append (out, "\\n");
        }
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        {
          if (strchr ("\\~=#{}:", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

/* Text that the reader would take for something else gets the [moodle]
 * prefix, which reads back as nothing: a leading format name of its own,
 * and a line that would start with // (a comment). */
static void
append_text (GString    *out,
             const char *text,
             gboolean    starts_line)
{
  const char *p = text;
  XfGiftTextFormat format;
  gsize prefix;

  while (g_ascii_isspace (*p))
    p++;
  if (xf_gift_match_format_prefix (p, strlen (p), &format, &prefix) ||
      (starts_line && g_str_has_prefix (p, "//")))
    g_string_append (out, "[moodle]");
  append_escaped (out, text);
}

/* A fill-in answer holding "->" would read back as a matching question,
 * and neither - nor > can be escaped: such an answer is written as HTML,
 * with the white space that HTML would collapse written as entities. */
static void
append_html (GString    *out,
             const char *text)
{
  g_autoptr(GString) html = g_string_new ("[html]");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append (html, "&amp;");
      else if (*p == '<')
        g_string_append (html, "&lt;");
      else if (*p == '>')
        g_string_append (html, "&gt;");
      else if (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
               (*p == ' ' && (p == text || g_ascii_isspace (p[-1]))))
        g_string_append_printf (html, "&#%d;", *p);
      else
        g_string_append_c (html, *p);
    }
  append_escaped (out, html->str);
}

/* Markers in a comment line can hold neither a newline nor an unescaped ]. */
static void
append_marker (GString    *out,
               const char *kind,
               const char *value)
{
  g_string_append_printf (out, " [%s:", kind);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p))
        g_string_append_c (out, ' ');
      else
        {
          if (*p == ']')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
  /* A \ just before the closing ] would escape it */
  if (*value != '\0' && value[strlen (value) - 1] == '\\')
    g_string_append_c (out, ' ');
  g_string_append_c (out, ']');
}

static gboolean
blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
write_choice (GString    *out,
              XfQuestion *question)
{
  gboolean multiple = xf_question_get_question_type (question) == XF_QUESTION_MULTIPLE;
  guint n_right = strlen (xf_question_get_answer (question));

  for (guint i = 0; i < xf_question_get_n_options (question); i++)
    {
      const char *option = xf_question_get_option (question, i);
      gboolean right = xf_question_option_is_correct (question, i);

      g_string_append_c (out, '\t');
      if (multiple)
        {
          /* Moodle's several-answer mode: the right answers share full
           * marks, a wrong one takes them all away. */
          char weight[G_ASCII_DTOSTR_BUF_SIZE];

          if (right)
            g_ascii_formatd (weight, sizeof weight, "%.7g", 100.0 / MAX (n_right, 1));
          else
            g_strlcpy (weight, "-100", sizeof weight);
          g_string_append_printf (out, "~%%%s%%", weight);
        }
      else if (right)
        g_string_append_c (out, '=');
      else if (option[0] == '%')
        g_string_append (out, "~%0%");
      else
        g_string_append_c (out, '~');
      append_text (out, option, FALSE);
      g_string_append_c (out, '\n');
    }
}

static void
write_fill (GString    *out,
            XfQuestion *question)
{
  const char * const *accepted = xf_question_get_accepted (question);

  for (guint i = 0; accepted[i] != NULL; i++)
    {
      g_string_append (out, accepted[i][0] == '%' ? "\t=%100%" : "\t=");
      if (strstr (accepted[i], "->") != NULL)
        append_html (out, accepted[i]);
      else
        append_text (out, accepted[i], FALSE);
      g_string_append_c (out, '\n');
    }
}

static void
write_question (GString    *out,
                XfQuestion *question)
{
  const char *uuid = xf_question_get_uuid (question);
  const char *title = xf_question_get_title (question);
  const char *explanation = xf_question_get_explanation (question);
  const char * const *tags = xf_question_get_tags (question);
  const char *stem = xf_question_get_stem (question);
  const char *after = NULL;
  const char *blank;
  XfQuestionType type = xf_question_get_question_type (question);

  if (*uuid != '\0' || tags[0] != NULL)
    {
      g_string_append (out, "//");
      if (*uuid != '\0')
        append_marker (out, "id", uuid);
      for (guint i = 0; tags[i] != NULL; i++)
        append_marker (out, "tag", tags[i]);
      g_string_append_c (out, '\n');
    }
  if (*title != '\0')
    {
      g_string_append (out, "::");
      append_escaped (out, title);
      g_string_append (out, "::");
    }
  /* A stem with one blank followed by more text is written in Moodle's
   * missing-word form, the answers where the blank is. */
  blank = strstr (stem, XF_GIFT_BLANK);
  if (blank != NULL && strstr (blank + 1, XF_GIFT_BLANK) == NULL &&
      !blank_text (blank + strlen (XF_GIFT_BLANK)))
    {
      g_autofree char *before = g_strndup (stem, blank - stem);

      append_text (out, before, *title == '\0');
      after = blank + strlen (XF_GIFT_BLANK);
    }
  else
    append_text (out, stem, *title == '\0');

  switch (type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
    case XF_QUESTION_FILL:
      g_string_append (out, "{\n");
      if (type == XF_QUESTION_FILL)
        write_fill (out, question);
      else
        write_choice (out, question);
      if (*explanation != '\0')
        {
          g_string_append (out, "\t####");
          append_text (out, explanation, FALSE);
          g_string_append_c (out, '\n');
        }
      g_string_append_c (out, '}');
      break;

    case XF_QUESTION_TRUE_FALSE:
    case XF_QUESTION_ESSAY:
    default:
      g_string_append_c (out, '{');
      if (type == XF_QUESTION_TRUE_FALSE)
        g_string_append (out, g_str_equal (xf_question_get_answer (question), "T") ? "TRUE" : "FALSE");
      if (*explanation != '\0')
        {
          g_string_append (out, "####");
          append_text (out, explanation, FALSE);
        }
      g_string_append_c (out, '}');
      break;
    }
  if (after != NULL)
    append_escaped (out, after);
  g_string_append_c (out, '\n');
}

GBytes *
xf_question_write_gift (GPtrArray   *questions,
                        const char  *bank_title,
                        GError     **error)
{
  GString *out = g_string_new (NULL);
  const char *category = "";

  g_return_val_if_fail (questions != NULL, NULL);

  if (bank_title != NULL && *bank_title != '\0')
    {
      g_string_append (out, "// ");
      for (const char *p = bank_title; *p != '\0'; p++)
        g_string_append_c (out, g_ascii_iscntrl (*p) ? ' ' : *p);
      g_string_append (out, "\n\n");
    }

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);
      const char *this_category = xf_question_get_category (question);

      if (!g_str_equal (this_category, category))
        {
          g_string_append (out, "$CATEGORY: $course$/top");
          if (*this_category != '\0')
            {
              g_string_append_c (out, '/');
              append_escaped (out, this_category);
            }
          g_string_append (out, "\n\n");
          category = this_category;
        }
      write_question (out, question);
      g_string_append_c (out, '\n');
    }

  return g_string_free_to_bytes (out);
}
