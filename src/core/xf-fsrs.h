/* xf-fsrs.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FSRS-6, the Free Spaced Repetition Scheduler, computed exactly as its
 * reference implementation ts-fsrs 5 does (see xf-fsrs.c). Pure
 * functions over plain structs: no database, no clock. */

#define XF_FSRS_N_WEIGHTS     21
#define XF_FSRS_MAX_STEPS     8

/* The desired retention a person may choose. */
#define XF_FSRS_MIN_RETENTION 0.70
#define XF_FSRS_MAX_RETENTION 0.97

typedef enum
{
  XF_FSRS_STATE_NEW,
  XF_FSRS_STATE_LEARNING,
  XF_FSRS_STATE_REVIEW,
  XF_FSRS_STATE_RELEARNING,
} XfFsrsState;

typedef enum
{
  XF_FSRS_RATING_AGAIN = 1,
  XF_FSRS_RATING_HARD  = 2,
  XF_FSRS_RATING_GOOD  = 3,
  XF_FSRS_RATING_EASY  = 4,
} XfFsrsRating;

typedef struct
{
  double   weights[XF_FSRS_N_WEIGHTS];
  double   desired_retention;            /* (0, 1]; people choose 0.70–0.97 */
  guint    maximum_interval;             /* days */
  gboolean short_term;                   /* learning steps and same-day stability */
  guint    n_learning_steps;
  gint64   learning_steps[XF_FSRS_MAX_STEPS];    /* seconds, whole minutes */
  guint    n_relearning_steps;
  gint64   relearning_steps[XF_FSRS_MAX_STEPS];  /* seconds, whole minutes */
} XfFsrsParams;

typedef struct
{
  XfFsrsState state;
  double      stability;       /* days until retrievability falls to 90 %; 0 when new */
  double      difficulty;      /* 1–10; 0 when new */
  gint64      due;             /* UTC, seconds since the epoch */
  gint64      last_review;     /* UTC seconds; 0 when new */
  guint       step;            /* index into the (re)learning steps */
  guint       reps;
  guint       lapses;          /* times forgotten after graduating */
  guint       scheduled_days;  /* days from the last review to due; 0 within steps */
  guint       elapsed_days;    /* UTC calendar days between the last two reviews */
} XfFsrsCard;

void         xf_fsrs_params_init_default  (XfFsrsParams       *params);
gboolean     xf_fsrs_retention_is_valid   (double              retention);

void         xf_fsrs_card_init            (XfFsrsCard         *card,
                                           gint64              now);
XfFsrsCard   xf_fsrs_review               (const XfFsrsParams *params,
                                           const XfFsrsCard   *card,
                                           XfFsrsRating        rating,
                                           gint64              time);

double       xf_fsrs_forgetting_curve     (const XfFsrsParams *params,
                                           double              elapsed_days,
                                           double              stability);
double       xf_fsrs_retrievability       (const XfFsrsParams *params,
                                           const XfFsrsCard   *card,
                                           gint64              time);
double       xf_fsrs_interval_modifier    (const XfFsrsParams *params);
guint        xf_fsrs_next_interval        (const XfFsrsParams *params,
                                           double              stability);

XfFsrsRating xf_fsrs_rating_for_answer    (gboolean            correct,
                                           double              seconds,
                                           double              expected_seconds);

const char  *xf_fsrs_state_to_string      (XfFsrsState         state);
gboolean     xf_fsrs_state_from_string    (const char         *name,
                                           XfFsrsState        *state);

G_END_DECLS
