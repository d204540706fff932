/* xf-study-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-study-card-view.h"

G_BEGIN_DECLS

#define XF_TYPE_STUDY_PAGE (xf_study_page_get_type ())

G_DECLARE_FINAL_TYPE (XfStudyPage, xf_study_page, XF, STUDY_PAGE, GtkWidget)

void             xf_study_page_set_database   (XfStudyPage *self,
                                               XfDatabase  *database);
void             xf_study_page_reload         (XfStudyPage *self);
gboolean         xf_study_page_get_loading    (XfStudyPage *self);
const char      *xf_study_page_get_state      (XfStudyPage *self);
XfStudyCardView *xf_study_page_get_card_view  (XfStudyPage *self);
guint            xf_study_page_get_n_pending  (XfStudyPage *self);
gboolean         xf_study_page_get_counts     (XfStudyPage *self,
                                               guint       *n_due,
                                               guint       *n_new,
                                               guint       *n_learning);

/* What the page shows, from plain values (testable without a display) */
char            *xf_format_study_summary      (guint        n_studied,
                                               guint        n_again,
                                               gint64       time_ms);

G_END_DECLS
