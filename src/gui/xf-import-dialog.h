/* xf-import-dialog.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-law-importer.h"

G_BEGIN_DECLS

#define XF_TYPE_IMPORT_DIALOG (xf_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfImportDialog, xf_import_dialog, XF, IMPORT_DIALOG, AdwWindow)

XfImportDialog *xf_import_dialog_new       (GtkWindow      *parent,
                                            XfDatabase     *database,
                                            GListModel     *files);
void            xf_import_dialog_start     (XfImportDialog *self);
XfLawImporter  *xf_import_dialog_get_importer (XfImportDialog *self);

G_END_DECLS
