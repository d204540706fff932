/* xf-question-import-tasks.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-question-import-private.h"
#include "xf-question-preview.h"

/* The import dialog's work off the main thread. Each task opens its own
 * connection to the profile's database: a connection is never shared
 * between threads. */

static const struct
{
  const char *name;
  const char *patterns;  /* ';'-separated */
} filters[] = {
  { N_("Xuefa JSON (*.json)"), "*.json" },
  { N_("Moodle GIFT (*.gift, *.txt)"), "*.gift;*.txt" },
  { N_("Moodle XML (*.xml)"), "*.xml" },
  { N_("Aiken (*.txt)"), "*.txt" },
  { N_("CSV table (*.csv)"), "*.csv" },
  { N_("Excel workbook (*.xlsx)"), "*.xlsx" },
  { N_("Chinese plain text (*.txt)"), "*.txt" },
  { N_("LexEval (*.jsonl, *.json)"), "*.jsonl;*.json" },
};

static void
add_patterns (GtkFileFilter *filter,
              const char    *patterns)
{
  g_auto(GStrv) split = g_strsplit (patterns, ";", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (split[i], -1);

      /* Files from Windows machines often have upper-case extensions. */
      gtk_file_filter_add_pattern (filter, split[i]);
      gtk_file_filter_add_pattern (filter, upper);
    }
}

/**
 * xf_question_import_add_filters:
 *
 * Adds a filter for every supported format, one for them all (the one
 * chosen first), and one for any file.
 */
void
xf_question_import_add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  gtk_file_filter_set_name (supported, _("All supported formats"));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    add_patterns (supported, filters[i].patterns);
  gtk_file_chooser_add_filter (chooser, supported);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(filters[i].name));
      add_patterns (filter, filters[i].patterns);
      gtk_file_chooser_add_filter (chooser, filter);
    }

  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (chooser, any);
  gtk_file_chooser_set_filter (chooser, supported);
}

/**
 * xf_question_import_default_bank_title:
 *
 * Returns: (transfer full): the bank a file's questions go to unless the
 *   person names another: the one the file names, or the file's name
 *   without its extension (as xf_question_store_import() chooses)
 */
char *
xf_question_import_default_bank_title (XfQuestionParse *parse)
{
  char *title;
  char *dot;

  if (parse->bank_title != NULL && *parse->bank_title != '\0')
    return g_strdup (parse->bank_title);
  if (parse->name == NULL || *parse->name == '\0')
    return g_strdup (_("Imported questions"));
  title = g_path_get_basename (parse->name);
  dot = strrchr (title, '.');
  if (dot != NULL && dot != title)
    *dot = '\0';
  return title;
}

void
xf_question_read_result_free (XfQuestionReadResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->parse, xf_question_parse_free);
  g_clear_pointer (&result->previews, g_ptr_array_unref);
  g_strfreev (result->problems);
  g_strfreev (result->notices);
  g_free (result);
}

typedef struct
{
  char             *db_path;
  char             *path;
  XfQuestionFormat  format;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_free (job);
}

static char **
format_problems (GPtrArray *problems)
{
  char **lines = g_new0 (char *, problems->len + 1);

  for (guint i = 0; i < problems->len; i++)
    lines[i] = xf_format_question_problem (g_ptr_array_index (problems, i));
  return lines;
}

/* What importing @question would do, as xf_question_store_import() decides
 * it: a stored UUID is an update (or nothing, when unchanged); otherwise a
 * question whose stem and options the store or an earlier question of the
 * file has is a duplicate. Returns -1 on error. */
static int
classify (XfDatabase  *db,
          XfQuestion  *question,
          GHashTable  *seen,
          GError     **error)
{
  const char *uuid = xf_question_get_uuid (question);
  g_autofree char *fingerprint = NULL;
  gint64 duplicate;

  if (*uuid != '\0')
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(XfQuestion) stored = xf_question_store_get_by_uuid (db, uuid, &local_error);

      if (stored != NULL)
        return xf_question_equal_content (stored, question) ? XF_QUESTION_PREVIEW_UNCHANGED
                                                            : XF_QUESTION_PREVIEW_UPDATE;
      if (!g_error_matches (local_error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
    }

  fingerprint = xf_question_dup_fingerprint (question);
  if (g_hash_table_contains (seen, fingerprint))
    return XF_QUESTION_PREVIEW_DUPLICATE;
  duplicate = xf_question_store_find_duplicate (db, question, error);
  if (duplicate < 0)
    return -1;
  if (duplicate > 0)
    return XF_QUESTION_PREVIEW_DUPLICATE;
  g_hash_table_add (seen, g_steal_pointer (&fingerprint));
  return XF_QUESTION_PREVIEW_NEW;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(XfQuestionReadResult) result = g_new0 (XfQuestionReadResult, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionParse *parse;

  result->parse = xf_question_parse_file (job->path, job->format, &error);
  if (result->parse == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parse = result->parse;

  db = xf_database_open (job->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result->previews = g_ptr_array_new_full (parse->questions->len, g_object_unref);
  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      int status;

      if (i % 256 == 0 && g_task_return_error_if_cancelled (task))
        return;
      status = classify (db, question, seen, &error);
      if (status < 0)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (status == XF_QUESTION_PREVIEW_DUPLICATE)
        result->n_duplicates++;
      g_ptr_array_add (result->previews, xf_question_preview_new (question, i + 1, status));
    }

  result->problems = format_problems (parse->problems);
  result->notices = format_problems (parse->notices);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify)xf_question_read_result_free);
}

/**
 * xf_question_import_read_async:
 * @source: the object the result is for
 * @db_path: the profile's database file, for finding duplicates
 *
 * Reads a question file in a thread and tells what importing each of its
 * questions would do.
 */
void
xf_question_import_read_async (GObject             *source,
                               const char          *db_path,
                               const char          *path,
                               XfQuestionFormat     format,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->db_path = g_strdup (db_path);
  job->path = g_strdup (path);
  job->format = format;
  g_task_set_source_tag (task, xf_question_import_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * xf_question_import_read_finish:
 *
 * Returns: (transfer full): what the file held, or %NULL when it cannot be
 *   read at all
 */
XfQuestionReadResult *
xf_question_import_read_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xf_question_import_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char                  *db_path;
  XfQuestionParse       *parse;
  char                  *bank_title;
  XfQuestionImportFlags  flags;
} RunJob;

static void
run_job_free (RunJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->parse, xf_question_parse_free);
  g_free (job->bank_title);
  g_free (job);
}

static void
copy_problems (GPtrArray *to,
               GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      XfQuestionProblem *problem = g_ptr_array_index (from, i);
      XfQuestionProblem *copy = g_new0 (XfQuestionProblem, 1);

      copy->line = problem->line;
      copy->question = g_strdup (problem->question);
      copy->reason = g_strdup (problem->reason);
      g_ptr_array_add (to, copy);
    }
}

/* The import gives questions their ids and may add notices: it works on a
 * copy, so that the questions the preview shows are never written to from
 * another thread. */
static XfQuestionParse *
copy_parse (XfQuestionParse *parse)
{
  XfQuestionParse *copy = xf_question_parse_new (parse->name);

  copy->format = parse->format;
  for (guint i = 0; i < parse->questions->len; i++)
    g_ptr_array_add (copy->questions, xf_question_copy (g_ptr_array_index (parse->questions, i)));
  copy_problems (copy->problems, parse->problems);
  copy_problems (copy->notices, parse->notices);
  copy->bank_title = g_strdup (parse->bank_title);
  copy->bank_description = g_strdup (parse->bank_description);
  copy->bank_source = g_strdup (parse->bank_source);
  copy->bank_licence = g_strdup (parse->bank_licence);
  return copy;
}

static void
report_free (XfQuestionImportReport *report)
{
  xf_question_import_report_clear (report);
  g_free (report);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunJob *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionImportReport *report = g_new0 (XfQuestionImportReport, 1);

  db = xf_database_open (job->db_path, &error);
  if (db == NULL ||
      !xf_question_store_import (db, job->parse, job->bank_title, job->flags, report, cancellable, &error))
    {
      report_free (report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, report, (GDestroyNotify)report_free);
}

/**
 * xf_question_import_run_async:
 * @parse: what a file held; a copy is imported
 * @bank_title: the bank to import into, made if missing
 *
 * Imports the questions in a thread, in one transaction.
 */
void
xf_question_import_run_async (GObject               *source,
                              const char            *db_path,
                              XfQuestionParse       *parse,
                              const char            *bank_title,
                              XfQuestionImportFlags  flags,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  RunJob *job = g_new0 (RunJob, 1);

  job->db_path = g_strdup (db_path);
  job->parse = copy_parse (parse);
  job->bank_title = g_strdup (bank_title);
  job->flags = flags;
  g_task_set_source_tag (task, xf_question_import_run_async);
  /* A cancel that comes after the commit changes nothing: the import's
   * own result says whether it was written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)run_job_free);
  g_task_run_in_thread (task, run_thread);
}

/**
 * xf_question_import_run_finish:
 * @report: (out caller-allocates): what the import did; the caller clears
 *   it with xf_question_import_report_clear()
 *
 * Returns: whether the questions were imported
 */
gboolean
xf_question_import_run_finish (GAsyncResult            *result,
                               XfQuestionImportReport  *report,
                               GError                 **error)
{
  g_autofree XfQuestionImportReport *done = NULL;

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xf_question_import_run_async, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;
  *report = *done;
  return TRUE;
}
