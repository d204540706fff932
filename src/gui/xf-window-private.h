/* xf-window-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-bank-page.h"
#include "xf-exam-results.h"
#include "xf-exam-view.h"
#include "xf-exams-page.h"
#include "xf-library-page.h"
#include "xf-lists-page.h"
#include "xf-mistakes-page.h"
#include "xf-study-page.h"
#include "xf-practice-page.h"
#include "xf-stats-page.h"
#include "xf-search-page.h"
#include "xf-welcome-page.h"
#include "xf-window.h"

G_BEGIN_DECLS

struct _XfWindow
{
  AdwApplicationWindow  parent_instance;

  XfProfileManager     *manager;
  XfProfile            *profile;
  XfDatabase           *database;
  GSettings            *settings;
  GBinding             *name_binding;
  GCancellable         *cancellable;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *main_box;
  XfWelcomePage        *welcome_page;
  GtkMenuButton        *profile_button;
  GtkLabel             *profile_label;
  GMenu                *profiles_section;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  XfLibraryPage        *library_page;
  XfListsPage          *lists_page;
  XfBankPage           *bank_page;
  XfExamsPage          *exams_page;
  XfMistakesPage       *mistakes_page;
  XfStudyPage          *study_page;
  XfPracticePage       *practice_page;
  XfSearchPage         *search_page;
  GtkWindow            *stats_window;  /* (nullable) the study statistics, while open */
  XfExamView           *exam_view;
  XfExamResults        *exam_results;

  /* The window closes once the attempt it was closed on is submitted,
   * or left to continue later. */
  gboolean              close_after_exam;
  GtkWidget            *close_dialog;
};

void xf_window_class_add_actions (GtkWidgetClass *widget_class);
void xf_window_add_shortcuts     (XfWindow       *self);
void xf_window_actions_update    (XfWindow       *self);
void xf_window_update_profiles   (XfWindow       *self);
void xf_window_end_search        (XfWindow       *self);

/* xf-window-exams.c */
void     xf_window_class_add_exam_actions (GtkWidgetClass *widget_class);
gboolean xf_window_get_in_exam            (XfWindow       *self);
gboolean xf_window_exam_close_request     (XfWindow       *self);

/* xf-window-practice.c */
void     xf_window_class_add_practice_actions (GtkWidgetClass *widget_class);

G_END_DECLS
