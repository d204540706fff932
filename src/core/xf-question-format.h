/* xf-question-format.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "xf-question.h"

G_BEGIN_DECLS

/* The native exchange format: docs/question-format.md */
#define XF_QUESTION_FORMAT_NAME    "xuefa-questions"
#define XF_QUESTION_FORMAT_VERSION 1

typedef enum
{
  XF_QUESTION_FORMAT_AUTO,
  XF_QUESTION_FORMAT_JSON,
  XF_QUESTION_FORMAT_GIFT,
  XF_QUESTION_FORMAT_MOODLE_XML,
  XF_QUESTION_FORMAT_AIKEN,
  XF_QUESTION_FORMAT_CSV,
  XF_QUESTION_FORMAT_XLSX,
  XF_QUESTION_FORMAT_TEXT,
  XF_QUESTION_FORMAT_LEXEVAL,  /* LexEval's JSON lines: {"input": stem + "A: …" lines, "answer": "B"} */
} XfQuestionFormat;

#define XF_QUESTION_N_FORMATS 9

/* Something about one question (or the whole file, when question is "")
 * that a person should know: why it was not read, or what was changed. */
typedef struct
{
  guint  line;      /* 1-based; 0 when the file as a whole is meant */
  char  *question;  /* the question's title or the start of its stem */
  char  *reason;    /* translated */
} XfQuestionProblem;

/* What a file held: the questions read, and why others were not. */
typedef struct
{
  char      *name;              /* the file's name, for messages */
  XfQuestionFormat format;      /* the format read (detected when asked to) */
  GPtrArray *questions;         /* XfQuestion, in file order */
  GPtrArray *problems;          /* XfQuestionProblem: questions not read */
  GPtrArray *notices;           /* XfQuestionProblem: read, but changed */
  char      *bank_title;        /* when the file names its bank, else NULL */
  char      *bank_description;
  char      *bank_source;
  char      *bank_licence;
  gpointer   stream;            /* private: see xf_question_parse_set_sink() */
} XfQuestionParse;

const char       *xf_question_format_to_string   (XfQuestionFormat  format);
gboolean          xf_question_format_from_string (const char       *text,
                                                  XfQuestionFormat *format);
const char       *xf_question_format_to_label    (XfQuestionFormat  format);
const char       *xf_question_format_extension   (XfQuestionFormat  format);
XfQuestionFormat  xf_question_format_detect      (const char       *name,
                                                  const char       *data,
                                                  gsize             len);
gboolean          xf_question_format_can_export  (XfQuestionFormat  format);
gboolean          xf_question_format_can_hold    (XfQuestionFormat  format,
                                                  XfQuestion       *question);

XfQuestionParse  *xf_question_parse_new          (const char       *name);
void              xf_question_parse_free         (XfQuestionParse  *parse);
void              xf_question_parse_add          (XfQuestionParse  *parse,
                                                  XfQuestion       *question);
void              xf_question_parse_add_problem  (XfQuestionParse  *parse,
                                                  guint             line,
                                                  const char       *question,
                                                  const char       *format,
                                                  ...) G_GNUC_PRINTF (4, 5);
void              xf_question_parse_add_notice   (XfQuestionParse  *parse,
                                                  guint             line,
                                                  const char       *question,
                                                  const char       *format,
                                                  ...) G_GNUC_PRINTF (4, 5);

XfQuestionParse  *xf_question_parse_bytes        (GBytes           *bytes,
                                                  const char       *name,
                                                  XfQuestionFormat  format);
XfQuestionParse  *xf_question_parse_file         (const char       *path,
                                                  XfQuestionFormat  format,
                                                  GError          **error);

GBytes           *xf_question_format_export      (XfQuestionFormat  format,
                                                  GPtrArray        *questions,
                                                  const char       *bank_title,
                                                  GPtrArray        *notices,
                                                  GError          **error);
gboolean          xf_question_format_export_file (XfQuestionFormat  format,
                                                  GPtrArray        *questions,
                                                  const char       *bank_title,
                                                  const char       *path,
                                                  GPtrArray        *notices,
                                                  GError          **error);

/* The native format's object for one question (the CLI prints it too) */
void              xf_question_build_json         (JsonBuilder      *builder,
                                                  XfQuestion       *question);

/* Citations in a cell or a line: 《行政处罚法》第三十二条；第三十三条 */
gboolean          xf_question_add_links_from_text (XfQuestion      *question,
                                                   const char      *text);
char             *xf_question_dup_links_text     (XfQuestion       *question);

void              xf_question_problem_free       (XfQuestionProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfQuestionParse, xf_question_parse_free)

G_END_DECLS
