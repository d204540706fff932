/* xf-practice-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-practice.h"

G_BEGIN_DECLS

#define XF_TYPE_PRACTICE_PAGE (xf_practice_page_get_type ())

G_DECLARE_FINAL_TYPE (XfPracticePage, xf_practice_page, XF, PRACTICE_PAGE, GtkWidget)

void        xf_practice_page_set_database (XfPracticePage       *self,
                                           XfDatabase           *database);
void        xf_practice_page_reload       (XfPracticePage       *self);
void        xf_practice_page_start        (XfPracticePage       *self,
                                           XfPracticeSourceKind  kind,
                                           const char           *key,
                                           guint                 count);
const char *xf_practice_page_get_state    (XfPracticePage       *self);
gboolean    xf_practice_page_get_busy     (XfPracticePage       *self);

/* What the page shows, from plain values (testable without a display) */
char       *xf_format_practice_source     (const XfPracticeSource *source);
char       *xf_format_practice_book       (const XfPracticeResult *result);

G_END_DECLS
