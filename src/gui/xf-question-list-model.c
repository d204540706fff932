/* xf-question-list-model.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-list-model.h"
#include "xf-question-store.h"

/* The questions a bank page shows, as a list of ids: a question is read
 * from the store only when a row asks for it, and the most recently used
 * ones are kept, so that a list of 100 000 questions holds 100 000 ids and
 * a few hundred objects. */

#define CACHE_SIZE 256

typedef struct
{
  gint64      id;
  XfQuestion *question;
} CacheEntry;

struct _XfQuestionListModel
{
  GObject     parent_instance;

  XfDatabase *database;
  GArray     *ids;     /* gint64 */
  GQueue      recent;  /* CacheEntry, most recently used first */
  GHashTable *cache;   /* &entry->id → GList link in recent */
};

static void xf_question_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XfQuestionListModel, xf_question_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, xf_question_list_model_iface_init))

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->question);
  g_free (entry);
}

static void
cache_drop (XfQuestionListModel *self,
            gint64               id)
{
  GList *link = g_hash_table_lookup (self->cache, &id);

  if (link == NULL)
    return;
  g_hash_table_remove (self->cache, &id);
  g_queue_unlink (&self->recent, link);
  cache_entry_free (link->data);
  g_list_free_1 (link);
}

static void
cache_clear (XfQuestionListModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->recent, (GDestroyNotify)cache_entry_free);
}

/* A question that cannot be read (removed meanwhile, or the store failed)
 * still needs an item at its place: an empty one with its id. */
static XfQuestion *
load_question (XfQuestionListModel *self,
               gint64               id)
{
  g_autoptr(GError) error = NULL;
  XfQuestion *question = NULL;

  if (self->database != NULL)
    question = xf_question_store_get (self->database, id, &error);
  if (question == NULL)
    {
      if (error != NULL)
        g_debug ("Cannot read question %" G_GINT64_FORMAT ": %s", id, error->message);
      question = xf_question_new (XF_QUESTION_SINGLE);
      xf_question_set_id (question, id);
    }
  return question;
}

static GType
xf_question_list_model_get_item_type (GListModel *model)
{
  return XF_TYPE_QUESTION;
}

static guint
xf_question_list_model_get_n_items (GListModel *model)
{
  return XF_QUESTION_LIST_MODEL (model)->ids->len;
}

static gpointer
xf_question_list_model_get_item (GListModel *model,
                                 guint       position)
{
  XfQuestionListModel *self = XF_QUESTION_LIST_MODEL (model);
  CacheEntry *entry;
  GList *link;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  link = g_hash_table_lookup (self->cache, &id);
  if (link != NULL)
    {
      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return g_object_ref (((CacheEntry *)link->data)->question);
    }

  entry = g_new0 (CacheEntry, 1);
  entry->id = id;
  entry->question = load_question (self, id);
  g_queue_push_head (&self->recent, entry);
  g_hash_table_insert (self->cache, &entry->id, self->recent.head);

  while (self->recent.length > CACHE_SIZE)
    {
      CacheEntry *oldest = g_queue_peek_tail (&self->recent);

      cache_drop (self, oldest->id);
    }

  return g_object_ref (entry->question);
}

static void
xf_question_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = xf_question_list_model_get_item_type;
  iface->get_n_items = xf_question_list_model_get_n_items;
  iface->get_item = xf_question_list_model_get_item;
}

static void
xf_question_list_model_finalize (GObject *object)
{
  XfQuestionListModel *self = (XfQuestionListModel *)object;

  cache_clear (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (xf_question_list_model_parent_class)->finalize (object);
}

static void
xf_question_list_model_class_init (XfQuestionListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_question_list_model_finalize;
}

static void
xf_question_list_model_init (XfQuestionListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->recent);
}

/**
 * xf_question_list_model_new:
 * @database: (nullable): where the questions are read from
 *
 * Returns: (transfer full): an empty list
 */
XfQuestionListModel *
xf_question_list_model_new (XfDatabase *database)
{
  XfQuestionListModel *self;

  g_return_val_if_fail (database == NULL || XF_IS_DATABASE (database), NULL);

  self = g_object_new (XF_TYPE_QUESTION_LIST_MODEL, NULL);
  self->database = database ? g_object_ref (database) : NULL;
  return self;
}

/**
 * xf_question_list_model_get_database:
 *
 * Returns: (transfer none) (nullable): where the questions are read from
 */
XfDatabase *
xf_question_list_model_get_database (XfQuestionListModel *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_LIST_MODEL (self), NULL);
  return self->database;
}

/**
 * xf_question_list_model_set_ids:
 * @ids: (element-type gint64): the questions to list, in order
 *
 * Lists @ids instead. Only the stretch between what the old and the new
 * list share at their start and end is announced as changed, so that a
 * list that barely changed keeps its scroll position and selection.
 */
void
xf_question_list_model_set_ids (XfQuestionListModel *self,
                                GArray              *ids)
{
  guint old_n, new_n, prefix = 0, suffix = 0, removed, added;
  const gint64 *old_ids, *new_ids;

  g_return_if_fail (XF_IS_QUESTION_LIST_MODEL (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));

  old_n = self->ids->len;
  new_n = ids->len;
  old_ids = (const gint64 *)(gpointer)self->ids->data;
  new_ids = (const gint64 *)(gpointer)ids->data;

  while (prefix < old_n && prefix < new_n && old_ids[prefix] == new_ids[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         old_ids[old_n - 1 - suffix] == new_ids[new_n - 1 - suffix])
    suffix++;

  if (prefix == old_n && prefix == new_n)
    return;

  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  /* When the row with the focus is among those replaced, GTK 4.8's list
   * view looks for its item among all the rows added, reading each: for a
   * new filter over 100 000 questions, every question. Taking the old rows
   * out first, then adding the new, spares that search. */
  if (removed > 1 && added > 1)
    {
      g_array_remove_range (self->ids, prefix, removed);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      removed = 0;
    }

  g_array_set_size (self->ids, new_n);
  if (new_n > 0)
    memcpy (self->ids->data, ids->data, new_n * sizeof (gint64));
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

/**
 * xf_question_list_model_get_ids:
 * @n_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_ids): the ids listed
 */
const gint64 *
xf_question_list_model_get_ids (XfQuestionListModel *self,
                                guint               *n_ids)
{
  g_return_val_if_fail (XF_IS_QUESTION_LIST_MODEL (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->ids->len;
  return (const gint64 *)(gpointer)self->ids->data;
}

/**
 * xf_question_list_model_get_id:
 *
 * Returns: the id at @position, without reading the question; 0 past the
 *   end
 */
gint64
xf_question_list_model_get_id (XfQuestionListModel *self,
                               guint                position)
{
  g_return_val_if_fail (XF_IS_QUESTION_LIST_MODEL (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

/**
 * xf_question_list_model_find:
 *
 * Returns: the position of @id, or %G_MAXUINT when it is not listed
 */
guint
xf_question_list_model_find (XfQuestionListModel *self,
                             gint64               id)
{
  g_return_val_if_fail (XF_IS_QUESTION_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/**
 * xf_question_list_model_remove_ids:
 *
 * Takes @ids out of the list, announcing each run of removed rows.
 */
void
xf_question_list_model_remove_ids (XfQuestionListModel *self,
                                   const gint64        *ids,
                                   guint                n_ids)
{
  g_autoptr(GHashTable) removed = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint i;

  g_return_if_fail (XF_IS_QUESTION_LIST_MODEL (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  for (i = 0; i < n_ids; i++)
    g_hash_table_add (removed, (gpointer)&ids[i]);

  /* From the end, so that positions still to come do not move. */
  i = self->ids->len;
  while (i > 0)
    {
      guint end = i;

      while (i > 0 && g_hash_table_contains (removed, &g_array_index (self->ids, gint64, i - 1)))
        i--;
      if (i < end)
        {
          for (guint j = i; j < end; j++)
            cache_drop (self, g_array_index (self->ids, gint64, j));
          g_array_remove_range (self->ids, i, end - i);
          g_list_model_items_changed (G_LIST_MODEL (self), i, end - i, 0);
        }
      else
        i--;
    }
}

/**
 * xf_question_list_model_insert_ids:
 *
 * Puts @ids back into a list that is in id order, as an undo does.
 */
void
xf_question_list_model_insert_ids (XfQuestionListModel *self,
                                   const gint64        *ids,
                                   guint                n_ids)
{
  g_return_if_fail (XF_IS_QUESTION_LIST_MODEL (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  for (guint i = 0; i < n_ids; i++)
    {
      guint lo = 0, hi = self->ids->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (self->ids, gint64, mid) < ids[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < self->ids->len && g_array_index (self->ids, gint64, lo) == ids[i])
        continue;
      g_array_insert_val (self->ids, lo, ids[i]);
      g_list_model_items_changed (G_LIST_MODEL (self), lo, 0, 1);
    }
}

/**
 * xf_question_list_model_refresh:
 *
 * Reads @ids again the next time their rows ask, and tells the rows that
 * show them. Questions not read since they were last dropped need no word:
 * no row shows them.
 */
void
xf_question_list_model_refresh (XfQuestionListModel *self,
                                const gint64        *ids,
                                guint                n_ids)
{
  g_autoptr(GHashTable) changed = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_if_fail (XF_IS_QUESTION_LIST_MODEL (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  for (guint i = 0; i < n_ids; i++)
    if (g_hash_table_contains (self->cache, &ids[i]))
      g_hash_table_add (changed, (gpointer)&ids[i]);
  if (g_hash_table_size (changed) == 0)
    return;

  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);

      if (g_hash_table_contains (changed, &id))
        {
          cache_drop (self, id);
          g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
        }
    }
  /* Listed nowhere, but read: drop them too. */
  for (guint i = 0; i < n_ids; i++)
    cache_drop (self, ids[i]);
}

/**
 * xf_question_list_model_forget:
 *
 * Drops every question read so far, so that rows made from now on read
 * the store again.
 */
void
xf_question_list_model_forget (XfQuestionListModel *self)
{
  g_return_if_fail (XF_IS_QUESTION_LIST_MODEL (self));
  cache_clear (self);
}

/**
 * xf_question_list_model_get_n_cached:
 *
 * Returns: how many questions the list holds as objects
 */
guint
xf_question_list_model_get_n_cached (XfQuestionListModel *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_LIST_MODEL (self), 0);
  return self->recent.length;
}
