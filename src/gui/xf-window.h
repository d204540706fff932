/* xf-window.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-application.h"

G_BEGIN_DECLS

#define XF_TYPE_WINDOW (xf_window_get_type ())

G_DECLARE_FINAL_TYPE (XfWindow, xf_window, XF, WINDOW, AdwApplicationWindow)

XfWindow *xf_window_new (XfApplication *application);

G_END_DECLS
