/* xf-study-time.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-database.h"

G_BEGIN_DECLS

/* A pause between two inputs counts up to this much; the rest of it is
 * idle time. */
#define XF_STUDY_IDLE_LIMIT_MS G_GINT64_CONSTANT (120000)

/* A local day counts toward the streak with this much active time, or
 * with one rating. */
#define XF_STUDY_STREAK_MIN_MS G_GINT64_CONSTANT (60000)

/* What a session was spent on (the activity column of study_sessions) */
#define XF_STUDY_ACTIVITY_STUDY    "study"
#define XF_STUDY_ACTIVITY_PRACTICE "practice"
#define XF_STUDY_ACTIVITY_EXAM     "exam"
#define XF_STUDY_ACTIVITY_READING  "reading"

typedef enum
{
  XF_STUDY_BUCKET_DAY,
  XF_STUDY_BUCKET_WEEK,   /* Monday to Sunday */
  XF_STUDY_BUCKET_MONTH,
  XF_STUDY_BUCKET_YEAR,
} XfStudyBucket;

/* Active time counted from input times; see xf_study_clock_activity().
 * Times are µs of one clock (monotonic or wall, as long as it is one). */
typedef struct
{
  gboolean running;
  gint64   started_at;
  gint64   last_input;
  gint64   active_us;   /* counted up to last_input */
} XfStudyClock;

/* A stretch of studying as stored: UTC µs, active milliseconds */
typedef struct
{
  char   *uuid;
  char   *activity;
  gint64  started_at;
  gint64  ended_at;
  gint64  active_ms;
} XfStudyTimeSession;

/* The active time of one local day, week, month or year: [start, end) */
typedef struct
{
  gint64 start;
  gint64 end;
  gint64 active_ms;
} XfStudyTotal;

/* Where a knowledge list's items stand. The counts split total:
 * learned + due + fresh + learning = total. */
typedef struct
{
  char *list_uuid;
  char *title;
  guint total;
  guint learned;    /* review cards, not due today, recalled at the desired retention or better */
  guint due;        /* rated cards due before the next local midnight */
  guint fresh;      /* never rated (or every rating undone) */
  guint learning;   /* the rest: in learning steps later today, or past their prime */
} XfStudyListState;

void              xf_study_clock_init          (XfStudyClock        *clock);
void              xf_study_clock_start         (XfStudyClock        *clock,
                                                gint64               now);
void              xf_study_clock_activity      (XfStudyClock        *clock,
                                                gint64               now);
gint64            xf_study_clock_sample        (const XfStudyClock  *clock,
                                                gint64               now);
gint64            xf_study_clock_stop          (XfStudyClock        *clock,
                                                gint64               now);

gboolean          xf_study_activity_is_valid   (const char          *activity);
const char       *xf_study_bucket_to_string    (XfStudyBucket        bucket);
gboolean          xf_study_bucket_from_string  (const char          *name,
                                                XfStudyBucket       *bucket);
gint64            xf_study_bucket_start        (XfStudyBucket        bucket,
                                                gint64               time_us);
gint64            xf_study_bucket_next         (XfStudyBucket        bucket,
                                                gint64               start_us);

XfStudyTimeSession *xf_study_time_session_new  (const char          *activity,
                                                gint64               started_at,
                                                gint64               ended_at,
                                                gint64               active_ms);
void              xf_study_time_session_free   (XfStudyTimeSession  *session);
void              xf_study_list_state_free     (XfStudyListState    *state);

gboolean          xf_study_time_record_session (XfDatabase               *db,
                                                const XfStudyTimeSession *session,
                                                GError                  **error);
GArray           *xf_study_time_totals         (XfDatabase          *db,
                                                gint64               from_us,
                                                gint64               to_us,
                                                XfStudyBucket        bucket,
                                                GError             **error);
gboolean          xf_study_time_streak         (XfDatabase          *db,
                                                gint64               now_us,
                                                guint               *days,
                                                gboolean            *today,
                                                GError             **error);
GPtrArray        *xf_study_list_states         (XfDatabase          *db,
                                                gint64               now_us,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStudyTimeSession, xf_study_time_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStudyListState, xf_study_list_state_free)

G_END_DECLS
