/* xf-application.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XF_TYPE_APPLICATION (xf_application_get_type ())

G_DECLARE_FINAL_TYPE (XfApplication, xf_application, XF, APPLICATION, AdwApplication)

XfApplication *xf_application_new (void);

G_END_DECLS
