/* xf-question-format-xlsx-write.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "xf-question-format-private.h"

/* Question tables written as Excel workbooks with libxlsxwriter, which
 * writes to a file by name: a private temporary file, read back and
 * removed. */

/* A sheet's name: at most 31 characters, none of []:*?/\ */
static char *
sheet_name (const char *bank_title)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = bank_title != NULL ? bank_title : ""; *p != '\0' && n < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x80 && strchr ("[]:*?/\\'", (int)c) != NULL) || g_unichar_iscntrl (c))
        continue;
      g_string_append_unichar (out, c);
      n++;
    }
  if (out->len == 0)
    g_string_assign (out, C_("worksheet name", "Questions"));
  return g_string_free (out, FALSE);
}

static double
column_width (XfQuestionColumn column)
{
  switch (column)
    {
    case XF_QUESTION_COLUMN_STEM:
      return 50;
    case XF_QUESTION_COLUMN_EXPLANATION:
      return 40;
    case XF_QUESTION_COLUMN_LINKS:
      return 30;
    case XF_QUESTION_COLUMN_TYPE:
    case XF_QUESTION_COLUMN_DIFFICULTY:
    case XF_QUESTION_COLUMN_SCORE:
      return 8;
    case XF_QUESTION_COLUMN_ANSWER:
      return 14;
    case XF_QUESTION_COLUMN_CATEGORY:
    case XF_QUESTION_COLUMN_TAGS:
    case XF_QUESTION_COLUMN_SOURCE:
    case XF_QUESTION_COLUMN_NONE:
    case XF_QUESTION_N_COLUMNS:
    default:
      return 20;  /* the options, too */
    }
}

static lxw_error
write_cell (lxw_worksheet    *worksheet,
            guint             row,
            guint             column,
            XfQuestion       *question,
            XfQuestionColumn  field,
            lxw_format       *format)
{
  g_autofree char *text = xf_question_table_dup_cell (question, field);
  g_autofree char *escaped = NULL;

  if (field == XF_QUESTION_COLUMN_DIFFICULTY)
    return worksheet_write_number (worksheet, row, column, xf_question_get_difficulty (question), format);
  if (field == XF_QUESTION_COLUMN_SCORE)
    return worksheet_write_number (worksheet, row, column, xf_question_get_score (question), format);
  if (*text == '\0')
    return LXW_NO_ERROR;
  escaped = xf_question_xlsx_escape_text (text);
  return worksheet_write_string (worksheet, row, column, escaped, format);
}

/**
 * xf_question_write_xlsx:
 *
 * Writes the questions as an Excel workbook: one sheet, the Chinese header
 * row in bold and frozen, then a question a row.
 *
 * Returns: (transfer full): the file's contents, or %NULL when a text is
 *   longer than a cell holds or the workbook cannot be written
 */
GBytes *
xf_question_write_xlsx (GPtrArray   *questions,
                        const char  *bank_title,
                        GError     **error)
{
  g_autoptr(GArray) columns = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  lxw_workbook_options options = { LXW_FALSE, (char *)g_get_tmp_dir (), LXW_FALSE };
  lxw_doc_properties properties = { NULL, };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  lxw_format *bold;
  lxw_format *wrap;
  lxw_format *plain;
  lxw_error result = LXW_NO_ERROR;
  lxw_error closed;
  guint failed_row = 0;
  gsize length;
  int fd;

  g_return_val_if_fail (questions != NULL, NULL);

  if (questions->len >= LXW_ROW_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("An Excel worksheet holds at most %u questions"), LXW_ROW_MAX - 1);
      return NULL;
    }

  /* libxlsxwriter writes to a file by name: make one only we can open */
  fd = g_file_open_tmp ("xuefa-XXXXXX.xlsx", &path, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);
  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_unlink (path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the XLSX workbook: %s"),
                   g_strerror (errno));
      return NULL;
    }

  name = sheet_name (bank_title);
  worksheet = workbook_add_worksheet (workbook, name);
  if (worksheet == NULL)
    worksheet = workbook_add_worksheet (workbook, NULL);
  if (bank_title != NULL)
    {
      properties.title = (char *)bank_title;
      workbook_set_properties (workbook, &properties);
    }
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  format_set_align (bold, LXW_ALIGN_CENTER);
  wrap = workbook_add_format (workbook);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  plain = workbook_add_format (workbook);
  format_set_align (plain, LXW_ALIGN_VERTICAL_TOP);

  columns = xf_question_table_columns (questions);
  for (guint c = 0; c < columns->len && result == LXW_NO_ERROR; c++)
    {
      XfQuestionColumn column = g_array_index (columns, XfQuestionColumn, c);

      worksheet_set_column (worksheet, c, c, column_width (column), NULL);
      result = worksheet_write_string (worksheet, 0, c, xf_question_column_header (column), bold);
    }
  worksheet_freeze_panes (worksheet, 1, 0);

  for (guint i = 0; i < questions->len && result == LXW_NO_ERROR; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      for (guint c = 0; c < columns->len && result == LXW_NO_ERROR; c++)
        {
          XfQuestionColumn column = g_array_index (columns, XfQuestionColumn, c);
          gboolean long_text = column == XF_QUESTION_COLUMN_STEM ||
                               column == XF_QUESTION_COLUMN_EXPLANATION ||
                               (column >= XF_QUESTION_COLUMN_OPTION_A && column < XF_QUESTION_COLUMN_ANSWER);

          result = write_cell (worksheet, i + 1, c, question, column, long_text ? wrap : plain);
        }
      if (result != LXW_NO_ERROR)
        failed_row = i + 1;
    }
  if (result == LXW_NO_ERROR && questions->len > 0)
    worksheet_autofilter (worksheet, 0, 0, questions->len, columns->len - 1);

  /* Closing frees the workbook, so it happens even after a failure */
  closed = workbook_close (workbook);
  if (result == LXW_NO_ERROR && closed == LXW_NO_ERROR)
    g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);

  if (result == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Question %u has a text longer than the 32767 characters an Excel cell holds"),
                 failed_row);
  else if (result != LXW_NO_ERROR || closed != LXW_NO_ERROR)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the XLSX workbook: %s"),
                 lxw_strerror (result != LXW_NO_ERROR ? result : closed));
  if (contents == NULL)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}
