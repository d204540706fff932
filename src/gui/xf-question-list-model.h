/* xf-question-list-model.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_QUESTION_LIST_MODEL (xf_question_list_model_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionListModel, xf_question_list_model, XF, QUESTION_LIST_MODEL, GObject)

XfQuestionListModel *xf_question_list_model_new          (XfDatabase          *database);
XfDatabase          *xf_question_list_model_get_database (XfQuestionListModel *self);
void                 xf_question_list_model_set_ids      (XfQuestionListModel *self,
                                                          GArray              *ids);
const gint64        *xf_question_list_model_get_ids      (XfQuestionListModel *self,
                                                          guint               *n_ids);
gint64               xf_question_list_model_get_id       (XfQuestionListModel *self,
                                                          guint                position);
guint                xf_question_list_model_find         (XfQuestionListModel *self,
                                                          gint64               id);
void                 xf_question_list_model_remove_ids   (XfQuestionListModel *self,
                                                          const gint64        *ids,
                                                          guint                n_ids);
void                 xf_question_list_model_insert_ids   (XfQuestionListModel *self,
                                                          const gint64        *ids,
                                                          guint                n_ids);
void                 xf_question_list_model_refresh      (XfQuestionListModel *self,
                                                          const gint64        *ids,
                                                          guint                n_ids);
void                 xf_question_list_model_forget       (XfQuestionListModel *self);
guint                xf_question_list_model_get_n_cached (XfQuestionListModel *self);

G_END_DECLS
