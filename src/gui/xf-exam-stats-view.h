/* xf-exam-stats-view.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XF_TYPE_EXAM_STATS_VIEW (xf_exam_stats_view_get_type ())

G_DECLARE_FINAL_TYPE (XfExamStatsView, xf_exam_stats_view, XF, EXAM_STATS_VIEW, AdwWindow)

XfExamStatsView *xf_exam_stats_view_new          (GtkWindow       *parent,
                                                  const char      *db_path,
                                                  const char      *exam_uuid);
const char      *xf_exam_stats_view_get_exam     (XfExamStatsView *self);
gboolean         xf_exam_stats_view_get_loading  (XfExamStatsView *self);
const char      *xf_exam_stats_view_get_page     (XfExamStatsView *self);
guint            xf_exam_stats_view_get_bin      (XfExamStatsView *self,
                                                  guint            bin);
GListModel      *xf_exam_stats_view_get_items    (XfExamStatsView *self);

G_END_DECLS
