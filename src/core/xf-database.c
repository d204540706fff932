/* xf-database.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-database.h"
#include "xf-migrations.h"

/* One XfDatabase is one SQLite connection, used from one thread at a time.
 * A worker thread that needs the store opens its own connection on the same
 * path; WAL mode lets readers go on while a writer commits. */

/* Hashing a statement's text takes longer than running a short statement:
 * an import looks its INSERT up once a row. Callers pass the same string
 * literal each time, so statements are remembered by the text's address
 * first (the text is still compared, as an address may be reused). */
#define N_RECENT 32

typedef struct
{
  const char   *address;    /* the caller's text */
  const char   *sql;        /* the same text, as the statement table keeps it */
  sqlite3_stmt *stmt;
} RecentStatement;

struct _XfDatabase
{
  GObject          parent_instance;

  sqlite3         *db;
  char            *path;
  char            *device_id;
  GHashTable      *statements;   /* sql → sqlite3_stmt */
  RecentStatement  recent[N_RECENT];
  guint            defer_checkpoints : 1;
  guint            checkpoint_due : 1;
};

G_DEFINE_FINAL_TYPE (XfDatabase, xf_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (xf-store-error-quark, xf_store_error)

/* SQLite's automatic checkpoint copies the write-ahead log back into the
 * database file (and syncs it) inside the commit that filled the log:
 * every few hundred ratings or answers one of them would take ten times
 * as long. A connection that writes durably while somebody waits defers
 * it (xf_database_set_defer_checkpoints) and checkpoints when nobody
 * waits (xf_database_checkpoint_if_due). Past CHECKPOINT_FORCE_PAGES the
 * commit checkpoints anyway, so a caller that never gets round to it
 * cannot let the log grow without bound. */
#define CHECKPOINT_PAGES       1000
#define CHECKPOINT_FORCE_PAGES 8000

static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         n_pages)
{
  XfDatabase *self = data;

  if (n_pages < CHECKPOINT_PAGES)
    return SQLITE_OK;
  if (self->defer_checkpoints && n_pages < CHECKPOINT_FORCE_PAGES)
    {
      self->checkpoint_due = TRUE;
      return SQLITE_OK;
    }
  self->checkpoint_due = FALSE;
  sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  return SQLITE_OK;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
xf_database_finalize (GObject *object)
{
  XfDatabase *self = (XfDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (xf_database_parent_class)->finalize (object);
}

static void
xf_database_class_init (XfDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_database_finalize;
}

static void
xf_database_init (XfDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * xf_database_set_error:
 * @self: a #XfDatabase
 * @rc: the SQLite result code
 * @error: return location for a #GError
 *
 * Turns a failed SQLite call into a #GError carrying SQLite's message.
 *
 * Returns: %FALSE, always, so callers can `return xf_database_set_error (…)`
 */
gboolean
xf_database_set_error (XfDatabase  *self,
                       int          rc,
                       GError     **error)
{
  int code = XF_STORE_ERROR_SQL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = XF_STORE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = XF_STORE_ERROR_CONSTRAINT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = XF_STORE_ERROR_OPEN;
      break;
    default:
      break;
    }

  g_set_error (error, XF_STORE_ERROR, code, "%s",
               self != NULL && self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  return FALSE;
}

/**
 * xf_database_open:
 * @path: a file name, or ":memory:"
 * @error: return location for a #GError
 *
 * Opens (creating if needed) a profile database and brings its schema up to
 * date.
 *
 * Returns: (transfer full): a new #XfDatabase, or %NULL on error
 */
XfDatabase *
xf_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(XfDatabase) self = NULL;
  g_autofree char *device_id = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XF_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (g_strcmp0 (path, ":memory:") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 10000);
  sqlite3_wal_hook (self->db, wal_hook, self);

  if (!xf_database_exec (self,
                         "PRAGMA journal_mode=WAL;"
                         "PRAGMA synchronous=NORMAL;"
                         "PRAGMA foreign_keys=ON;"
                         "PRAGMA temp_store=MEMORY;"
                         "PRAGMA cache_size=-32768;",
                         error))
    {
      g_prefix_error (error, _("Cannot open the database “%s”: "), path);
      return NULL;
    }

  if (!xf_migrations_run (self, error))
    {
      g_prefix_error (error, _("Cannot update the database “%s”: "), path);
      return NULL;
    }

  device_id = xf_database_dup_meta (self, "device_id");
  if (device_id == NULL)
    {
      device_id = g_uuid_string_random ();
      if (!xf_database_set_meta (self, "device_id", device_id, error))
        return NULL;
    }
  self->device_id = g_steal_pointer (&device_id);

  return g_steal_pointer (&self);
}

/**
 * xf_database_set_defer_checkpoints:
 * @defer: whether commits leave the write-ahead log's checkpoint to
 *   xf_database_checkpoint_if_due()
 *
 * For a connection whose writes somebody waits on (a rating, an exam
 * answer): the commit then returns as soon as the log is synced.
 */
void
xf_database_set_defer_checkpoints (XfDatabase *self,
                                   gboolean    defer)
{
  g_return_if_fail (XF_IS_DATABASE (self));

  self->defer_checkpoints = !!defer;
}

/**
 * xf_database_checkpoint_if_due:
 *
 * Copies the write-ahead log into the database file when a deferred
 * commit found it long enough. Cheap when nothing is due: call it when
 * the writes of the moment are done.
 *
 * Returns: whether a checkpoint ran
 */
gboolean
xf_database_checkpoint_if_due (XfDatabase *self)
{
  g_return_val_if_fail (XF_IS_DATABASE (self), FALSE);

  if (!self->checkpoint_due || !sqlite3_get_autocommit (self->db))
    return FALSE;
  self->checkpoint_due = FALSE;
  /* PASSIVE: never waits for readers or writers of other connections;
   * what it cannot copy now waits for the next one */
  return sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) == SQLITE_OK;
}

const char *
xf_database_get_path (XfDatabase *self)
{
  g_return_val_if_fail (XF_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
xf_database_get_handle (XfDatabase *self)
{
  g_return_val_if_fail (XF_IS_DATABASE (self), NULL);

  return self->db;
}

const char *
xf_database_get_device_id (XfDatabase *self)
{
  g_return_val_if_fail (XF_IS_DATABASE (self), NULL);

  return self->device_id;
}

int
xf_database_get_schema_version (XfDatabase *self)
{
  sqlite3_stmt *stmt;
  int version = -1;

  g_return_val_if_fail (XF_IS_DATABASE (self), -1);

  stmt = xf_database_prepare (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

gboolean
xf_database_exec (XfDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *errmsg = NULL;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, XF_STORE_ERROR,
                   (rc & 0xff) == SQLITE_BUSY ? XF_STORE_ERROR_BUSY : XF_STORE_ERROR_SQL,
                   "%s", errmsg ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

/**
 * xf_database_prepare:
 * @self: a #XfDatabase
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Returns a cached prepared statement for @sql, reset and with its bindings
 * cleared. The statement belongs to @self: do not finalize it.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL on error
 */
sqlite3_stmt *
xf_database_prepare (XfDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  RecentStatement *recent;
  sqlite3_stmt *stmt = NULL;
  gpointer key;
  gpointer value;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  recent = &self->recent[((guintptr)sql / sizeof (gpointer)) % N_RECENT];
  if (recent->address == sql && strcmp (recent->sql, sql) == 0)
    stmt = recent->stmt;
  else if (g_hash_table_lookup_extended (self->statements, sql, &key, &value))
    {
      stmt = value;
      *recent = (RecentStatement) { sql, key, stmt };
    }
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      xf_database_set_error (self, rc, error);
      return NULL;
    }

  key = g_strdup (sql);
  g_hash_table_insert (self->statements, key, stmt);
  *recent = (RecentStatement) { sql, key, stmt };

  return stmt;
}

/**
 * xf_database_step:
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set
 */
int
xf_database_step (XfDatabase    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  xf_database_set_error (self, rc, error);
  sqlite3_reset (stmt);
  return -1;
}

/* Runs a statement that returns no rows and resets it. */
gboolean
xf_database_step_done (XfDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  return xf_database_set_error (self, rc, error);
}

gboolean
xf_database_begin (XfDatabase  *self,
                   GError     **error)
{
  return xf_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
xf_database_commit (XfDatabase  *self,
                    GError     **error)
{
  return xf_database_exec (self, "COMMIT", error);
}

void
xf_database_rollback (XfDatabase *self)
{
  g_return_if_fail (XF_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
xf_database_last_insert_rowid (XfDatabase *self)
{
  g_return_val_if_fail (XF_IS_DATABASE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

/**
 * xf_database_dup_meta:
 *
 * Returns: (transfer full) (nullable): the value stored under @key
 */
char *
xf_database_dup_meta (XfDatabase *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (XF_IS_DATABASE (self), NULL);

  stmt = xf_database_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
xf_database_set_meta (XfDatabase  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (self), FALSE);

  stmt = xf_database_prepare (self,
                              "INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return xf_database_step_done (self, stmt, error);
}

/**
 * xf_database_get_content_generation:
 *
 * The content generation counts changes to the statute texts. A search index
 * built for one generation is stale once the number moves on.
 */
gint64
xf_database_get_content_generation (XfDatabase *self)
{
  g_autofree char *value = xf_database_dup_meta (self, "content_generation");

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
xf_database_bump_content_generation (XfDatabase  *self,
                                     GError     **error)
{
  g_autofree char *value = NULL;

  value = g_strdup_printf ("%" G_GINT64_FORMAT, xf_database_get_content_generation (self) + 1);

  return xf_database_set_meta (self, "content_generation", value, error);
}
