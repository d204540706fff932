/* xf-study-card-view.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-question.h"
#include "xf-study-session.h"

G_BEGIN_DECLS

#define XF_TYPE_STUDY_CARD_VIEW (xf_study_card_view_get_type ())

G_DECLARE_FINAL_TYPE (XfStudyCardView, xf_study_card_view, XF, STUDY_CARD_VIEW, GtkWidget)

GtkWidget      *xf_study_card_view_new              (void);
void            xf_study_card_view_set_session      (XfStudyCardView *self,
                                                     XfStudySession  *session);
XfStudySession *xf_study_card_view_get_session      (XfStudyCardView *self);
const char     *xf_study_card_view_get_state        (XfStudyCardView *self);
const char     *xf_study_card_view_get_text         (XfStudyCardView *self);
const char     *xf_study_card_view_get_interval     (XfStudyCardView *self,
                                                     XfFsrsRating     rating);
XfFsrsRating    xf_study_card_view_get_answer_rating (XfStudyCardView *self);

G_END_DECLS
