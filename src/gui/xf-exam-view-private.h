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
  gboolean   flagged;  /* to come back to, as last asked */
  guint      flag_writes;
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
  guint               current;         /* the keys act on it; both layouts show it */
  guint               shown;           /* the one the single question's widgets hold, or G_MAXUINT */
  GPtrArray          *option_buttons;  /* GtkToggleButton of the question shown */
  GSettings          *settings;

  /* The whole paper: a XfExamPaperQuestion a question, made a few at a
   * time as the main loop is idle, from the first on. */
  gboolean            paper;
  GPtrArray          *cards;
  guint               scroll_id;       /* a tick callback bringing scroll_to to the top */
  guint               scroll_to;
  double              scroll_top;      /* where it was at the last layout */
  guint               scroll_layouts;
  GdkFrameClock      *layout_clock;
  gulong              layout_id;
  gboolean            leaving;         /* closing once the writes asked for are done */
  guint               leave_id;

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
  GtkStack           *layout_stack;
  GtkWidget          *bar;
  GtkScrolledWindow  *paper_scroller;
  GtkBox             *paper_box;
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
void        xf_exam_view_actions_update  (XfExamView *self);
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
void        xf_exam_view_set_flag        (XfExamView *self,
                                          guint       index,
                                          gboolean    flagged);
void        xf_exam_view_update_question (XfExamView *self,
                                          guint       index);
char       *xf_exam_view_describe_save   (XfExamView *self,
                                          guint       index,
                                          const char **icon_name,
                                          gboolean   *failed);
void        xf_exam_view_setup_input     (XfExamView *self);

/* xf-exam-view-paper.c */
void        xf_exam_view_set_current     (XfExamView *self,
                                          guint       index);
void        xf_exam_view_paper_build     (XfExamView *self);
void        xf_exam_view_paper_clear     (XfExamView *self);
void        xf_exam_view_paper_update    (XfExamView *self,
                                          guint       index);
void        xf_exam_view_paper_show_text (XfExamView *self);
void        xf_exam_view_paper_commit    (XfExamView *self);
void        xf_exam_view_paper_scroll_to (XfExamView *self,
                                          guint       index,
                                          gboolean    focus);
void        xf_exam_view_paper_reveal    (XfExamView *self,
                                          GtkWidget  *focus);
void        xf_exam_view_paper_setup     (XfExamView *self);
void        xf_exam_view_paper_root      (GtkWidget  *widget);
void        xf_exam_view_paper_unroot    (GtkWidget  *widget);
void        xf_exam_view_switch_layout_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);

G_END_DECLS
