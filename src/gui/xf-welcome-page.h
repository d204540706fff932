/* xf-welcome-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-profile-manager.h"

G_BEGIN_DECLS

#define XF_TYPE_WELCOME_PAGE (xf_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (XfWelcomePage, xf_welcome_page, XF, WELCOME_PAGE, GtkWidget)

XfWelcomePage    *xf_welcome_page_new                 (XfProfileManager *manager);
XfProfileManager *xf_welcome_page_get_profile_manager (XfWelcomePage    *self);
void              xf_welcome_page_set_profile_manager (XfWelcomePage    *self,
                                                       XfProfileManager *manager);
void              xf_welcome_page_focus               (XfWelcomePage    *self);

G_END_DECLS
