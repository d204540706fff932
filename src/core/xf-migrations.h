/* xf-migrations.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-database.h"

G_BEGIN_DECLS

int      xf_migrations_latest_version (void);
gboolean xf_migrations_run            (XfDatabase  *db,
                                       GError     **error);

G_END_DECLS
