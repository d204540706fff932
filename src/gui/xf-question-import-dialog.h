/* xf-question-import-dialog.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-question-format.h"
#include "xf-question-store.h"

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_IMPORT_DIALOG (xf_question_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionImportDialog, xf_question_import_dialog, XF, QUESTION_IMPORT_DIALOG, AdwWindow)

XfQuestionImportDialog       *xf_question_import_dialog_new                 (GtkWindow              *parent,
                                                                             XfDatabase             *database);
void                          xf_question_import_dialog_choose_file         (XfQuestionImportDialog *self);
void                          xf_question_import_dialog_open_file           (XfQuestionImportDialog *self,
                                                                             GFile                  *file);
const char                   *xf_question_import_dialog_get_page            (XfQuestionImportDialog *self);
XfQuestionFormat              xf_question_import_dialog_get_format          (XfQuestionImportDialog *self);
void                          xf_question_import_dialog_set_format          (XfQuestionImportDialog *self,
                                                                             XfQuestionFormat        format);
XfQuestionParse              *xf_question_import_dialog_get_parse           (XfQuestionImportDialog *self);
GListModel                   *xf_question_import_dialog_get_questions       (XfQuestionImportDialog *self);
GListModel                   *xf_question_import_dialog_get_problems        (XfQuestionImportDialog *self);
guint                         xf_question_import_dialog_get_n_duplicates    (XfQuestionImportDialog *self);
const char                   *xf_question_import_dialog_get_bank_title      (XfQuestionImportDialog *self);
void                          xf_question_import_dialog_set_bank_title      (XfQuestionImportDialog *self,
                                                                             const char             *title);
gboolean                      xf_question_import_dialog_get_keep_duplicates (XfQuestionImportDialog *self);
void                          xf_question_import_dialog_set_keep_duplicates (XfQuestionImportDialog *self,
                                                                             gboolean                keep);
gboolean                      xf_question_import_dialog_import              (XfQuestionImportDialog *self);
const XfQuestionImportReport *xf_question_import_dialog_get_report          (XfQuestionImportDialog *self);

G_END_DECLS
