/* xf-study-timer.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-database.h"

G_BEGIN_DECLS

#define XF_TYPE_STUDY_TIMER (xf_study_timer_get_type ())

G_DECLARE_FINAL_TYPE (XfStudyTimer, xf_study_timer, XF, STUDY_TIMER, GObject)

/* Seconds between the writes of a running session */
#define XF_STUDY_TIMER_SAVE_INTERVAL 60

XfStudyTimer *xf_study_timer_new               (XfDatabase   *database,
                                                GtkWidget    *watched,
                                                const char   *activity);
void          xf_study_timer_start             (XfStudyTimer *self);
void          xf_study_timer_stop              (XfStudyTimer *self);
void          xf_study_timer_save              (XfStudyTimer *self);
gboolean      xf_study_timer_get_running       (XfStudyTimer *self);
gint64        xf_study_timer_get_active_ms     (XfStudyTimer *self);
gint64        xf_study_timer_get_wall_ms       (XfStudyTimer *self);
const char   *xf_study_timer_get_session_uuid  (XfStudyTimer *self);
const char   *xf_study_timer_get_activity      (XfStudyTimer *self);
guint         xf_study_timer_get_pending_saves (XfStudyTimer *self);

G_END_DECLS
