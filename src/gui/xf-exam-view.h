/* xf-exam-view.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-exam-session.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_VIEW (xf_exam_view_get_type ())

G_DECLARE_FINAL_TYPE (XfExamView, xf_exam_view, XF, EXAM_VIEW, GtkWidget)

GtkWidget     *xf_exam_view_new            (void);
void           xf_exam_view_start          (XfExamView *self,
                                            const char *db_path,
                                            const char *exam_uuid,
                                            const char *profile);
void           xf_exam_view_resume         (XfExamView *self,
                                            const char *db_path,
                                            const char *attempt_uuid);
XfExamSession *xf_exam_view_get_session    (XfExamView *self);
gboolean       xf_exam_view_get_running    (XfExamView *self);
const char    *xf_exam_view_get_page       (XfExamView *self);
guint          xf_exam_view_get_current    (XfExamView *self);
void           xf_exam_view_go_to          (XfExamView *self,
                                            guint       index);
const char    *xf_exam_view_get_answer     (XfExamView *self,
                                            guint       index);
gboolean       xf_exam_view_get_flagged    (XfExamView *self,
                                            guint       index);
gboolean       xf_exam_view_is_saved       (XfExamView *self,
                                            guint       index);
guint          xf_exam_view_get_n_answered (XfExamView *self);
GArray        *xf_exam_view_dup_unanswered (XfExamView *self);
void           xf_exam_view_ask_submit     (XfExamView *self);
void           xf_exam_view_submit         (XfExamView *self,
                                            const char *submitted_by);
void           xf_exam_view_leave          (XfExamView *self);
const char    *xf_exam_view_get_layout     (XfExamView *self);
gboolean       xf_exam_view_get_scrolling  (XfExamView *self);
void           xf_exam_view_set_layout     (XfExamView *self,
                                            const char *layout);

G_END_DECLS
