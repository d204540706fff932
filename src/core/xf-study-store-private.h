/* xf-study-store-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-study-store.h"

G_BEGIN_DECLS

/* The columns of study_cards that make a card, in the order
 * xf_study_card_from_row reads them from its first column on. */
#define XF_STUDY_CARD_COLUMNS(c) \
  c ".kind, " c ".card_key, " c ".state, " c ".stability, " c ".difficulty, " c ".due, " \
  c ".last_review, " c ".step, " c ".reps, " c ".lapses, " c ".scheduled_days, " \
  c ".elapsed_days, " c ".introduced_at, " c ".introduced_by"
#define XF_STUDY_CARD_N_COLUMNS 14

XfStudyCard *xf_study_card_from_row    (sqlite3_stmt  *stmt,
                                        int            first);

gint64       xf_study_content_id       (XfDatabase    *db,
                                        XfStudyKind    kind,
                                        const char    *key,
                                        GError       **error);
gboolean     xf_study_advance_frontier (XfDatabase    *db,
                                        XfStudyKind    kind,
                                        gint64         id,
                                        GError       **error);
gboolean     xf_study_lower_frontier   (XfDatabase    *db,
                                        XfStudyKind    kind,
                                        gint64         id,
                                        GError       **error);

G_END_DECLS
