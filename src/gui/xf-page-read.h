/* xf-page-read.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-database.h"

G_BEGIN_DECLS

/* How a page reads what it shows: one read at a time, in a thread on a
 * connection of its own to the profile's database (the task data is the
 * database's path), with the page's spinner turning meanwhile. A new read
 * cancels the one before; what a cancelled read found is dropped. Kept
 * inside the page's instance struct. */
typedef struct
{
  GCancellable *cancellable;
  GtkSpinner   *spinner;   /* (unowned) */
  gboolean      loading;
  gboolean      loaded;    /* a read has succeeded since the database was set */
} XfPageRead;

void     xf_page_read_init      (XfPageRead          *read,
                                 GtkSpinner          *spinner);
void     xf_page_read_clear     (XfPageRead          *read);
void     xf_page_read_start     (XfPageRead          *read,
                                 gpointer             page,
                                 XfDatabase          *database,
                                 gpointer             source_tag,
                                 GTaskThreadFunc      thread,
                                 GAsyncReadyCallback  done);
gpointer xf_page_read_finish    (XfPageRead          *read,
                                 GAsyncResult        *result,
                                 gboolean            *cancelled,
                                 GError             **error);
void     xf_page_read_stop      (XfPageRead          *read);
void     xf_page_read_forget    (XfPageRead          *read);
gboolean xf_page_read_get_busy  (XfPageRead          *read,
                                 XfDatabase          *database);

G_END_DECLS
