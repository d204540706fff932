/* test-database.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-utils.h"
#include "xf-database.h"
#include "xf-migrations.h"
#include "xf-profile-manager.h"

static void
test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (xf_database_get_schema_version (db), ==, xf_migrations_latest_version ());
  g_assert_true (g_uuid_string_is_valid (xf_database_get_device_id (db)));
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-db-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sub", "xuefa.db", NULL);
  g_autofree char *device = NULL;
  g_autofree char *journal = NULL;

  {
    g_autoptr(XfDatabase) db = xf_database_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (xf_database_set_meta (db, "greeting", "你好", &error));
    g_assert_no_error (error);
    device = g_strdup (xf_database_get_device_id (db));
  }
  {
    g_autoptr(XfDatabase) db = xf_database_open (path, &error);
    g_autofree char *value = xf_database_dup_meta (db, "greeting");
    sqlite3_stmt *stmt;

    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "你好");
    g_assert_cmpstr (xf_database_get_device_id (db), ==, device);

    stmt = xf_database_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    journal = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_assert_cmpstr (journal, ==, "wal");

    stmt = xf_database_prepare (db, "PRAGMA foreign_keys", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);
  }
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : 0;
}

/* Writes about 1,300 pages in 50 commits */
static void
write_pages (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_exec (db, "CREATE TABLE IF NOT EXISTS filler (data BLOB)", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      g_assert_true (xf_database_exec (db, "INSERT INTO filler VALUES (randomblob (100000))", &error));
      g_assert_no_error (error);
    }
}

static void
test_deferred_checkpoints (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-db-XXXXXX", &error);
  g_autofree char *deferred = g_build_filename (dir, "deferred.db", NULL);
  g_autofree char *deferred_wal = g_strconcat (deferred, "-wal", NULL);
  g_autofree char *automatic = g_build_filename (dir, "automatic.db", NULL);
  g_autoptr(XfDatabase) db = xf_database_open (deferred, &error);
  g_autoptr(XfDatabase) other = xf_database_open (automatic, &error);
  goffset before;

  g_assert_no_error (error);
  xf_database_set_defer_checkpoints (db, TRUE);
  before = file_size (deferred);
  write_pages (db);
  /* Every commit went to the log only, past the automatic checkpoint */
  g_assert_cmpint (file_size (deferred), ==, before);
  g_assert_cmpint (file_size (deferred_wal), >, 1000 * 4096);
  g_assert_true (xf_database_checkpoint_if_due (db));
  g_assert_cmpint (file_size (deferred), >, 4000000);
  g_assert_false (xf_database_checkpoint_if_due (db));

  /* Without deferring, a commit checkpoints and nothing is left due */
  write_pages (other);
  g_assert_cmpint (file_size (automatic), >, 1000 * 3000);
  g_assert_false (xf_database_checkpoint_if_due (other));

  g_clear_object (&db);
  g_clear_object (&other);
  xf_test_remove_tree (dir);
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-db-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xuefa.db", NULL);
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  {
    g_autoptr(XfDatabase) db = xf_database_open (path, &error);
    g_assert_null (db);
    g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SCHEMA);
  }
}

static void
test_schema_6_upgrade (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-db-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xuefa.db", NULL);

  /* Schema 6 adds study_sessions; a schema 5 database gets it on opening
   * and keeps what it held. */
  g_assert_cmpint (xf_migrations_latest_version (), ==, 6);
  {
    g_autoptr(XfDatabase) db = xf_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (xf_database_set_meta (db, "kept", "1", &error));
    g_assert_true (xf_database_exec (db, "DROP TABLE study_sessions; PRAGMA user_version = 5", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(XfDatabase) db = xf_database_open (path, &error);
    g_autofree char *kept = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (xf_database_get_schema_version (db), ==, 6);
    kept = xf_database_dup_meta (db, "kept");
    g_assert_cmpstr (kept, ==, "1");
    g_assert_true (xf_database_exec (db, "INSERT INTO study_sessions (uuid, activity, started_at, ended_at, "
                                         "active_ms, device_id) VALUES ('u', 'reading', 0, 60000000, 60000, 'd')",
                                     &error));
    g_assert_no_error (error);
    /* An activity the schema does not know is refused */
    g_assert_false (xf_database_exec (db, "INSERT INTO study_sessions (uuid, activity, started_at, ended_at, "
                                          "active_ms, device_id) VALUES ('v', 'sleep', 0, 0, 0, 'd')", &error));
    g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SQL);
    g_assert_nonnull (strstr (error->message, "CHECK"));
  }
}

static void
test_sql_error_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = xf_database_open (":memory:", &error);

  g_assert_false (xf_database_exec (db, "SELECT * FROM no_such_table", &error));
  g_assert_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

static void
test_profiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xf-profiles-XXXXXX", &error);
  g_autoptr(XfProfileManager) manager = xf_profile_manager_new (dir);
  g_autoptr(XfProfileManager) again = xf_profile_manager_new (dir);
  XfProfile *a, *b, *found;

  g_assert_true (xf_profile_manager_load (manager, &error));
  g_assert_null (xf_profile_manager_get_last (manager));

  a = xf_profile_manager_create (manager, "  张三 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_profile_get_name (a), ==, "张三");
  xf_profile_set_department (a, "司法局");
  xf_profile_set_leader (a, TRUE);
  g_assert_true (xf_profile_manager_save (manager, &error));

  b = xf_profile_manager_create (manager, "李四", &error);
  g_assert_no_error (error);
  g_assert_null (xf_profile_manager_create (manager, "李四", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (xf_profile_manager_create (manager, "   ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (xf_profile_manager_set_last (manager, a, &error));

  g_assert_true (xf_profile_manager_load (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (xf_profile_manager_get_profiles (again)), ==, 2);
  found = xf_profile_manager_get_last (again);
  g_assert_cmpstr (xf_profile_get_id (found), ==, xf_profile_get_id (a));
  g_assert_cmpstr (xf_profile_get_department (found), ==, "司法局");
  g_assert_true (xf_profile_get_leader (found));
  g_assert_false (xf_profile_get_principal (found));
  g_assert_nonnull (xf_profile_manager_find (again, xf_profile_get_id (b)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/open-memory", test_open_memory);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/deferred-checkpoints", test_deferred_checkpoints);
  g_test_add_func ("/database/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/database/schema-6-upgrade", test_schema_6_upgrade);
  g_test_add_func ("/database/sql-error-message", test_sql_error_message);
  g_test_add_func ("/database/profiles", test_profiles);

  return g_test_run ();
}
