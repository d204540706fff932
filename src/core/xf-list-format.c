/* xf-list-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "xf-knowledge-store.h"
#include "xf-list-format-private.h"
#include "xf-list-item.h"

G_DEFINE_QUARK (xf-list-format-error-quark, xf_list_format_error)

/* A law that items point at but the database does not hold: one warning
 * for all its items, naming the first. */
typedef struct
{
  const char  *law;
  guint        n_items;
  JsonObject  *object;
  const char  *path;
} MissingLaw;

/* Items without a UUID in the file take the UUID of the old item with the
 * same article (or the same title and text), so that a list edited by hand
 * keeps its learned marks when it is imported again. */
static char *
item_key (const char *law,
          gint64      article,
          gint64      sub,
          const char *title,
          const char *text)
{
  if (law != NULL && law[0] != '\0' && article > 0)
    return g_strdup_printf ("a\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%" G_GINT64_FORMAT, law, article, sub);

  return g_strdup_printf ("t\x1f%s\x1f%s", title ? title : "", text ? text : "");
}

static void
free_queue (gpointer data)
{
  g_queue_free_full (data, g_free);
}

/* Takes the old items of a list that is being replaced out of the store. */
static GHashTable *
take_old_items (XfListImport  *self,
                gint64         list_id,
                GError       **error)
{
  g_autoptr(GHashTable) old_items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  old_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_queue);

  stmt = xf_database_prepare (self->db,
                              "SELECT uuid, law_title, article_number, article_sub, title, body "
                              "FROM list_items WHERE list_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, list_id);

  while ((rc = xf_database_step (self->db, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *key = item_key ((const char *)sqlite3_column_text (stmt, 1),
                                       sqlite3_column_int64 (stmt, 2),
                                       sqlite3_column_int64 (stmt, 3),
                                       (const char *)sqlite3_column_text (stmt, 4),
                                       (const char *)sqlite3_column_text (stmt, 5));
      GQueue *queue = g_hash_table_lookup (old_items, key);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (old_items, g_steal_pointer (&key), queue);
        }
      g_queue_push_tail (queue, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    }
  if (rc < 0)
    return NULL;
  sqlite3_reset (stmt);

  stmt = xf_database_prepare (self->db, "DELETE FROM list_items WHERE list_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, list_id);
  if (!xf_database_step_done (self->db, stmt, error))
    return NULL;

  return g_steal_pointer (&old_items);
}

static gint64
find_list (XfListImport  *self,
           const char    *uuid,
           GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = xf_database_prepare (self->db, "SELECT id FROM lists WHERE uuid = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = xf_database_step (self->db, stmt, error);
  if (rc < 0)
    return -1;
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static const char *
choose_item_uuid (XfListImport *self,
                  GHashTable   *old_items,
                  XfItemSpec   *item)
{
  g_autofree char *key = NULL;
  g_autofree char *fresh = NULL;
  GQueue *queue;

  if (item->uuid != NULL)
    return item->uuid;

  if (old_items != NULL)
    {
      key = item_key (item->law, item->article, item->sub, item->title, item->text);
      queue = g_hash_table_lookup (old_items, key);
      while (queue != NULL && !g_queue_is_empty (queue))
        {
          g_autofree char *old = g_queue_pop_head (queue);

          /* Another item in the file claims this UUID for itself. */
          if (!g_hash_table_contains (self->item_uuids, old))
            return g_string_chunk_insert (self->strings, old);
        }
    }

  fresh = g_uuid_string_random ();
  return g_string_chunk_insert (self->strings, fresh);
}

static gboolean
check_article (XfListImport  *self,
               const char    *path,
               XfItemSpec    *item,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = xf_article_format_label ((guint)item->article, (guint)item->sub);
  gboolean law_found = FALSE;
  gint64 article_id;

  article_id = xf_knowledge_store_resolve_article (self->db, item->law, (guint)item->article,
                                                   (guint)item->sub, &law_found, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (article_id != 0)
    return TRUE;

  if (!law_found)
    {
      MissingLaw *missing = NULL;

      for (guint i = 0; i < self->missing->len && missing == NULL; i++)
        if (g_str_equal (((MissingLaw *)self->missing->pdata[i])->law, item->law))
          missing = self->missing->pdata[i];

      if (missing == NULL)
        {
          missing = g_new0 (MissingLaw, 1);
          missing->law = item->law;
          missing->object = item->object;
          missing->path = g_string_chunk_insert (self->strings, path);
          g_ptr_array_add (self->missing, missing);
        }
      missing->n_items++;
    }
  else
    xf_list_import_warn (self, item->object, path, "article",
                         _("%s has no %s; check the article number"), item->law, label);

  return TRUE;
}

static gboolean
store_list (XfListImport  *self,
            XfListSpec    *list,
            gint64         list_id,
            GHashTable    *old_items,
            GError       **error)
{
  g_autofree char *path = g_strdup_printf ("lists[%u]", list->index);
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time ();

  if (list_id > 0)
    {
      stmt = xf_database_prepare (self->db,
                                  "UPDATE lists SET title = ?, year = ?, audience = ?, department = ?, "
                                  "version = ?, description = ?, source = ?, updated_at = ? WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 9, list_id);
    }
  else
    {
      stmt = xf_database_prepare (self->db,
                                  "INSERT INTO lists (title, year, audience, department, version, "
                                  "description, source, updated_at, uuid, created_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 9, list->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 10, now);
    }
  sqlite3_bind_text (stmt, 1, list->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, list->year);
  sqlite3_bind_text (stmt, 3, list->audience, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, list->department ? list->department : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, list->version);
  sqlite3_bind_text (stmt, 6, list->description ? list->description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, list->source ? list->source : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, now);
  if (!xf_database_step_done (self->db, stmt, error))
    return FALSE;
  if (list_id == 0)
    list_id = xf_database_last_insert_rowid (self->db);

  for (guint i = 0; i < list->items->len; i++)
    {
      XfItemSpec *item = &g_array_index (list->items, XfItemSpec, i);
      g_autofree char *item_path = g_strdup_printf ("%s.items[%u]", path, i);
      const char *uuid = choose_item_uuid (self, old_items, item);
      int rc;

      stmt = xf_database_prepare (self->db,
                                  "SELECT l.title FROM list_items i JOIN lists l ON l.id = i.list_id "
                                  "WHERE i.uuid = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      rc = xf_database_step (self->db, stmt, error);
      if (rc < 0)
        return FALSE;
      if (rc == SQLITE_ROW)
        {
          g_autofree char *other = g_strdup ((const char *)sqlite3_column_text (stmt, 0));

          sqlite3_reset (stmt);
          return xf_list_import_invalid (self, error, XF_LIST_FORMAT_ERROR_CONFLICT,
                                         item->object, item_path, "uuid",
                                         _("the item %s belongs to another list, “%s”"),
                                         uuid, other);
        }
      sqlite3_reset (stmt);

      stmt = xf_database_prepare (self->db,
                                  "INSERT INTO list_items (uuid, list_id, position, level, law_title, "
                                  "article_number, article_sub, title, body, note) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, list_id);
      sqlite3_bind_int (stmt, 3, (int)i);
      sqlite3_bind_text (stmt, 4, item->level, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, item->law ? item->law : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, item->article);
      sqlite3_bind_int64 (stmt, 7, item->sub);
      sqlite3_bind_text (stmt, 8, item->title ? item->title : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, item->text ? item->text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, item->note ? item->note : "", -1, SQLITE_TRANSIENT);
      if (!xf_database_step_done (self->db, stmt, error))
        return FALSE;

      if (item->law != NULL && !check_article (self, item_path, item, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the parsed lists in the open transaction and reads them back. */
static GPtrArray *
store_lists (XfListImport  *self,
             GArray        *lists,
             GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old_items = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  /* Old items go first, all of them, so that an item may move from one
   * list of the file to another whatever their order. */
  for (guint i = 0; i < lists->len; i++)
    {
      XfListSpec *list = &g_array_index (lists, XfListSpec, i);
      GHashTable *items = NULL;
      gint64 id = 0;

      if (list->uuid == NULL)
        {
          g_autofree char *fresh = g_uuid_string_random ();
          list->uuid = g_string_chunk_insert (self->strings, fresh);
        }
      else
        {
          id = find_list (self, list->uuid, error);
          if (id < 0)
            return NULL;
          if (id > 0 && !(items = take_old_items (self, id, error)))
            return NULL;
        }

      g_array_append_val (ids, id);
      g_ptr_array_add (old_items, items != NULL ? items : g_hash_table_new (g_str_hash, g_str_equal));
    }

  for (guint i = 0; i < lists->len; i++)
    {
      XfListSpec *list = &g_array_index (lists, XfListSpec, i);

      if (!store_list (self, list, g_array_index (ids, gint64, i), old_items->pdata[i], error))
        return NULL;
    }

  for (guint i = 0; i < self->missing->len; i++)
    {
      MissingLaw *missing = self->missing->pdata[i];

      const char *format;

      format = g_dngettext (GETTEXT_PACKAGE,
                            "%s is not in the database yet; %u item will point at its article "
                            "once the law is imported",
                            "%s is not in the database yet; %u items will point at its articles "
                            "once the law is imported",
                            missing->n_items);
      xf_list_import_warn (self, missing->object, missing->path, "law", format,
                           missing->law, missing->n_items);
    }

  for (guint i = 0; i < lists->len; i++)
    {
      XfKnowledgeList *list;

      list = xf_knowledge_store_get_list (self->db, g_array_index (lists, XfListSpec, i).uuid, error);
      if (list == NULL)
        return NULL;
      g_ptr_array_add (result, list);
    }

  return g_steal_pointer (&result);
}

/**
 * xf_list_format_import_bytes:
 * @db: a #XfDatabase
 * @bytes: a knowledge list document (docs/knowledge-list-format.md)
 * @name: the name messages give the document, such as its file name
 * @flags: #XfListImportFlags
 * @warnings: (out) (optional) (transfer full): problems that did not stop
 *   the import: unknown fields, articles not in the database
 * @error: return location for a #GError
 *
 * Imports knowledge lists in one transaction: either every list of the
 * document is stored or, on any error, nothing is. A list whose UUID is in
 * the database already replaces it; its items keep their UUIDs, so the
 * marks of what was learned stay valid. An item may point at an article
 * of a law that is not loaded yet: that is a warning, not an error.
 *
 * Every message names the document, the line where json-glib gives one,
 * the path of the field (lists[0].items[3].level) and the reason.
 *
 * Returns: (transfer full) (element-type XfKnowledgeList) (nullable): the
 *   lists as stored, with their counts; %NULL on error
 */
GPtrArray *
xf_list_format_import_bytes (XfDatabase         *db,
                             GBytes             *bytes,
                             const char         *name,
                             XfListImportFlags   flags,
                             GStrv              *warnings,
                             GError            **error)
{
  g_autoptr(GArray) lists = NULL;
  g_autoptr(GPtrArray) result = NULL;
  XfListImport self;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  xf_list_import_init (&self, db, name);
  lists = xf_list_import_parse (&self, bytes, error);

  if (lists != NULL && xf_database_begin (db, error))
    {
      result = store_lists (&self, lists, error);
      if (result == NULL || (flags & XF_LIST_IMPORT_DRY_RUN) != 0)
        xf_database_rollback (db);
      else if (!xf_database_commit (db, error))
        {
          xf_database_rollback (db);
          g_clear_pointer (&result, g_ptr_array_unref);
        }
    }

  if (result != NULL && warnings != NULL)
    {
      g_ptr_array_add (self.warnings, NULL);
      *warnings = (GStrv)g_ptr_array_steal (self.warnings, NULL);
    }

  /* The specs point into the parsed document: free them first. */
  g_clear_pointer (&lists, g_array_unref);
  xf_list_import_clear (&self);

  return g_steal_pointer (&result);
}

/**
 * xf_list_format_import_file:
 * @db: a #XfDatabase
 * @path: a knowledge list file
 * @flags: #XfListImportFlags
 * @warnings: (out) (optional) (transfer full): see
 *   xf_list_format_import_bytes()
 * @error: return location for a #GError
 *
 * Imports the knowledge lists of a file, see xf_list_format_import_bytes().
 *
 * Returns: (transfer full) (element-type XfKnowledgeList) (nullable): the
 *   lists as stored; %NULL on error
 */
GPtrArray *
xf_list_format_import_file (XfDatabase         *db,
                            const char         *path,
                            XfListImportFlags   flags,
                            GStrv              *warnings,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_READ,
                   _("Cannot read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);

  return xf_list_format_import_bytes (db, bytes, path, flags, warnings, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Optional fields are left out when empty, as a person would write them. */
static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value != NULL && value[0] != '\0')
    add_string (builder, name, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static gboolean
build_list (XfDatabase       *db,
            JsonBuilder      *builder,
            XfKnowledgeList  *list,
            GError          **error)
{
  g_autoptr(GListModel) items = NULL;

  items = xf_knowledge_store_list_items (db, xf_knowledge_list_get_id (list), error);
  if (items == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  add_string (builder, "uuid", xf_knowledge_list_get_uuid (list));
  add_string (builder, "title", xf_knowledge_list_get_title (list));
  add_int (builder, "year", xf_knowledge_list_get_year (list));
  add_string (builder, "audience", xf_knowledge_list_get_audience (list));
  add_optional_string (builder, "department", xf_knowledge_list_get_department (list));
  add_int (builder, "version", xf_knowledge_list_get_version (list));
  add_optional_string (builder, "description", xf_knowledge_list_get_description (list));
  add_optional_string (builder, "source", xf_knowledge_list_get_source (list));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(XfListItem) item = g_list_model_get_item (items, i);

      json_builder_begin_object (builder);
      add_string (builder, "uuid", xf_list_item_get_uuid (item));
      add_string (builder, "level", xf_list_item_get_level (item));
      if (xf_list_item_has_article (item))
        {
          add_string (builder, "law", xf_list_item_get_law_title (item));
          add_int (builder, "article", xf_list_item_get_article_number (item));
          if (xf_list_item_get_article_sub (item) > 0)
            add_int (builder, "article_sub", xf_list_item_get_article_sub (item));
        }
      add_optional_string (builder, "title", xf_list_item_get_title (item));
      add_optional_string (builder, "text", xf_list_item_get_text (item));
      add_optional_string (builder, "note", xf_list_item_get_note (item));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

/**
 * xf_list_format_export_bytes:
 * @db: a #XfDatabase
 * @lists: a #GListModel of #XfKnowledgeList
 * @error: return location for a #GError
 *
 * Writes lists in the format xf_list_format_import_bytes() reads. Learned
 * marks are a person's own record and are not part of it.
 *
 * Returns: (transfer full) (nullable): the UTF-8 JSON document
 */
GBytes *
xf_list_format_export_bytes (XfDatabase  *db,
                             GListModel  *lists,
                             GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  char *text;
  gsize length;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (lists), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", XF_LIST_FORMAT_NAME);
  add_int (builder, "format_version", XF_LIST_FORMAT_VERSION);
  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (lists); i++)
    {
      g_autoptr(XfKnowledgeList) list = g_list_model_get_item (lists, i);

      if (!build_list (db, builder, list, error))
        return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  text = g_strconcat (data, "\n", NULL);
  g_free (data);

  return g_bytes_new_take (text, length + 1);
}

/**
 * xf_list_format_export_file:
 *
 * Writes xf_list_format_export_bytes() to @path, replacing it atomically.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_list_format_export_file (XfDatabase  *db,
                            GListModel  *lists,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = xf_list_format_export_bytes (db, lists, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents (path, data, (gssize)length, &local_error))
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_READ,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
