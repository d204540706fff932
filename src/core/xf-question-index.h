/* xf-question-index.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-database.h"

G_BEGIN_DECLS

/* What a bank page filters by; each unset field matches everything. */
typedef struct
{
  gint64      bank_id;     /* 0: every bank */
  int         type;        /* an XfQuestionType, or -1 */
  guint       difficulty;  /* 1–5, or 0 */
  const char *category;    /* a category path; its sub-categories match too */
  const char *tag;
  const char *law;         /* a law title (full or without 中华人民共和国) a link names */
  const char *text;        /* in the title, stem, options, answers or explanation */
} XfQuestionFilter;

#define XF_QUESTION_FILTER_INIT { 0, -1, 0, NULL, NULL, NULL, NULL }

#define XF_TYPE_QUESTION_INDEX (xf_question_index_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestionIndex, xf_question_index, XF, QUESTION_INDEX, GObject)

XfQuestionIndex *xf_question_index_new            (XfDatabase             *db,
                                                   GError                **error);
guint            xf_question_index_get_n_questions (XfQuestionIndex       *self);
GArray          *xf_question_index_filter         (XfQuestionIndex        *self,
                                                   const XfQuestionFilter *filter);
GStrv            xf_question_index_dup_categories (XfQuestionIndex        *self);
GStrv            xf_question_index_dup_tags       (XfQuestionIndex        *self);
GStrv            xf_question_index_dup_laws       (XfQuestionIndex        *self);

G_END_DECLS
