/* xf-question-store.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xf-database.h"
#include "xf-question.h"
#include "xf-question-bank.h"
#include "xf-question-format.h"

G_BEGIN_DECLS

typedef enum
{
  XF_QUESTION_IMPORT_NONE            = 0,
  XF_QUESTION_IMPORT_DRY_RUN         = 1 << 0,  /* check and count; write nothing */
  XF_QUESTION_IMPORT_KEEP_DUPLICATES = 1 << 1,  /* import questions the store already has */
  XF_QUESTION_IMPORT_BUILTIN         = 1 << 2,  /* the bank is shipped content */
} XfQuestionImportFlags;

/* What an import did (or, in a dry run, would do). */
typedef struct
{
  guint      imported;     /* new questions */
  guint      updated;      /* questions of the same UUID whose content changed: a new version */
  guint      duplicates;   /* questions already in the store (same stem and options) */
  guint      skipped;      /* not imported: duplicates skipped, unchanged, and problems */
  gint64     bank_id;      /* the bank written to (0 in a dry run of a new bank) */
  GPtrArray *duplicate_notices;  /* XfQuestionProblem: each duplicate with its line */
} XfQuestionImportReport;

void            xf_question_import_report_clear (XfQuestionImportReport *report);

/* Banks */
GListModel     *xf_question_store_list_banks     (XfDatabase             *db,
                                                  GError                **error);
XfQuestionBank *xf_question_store_get_bank       (XfDatabase             *db,
                                                  const char             *uuid_or_title,
                                                  GError                **error);
XfQuestionBank *xf_question_store_ensure_bank    (XfDatabase             *db,
                                                  const char             *title,
                                                  GError                **error);
gboolean        xf_question_store_delete_bank    (XfDatabase             *db,
                                                  gint64                  bank_id,
                                                  GError                **error);

/* Questions */
XfQuestion     *xf_question_store_get            (XfDatabase             *db,
                                                  gint64                  id,
                                                  GError                **error);
XfQuestion     *xf_question_store_get_by_uuid    (XfDatabase             *db,
                                                  const char             *uuid,
                                                  GError                **error);
XfQuestion     *xf_question_store_get_version    (XfDatabase             *db,
                                                  const char             *uuid,
                                                  guint                   version,
                                                  GError                **error);
GPtrArray      *xf_question_store_load           (XfDatabase             *db,
                                                  gint64                  bank_id,
                                                  GError                **error);
guint           xf_question_store_count          (XfDatabase             *db,
                                                  gint64                  bank_id,
                                                  GError                **error);
gboolean        xf_question_store_add            (XfDatabase             *db,
                                                  gint64                  bank_id,
                                                  XfQuestion             *question,
                                                  GError                **error);
gboolean        xf_question_store_update         (XfDatabase             *db,
                                                  XfQuestion             *question,
                                                  GError                **error);
gboolean        xf_question_store_delete         (XfDatabase             *db,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  GError                **error);
gboolean        xf_question_store_undelete       (XfDatabase             *db,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  GError                **error);
gboolean        xf_question_store_purge_deleted  (XfDatabase             *db,
                                                  GError                **error);
gboolean        xf_question_store_retag          (XfDatabase             *db,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  const char * const     *add,
                                                  const char * const     *remove,
                                                  GError                **error);
gboolean        xf_question_store_recategorize   (XfDatabase             *db,
                                                  const gint64           *ids,
                                                  guint                   n_ids,
                                                  const char             *category,
                                                  GError                **error);
gint64          xf_question_store_find_duplicate (XfDatabase             *db,
                                                  XfQuestion             *question,
                                                  GError                **error);

/* Import */
gboolean        xf_question_store_import         (XfDatabase             *db,
                                                  XfQuestionParse        *parse,
                                                  const char             *bank_title,
                                                  XfQuestionImportFlags   flags,
                                                  XfQuestionImportReport *report,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
XfQuestionParse *xf_question_store_import_file   (XfDatabase             *db,
                                                  const char             *path,
                                                  XfQuestionFormat        format,
                                                  const char             *bank_title,
                                                  XfQuestionImportFlags   flags,
                                                  XfQuestionImportReport *report,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
guint           xf_question_store_link_by_answer (XfDatabase             *db,
                                                  XfQuestionParse        *parse,
                                                  const char             *law_title,
                                                  GError                **error);
gint64          xf_question_store_resolve_link   (XfDatabase             *db,
                                                  XfQuestion             *question,
                                                  guint                   index,
                                                  GError                **error);
GPtrArray      *xf_question_store_load_articles  (XfDatabase             *db,
                                                  XfQuestion             *question,
                                                  GError                **error);

G_END_DECLS
