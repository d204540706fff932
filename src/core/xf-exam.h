/* xf-exam.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-question.h"

G_BEGIN_DECLS

#define XF_EXAM_ERROR (xf_exam_error_quark ())

typedef enum
{
  XF_EXAM_ERROR_INVALID,      /* an exam spec or an answer that breaks a rule */
  XF_EXAM_ERROR_SHORT,        /* the banks hold too few questions for a rule */
  XF_EXAM_ERROR_CLOSED,       /* outside the exam's window */
  XF_EXAM_ERROR_NO_ATTEMPTS,  /* every allowed attempt is used */
  XF_EXAM_ERROR_SUBMITTED,    /* the attempt was submitted: it cannot change */
  XF_EXAM_ERROR_TIME_UP,      /* the time ran out; the attempt was submitted */
  XF_EXAM_ERROR_NOT_FOUND,
  XF_EXAM_ERROR_NOT_FOR_PROFILE, /* the exam's audience leaves the person out */
} XfExamError;

GQuark xf_exam_error_quark (void);

/* Which attempt counts when several are allowed */
typedef enum
{
  XF_EXAM_COUNT_HIGHEST,
  XF_EXAM_COUNT_LAST,
} XfExamCount;

/* How a 多选 question scores */
typedef enum
{
  XF_EXAM_MULTIPLE_ALL_OR_NOTHING,  /* the right options exactly, or 0 */
  XF_EXAM_MULTIPLE_PARTIAL,         /* a right subset earns partial_credit × score; a wrong option 0 */
} XfExamMultiple;

/* Draw @count questions of @type, @score each, from those that match */
typedef struct
{
  XfQuestionType  type;
  guint           count;
  double          score;
  char           *bank;            /* a bank's title or UUID; NULL: every bank */
  char           *category;        /* a category with its sub-categories; NULL: any */
  char           *tag;             /* NULL: any */
  char           *law;             /* a linked law, full or short title; NULL: any */
  guint           difficulty_min;  /* 1–5 */
  guint           difficulty_max;
} XfExamRule;

/* A question every paper holds */
typedef struct
{
  char   *question;  /* its UUID */
  double  score;     /* 0: the question's own score */
} XfExamFixed;

typedef struct
{
  char           *uuid;
  char           *title;
  char           *description;
  guint           time_limit_s;      /* 0: no limit */
  double          pass_mark;         /* points, out of the paper's total */
  guint           attempts;          /* allowed; 0: any number */
  XfExamCount     counts;
  gint64          opens_at;          /* UTC microseconds; 0: no start */
  gint64          closes_at;         /* 0: no end */
  GPtrArray      *audience;          /* char *: "profile:NAME", "department:NAME", "leaders"; empty: everyone */
  gboolean        shuffle_questions;
  gboolean        shuffle_options;
  XfExamMultiple  multiple;
  double          partial_credit;    /* 0–1, with XF_EXAM_MULTIPLE_PARTIAL */
  GPtrArray      *rules;             /* XfExamRule */
  GPtrArray      *fixed;             /* XfExamFixed: before the drawn questions */
  gboolean        builtin;           /* shipped content */
} XfExam;

XfExamRule *xf_exam_rule_new      (XfQuestionType  type,
                                   guint           count,
                                   double          score);
void        xf_exam_rule_free     (XfExamRule     *rule);
char       *xf_exam_rule_describe (XfExamRule     *rule);

XfExam     *xf_exam_new           (void);
XfExam     *xf_exam_copy          (XfExam         *exam);
void        xf_exam_free          (XfExam         *exam);
gboolean    xf_exam_validate      (XfExam         *exam,
                                   GError        **error);
double      xf_exam_rules_total   (XfExam         *exam);
gboolean    xf_exam_is_open       (XfExam         *exam,
                                   gint64          now);
gboolean    xf_exam_is_for        (XfExam         *exam,
                                   const char     *name,
                                   const char     *department,
                                   gboolean        leader);
char       *xf_exam_dup_audience_label (XfExam    *exam);

/* The native exam spec (docs/exam-format.md) */
XfExam     *xf_exam_from_json     (const char     *text,
                                   gssize          len,
                                   GError        **error);
char       *xf_exam_to_json       (XfExam         *exam);

/* One question of a drawn paper, as the person sees it */
typedef struct
{
  char           *question;                        /* UUID */
  guint           version;                         /* the version drawn */
  XfQuestionType  type;
  double          score;
  guint           n_options;
  guint8          order[XF_QUESTION_MAX_OPTIONS];  /* shown option i is the question's option order[i] */
} XfExamItem;

/* A paper: what an attempt asks, in order. It holds no answer key, so
 * an attempt at an official exam (graded by the server) needs none. */
typedef struct
{
  GPtrArray *items;  /* XfExamItem */
} XfExamPaper;

void         xf_exam_item_free        (XfExamItem   *item);
XfExamPaper *xf_exam_paper_new        (void);
void         xf_exam_paper_free       (XfExamPaper  *paper);
double       xf_exam_paper_get_total  (XfExamPaper  *paper);
char        *xf_exam_paper_to_json    (XfExamPaper  *paper);
XfExamPaper *xf_exam_paper_from_json  (const char   *text,
                                       GError      **error);

/* Answers are kept as the person gave them, in the letters shown:
 * choices "B" or "ACD" (sorted, no repeats), 判断 "T" or "F", 填空 and
 * 简答 the text. Returns the canonical form, or %NULL with
 * XF_EXAM_ERROR_INVALID ("E is not an option"). */
char        *xf_exam_normalize_answer (XfExamItem   *item,
                                       const char   *answer,
                                       GError      **error);

char        *xf_exam_item_unshuffle_answer (XfExamItem *item,
                                            const char *answer);

/* The mark of one question */
typedef struct
{
  double   score;    /* earned */
  double   max;
  gboolean answered;
  gboolean right;    /* full marks */
  gboolean pending;  /* 简答: graded by hand; scores 0 until then */
} XfExamMark;

/* Grading is a pure function of the paper, the questions (the versions
 * the paper names, in its order), the answers (canonical, shown
 * letters; %NULL where none was given) and the exam's scoring rules. */
XfExamMark   xf_exam_mark             (XfExam       *exam,
                                       XfExamItem   *item,
                                       XfQuestion   *question,
                                       const char   *answer);

typedef struct
{
  double      score;
  double      total;
  gboolean    passed;
  guint       right;
  guint       wrong;       /* answered, not full marks (partial credit included) */
  guint       unanswered;
  guint       pending;
  double      type_score[XF_QUESTION_N_TYPES];
  double      type_total[XF_QUESTION_N_TYPES];
  GArray     *marks;       /* XfExamMark, in paper order */
} XfExamResult;

XfExamResult *xf_exam_grade           (XfExam              *exam,
                                       XfExamPaper         *paper,
                                       GPtrArray           *questions,
                                       const char * const  *answers);
void          xf_exam_result_free     (XfExamResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExam, xf_exam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExamRule, xf_exam_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExamPaper, xf_exam_paper_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExamResult, xf_exam_result_free)

G_END_DECLS
