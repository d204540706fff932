/* xf-practice-page-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-practice-page.h"
#include "xf-study-time.h"
#include "xf-study-timer.h"

G_BEGIN_DECLS

struct _XfPracticePage
{
  GtkWidget      parent_instance;

  XfDatabase    *database;
  GCancellable  *cancellable;
  XfStudyTimer  *timer;          /* study time, while questions show */
  GPtrArray     *sources;        /* XfPracticeSource offered, in the combo row's order */
  GPtrArray     *questions;      /* XfQuestion of the session */
  GPtrArray     *wrong;          /* XfQuestion answered wrong in the session */
  GHashTable    *in_book;        /* question UUID → whether it is in the 错题本 after its answer */
  GPtrArray     *option_buttons; /* GtkToggleButton of the question shown */
  char          *session;
  char          *pending;        /* the answer being saved, for a retry */
  guint          index;
  guint          n_right;
  guint          n_wrong;
  gint64         shown_at;       /* monotonic µs the question was shown */
  gboolean       busy;
  gboolean       answered;       /* the feedback of the question shown is up */

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *empty_page;
  AdwComboRow   *source_row;
  GtkSpinButton *count_spin;
  GtkButton     *start_button;
  GtkLabel      *progress_label;
  GtkLabel      *score_label;
  GtkLabel      *stem_label;
  GtkBox        *options_box;
  GtkEntry      *fill_entry;
  GtkLabel      *hint_label;
  GtkBox        *feedback_box;
  GtkLabel      *verdict_label;
  GtkLabel      *key_label;
  GtkLabel      *explanation_label;
  GtkBox        *articles_box;
  GtkLabel      *book_label;
  GtkButton     *retry_button;
  GtkButton     *check_button;
  GtkButton     *next_button;
  AdwStatusPage *summary_page;
  GtkButton     *again_button;
};

XfQuestion *xf_practice_page_current_question (XfPracticePage *self);
void        xf_practice_page_update_progress  (XfPracticePage *self);
void        xf_practice_page_clear_articles   (XfPracticePage *self);
void        xf_practice_page_set_busy         (XfPracticePage *self,
                                               gboolean        busy);

/* xf-practice-page-answer.c */
void        xf_practice_page_save_answer      (XfPracticePage *self);

G_END_DECLS
