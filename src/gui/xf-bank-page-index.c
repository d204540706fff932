/* xf-bank-page-index.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-bank-page-private.h"
#include "xf-question-store.h"

/* What the bank page knows of the store: the banks with their counts and
 * the index of every question, read together in a thread on a connection
 * of their own (SQLite connections are not shared across threads), and
 * read again after every change. Counting a bank of 100 000 questions
 * takes longer than a frame, so between two readings the page counts the
 * questions added and deleted itself. */

typedef struct
{
  XfBankPage *page;
  XfDatabase *database;  /* which profile the index is for */
  guint       change;    /* the last change the index holds */
} BuildData;

typedef struct
{
  XfQuestionIndex *index;
  GListModel      *banks;
} BuildResult;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->page);
  g_clear_object (&data->database);
  g_free (data);
}

static void
build_result_free (BuildResult *result)
{
  g_clear_object (&result->index);
  g_clear_object (&result->banks);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BuildResult, build_result_free)

static BuildResult *
build (XfDatabase  *db,
       GError     **error)
{
  g_autoptr(BuildResult) result = g_new0 (BuildResult, 1);

  result->banks = xf_question_store_list_banks (db, error);
  if (result->banks == NULL)
    return NULL;
  result->index = xf_question_index_new (db, error);
  if (result->index == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  BuildResult *result;

  db = xf_database_open (path, &error);
  if (db != NULL && (result = build (db, &error)) != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify)build_result_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static int
get_delta (XfBankPage *self,
           gint64      bank_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->deltas, &bank_id));
}

/**
 * xf_bank_page_count_questions:
 * @bank_id: a bank, or 0 for every bank
 *
 * Returns: how many questions the bank holds now
 */
guint
xf_bank_page_count_questions (XfBankPage *self,
                              gint64      bank_id)
{
  GHashTableIter iter;
  gpointer delta;
  int total = 0;

  for (guint i = 0; self->banks != NULL && i < g_list_model_get_n_items (self->banks); i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (self->banks, i);

      if (bank_id == 0 || xf_question_bank_get_id (bank) == bank_id)
        total += (int)xf_question_bank_get_n_questions (bank);
    }

  if (bank_id != 0)
    total += get_delta (self, bank_id);
  else
    {
      g_hash_table_iter_init (&iter, self->deltas);
      while (g_hash_table_iter_next (&iter, NULL, &delta))
        total += GPOINTER_TO_INT (delta);
    }
  return (guint)MAX (total, 0);
}

/**
 * xf_bank_page_add_to_count:
 * @bank_id: the bank, or 0 when it is not known
 * @delta: questions added, or taken away when below 0
 */
void
xf_bank_page_add_to_count (XfBankPage *self,
                           gint64      bank_id,
                           int         delta)
{
  g_hash_table_insert (self->deltas, g_memdup2 (&bank_id, sizeof bank_id),
                       GINT_TO_POINTER (get_delta (self, bank_id) + delta));
}

/**
 * xf_bank_page_set_banks:
 * @banks: (nullable): the banks, or %NULL to show what the page has
 *
 * Lists the banks with their counts, keeping the one chosen.
 */
void
xf_bank_page_set_banks (XfBankPage *self,
                        GListModel *banks)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  XfQuestionBank *chosen = xf_bank_page_get_selected_bank (self);
  gint64 chosen_id = chosen != NULL ? xf_question_bank_get_id (chosen) : 0;
  guint selected = 0;
  guint n;

  if (banks != NULL)
    g_set_object (&self->banks, banks);
  else if (self->database == NULL)
    g_clear_object (&self->banks);

  n = self->banks != NULL ? g_list_model_get_n_items (self->banks) : 0;
  /* TRANSLATORS: every question bank and how many questions they hold */
  g_ptr_array_add (names, g_strdup_printf (_("All banks (%u)"), xf_bank_page_count_questions (self, 0)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (self->banks, i);
      gint64 id = xf_question_bank_get_id (bank);

      /* TRANSLATORS: a question bank and how many questions it holds */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%u)"), xf_question_bank_get_title (bank),
                                               xf_bank_page_count_questions (self, id)));
      if (id == chosen_id)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  /* The entries are replaced, the choice is not. */
  self->updating = TRUE;
  gtk_string_list_splice (self->bank_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bank_names)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->bank_dropdown, selected);
  self->updating = FALSE;
}

static void
install (XfBankPage  *self,
         BuildResult *result,
         guint        change)
{
  GHashTableIter iter;
  gpointer value;

  /* Counted after the last change: the page's own counting is done. */
  if (change == self->change)
    g_hash_table_remove_all (self->deltas);
  xf_bank_page_set_banks (self, result->banks);
  g_set_object (&self->index, result->index);

  /* Deleted before this index was read: it no longer holds them. */
  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_UINT (value) <= change)
      g_hash_table_iter_remove (&iter);

  xf_bank_page_update_choices (self);
  xf_bank_page_apply_filter (self);
  xf_bank_page_actions_update (self);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BuildData *data = user_data;
  XfBankPage *self = data->page;
  g_autoptr(BuildResult) built = NULL;
  g_autoptr(GError) error = NULL;

  built = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another profile by now, or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->database != self->database)
    {
      build_data_free (data);
      return;
    }

  /* An index that a later change already made stale is of no use when
   * another is coming: the list keeps what it shows until then. */
  self->building = FALSE;
  if (built == NULL)
    xf_bank_page_show_error (self, error);
  else if (!self->build_again || self->index == NULL)
    install (self, built, data->change);

  if (self->build_again)
    xf_bank_page_start_build (self);
  else
    xf_bank_page_set_loading (self, FALSE);
  build_data_free (data);
}

/**
 * xf_bank_page_start_build:
 *
 * Reads the banks and builds the index in a thread, or asks for another
 * reading when one is under way.
 */
void
xf_bank_page_start_build (XfBankPage *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  BuildData *data;

  if (self->database == NULL)
    return;
  if (self->building)
    {
      self->build_again = TRUE;
      return;
    }

  self->build_again = FALSE;
  xf_bank_page_set_loading (self, TRUE);
  path = xf_database_get_path (self->database);

  /* A database in memory has no second connection: read it here. */
  if (path == NULL || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file::memory:"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BuildResult) built = build (self->database, &error);

      if (built == NULL)
        xf_bank_page_show_error (self, error);
      else
        install (self, built, self->change);
      xf_bank_page_set_loading (self, FALSE);
      return;
    }

  self->building = TRUE;
  data = g_new0 (BuildData, 1);
  data->page = g_object_ref (self);
  data->database = g_object_ref (self->database);
  data->change = self->change;

  task = g_task_new (NULL, self->cancellable, on_built, data);
  g_task_set_source_tag (task, xf_bank_page_start_build);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, build_thread);
}

/**
 * xf_bank_page_changed:
 *
 * Questions were written: the counts show what the page counted, and the
 * banks and the index are read again in the background; the list follows
 * when they are.
 */
void
xf_bank_page_changed (XfBankPage *self)
{
  self->change++;
  xf_bank_page_set_banks (self, NULL);
  xf_bank_page_update_status (self);
  xf_bank_page_start_build (self);
}

/**
 * xf_bank_page_hide_ids:
 *
 * Takes deleted questions out of the list and the counts at once, and out
 * of every filter until an index without them is built.
 */
void
xf_bank_page_hide_ids (XfBankPage   *self,
                       const gint64 *ids,
                       guint         n_ids)
{
  XfQuestionBank *bank = xf_bank_page_get_selected_bank (self);
  gint64 bank_id = bank != NULL ? xf_question_bank_get_id (bank) : 0;

  /* The questions shown are of the bank shown, if one is. */
  for (guint i = 0; i < n_ids; i++)
    {
      g_hash_table_insert (self->hidden, g_memdup2 (&ids[i], sizeof (gint64)),
                           GUINT_TO_POINTER (self->change + 1));
      g_hash_table_insert (self->deleted_banks, g_memdup2 (&ids[i], sizeof (gint64)),
                           g_memdup2 (&bank_id, sizeof bank_id));
    }
  xf_bank_page_add_to_count (self, bank_id, -(int)n_ids);
  xf_question_list_model_remove_ids (self->questions, ids, n_ids);
}

/**
 * xf_bank_page_show_ids:
 *
 * Puts questions brought back or added into the list and the counts at
 * once; the index built after the change then places them by the
 * filters.
 */
void
xf_bank_page_show_ids (XfBankPage   *self,
                       const gint64 *ids,
                       guint         n_ids)
{
  XfQuestionBank *shown = xf_bank_page_get_selected_bank (self);

  for (guint i = 0; i < n_ids; i++)
    {
      gint64 *deleted_from = g_hash_table_lookup (self->deleted_banks, &ids[i]);
      gint64 bank_id = deleted_from != NULL ? *deleted_from : shown != NULL ? xf_question_bank_get_id (shown) : 0;

      xf_bank_page_add_to_count (self, bank_id, 1);
      g_hash_table_remove (self->deleted_banks, &ids[i]);
      g_hash_table_remove (self->hidden, &ids[i]);
    }
  xf_question_list_model_insert_ids (self->questions, ids, n_ids);
}
