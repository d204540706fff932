/* xf-profile-form.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-profile-manager.h"

G_BEGIN_DECLS

#define XF_TYPE_PROFILE_FORM (xf_profile_form_get_type ())

G_DECLARE_FINAL_TYPE (XfProfileForm, xf_profile_form, XF, PROFILE_FORM, AdwPreferencesGroup)

gboolean    xf_profile_form_get_valid    (XfProfileForm *self);
char       *xf_profile_form_dup_name     (XfProfileForm *self);
void        xf_profile_form_load         (XfProfileForm *self,
                                          XfProfile     *profile);
void        xf_profile_form_apply        (XfProfileForm *self,
                                          XfProfile     *profile);
void        xf_profile_form_focus        (XfProfileForm *self);
XfProfile  *xf_profile_form_save         (XfProfileForm     *self,
                                          XfProfileManager  *manager,
                                          XfProfile         *profile,
                                          GError           **error);

G_END_DECLS
