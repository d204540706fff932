/* xf-exam-results.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-exam-session.h"
#include "xf-profile.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_RESULTS (xf_exam_results_get_type ())

G_DECLARE_FINAL_TYPE (XfExamResults, xf_exam_results, XF, EXAM_RESULTS, GtkWidget)

GtkWidget     *xf_exam_results_new         (void);
void           xf_exam_results_show        (XfExamResults *self,
                                            XfExamSession *session);
void           xf_exam_results_load        (XfExamResults *self,
                                            const char    *db_path,
                                            const char    *attempt_uuid);
const char    *xf_exam_results_get_page    (XfExamResults *self);
XfExamSession *xf_exam_results_get_session (XfExamResults *self);
void           xf_exam_results_set_profile (XfExamResults *self,
                                            XfProfile     *profile);

void           xf_exam_results_export_async  (XfExamResults        *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       xf_exam_results_export_finish (XfExamResults        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
GtkPrintOperation *xf_exam_results_new_print_operation (XfExamResults  *self,
                                                        GError        **error);

G_END_DECLS
