/* xf-law-importer-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-database.h"
#include "xf-law-parser.h"

G_BEGIN_DECLS

/* A file that read and parsed well, waiting to be written. */
typedef struct
{
  char        *path;
  char        *source;   /* as set on the importer, or NULL for the path */
  guint64      size;
  XfParsedLaw *law;
  gint64       law_id;   /* set once written */
} XfLawImportEntry;

typedef struct
{
  XfDatabase    *db;
  GPtrArray     *entries;   /* (element-type XfLawImportEntry), in input order */
  GPtrArray     *notices;   /* (element-type XfLawImportNotice) */
  GCancellable  *cancellable;
  void         (*advance) (gpointer data,
                           guint64  bytes);
  gpointer       advance_data;
} XfLawWriteJob;

void     xf_law_import_entry_free  (XfLawImportEntry *entry);
void     xf_law_importer_add_notice (GPtrArray        *notices,
                                     const char       *path,
                                     char             *message);
gboolean xf_law_write              (XfLawWriteJob    *job,
                                    GError          **error);
const char *xf_law_guess_level     (const char       *title);

G_END_DECLS
