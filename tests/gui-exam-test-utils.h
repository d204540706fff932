/* gui-exam-test-utils.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gui-test-utils.h"
#include "xf-application.h"
#include "xf-exam-results.h"
#include "xf-exam-store.h"
#include "xf-exam-view.h"
#include "xf-exams-page.h"
#include "xf-profile-manager.h"
#include "xf-question-store.h"
#include "xf-window.h"

G_BEGIN_DECLS

/* A profile of 王晓明 in a temporary folder, holding the shipped content,
 * and the window that shows its exams */
typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfExamsPage      *page;
  XfExamView       *view;
  gboolean          real_keys;
} ExamTestFixture;

/* What a question of the view shows: its answer, whether it is the
 * current one, whether it is flagged */
typedef struct
{
  XfExamView *view;
  guint       index;
  const char *answer;
} ExamTestAnswerQuery;

typedef struct
{
  GtkLabel   *label;
  const char *text;
} ExamTestLabelQuery;

gboolean    exam_test_init                (int                 *argc,
                                           char              ***argv,
                                           const char          *language);

XfProfile  *exam_test_profile_set_up      (const char          *dir_template,
                                           gboolean             content,
                                           char               **dir,
                                           XfProfileManager   **manager,
                                           XfDatabase         **db);
void        exam_test_profile_tear_down   (char               **dir,
                                           XfProfileManager   **manager,
                                           XfDatabase         **db);
void        exam_test_destroy_toplevels   (void);
gpointer    exam_test_find_toplevel       (GType                type,
                                           gboolean             visible_only);
gpointer    exam_test_template_child      (gpointer             widget,
                                           GType                type,
                                           const char          *name);
void        exam_test_present_window      (XfProfileManager    *manager,
                                           XfApplication       *app,
                                           const char          *page_name,
                                           gpointer            *window);

void        exam_test_fixture_set_up      (ExamTestFixture     *f,
                                           gconstpointer        data);
void        exam_test_fixture_tear_down   (ExamTestFixture     *f,
                                           gconstpointer        data);

gboolean    exam_test_page_read           (gpointer             page);
gboolean    exam_test_view_answering      (gpointer             view);
gboolean    exam_test_answer_saved        (gpointer             query);
gboolean    exam_test_current_is          (gpointer             query);
gboolean    exam_test_flagged             (gpointer             query);
gboolean    exam_test_is_null             (gpointer             location);
gboolean    exam_test_results_shown       (gpointer             results);
gboolean    exam_test_label_has           (gpointer             query);

void        exam_test_open_window         (ExamTestFixture     *f);
void        exam_test_open_window_of      (ExamTestFixture     *f,
                                           XfApplication       *app);
XfExam     *exam_test_practice_exam       (ExamTestFixture     *f);
XfAttempt  *exam_test_read_attempt        (ExamTestFixture     *f,
                                           const char          *uuid);
XfAttempt  *exam_test_start               (ExamTestFixture     *f,
                                           const char          *exam_uuid);
void        exam_test_resume              (ExamTestFixture     *f,
                                           const char          *attempt_uuid);
gpointer    exam_test_view_child          (ExamTestFixture     *f,
                                           const char          *name);
GtkWindow  *exam_test_wait_for_dialog     (void);
void        exam_test_show_paper          (XfExamView          *view);
GtkWidget  *exam_test_paper_card          (ExamTestFixture     *f,
                                           guint                index);

char       *exam_test_right_answer        (XfExamItem          *item,
                                           XfQuestion          *question);
char       *exam_test_wrong_answer        (XfExamItem          *item,
                                           XfQuestion          *question);
guint       exam_test_key_for             (XfExamItem          *item,
                                           char                 letter,
                                           gboolean             digits);
void        exam_test_press               (ExamTestFixture     *f,
                                           guint                keyval,
                                           GdkModifierType      modifiers);
void        exam_test_answer_by_keys      (ExamTestFixture     *f,
                                           guint                index,
                                           XfExamItem          *item,
                                           const char          *answer,
                                           gboolean             digits);

char       *exam_test_add_question        (XfDatabase          *db,
                                           gint64               bank_id,
                                           XfQuestionType       type,
                                           const char          *stem,
                                           const char * const  *options,
                                           const char          *answer);
void        exam_test_add_fixed           (XfExam              *exam,
                                           const char          *question,
                                           double               score);

G_END_DECLS
