/* test-utils.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-database.h"

G_BEGIN_DECLS

void        xf_test_remove_tree    (const char *path);
XfDatabase *xf_test_open_memory    (void);
void        xf_test_exec           (XfDatabase *db,
                                    const char *sql);
gint64      xf_test_count          (XfDatabase *db,
                                    const char *sql);
gint64 xf_test_insert_law     (XfDatabase *db,
                               const char *title,
                               const char *version_date);
gint64 xf_test_insert_article (XfDatabase *db,
                               gint64      law_id,
                               guint       number,
                               guint       sub,
                               const char *body);

G_END_DECLS
