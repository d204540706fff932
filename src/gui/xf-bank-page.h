/* xf-bank-page.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-question-bank.h"

G_BEGIN_DECLS

#define XF_TYPE_BANK_PAGE (xf_bank_page_get_type ())

G_DECLARE_FINAL_TYPE (XfBankPage, xf_bank_page, XF, BANK_PAGE, GtkWidget)

XfDatabase     *xf_bank_page_get_database           (XfBankPage    *self);
void            xf_bank_page_set_database           (XfBankPage    *self,
                                                     XfDatabase    *database);
gboolean        xf_bank_page_get_loading            (XfBankPage    *self);
void            xf_bank_page_reload                 (XfBankPage    *self);
XfQuestionBank *xf_bank_page_get_selected_bank      (XfBankPage    *self);
GPtrArray      *xf_bank_page_dup_filtered_questions (XfBankPage    *self);
GListModel     *xf_bank_page_get_questions          (XfBankPage    *self);
GtkSelectionModel *xf_bank_page_get_selection       (XfBankPage    *self);
void            xf_bank_page_focus_search           (XfBankPage    *self);
void            xf_bank_page_edit_question          (XfBankPage    *self,
                                                     gint64         id);
gboolean        xf_bank_page_undelete               (XfBankPage    *self,
                                                     const gint64  *ids,
                                                     guint          n_ids,
                                                     GError       **error);

G_END_DECLS
