/* xf-page-read.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-page-read.h"

static void
set_loading (XfPageRead *read,
             gboolean    loading)
{
  read->loading = loading;
  if (read->spinner == NULL)
    return;
  if (loading)
    gtk_spinner_start (read->spinner);
  else
    gtk_spinner_stop (read->spinner);
}

void
xf_page_read_init (XfPageRead *read,
                   GtkSpinner *spinner)
{
  memset (read, 0, sizeof *read);
  read->spinner = spinner;
}

/* When the page goes */
void
xf_page_read_clear (XfPageRead *read)
{
  if (read->cancellable != NULL)
    g_cancellable_cancel (read->cancellable);
  g_clear_object (&read->cancellable);
  read->spinner = NULL;
}

/**
 * xf_page_read_start:
 * @page: the page; @done gets a reference to it as its user data
 * @thread: reads in the thread, from the database's path in its task data
 * @done: on the main thread; calls xf_page_read_finish()
 *
 * Starts a read, cancelling the one under way.
 */
void
xf_page_read_start (XfPageRead          *read,
                    gpointer             page,
                    XfDatabase          *database,
                    gpointer             source_tag,
                    GTaskThreadFunc      thread,
                    GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XF_IS_DATABASE (database));

  if (read->cancellable != NULL)
    g_cancellable_cancel (read->cancellable);
  g_clear_object (&read->cancellable);
  read->cancellable = g_cancellable_new ();
  set_loading (read, TRUE);
  task = g_task_new (page, read->cancellable, done, g_object_ref (page));
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (xf_database_get_path (database)), g_free);
  g_task_run_in_thread (task, thread);
}

/**
 * xf_page_read_finish:
 * @cancelled: (out): whether the read was cancelled: there is nothing to
 *   show and nothing to say
 *
 * Returns: (transfer full) (nullable): what the thread returned with
 *   g_task_return_pointer(), or %NULL with @error set (or @cancelled)
 */
gpointer
xf_page_read_finish (XfPageRead    *read,
                     GAsyncResult  *result,
                     gboolean      *cancelled,
                     GError       **error)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  gpointer found;

  /* Left to the task, which frees it, when a newer read took over */
  *cancelled = cancellable != NULL && g_cancellable_is_cancelled (cancellable);
  if (*cancelled)
    return NULL;
  found = g_task_propagate_pointer (G_TASK (result), error);
  set_loading (read, FALSE);
  if (found != NULL)
    read->loaded = TRUE;
  return found;
}

/* No read: the page has no database to read */
void
xf_page_read_stop (XfPageRead *read)
{
  if (read->cancellable != NULL)
    g_cancellable_cancel (read->cancellable);
  set_loading (read, FALSE);
}

/* Another database: what was read from the last one counts no more */
void
xf_page_read_forget (XfPageRead *read)
{
  xf_page_read_stop (read);
  read->loaded = FALSE;
}

/**
 * xf_page_read_get_busy:
 *
 * Returns: whether the page is reading, or will when it is shown
 */
gboolean
xf_page_read_get_busy (XfPageRead *read,
                       XfDatabase *database)
{
  return read->loading || (database != NULL && !read->loaded);
}
