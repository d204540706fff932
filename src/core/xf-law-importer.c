/* xf-law-importer.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xf-law-importer.h"
#include "xf-law-importer-private.h"
#include "xf-text-decode.h"
#include "xf-law-parser.h"

/* XfLawImporter reads statute files, parses them, and writes every good one
 * in a single transaction (xf-law-importer-write.c). A bad file is reported
 * and skipped; it never stops the others and is never half written.
 *
 * On truncated input: a file that ends inside a UTF-8 sequence, or that ends
 * without a final newline in the middle of an article's sentence, was cut
 * short. Its last article is damaged, and a statute with a silently damaged
 * article is worse than none, so such a file is refused as a whole with the
 * line where it breaks off. A file cut exactly at a line break cannot be told
 * from a whole one and imports. */

typedef struct
{
  char   *path;
  GBytes *bytes;   /* NULL for a path on disk */
} Input;

struct _XfLawImporter
{
  GObject                  parent_instance;

  XfDatabase              *db;
  GPtrArray               *inputs;      /* (element-type Input) */
  char                    *source;

  XfLawImportProgressFunc  progress_func;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;
  guint64                  done;
  guint64                  total;

  GPtrArray               *files;       /* (element-type XfLawImportFile) */
  GPtrArray               *problems;    /* (element-type XfLawImportProblem) */
  GPtrArray               *notices;     /* (element-type XfLawImportNotice) */
  guint                    article_total;
};

G_DEFINE_FINAL_TYPE (XfLawImporter, xf_law_importer, G_TYPE_OBJECT)

static void
input_free (Input *input)
{
  g_free (input->path);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_free (input);
}

static void
file_free (XfLawImportFile *file)
{
  g_free (file->path);
  g_free (file->law_title);
  g_free (file->part);
  g_free (file);
}

static void
problem_free (XfLawImportProblem *problem)
{
  g_free (problem->path);
  g_free (problem->reason);
  g_free (problem);
}

static void
notice_free (XfLawImportNotice *notice)
{
  g_free (notice->path);
  g_free (notice->message);
  g_free (notice);
}

void
xf_law_import_entry_free (XfLawImportEntry *entry)
{
  g_free (entry->path);
  g_free (entry->source);
  g_clear_pointer (&entry->law, xf_parsed_law_free);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfLawImportEntry, xf_law_import_entry_free)

static void
xf_law_importer_finalize (GObject *object)
{
  XfLawImporter *self = (XfLawImporter *)object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_object (&self->db);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_law_importer_parent_class)->finalize (object);
}

static void
xf_law_importer_class_init (XfLawImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_law_importer_finalize;
}

static void
xf_law_importer_init (XfLawImporter *self)
{
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify)input_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify)file_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
  self->notices = g_ptr_array_new_with_free_func ((GDestroyNotify)notice_free);
}

/**
 * xf_law_importer_new:
 * @db: the database to import into
 *
 * Returns: (transfer full): a new #XfLawImporter
 */
XfLawImporter *
xf_law_importer_new (XfDatabase *db)
{
  XfLawImporter *self;

  g_return_val_if_fail (XF_IS_DATABASE (db), NULL);

  self = g_object_new (XF_TYPE_LAW_IMPORTER, NULL);
  self->db = g_object_ref (db);

  return self;
}

/**
 * xf_law_importer_add_path:
 * @self: a #XfLawImporter
 * @path: a file, or a folder whose `*.md` and `*.txt` files are imported
 *   (recursively, sorted by path; README files are left out)
 */
void
xf_law_importer_add_path (XfLawImporter *self,
                          const char    *path)
{
  Input *input;

  g_return_if_fail (XF_IS_LAW_IMPORTER (self));
  g_return_if_fail (path != NULL);

  input = g_new0 (Input, 1);
  input->path = g_strdup (path);
  g_ptr_array_add (self->inputs, input);
}

/**
 * xf_law_importer_add_bytes:
 * @self: a #XfLawImporter
 * @name: the name the text goes by (a version date in it counts, as in a
 *   file name)
 * @bytes: the text
 *
 * Adds a text held in memory, such as the shipped default content.
 */
void
xf_law_importer_add_bytes (XfLawImporter *self,
                           const char    *name,
                           GBytes        *bytes)
{
  Input *input;

  g_return_if_fail (XF_IS_LAW_IMPORTER (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (bytes != NULL);

  input = g_new0 (Input, 1);
  input->path = g_strdup (name);
  input->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (self->inputs, input);
}

/**
 * xf_law_importer_set_source:
 * @self: a #XfLawImporter
 * @source: (nullable): what the laws' source field says; %NULL for each
 *   file's path
 */
void
xf_law_importer_set_source (XfLawImporter *self,
                            const char    *source)
{
  g_return_if_fail (XF_IS_LAW_IMPORTER (self));

  g_free (self->source);
  self->source = g_strdup (source);
}

/**
 * xf_law_importer_set_progress_func:
 * @self: a #XfLawImporter
 * @func: (nullable): called as the import goes on, possibly from the thread
 *   running it
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
xf_law_importer_set_progress_func (XfLawImporter           *self,
                                   XfLawImportProgressFunc  func,
                                   gpointer                 user_data,
                                   GDestroyNotify           destroy)
{
  g_return_if_fail (XF_IS_LAW_IMPORTER (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

static void
advance (gpointer data,
         guint64  bytes)
{
  XfLawImporter *self = data;

  self->done += bytes;
  if (self->progress_func != NULL)
    self->progress_func (MIN (self->done, self->total), self->total, self->progress_data);
}

static void
add_problem (XfLawImporter          *self,
             const char             *path,
             guint                   line,
             XfLawImportProblemKind  kind,
             char                   *reason)
{
  XfLawImportProblem *problem = g_new0 (XfLawImportProblem, 1);

  problem->path = g_strdup (path);
  problem->line = line;
  problem->kind = kind;
  problem->reason = reason;
  g_ptr_array_add (self->problems, problem);
}

void
xf_law_importer_add_notice (GPtrArray  *notices,
                            const char *path,
                            char       *message)
{
  XfLawImportNotice *notice = g_new0 (XfLawImportNotice, 1);

  notice->path = g_strdup (path);
  notice->message = message;
  g_ptr_array_add (notices, notice);
}

static gboolean
wanted_file (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (name[0] == '.' || g_str_has_prefix (lower, "readme"))
    return FALSE;
  return g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".txt") ||
         g_str_has_suffix (lower, ".markdown");
}

static void
walk (XfLawImporter *self,
      const char    *dir_path,
      GPtrArray     *found,
      guint          depth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;

  if (dir == NULL)
    {
      add_problem (self, dir_path, 0, XF_LAW_IMPORT_PROBLEM_UNREADABLE,
                   g_strdup_printf (_("Cannot read the folder: %s"), error->message));
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (name[0] == '.')
        continue;
      child = g_build_filename (dir_path, name, NULL);
      /* Symbolic links may loop; a law library is never this deep. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (depth < 16)
            walk (self, child, found, depth + 1);
        }
      else if (wanted_file (name))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* Turns the inputs into a flat list of files (path, bytes or NULL). */
static GPtrArray *
expand_inputs (XfLawImporter *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)input_free);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      Input *copy;

      if (input->bytes == NULL && g_file_test (input->path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

          walk (self, input->path, found, 0);
          g_ptr_array_sort (found, compare_paths);
          for (guint j = 0; j < found->len; j++)
            {
              copy = g_new0 (Input, 1);
              copy->path = g_strdup (g_ptr_array_index (found, j));
              g_ptr_array_add (out, copy);
            }
          continue;
        }

      copy = g_new0 (Input, 1);
      copy->path = g_strdup (input->path);
      copy->bytes = input->bytes ? g_bytes_ref (input->bytes) : NULL;
      g_ptr_array_add (out, copy);
    }

  return out;
}

/* Makes UTF-8 of the file's bytes (xf_text_decode()). Returns the text,
 * or NULL after reporting a problem. */
static char *
decode (XfLawImporter  *self,
        const char     *path,
        const char     *data,
        gsize           len,
        gsize          *out_len)
{
  static const XfLawImportProblemKind kinds[] = {
    [XF_TEXT_DECODE_EMPTY] = XF_LAW_IMPORT_PROBLEM_EMPTY,
    [XF_TEXT_DECODE_BINARY] = XF_LAW_IMPORT_PROBLEM_BINARY,
    [XF_TEXT_DECODE_TRUNCATED] = XF_LAW_IMPORT_PROBLEM_TRUNCATED,
    [XF_TEXT_DECODE_ENCODING] = XF_LAW_IMPORT_PROBLEM_ENCODING,
  };
  XfTextDecodeResult result;
  const char *notice = NULL;
  guint line = 0;
  char *text;

  text = xf_text_decode (data, len, out_len, &notice, &line, &result);
  if (text == NULL)
    {
      const char *reason = result == XF_TEXT_DECODE_TRUNCATED
        ? _("The file is cut off in the middle of a character; its last article is incomplete")
        : xf_text_decode_result_to_reason (result);

      add_problem (self, path, line, kinds[result], g_strdup (reason));
      return NULL;
    }
  if (notice != NULL)
    xf_law_importer_add_notice (self->notices, path, g_strdup (notice));
  return text;
}

/* Reads and parses one input; returns NULL after reporting a problem. */
static XfLawImportEntry *
load (XfLawImporter *self,
      Input         *input,
      guint64        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(XfLawImportEntry) entry = NULL;
  const char *data;
  gsize len = 0;
  gsize text_len = 0;

  if (input->bytes != NULL)
    data = g_bytes_get_data (input->bytes, &len);
  else
    {
      if (!g_file_get_contents (input->path, &contents, &len, &error))
        {
          add_problem (self, input->path, 0, XF_LAW_IMPORT_PROBLEM_UNREADABLE,
                       g_strdup_printf (_("Cannot read the file: %s"), error->message));
          return NULL;
        }
      data = contents;
    }

  text = decode (self, input->path, data ? data : "", len, &text_len);
  if (text == NULL)
    return NULL;

  entry = g_new0 (XfLawImportEntry, 1);
  entry->path = g_strdup (input->path);
  entry->source = g_strdup (self->source);
  entry->size = size;
  entry->law = xf_law_parser_parse (input->path, text, text_len);

  if (entry->law->articles->len == 0)
    {
      add_problem (self, input->path, 0, XF_LAW_IMPORT_PROBLEM_NO_ARTICLES,
                   g_strdup (_("No article found: no line starts with 第…条")));
      return NULL;
    }
  if (entry->law->ends_mid_sentence)
    {
      add_problem (self, input->path, entry->law->last_line, XF_LAW_IMPORT_PROBLEM_TRUNCATED,
                   g_strdup (_("The file seems cut off: its last line stops mid-sentence without a line break")));
      return NULL;
    }
  if (entry->law->orphan_line != 0)
    xf_law_importer_add_notice (self->notices, input->path,
                                g_strdup_printf (_("Line %u: text that belongs to no article was left out"),
                                                 entry->law->orphan_line));

  return g_steal_pointer (&entry);
}

static char *
entry_key (XfLawImportEntry *entry)
{
  XfParsedLaw *law = entry->law;

  return g_strjoin ("\n", law->title, law->version_date ? law->version_date : "",
                    law->part ? law->part : "", NULL);
}

/* The same law (and part) twice in one run: the later file wins. */
static void
drop_duplicates (XfLawImporter *self,
                 GPtrArray     *entries)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_insert (last, entry_key (g_ptr_array_index (entries, i)), GUINT_TO_POINTER (i));

  for (guint i = 0; i < entries->len; i++)
    {
      XfLawImportEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = entry_key (entry);
      guint winner = GPOINTER_TO_UINT (g_hash_table_lookup (last, key));
      XfLawImportEntry *later;

      if (winner == i)
        continue;
      later = g_ptr_array_index (entries, winner);
      xf_law_importer_add_notice (self->notices, later->path,
                                  g_strdup_printf (_("“%s” was also given as %s; this later file was imported instead"),
                                                   entry->law->title, entry->path));
      g_ptr_array_add (kept, entry);
    }

  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_remove (entries, g_ptr_array_index (kept, i));
}

static gboolean
run_on (XfLawImporter  *self,
        XfDatabase     *db,
        GCancellable   *cancellable,
        GError        **error)
{
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_law_import_entry_free);
  g_autofree guint64 *sizes = NULL;
  XfLawWriteJob job = { 0 };

  g_ptr_array_set_size (self->files, 0);
  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_set_size (self->notices, 0);
  self->article_total = 0;
  self->done = 0;
  self->total = 0;

  inputs = expand_inputs (self);
  sizes = g_new0 (guint64, MAX (inputs->len, 1));

  /* Sizes first: a huge file is refused unread, and progress has a total. */
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = g_ptr_array_index (inputs, i);
      GStatBuf st;

      if (input->bytes != NULL)
        sizes[i] = g_bytes_get_size (input->bytes);
      else if (g_stat (input->path, &st) != 0)
        {
          int saved_errno = errno;

          add_problem (self, input->path, 0, XF_LAW_IMPORT_PROBLEM_UNREADABLE,
                       g_strdup_printf (_("Cannot read the file: %s"), g_strerror (saved_errno)));
          sizes[i] = G_MAXUINT64;
          continue;
        }
      else if (!S_ISREG (st.st_mode))
        {
          /* A device or a pipe has no size to check and may never end. */
          add_problem (self, input->path, 0, XF_LAW_IMPORT_PROBLEM_UNREADABLE,
                       g_strdup (_("This is not a regular file")));
          sizes[i] = G_MAXUINT64;
          continue;
        }
      else
        sizes[i] = st.st_size;

      if (sizes[i] > (guint64)XF_LAW_IMPORTER_MAX_FILE_SIZE)
        {
          g_autofree char *size = g_format_size (sizes[i]);

          add_problem (self, input->path, 0, XF_LAW_IMPORT_PROBLEM_TOO_LARGE,
                       g_strdup_printf (_("The file is too large (%s); statute files over 100 MB are refused"), size));
          sizes[i] = G_MAXUINT64;
          continue;
        }
      self->total += 2 * sizes[i];
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      XfLawImportEntry *entry;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sizes[i] == G_MAXUINT64)
        continue;

      entry = load (self, g_ptr_array_index (inputs, i), sizes[i]);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
      else
        self->total -= sizes[i];  /* a refused file is never written */
      advance (self, sizes[i]);
    }

  drop_duplicates (self, entries);

  job.db = db;
  job.entries = entries;
  job.notices = self->notices;
  job.cancellable = cancellable;
  job.advance = advance;
  job.advance_data = self;
  if (!xf_law_write (&job, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      XfLawImportEntry *entry = g_ptr_array_index (entries, i);
      XfLawImportFile *file = g_new0 (XfLawImportFile, 1);

      file->path = g_strdup (entry->path);
      file->law_title = g_strdup (entry->law->title);
      file->part = g_strdup (entry->law->part);
      file->article_count = entry->law->articles->len;
      file->law_id = entry->law_id;
      self->article_total += file->article_count;
      g_ptr_array_add (self->files, file);
    }

  return TRUE;
}

/**
 * xf_law_importer_run:
 * @self: a #XfLawImporter
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and parses every input, then writes all the good ones in one
 * transaction. Files with problems are skipped and reported (see
 * xf_law_importer_get_problems()); that is not a failure. On a hard error
 * (the database) or cancellation nothing at all is written.
 *
 * Returns: %TRUE unless the import failed as a whole
 */
gboolean
xf_law_importer_run (XfLawImporter  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), FALSE);

  if (!run_on (self, self->db, cancellable, error))
    {
      g_ptr_array_set_size (self->files, 0);
      self->article_total = 0;
      return FALSE;
    }
  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  XfLawImporter *self = source_object;
  const char *path = xf_database_get_path (self->db);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* SQLite connections are not shared between threads here: the thread
   * opens its own on the same file. An in-memory database exists only on
   * its one connection, which the caller must leave alone meanwhile. */
  if (g_strcmp0 (path, ":memory:") == 0 || path == NULL || path[0] == '\0')
    db = g_object_ref (self->db);
  else if ((db = xf_database_open (path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!run_on (self, db, cancellable, &error))
    {
      g_ptr_array_set_size (self->files, 0);
      self->article_total = 0;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * xf_law_importer_run_async:
 * @self: a #XfLawImporter
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Runs xf_law_importer_run() in a worker thread on a connection of its own.
 * Leave @self alone until @callback runs.
 */
void
xf_law_importer_run_async (XfLawImporter       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XF_IS_LAW_IMPORTER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_law_importer_run_async);
  g_task_run_in_thread (task, run_thread);
}

gboolean
xf_law_importer_run_finish (XfLawImporter  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * xf_law_importer_get_files:
 *
 * Returns: (transfer none) (element-type XfLawImportFile): the files the
 *   last run imported, in input order
 */
GPtrArray *
xf_law_importer_get_files (XfLawImporter *self)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), NULL);

  return self->files;
}

/**
 * xf_law_importer_get_problems:
 *
 * Returns: (transfer none) (element-type XfLawImportProblem): the files
 *   the last run refused, and why
 */
GPtrArray *
xf_law_importer_get_problems (XfLawImporter *self)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), NULL);

  return self->problems;
}

/**
 * xf_law_importer_get_notices:
 *
 * Returns: (transfer none) (element-type XfLawImportNotice): remarks on
 *   files that imported (conversions, replacements, duplicates)
 */
GPtrArray *
xf_law_importer_get_notices (XfLawImporter *self)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), NULL);

  return self->notices;
}

guint
xf_law_importer_get_article_total (XfLawImporter *self)
{
  g_return_val_if_fail (XF_IS_LAW_IMPORTER (self), 0);

  return self->article_total;
}

/**
 * xf_law_import_problem_format:
 * @problem: a problem
 *
 * Returns: (transfer full): "path, line N: reason", localised
 */
char *
xf_law_import_problem_format (const XfLawImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf (_("%s, line %u: %s"), problem->path, problem->line, problem->reason);
  return g_strdup_printf (_("%s: %s"), problem->path, problem->reason);
}
