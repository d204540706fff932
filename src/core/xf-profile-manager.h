/* xf-profile-manager.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-profile.h"

G_BEGIN_DECLS

#define XF_TYPE_PROFILE_MANAGER (xf_profile_manager_get_type ())

G_DECLARE_FINAL_TYPE (XfProfileManager, xf_profile_manager, XF, PROFILE_MANAGER, GObject)

XfProfileManager *xf_profile_manager_new          (const char        *data_dir);
const char       *xf_profile_manager_get_data_dir (XfProfileManager  *self);
gboolean          xf_profile_manager_load         (XfProfileManager  *self,
                                                   GError           **error);
GListModel       *xf_profile_manager_get_profiles (XfProfileManager  *self);
XfProfile        *xf_profile_manager_find         (XfProfileManager  *self,
                                                   const char        *id_or_name);
XfProfile        *xf_profile_manager_get_last     (XfProfileManager  *self);
XfProfile        *xf_profile_manager_create       (XfProfileManager  *self,
                                                   const char        *name,
                                                   GError           **error);
gboolean          xf_profile_manager_save         (XfProfileManager  *self,
                                                   GError           **error);
gboolean          xf_profile_manager_set_last     (XfProfileManager  *self,
                                                   XfProfile         *profile,
                                                   GError           **error);
char             *xf_profile_manager_dup_database_path (XfProfileManager *self,
                                                        XfProfile        *profile);

G_END_DECLS
