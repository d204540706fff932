/* xf-law-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-law.h"

G_BEGIN_DECLS

#define XF_TYPE_LAW_ROW (xf_law_row_get_type ())

G_DECLARE_FINAL_TYPE (XfLawRow, xf_law_row, XF, LAW_ROW, GtkWidget)

GtkWidget  *xf_law_row_new          (void);
XfLaw      *xf_law_row_get_law      (XfLawRow *self);
void        xf_law_row_set_law      (XfLawRow *self,
                                     XfLaw    *law);
const char *xf_law_row_get_subtitle (XfLawRow *self);

G_END_DECLS
