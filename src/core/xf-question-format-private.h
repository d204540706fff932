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
void    xf_question_read_text       (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);
void    xf_question_read_lexeval    (XfQuestionParse *parse,
                                     const char      *text,
                                     gsize            len);

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


G_END_DECLS
