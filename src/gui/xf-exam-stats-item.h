/* xf-exam-stats-item.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-exam-stats.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_STATS_ITEM (xf_exam_stats_item_get_type ())

G_DECLARE_FINAL_TYPE (XfExamStatsItem, xf_exam_stats_item, XF, EXAM_STATS_ITEM, GObject)

XfExamStatsItem *xf_exam_stats_item_new                (const XfExamItemStats *stats,
                                                        guint                  number);
guint            xf_exam_stats_item_get_number         (XfExamStatsItem       *self);
const char      *xf_exam_stats_item_get_question       (XfExamStatsItem       *self);
const char      *xf_exam_stats_item_get_stem           (XfExamStatsItem       *self);
double           xf_exam_stats_item_get_facility       (XfExamStatsItem       *self);
double           xf_exam_stats_item_get_discrimination (XfExamStatsItem       *self);
gboolean         xf_exam_stats_item_get_negative       (XfExamStatsItem       *self);
const char      *xf_exam_stats_item_get_choices        (XfExamStatsItem       *self);

char            *xf_format_exam_choices                (const XfExamItemStats *stats,
                                                        gboolean               markup);
char            *xf_format_discrimination              (double                 discrimination);
char            *xf_format_percent                     (double                 percent);

G_END_DECLS
