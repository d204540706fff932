/* xf-question-preview.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-question-format.h"
#include "xf-question-store.h"

G_BEGIN_DECLS

/* What importing a question read from a file would do with it. */
typedef enum
{
  XF_QUESTION_PREVIEW_NEW,        /* added to the bank */
  XF_QUESTION_PREVIEW_DUPLICATE,  /* the store (or the file, earlier) has it */
  XF_QUESTION_PREVIEW_UPDATE,     /* same UUID as a stored question, changed */
  XF_QUESTION_PREVIEW_UNCHANGED,  /* same UUID as a stored question, same content */
} XfQuestionPreviewStatus;

#define XF_TYPE_QUESTION_PREVIEW (xf_question_preview_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionPreview, xf_question_preview, XF, QUESTION_PREVIEW, GObject)

XfQuestionPreview       *xf_question_preview_new          (XfQuestion              *question,
                                                           guint                    number,
                                                           XfQuestionPreviewStatus  status);
XfQuestion              *xf_question_preview_get_question (XfQuestionPreview       *self);
guint                    xf_question_preview_get_number   (XfQuestionPreview       *self);
XfQuestionPreviewStatus  xf_question_preview_get_status   (XfQuestionPreview       *self);
const char              *xf_question_preview_get_badge    (XfQuestionPreview       *self);
const char              *xf_question_preview_get_summary  (XfQuestionPreview       *self);
const char              *xf_question_preview_get_answer   (XfQuestionPreview       *self);
const char              *xf_question_preview_get_mark     (XfQuestionPreview       *self);

/* What the import dialog shows, from plain values (testable without a display) */
const char *xf_format_question_badge          (XfQuestionType                type);
char       *xf_format_question_problem        (const XfQuestionProblem      *problem);
char       *xf_format_question_preview_summary (guint                        n_readable,
                                                guint                        n_problems,
                                                guint                        n_duplicates);
char       *xf_format_question_import_report  (const XfQuestionImportReport *report);
char       *xf_format_question_export_result  (guint                        n_exported,
                                               const char                  *file_name,
                                               guint                        n_left_out);

G_END_DECLS
