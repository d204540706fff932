/* xf-law-importer-write.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-law-importer.h"
#include "xf-law-importer-private.h"

/* The write side of XfLawImporter: every good file of one run goes into the
 * database in one transaction, so a failure or a cancellation leaves the
 * statutes exactly as they were.
 *
 * A law is known by its title and version date. A whole-law file replaces
 * every row of the law it matches. A part file (民法典's # 物权编) becomes a
 * top-level part heading, labelled "" because the file gives no 第X编; it
 * replaces only the part of the same name, so the eight files make one law
 * whatever order they come in. Parts are ordered by their first article. */

#define SQL_FIND_LAW \
  "SELECT id, history FROM laws WHERE title = ?1 AND version_date = ?2"
#define SQL_INSERT_LAW \
  "INSERT INTO laws (uuid, title, version_date, status, level, source, history, preamble, " \
  "article_count, imported_at) VALUES (?1, ?2, ?3, 'current', ?4, ?5, ?6, ?7, ?8, ?9)"
#define SQL_UPDATE_LAW \
  "UPDATE laws SET status = 'current', level = ?2, source = ?3, history = ?4, preamble = ?5, " \
  "article_count = ?6, imported_at = ?7 WHERE id = ?1"
#define SQL_DELETE_ARTICLES "DELETE FROM articles WHERE law_id = ?1"
#define SQL_DELETE_HEADINGS "DELETE FROM headings WHERE law_id = ?1"
#define SQL_INSERT_HEADING \
  "INSERT INTO headings (law_id, parent_id, kind, label, title, position) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
#define SQL_INSERT_ARTICLE \
  "INSERT INTO articles (law_id, heading_id, number, sub, label, body, position) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define SQL_FIND_PART \
  "SELECT id FROM headings WHERE law_id = ?1 AND parent_id IS NULL AND kind = 'part' " \
  "AND label = '' AND title = ?2"
#define SQL_HAS_PARTS \
  "SELECT count(*) FROM headings WHERE law_id = ?1 AND parent_id IS NULL " \
  "AND kind = 'part' AND label = ''"
#define SQL_DELETE_PART_ARTICLES \
  "WITH RECURSIVE tree (id) AS (SELECT ?1 UNION ALL " \
  "SELECT h.id FROM headings AS h JOIN tree ON h.parent_id = tree.id) " \
  "DELETE FROM articles WHERE heading_id IN (SELECT id FROM tree)"
#define SQL_DELETE_HEADING "DELETE FROM headings WHERE id = ?1"
#define SQL_MAX_POSITIONS \
  "SELECT (SELECT coalesce (max (position) + 1, 0) FROM headings WHERE law_id = ?1), " \
  "(SELECT coalesce (max (position) + 1, 0) FROM articles WHERE law_id = ?1)"
#define SQL_COUNT_ARTICLES "SELECT count(*) FROM articles WHERE law_id = ?1"
#define SQL_SET_COUNT "UPDATE laws SET article_count = ?2 WHERE id = ?1"
/* Each heading and article learns its part (the root heading); parts sort
 * by their first article, and within a part the old order stands. */
#define SQL_PART_TREE \
  "WITH RECURSIVE tree (id, root) AS (" \
  "  SELECT id, id FROM headings WHERE law_id = ?1 AND parent_id IS NULL" \
  "  UNION ALL SELECT h.id, tree.root FROM headings AS h JOIN tree ON h.parent_id = tree.id), " \
  "roots (root, first) AS (" \
  "  SELECT tree.root, min (a.number * 1000 + a.sub) FROM tree " \
  "  JOIN articles AS a ON a.heading_id = tree.id GROUP BY tree.root) "
#define SQL_RENUMBER_HEADINGS \
  SQL_PART_TREE \
  ", ranked (id, pos) AS (" \
  "  SELECT h.id, row_number () OVER (ORDER BY coalesce (roots.first, 0), tree.root, h.position) - 1 " \
  "  FROM headings AS h JOIN tree ON tree.id = h.id LEFT JOIN roots ON roots.root = tree.root) " \
  "UPDATE headings SET position = ranked.pos FROM ranked WHERE headings.id = ranked.id"
#define SQL_RENUMBER_ARTICLES \
  SQL_PART_TREE \
  ", ranked (id, pos) AS (" \
  "  SELECT a.id, row_number () OVER (ORDER BY coalesce (roots.first, 0), tree.root, a.position) - 1 " \
  "  FROM articles AS a LEFT JOIN tree ON tree.id = a.heading_id " \
  "  LEFT JOIN roots ON roots.root = tree.root WHERE a.law_id = ?1) " \
  "UPDATE articles SET position = ranked.pos FROM ranked WHERE articles.id = ranked.id"
/* Only the newest version of a title is in force. */
#define SQL_SET_STATUS \
  "UPDATE laws SET status = CASE WHEN version_date = " \
  "(SELECT max (version_date) FROM laws AS l WHERE l.title = laws.title) " \
  "THEN 'current' ELSE 'amended' END " \
  "WHERE title = ?1 AND status IN ('current', 'amended')"

static char *
join_lines (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (lines, i));
    }
  return g_string_free (out, FALSE);
}

/**
 * xf_law_guess_level:
 * @title: a law's title
 *
 * Returns: (transfer none): 宪法, 法律 (…法), 行政法规 (…条例), or ""
 */
const char *
xf_law_guess_level (const char *title)
{
  g_autofree char *plain = g_strdup (title);
  char *cut;

  /* 中华人民共和国立法法（2023修正） reads as 中华人民共和国立法法 */
  if ((cut = strstr (plain, "（")) != NULL && cut != plain)
    *cut = '\0';
  if ((cut = strchr (plain, '(')) != NULL && cut != plain)
    *cut = '\0';
  g_strchomp (plain);

  if (g_str_has_suffix (plain, "宪法") || g_str_has_suffix (plain, "宪法修正案"))
    return "宪法";
  if (g_str_has_suffix (plain, "法") || g_str_has_suffix (plain, "法典"))
    return "法律";
  if (g_str_has_suffix (plain, "条例"))
    return "行政法规";
  return "";
}

static gboolean
cancelled (XfLawWriteJob  *job,
           GError        **error)
{
  return g_cancellable_set_error_if_cancelled (job->cancellable, error);
}

static gboolean
find_law (XfLawWriteJob  *job,
          XfParsedLaw    *law,
          gint64         *id,
          char          **history,
          GError        **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (job->db, SQL_FIND_LAW, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, law->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, law->version_date ? law->version_date : "", -1, SQLITE_STATIC);
  rc = xf_database_step (job->db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (history != NULL)
        *history = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

static gboolean
run_with_id (XfLawWriteJob  *job,
             const char     *sql,
             gint64          id,
             GError        **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (job->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return xf_database_step_done (job->db, stmt, error);
}

static gboolean
query_int (XfLawWriteJob  *job,
           const char     *sql,
           gint64          id,
           gint64         *a,
           gint64         *b,
           GError        **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (job->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = xf_database_step (job->db, stmt, error);
  if (rc == SQLITE_ROW)
    {
      *a = sqlite3_column_int64 (stmt, 0);
      if (b != NULL)
        *b = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  return rc >= 0;
}

/* Inserts or, for an existing @id, rewrites the law's own row. */
static gboolean
store_law (XfLawWriteJob  *job,
           gint64         *id,
           XfParsedLaw    *law,
           const char     *source,
           const char     *history,
           const char     *preamble,
           guint           article_count,
           GError        **error)
{
  const char *level = xf_law_guess_level (law->title);
  sqlite3_stmt *stmt;

  if (*id != 0)
    {
      stmt = xf_database_prepare (job->db, SQL_UPDATE_LAW, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, history, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, preamble, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, article_count);
      sqlite3_bind_int64 (stmt, 7, g_get_real_time ());
      return xf_database_step_done (job->db, stmt, error);
    }
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = xf_database_prepare (job->db, SQL_INSERT_LAW, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, law->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, law->version_date ? law->version_date : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, source, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, history, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, preamble, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 8, article_count);
      sqlite3_bind_int64 (stmt, 9, g_get_real_time ());
      if (!xf_database_step_done (job->db, stmt, error))
        return FALSE;
      *id = xf_database_last_insert_rowid (job->db);
      return TRUE;
    }
}

static gboolean
insert_heading (XfLawWriteJob  *job,
                gint64          law_id,
                gint64          parent_id,
                const char     *kind,
                const char     *label,
                const char     *title,
                guint           position,
                gint64         *id,
                GError        **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (job->db, SQL_INSERT_HEADING, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, law_id);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, label, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, position);
  if (!xf_database_step_done (job->db, stmt, error))
    return FALSE;
  *id = xf_database_last_insert_rowid (job->db);
  return TRUE;
}

/* Writes a parsed text's headings and articles under @root_id (a part
 * heading, or 0 for none), numbering positions on from the counters. */
static gboolean
insert_contents (XfLawWriteJob  *job,
                 gint64          law_id,
                 XfParsedLaw    *law,
                 gint64          root_id,
                 guint          *heading_position,
                 guint          *article_position,
                 GError        **error)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (law->headings->len, 1));
  sqlite3_stmt *stmt;

  for (guint i = 0; i < law->headings->len; i++)
    {
      const XfParsedHeading *heading = &g_array_index (law->headings, XfParsedHeading, i);
      gint64 parent = heading->parent >= 0 ? ids[heading->parent] : root_id;

      if (!insert_heading (job, law_id, parent, xf_parsed_heading_kind_to_string (heading->kind),
                           heading->label, heading->title, (*heading_position)++, &ids[i], error))
        return FALSE;
    }

  /* One statement, bound and stepped for every article: the hot loop. */
  stmt = xf_database_prepare (job->db, SQL_INSERT_ARTICLE, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < law->articles->len; i++)
    {
      const XfParsedArticle *article = &g_array_index (law->articles, XfParsedArticle, i);
      gint64 heading = article->heading >= 0 ? ids[article->heading] : root_id;

      /* A huge law should not hold up a cancellation for long. */
      if (i % 4096 == 4095 && cancelled (job, error))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, law_id);
      if (heading != 0)
        sqlite3_bind_int64 (stmt, 2, heading);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int (stmt, 3, article->number);
      sqlite3_bind_int (stmt, 4, article->sub);
      sqlite3_bind_text (stmt, 5, article->label, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, article->body, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 7, (*article_position)++);
      if (!xf_database_step_done (job->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_whole (XfLawWriteJob     *job,
             XfLawImportEntry  *entry,
             GError           **error)
{
  XfParsedLaw *law = entry->law;
  g_autofree char *history = join_lines (law->history);
  g_autofree char *preamble = join_lines (law->preamble);
  guint heading_position = 0;
  guint article_position = 0;
  gint64 id;

  if (!find_law (job, law, &id, NULL, error))
    return FALSE;
  if (id != 0)
    {
      if (!run_with_id (job, SQL_DELETE_ARTICLES, id, error) ||
          !run_with_id (job, SQL_DELETE_HEADINGS, id, error))
        return FALSE;
      xf_law_importer_add_notice (job->notices, entry->path,
                                  g_strdup_printf (_("Replaced the copy of “%s” (version %s) imported before"),
                                                   law->title, law->version_date ? law->version_date : "—"));
    }

  if (!store_law (job, &id, law, entry->source ? entry->source : entry->path, history, preamble,
                  law->articles->len, error) ||
      !insert_contents (job, id, law, 0, &heading_position, &article_position, error))
    return FALSE;

  entry->law_id = id;
  return TRUE;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const XfLawImportEntry *ea = *(XfLawImportEntry **)a;
  const XfLawImportEntry *eb = *(XfLawImportEntry **)b;
  const XfParsedArticle *fa = &g_array_index (ea->law->articles, XfParsedArticle, 0);
  const XfParsedArticle *fb = &g_array_index (eb->law->articles, XfParsedArticle, 0);

  if (fa->number != fb->number)
    return fa->number < fb->number ? -1 : 1;
  return (fa->sub > fb->sub) - (fa->sub < fb->sub);
}

/* The history of a law in parts is every distinct line of its parts. */
static void
merge_history (GPtrArray  *lines,
               GHashTable *seen,
               const char *line)
{
  if (line[0] == '\0' || g_hash_table_contains (seen, line))
    return;
  g_hash_table_add (seen, (gpointer)line);
  g_ptr_array_add (lines, (gpointer)line);
}

static gboolean
write_parts (XfLawWriteJob  *job,
             GPtrArray      *parts,
             GError        **error)
{
  XfLawImportEntry *first = g_ptr_array_index (parts, 0);
  XfParsedLaw *law = first->law;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) old_lines = NULL;
  g_autofree char *old_history = NULL;
  g_autofree char *history = NULL;
  g_autofree char *source = NULL;
  gboolean merge = FALSE;
  gint64 id, n_parts = 0, n_articles = 0;
  gint64 heading_position = 0, article_position = 0;
  guint hpos, apos;

  g_ptr_array_sort (parts, compare_parts);

  if (!find_law (job, law, &id, &old_history, error))
    return FALSE;

  if (id != 0)
    {
      if (!query_int (job, SQL_HAS_PARTS, id, &n_parts, NULL, error))
        return FALSE;
      merge = n_parts > 0;
    }

  if (merge)
    {
      old_lines = g_strsplit (old_history ? old_history : "", "\n", -1);
      for (guint i = 0; old_lines[i] != NULL; i++)
        merge_history (lines, seen, old_lines[i]);

      for (guint i = 0; i < parts->len; i++)
        {
          XfLawImportEntry *entry = g_ptr_array_index (parts, i);
          sqlite3_stmt *stmt = xf_database_prepare (job->db, SQL_FIND_PART, error);
          gint64 part_id = 0;
          int rc;

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_text (stmt, 2, entry->law->part, -1, SQLITE_STATIC);
          while ((rc = xf_database_step (job->db, stmt, error)) == SQLITE_ROW)
            part_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
          if (rc < 0)
            return FALSE;
          if (part_id == 0)
            continue;
          if (!run_with_id (job, SQL_DELETE_PART_ARTICLES, part_id, error) ||
              !run_with_id (job, SQL_DELETE_HEADING, part_id, error))
            return FALSE;
          xf_law_importer_add_notice (job->notices, entry->path,
                                      g_strdup_printf (_("Replaced the part “%s” of “%s” imported before"),
                                                       entry->law->part, law->title));
        }
      if (!query_int (job, SQL_MAX_POSITIONS, id, &heading_position, &article_position, error))
        return FALSE;
    }
  else if (id != 0)
    {
      /* The law was imported whole before; its parts replace all of it. */
      if (!run_with_id (job, SQL_DELETE_ARTICLES, id, error) ||
          !run_with_id (job, SQL_DELETE_HEADINGS, id, error))
        return FALSE;
      xf_law_importer_add_notice (job->notices, first->path,
                                  g_strdup_printf (_("Replaced the copy of “%s” (version %s) imported before"),
                                                   law->title, law->version_date ? law->version_date : "—"));
    }

  for (guint i = 0; i < parts->len; i++)
    {
      XfLawImportEntry *entry = g_ptr_array_index (parts, i);

      for (guint j = 0; j < entry->law->history->len; j++)
        merge_history (lines, seen, g_ptr_array_index (entry->law->history, j));
    }
  history = join_lines (lines);
  /* A law in parts comes from the folder that holds them. */
  source = first->source ? g_strdup (first->source) : g_path_get_dirname (first->path);

  if (!store_law (job, &id, law, source, history, "", 0, error))
    return FALSE;

  hpos = heading_position;
  apos = article_position;
  for (guint i = 0; i < parts->len; i++)
    {
      XfLawImportEntry *entry = g_ptr_array_index (parts, i);
      gint64 part_id;

      if (cancelled (job, error) ||
          !insert_heading (job, id, 0, "part", "", entry->law->part, hpos++, &part_id, error) ||
          !insert_contents (job, id, entry->law, part_id, &hpos, &apos, error))
        return FALSE;
      entry->law_id = id;
      job->advance (job->advance_data, entry->size);
    }

  if (merge &&
      (!run_with_id (job, SQL_RENUMBER_HEADINGS, id, error) ||
       !run_with_id (job, SQL_RENUMBER_ARTICLES, id, error)))
    return FALSE;

  if (!query_int (job, SQL_COUNT_ARTICLES, id, &n_articles, NULL, error))
    return FALSE;
  {
    sqlite3_stmt *stmt = xf_database_prepare (job->db, SQL_SET_COUNT, error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int64 (stmt, 2, n_articles);
    if (!xf_database_step_done (job->db, stmt, error))
      return FALSE;
  }

  return TRUE;
}

static gboolean
set_status (XfLawWriteJob  *job,
            const char     *title,
            GError        **error)
{
  sqlite3_stmt *stmt = xf_database_prepare (job->db, SQL_SET_STATUS, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  return xf_database_step_done (job->db, stmt, error);
}

typedef struct
{
  XfLawImportEntry *entry;   /* a whole law, or */
  GPtrArray        *parts;   /* the parts of one */
} WriteItem;

static gboolean
write_all (XfLawWriteJob  *job,
           GError        **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) order = g_array_new (FALSE, TRUE, sizeof (WriteItem));
  GHashTableIter iter;
  gpointer key;

  /* Parts of one law (same title and version) are written together, where
   * the first of them stood. */
  for (guint i = 0; i < job->entries->len; i++)
    {
      XfLawImportEntry *entry = g_ptr_array_index (job->entries, i);
      g_autofree char *group_key = NULL;
      WriteItem item = { 0 };

      g_hash_table_add (titles, entry->law->title);
      if (entry->law->part == NULL)
        {
          item.entry = entry;
          g_array_append_val (order, item);
          continue;
        }
      group_key = g_strconcat (entry->law->title, "\n",
                               entry->law->version_date ? entry->law->version_date : "", NULL);
      item.parts = g_hash_table_lookup (groups, group_key);
      if (item.parts == NULL)
        {
          item.parts = g_ptr_array_new ();
          g_hash_table_insert (groups, g_steal_pointer (&group_key), item.parts);
          g_array_append_val (order, item);
        }
      g_ptr_array_add (item.parts, entry);
    }

  for (guint i = 0; i < order->len; i++)
    {
      const WriteItem *item = &g_array_index (order, WriteItem, i);

      if (cancelled (job, error))
        return FALSE;

      if (item->parts != NULL)
        {
          if (!write_parts (job, item->parts, error))
            return FALSE;
        }
      else
        {
          if (!write_whole (job, item->entry, error))
            return FALSE;
          job->advance (job->advance_data, item->entry->size);
        }
    }

  g_hash_table_iter_init (&iter, titles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!set_status (job, key, error))
      return FALSE;

  return xf_database_bump_content_generation (job->db, error);
}

/**
 * xf_law_write:
 * @job: what to write
 * @error: return location for a #GError
 *
 * Writes every entry of @job in one transaction and bumps the content
 * generation once. On failure or cancellation nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_law_write (XfLawWriteJob  *job,
              GError        **error)
{
  g_autofree char *old_cache = NULL;
  sqlite3_stmt *stmt;

  if (job->entries->len == 0)
    return TRUE;

  /* A bigger page cache for the bulk insert only; it changes nothing on disk. */
  stmt = xf_database_prepare (job->db, "PRAGMA cache_size", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    old_cache = g_strdup_printf ("PRAGMA cache_size = %d", sqlite3_column_int (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  xf_database_exec (job->db, "PRAGMA cache_size = -65536", NULL);

  if (!xf_database_begin (job->db, error))
    goto failed;
  if (!write_all (job, error) || !xf_database_commit (job->db, error))
    {
      xf_database_rollback (job->db);
      goto failed;
    }

  if (old_cache != NULL)
    xf_database_exec (job->db, old_cache, NULL);
  return TRUE;

failed:
  if (old_cache != NULL)
    xf_database_exec (job->db, old_cache, NULL);
  return FALSE;
}
