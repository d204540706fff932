/* xf-profile.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XF_TYPE_PROFILE (xf_profile_get_type ())

G_DECLARE_FINAL_TYPE (XfProfile, xf_profile, XF, PROFILE, GObject)

XfProfile  *xf_profile_new              (const char *id,
                                         const char *name);
const char *xf_profile_get_id           (XfProfile  *self);
const char *xf_profile_get_name         (XfProfile  *self);
void        xf_profile_set_name         (XfProfile  *self,
                                         const char *name);
const char *xf_profile_get_department   (XfProfile  *self);
void        xf_profile_set_department   (XfProfile  *self,
                                         const char *department);
const char *xf_profile_get_position     (XfProfile  *self);
void        xf_profile_set_position     (XfProfile  *self,
                                         const char *position);
gboolean    xf_profile_get_leader       (XfProfile  *self);
void        xf_profile_set_leader       (XfProfile  *self,
                                         gboolean    leader);
gboolean    xf_profile_get_principal    (XfProfile  *self);
void        xf_profile_set_principal    (XfProfile  *self,
                                         gboolean    principal);

G_END_DECLS
