/* xf-search-engine.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xf-search-engine-private.h"
#include "xf-search-results-private.h"

/* Exact substring search over statutes. The index (xf-search-index.c) lives
 * in "<database>.search" and is read as queries need it, so a running app
 * holds only its small tables; a ":memory:" database keeps it in memory.
 * An index records the content generation it was built from: while it is
 * missing or out of date, queries scan the articles with instr() instead,
 * slower but with the same results, and report index_ready = FALSE.
 *
 * Threads: queries may run from any number of threads at once. The index is
 * immutable and reference counted; the engine's database connection is
 * guarded by db_lock and only held for short SQL steps (and for the whole
 * scan when the index is not ready). A shared connection
 * (xf_search_engine_new_for_database()) must not be used by its owner while
 * an asynchronous call of the engine runs. */

struct _XfSearchEngine
{
  GObject        parent_instance;

  char          *db_path;      /* opened lazily; NULL for a shared connection */
  char          *index_path;   /* NULL: the index is kept in memory */

  GMutex         db_lock;
  XfDatabase    *db;

  GMutex         index_lock;
  XfSearchIndex *index;
  gboolean       file_seen;    /* the index file as last loaded or tried */
  guint64        file_ino;
  gint64         file_size;
  gint64         file_mtime_ns;

  GMutex         rebuild_lock;
};

G_DEFINE_FINAL_TYPE (XfSearchEngine, xf_search_engine, G_TYPE_OBJECT)

static void
xf_search_engine_finalize (GObject *object)
{
  XfSearchEngine *self = (XfSearchEngine *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->index, xf_search_index_unref);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->index_path, g_free);
  g_mutex_clear (&self->db_lock);
  g_mutex_clear (&self->index_lock);
  g_mutex_clear (&self->rebuild_lock);

  G_OBJECT_CLASS (xf_search_engine_parent_class)->finalize (object);
}

static void
xf_search_engine_class_init (XfSearchEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_search_engine_finalize;
}

static void
xf_search_engine_init (XfSearchEngine *self)
{
  g_mutex_init (&self->db_lock);
  g_mutex_init (&self->index_lock);
  g_mutex_init (&self->rebuild_lock);
}

static char *
index_path_for (const char *db_path)
{
  if (db_path == NULL || db_path[0] == '\0' || g_str_equal (db_path, ":memory:") ||
      g_str_has_prefix (db_path, "file:"))
    return NULL;

  return g_strconcat (db_path, ".search", NULL);
}

/**
 * xf_search_engine_new:
 * @db_path: the profile database
 *
 * Creates an engine with its own connection to @db_path, opened on first
 * use. Its index is "@db_path.search".
 *
 * Returns: (transfer full): a new engine
 */
XfSearchEngine *
xf_search_engine_new (const char *db_path)
{
  XfSearchEngine *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (XF_TYPE_SEARCH_ENGINE, NULL);
  self->db_path = g_strdup (db_path);
  self->index_path = index_path_for (db_path);

  return self;
}

/**
 * xf_search_engine_new_for_database:
 * @db: a database, typically ":memory:"
 *
 * Creates an engine over @db's connection. @db's owner must not use @db
 * while an asynchronous call of the engine runs.
 *
 * Returns: (transfer full): a new engine
 */
XfSearchEngine *
xf_search_engine_new_for_database (XfDatabase *db)
{
  XfSearchEngine *self;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  self = g_object_new (XF_TYPE_SEARCH_ENGINE, NULL);
  self->db = g_object_ref (db);
  self->index_path = index_path_for (xf_database_get_path (db));

  return self;
}

/**
 * xf_search_engine_get_index_path:
 *
 * Returns: (nullable): the index file, or %NULL if the index is kept in memory
 */
const char *
xf_search_engine_get_index_path (XfSearchEngine *self)
{
  g_return_val_if_fail (XF_IS_SEARCH_ENGINE (self), NULL);

  return self->index_path;
}

/* Returns the connection with db_lock held, or %NULL with it released. */
static XfDatabase *
lock_db (XfSearchEngine  *self,
         GError         **error)
{
  g_mutex_lock (&self->db_lock);
  if (self->db == NULL)
    {
      self->db = xf_database_open (self->db_path, error);
      if (self->db != NULL && !xf_database_exec (self->db, "PRAGMA query_only = 1", error))
        g_clear_object (&self->db);
      if (self->db == NULL)
        {
          g_mutex_unlock (&self->db_lock);
          return NULL;
        }
    }

  return self->db;
}

static void
unlock_db (XfSearchEngine *self)
{
  g_mutex_unlock (&self->db_lock);
}

static gboolean
stat_index_file (XfSearchEngine *self,
                 GStatBuf       *st)
{
  return self->index_path != NULL && g_stat (self->index_path, st) == 0;
}

static void
remember_index_file (XfSearchEngine *self,
                     const GStatBuf *st)
{
  self->file_seen = TRUE;
  self->file_ino = st->st_ino;
  self->file_size = st->st_size;
  self->file_mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static gboolean
index_file_changed (XfSearchEngine *self,
                    const GStatBuf *st)
{
  gint64 mtime_ns = (gint64)st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;

  return !self->file_seen || self->file_ino != (guint64)st->st_ino ||
         self->file_size != st->st_size || self->file_mtime_ns != mtime_ns;
}

/* Returns the index if it was built for @generation. Picks up a file that
 * another process (xuefactl, the app) wrote since we last looked; a damaged
 * file is skipped until it changes again. */
static XfSearchIndex *
dup_index_for (XfSearchEngine *self,
               gint64          generation)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->index_lock);
  GStatBuf st;

  if (self->index != NULL && xf_search_index_get_generation (self->index) == generation)
    return xf_search_index_ref (self->index);

  if (stat_index_file (self, &st) && index_file_changed (self, &st))
    {
      g_autoptr(GError) error = NULL;
      XfSearchIndex *loaded = xf_search_index_load (self->index_path, &error);

      remember_index_file (self, &st);
      if (loaded != NULL)
        {
          g_clear_pointer (&self->index, xf_search_index_unref);
          self->index = loaded;
        }
      else
        g_debug ("Not using the search index: %s", error->message);
    }

  if (self->index != NULL && xf_search_index_get_generation (self->index) == generation)
    return xf_search_index_ref (self->index);

  return NULL;
}

/**
 * xf_search_engine_is_index_ready:
 *
 * Whether an index for the current statute texts exists. Quick enough for
 * the main thread: it reads the index file's header, not the whole file.
 * A file that turns out damaged when a query opens it makes that query
 * report xf_search_results_get_index_ready() = %FALSE; whoever sees that
 * should rebuild.
 *
 * Returns: %TRUE if queries will use the index; when not, they still
 *   answer exactly but more slowly, and the caller should call
 *   xf_search_engine_rebuild_async()
 */
gboolean
xf_search_engine_is_index_ready (XfSearchEngine *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  XfDatabase *db;
  gint64 generation, file_generation;
  GStatBuf st;

  g_return_val_if_fail (XF_IS_SEARCH_ENGINE (self), FALSE);

  if ((db = lock_db (self, NULL)) == NULL)
    return FALSE;
  generation = xf_database_get_content_generation (db);
  unlock_db (self);

  locker = g_mutex_locker_new (&self->index_lock);
  if (self->index != NULL && xf_search_index_get_generation (self->index) == generation)
    return TRUE;

  /* A file that failed to load stays failed until it changes. */
  return stat_index_file (self, &st) && index_file_changed (self, &st) &&
         xf_search_index_peek_generation (self->index_path, &file_generation) &&
         file_generation == generation;
}

/**
 * xf_search_engine_rebuild:
 * @self: an engine
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds the index from the current statutes and stores it. Blocks for a
 * few seconds on a large library: use xf_search_engine_rebuild_async() from
 * the GUI. Queries keep running meanwhile.
 *
 * Returns: %TRUE on success
 */
gboolean
xf_search_engine_rebuild (XfSearchEngine  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GMutexLocker) rebuilding = NULL;
  g_autoptr(XfSearchIndex) index = NULL;
  gboolean built, have_stat;
  GStatBuf st;

  g_return_val_if_fail (XF_IS_SEARCH_ENGINE (self), FALSE);

  rebuilding = g_mutex_locker_new (&self->rebuild_lock);

  if (self->db_path != NULL)
    {
      /* A connection of our own, so queries are not held up meanwhile. */
      g_autoptr(XfDatabase) db = xf_database_open (self->db_path, error);

      if (db == NULL)
        return FALSE;
      built = self->index_path != NULL
              ? xf_search_index_build_file (db, self->index_path, cancellable, error)
              : (index = xf_search_index_build (db, cancellable, error)) != NULL;
    }
  else
    {
      XfDatabase *db = lock_db (self, error);

      if (db == NULL)
        return FALSE;
      built = self->index_path != NULL
              ? xf_search_index_build_file (db, self->index_path, cancellable, error)
              : (index = xf_search_index_build (db, cancellable, error)) != NULL;
      unlock_db (self);
    }
  if (!built)
    return FALSE;

  /* The file as it is before we read it: should another process replace it
   * meanwhile, the next query sees a change and loads that one. */
  have_stat = stat_index_file (self, &st);
  if (index == NULL && (index = xf_search_index_load (self->index_path, error)) == NULL)
    return FALSE;

  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->index_lock);

    if (have_stat)
      remember_index_file (self, &st);
    g_clear_pointer (&self->index, xf_search_index_unref);
    self->index = g_steal_pointer (&index);
  }

  return TRUE;
}

static void
rebuild_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (xf_search_engine_rebuild (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
xf_search_engine_rebuild_async (XfSearchEngine      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XF_IS_SEARCH_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_search_engine_rebuild_async);
  g_task_run_in_thread (task, rebuild_thread);
}

gboolean
xf_search_engine_rebuild_finish (XfSearchEngine  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * xf_search_engine_query:
 * @self: an engine
 * @query: the text to find; white space at either end is ignored
 * @limit: how many article hits to return at most (G_MAXUINT for all)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds every article whose text holds @query, as a substring, and returns
 * the best @limit of them ranked, with the exact total; also the laws whose
 * title and the list items whose title or text holds @query. Safe to call
 * from several threads at once.
 *
 * Returns: (transfer full) (nullable): the results, or %NULL on error
 */
XfSearchResults *
xf_search_engine_query (XfSearchEngine  *self,
                        const char      *query,
                        guint            limit,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autoptr(XfSearchResults) results = NULL;
  g_autoptr(XfSearchIndex) index = NULL;
  g_autofree char *text = NULL;
  g_autofree gunichar *chars = NULL;
  XfDatabase *db;
  TopN top = { 0 };
  gsize n_chars;
  gint64 generation;
  guint total = 0;
  gboolean ok;

  g_return_val_if_fail (XF_IS_SEARCH_ENGINE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if ((text = xf_search_normalize_query (query, error)) == NULL)
    return NULL;
  results = xf_search_results_new (text);
  chars = xf_search_decode (text, strlen (text), &n_chars);

  if ((db = lock_db (self, error)) == NULL)
    return NULL;
  generation = xf_database_get_content_generation (db);
  ok = n_chars == 0 || xf_search_scan_items (db, text, chars, n_chars, limit, results, error);
  unlock_db (self);
  if (!ok)
    return NULL;

  index = dup_index_for (self, generation);
  if (n_chars == 0)
    {
      xf_search_results_set_total (results, 0, index != NULL);
      return g_steal_pointer (&results);
    }

  xf_search_top_n_init (&top, limit, 64);
  if (index != NULL)
    {
      g_autofree guint8 *boost = xf_search_find_laws (index, text, chars, n_chars, limit, results);

      ok = xf_search_rank_with_index (index, chars, n_chars, boost, &top, &total, cancellable, error);
      if (ok)
        {
          xf_search_top_n_sort (&top);
          ok = xf_search_add_index_hits (index, top.items, top.n, chars, n_chars, results, error);
        }
    }
  else if ((db = lock_db (self, error)) != NULL)
    {
      g_autoptr(GHashTable) law_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

      ok = xf_search_scan_laws (db, text, chars, n_chars, limit, results, law_ids, error) &&
           xf_search_rank_by_scan (db, text, chars, n_chars, law_ids, &top, &total, cancellable, error);
      if (ok)
        {
          xf_search_top_n_sort (&top);
          ok = xf_search_add_article_hits (db, top.items, top.n, chars, n_chars, results, error);
        }
      unlock_db (self);
    }
  else
    ok = FALSE;
  g_free (top.items);

  if (!ok)
    return NULL;
  xf_search_results_set_total (results, total, index != NULL);

  return g_steal_pointer (&results);
}

typedef struct
{
  char  *query;
  guint  limit;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_free (data->query);
  g_free (data);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  GError *error = NULL;
  XfSearchResults *results;

  results = xf_search_engine_query (source_object, data->query, data->limit, cancellable, &error);
  if (results != NULL)
    g_task_return_pointer (task, results, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * xf_search_engine_query_async:
 *
 * Runs xf_search_engine_query() in a worker thread; the callback comes back
 * on the calling thread's main context.
 */
void
xf_search_engine_query_async (XfSearchEngine      *self,
                              const char          *query,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_return_if_fail (XF_IS_SEARCH_ENGINE (self));
  g_return_if_fail (query != NULL);

  data = g_new0 (QueryData, 1);
  data->query = g_strdup (query);
  data->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_search_engine_query_async);
  g_task_set_task_data (task, data, (GDestroyNotify)query_data_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * xf_search_engine_query_finish:
 *
 * Returns: (transfer full) (nullable): the results, or %NULL on error
 */
XfSearchResults *
xf_search_engine_query_finish (XfSearchEngine  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
