/* xf-profile-dialog.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-profile-manager.h"

G_BEGIN_DECLS

#define XF_TYPE_PROFILE_DIALOG (xf_profile_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfProfileDialog, xf_profile_dialog, XF, PROFILE_DIALOG, AdwWindow)

XfProfileDialog *xf_profile_dialog_new (GtkWindow        *parent,
                                        XfProfileManager *manager,
                                        XfProfile        *profile);

G_END_DECLS
