/* xf-exam-editor.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-exam.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_EDITOR (xf_exam_editor_get_type ())

G_DECLARE_FINAL_TYPE (XfExamEditor, xf_exam_editor, XF, EXAM_EDITOR, AdwWindow)

XfExamEditor *xf_exam_editor_new           (GtkWindow     *parent,
                                            const char    *db_path,
                                            XfExam        *exam);
XfExam       *xf_exam_editor_dup_exam      (XfExamEditor  *self,
                                            GError       **error);
const char   *xf_exam_editor_get_problem   (XfExamEditor  *self);
gboolean      xf_exam_editor_get_checking  (XfExamEditor  *self);
gboolean      xf_exam_editor_save          (XfExamEditor  *self,
                                            GError       **error);

gboolean      xf_exam_editor_parse_time    (const char    *text,
                                            gint64        *time_us);
char         *xf_exam_editor_format_time   (gint64         time_us);

G_END_DECLS
