/* xf-question.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XF_QUESTION_MAX_OPTIONS 8

typedef enum
{
  XF_QUESTION_SINGLE,      /* 单选: exactly one right option */
  XF_QUESTION_MULTIPLE,    /* 多选: two or more right options */
  XF_QUESTION_TRUE_FALSE,  /* 判断: answer "T" or "F" */
  XF_QUESTION_FILL,        /* 填空: one or more accepted answers */
  XF_QUESTION_ESSAY,       /* 简答: graded by hand; the answer is a reference text */
} XfQuestionType;

#define XF_QUESTION_N_TYPES 5

#define XF_TYPE_QUESTION (xf_question_get_type ())

G_DECLARE_FINAL_TYPE (XfQuestion, xf_question, XF, QUESTION, GObject)

const char     *xf_question_type_to_string   (XfQuestionType  type);
gboolean        xf_question_type_from_string (const char     *text,
                                              XfQuestionType *type);
const char     *xf_question_type_to_label    (XfQuestionType  type);

char           *xf_question_normalize_text   (const char     *text);
gboolean        xf_question_char_is_stable   (gunichar        c);
gboolean        xf_question_parse_true_false (const char     *text,
                                              gboolean       *value);

XfQuestion     *xf_question_new              (XfQuestionType  type);
XfQuestion     *xf_question_copy             (XfQuestion     *self);
gboolean        xf_question_equal_content    (XfQuestion     *a,
                                              XfQuestion     *b);
gboolean        xf_question_validate         (XfQuestion     *self,
                                              GError        **error);
char           *xf_question_dup_fingerprint  (XfQuestion     *self);
char           *xf_question_dup_summary      (XfQuestion     *self);
char           *xf_question_dup_answer_text  (XfQuestion     *self);

/* Identity, set by the store */
gint64          xf_question_get_id           (XfQuestion     *self);
void            xf_question_set_id           (XfQuestion     *self,
                                              gint64          id);
const char     *xf_question_get_uuid         (XfQuestion     *self);
void            xf_question_set_uuid         (XfQuestion     *self,
                                              const char     *uuid);
gint64          xf_question_get_bank_id      (XfQuestion     *self);
void            xf_question_set_bank_id      (XfQuestion     *self,
                                              gint64          bank_id);
guint           xf_question_get_version      (XfQuestion     *self);
void            xf_question_set_version      (XfQuestion     *self,
                                              guint           version);
gint64          xf_question_get_updated_at   (XfQuestion     *self);
void            xf_question_set_updated_at   (XfQuestion     *self,
                                              gint64          updated_at);

/* Where the question starts in the file it was read from (1-based; 0 when
 * it was not read from a file). Not stored. */
guint           xf_question_get_line         (XfQuestion     *self);
void            xf_question_set_line         (XfQuestion     *self,
                                              guint           line);

/* Content */
XfQuestionType  xf_question_get_question_type (XfQuestion    *self);
void            xf_question_set_question_type (XfQuestion    *self,
                                               XfQuestionType type);
const char     *xf_question_get_title        (XfQuestion     *self);
void            xf_question_set_title        (XfQuestion     *self,
                                              const char     *title);
const char     *xf_question_get_stem         (XfQuestion     *self);
void            xf_question_set_stem         (XfQuestion     *self,
                                              const char     *stem);
guint           xf_question_get_n_options    (XfQuestion     *self);
const char     *xf_question_get_option       (XfQuestion     *self,
                                              guint           index);
const char * const *xf_question_get_options  (XfQuestion     *self);
void            xf_question_set_options      (XfQuestion     *self,
                                              const char * const *options);
void            xf_question_add_option       (XfQuestion     *self,
                                              const char     *option);
const char     *xf_question_get_answer       (XfQuestion     *self);
void            xf_question_set_answer       (XfQuestion     *self,
                                              const char     *answer);
gboolean        xf_question_option_is_correct (XfQuestion    *self,
                                               guint          index);
const char * const *xf_question_get_accepted (XfQuestion     *self);
void            xf_question_set_accepted     (XfQuestion     *self,
                                              const char * const *accepted);
void            xf_question_add_accepted     (XfQuestion     *self,
                                              const char     *accepted);
gboolean        xf_question_accepts          (XfQuestion     *self,
                                              const char     *response);
const char     *xf_question_get_explanation  (XfQuestion     *self);
void            xf_question_set_explanation  (XfQuestion     *self,
                                              const char     *explanation);
guint           xf_question_get_difficulty   (XfQuestion     *self);
void            xf_question_set_difficulty   (XfQuestion     *self,
                                              guint           difficulty);
const char     *xf_question_get_category     (XfQuestion     *self);
void            xf_question_set_category     (XfQuestion     *self,
                                              const char     *category);
const char * const *xf_question_get_tags     (XfQuestion     *self);
void            xf_question_set_tags         (XfQuestion     *self,
                                              const char * const *tags);
void            xf_question_add_tag          (XfQuestion     *self,
                                              const char     *tag);
gboolean        xf_question_has_tag          (XfQuestion     *self,
                                              const char     *tag);
double          xf_question_get_score        (XfQuestion     *self);
void            xf_question_set_score        (XfQuestion     *self,
                                              double          score);
const char     *xf_question_get_source       (XfQuestion     *self);
void            xf_question_set_source       (XfQuestion     *self,
                                              const char     *source);

/* Links to the articles a question tests, by law title and article number
 * (like knowledge-list items, so they survive a re-import of the law). */
guint           xf_question_get_n_links      (XfQuestion     *self);
const char     *xf_question_get_link         (XfQuestion     *self,
                                              guint           index,
                                              guint          *number,
                                              guint          *sub);
void            xf_question_add_link         (XfQuestion     *self,
                                              const char     *law_title,
                                              guint           number,
                                              guint           sub);
void            xf_question_clear_links      (XfQuestion     *self);
char           *xf_question_dup_link_label   (XfQuestion     *self,
                                              guint           index);

G_END_DECLS
