/* xf-mistakes-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-mistake-store.h"
#include "xf-question.h"

G_BEGIN_DECLS

#define XF_TYPE_MISTAKES_PAGE (xf_mistakes_page_get_type ())

G_DECLARE_FINAL_TYPE (XfMistakesPage, xf_mistakes_page, XF, MISTAKES_PAGE, GtkWidget)

void        xf_mistakes_page_set_database (XfMistakesPage *self,
                                           XfDatabase     *database);
void        xf_mistakes_page_reload       (XfMistakesPage *self);
gboolean    xf_mistakes_page_get_loading  (XfMistakesPage *self);
const char *xf_mistakes_page_get_state    (XfMistakesPage *self);
char      **xf_mistakes_page_dup_shown    (XfMistakesPage *self);
gboolean    xf_mistakes_page_select       (XfMistakesPage *self,
                                           const char     *question_uuid);
const char *xf_mistakes_page_get_detail   (XfMistakesPage *self);

/* What the page shows, from plain values (testable without a display) */
char       *xf_format_mistake_progress    (guint           right_days);
char       *xf_format_mistake_summary     (const XfMistake *mistake,
                                           XfQuestionType  type,
                                           gboolean        have_question);

G_END_DECLS
