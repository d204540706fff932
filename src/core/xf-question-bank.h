/* xf-question-bank.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_BANK (xf_question_bank_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionBank, xf_question_bank, XF, QUESTION_BANK, GObject)

XfQuestionBank *xf_question_bank_new             (gint64          id,
                                                  const char     *uuid,
                                                  const char     *title);
gint64          xf_question_bank_get_id          (XfQuestionBank *self);
const char     *xf_question_bank_get_uuid        (XfQuestionBank *self);
const char     *xf_question_bank_get_title       (XfQuestionBank *self);
const char     *xf_question_bank_get_description (XfQuestionBank *self);
void            xf_question_bank_set_description (XfQuestionBank *self,
                                                  const char     *description);
const char     *xf_question_bank_get_source      (XfQuestionBank *self);
void            xf_question_bank_set_source      (XfQuestionBank *self,
                                                  const char     *source);
const char     *xf_question_bank_get_licence     (XfQuestionBank *self);
void            xf_question_bank_set_licence     (XfQuestionBank *self,
                                                  const char     *licence);
gboolean        xf_question_bank_get_builtin     (XfQuestionBank *self);
void            xf_question_bank_set_builtin     (XfQuestionBank *self,
                                                  gboolean        builtin);
guint           xf_question_bank_get_n_questions (XfQuestionBank *self);
void            xf_question_bank_set_n_questions (XfQuestionBank *self,
                                                  guint           n_questions);

G_END_DECLS
