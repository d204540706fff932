/* test-utils.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-utils.h"
#include "xf-list-item.h"

/* Removes a test's temporary folder and everything in it, without following
 * symbolic links out of it. */
void
xf_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          xf_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

/* A law row and its articles, for tests that need statutes without an import. */
gint64
xf_test_insert_law (XfDatabase *db,
            const char *title,
            const char *version_date)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db,
                              "INSERT INTO laws (uuid, title, version_date, imported_at) VALUES (?, ?, ?, 0)",
                              NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, version_date, -1, SQLITE_TRANSIENT);
  g_assert_true (xf_database_step_done (db, stmt, NULL));

  return xf_database_last_insert_rowid (db);
}

gint64
xf_test_insert_article (XfDatabase *db,
                gint64      law_id,
                guint       number,
                guint       sub,
                const char *body)
{
  g_autofree char *label = xf_article_format_label (number, sub);
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db,
                              "INSERT INTO articles (law_id, number, sub, label, body, position) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, law_id);
  sqlite3_bind_int (stmt, 2, (int)number);
  sqlite3_bind_int (stmt, 3, (int)sub);
  sqlite3_bind_text (stmt, 4, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, (int)(number * 100 + sub));
  g_assert_true (xf_database_step_done (db, stmt, NULL));

  return xf_database_last_insert_rowid (db);
}

/* A database of its own in memory, migrated */
XfDatabase *
xf_test_open_memory (void)
{
  g_autoptr(GError) error = NULL;
  XfDatabase *db = xf_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

void
xf_test_exec (XfDatabase *db,
              const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The first column of the one row @sql gives */
gint64
xf_test_count (XfDatabase *db,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = xf_database_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (xf_database_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
