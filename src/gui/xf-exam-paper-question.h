/* xf-exam-paper-question.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-exam.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_PAPER_QUESTION (xf_exam_paper_question_get_type ())

G_DECLARE_FINAL_TYPE (XfExamPaperQuestion, xf_exam_paper_question, XF, EXAM_PAPER_QUESTION, GtkWidget)

GtkWidget  *xf_exam_paper_question_new          (guint                index,
                                                 guint                n_questions,
                                                 XfExamItem          *item,
                                                 XfQuestion          *question);
guint       xf_exam_paper_question_get_index    (XfExamPaperQuestion *self);
void        xf_exam_paper_question_show_answer  (XfExamPaperQuestion *self,
                                                 const char          *answer,
                                                 gboolean             with_text);
void        xf_exam_paper_question_set_flagged  (XfExamPaperQuestion *self,
                                                 gboolean             flagged);
void        xf_exam_paper_question_set_status   (XfExamPaperQuestion *self,
                                                 const char          *icon_name,
                                                 const char          *text,
                                                 gboolean             failed);
void        xf_exam_paper_question_set_current  (XfExamPaperQuestion *self,
                                                 gboolean             current);
void        xf_exam_paper_question_commit_text  (XfExamPaperQuestion *self);
gboolean    xf_exam_paper_question_focus_answer (XfExamPaperQuestion *self);

GtkWidget  *xf_exam_option_button_new           (const char          *letter,
                                                 const char          *text);
void        xf_exam_option_buttons_fill         (GPtrArray           *buttons,
                                                 XfExamItem          *item,
                                                 XfQuestion          *question);
void        xf_exam_option_buttons_sync         (GPtrArray           *buttons,
                                                 XfExamItem          *item,
                                                 const char          *answer);
char       *xf_exam_option_buttons_answer       (GPtrArray           *buttons,
                                                 GtkToggleButton     *button,
                                                 XfExamItem          *item,
                                                 const char          *answer);

G_END_DECLS
