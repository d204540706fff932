/* xf-question-editor.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-question.h"

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_EDITOR (xf_question_editor_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionEditor, xf_question_editor, XF, QUESTION_EDITOR, AdwWindow)

XfQuestionEditor *xf_question_editor_new              (GtkWindow          *parent,
                                                       XfDatabase         *database,
                                                       XfQuestion         *question,
                                                       gint64              bank_id);
void              xf_question_editor_set_completions  (XfQuestionEditor   *self,
                                                       const char * const *categories,
                                                       const char * const *tags);
XfQuestion       *xf_question_editor_dup_question     (XfQuestionEditor   *self);
const char       *xf_question_editor_get_problem      (XfQuestionEditor   *self);
gboolean          xf_question_editor_save             (XfQuestionEditor   *self,
                                                       GError            **error);
void              xf_question_editor_add_link         (XfQuestionEditor   *self,
                                                       const char         *law_title,
                                                       guint               number,
                                                       guint               sub);

G_END_DECLS
