/* xf-list-format-parse.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-knowledge-list.h"
#include "xf-list-format-private.h"
#include "xf-list-item.h"
#include "xf-text-decode.h"

/* Reading a knowledge list document: JSON through checked getters, each
 * problem reported with the file, the line, the field's path and why. */

#define MIN_YEAR 1949
#define MAX_YEAR 2999
#define MAX_ARTICLE 9999

/* Fails the check under way: @self and @error are in every checker's scope. */
#define INVALID(object, path, member, ...) \
  xf_list_import_invalid (self, error, XF_LIST_FORMAT_ERROR_INVALID, object, path, member, __VA_ARGS__)

static const char * const root_members[] = { "format", "format_version", "lists", NULL };
static const char * const list_members[] = {
  "uuid", "title", "year", "audience", "department", "version", "description", "source",
  "items", NULL
};
static const char * const item_members[] = {
  "uuid", "level", "law", "article", "article_sub", "title", "text", "note", NULL
};

/* Parser signals: remember where each object and member stands, so that
 * messages about a field can name its line. json-glib keeps no positions. */
static void
on_object_start (JsonParser   *parser,
                 XfListImport *self)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (self->starts, line);
}

static void
on_object_end (JsonParser   *parser,
               JsonObject   *object,
               XfListImport *self)
{
  guint line;

  if (self->starts->len == 0)
    return;

  line = g_array_index (self->starts, guint, self->starts->len - 1);
  g_array_set_size (self->starts, self->starts->len - 1);
  g_hash_table_insert (self->objects, object, GUINT_TO_POINTER (line));
}

static char *
member_key (JsonObject *object,
            const char *member)
{
  return g_strdup_printf ("%p/%s", (gpointer)object, member);
}

static void
on_object_member (JsonParser   *parser,
                  JsonObject   *object,
                  const char   *member,
                  XfListImport *self)
{
  char *key = member_key (object, member);

  /* json-glib keeps the last of two members with one name; we refuse them. */
  if (g_hash_table_contains (self->members, key))
    g_hash_table_add (self->duplicates, g_strdup (key));
  g_hash_table_insert (self->members, key,
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static char *
element_key (JsonArray *array,
             guint      index)
{
  return g_strdup_printf ("%p[%u]", (gpointer)array, index);
}

static void
on_array_element (JsonParser   *parser,
                  JsonArray    *array,
                  int           index,
                  XfListImport *self)
{
  g_hash_table_insert (self->elements, element_key (array, (guint)index),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static guint
element_line (XfListImport *self,
              JsonArray    *array,
              guint         index)
{
  g_autofree char *key = element_key (array, index);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->elements, key));
}

static guint
line_of (XfListImport *self,
         JsonObject   *object,
         const char   *member)
{
  guint line = 0;

  if (object != NULL && member != NULL)
    {
      g_autofree char *key = member_key (object, member);
      line = GPOINTER_TO_UINT (g_hash_table_lookup (self->members, key));
    }
  if (line == 0 && object != NULL)
    line = GPOINTER_TO_UINT (g_hash_table_lookup (self->objects, object));

  return line;
}

static char *
locate (XfListImport *self,
        guint         line,
        const char   *path,
        const char   *member,
        const char   *reason)
{
  g_autofree char *where = NULL;

  if (path != NULL && member != NULL)
    where = g_strdup_printf ("%s.%s", path, member);
  else
    where = g_strdup (path != NULL ? path : member);

  if (where == NULL)
    return line > 0 ? g_strdup_printf ("%s:%u: %s", self->name, line, reason)
                    : g_strdup_printf ("%s: %s", self->name, reason);

  return line > 0 ? g_strdup_printf ("%s:%u: %s: %s", self->name, line, where, reason)
                  : g_strdup_printf ("%s: %s: %s", self->name, where, reason);
}

G_GNUC_PRINTF (7, 0)
static gboolean
invalidv (XfListImport  *self,
          GError       **error,
          int            code,
          guint          line,
          const char    *path,
          const char    *member,
          const char    *format,
          va_list        args)
{
  g_autofree char *reason = g_strdup_vprintf (format, args);
  g_autofree char *message = locate (self, line, path, member, reason);

  g_set_error_literal (error, XF_LIST_FORMAT_ERROR, code, message);

  return FALSE;
}

/* Fails with a message about @member of @object, or about @object itself
 * when @member is %NULL. */
gboolean
xf_list_import_invalid (XfListImport  *self,
                        GError       **error,
                        int            code,
                        JsonObject    *object,
                        const char    *path,
                        const char    *member,
                        const char    *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  invalidv (self, error, code, line_of (self, object, member), path, member, format, args);
  va_end (args);

  return FALSE;
}

/* Fails with a message about an array element that is not an object. */
G_GNUC_PRINTF (6, 7)
static gboolean
invalid_element (XfListImport  *self,
                 GError       **error,
                 JsonArray     *array,
                 guint          index,
                 const char    *path,
                 const char    *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  invalidv (self, error, XF_LIST_FORMAT_ERROR_INVALID, element_line (self, array, index),
            path, NULL, format, args);
  va_end (args);

  return FALSE;
}

void
xf_list_import_warn (XfListImport *self,
                     JsonObject   *object,
                     const char   *path,
                     const char   *member,
                     const char   *format,
                     ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->warnings, locate (self, line_of (self, object, member), path, member, reason));
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    default:
      return _("a number");
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The checked getters. An absent member and a null one are the same: the
 * field is not given. */
static gboolean
get_string (XfListImport  *self,
            JsonObject    *object,
            const char    *path,
            const char    *member,
            gboolean       required,
            const char   **out,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return INVALID (object, path, member, _("the field is missing"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return INVALID (object, path, member, _("expected a string, found %s"), describe_node (node));

  *out = json_node_get_string (node);
  return TRUE;
}

/* A string that must hold more than white space, given back trimmed */
static gboolean
get_text (XfListImport  *self,
          JsonObject    *object,
          const char    *path,
          const char    *member,
          gboolean       required,
          const char   **out,
          GError       **error)
{
  g_autofree char *trimmed = NULL;

  if (!get_string (self, object, path, member, required, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;

  trimmed = g_strstrip (g_strdup (*out));
  if (is_blank (trimmed))
    {
      *out = NULL;
      if (!required)
        return TRUE;
      return INVALID (object, path, member, _("must not be empty"));
    }

  *out = g_string_chunk_insert_const (self->strings, trimmed);
  return TRUE;
}

static gboolean
get_int (XfListImport  *self,
         JsonObject    *object,
         const char    *path,
         const char    *member,
         gboolean       required,
         gint64         min,
         gint64         max,
         gint64        *out,
         GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return INVALID (object, path, member, _("the field is missing"));
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return INVALID (object, path, member,
                    _("expected a whole number, found %s"), describe_node (node));

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return INVALID (object, path, member, _("%s is out of range (%s to %s)"), text, low, high);
    }

  *out = value;
  return TRUE;
}

static gboolean
get_uuid (XfListImport  *self,
          JsonObject    *object,
          const char    *path,
          const char   **out,
          GError       **error)
{
  if (!get_text (self, object, path, "uuid", FALSE, out, error))
    return FALSE;

  if (*out != NULL && !g_uuid_string_is_valid (*out))
    return INVALID (object, path, "uuid", _("“%s” is not a UUID"), *out);

  return TRUE;
}

/* Refuses members given twice and warns about unknown ones, which are
 * most often misspelt names of known ones. */
static gboolean
check_members (XfListImport        *self,
               JsonObject          *object,
               const char          *path,
               const char * const  *known,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *key = member_key (object, name);

      if (g_hash_table_contains (self->duplicates, key))
        return INVALID (object, path, name, _("the field is given twice"));
      if (!g_strv_contains (known, name))
        xf_list_import_warn (self, object, path, name, _("unknown field, ignored"));
    }

  return TRUE;
}

static gboolean
parse_item (XfListImport  *self,
            JsonArray     *array,
            const char    *list_path,
            guint          index,
            XfItemSpec    *item,
            GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *path = g_strdup_printf ("%s.items[%u]", list_path, index);
  JsonObject *object;
  const char *level = NULL;
  const char *previous;

  item->index = index;
  item->sub = 0;
  item->article = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_element (self, error, array, index, path,
                            _("expected an object, found %s"), describe_node (node));

  object = item->object = json_node_get_object (node);
  if (!check_members (self, object, path, item_members, error) ||
      !get_uuid (self, object, path, &item->uuid, error) ||
      !get_string (self, object, path, "level", TRUE, &level, error) ||
      !get_text (self, object, path, "law", FALSE, &item->law, error) ||
      !get_int (self, object, path, "article", FALSE, 1, MAX_ARTICLE, &item->article, error) ||
      !get_int (self, object, path, "article_sub", FALSE, 0, MAX_ARTICLE, &item->sub, error) ||
      !get_text (self, object, path, "title", FALSE, &item->title, error) ||
      !get_string (self, object, path, "text", FALSE, &item->text, error) ||
      !get_string (self, object, path, "note", FALSE, &item->note, error))
    return FALSE;

  item->level = xf_list_level_from_string (level);
  if (item->level == NULL)
    return INVALID (object, path, "level",
                    _("unknown level “%s” (expected must, should or apply: 必知, 应知 or 应会)"),
                    level);

  if (item->law != NULL && item->article == 0)
    return INVALID (object, path, "article", _("the item names a law but no article number"));
  if (item->law == NULL && item->article != 0)
    return INVALID (object, path, "law", _("the item gives an article number but no law"));
  if (item->law == NULL && item->sub != 0)
    return INVALID (object, path, "article_sub",
                    _("the item gives an article_sub but no law and article"));

  if (is_blank (item->text))
    item->text = NULL;
  if (item->law == NULL && item->text == NULL)
    return INVALID (object, path, NULL,
                    _("the item has neither an article (“law” and “article”) nor its own “text”"));

  if (item->uuid != NULL)
    {
      previous = g_hash_table_lookup (self->item_uuids, item->uuid);
      if (previous != NULL)
        return INVALID (object, path, "uuid",
                        _("the UUID %s is already used by %s"), item->uuid, previous);
      g_hash_table_insert (self->item_uuids, (gpointer)item->uuid,
                           g_string_chunk_insert (self->strings, path));
    }

  return TRUE;
}

static gboolean
parse_list (XfListImport  *self,
            JsonArray     *lists,
            guint          index,
            XfListSpec    *list,
            GError       **error)
{
  JsonNode *node = json_array_get_element (lists, index);
  g_autofree char *path = g_strdup_printf ("lists[%u]", index);
  const char *audience = NULL;
  JsonObject *object;
  JsonNode *items;
  JsonArray *array;

  list->index = index;
  list->version = 1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_element (self, error, lists, index, path,
                            _("expected an object, found %s"), describe_node (node));

  object = list->object = json_node_get_object (node);
  if (!check_members (self, object, path, list_members, error) ||
      !get_uuid (self, object, path, &list->uuid, error) ||
      !get_text (self, object, path, "title", TRUE, &list->title, error) ||
      !get_int (self, object, path, "year", TRUE, MIN_YEAR, MAX_YEAR, &list->year, error) ||
      !get_string (self, object, path, "audience", TRUE, &audience, error) ||
      !get_text (self, object, path, "department", FALSE, &list->department, error) ||
      !get_int (self, object, path, "version", FALSE, 1, G_MAXINT, &list->version, error) ||
      !get_string (self, object, path, "description", FALSE, &list->description, error) ||
      !get_string (self, object, path, "source", FALSE, &list->source, error))
    return FALSE;

  list->audience = xf_audience_from_string (audience);
  if (list->audience == NULL)
    return INVALID (object, path, "audience",
                    _("unknown audience “%s” (expected all, leaders, enforcement or department)"),
                    audience);
  if (g_str_equal (list->audience, "department") && list->department == NULL)
    return INVALID (object, path, "department",
                    _("a list for a department must name the department"));

  items = json_object_get_member (object, "items");
  if (items == NULL || JSON_NODE_HOLDS_NULL (items))
    return INVALID (object, path, "items", _("the field is missing"));
  if (!JSON_NODE_HOLDS_ARRAY (items))
    return INVALID (object, path, "items", _("expected an array, found %s"), describe_node (items));

  array = json_node_get_array (items);
  g_array_set_size (list->items, json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_item (self, array, path, i,
                     &g_array_index (list->items, XfItemSpec, i), error))
      return FALSE;

  return TRUE;
}

static void
clear_list_spec (gpointer data)
{
  XfListSpec *list = data;

  g_clear_pointer (&list->items, g_array_unref);
}

static GArray *
parse_document (XfListImport  *self,
                JsonNode      *root,
                GError       **error)
{
  g_autoptr(GArray) lists = NULL;
  g_autoptr(GHashTable) list_uuids = NULL;
  const char *format = NULL;
  gint64 version = XF_LIST_FORMAT_VERSION;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      INVALID (NULL, NULL, NULL,
               _("expected a JSON object with a “lists” array, found %s"), describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!check_members (self, object, NULL, root_members, error) ||
      !get_string (self, object, NULL, "format", FALSE, &format, error) ||
      !get_int (self, object, NULL, "format_version", FALSE, 1, G_MAXINT, &version, error))
    return NULL;

  if (format != NULL && !g_str_equal (format, XF_LIST_FORMAT_NAME))
    {
      INVALID (object, NULL, "format",
               _("“%s” is not a knowledge list file (expected “%s”)"), format, XF_LIST_FORMAT_NAME);
      return NULL;
    }
  if (version > XF_LIST_FORMAT_VERSION)
    {
      INVALID (object, NULL, "format_version",
               _("the file was written for a newer version of Xuefa (format version %d, this version reads %d)"),
               (int)version, XF_LIST_FORMAT_VERSION);
      return NULL;
    }

  node = json_object_get_member (object, "lists");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      INVALID (object, NULL, "lists", _("the field is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      INVALID (object, NULL, "lists", _("expected an array, found %s"), describe_node (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      INVALID (object, NULL, "lists", _("the file holds no list"));
      return NULL;
    }

  lists = g_array_new (FALSE, TRUE, sizeof (XfListSpec));
  g_array_set_clear_func (lists, clear_list_spec);
  list_uuids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      XfListSpec *list;

      g_array_set_size (lists, i + 1);
      list = &g_array_index (lists, XfListSpec, i);
      list->items = g_array_new (FALSE, TRUE, sizeof (XfItemSpec));

      if (!parse_list (self, array, i, list, error))
        return NULL;

      if (list->uuid != NULL)
        {
          if (g_hash_table_contains (list_uuids, list->uuid))
            {
              g_autofree char *path = g_strdup_printf ("lists[%u]", i);
              INVALID (list->object, path, "uuid",
                       _("the file holds two lists with the UUID %s"), list->uuid);
              return NULL;
            }
          g_hash_table_add (list_uuids, (gpointer)list->uuid);
        }
    }

  return g_steal_pointer (&lists);
}

static JsonNode *
parse_json (XfListImport  *self,
            JsonParser    *parser,
            GBytes        *bytes,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  JsonNode *root;

  data = g_bytes_get_data (bytes, &size);

  /* Editors on Windows like to start UTF-8 files with a byte-order mark. */
  if (data != NULL && size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (size > G_MAXSSIZE)
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE,
                   _("%s: the file is too large"), self->name);
      return NULL;
    }

  /* A list file nests four deep; json-glib recurses and would overflow the
   * stack on a file of a million brackets */
  if (xf_json_nests_deeper (data, size, 64))
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE,
                   _("%s: the file nests arrays and objects too deeply"), self->name);
      return NULL;
    }

  if (size > 0 && !json_parser_load_from_data (parser, data, (gssize)size, &local_error))
    {
      /* json-glib names data it did not read from a file “<data>”. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE,
                     _("%s:%s (not valid JSON)"), self->name, message + strlen ("<data>:"));
      else
        g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE,
                     _("%s: not valid JSON: %s"), self->name, message);
      return NULL;
    }

  root = size > 0 ? json_parser_get_root (parser) : NULL;
  if (root == NULL)
    {
      g_set_error (error, XF_LIST_FORMAT_ERROR, XF_LIST_FORMAT_ERROR_PARSE,
                   _("%s: the file is empty"), self->name);
      return NULL;
    }

  return root;
}

void
xf_list_import_init (XfListImport *self,
                     XfDatabase   *db,
                     const char   *name)
{
  memset (self, 0, sizeof *self);
  self->db = db;
  self->name = name;
  self->parser = json_parser_new ();
  self->strings = g_string_chunk_new (4096);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->objects = g_hash_table_new (NULL, NULL);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->duplicates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  self->missing = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (self->parser, "object-start", G_CALLBACK (on_object_start), self);
  g_signal_connect (self->parser, "object-end", G_CALLBACK (on_object_end), self);
  g_signal_connect (self->parser, "object-member", G_CALLBACK (on_object_member), self);
  g_signal_connect (self->parser, "array-element", G_CALLBACK (on_array_element), self);
}

void
xf_list_import_clear (XfListImport *self)
{
  if (self->parser != NULL)
    g_signal_handlers_disconnect_by_data (self->parser, self);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->elements, g_hash_table_unref);
  g_clear_pointer (&self->duplicates, g_hash_table_unref);
  g_clear_pointer (&self->item_uuids, g_hash_table_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

/* Parses and checks a whole document without touching the database.
 *
 * Returns: (transfer full) (nullable): the lists (XfListSpec) */
GArray *
xf_list_import_parse (XfListImport  *self,
                      GBytes        *bytes,
                      GError       **error)
{
  JsonNode *root = parse_json (self, self->parser, bytes, error);

  if (root == NULL)
    return NULL;

  return parse_document (self, root, error);
}
