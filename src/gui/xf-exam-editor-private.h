/* xf-exam-editor-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-database.h"
#include "xf-exam-editor.h"

G_BEGIN_DECLS

struct _XfExamEditor
{
  AdwWindow        parent_instance;

  char            *db_path;
  XfDatabase      *database;        /* the main thread's, for the banks and saving */
  XfExam          *original;        /* the exam edited, or a new one */
  GtkStringList   *banks;           /* "any bank", then the banks' titles */
  char            *problem;         /* why Save is off; NULL when it is not */
  gboolean         filling;         /* fields are being set from an exam */

  /* The banks' check of the rules: its result holds for checked_rules */
  char            *checked_rules;
  char            *pending_rules;   /* a check is waiting or running for these */
  XfExam          *pending_exam;
  GPtrArray       *shortfalls;      /* char *: a message for each rule the banks cannot meet */
  char            *check_error;
  guint            check_source;
  GCancellable    *check_cancellable;

  GCancellable    *preview_cancellable;

  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *back_button;
  GtkWidget       *save_button;
  GtkWidget       *preview_button;
  GtkRevealer     *problem_revealer;
  GtkLabel        *problem_label;
  GtkStack        *page_stack;
  AdwEntryRow     *title_row;
  AdwEntryRow     *description_row;
  GtkSpinButton   *time_limit_spin;
  GtkSpinButton   *pass_mark_spin;
  GtkSpinButton   *attempts_spin;
  AdwComboRow     *counts_row;
  AdwEntryRow     *opens_row;
  AdwEntryRow     *closes_row;
  GtkSwitch       *shuffle_questions_switch;
  GtkSwitch       *shuffle_options_switch;
  AdwComboRow     *multiple_row;
  GtkSpinButton   *partial_spin;
  AdwEntryRow     *audience_row;
  GtkListBox      *rules_list;
  GtkLabel        *fixed_label;
  GtkLabel        *shortfall_label;
  GtkLabel        *total_label;
  GtkLabel        *preview_status;
  GtkBox          *preview_list;
};

/* xf-exam-editor-tasks.c: the work done away from the main thread */
char *xf_exam_editor_rules_key      (XfExam       *exam);
void  xf_exam_editor_schedule_check (XfExamEditor *self,
                                     XfExam       *exam);
void  xf_exam_editor_preview        (XfExamEditor *self,
                                     XfExam       *exam);
void  xf_exam_editor_cancel_tasks   (XfExamEditor *self);

/* xf-exam-editor.c */
void  xf_exam_editor_show_state     (XfExamEditor *self);

G_END_DECLS
