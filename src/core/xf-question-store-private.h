/* xf-question-store-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-question-store.h"

G_BEGIN_DECLS

/* For the importer (xf-question-store-import.c): writes inside the
 * caller's transaction, without the checks of the public functions. */
gboolean xf_question_store_write_new     (XfDatabase  *db,
                                          gint64       bank_id,
                                          XfQuestion  *question,
                                          const char  *fingerprint,
                                          GError     **error);

gboolean xf_question_store_write_version (XfDatabase  *db,
                                          XfQuestion  *question,
                                          gboolean    *changed,
                                          GError     **error);
gboolean xf_question_store_same_as_stored (XfDatabase *db,
                                           XfQuestion *question,
                                           gboolean   *same,
                                           GError    **error);

G_END_DECLS
