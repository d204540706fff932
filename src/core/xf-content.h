/* xf-content.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-database.h"

G_BEGIN_DECLS

const char *xf_content_get_version      (void);
gboolean    xf_content_needs_defaults   (XfDatabase           *db);
gboolean xf_content_install_defaults       (XfDatabase           *db,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     xf_content_install_defaults_async (const char           *db_path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean xf_content_install_defaults_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
