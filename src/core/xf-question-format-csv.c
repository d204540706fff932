/* xf-question-format-csv.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-private.h"

/* Question tables as CSV (RFC 4180): cells in double quotes may hold the
 * delimiter, line breaks and doubled quotes; records end in CRLF or LF.
 * Spreadsheets in China save CSV with commas, but tab- and
 * semicolon-separated files are common too, so the header line decides.
 * What the rows mean is xf-question-format-table.c's business. */

static gboolean
is_line_end (const char *p,
             const char *end)
{
  return p < end && (*p == '\n' || *p == '\r');
}

/* Moves past a line end at @p (CRLF, LF or a lone CR). */
static const char *
skip_line_end (const char *p,
               const char *end)
{
  if (p < end && *p == '\r')
    {
      p++;
      if (p < end && *p == '\n')
        p++;
    }
  else if (p < end && *p == '\n')
    p++;
  return p;
}

/* The delimiter is the one the header line uses most: the first line,
 * outside quotes, that holds a comma, a tab or a semicolon (a title row
 * above the header may hold none). */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  const char *end = text + len;
  guint commas = 0;
  guint tabs = 0;
  guint semicolons = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
      else if (*p == ';')
        semicolons++;
      else if ((*p == '\n' || *p == '\r') && commas + tabs + semicolons > 0)
        break;
    }

  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas && semicolons > tabs)
    return ';';
  return ',';
}

typedef struct
{
  const char *p;
  const char *end;
  guint       line;       /* the line p is on */
  char        delimiter;
  GString    *field;
} Reader;

/* Reads a quoted cell from the quote at reader->p. Returns FALSE when the
 * quote is never closed. Text between quotes is appended a run at a time:
 * cells of a question bank are long. */
static gboolean
read_quoted (Reader *reader)
{
  const char *p = reader->p + 1;

  while (p < reader->end)
    {
      const char *quote = memchr (p, '"', reader->end - p);
      const char *run_end = quote != NULL ? quote : reader->end;

      for (const char *c = p; c < run_end; c++)
        if (*c == '\n' || (*c == '\r' && !(c + 1 < reader->end && c[1] == '\n')))
          reader->line++;
      g_string_append_len (reader->field, p, run_end - p);
      if (quote == NULL)
        return FALSE;
      if (quote + 1 < reader->end && quote[1] == '"')
        {
          g_string_append_c (reader->field, '"');
          p = quote + 2;
          continue;
        }
      reader->p = quote + 1;
      return TRUE;
    }
  return FALSE;
}

/* Reads one cell at reader->p into reader->field, leaving reader->p at the
 * delimiter or the line end after it. */
static gboolean
read_field (Reader *reader)
{
  const char *p = reader->p;
  const char *start;

  g_string_truncate (reader->field, 0);
  while (p < reader->end && *p == ' ')
    p++;
  if (p < reader->end && *p == '"')
    {
      reader->p = p;
      if (!read_quoted (reader))
        return FALSE;
      p = reader->p;
    }
  /* Text after a closing quote, or a cell that does not start with one,
   * runs to the delimiter as it is (spreadsheets read 他说"好" that way) */
  start = p;
  while (p < reader->end && *p != reader->delimiter && *p != '\n' && *p != '\r')
    p++;
  g_string_append_len (reader->field, start, p - start);
  reader->p = p;
  return TRUE;
}

void
xf_question_read_csv (XfQuestionParse *parse,
                      const char      *text,
                      gsize            len)
{
  g_autoptr(XfQuestionTable) table = xf_question_table_new (parse);
  Reader reader = { text, text + len, 1, detect_delimiter (text, len), g_string_new (NULL) };

  while (reader.p < reader.end)
    {
      guint start = reader.line;
      guint column = 0;
      gboolean closed = TRUE;

      for (;;)
        {
          const char *field_start = reader.p;
          guint field_line = reader.line;

          if (!read_field (&reader))
            {
              g_autofree char *reason = NULL;
              const char *eol;

              /* A stray quote would swallow the rest of the file: skip
               * the row, and go on from the line after the quote. */
              reason = g_strdup_printf (_("The quote opened on line %u is never closed, so the row is not read"),
                                        field_line);
              xf_question_table_skip_row (table, start, reason);
              reader.line = field_line;
              eol = field_start;
              while (eol < reader.end && !is_line_end (eol, reader.end))
                eol++;
              reader.p = skip_line_end (eol, reader.end);
              if (reader.p > eol)
                reader.line++;
              closed = FALSE;
              break;
            }
          xf_question_table_set_cell (table, column++, reader.field->str, reader.field->len);
          if (reader.p < reader.end && *reader.p == reader.delimiter)
            {
              reader.p++;
              continue;
            }
          if (is_line_end (reader.p, reader.end))
            {
              reader.p = skip_line_end (reader.p, reader.end);
              reader.line++;
            }
          break;
        }
      if (closed && !xf_question_table_end_row (table, start))
        break;
    }

  xf_question_table_finish (table);
  g_string_free (reader.field, TRUE);
}

static void
append_field (GString    *out,
              const char *text)
{
  gboolean quote = *text == '\0' ? FALSE : strpbrk (text, ",\";\t\r\n") != NULL;

  /* Spaces at either end would be lost on reading without quotes */
  if (*text == ' ' || (*text != '\0' && text[strlen (text) - 1] == ' '))
    quote = TRUE;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * xf_question_write_csv:
 *
 * Writes the questions as a CSV table with the Chinese header row, in
 * UTF-8 with a byte-order mark and CRLF line ends, the way spreadsheet
 * programs open it without asking.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
xf_question_write_csv (GPtrArray   *questions,
                       const char  *bank_title,
                       GError     **error)
{
  g_autoptr(GArray) columns = NULL;
  GString *out;

  g_return_val_if_fail (questions != NULL, NULL);

  columns = xf_question_table_columns (questions);
  out = g_string_new ("\xEF\xBB\xBF");
  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, xf_question_column_header (g_array_index (columns, XfQuestionColumn, c)));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *text = xf_question_table_dup_cell (question,
                                                              g_array_index (columns, XfQuestionColumn, c));

          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}
