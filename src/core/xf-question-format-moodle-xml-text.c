/* xf-question-format-moodle-xml-text.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-moodle-xml-private.h"

/* Moodle keeps question texts as HTML (or in its other text formats); we
 * keep plain text whose line breaks are the only layout. These functions go
 * both ways, such that our own text survives the trip through HTML: a line
 * break is written as <br>, and a space that HTML would fold away (a second
 * space, one at the start or end of a line) as &nbsp;, which reads back as a
 * space. Images cannot come along: each leaves a mark in the text and its
 * name in a list, for the reader to report.
 *
 * Also here: the names Moodle gives categories and questions, and where in
 * a file a syntax error is, as a person counts lines and characters. */

#define PLUGINFILE "@@PLUGINFILE@@"

XfMoodleTextFormat
xf_moodle_text_format_from_string (const char *name)
{
  g_autofree char *stripped = NULL;

  if (name == NULL)
    return XF_MOODLE_TEXT_HTML;
  stripped = g_strstrip (g_ascii_strdown (name, -1));
  if (g_str_equal (stripped, "moodle_auto_format"))
    return XF_MOODLE_TEXT_AUTO;
  if (g_str_equal (stripped, "plain_text") || g_str_equal (stripped, "markdown") ||
      g_str_equal (stripped, "wiki_like"))
    return XF_MOODLE_TEXT_PLAIN;
  /* Moodle reads every other name as HTML, and so do we */
  return XF_MOODLE_TEXT_HTML;
}

typedef struct
{
  GString   *out;
  GPtrArray *images;
  gboolean   keep_newlines;
  gboolean   pending_space;
  gboolean   unclosed;       /* a tag never ended: the rest is text */
} Plain;

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static gboolean
at_line_start (Plain *plain)
{
  return plain->out->len == 0 || plain->out->str[plain->out->len - 1] == '\n';
}

/* Control characters cannot stand in XML 1.0, so none is kept. */
static void
plain_char (Plain    *plain,
            gunichar  c)
{
  if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
    return;
  if (plain->pending_space && !at_line_start (plain))
    g_string_append_c (plain->out, ' ');
  plain->pending_space = FALSE;
  g_string_append_unichar (plain->out, c);
}

static void
plain_string (Plain      *plain,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    plain_char (plain, g_utf8_get_char (p));
}

/* A paragraph or list item ends the line, but empty ones add no lines. */
static void
plain_break (Plain *plain)
{
  plain->pending_space = FALSE;
  if (!at_line_start (plain))
    g_string_append_c (plain->out, '\n');
}

static void
plain_image (Plain      *plain,
             const char *name)
{
  plain_string (plain, _("[image]"));
  if (plain->images != NULL)
    {
      for (guint i = 0; i < plain->images->len; i++)
        if (g_str_equal (g_ptr_array_index (plain->images, i), name))
          return;
      g_ptr_array_add (plain->images, g_strdup (name));
    }
}

/* The file an image source names: "@@PLUGINFILE@@/a%20b.png?x" is "a b.png". */
static char *
image_name (const char *src,
            gsize       len)
{
  g_autofree char *raw = NULL;
  char *unescaped;
  const char *slash;

  if (len >= 5 && g_ascii_strncasecmp (src, "data:", 5) == 0)
    return g_strdup ("");
  raw = g_strndup (src, len);
  raw[strcspn (raw, "?#")] = '\0';
  slash = strrchr (raw, '/');
  unescaped = g_uri_unescape_string (slash != NULL ? slash + 1 : raw, NULL);
  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
    {
      g_free (unescaped);
      return g_strdup (slash != NULL ? slash + 1 : raw);
    }
  return unescaped;
}

static const struct
{
  const char *name;
  gunichar    c;
} entities[] = {
  { "nbsp", ' ' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
  { "apos", '\'' }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 },
  { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 },
  { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "hellip", 0x2026 }, { "middot", 0x00B7 },
  { "bull", 0x2022 }, { "times", 0x00D7 }, { "divide", 0x00F7 }, { "deg", 0x00B0 },
  { "plusmn", 0x00B1 }, { "sect", 0x00A7 }, { "para", 0x00B6 }, { "copy", 0x00A9 },
  { "reg", 0x00AE }, { "trade", 0x2122 }, { "laquo", 0x00AB }, { "raquo", 0x00BB },
  { "yen", 0x00A5 }, { "permil", 0x2030 }, { "le", 0x2264 }, { "ge", 0x2265 },
  { "ne", 0x2260 }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
  { "darr", 0x2193 }, { "shy", 0x00AD }, { "iexcl", 0x00A1 }, { "cent", 0x00A2 },
  { "pound", 0x00A3 }, { "euro", 0x20AC }, { "micro", 0x00B5 }, { "frac12", 0x00BD },
};

/* Reads the entity at p ("&amp;", "&#20013;", "&#x4E2D;"). A non-breaking
 * space comes back as a plain space: HTML does not fold it, and neither do
 * we, so spaces that matter survive. */
static gboolean
read_entity (const char  *p,
             gunichar    *c,
             const char **end)
{
  const char *semicolon;
  gsize len;

  g_assert (*p == '&');

  for (semicolon = p + 1; semicolon < p + 12 && *semicolon != '\0' && *semicolon != ';'; semicolon++)
    if (!g_ascii_isalnum (*semicolon) && *semicolon != '#')
      return FALSE;
  if (*semicolon != ';')
    return FALSE;
  len = semicolon - (p + 1);
  if (len == 0)
    return FALSE;

  if (p[1] == '#')
    {
      gboolean hex = len > 1 && (p[2] == 'x' || p[2] == 'X');
      const char *digits = p + (hex ? 3 : 2);
      guint64 value = 0;

      if (digits == semicolon)
        return FALSE;
      for (const char *d = digits; d < semicolon; d++)
        {
          if (hex ? !g_ascii_isxdigit (*d) : !g_ascii_isdigit (*d))
            return FALSE;
          value = value * (hex ? 16 : 10) + (hex ? (guint64)g_ascii_xdigit_value (*d) : (guint64)(*d - '0'));
          if (value > 0x10FFFF)
            return FALSE;
        }
      if (value == 0 || !g_unichar_validate ((gunichar)value))
        return FALSE;
      *c = value == 0xA0 ? ' ' : (gunichar)value;
      *end = semicolon + 1;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == len && strncmp (p + 1, entities[i].name, len) == 0)
      {
        *c = entities[i].c;
        *end = semicolon + 1;
        return TRUE;
      }
  return FALSE;
}

/* The value of an attribute in a tag's text ("img src=\"a.png\" alt=x"). */
static char *
tag_attribute (const char *tag,
               const char *end,
               const char *name)
{
  gsize name_len = strlen (name);
  const char *p = tag;

  /* Past the tag's name */
  while (p < end && !is_html_space (*p) && *p != '/')
    p++;
  while (p < end)
    {
      const char *attr;
      const char *value;
      gsize attr_len;
      gsize value_len;

      while (p < end && (is_html_space (*p) || *p == '/'))
        p++;
      attr = p;
      while (p < end && !is_html_space (*p) && *p != '=' && *p != '/')
        p++;
      attr_len = p - attr;
      if (attr_len == 0)
        {
          p++;
          continue;
        }
      while (p < end && is_html_space (*p))
        p++;
      if (p >= end || *p != '=')
        continue;
      p++;
      while (p < end && is_html_space (*p))
        p++;
      if (p < end && (*p == '"' || *p == '\''))
        {
          const char *close = memchr (p + 1, *p, end - p - 1);

          value = p + 1;
          value_len = (close != NULL ? close : end) - value;
          p = close != NULL ? close + 1 : end;
        }
      else
        {
          value = p;
          while (p < end && !is_html_space (*p))
            p++;
          value_len = p - value;
        }
      if (attr_len == name_len && g_ascii_strncasecmp (attr, name, name_len) == 0)
        {
          g_autofree char *raw = g_strndup (value, value_len);
          GString *decoded = g_string_new (NULL);

          for (const char *q = raw; *q != '\0'; )
            {
              gunichar c;
              const char *after;

              if (*q == '&' && read_entity (q, &c, &after))
                {
                  g_string_append_unichar (decoded, c);
                  q = after;
                }
              else
                g_string_append_c (decoded, *q++);
            }
          return g_string_free (decoded, FALSE);
        }
    }
  return NULL;
}

static gboolean
tag_is (const char *name,
        gsize       len,
        const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strlen (names[i]) == len && g_ascii_strncasecmp (name, names[i], len) == 0)
      return TRUE;
  return FALSE;
}

static const char * const block_tags[] = {
  "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot",
  "caption", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section",
  "article", "header", "footer", "nav", "aside", "main", "address", "figure", "figcaption",
  "center", "form", "fieldset", "legend", "details", "summary", NULL
};

static const char * const cell_tags[] = { "td", "th", NULL };
static const char * const skipped_tags[] = { "script", "style", NULL };

/* Skips to the end of <script> or <style>, whose content is not text. */
static const char *
skip_element (const char *p,
              const char *name,
              gsize       len)
{
  for (const char *q = strchr (p, '<'); q != NULL; q = strchr (q + 1, '<'))
    if (q[1] == '/' && g_ascii_strncasecmp (q + 2, name, len) == 0)
      {
        const char *gt = strchr (q, '>');

        return gt != NULL ? gt + 1 : q + strlen (q);
      }
  return p + strlen (p);
}

/* The end of the tag starting at p (its '>'), or NULL when it never ends. */
static const char *
tag_end (const char *p)
{
  char quote = 0;

  for (p++; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p;
    }
  return NULL;
}

/* Reads the markup at p: a tag, a comment or a declaration. Returns where
 * the text goes on, or NULL when p starts no markup. */
static const char *
read_markup (Plain      *plain,
             const char *p)
{
  const char *name;
  const char *end;
  gboolean closing = FALSE;
  gsize len;

  g_assert (*p == '<');

  if (g_str_has_prefix (p, "<!--"))
    {
      const char *close = strstr (p + 4, "-->");

      return close != NULL ? close + 3 : p + strlen (p);
    }
  if (p[1] == '!' || p[1] == '?')
    {
      end = strchr (p, '>');
      return end != NULL ? end + 1 : p + strlen (p);
    }

  name = p + 1;
  if (*name == '/')
    {
      closing = TRUE;
      name++;
    }
  if (!g_ascii_isalpha (*name) || plain->unclosed)
    return NULL;
  end = tag_end (p);
  if (end == NULL)
    {
      /* Looking for the end of every later tag would take time squared */
      plain->unclosed = TRUE;
      return NULL;
    }
  for (len = 0; g_ascii_isalnum (name[len]); len++)
    ;

  if (len == 2 && g_ascii_strncasecmp (name, "br", 2) == 0)
    plain_char (plain, '\n');
  else if (tag_is (name, len, block_tags))
    plain_break (plain);
  else if (tag_is (name, len, cell_tags))
    plain->pending_space = !closing;
  else if (!closing && len == 3 && g_ascii_strncasecmp (name, "img", 3) == 0)
    {
      g_autofree char *src = tag_attribute (name, end, "src");
      g_autofree char *file = src != NULL ? image_name (src, strlen (src)) : g_strdup ("");

      if (*file == '\0')
        {
          g_free (file);
          file = tag_attribute (name, end, "alt");
        }
      plain_image (plain, file != NULL ? file : "");
    }
  else if (!closing && tag_is (name, len, skipped_tags))
    return skip_element (end + 1, name, len);

  return end + 1;
}

/* "@@PLUGINFILE@@/a.png" in text: a file of the question's, gone with it. */
static const char *
read_pluginfile (Plain      *plain,
                 const char *p)
{
  const char *start = p + strlen (PLUGINFILE);
  gsize len;
  g_autofree char *name = NULL;

  if (*start == '/')
    start++;
  /* Moodle writes the name percent-encoded: it ends where ASCII ends */
  for (len = 0; start[len] > ' ' && start[len] < 0x7F && strchr ("\"'<>()[]{}", start[len]) == NULL; len++)
    ;
  name = image_name (start, len);
  plain_image (plain, name);
  return start + len;
}

/**
 * xf_moodle_text_to_plain:
 * @text: a text from the file, as its format has it
 * @images: (element-type utf8) (nullable): gets the name of each image
 *   left out (once each; "" for one without a name)
 *
 * Makes plain text of HTML: tags go, <br>, paragraphs, list items and the
 * like break the line, entities become their characters, and spaces fold
 * as a browser folds them. An image leaves "[image]" where it was.
 *
 * Returns: (transfer full): the text, without spaces at either end
 */
char *
xf_moodle_text_to_plain (const char         *text,
                         XfMoodleTextFormat  format,
                         GPtrArray          *images)
{
  Plain plain = { g_string_new (NULL), images, format == XF_MOODLE_TEXT_AUTO, FALSE, FALSE };
  gboolean markup = format != XF_MOODLE_TEXT_PLAIN;
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      gunichar c;
      const char *after;

      if (g_str_has_prefix (p, PLUGINFILE))
        p = read_pluginfile (&plain, p);
      else if (!markup)
        {
          if (*p != '\r')
            plain_char (&plain, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      else if (*p == '<' && (after = read_markup (&plain, p)) != NULL)
        p = after;
      else if (*p == '&' && read_entity (p, &c, &after))
        {
          plain_char (&plain, c);
          p = after;
        }
      else if (*p == '\n' && plain.keep_newlines)
        {
          plain_char (&plain, '\n');
          p++;
        }
      else if (is_html_space (*p))
        {
          plain.pending_space = TRUE;
          p++;
        }
      else
        {
          plain_char (&plain, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }

  return g_strstrip (g_string_free (plain.out, FALSE));
}

/**
 * xf_moodle_clean_plain:
 *
 * Returns: (transfer full): @text without control characters or spaces at
 *   either end: how names, answers and tags are read
 */
char *
xf_moodle_clean_plain (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (!(((guchar)*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F))
      g_string_append_c (out, *p);
  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
is_visible (const char *p)
{
  return *p != '\0' && !is_html_space (*p);
}

/**
 * xf_moodle_append_html:
 *
 * Writes plain text as HTML that xf_moodle_text_to_plain() reads back as
 * the same text.
 */
void
xf_moodle_append_html (GString    *out,
                       const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '\n':
          g_string_append (out, "<br>\n");
          break;
        case '\t':
          g_string_append (out, "&#9;");
          break;
        case ' ':
          if (p > text && is_visible (p - 1) && is_visible (p + 1))
            g_string_append_c (out, ' ');
          else
            g_string_append (out, "&nbsp;");
          break;
        case '@':
          /* Moodle would take it for a file of the question's */
          if (g_str_has_prefix (p, PLUGINFILE))
            g_string_append (out, "&#64;");
          else
            g_string_append_c (out, '@');
          break;
        default:
          if (!(((guchar)*p < 0x20) || *p == 0x7F))
            g_string_append_c (out, *p);
        }
    }
}

/**
 * xf_moodle_append_cdata:
 *
 * Writes @text in a CDATA section, splitting it where it holds "]]>",
 * which would end the section.
 */
void
xf_moodle_append_cdata (GString    *out,
                        const char *text)
{
  g_string_append (out, "<![CDATA[");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "]]>"))
        {
          g_string_append (out, "]]]]><![CDATA[>");
          p += 2;
        }
      else if (!(((guchar)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F))
        g_string_append_c (out, *p);
    }
  g_string_append (out, "]]>");
}

/**
 * xf_moodle_append_text:
 *
 * Writes plain text as element content: as it is, or in a CDATA section
 * when it holds characters that XML reserves (as Moodle writes it).
 */
void
xf_moodle_append_text (GString    *out,
                       const char *text)
{
  if (strpbrk (text, "&<>") != NULL)
    {
      xf_moodle_append_cdata (out, text);
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    if (!(((guchar)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7F))
      g_string_append_c (out, *p);
}

/**
 * xf_moodle_default_name:
 *
 * Moodle needs a name for every question; one without a title is named
 * after the start of its stem. The reader knows such a name again and
 * leaves the title empty.
 *
 * Returns: (transfer full): the stem's first characters, on one line
 */
char *
xf_moodle_default_name (const char *stem)
{
  GString *out = g_string_new (NULL);
  guint n = 0;
  const char *p;

  for (p = stem; *p != '\0' && n < XF_MOODLE_NAME_LENGTH; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            {
              g_string_append_c (out, ' ');
              n++;
            }
        }
      else
        {
          g_string_append_unichar (out, c);
          n++;
        }
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/**
 * xf_moodle_category_path:
 * @text: a category as Moodle writes it: "$course$/top/行政法/行政处罚"
 *
 * Returns: (transfer full): the category path without Moodle's context
 *   ($course$, $system$, $module$…) and its "top" level: "行政法/行政处罚"
 */
char *
xf_moodle_category_path (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "/", -1);
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  guint first = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *level = xf_moodle_clean_plain (parts[i]);

      if (*level == '\0')
        g_free (level);
      else
        g_ptr_array_add (levels, level);
    }
  if (levels->len > first)
    {
      const char *context = g_ptr_array_index (levels, first);
      gsize len = strlen (context);

      if (len >= 2 && context[0] == '$' && context[len - 1] == '$')
        first++;
    }
  if (levels->len > first && g_str_equal (g_ptr_array_index (levels, first), "top"))
    first++;
  g_ptr_array_add (levels, NULL);
  return g_strjoinv ("/", (char **)levels->pdata + first);
}

/* GMarkup's message starts with the position, which the problem says in
 * its own words. */
static const char *
error_reason (const char *message,
              int         line,
              int         column)
{
  g_autofree char *with_column = g_strdup_printf (g_dgettext ("glib20", "Error on line %d char %d: "),
                                                  line, column);
  g_autofree char *with_line = g_strdup_printf (g_dgettext ("glib20", "Error on line %d: "), line);

  if (g_str_has_prefix (message, with_column))
    return message + strlen (with_column);
  if (g_str_has_prefix (message, with_line))
    return message + strlen (with_line);
  return message;
}

/* GMarkup counts bytes, and counts a line from where its newline is; a
 * person counts the line, and the character in it (from 1). */
static void
error_position (const char *text,
                gsize       len,
                int         markup_line,
                int         markup_char,
                guint      *line,
                guint      *column)
{
  const char *start = text;
  const char *at;
  int n = 1;

  /* GMarkup's line N starts at the newline ending line N - 1 */
  while (n < markup_line)
    {
      const char *newline = memchr (start, '\n', text + len - start);

      if (newline == NULL)
        break;
      start = newline + 1;
      n++;
    }
  if (markup_line <= 1)
    at = text + MAX (markup_char, 1) - 1;
  else if (markup_char <= 1)
    at = start > text ? start - 1 : text;
  else
    at = start + markup_char - 2;
  if (at > text + len)
    at = text + len;

  *line = 1;
  start = text;
  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        start = p + 1;
      }
  *column = 1;
  for (const char *p = start; p < at; p = g_utf8_next_char (p))
    (*column)++;
}

/**
 * xf_moodle_markup_error:
 * @markup_line: (in): where GMarkup stopped, as it says it
 * @line: (out): the line a person finds it on
 *
 * Returns: (transfer full): why a file is not well-formed XML, and where
 */
char *
xf_moodle_markup_error (const char *text,
                        gsize       len,
                        int         markup_line,
                        int         markup_char,
                        const char *message,
                        guint      *line)
{
  guint column;

  error_position (text, len, markup_line, markup_char, line, &column);
  return g_strdup_printf (_("The XML is malformed at line %u, column %u: %s"), *line, column,
                          error_reason (message, markup_line, markup_char));
}
