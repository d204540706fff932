/* xf-exam-report.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "xf-exam-store.h"

G_BEGIN_DECLS

/* A4 in PostScript points */
#define XF_EXAM_REPORT_A4_WIDTH  595.276
#define XF_EXAM_REPORT_A4_HEIGHT 841.89

#define XF_TYPE_EXAM_REPORT (xf_exam_report_get_type ())

G_DECLARE_FINAL_TYPE (XfExamReport, xf_exam_report, XF, EXAM_REPORT, GObject)

XfExamReport *xf_exam_report_new          (XfExam        *exam,
                                           XfAttempt     *attempt,
                                           XfExamResult  *result,
                                           GPtrArray     *questions,
                                           const char    *name,
                                           const char    *department,
                                           gint64         generated_at,
                                           GError       **error);
const char   *xf_exam_report_get_exam_title (XfExamReport *self);
char         *xf_exam_report_dup_file_name (XfExamReport  *self);
guint         xf_exam_report_paginate     (XfExamReport  *self,
                                           cairo_t       *cr,
                                           double         width,
                                           double         height);
guint         xf_exam_report_get_n_pages  (XfExamReport  *self);
void          xf_exam_report_draw_page    (XfExamReport  *self,
                                           cairo_t       *cr,
                                           guint          page);
gboolean      xf_exam_report_write_pdf    (XfExamReport  *self,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
