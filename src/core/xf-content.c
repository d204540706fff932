/* xf-content.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-content.h"
#include "xf-exam-store.h"
#include "xf-law-importer.h"
#include "xf-list-format.h"
#include "xf-question-store.h"

/* The shipped statutes, knowledge lists and question banks are compiled
 * into the program as resources, so a new profile gets them without
 * looking for data files. Bump
 * CONTENT_VERSION when the shipped content changes; profiles then load it
 * again (a re-imported law replaces its old copy, a list keeps its marks). */
#define CONTENT_VERSION "3"
#define CONTENT_PATH "/io/github/xuefa/Xuefa/content"
#define CONTENT_SOURCE "LawRefBook/Laws"

/**
 * xf_content_get_version:
 *
 * Returns: the version of the shipped content; a profile whose
 *   "default_content_version" differs loads it again
 */
const char *
xf_content_get_version (void)
{
  return CONTENT_VERSION;
}

gboolean
xf_content_needs_defaults (XfDatabase *db)
{
  g_autofree char *version = xf_database_dup_meta (db, "default_content_version");

  return g_strcmp0 (version, CONTENT_VERSION) != 0;
}

static gboolean
add_resource_dir (XfLawImporter  *importer,
                  const char     *dir,
                  GError        **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (dir, 0, error);

  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, "/", names[i], NULL);

      if (g_str_has_suffix (names[i], "/"))
        {
          g_autofree char *sub = g_strndup (path, strlen (path) - 1);

          if (!add_resource_dir (importer, sub, error))
            return FALSE;
        }
      else
        {
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

          if (bytes == NULL)
            return FALSE;
          xf_law_importer_add_bytes (importer, path + strlen (CONTENT_PATH "/"), bytes);
        }
    }

  return TRUE;
}

/* Shipped banks whose files do not name them (LexEval's JSON lines). */
static const struct
{
  const char *file;
  const char *title;
  const char *description;
  const char *source;
  const char *licence;
} bank_files[] = {
  { "lexeval-minfadian-500.jsonl",
    "民法典条文选择题（LexEval）",
    "500 道单选题：给出民法典条文序号，选出该条内容。",
    "LexEval (github.com/CSHaitao/LexEval, data/1_2.json)",
    "MIT License. Copyright (c) 2023 Haitao Li" },
};

/* Loads each shipped question file into its bank. A question already
 * there (same UUID, or same stem and options) is not loaded twice, so this
 * runs again safely when the shipped content changes. */
static gboolean
install_questions (XfDatabase    *db,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_auto(GStrv) files = g_resources_enumerate_children (CONTENT_PATH "/questions", 0, NULL);

  /* The original bank first, so that it is the first bank a person sees */
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_equal (files[i], "xuefa-original.json") && i > 0)
      {
        char *first = files[0];

        files[0] = files[i];
        files[i] = first;
      }

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CONTENT_PATH "/questions/", files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(XfQuestionParse) parse = NULL;
      XfQuestionImportReport report;
      gboolean ok;

      if (!g_str_has_suffix (files[i], ".json") && !g_str_has_suffix (files[i], ".jsonl"))
        continue;
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      parse = xf_question_parse_bytes (bytes, files[i], XF_QUESTION_FORMAT_AUTO);
      if (parse->problems->len > 0)
        {
          XfQuestionProblem *problem = g_ptr_array_index (parse->problems, 0);

          g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, "%s:%u: %s",
                       files[i], problem->line, problem->reason);
          return FALSE;
        }
      for (guint j = 0; j < G_N_ELEMENTS (bank_files); j++)
        if (g_str_equal (files[i], bank_files[j].file))
          {
            g_free (parse->bank_title);
            parse->bank_title = g_strdup (bank_files[j].title);
            parse->bank_description = g_strdup (bank_files[j].description);
            parse->bank_source = g_strdup (bank_files[j].source);
            parse->bank_licence = g_strdup (bank_files[j].licence);
          }
      ok = xf_question_store_import (db, parse, NULL, XF_QUESTION_IMPORT_BUILTIN, &report,
                                     cancellable, error);
      xf_question_import_report_clear (&report);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Saves each shipped exam (a practice paper in the shape of the yearly
 * 学法用法考试), replacing an older copy of the same UUID. */
static gboolean
install_exams (XfDatabase  *db,
               GError     **error)
{
  g_auto(GStrv) files = g_resources_enumerate_children (CONTENT_PATH "/exams", 0, NULL);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CONTENT_PATH "/exams/", files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(XfExam) exam = NULL;
      gsize len;
      const char *data;

      if (!g_str_has_suffix (files[i], ".json"))
        continue;
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &len);
      exam = xf_exam_from_json (data, (gssize)len, error);
      if (exam == NULL)
        {
          g_prefix_error (error, "%s: ", files[i]);
          return FALSE;
        }
      exam->builtin = TRUE;
      if (!xf_exam_store_save (db, exam, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * xf_content_install_defaults:
 *
 * Loads the shipped statutes, knowledge lists, question banks and exams into @db. Runs for a few
 * hundred milliseconds; call it from a worker thread in the GUI.
 */
gboolean
xf_content_install_defaults (XfDatabase    *db,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(XfLawImporter) importer = NULL;
  g_auto(GStrv) lists = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (XF_IS_DATABASE (db), FALSE);

  importer = xf_law_importer_new (db);
  xf_law_importer_set_source (importer, CONTENT_SOURCE);
  if (!add_resource_dir (importer, CONTENT_PATH "/laws", error) ||
      !xf_law_importer_run (importer, cancellable, error))
    {
      g_prefix_error (error, _("Cannot load the shipped statutes: "));
      return FALSE;
    }

  problems = xf_law_importer_get_problems (importer);
  if (problems->len > 0)
    {
      const XfLawImportProblem *problem = problems->pdata[0];

      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_SCHEMA,
                   _("Cannot load the shipped statutes: %s:%u: %s"),
                   problem->path, problem->line, problem->reason);
      return FALSE;
    }

  lists = g_resources_enumerate_children (CONTENT_PATH "/lists", 0, NULL);
  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CONTENT_PATH "/lists/", lists[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autoptr(GPtrArray) imported = NULL;

      if (bytes != NULL)
        imported = xf_list_format_import_bytes (db, bytes, lists[i], XF_LIST_IMPORT_NONE, NULL, error);
      if (imported == NULL)
        {
          g_prefix_error (error, _("Cannot load the shipped knowledge lists: "));
          return FALSE;
        }
    }

  if (!install_questions (db, cancellable, error))
    {
      g_prefix_error (error, _("Cannot load the shipped question banks: "));
      return FALSE;
    }

  if (!install_exams (db, error))
    {
      g_prefix_error (error, _("Cannot load the shipped exams: "));
      return FALSE;
    }

  return xf_database_set_meta (db, "default_content_version", CONTENT_VERSION, error);
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(XfDatabase) db = NULL;
  GError *error = NULL;

  /* A connection of the worker's own: SQLite connections stay in one thread. */
  db = xf_database_open (task_data, &error);
  if (db == NULL || !xf_content_install_defaults (db, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xf_content_install_defaults_async:
 * @db_path: the profile database's file
 *
 * Loads the shipped content in a worker thread with a connection of its own.
 */
void
xf_content_install_defaults_async (const char          *db_path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xf_content_install_defaults_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, install_thread);
}

gboolean
xf_content_install_defaults_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
