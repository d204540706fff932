/* xf-law-importer.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"

G_BEGIN_DECLS

/* Files larger than this are refused unread. */
#define XF_LAW_IMPORTER_MAX_FILE_SIZE ((goffset)100 * 1024 * 1024)

typedef enum
{
  XF_LAW_IMPORT_PROBLEM_UNREADABLE,
  XF_LAW_IMPORT_PROBLEM_TOO_LARGE,
  XF_LAW_IMPORT_PROBLEM_EMPTY,
  XF_LAW_IMPORT_PROBLEM_BINARY,
  XF_LAW_IMPORT_PROBLEM_ENCODING,
  XF_LAW_IMPORT_PROBLEM_TRUNCATED,
  XF_LAW_IMPORT_PROBLEM_NO_ARTICLES,
} XfLawImportProblemKind;

/* One imported file. */
typedef struct
{
  char   *path;
  char   *law_title;
  char   *part;           /* 物权编 for a 民法典 part file, else NULL */
  guint   article_count;  /* the articles this file brought */
  gint64  law_id;
} XfLawImportFile;

/* One file that was not imported, and why. */
typedef struct
{
  char                   *path;
  guint                   line;    /* 1-based, 0 where no line applies */
  XfLawImportProblemKind  kind;
  char                   *reason; /* localised */
} XfLawImportProblem;

/* Something worth telling about a file that did import. */
typedef struct
{
  char *path;
  char *message;                  /* localised */
} XfLawImportNotice;

/**
 * XfLawImportProgressFunc:
 * @done_bytes: work done so far
 * @total_bytes: all the work
 * @user_data: the data given to xf_law_importer_set_progress_func()
 *
 * Reports progress in bytes of input: every file counts once when it is read
 * and parsed and once when it is written, so @total_bytes is twice the size
 * of the input. May be called from the thread running the import.
 */
typedef void (*XfLawImportProgressFunc) (guint64  done_bytes,
                                         guint64  total_bytes,
                                         gpointer user_data);

#define XF_TYPE_LAW_IMPORTER (xf_law_importer_get_type ())

G_DECLARE_FINAL_TYPE (XfLawImporter, xf_law_importer, XF, LAW_IMPORTER, GObject)

XfLawImporter *xf_law_importer_new               (XfDatabase              *db);
void           xf_law_importer_add_path          (XfLawImporter           *self,
                                                  const char              *path);
void           xf_law_importer_add_bytes         (XfLawImporter           *self,
                                                  const char              *name,
                                                  GBytes                  *bytes);
void           xf_law_importer_set_source        (XfLawImporter           *self,
                                                  const char              *source);
void           xf_law_importer_set_progress_func (XfLawImporter           *self,
                                                  XfLawImportProgressFunc  func,
                                                  gpointer                 user_data,
                                                  GDestroyNotify           destroy);
gboolean       xf_law_importer_run               (XfLawImporter           *self,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);
void           xf_law_importer_run_async         (XfLawImporter           *self,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
gboolean       xf_law_importer_run_finish        (XfLawImporter           *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
GPtrArray     *xf_law_importer_get_files         (XfLawImporter           *self);
GPtrArray     *xf_law_importer_get_problems      (XfLawImporter           *self);
GPtrArray     *xf_law_importer_get_notices       (XfLawImporter           *self);
guint          xf_law_importer_get_article_total (XfLawImporter           *self);
char          *xf_law_import_problem_format      (const XfLawImportProblem *problem);

G_END_DECLS
