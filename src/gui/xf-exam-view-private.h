/* xf-exam-view-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-exam-view.h"

G_BEGIN_DECLS

/* A question of the paper as the view holds it */
typedef struct
{
  char      *answer;   /* the latest given; the store may not have it yet */
  guint      writes;   /* answers sent to the store and not yet returned */
  char      *error;    /* why the last write failed */
  gboolean   flagged;  /* to come back to: kept in memory only */
  GtkWidget *sheet_button;
} XfExamViewQuestion;

struct _XfExamView
{
  GtkWidget           parent_instance;

  XfExamSession      *session;
  GCancellable       *cancellable;
  char               *attempt_uuid;
  XfExamViewQuestion *questions;
  guint               n_questions;
  guint               current;
  GPtrArray          *option_buttons;  /* GtkToggleButton of the question shown */

  gboolean            running;         /* an attempt is open and not submitted */
  gboolean            submitting;
  gboolean            warned;          /* the five-minute toast was shown */
  gboolean            updating;        /* widgets are being set from the answers */
  gboolean            tick_pending;
  guint               tick_id;
  guint               clock_id;
  guint               essay_save_id;

  AdwWindowTitle     *window_title;
  GtkWidget          *countdown_box;
  GtkLabel           *countdown_label;
  GtkStack           *stack;
  AdwStatusPage      *loading_page;
  GtkSpinner         *spinner;
  GtkScrolledWindow  *scroller;
  GtkLabel           *position_label;
  GtkLabel           *stem_label;
  GtkBox             *options_box;
  GtkEntry           *fill_entry;
  GtkWidget          *essay_scroller;
  GtkTextView        *essay_view;
  GtkImage           *save_icon;
  GtkLabel           *save_label;
  GtkToggleButton    *flag_button;
  GtkLabel           *progress_label;
  GtkGrid            *sheet_grid;
};

/* xf-exam-view.c */
void        xf_exam_view_toast           (XfExamView *self,
                                          const char *message);
void        xf_exam_view_over            (XfExamView *self,
                                          const char *message);

/* xf-exam-view-question.c */
XfExamItem *xf_exam_view_get_item        (XfExamView *self,
                                          guint       index);
void        xf_exam_view_show_question   (XfExamView *self,
                                          guint       index);
void        xf_exam_view_set_answer      (XfExamView *self,
                                          guint       index,
                                          const char *answer);
void        xf_exam_view_commit_text     (XfExamView *self);
void        xf_exam_view_build_sheet     (XfExamView *self);
void        xf_exam_view_clear_sheet     (XfExamView *self);
void        xf_exam_view_toggle_flag     (XfExamView *self);
void        xf_exam_view_setup_input     (XfExamView *self);

G_END_DECLS
