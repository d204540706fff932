/* xf-study-store.h
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

/* Where a rating was given (the source column of study_log) */
#define XF_STUDY_SOURCE_STUDY    "study"
#define XF_STUDY_SOURCE_PRACTICE "practice"
#define XF_STUDY_SOURCE_EXAM     "exam"

#define XF_STUDY_DEFAULT_RETENTION       0.9
#define XF_STUDY_DEFAULT_NEW_PER_DAY     20
#define XF_STUDY_DEFAULT_REVIEWS_PER_DAY 200
#define XF_STUDY_MAX_PER_DAY             9999

typedef enum
{
  XF_STUDY_KIND_ITEM,      /* an article of a knowledge list: recall its text */
  XF_STUDY_KIND_QUESTION,  /* a question of a bank: answer it */
} XfStudyKind;

typedef struct
{
  double retention;        /* desired retention, XF_FSRS_MIN_RETENTION–XF_FSRS_MAX_RETENTION */
  guint  new_per_day;      /* new cards introduced a local day */
  guint  reviews_per_day;  /* review cards a local day */
} XfStudySettings;

#define XF_TYPE_STUDY_CARD (xf_study_card_get_type ())

/* A card and where its ratings leave it. fsrs keeps the scheduler's UTC
 * seconds (due, last_review); a new card has fsrs.due 0. */
typedef struct
{
  XfStudyKind  kind;
  char        *key;            /* the list item's or the question's UUID */
  XfFsrsCard   fsrs;
  gint64       introduced_at;  /* UTC µs of its first live rating; 0 while new */
  char        *introduced_by;  /* XF_STUDY_SOURCE_… of that rating; NULL while new */
  /* Filled by xf_study_store_queue and xf_study_store_get_card */
  char        *title;          /* item: its title, else 《law》第N条; question: its stem */
  char        *law_title;      /* item: the law it cites; NULL for a question */
  guint        article_number; /* item: the article it cites; 0 for none */
  char        *question_type;  /* question: "single", …; NULL for an item */
} XfStudyCard;

#define XF_TYPE_STUDY_QUEUE (xf_study_queue_get_type ())

/* Today's cards, in the order to show them (see xf_study_store_queue) */
typedef struct
{
  guint      n_due;            /* review cards in the queue */
  guint      n_new;            /* new cards in the queue */
  guint      n_learning;       /* learning and relearning cards due today */
  guint      n_due_total;      /* review cards due today before the daily limit */
  guint      n_new_today;      /* new cards already introduced today */
  guint      n_reviewed_today; /* other cards already rated today */
  guint      n_planned;        /* items the exam plan brought forward (see xf-study-plan.c) */
  gint64     next_due;         /* UTC µs the first rated card falls due after today; 0 for none */
  gint64     day_start;        /* the local day, UTC µs: [day_start, day_end) */
  gint64     day_end;
  GPtrArray *cards;            /* (element-type XfStudyCard) */
} XfStudyQueue;

GType         xf_study_card_get_type       (void) G_GNUC_CONST;
XfStudyCard  *xf_study_card_copy           (const XfStudyCard      *card);
void          xf_study_card_free           (XfStudyCard            *card);

GType         xf_study_queue_get_type      (void) G_GNUC_CONST;
XfStudyQueue *xf_study_queue_copy          (const XfStudyQueue     *queue);
void          xf_study_queue_free          (XfStudyQueue           *queue);

const char   *xf_study_kind_to_string      (XfStudyKind             kind);
gboolean      xf_study_kind_from_string    (const char             *name,
                                            XfStudyKind            *kind);
gboolean      xf_study_source_is_valid     (const char             *source);

void          xf_study_local_day           (gint64                  time_us,
                                            gint64                 *day_start,
                                            gint64                 *day_end);

gboolean      xf_study_store_get_settings  (XfDatabase             *db,
                                            XfStudySettings        *settings,
                                            GError                **error);
gboolean      xf_study_store_set_settings  (XfDatabase             *db,
                                            const XfStudySettings  *settings,
                                            GError                **error);

XfStudyCard  *xf_study_store_rate          (XfDatabase             *db,
                                            XfStudyKind             kind,
                                            const char             *key,
                                            XfFsrsRating            rating,
                                            gint64                  time_us,
                                            guint                   duration_ms,
                                            const char             *source,
                                            const char             *session,
                                            GError                **error);
XfStudyCard  *xf_study_store_undo_last     (XfDatabase             *db,
                                            const char             *session,
                                            gint64                  time_us,
                                            GError                **error);
XfStudyCard  *xf_study_store_get_card      (XfDatabase             *db,
                                            XfStudyKind             kind,
                                            const char             *key,
                                            GError                **error);
XfStudyQueue *xf_study_store_queue         (XfDatabase             *db,
                                            gint64                  now_us,
                                            const char             *list_uuid,
                                            const XfStudySettings  *limits,
                                            GError                **error);
gboolean      xf_study_store_rebuild       (XfDatabase             *db,
                                            GError                **error);

gboolean      xf_study_store_record_answer (XfDatabase             *db,
                                            const char             *question_uuid,
                                            gboolean                correct,
                                            gint64                  time_us,
                                            guint                   duration_ms,
                                            const char             *source,
                                            const char             *session,
                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStudyCard, xf_study_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfStudyQueue, xf_study_queue_free)

G_END_DECLS
