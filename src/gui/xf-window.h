/* xf-window.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-application.h"
#include "xf-database.h"
#include "xf-profile-manager.h"

G_BEGIN_DECLS

#define XF_TYPE_WINDOW (xf_window_get_type ())

G_DECLARE_FINAL_TYPE (XfWindow, xf_window, XF, WINDOW, AdwApplicationWindow)

XfWindow         *xf_window_new                 (XfApplication     *application,
                                                 XfProfileManager  *manager);
XfProfileManager *xf_window_get_profile_manager (XfWindow          *self);
XfProfile        *xf_window_get_profile         (XfWindow          *self);
XfDatabase       *xf_window_get_database        (XfWindow          *self);
gboolean          xf_window_open_profile        (XfWindow          *self,
                                                 XfProfile         *profile,
                                                 GError           **error);
void              xf_window_show_toast          (XfWindow          *self,
                                                 const char        *message);
void              xf_window_import_files        (XfWindow          *self,
                                                 GListModel        *files);

G_END_DECLS
