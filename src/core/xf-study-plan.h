/* xf-study-plan.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xf-database.h"
#include "xf-fsrs.h"

G_BEGIN_DECLS

#define XF_STUDY_PLAN_MAX_MINUTES 600

/* Showings a new card takes before the exam: its first sight, the
 * learning steps the same day and a review after */
#define XF_STUDY_PLAN_SHOWINGS_PER_NEW 3

/* Seconds a card takes while the person has too few ratings to tell */
#define XF_STUDY_PLAN_DEFAULT_SECONDS 20.0

#define XF_TYPE_STUDY_PLAN (xf_study_plan_get_type ())

/* Where studying one knowledge list for an exam on a given day stands,
 * and what a day must hold to have every item of the list above the
 * desired retention on that day within the daily time budget. */
typedef struct
{
  char     *exam_day;          /* YYYY-MM-DD, local */
  char     *list_uuid;
  char     *list_title;
  guint     budget_minutes;    /* a day */
  double    retention;         /* desired, from the study settings */
  gint64    exam_start;        /* UTC µs of the exam day's local midnight */
  guint     days_left;         /* study days: today up to the day before the exam */
  guint     n_items;           /* items of the list */
  guint     n_new;             /* never studied */
  guint     n_due_before;      /* studied, due again before the exam: the scheduler brings them */
  guint     n_at_risk;         /* studied, not due before the exam, below the retention on its day */
  guint     n_safe;            /* studied, not due before the exam, above the retention on its day */
  double    seconds_per_card;  /* the person's median time a card, or the default */
  guint     new_per_day;       /* new cards of the list a day */
  guint     at_risk_per_day;   /* at-risk cards brought forward a day */
  double    minutes_per_day;   /* the estimated time a day with those figures */
  double    minutes_needed;    /* a day, to reach every item (more than the budget when not feasible) */
  guint     n_unreached;       /* new cards the budget leaves unstudied by the exam */
  gboolean  feasible;          /* every item reached within the budget */
} XfStudyPlan;

GType        xf_study_plan_get_type    (void) G_GNUC_CONST;
XfStudyPlan *xf_study_plan_copy        (const XfStudyPlan  *plan);
void         xf_study_plan_free        (XfStudyPlan        *plan);

gboolean     xf_study_plan_set         (XfDatabase         *db,
                                        const char         *exam_day,
                                        const char         *list_uuid,
                                        guint               budget_minutes,
                                        GError            **error);
gboolean     xf_study_plan_clear       (XfDatabase         *db,
                                        GError            **error);
XfStudyPlan *xf_study_plan_compute     (XfDatabase         *db,
                                        gint64              now_us,
                                        const char         *exam_day,
                                        const char         *list_uuid,
                                        guint               budget_minutes,
                                        GError            **error);
gboolean     xf_study_plan_get         (XfDatabase         *db,
                                        gint64              now_us,
                                        XfStudyPlan       **plan,
                                        GError            **error);
double       xf_study_plan_exam_retrievability (const XfStudyPlan *plan,
                                                const XfFsrsCard  *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStudyPlan, xf_study_plan_free)

G_END_DECLS
