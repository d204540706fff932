/* xf-bank-page-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-bank-page.h"
#include "xf-question-index.h"
#include "xf-question-list-model.h"

G_BEGIN_DECLS

struct _XfBankPage
{
  GtkWidget            parent_instance;

  XfDatabase          *database;
  GListModel          *banks;            /* XfQuestionBank */
  XfQuestionIndex     *index;            /* NULL until the first one is built */
  XfQuestionListModel *questions;
  GCancellable        *cancellable;

  /* The page reads the banks when it is first shown, so a hidden page
   * costs nothing at start-up. */
  guint                load_tick;
  gboolean             stale;
  gboolean             loading;

  /* The index is rebuilt in a thread after every change; a change made
   * while one is built asks for another. Questions deleted since the index
   * was built stay hidden from filters until an index without them comes:
   * id → the change that hid them. */
  gboolean             building;
  gboolean             build_again;
  guint                change;
  GHashTable          *hidden;

  /* Counts change at once when questions are added or deleted; the next
   * index brings the banks as stored. Bank id → questions added (or
   * taken, below 0) since; 0 stands for a bank not known. */
  GHashTable          *deltas;
  GHashTable          *deleted_banks;    /* question id → the bank shown */

  gboolean             updating;         /* filter choices are being set */

  GtkDropDown         *bank_dropdown;
  GtkStringList       *bank_names;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *category_dropdown;
  GtkStringList       *category_names;
  GtkDropDown         *difficulty_dropdown;
  GtkDropDown         *tag_dropdown;
  GtkStringList       *tag_names;
  GtkDropDown         *law_dropdown;
  GtkStringList       *law_names;
  GtkStack            *stack;
  GtkGridView         *question_view;
  GtkMultiSelection   *selection;
  GtkLabel            *status_label;
  GtkLabel            *selection_label;
};

/* xf-bank-page.c */
void     xf_bank_page_apply_filter     (XfBankPage   *self);
void     xf_bank_page_update_status    (XfBankPage   *self);
void     xf_bank_page_update_choices   (XfBankPage   *self);
void     xf_bank_page_set_loading      (XfBankPage   *self,
                                        gboolean      loading);
void     xf_bank_page_show_error       (XfBankPage   *self,
                                        const GError *error);

/* xf-bank-page-index.c */
void     xf_bank_page_start_build      (XfBankPage   *self);
void     xf_bank_page_set_banks        (XfBankPage   *self,
                                        GListModel   *banks);
guint    xf_bank_page_count_questions  (XfBankPage   *self,
                                        gint64        bank_id);
void     xf_bank_page_add_to_count     (XfBankPage   *self,
                                        gint64        bank_id,
                                        int           delta);
void     xf_bank_page_changed          (XfBankPage   *self);
void     xf_bank_page_hide_ids         (XfBankPage   *self,
                                        const gint64 *ids,
                                        guint         n_ids);
void     xf_bank_page_show_ids         (XfBankPage   *self,
                                        const gint64 *ids,
                                        guint         n_ids);

/* xf-bank-page-actions.c */
void     xf_bank_page_class_add_actions (GtkWidgetClass *widget_class);
void     xf_bank_page_actions_update    (XfBankPage     *self);
GArray  *xf_bank_page_dup_selected_ids  (XfBankPage     *self);
void     xf_bank_page_refresh_ids       (XfBankPage     *self,
                                         GArray         *ids);

G_END_DECLS
