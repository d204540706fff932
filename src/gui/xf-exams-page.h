/* xf-exams-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-profile.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAMS_PAGE (xf_exams_page_get_type ())

G_DECLARE_FINAL_TYPE (XfExamsPage, xf_exams_page, XF, EXAMS_PAGE, GtkWidget)

void        xf_exams_page_set_database (XfExamsPage *self,
                                        XfDatabase  *database,
                                        XfProfile   *profile);
void        xf_exams_page_reload       (XfExamsPage *self);
gboolean    xf_exams_page_get_loading  (XfExamsPage *self);
const char *xf_exams_page_get_state    (XfExamsPage *self);

G_END_DECLS
