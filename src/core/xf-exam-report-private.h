/* xf-exam-report-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-exam-report.h"

G_BEGIN_DECLS

typedef enum
{
  XF_REPORT_RIGHT,
  XF_REPORT_PARTIAL,     /* some points, not all */
  XF_REPORT_WRONG,
  XF_REPORT_UNANSWERED,
  XF_REPORT_PENDING,     /* 简答: graded by hand */
} XfReportVerdict;

/* One question of the paper, as the report prints it */
typedef struct
{
  char            *number;
  char            *type;
  char            *stem;
  char            *answer;
  char            *key;
  char            *points;   /* "1.5 / 1.5" */
  XfReportVerdict  verdict;
  double           height;   /* measured by the last pagination */
} XfReportRow;

/* A label and its value in the table of facts */
typedef struct
{
  char     *label;
  char     *value;
  gboolean  strong;
  gboolean  alert;   /* a result that did not pass */
} XfReportFact;

/* What a page holds: the front matter on the first page, then a run of
 * question rows, and the notes after the last row */
typedef struct
{
  gboolean front;
  gboolean heading;   /* the title of the question table */
  guint    first_row;
  guint    n_rows;
  gboolean notes;
} XfReportPage;

struct _XfExamReport
{
  GObject     parent_instance;

  char       *exam_title;
  char       *name;
  char       *attempt_uuid;
  char       *generated;    /* local time, as printed */
  char       *date;         /* of the submission, for a file name */
  gboolean    passed;
  guint       n_pending;
  gboolean    text_answers; /* 填空 or 简答 on the paper */
  GPtrArray  *facts;        /* XfReportFact, two a line */
  GPtrArray  *subtotals;    /* char *[6]: type, count, right, score, total, NULL */
  GPtrArray  *rows;         /* XfReportRow */

  /* The last pagination */
  double      width;
  double      height;
  GArray     *pages;        /* XfReportPage */
};

G_END_DECLS
