/* xf-law-store.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-law-store.h"

/* The read side of the statutes: what a reader, a list or a search hit needs,
 * as GObjects the GUI can bind. Writing is XfLawImporter's. */

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

static const char law_columns[] =
  "SELECT id, title, version_date, status, level, source, history, preamble, article_count "
  "FROM laws ";

static XfLaw *
law_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (XF_TYPE_LAW,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "title", COL_TEXT (stmt, 1),
                       "version-date", COL_TEXT (stmt, 2),
                       "status", COL_TEXT (stmt, 3),
                       "level", COL_TEXT (stmt, 4),
                       "source", COL_TEXT (stmt, 5),
                       "history", COL_TEXT (stmt, 6),
                       "preamble", COL_TEXT (stmt, 7),
                       "article-count", (guint)sqlite3_column_int (stmt, 8),
                       NULL);
}

/**
 * xf_law_store_list_laws:
 *
 * Every statute, the constitution first, then laws, then regulations, each
 * group by title and newest version first.
 *
 * Returns: (transfer full): a #GListModel of #XfLaw, or %NULL on error
 */
GListModel *
xf_law_store_list_laws (XfDatabase  *db,
                        GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (XF_TYPE_LAW);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  sql = g_strconcat (law_columns,
                     "ORDER BY CASE level WHEN '宪法' THEN 0 WHEN '法律' THEN 1 "
                     "WHEN '行政法规' THEN 2 ELSE 3 END, title, version_date DESC",
                     NULL);
  if (!(stmt = xf_database_prepare (db, sql, error)))
    return NULL;

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfLaw) law = law_from_row (stmt);
      g_list_store_append (store, law);
    }

  return rc < 0 ? NULL : G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * xf_law_store_get_law:
 *
 * Returns: (transfer full): the law, or %NULL with %XF_STORE_ERROR_NOT_FOUND
 */
XfLaw *
xf_law_store_get_law (XfDatabase  *db,
                      gint64       law_id,
                      GError     **error)
{
  g_autofree char *sql = g_strconcat (law_columns, "WHERE id = ?", NULL);
  sqlite3_stmt *stmt;
  XfLaw *law = NULL;
  int rc;

  if (!(stmt = xf_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, law_id);

  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    law = law_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("The statute is no longer in the library"));
  sqlite3_reset (stmt);

  return law;
}

/**
 * xf_law_store_list_headings:
 *
 * Returns: (transfer full): the top-level headings of a law, each holding its
 *   sub-headings, or %NULL on error
 */
GListModel *
xf_law_store_list_headings (XfDatabase  *db,
                            gint64       law_id,
                            GError     **error)
{
  g_autoptr(GListStore) roots = g_list_store_new (XF_TYPE_HEADING);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = xf_database_prepare (db,
                              "SELECT id, parent_id, kind, label, title FROM headings "
                              "WHERE law_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, law_id);

  /* Parents come before their children in position order. */
  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      XfHeading *heading = xf_heading_new (sqlite3_column_int64 (stmt, 0), law_id,
                                           COL_TEXT (stmt, 2), COL_TEXT (stmt, 3),
                                           COL_TEXT (stmt, 4));
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);
      XfHeading *parent = NULL;
      gint64 *key = g_new (gint64, 1);

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        parent = g_hash_table_lookup (by_id, &parent_id);

      if (parent != NULL)
        xf_heading_add_child (parent, heading);
      else
        g_list_store_append (roots, heading);

      /* The key lives inside the table's value set; keep it simple. */
      *key = xf_heading_get_id (heading);
      g_object_set_data_full (G_OBJECT (heading), "xf-key", key, g_free);
      g_hash_table_insert (by_id, key, heading);
    }

  return rc < 0 ? NULL : G_LIST_MODEL (g_steal_pointer (&roots));
}

/**
 * xf_law_store_dup_heading_path:
 *
 * Returns: (transfer full): "第五章 行政处罚的决定 › 第一节 一般规定", or ""
 */
char *
xf_law_store_dup_heading_path (XfDatabase *db,
                               gint64      heading_id)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) path = g_string_new (NULL);
  sqlite3_stmt *stmt;
  gint64 id = heading_id;

  stmt = xf_database_prepare (db, "SELECT parent_id, label, title FROM headings WHERE id = ?", NULL);
  if (stmt == NULL)
    return g_strdup ("");

  /* Headings nest four deep at most (编 › 分编 › 章 › 节). */
  for (guint depth = 0; id > 0 && depth < 8; depth++)
    {
      const char *label, *title;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        break;
      label = COL_TEXT (stmt, 1);
      title = COL_TEXT (stmt, 2);
      if (label[0] != '\0' && title[0] != '\0')
        g_ptr_array_insert (parts, 0, g_strconcat (label, " ", title, NULL));
      else
        g_ptr_array_insert (parts, 0, g_strdup (label[0] ? label : title));
      id = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (path, " › ");
      g_string_append (path, parts->pdata[i]);
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static XfArticle *
article_from_row (XfDatabase   *db,
                  sqlite3_stmt *stmt,
                  GHashTable   *paths)
{
  gint64 heading_id = sqlite3_column_int64 (stmt, 2);
  const char *path = NULL;

  if (heading_id > 0 && paths != NULL)
    {
      path = g_hash_table_lookup (paths, &heading_id);
      if (path == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = heading_id;
          path = xf_law_store_dup_heading_path (db, heading_id);
          g_hash_table_insert (paths, key, (char *)path);
        }
    }

  return xf_article_new (sqlite3_column_int64 (stmt, 0),
                         sqlite3_column_int64 (stmt, 1),
                         heading_id,
                         sqlite3_column_int (stmt, 3),
                         sqlite3_column_int (stmt, 4),
                         COL_TEXT (stmt, 5),
                         COL_TEXT (stmt, 6),
                         COL_TEXT (stmt, 7),
                         path);
}

#define ARTICLE_COLUMNS \
  "SELECT a.id, a.law_id, a.heading_id, a.number, a.sub, a.label, a.body, l.title " \
  "FROM articles a JOIN laws l ON l.id = a.law_id "

/**
 * xf_law_store_list_articles:
 * @heading_id: a heading, or 0 for the whole law
 *
 * The articles of a law, or of one heading and everything under it, in order.
 *
 * Returns: (transfer full): a #GListModel of #XfArticle, or %NULL on error
 */
GListModel *
xf_law_store_list_articles (XfDatabase  *db,
                            gint64       law_id,
                            gint64       heading_id,
                            GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (XF_TYPE_ARTICLE);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (heading_id > 0)
    stmt = xf_database_prepare (db,
                                "WITH RECURSIVE under (id) AS ("
                                "  SELECT ?2 UNION ALL "
                                "  SELECT h.id FROM headings h JOIN under ON h.parent_id = under.id) "
                                ARTICLE_COLUMNS
                                "WHERE a.law_id = ?1 AND a.heading_id IN under ORDER BY a.position",
                                error);
  else
    stmt = xf_database_prepare (db, ARTICLE_COLUMNS "WHERE a.law_id = ?1 ORDER BY a.position", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, law_id);
  if (heading_id > 0)
    sqlite3_bind_int64 (stmt, 2, heading_id);

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(XfArticle) article = article_from_row (db, stmt, paths);
      g_list_store_append (store, article);
    }

  return rc < 0 ? NULL : G_LIST_MODEL (g_steal_pointer (&store));
}

static XfArticle *
get_one_article (XfDatabase    *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  XfArticle *article = NULL;
  int rc;

  rc = xf_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    article = article_from_row (db, stmt, paths);
  else if (rc == SQLITE_DONE)
    g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                 _("The article is not in the library"));
  sqlite3_reset (stmt);

  return article;
}

/**
 * xf_law_store_get_article:
 *
 * Returns: (transfer full): the article, or %NULL with an error
 */
XfArticle *
xf_law_store_get_article (XfDatabase  *db,
                          gint64       article_id,
                          GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, ARTICLE_COLUMNS "WHERE a.id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);

  return get_one_article (db, stmt, error);
}

/**
 * xf_law_store_find_article:
 * @law_title: the full title, 中华人民共和国行政处罚法
 *
 * Finds an article by citation in the newest version of the law.
 *
 * Returns: (transfer full): the article, or %NULL with an error
 */
XfArticle *
xf_law_store_find_article (XfDatabase  *db,
                           const char  *law_title,
                           guint        number,
                           guint        sub,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db,
                              ARTICLE_COLUMNS
                              "WHERE l.title = ? AND a.number = ? AND a.sub = ? "
                              "ORDER BY l.version_date DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, law_title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, number);
  sqlite3_bind_int (stmt, 3, sub);

  return get_one_article (db, stmt, error);
}

gint64
xf_law_store_count_articles (XfDatabase  *db,
                             GError     **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (db, "SELECT count(*) FROM articles", error);
  gint64 count = -1;

  if (stmt == NULL)
    return -1;
  if (xf_database_step (db, stmt, error) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}
