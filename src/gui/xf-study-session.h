/* xf-study-session.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-list-item.h"
#include "xf-question.h"
#include "xf-study-store.h"

G_BEGIN_DECLS

/* How far ahead a learning card is shown when nothing else is left */
#define XF_STUDY_LEARN_AHEAD_US (20 * 60 * G_USEC_PER_SEC)

/* A card of a sitting with what it shows */
typedef struct
{
  XfStudyCard *card;
  XfListItem  *item;      /* an item card's list item, with its article text */
  XfQuestion  *question;  /* a question card's question */
} XfStudyEntry;

void          xf_study_entry_free            (XfStudyEntry *entry);

/* What a card shows, from plain values (testable without a display) */
char         *xf_format_study_interval       (gint64              seconds);
char         *xf_format_study_card_kind      (const XfStudyEntry *entry);
double        xf_study_expected_seconds      (XfQuestionType      type);

#define XF_TYPE_STUDY_SESSION (xf_study_session_get_type ())

G_DECLARE_FINAL_TYPE (XfStudySession, xf_study_session, XF, STUDY_SESSION, GObject)

XfStudySession *xf_study_session_new           (const char          *db_path,
                                                GPtrArray           *entries,
                                                const XfStudySettings *settings);
const char   *xf_study_session_get_uuid        (XfStudySession *self);
XfStudyEntry *xf_study_session_get_current     (XfStudySession *self);
gboolean      xf_study_session_get_finished    (XfStudySession *self);
guint         xf_study_session_get_position    (XfStudySession *self);
guint         xf_study_session_get_total       (XfStudySession *self);
void          xf_study_session_count_left      (XfStudySession *self,
                                                guint          *n_new,
                                                guint          *n_learning,
                                                guint          *n_review);
gint64        xf_study_session_get_next_due    (XfStudySession *self);
guint         xf_study_session_get_n_studied   (XfStudySession *self);
guint         xf_study_session_get_n_again     (XfStudySession *self);
gint64        xf_study_session_get_time_ms     (XfStudySession *self);
XfFsrsCard    xf_study_session_preview         (XfStudySession *self,
                                                const XfStudyCard *card,
                                                XfFsrsRating    rating,
                                                gint64          time_us);
void          xf_study_session_rate            (XfStudySession *self,
                                                XfFsrsRating    rating,
                                                gint64          time_us,
                                                guint           duration_ms);
void          xf_study_session_rate_answer     (XfStudySession *self,
                                                XfFsrsRating    rating,
                                                gint64          time_us,
                                                guint           duration_ms,
                                                gboolean        right,
                                                const char     *answer);
gboolean      xf_study_session_can_undo        (XfStudySession *self);
gboolean      xf_study_session_undo            (XfStudySession *self);
guint         xf_study_session_get_n_pending   (XfStudySession *self);
const GError *xf_study_session_get_write_error (XfStudySession *self);
void          xf_study_session_retry           (XfStudySession *self);
void          xf_study_session_flush           (XfStudySession *self,
                                                XfDatabase     *db);

G_END_DECLS
