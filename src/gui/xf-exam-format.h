/* xf-exam-format.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-exam.h"

G_BEGIN_DECLS

/* Minutes left at which the countdown warns */
#define XF_EXAM_WARNING_US (5 * 60 * G_USEC_PER_SEC)

/* How many unanswered questions a dialog names */
#define XF_EXAM_NUMBERS_SHOWN 20

gboolean  xf_exam_answer_for_key     (XfExamItem    *item,
                                      const char    *answer,
                                      guint          keyval,
                                      char         **new_answer);
char     *xf_exam_choose_option      (XfExamItem    *item,
                                      const char    *answer,
                                      guint          option);
gboolean  xf_exam_answer_has_option  (const char    *answer,
                                      guint          option);
guint     xf_exam_count_questions    (XfExam        *exam);

char     *xf_format_countdown        (gint64         remaining_us);
char     *xf_format_time_used        (gint64         elapsed_us);
char     *xf_format_score            (double         score);
char     *xf_format_score_of         (double         score,
                                      double         total);
char     *xf_format_question_numbers (const guint   *numbers,
                                      guint          n_numbers,
                                      guint          max_shown);
char     *xf_format_exam_facts       (XfExam        *exam);
char     *xf_format_attempt_time     (gint64         utc_us);
char     *xf_format_exam_answer      (XfExamItem    *item,
                                      XfQuestion    *question,
                                      const char    *answer);
char     *xf_format_exam_key         (XfExamItem    *item,
                                      XfQuestion    *question);
const char *xf_format_true_false     (gboolean       value);
char     *xf_format_exam_type_hint   (XfExamItem    *item);

G_END_DECLS
