/* xf-text-decode.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-text-decode.h"

/**
 * xf_text_line_at:
 *
 * Returns: the 1-based line of @text that @at points into
 */
guint
xf_text_line_at (const char *text,
                 const char *at)
{
  guint line = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

/* @p starts a UTF-8 sequence that the end of the data cut short. */
static gboolean
is_cut_sequence (const guchar *p,
                 gsize         n)
{
  guint need = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3 :
               p[0] >= 0xC2 && p[0] <= 0xDF ? 2 : 0;

  if (need == 0 || n >= need)
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

/* GB18030 decodes almost any byte soup, so only text that comes out mostly
 * Chinese is taken for it. */
static gboolean
mostly_chinese (const char *text,
                gsize       len)
{
  const char *end = text + len;
  guint64 other = 0;
  guint64 chinese = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x9FFF) ||
          (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF))
        chinese++;
      else
        other++;
    }
  return chinese > 0 && chinese >= 4 * other;
}

/* Drops every U+FEFF: a byte-order mark in the middle of text (files
 * pasted together) is an invisible character nobody meant, and one left at
 * the start of a field would vanish as a mark when the text is written
 * out and read again. */
static char *
drop_zero_width_no_break_spaces (char  *text,
                                 gsize *len)
{
  char *out = text;

  if (memmem (text, *len, "\xEF\xBB\xBF", 3) == NULL)
    return text;
  for (gsize i = 0; i < *len; )
    {
      if (i + 3 <= *len && memcmp (text + i, "\xEF\xBB\xBF", 3) == 0)
        {
          i += 3;
          continue;
        }
      *out++ = text[i++];
    }
  *out = '\0';
  *len = out - text;
  return text;
}

/**
 * xf_text_decode:
 * @data: a file's bytes
 * @out_len: (out): the length of the text returned
 * @notice: (out): a translated notice when the text was converted
 *   ("Converted from GB18030"), else %NULL
 * @line: (out): where the trouble is when decoding fails (1-based)
 * @result: (out): what went wrong, or %XF_TEXT_DECODE_OK
 *
 * Makes UTF-8 of a text file's bytes: UTF-8 as it is, UTF-16 with a
 * byte-order mark and GB18030 (what Excel and older Chinese Windows write)
 * converted. Byte-order marks (U+FEFF) are dropped, wherever they are.
 *
 * Returns: (transfer full) (nullable): the NUL-terminated text, or %NULL
 */
char *
xf_text_decode (const char          *data,
                gsize                len,
                gsize               *out_len,
                const char         **notice,
                guint               *line,
                XfTextDecodeResult  *result)
{
  const char *bad;
  gboolean blank = TRUE;

  *notice = NULL;
  *line = 0;
  *out_len = 0;
  *result = XF_TEXT_DECODE_OK;

  if (len >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                   ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      gsize written = 0;
      char *text = g_convert (data + 2, len - 2, "UTF-8",
                              (guchar)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                              NULL, &written, NULL);

      if (text != NULL && g_utf8_validate_len (text, written, NULL) &&
          memchr (text, '\0', written) == NULL)
        {
          *notice = _("Converted from UTF-16");
          *out_len = written;
          return drop_zero_width_no_break_spaces (text, out_len);
        }
      g_free (text);
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      *result = XF_TEXT_DECODE_EMPTY;
      return NULL;
    }

  if (memchr (data, '\0', len) != NULL)
    {
      *line = xf_text_line_at (data, memchr (data, '\0', len));
      *result = XF_TEXT_DECODE_BINARY;
      return NULL;
    }

  if (g_utf8_validate_len (data, len, &bad))
    {
      *out_len = len;
      return drop_zero_width_no_break_spaces (g_strndup (data, len), out_len);
    }

  if (is_cut_sequence ((const guchar *)bad, data + len - bad))
    {
      *line = xf_text_line_at (data, bad);
      *result = XF_TEXT_DECODE_TRUNCATED;
      return NULL;
    }

  {
    gsize written = 0;
    char *text = g_convert (data, len, "UTF-8", "GB18030", NULL, &written, NULL);

    if (text != NULL && mostly_chinese (text, written))
      {
        *notice = _("Converted from GB18030");
        *out_len = written;
        return drop_zero_width_no_break_spaces (text, out_len);
      }
    g_free (text);
  }

  *line = xf_text_line_at (data, bad);
  *result = XF_TEXT_DECODE_ENCODING;
  return NULL;
}

/**
 * xf_text_decode_result_to_reason:
 *
 * Returns: a translated sentence saying why a file could not be read
 */
const char *
xf_text_decode_result_to_reason (XfTextDecodeResult result)
{
  switch (result)
    {
    case XF_TEXT_DECODE_EMPTY:
      return _("The file is empty");
    case XF_TEXT_DECODE_BINARY:
      return _("This is not a text file: it holds NUL bytes");
    case XF_TEXT_DECODE_TRUNCATED:
      return _("The file is cut off in the middle of a character");
    case XF_TEXT_DECODE_ENCODING:
      return _("The text is neither UTF-8 nor GB18030 (the first bad byte is on this line)");
    case XF_TEXT_DECODE_OK:
    default:
      return "";
    }
}

/**
 * xf_json_nests_deeper:
 * @text: JSON text
 * @max_depth: how deep arrays and objects may nest
 *
 * json-glib's parser recurses into each array and object, so a document of
 * a million brackets would overflow the stack: readers refuse such text
 * before json-glib sees it.
 *
 * Returns: whether arrays and objects in @text nest deeper than @max_depth
 */
gboolean
xf_json_nests_deeper (const char *text,
                      gsize       len,
                      guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return FALSE;
}
