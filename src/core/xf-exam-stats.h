/* xf-exam-stats.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-database.h"
#include "xf-exam.h"
#include "xf-question.h"

G_BEGIN_DECLS

#define XF_EXAM_STATS_BINS 10

/* How one question fared over the attempts whose paper held it, the
 * figures of Moodle's quiz statistics report */
typedef struct
{
  char           *question;        /* UUID */
  XfQuestionType  type;
  char           *stem;            /* of the latest version seen, for display */
  guint           attempts;        /* attempts whose paper held it */
  guint           answered;
  double          facility;        /* mean mark / max × 100 (Moodle's facility index) */
  double          discrimination;  /* Pearson r of this mark and the rest of the score, × 100; NAN when undefined */
  gboolean        negative;        /* discrimination < 0: stronger attempts did worse on it */
  guint           n_options;       /* the question's own options; 判断: 2, 对 then 错 */
  guint           chosen[XF_QUESTION_MAX_OPTIONS];  /* how many chose each of the question's own options */
  guint           right;           /* bit o set: own option o is (one of) the key, of the latest version seen */
  guint           unanswered;
} XfExamItemStats;

typedef struct
{
  guint      attempts;            /* submitted attempts counted */
  double     mean;                /* of the score, in points */
  double     median;
  double     stddev;              /* sample (n − 1); 0 for fewer than 2 attempts */
  double     total;               /* the paper's total, of the first attempt */
  double     highest;             /* the best score, in points; 0 without attempts */
  double     lowest;              /* the worst score */
  double     pass_rate;           /* 0–1 */
  guint      histogram[XF_EXAM_STATS_BINS];  /* by score as a percentage: [0,10), [10,20) … [90,100] */
  GPtrArray *items;               /* XfExamItemStats, in order of first appearance */
} XfExamStats;

XfExamStats *xf_exam_stats_compute (XfExam       *exam,
                                    GPtrArray    *attempts,
                                    GPtrArray    *questions_per_attempt);
XfExamStats *xf_exam_store_stats   (XfDatabase   *db,
                                    const char   *exam_uuid,
                                    GError      **error);
void         xf_exam_stats_free    (XfExamStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfExamStats, xf_exam_stats_free)

G_END_DECLS
