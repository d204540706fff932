/* xf-exam-session.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-exam-store.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_SESSION (xf_exam_session_get_type ())

G_DECLARE_FINAL_TYPE (XfExamSession, xf_exam_session, XF, EXAM_SESSION, GObject)

XfExamSession *xf_exam_session_new              (const char           *db_path);
const char    *xf_exam_session_get_path         (XfExamSession        *self);
XfExam        *xf_exam_session_get_exam         (XfExamSession        *self);
XfAttempt     *xf_exam_session_get_attempt      (XfExamSession        *self);
GPtrArray     *xf_exam_session_get_questions    (XfExamSession        *self);
GPtrArray     *xf_exam_session_get_articles     (XfExamSession        *self);
XfExamResult  *xf_exam_session_get_result       (XfExamSession        *self);
gint64         xf_exam_session_get_remaining_us (XfExamSession        *self);
guint          xf_exam_session_get_n_pending    (XfExamSession        *self);

void           xf_exam_session_start_async      (XfExamSession        *self,
                                                 const char           *exam_uuid,
                                                 const char           *profile,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void           xf_exam_session_resume_async     (XfExamSession        *self,
                                                 const char           *attempt_uuid,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_open_finish      (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           xf_exam_session_answer_async     (XfExamSession        *self,
                                                 guint                 n,
                                                 const char           *answer,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_answer_finish    (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 guint                *n,
                                                 GError              **error);
void           xf_exam_session_flag_async       (XfExamSession        *self,
                                                 guint                 n,
                                                 gboolean              flagged,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_flag_finish      (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 guint                *n,
                                                 gboolean             *flagged,
                                                 GError              **error);
void           xf_exam_session_tick_async       (XfExamSession        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_tick_finish      (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           xf_exam_session_submit_async     (XfExamSession        *self,
                                                 const char           *submitted_by,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_submit_finish    (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           xf_exam_session_load_async       (XfExamSession        *self,
                                                 const char           *attempt_uuid,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       xf_exam_session_load_finish      (XfExamSession        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

gboolean       xf_exam_error_is_over            (const GError         *error);

G_END_DECLS
