/* xf-database.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define XF_STORE_ERROR (xf_store_error_quark ())

typedef enum
{
  XF_STORE_ERROR_OPEN,
  XF_STORE_ERROR_SQL,
  XF_STORE_ERROR_BUSY,
  XF_STORE_ERROR_SCHEMA,
  XF_STORE_ERROR_NOT_FOUND,
  XF_STORE_ERROR_CONSTRAINT,
  XF_STORE_ERROR_INVALID,     /* content that breaks a rule, e.g. a question without an answer */
} XfStoreError;

#define XF_TYPE_DATABASE (xf_database_get_type ())

G_DECLARE_FINAL_TYPE (XfDatabase, xf_database, XF, DATABASE, GObject)

GQuark        xf_store_error_quark          (void);

XfDatabase   *xf_database_open              (const char   *path,
                                             GError      **error);
const char   *xf_database_get_path          (XfDatabase   *self);
sqlite3      *xf_database_get_handle        (XfDatabase   *self);
int           xf_database_get_schema_version (XfDatabase  *self);
gboolean      xf_database_exec              (XfDatabase   *self,
                                             const char   *sql,
                                             GError      **error);
sqlite3_stmt *xf_database_prepare           (XfDatabase   *self,
                                             const char   *sql,
                                             GError      **error);
int           xf_database_step              (XfDatabase   *self,
                                             sqlite3_stmt *stmt,
                                             GError      **error);
gboolean      xf_database_step_done         (XfDatabase   *self,
                                             sqlite3_stmt *stmt,
                                             GError      **error);
gboolean      xf_database_begin             (XfDatabase   *self,
                                             GError      **error);
gboolean      xf_database_commit            (XfDatabase   *self,
                                             GError      **error);
void          xf_database_rollback          (XfDatabase   *self);
gint64        xf_database_last_insert_rowid (XfDatabase   *self);
char         *xf_database_dup_meta          (XfDatabase   *self,
                                             const char   *key);
gboolean      xf_database_set_meta          (XfDatabase   *self,
                                             const char   *key,
                                             const char   *value,
                                             GError      **error);
const char   *xf_database_get_device_id     (XfDatabase   *self);
void          xf_database_set_defer_checkpoints (XfDatabase *self,
                                                 gboolean    defer);
gboolean      xf_database_checkpoint_if_due (XfDatabase   *self);
gint64        xf_database_get_content_generation (XfDatabase *self);
gboolean      xf_database_bump_content_generation (XfDatabase *self,
                                                  GError    **error);
gboolean      xf_database_set_error         (XfDatabase   *self,
                                             int           rc,
                                             GError      **error);

G_END_DECLS
