/* xf-exam-review-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-article.h"
#include "xf-exam.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_REVIEW_ROW (xf_exam_review_row_get_type ())

G_DECLARE_FINAL_TYPE (XfExamReviewRow, xf_exam_review_row, XF, EXAM_REVIEW_ROW, GtkListBoxRow)

GtkWidget  *xf_exam_review_row_new      (guint        number,
                                         XfExamItem  *item,
                                         XfQuestion  *question,
                                         const char  *answer,
                                         XfExamMark  *mark,
                                         GPtrArray   *articles);
const char *xf_exam_review_row_get_mark (XfExamReviewRow *self);
GtkWidget  *xf_exam_review_article_new  (XfQuestion      *question,
                                         guint            index,
                                         XfArticle       *article);

char       *xf_format_exam_mark         (XfExamMark  *mark);

G_END_DECLS
