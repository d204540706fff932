/* xf-question-export-dialog.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-question-format.h"

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_EXPORT_DIALOG (xf_question_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionExportDialog, xf_question_export_dialog, XF, QUESTION_EXPORT_DIALOG, AdwMessageDialog)

XfQuestionExportDialog *xf_question_export_dialog_new         (GtkWindow              *parent,
                                                               XfDatabase             *database,
                                                               gint64                  bank_id);
gint64                  xf_question_export_dialog_get_bank_id (XfQuestionExportDialog *self);
void                    xf_question_export_dialog_set_bank_id (XfQuestionExportDialog *self,
                                                               gint64                  bank_id);
XfQuestionFormat        xf_question_export_dialog_get_format  (XfQuestionExportDialog *self);
void                    xf_question_export_dialog_set_format  (XfQuestionExportDialog *self,
                                                               XfQuestionFormat        format);
void                    xf_question_export_dialog_save_to     (XfQuestionExportDialog *self,
                                                               GFile                  *file);

void                    xf_question_export_async              (const char             *db_path,
                                                               gint64                  bank_id,
                                                               XfQuestionFormat        format,
                                                               GFile                  *file,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean                xf_question_export_finish             (GAsyncResult           *result,
                                                               guint                  *n_exported,
                                                               guint                  *n_left_out,
                                                               GError                **error);

G_END_DECLS
