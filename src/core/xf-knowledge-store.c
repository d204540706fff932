/* xf-knowledge-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-knowledge-store.h"

/* item_marks is an append-only log: an item's state is its latest mark. The
 * row id breaks ties between marks made in the same microsecond. */
#define LEARNED_SQL(item) \
  "COALESCE ((SELECT m.learned FROM item_marks m WHERE m.item_uuid = " item ".uuid " \
  "ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1), 0)"

#define LIST_COLUMNS_SQL \
  "SELECT l.id, l.uuid, l.title, l.year, l.audience, l.department, l.version, " \
  "l.description, l.source, " \
  "(SELECT COUNT(*) FROM list_items i WHERE i.list_id = l.id), " \
  "(SELECT COUNT(*) FROM list_items i WHERE i.list_id = l.id AND " LEARNED_SQL ("i") " = 1) " \
  "FROM lists l "

/* An item points at the article with its number in the newest version of
 * the law with its title. */
#define ITEM_COLUMNS_SQL \
  "SELECT i.id, i.uuid, i.list_id, i.position, i.level, i.law_title, i.article_number, " \
  "i.article_sub, i.title, i.body, i.note, a.id, a.label, a.body, " LEARNED_SQL ("i") " " \
  "FROM list_items i " \
  "LEFT JOIN articles a ON a.id = (" \
  "  SELECT a2.id FROM articles a2" \
  "  WHERE a2.law_id = (SELECT w.id FROM laws w WHERE w.title = i.law_title" \
  "                     ORDER BY w.version_date DESC, w.id DESC LIMIT 1)" \
  "    AND a2.number = i.article_number AND a2.sub = i.article_sub" \
  "  ORDER BY a2.position LIMIT 1) "

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static XfKnowledgeList *
list_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (XF_TYPE_KNOWLEDGE_LIST,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", column_text (stmt, 1),
                       "title", column_text (stmt, 2),
                       "year", sqlite3_column_int (stmt, 3),
                       "audience", column_text (stmt, 4),
                       "department", column_text (stmt, 5),
                       "version", MAX (1, sqlite3_column_int (stmt, 6)),
                       "description", column_text (stmt, 7),
                       "source", column_text (stmt, 8),
                       "n-items", (guint)sqlite3_column_int (stmt, 9),
                       "n-learned", (guint)sqlite3_column_int (stmt, 10),
                       NULL);
}

static XfListItem *
item_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (XF_TYPE_LIST_ITEM,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", column_text (stmt, 1),
                       "list-id", sqlite3_column_int64 (stmt, 2),
                       "position", (guint)sqlite3_column_int (stmt, 3),
                       "level", column_text (stmt, 4),
                       "law-title", column_text (stmt, 5),
                       "article-number", (guint)MAX (0, sqlite3_column_int (stmt, 6)),
                       "article-sub", (guint)MAX (0, sqlite3_column_int (stmt, 7)),
                       "title", column_text (stmt, 8),
                       "text", column_text (stmt, 9),
                       "note", column_text (stmt, 10),
                       "article-id", sqlite3_column_int64 (stmt, 11),
                       "article-label", column_text (stmt, 12),
                       "body", column_text (stmt, 13),
                       "learned", sqlite3_column_int (stmt, 14) != 0,
                       NULL);
}

/**
 * xf_knowledge_store_list_lists:
 * @db: a #XfDatabase
 * @error: return location for a #GError
 *
 * Lists the knowledge lists with their item counts and how many items the
 * profile has learned, newest year first, then by audience (all staff,
 * leaders, law-enforcement staff, departments) and title.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #XfKnowledgeList
 */
GListModel *
xf_knowledge_store_list_lists (XfDatabase  *db,
                               GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db,
                              LIST_COLUMNS_SQL
                              "ORDER BY l.year DESC, "
                              "CASE l.audience WHEN 'all' THEN 0 WHEN 'leaders' THEN 1 "
                              "WHEN 'enforcement' THEN 2 ELSE 3 END, "
                              "l.department, l.title, l.id",
                              error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (XF_TYPE_KNOWLEDGE_LIST);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfKnowledgeList) list = list_from_row (stmt);
      g_list_store_append (store, list);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static XfKnowledgeList *
get_list_where (XfDatabase  *db,
                const char  *sql,
                const char  *text,
                gint64       id,
                GError     **error)
{
  XfKnowledgeList *list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = xf_database_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    list = list_from_row (stmt);
  sqlite3_reset (stmt);

  if (list == NULL)
    g_set_error_literal (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND, "");

  return list;
}

/**
 * xf_knowledge_store_get_list:
 * @db: a #XfDatabase
 * @uuid_or_title: a list's UUID, its title, or its row id in decimal
 * @error: return location for a #GError
 *
 * Finds a list by UUID, else by title (the newest year when several lists
 * share a title), else by row id.
 *
 * Returns: (transfer full) (nullable): the list with its counts, or %NULL
 *   with %XF_STORE_ERROR_NOT_FOUND
 */
XfKnowledgeList *
xf_knowledge_store_get_list (XfDatabase  *db,
                             const char  *uuid_or_title,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XfKnowledgeList *list;
  guint64 id = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid_or_title != NULL, NULL);

  list = get_list_where (db, LIST_COLUMNS_SQL "WHERE l.uuid = ?", uuid_or_title, 0, &local_error);
  if (list == NULL && g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      list = get_list_where (db, LIST_COLUMNS_SQL "WHERE l.title = ? ORDER BY l.year DESC, l.id DESC LIMIT 1",
                             uuid_or_title, 0, &local_error);
    }
  if (list == NULL && g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND) &&
      g_ascii_string_to_unsigned (uuid_or_title, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_clear_error (&local_error);
      list = get_list_where (db, LIST_COLUMNS_SQL "WHERE l.id = ?", NULL, (gint64)id, &local_error);
    }

  if (list != NULL)
    return list;

  if (g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no knowledge list “%s”"), uuid_or_title);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

/**
 * xf_knowledge_store_list_items:
 * @db: a #XfDatabase
 * @list_id: the row id of a list
 * @error: return location for a #GError
 *
 * Lists a list's items in order, each with its article resolved and its
 * learned state.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #XfListItem
 */
GListModel *
xf_knowledge_store_list_items (XfDatabase  *db,
                               gint64       list_id,
                               GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  stmt = xf_database_prepare (db, ITEM_COLUMNS_SQL "WHERE i.list_id = ? ORDER BY i.position, i.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, list_id);

  store = g_list_store_new (XF_TYPE_LIST_ITEM);
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfListItem) item = item_from_row (stmt);
      g_list_store_append (store, item);
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * xf_knowledge_store_get_item:
 *
 * Returns: (transfer full) (nullable): the item with the UUID @item_uuid, or
 *   %NULL with %XF_STORE_ERROR_NOT_FOUND
 */
XfListItem *
xf_knowledge_store_get_item (XfDatabase  *db,
                             const char  *item_uuid,
                             GError     **error)
{
  XfListItem *item = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (item_uuid != NULL, NULL);

  stmt = xf_database_prepare (db, ITEM_COLUMNS_SQL "WHERE i.uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_uuid, -1, SQLITE_TRANSIENT);

  rc = xf_database_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  sqlite3_reset (stmt);

  if (item == NULL)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("There is no knowledge list item “%s”"), item_uuid);

  return item;
}

/**
 * xf_knowledge_store_set_learned:
 * @db: a #XfDatabase
 * @item_uuid: the UUID of a list item
 * @learned: whether the item is learned
 * @error: return location for a #GError
 *
 * Records that the profile has learned an item, or no longer counts it as
 * learned, by appending a mark to the log. Marks refer to the item's UUID,
 * so they survive a re-import of the list.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_knowledge_store_set_learned (XfDatabase  *db,
                                const char  *item_uuid,
                                gboolean     learned,
                                GError     **error)
{
  g_autofree char *uuid = NULL;
  sqlite3_stmt *stmt;
  gint64 now;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (item_uuid != NULL, FALSE);

  stmt = xf_database_prepare (db, "SELECT 1 FROM list_items WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                   _("There is no knowledge list item “%s”"), item_uuid);
      return FALSE;
    }

  stmt = xf_database_prepare (db,
                              "INSERT INTO item_marks "
                              "(uuid, item_uuid, learned, created_at, updated_at, device_id) "
                              "VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  uuid = g_uuid_string_random ();
  now = g_get_real_time ();
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, item_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, learned ? 1 : 0);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_text (stmt, 6, xf_database_get_device_id (db), -1, SQLITE_TRANSIENT);

  return xf_database_step_done (db, stmt, error);
}

/**
 * xf_knowledge_store_delete_list:
 * @db: a #XfDatabase
 * @uuid: the UUID of a list
 * @error: return location for a #GError
 *
 * Deletes a list and its items. The marks stay in the log: importing the
 * list again brings its learned state back.
 *
 * Returns: %TRUE on success; %FALSE with %XF_STORE_ERROR_NOT_FOUND when
 *   there is no such list
 */
gboolean
xf_knowledge_store_delete_list (XfDatabase  *db,
                                const char  *uuid,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!xf_database_begin (db, error))
    return FALSE;

  stmt = xf_database_prepare (db, "DELETE FROM lists WHERE uuid = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!xf_database_step_done (db, stmt, error))
    goto fail;

  if (sqlite3_changes (xf_database_get_handle (db)) == 0)
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                   _("There is no knowledge list “%s”"), uuid);
      goto fail;
    }

  /* The search index covers the statutes only (list items are scanned), so
   * the content generation stays: no index rebuild for a list. */
  if (!xf_database_commit (db, error))
    goto fail;

  return TRUE;

fail:
  xf_database_rollback (db);
  return FALSE;
}

/**
 * xf_knowledge_store_resolve_article:
 * @db: a #XfDatabase
 * @law_title: the full title of a law (中华人民共和国行政处罚法)
 * @number: the article number
 * @sub: 0, or the number of an inserted article (之一 is 1)
 * @law_found: (out) (optional): whether any version of the law is loaded
 * @error: return location for a #GError
 *
 * Finds the article an item would point at: the one with @number and @sub
 * in the newest version of the law titled @law_title.
 *
 * Returns: the article's row id; 0 when there is none (check @error to
 *   tell this from a failure: it is set only on failure)
 */
gint64
xf_knowledge_store_resolve_article (XfDatabase  *db,
                                    const char  *law_title,
                                    guint        number,
                                    guint        sub,
                                    gboolean    *law_found,
                                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 law_id = 0;
  gint64 article_id = 0;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), 0);
  g_return_val_if_fail (law_title != NULL, 0);

  if (law_found != NULL)
    *law_found = FALSE;

  stmt = xf_database_prepare (db,
                              "SELECT id FROM laws WHERE title = ? "
                              "ORDER BY version_date DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, law_title, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (db, stmt, error);
  if (rc < 0)
    return 0;
  if (rc == SQLITE_ROW)
    law_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (law_id == 0)
    return 0;
  if (law_found != NULL)
    *law_found = TRUE;

  stmt = xf_database_prepare (db,
                              "SELECT id FROM articles WHERE law_id = ? AND number = ? AND sub = ? "
                              "ORDER BY position LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, law_id);
  sqlite3_bind_int (stmt, 2, (int)number);
  sqlite3_bind_int (stmt, 3, (int)sub);
  rc = xf_database_step (db, stmt, error);
  if (rc < 0)
    return 0;
  if (rc == SQLITE_ROW)
    article_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return article_id;
}
