/* xf-stats-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-study-chart.h"
#include "xf-study-time.h"

G_BEGIN_DECLS

#define XF_TYPE_STATS_PAGE (xf_stats_page_get_type ())

G_DECLARE_FINAL_TYPE (XfStatsPage, xf_stats_page, XF, STATS_PAGE, GtkWidget)

void           xf_stats_page_set_database (XfStatsPage   *self,
                                           XfDatabase    *database);
void           xf_stats_page_reload       (XfStatsPage   *self);
gboolean       xf_stats_page_get_loading  (XfStatsPage   *self);
const char    *xf_stats_page_get_state    (XfStatsPage   *self);
guint          xf_stats_page_get_streak   (XfStatsPage   *self);
gint64         xf_stats_page_get_total    (XfStatsPage   *self,
                                           XfStudyBucket  bucket);
XfStudyBucket  xf_stats_page_get_period   (XfStatsPage   *self);
void           xf_stats_page_set_period   (XfStatsPage   *self,
                                           XfStudyBucket  period);
XfStudyChart  *xf_stats_page_get_chart    (XfStatsPage   *self);

/* What the page shows, from plain values (testable without a display) */
char          *xf_format_study_streak     (guint          days,
                                           gboolean       today);
char          *xf_format_list_state       (const XfStudyListState *state);

G_END_DECLS
