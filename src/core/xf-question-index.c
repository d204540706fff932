/* xf-question-index.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem() */

#include "config.h"

#include <string.h>

#include "xf-question.h"
#include "xf-question-index.h"

/* An in-memory digest of every question, for filtering a bank page of
 * 100 000 questions as a person types: each question keeps its type,
 * difficulty, bank, interned category, tags and laws, and its searchable
 * text normalised (xf_question_normalize_text()) in one shared buffer, so
 * a filter is a scan of small records and memmem() over the text. */

typedef struct
{
  gint64  id;
  gint64  bank_id;
  guint8  type;
  guint8  difficulty;
  guint   category;     /* index into categories */
  guint   tags;         /* offset into tag_refs; tag_refs[tags] is the count */
  guint   laws;         /* offset into law_refs; likewise */
  gsize   text;         /* offset into text */
  guint   text_len;
} Entry;

struct _XfQuestionIndex
{
  GObject     parent_instance;

  GArray     *entries;      /* Entry, by id */
  GPtrArray  *categories;   /* char*, interned */
  GPtrArray  *tags;         /* char*, interned */
  GPtrArray  *laws;         /* char*, interned, as the links name them */
  GArray     *tag_refs;     /* guint */
  GArray     *law_refs;     /* guint */
  GString    *text;
};

G_DEFINE_FINAL_TYPE (XfQuestionIndex, xf_question_index, G_TYPE_OBJECT)

static void
xf_question_index_finalize (GObject *object)
{
  XfQuestionIndex *self = (XfQuestionIndex *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->laws, g_ptr_array_unref);
  g_clear_pointer (&self->tag_refs, g_array_unref);
  g_clear_pointer (&self->law_refs, g_array_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (xf_question_index_parent_class)->finalize (object);
}

static void
xf_question_index_class_init (XfQuestionIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_question_index_finalize;
}

static void
xf_question_index_init (XfQuestionIndex *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->laws = g_ptr_array_new_with_free_func (g_free);
  self->tag_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->law_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->text = g_string_new (NULL);
}

static guint
intern (GPtrArray  *strings,
        GHashTable *lookup,
        const char *text)
{
  gpointer index;

  if (g_hash_table_lookup_extended (lookup, text, NULL, &index))
    return GPOINTER_TO_UINT (index);
  g_ptr_array_add (strings, g_strdup (text));
  g_hash_table_insert (lookup, g_ptr_array_index (strings, strings->len - 1),
                       GUINT_TO_POINTER (strings->len - 1));
  return strings->len - 1;
}

/* Appends @text, normalised, to the searchable text; parts are separated
 * by U+001F so that a query never matches across two of them. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *norm = NULL;

  if (text == NULL || *text == '\0')
    return;
  norm = xf_question_normalize_text (text);
  g_string_append (out, norm);
  g_string_append_c (out, '\x1f');
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/**
 * xf_question_index_new:
 *
 * Reads every question that is not deleted. Takes about a second for
 * 100 000 questions: build it in a worker thread, on its own connection.
 *
 * Returns: (transfer full): the index
 */
XfQuestionIndex *
xf_question_index_new (XfDatabase  *db,
                       GError     **error)
{
  g_autoptr(XfQuestionIndex) self = NULL;
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) laws = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  self = g_object_new (XF_TYPE_QUESTION_INDEX, NULL);
  stmt = xf_database_prepare (db,
                              "SELECT id, bank_id, type, difficulty, category, tags, links, "
                              "title, stem, options, answer, accepted, explanation "
                              "FROM questions WHERE deleted_at IS NULL ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = xf_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      Entry entry = { 0, };
      XfQuestionType type = XF_QUESTION_SINGLE;
      g_auto(GStrv) tag_list = NULL;
      g_auto(GStrv) link_list = NULL;
      guint n;

      entry.id = sqlite3_column_int64 (stmt, 0);
      entry.bank_id = sqlite3_column_int64 (stmt, 1);
      xf_question_type_from_string (column_text (stmt, 2), &type);
      entry.type = type;
      entry.difficulty = (guint8)sqlite3_column_int (stmt, 3);
      entry.category = intern (self->categories, categories, column_text (stmt, 4));

      tag_list = g_strsplit (column_text (stmt, 5), "\x1f", -1);
      entry.tags = self->tag_refs->len;
      n = 0;
      g_array_append_val (self->tag_refs, n);
      for (guint i = 0; tag_list[i] != NULL; i++)
        if (*tag_list[i] != '\0')
          {
            guint ref = intern (self->tags, tags, tag_list[i]);

            g_array_append_val (self->tag_refs, ref);
            g_array_index (self->tag_refs, guint, entry.tags)++;
          }

      link_list = g_strsplit (column_text (stmt, 6), "\x1f", -1);
      entry.laws = self->law_refs->len;
      g_array_append_val (self->law_refs, n);
      for (guint i = 0; link_list[i] != NULL; i++)
        {
          const char *sep = strchr (link_list[i], '\x1e');
          g_autofree char *law = NULL;
          guint ref;

          if (sep == NULL)
            continue;
          law = g_strndup (link_list[i], sep - link_list[i]);
          ref = intern (self->laws, laws, law);
          g_array_append_val (self->law_refs, ref);
          g_array_index (self->law_refs, guint, entry.laws)++;
        }

      entry.text = self->text->len;
      for (int column = 7; column <= 12; column++)
        append_text (self->text, column_text (stmt, column));
      entry.text_len = (guint)(self->text->len - entry.text);
      g_array_append_val (self->entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&self);
}

guint
xf_question_index_get_n_questions (XfQuestionIndex *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_INDEX (self), 0);
  return self->entries->len;
}

static gboolean
category_matches (const char *category,
                  const char *wanted)
{
  gsize len = strlen (wanted);

  return strncmp (category, wanted, len) == 0 && (category[len] == '\0' || category[len] == '/');
}

static gboolean
law_matches (const char *law,
             const char *wanted)
{
  const char *prefix = "中华人民共和国";

  if (g_str_equal (law, wanted))
    return TRUE;
  if (g_str_has_prefix (law, prefix) && g_str_equal (law + strlen (prefix), wanted))
    return TRUE;
  return g_str_has_prefix (wanted, prefix) && g_str_equal (wanted + strlen (prefix), law);
}

/* Marks which interned strings a filter accepts. */
static guint8 *
accepted_set (GPtrArray  *strings,
              const char *wanted,
              gboolean  (*matches) (const char *, const char *))
{
  guint8 *set = g_new0 (guint8, strings->len + 1);

  for (guint i = 0; i < strings->len; i++)
    set[i] = matches (g_ptr_array_index (strings, i), wanted);
  return set;
}

static gboolean
tag_matches (const char *tag,
             const char *wanted)
{
  return g_str_equal (tag, wanted);
}

static gboolean
any_ref (GArray       *refs,
         guint         offset,
         const guint8 *set)
{
  guint n = g_array_index (refs, guint, offset);

  for (guint i = 1; i <= n; i++)
    if (set[g_array_index (refs, guint, offset + i)])
      return TRUE;
  return FALSE;
}

/* Marks the entries whose text holds @text. One scan of the whole text
 * rather than one per entry: memmem() prepares itself for each call, which
 * for 100 000 short entries cost more than the scan. A match never spans
 * two entries, since @text holds no U+001F. */
static guint8 *
text_matches (XfQuestionIndex *self,
              const char      *text,
              gsize            text_len)
{
  guint8 *set = g_new0 (guint8, self->entries->len + 1);
  const char *start = self->text->str;
  const char *end = start + self->text->len;
  const char *from = start;
  const char *hit;
  guint i = 0;

  if (memchr (text, '\x1f', text_len) != NULL)
    return set;

  while (from < end && (hit = memmem (from, end - from, text, text_len)) != NULL)
    {
      gsize offset = hit - start;
      const Entry *entry;

      while (i < self->entries->len &&
             g_array_index (self->entries, Entry, i).text + g_array_index (self->entries, Entry, i).text_len <= offset)
        i++;
      if (i == self->entries->len)
        break;
      entry = &g_array_index (self->entries, Entry, i);
      set[i] = 1;
      from = start + entry->text + entry->text_len;
    }
  return set;
}

/**
 * xf_question_index_filter:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the questions
 *   that match every field of @filter, in the order they were added
 */
GArray *
xf_question_index_filter (XfQuestionIndex        *self,
                          const XfQuestionFilter *filter)
{
  g_autofree guint8 *category_set = NULL;
  g_autofree guint8 *tag_set = NULL;
  g_autofree guint8 *law_set = NULL;
  g_autofree char *text = NULL;
  g_autofree guint8 *text_set = NULL;
  gsize text_len = 0;
  GArray *ids;

  g_return_val_if_fail (XF_IS_QUESTION_INDEX (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (filter->category != NULL && *filter->category != '\0')
    category_set = accepted_set (self->categories, filter->category, category_matches);
  if (filter->tag != NULL && *filter->tag != '\0')
    tag_set = accepted_set (self->tags, filter->tag, tag_matches);
  if (filter->law != NULL && *filter->law != '\0')
    law_set = accepted_set (self->laws, filter->law, law_matches);
  if (filter->text != NULL && *filter->text != '\0')
    {
      text = xf_question_normalize_text (filter->text);
      text_len = strlen (text);
    }

  if (text_len > 0)
    text_set = text_matches (self, text, text_len);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if ((filter->bank_id != 0 && entry->bank_id != filter->bank_id) ||
          (filter->type >= 0 && entry->type != filter->type) ||
          (filter->difficulty != 0 && entry->difficulty != filter->difficulty) ||
          (category_set != NULL && !category_set[entry->category]) ||
          (tag_set != NULL && !any_ref (self->tag_refs, entry->tags, tag_set)) ||
          (law_set != NULL && !any_ref (self->law_refs, entry->laws, law_set)) ||
          (text_set != NULL && !text_set[i]))
        continue;
      g_array_append_val (ids, entry->id);
    }

  return ids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

static GStrv
dup_sorted (GPtrArray *strings)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  for (guint i = 0; i < strings->len; i++)
    if (*(const char *)g_ptr_array_index (strings, i) != '\0')
      g_ptr_array_add (out, g_strdup (g_ptr_array_index (strings, i)));
  g_ptr_array_sort (out, compare_strings);
  g_ptr_array_add (out, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/**
 * xf_question_index_dup_categories:
 *
 * Returns: (transfer full): the category paths in use, sorted, each parent
 *   path listed too
 */
GStrv
xf_question_index_dup_categories (XfQuestionIndex *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (XF_IS_QUESTION_INDEX (self), NULL);

  for (guint i = 0; i < self->categories->len; i++)
    {
      const char *path = g_ptr_array_index (self->categories, i);

      if (*path == '\0')
        continue;
      for (const char *slash = strchr (path, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
        {
          g_autofree char *prefix = g_strndup (path, slash - path);

          if (*prefix != '\0')
            intern (paths, seen, prefix);
        }
      intern (paths, seen, path);
    }
  return dup_sorted (paths);
}

GStrv
xf_question_index_dup_tags (XfQuestionIndex *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_INDEX (self), NULL);
  return dup_sorted (self->tags);
}

GStrv
xf_question_index_dup_laws (XfQuestionIndex *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_INDEX (self), NULL);
  return dup_sorted (self->laws);
}
