/* xf-question-format-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xf-question-format.h"

G_BEGIN_DECLS

/* Each reader gets the file's text as valid UTF-8 without a byte-order mark,
 * NUL-terminated (XLSX gets the file's bytes). It adds each question it
 * reads with xf_question_parse_add(), setting its line, and a problem for
 * each it cannot read, saying why; it never stops at the first bad
 * question. xf_question_parse_bytes() validates what the readers add. */
void    xf_question_read_json       (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_gift       (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_moodle_xml (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_aiken      (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_csv        (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_xlsx       (XfQuestionParse *parse,
                                     const char      *data,
                                     gsize            len);
/* As xf_question_read_xlsx(), with another cap on what each part of the
 * archive may unpack to (256 MiB there) */
void    xf_question_read_xlsx_capped (XfQuestionParse *parse,
                                     const char      *data,
                                     gsize            len,
                                     guint64          max_part_size);
void    xf_question_read_text       (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_lexeval    (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);

/* Storing a file's questions while it is read (xf_question_store_import_file()):
 * the sink gets each question that passes validation, from the thread that
 * reads, as soon as the reader has made it, or, for formats whose readers
 * finish questions late (see xf_question_format_can_stream()), all at the
 * end. The sink takes a reference of its own. */
typedef void (*XfQuestionSink) (XfQuestion *question,
                                gpointer    user_data);

gboolean xf_question_format_can_stream (XfQuestionFormat  format);
void     xf_question_parse_set_sink    (XfQuestionParse  *parse,
                                        XfQuestionSink    sink,
                                        gpointer          user_data);
void     xf_question_parse_discard     (XfQuestionParse  *parse);
gboolean xf_question_parse_was_discarded
                                       (XfQuestionParse  *parse);
void     xf_question_parse_read_bytes  (XfQuestionParse  *parse,
                                        GBytes           *bytes,
                                        XfQuestionFormat  format);

/* Each writer writes the questions its format can hold (the caller has
 * checked with xf_question_format_can_hold()). */
GBytes *xf_question_write_json      (GPtrArray       *questions,
                                     const char      *bank_title,
                                     GError         **error);
GBytes *xf_question_write_gift      (GPtrArray       *questions,
                                     const char      *bank_title,
                                     GError         **error);
GBytes *xf_question_write_moodle_xml (GPtrArray      *questions,
                                     const char      *bank_title,
                                     GError         **error);
GBytes *xf_question_write_aiken     (GPtrArray       *questions,
                                     const char      *bank_title,
                                     GError         **error);
GBytes *xf_question_write_csv       (GPtrArray       *questions,
                                     const char      *bank_title,
                                     GError         **error);
GBytes *xf_question_write_xlsx      (GPtrArray       *questions,
                                     const char      *bank_title,
                                     GError         **error);

/* The table columns shared by CSV and XLSX (DESIGN.md §4). */
typedef enum
{
  XF_QUESTION_COLUMN_NONE = -1,
  XF_QUESTION_COLUMN_TYPE,
  XF_QUESTION_COLUMN_STEM,
  XF_QUESTION_COLUMN_OPTION_A,   /* … to H: OPTION_A + 7 */
  XF_QUESTION_COLUMN_ANSWER = XF_QUESTION_COLUMN_OPTION_A + 8,
  XF_QUESTION_COLUMN_EXPLANATION,
  XF_QUESTION_COLUMN_CATEGORY,
  XF_QUESTION_COLUMN_DIFFICULTY,
  XF_QUESTION_COLUMN_LINKS,
  XF_QUESTION_COLUMN_TAGS,
  XF_QUESTION_COLUMN_SCORE,
  XF_QUESTION_COLUMN_SOURCE,
  XF_QUESTION_N_COLUMNS
} XfQuestionColumn;

const char       *xf_question_column_header      (XfQuestionColumn  column);
XfQuestionColumn  xf_question_column_from_header (const char       *header);

/* Reading a table (CSV, XLSX). A reader hands over the cells of each row
 * and then ends the row; the table finds the header row, maps each later
 * row to a question (or a problem) and adds it to the parse. */
typedef struct _XfQuestionTable XfQuestionTable;

/* Excel's limit on the characters of one cell */
#define XF_QUESTION_TABLE_MAX_CELL_CHARS 32767

XfQuestionTable  *xf_question_table_new          (XfQuestionParse  *parse);
void              xf_question_table_free         (XfQuestionTable  *table);
void              xf_question_table_set_cell     (XfQuestionTable  *table,
                                                  guint             column,
                                                  const char       *text,
                                                  gsize             len);
gboolean          xf_question_table_end_row      (XfQuestionTable  *table,
                                                  guint             line);
void              xf_question_table_skip_row     (XfQuestionTable  *table,
                                                  guint             line,
                                                  const char       *reason);
gboolean          xf_question_table_has_header   (XfQuestionTable  *table);
void              xf_question_table_finish       (XfQuestionTable  *table);

/* Writing a table: the columns to write, and what a cell holds (the form
 * the reader reads back). */
GArray           *xf_question_table_columns      (GPtrArray        *questions);
char             *xf_question_table_dup_cell     (XfQuestion       *question,
                                                  XfQuestionColumn  column);

/* Text for an XLSX cell: what looks like an _xHHHH_ escape is escaped */
char             *xf_question_xlsx_escape_text   (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfQuestionTable, xf_question_table_free)

G_END_DECLS
