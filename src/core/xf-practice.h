/* xf-practice.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-database.h"
#include "xf-question.h"

G_BEGIN_DECLS

#define XF_PRACTICE_ERROR (xf_practice_error_quark ())

typedef enum
{
  XF_PRACTICE_ERROR_EMPTY,      /* the source holds no question to practise */
  XF_PRACTICE_ERROR_NOT_FOUND,  /* no such list, law or question */
  XF_PRACTICE_ERROR_ESSAY,      /* 简答 is graded by hand: practice leaves it out */
} XfPracticeError;

#define XF_PRACTICE_DEFAULT_COUNT 20

typedef enum
{
  XF_PRACTICE_SOURCE_LIST,      /* questions citing an article of a knowledge list */
  XF_PRACTICE_SOURCE_LAW,       /* questions citing any article of a law */
  XF_PRACTICE_SOURCE_CATEGORY,  /* a category with its sub-categories */
  XF_PRACTICE_SOURCE_MISTAKES,  /* the questions in the 错题本 */
} XfPracticeSourceKind;

typedef enum
{
  XF_PRACTICE_ORDER_RANDOM,     /* shuffled */
  XF_PRACTICE_ORDER_DUE,        /* due for review first, then unseen, then the weakest (see xf_practice_draw) */
} XfPracticeOrder;

/* The question types practice asks when none are named: every type but
 * 简答, which only a person can grade */
#define XF_PRACTICE_DEFAULT_TYPES \
  ((1u << XF_QUESTION_SINGLE) | (1u << XF_QUESTION_MULTIPLE) | \
   (1u << XF_QUESTION_TRUE_FALSE) | (1u << XF_QUESTION_FILL))

typedef struct
{
  XfPracticeSourceKind  kind;
  const char           *key;    /* the list's UUID, the law's title, the category path; NULL for the 错题本 */
  guint                 count;  /* 0: XF_PRACTICE_DEFAULT_COUNT */
  guint32               seed;   /* the order's seed; 0: a new random one */
  guint                 types;  /* a mask of 1 << XfQuestionType; 0: XF_PRACTICE_DEFAULT_TYPES */
  XfPracticeOrder       order;
  gint64                now_us; /* for XF_PRACTICE_ORDER_DUE; 0: now */
} XfPracticeOptions;

#define XF_TYPE_PRACTICE_SOURCE (xf_practice_source_get_type ())

/* Somewhere to practise from, with how many questions it holds */
typedef struct
{
  XfPracticeSourceKind  kind;
  char                 *key;          /* as XfPracticeOptions.key */
  char                 *title;        /* the list's or law's title, the category path; NULL for the 错题本 */
  guint                 n_questions;  /* of XF_PRACTICE_DEFAULT_TYPES */
} XfPracticeSource;

#define XF_TYPE_PRACTICE_RESULT (xf_practice_result_get_type ())

/* What one answer earned, once it is saved */
typedef struct
{
  char       *question_uuid;
  guint       version;
  char       *answer;           /* canonical: "AC", "T", the text */
  gboolean    correct;          /* full marks */
  gboolean    partly;           /* a 多选 with some right options and no wrong one */
  char       *right_answer;     /* the key as a person reads it: "B", "正确", the accepted texts */
  char       *explanation;      /* 解析; "" when the question has none */
  gboolean    in_mistakes;      /* the question is in the 错题本 now */
  guint       right_days_left;  /* separate days of right answers it still needs to leave; 0 when out */
  GPtrArray  *articles;         /* (element-type XfArticle): the articles it cites that the library holds */
} XfPracticeResult;

GQuark            xf_practice_error_quark     (void);

GType             xf_practice_source_get_type (void) G_GNUC_CONST;
XfPracticeSource *xf_practice_source_copy     (const XfPracticeSource  *source);
void              xf_practice_source_free     (XfPracticeSource        *source);
const char       *xf_practice_source_kind_to_string (XfPracticeSourceKind kind);

GType             xf_practice_result_get_type (void) G_GNUC_CONST;
XfPracticeResult *xf_practice_result_copy     (const XfPracticeResult  *result);
void              xf_practice_result_free     (XfPracticeResult        *result);

GPtrArray        *xf_practice_list_sources    (XfDatabase              *db,
                                               GError                 **error);
guint             xf_practice_count           (XfDatabase              *db,
                                               XfPracticeSourceKind     kind,
                                               const char              *key,
                                               guint                    types,
                                               GError                 **error);
GPtrArray        *xf_practice_draw            (XfDatabase              *db,
                                               const XfPracticeOptions *options,
                                               GError                 **error);
XfPracticeResult *xf_practice_answer          (XfDatabase              *db,
                                               XfQuestion              *question,
                                               const char              *answer_text,
                                               gint64                   time_us,
                                               guint                    duration_ms,
                                               const char              *session_uuid,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPracticeSource, xf_practice_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfPracticeResult, xf_practice_result_free)

G_END_DECLS
