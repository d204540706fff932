/* xf-study-chart.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-study-time.h"

G_BEGIN_DECLS

#define XF_TYPE_STUDY_CHART (xf_study_chart_get_type ())

G_DECLARE_FINAL_TYPE (XfStudyChart, xf_study_chart, XF, STUDY_CHART, GtkDrawingArea)

GtkWidget    *xf_study_chart_new           (void);
void          xf_study_chart_set_totals    (XfStudyChart  *self,
                                            GArray        *totals,
                                            XfStudyBucket  bucket,
                                            gint64         now_us);
guint         xf_study_chart_get_n_bars    (XfStudyChart  *self);
gint64        xf_study_chart_get_value     (XfStudyChart  *self,
                                            guint          i);
int           xf_study_chart_get_current   (XfStudyChart  *self);
char         *xf_study_chart_dup_label     (XfStudyChart  *self,
                                            guint          i);
const char   *xf_study_chart_get_description (XfStudyChart *self);

/* Plain values, testable without a display */
char         *xf_format_study_duration     (gint64         active_ms);
gint64        xf_study_chart_axis_step     (gint64         max_ms);

G_END_DECLS
