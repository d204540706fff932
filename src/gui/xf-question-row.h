/* xf-question-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-question.h"

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_ROW (xf_question_row_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionRow, xf_question_row, XF, QUESTION_ROW, GtkWidget)

GtkWidget  *xf_question_row_new                 (void);
XfQuestion *xf_question_row_get_question        (XfQuestionRow *self);
void        xf_question_row_set_question        (XfQuestionRow *self,
                                                 XfQuestion    *question);
char       *xf_question_row_dup_text            (XfQuestionRow *self);
char       *xf_question_row_format_difficulty   (guint          difficulty);
char       *xf_question_row_format_links        (XfQuestion    *question);

G_END_DECLS
