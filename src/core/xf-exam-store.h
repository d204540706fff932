/* xf-exam-store.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"
#include "xf-exam.h"

G_BEGIN_DECLS

/* Time between two writes of a running attempt that still counts as
 * spent on it; a longer gap means the app was not running. */
#define XF_EXAM_GAP_US (30 * G_USEC_PER_SEC)

typedef enum
{
  XF_ATTEMPT_IN_PROGRESS,
  XF_ATTEMPT_SUBMITTED,
} XfAttemptState;

/* Why an attempt was submitted */
#define XF_ATTEMPT_SUBMITTED_BY_PERSON "person"
#define XF_ATTEMPT_SUBMITTED_TIME_UP   "time-up"
#define XF_ATTEMPT_SUBMITTED_CLOSED    "closed"

typedef struct
{
  char           *uuid;
  char           *exam;          /* the exam's UUID */
  char           *profile;
  XfExamPaper    *paper;
  XfAttemptState  state;
  gint64          started_at;    /* UTC microseconds */
  gint64          elapsed_us;    /* time spent on it */
  gint64          seen_at;       /* the last write while it ran */
  gint64          submitted_at;
  char           *submitted_by;  /* XF_ATTEMPT_SUBMITTED_… */
  GPtrArray      *answers;       /* char *: one a paper item, NULL where none is given */
  GArray         *flags;         /* gboolean: one a paper item, whether it is flagged to come back to */
  gboolean        graded;
  double          score;
  double          total;
  gboolean        passed;
} XfAttempt;

void          xf_attempt_free               (XfAttempt     *attempt);
guint         xf_attempt_get_n_answered     (XfAttempt     *attempt);
gint64        xf_attempt_get_remaining_us   (XfAttempt     *attempt,
                                             XfExam        *exam);

/* Exams */
gboolean      xf_exam_store_save            (XfDatabase    *db,
                                             XfExam        *exam,
                                             GError       **error);
GPtrArray    *xf_exam_store_list            (XfDatabase    *db,
                                             GError       **error);
XfExam       *xf_exam_store_get             (XfDatabase    *db,
                                             const char    *uuid_or_title,
                                             GError       **error);
gboolean      xf_exam_store_delete          (XfDatabase    *db,
                                             const char    *uuid,
                                             GError       **error);

/* Papers */
GPtrArray    *xf_exam_store_check_rules     (XfDatabase    *db,
                                             XfExam        *exam,
                                             GError       **error);
XfExamPaper  *xf_exam_store_draw            (XfDatabase    *db,
                                             XfExam        *exam,
                                             GRand         *rand,
                                             GError       **error);
GPtrArray    *xf_exam_store_load_questions  (XfDatabase    *db,
                                             XfExamPaper   *paper,
                                             GError       **error);

/* Attempts: each write is committed durably before it returns */
XfAttempt    *xf_exam_store_start           (XfDatabase    *db,
                                             XfExam        *exam,
                                             const char    *profile,
                                             GRand         *rand,
                                             gint64         now,
                                             GError       **error);
XfAttempt    *xf_exam_store_get_attempt     (XfDatabase    *db,
                                             const char    *uuid,
                                             GError       **error);
GPtrArray    *xf_exam_store_list_attempts   (XfDatabase    *db,
                                             const char    *exam_uuid,
                                             const char    *profile,
                                             GError       **error);
XfAttempt    *xf_exam_store_resume          (XfDatabase    *db,
                                             const char    *uuid,
                                             gint64         now,
                                             GError       **error);
gboolean      xf_exam_store_answer          (XfDatabase    *db,
                                             const char    *uuid,
                                             guint          n,
                                             const char    *answer,
                                             gint64         now,
                                             GError       **error);
gboolean      xf_exam_store_tick            (XfDatabase    *db,
                                             const char    *uuid,
                                             gint64         now,
                                             GError       **error);
XfExamResult *xf_exam_store_submit          (XfDatabase    *db,
                                             const char    *uuid,
                                             const char    *submitted_by,
                                             gint64         now,
                                             GError       **error);
XfExamResult *xf_exam_store_grade_attempt   (XfDatabase    *db,
                                             XfAttempt     *attempt,
                                             GError       **error);
gboolean      xf_exam_store_set_flag        (XfDatabase    *db,
                                             const char    *uuid,
                                             guint          n,
                                             gboolean       flagged,
                                             gint64         now,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfAttempt, xf_attempt_free)

G_END_DECLS
