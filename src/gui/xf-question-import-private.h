/* xf-question-import-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "xf-question-format.h"
#include "xf-question-store.h"

G_BEGIN_DECLS

/* What reading a question file found, made in the reading thread. */
typedef struct
{
  XfQuestionParse *parse;
  GPtrArray       *previews;      /* XfQuestionPreview, one per question read */
  char           **problems;      /* each problem as one line */
  char           **notices;
  guint            n_duplicates;
} XfQuestionReadResult;

void                  xf_question_read_result_free          (XfQuestionReadResult  *result);

void                  xf_question_import_read_async         (GObject               *source,
                                                             const char            *db_path,
                                                             const char            *path,
                                                             XfQuestionFormat       format,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
XfQuestionReadResult *xf_question_import_read_finish        (GAsyncResult          *result,
                                                             GError               **error);
void                  xf_question_import_run_async          (GObject               *source,
                                                             const char            *db_path,
                                                             XfQuestionParse       *parse,
                                                             const char            *bank_title,
                                                             XfQuestionImportFlags  flags,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              xf_question_import_run_finish         (GAsyncResult          *result,
                                                             XfQuestionImportReport *report,
                                                             GError               **error);
char                 *xf_question_import_default_bank_title (XfQuestionParse       *parse);
void                  xf_question_import_add_filters        (GtkFileChooser        *chooser);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XfQuestionReadResult, xf_question_read_result_free)

G_END_DECLS
