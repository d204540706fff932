/* xf-list-format.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"
#include "xf-knowledge-list.h"

G_BEGIN_DECLS

/* The JSON exchange format of knowledge lists: docs/knowledge-list-format.md */
#define XF_LIST_FORMAT_NAME    "xuefa-knowledge-lists"
#define XF_LIST_FORMAT_VERSION 1

#define XF_LIST_FORMAT_ERROR (xf_list_format_error_quark ())

typedef enum
{
  XF_LIST_FORMAT_ERROR_READ,      /* the file cannot be read */
  XF_LIST_FORMAT_ERROR_PARSE,     /* not JSON: empty, truncated, not UTF-8 */
  XF_LIST_FORMAT_ERROR_INVALID,   /* a field is missing, mistyped or out of range */
  XF_LIST_FORMAT_ERROR_CONFLICT,  /* an item's UUID belongs to another list */
} XfListFormatError;

typedef enum
{
  XF_LIST_IMPORT_NONE    = 0,
  XF_LIST_IMPORT_DRY_RUN = 1 << 0,  /* check and report, then roll back */
} XfListImportFlags;

GQuark     xf_list_format_error_quark  (void);

GPtrArray *xf_list_format_import_file  (XfDatabase         *db,
                                        const char         *path,
                                        XfListImportFlags   flags,
                                        GStrv              *warnings,
                                        GError            **error);
GPtrArray *xf_list_format_import_bytes (XfDatabase         *db,
                                        GBytes             *bytes,
                                        const char         *name,
                                        XfListImportFlags   flags,
                                        GStrv              *warnings,
                                        GError            **error);
GBytes    *xf_list_format_export_bytes (XfDatabase         *db,
                                        GListModel         *lists,
                                        GError            **error);
gboolean   xf_list_format_export_file  (XfDatabase         *db,
                                        GListModel         *lists,
                                        const char         *path,
                                        GError            **error);

G_END_DECLS
