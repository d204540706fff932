/* gui-exam-test-utils.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-content.h"
#include "xf-exam-paper-question.h"

/* What the tests of exams in a real window share: a profile in a
 * temporary folder, the window on its exams page, the conditions they
 * wait on, and attempts taken from the keyboard. Keys go through the X
 * server (xdotool) when the display is an X server and the tool is there,
 * as a person's would; else they are handed to the view's own key
 * handling. */

/**
 * exam_test_init:
 * @language: (nullable): the LANGUAGE the strings checked are in
 *
 * Initializes GTK and libadwaita for a test that needs a display.
 *
 * Returns: %FALSE when there is no display: the tests are skipped, and
 *   g_test_run() says so
 */
gboolean
exam_test_init (int         *argc,
                char      ***argv,
                const char  *language)
{
  if (!xf_test_have_display ())
    {
      g_test_init (argc, argv, NULL);
      g_test_skip ("No display: run the GUI tests under xvfb-run");
      return FALSE;
    }

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

/**
 * exam_test_profile_set_up:
 * @content: whether the profile holds the shipped content, or none
 *
 * Makes a folder from @dir_template for the data, a profile of 王晓明 in
 * it and opens its database.
 *
 * Returns: (transfer none): the profile
 */
XfProfile *
exam_test_profile_set_up (const char        *dir_template,
                          gboolean           content,
                          char             **dir,
                          XfProfileManager **manager,
                          XfDatabase       **db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  XfProfile *profile;

  *dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", *dir, TRUE);
  *manager = xf_profile_manager_new (*dir);
  profile = xf_profile_manager_create (*manager, "王晓明", &error);
  g_assert_no_error (error);
  path = xf_profile_manager_dup_database_path (*manager, profile);
  *db = xf_database_open (path, &error);
  g_assert_no_error (error);
  if (content)
    {
      g_assert_true (xf_content_install_defaults (*db, NULL, &error));
      g_assert_no_error (error);
    }
  else
    xf_test_skip_default_content (*db);
  return profile;
}

void
exam_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      gtk_window_destroy (window);
    }
}

/* The windows go first: they hold the profile's database open */
void
exam_test_profile_tear_down (char             **dir,
                             XfProfileManager **manager,
                             XfDatabase       **db)
{
  exam_test_destroy_toplevels ();
  xf_test_iterate (100);
  g_clear_object (db);
  g_clear_object (manager);
  xf_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/**
 * exam_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): the first toplevel of @type, or of
 *   those the first visible one when @visible_only
 */
gpointer
exam_test_find_toplevel (GType    type,
                         gboolean visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && (!visible_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }
  return NULL;
}

/* The template child @name of @widget's class @type, which must be there */
gpointer
exam_test_template_child (gpointer    widget,
                          GType       type,
                          const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* Presents a window on the profiles of @manager and shows its page named
 * @page_name, if any; *@window is the window until it is destroyed */
void
exam_test_present_window (XfProfileManager *manager,
                          XfApplication    *app,
                          const char       *page_name,
                          gpointer         *window)
{
  *window = xf_window_new (app, manager);
  g_object_add_weak_pointer (G_OBJECT (*window), window);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1100, 720);
  gtk_window_present (GTK_WINDOW (*window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, *window, 5000));

  if (page_name != NULL)
    {
      AdwViewStack *stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (*window), ADW_TYPE_VIEW_STACK, FALSE));

      adw_view_stack_set_visible_child_name (stack, page_name);
    }
}

void
exam_test_fixture_set_up (ExamTestFixture *f,
                          gconstpointer    data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The layout is a setting: every test starts from the default */
  g_settings_reset (settings, "exam-layout");
  exam_test_profile_set_up ("xf-exam-gui-XXXXXX", TRUE, &f->dir, &f->manager, &f->db);
}

void
exam_test_fixture_tear_down (ExamTestFixture *f,
                             gconstpointer    data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
}

/* Conditions */

gboolean
exam_test_page_read (gpointer page)
{
  return !xf_exams_page_get_loading (page) && g_strcmp0 (xf_exams_page_get_state (page), "loading") != 0;
}

gboolean
exam_test_view_answering (gpointer view)
{
  return xf_exam_view_get_running (view) && g_strcmp0 (xf_exam_view_get_page (view), "question") == 0 &&
         xf_test_is_mapped (view);
}

gboolean
exam_test_answer_saved (gpointer data)
{
  ExamTestAnswerQuery *query = data;

  return g_strcmp0 (xf_exam_view_get_answer (query->view, query->index), query->answer) == 0 &&
         xf_exam_view_is_saved (query->view, query->index);
}

gboolean
exam_test_current_is (gpointer data)
{
  ExamTestAnswerQuery *query = data;

  return xf_exam_view_get_current (query->view) == query->index;
}

gboolean
exam_test_flagged (gpointer data)
{
  ExamTestAnswerQuery *query = data;

  return xf_exam_view_get_flagged (query->view, query->index);
}

/* For a weak pointer: whether its object went */
gboolean
exam_test_is_null (gpointer location)
{
  return *(gpointer *)location == NULL;
}

gboolean
exam_test_results_shown (gpointer results)
{
  return xf_test_is_mapped (results) && g_strcmp0 (xf_exam_results_get_page (results), "result") == 0;
}

gboolean
exam_test_label_has (gpointer data)
{
  ExamTestLabelQuery *query = data;

  return strstr (gtk_label_get_text (query->label), query->text) != NULL;
}

/* The window */

/* Opens a window of @app (or of none) on the profile and shows the exams */
void
exam_test_open_window_of (ExamTestFixture *f,
                          XfApplication   *app)
{
  exam_test_present_window (f->manager, app, "exams", (gpointer *)&f->window);
  f->page = XF_EXAMS_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAMS_PAGE, FALSE));
  f->view = XF_EXAM_VIEW (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_EXAM_VIEW, FALSE));
  g_assert_nonnull (f->page);
  g_assert_nonnull (f->view);
  g_assert_true (xf_test_wait_for (exam_test_page_read, f->page, 10000));

  f->real_keys = xf_test_can_send_keys (GTK_WINDOW (f->window));
  g_test_message ("Keys go %s", f->real_keys ? "through the X server" : "to the view's key handling");
}

void
exam_test_open_window (ExamTestFixture *f)
{
  exam_test_open_window_of (f, NULL);
}

/**
 * exam_test_practice_exam:
 *
 * Returns: (transfer full): the shipped exam of 70 questions
 */
XfExam *
exam_test_practice_exam (ExamTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  XfExam *exam = xf_exam_store_get (f->db, "2026年度学法用法模拟考试", &error);

  g_assert_no_error (error);
  return exam;
}

/* The attempt as the store has it, read on the test's own connection */
XfAttempt *
exam_test_read_attempt (ExamTestFixture *f,
                        const char      *uuid)
{
  g_autoptr(GError) error = NULL;
  XfAttempt *attempt = xf_exam_store_get_attempt (f->db, uuid, &error);

  g_assert_no_error (error);
  return attempt;
}

/* Clicks Start on the page and waits for the first question */
XfAttempt *
exam_test_start (ExamTestFixture *f,
                 const char      *exam_uuid)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (f->page), "win.start-exam", exam_uuid);
  XfAttempt *attempt;

  g_assert_cmpstr (xf_exams_page_get_state (f->page), ==, "list");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (xf_test_wait_for (exam_test_view_answering, f->view, 10000));

  attempt = exam_test_read_attempt (f, xf_exam_session_get_attempt (xf_exam_view_get_session (f->view))->uuid);
  g_assert_cmpint (attempt->state, ==, XF_ATTEMPT_IN_PROGRESS);
  return attempt;
}

/* Clicks Resume on the page and waits for the attempt to show */
void
exam_test_resume (ExamTestFixture *f,
                  const char      *attempt_uuid)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (f->page), "win.resume-exam", attempt_uuid);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (xf_test_wait_for (exam_test_view_answering, f->view, 10000));
}

/* The template child @name of the exam view */
gpointer
exam_test_view_child (ExamTestFixture *f,
                      const char      *name)
{
  return exam_test_template_child (f->view, XF_TYPE_EXAM_VIEW, name);
}

GtkWindow *
exam_test_wait_for_dialog (void)
{
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  return xf_test_find_message_dialog ();
}

static gboolean
layout_paper (gpointer view)
{
  return g_strcmp0 (xf_exam_view_get_layout (view), "paper") == 0;
}

/* Clicks 整卷 in the header */
void
exam_test_show_paper (XfExamView *view)
{
  GtkWidget *button = xf_test_find_action (GTK_WIDGET (view), "exam.layout", "paper");

  g_assert_nonnull (button);
  /* A button's click needs it realized; before, its action does */
  if (gtk_widget_get_realized (button))
    g_assert_true (gtk_widget_activate (button));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "exam.layout", "s", "paper"));
  g_assert_true (xf_test_wait_for (layout_paper, view, 5000));
}

/* The question @index of the whole paper, if it is made yet */
GtkWidget *
exam_test_paper_card (ExamTestFixture *f,
                      guint            index)
{
  GtkWidget *box = exam_test_template_child (f->view, XF_TYPE_EXAM_VIEW, "paper_box");
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

/* Answers */

/* The right answer in the letters shown */
char *
exam_test_right_answer (XfExamItem *item,
                        XfQuestion *question)
{
  GString *answer = g_string_new (NULL);

  if (item->type == XF_QUESTION_TRUE_FALSE)
    g_string_append (answer, xf_question_get_answer (question));
  for (guint i = 0; i < item->n_options; i++)
    if (xf_question_option_is_correct (question, item->order[i]))
      g_string_append_c (answer, (char)('A' + i));
  return g_string_free (answer, FALSE);
}

/* A wrong answer: another option, a right option short of all of them,
 * or the other of true and false */
char *
exam_test_wrong_answer (XfExamItem *item,
                        XfQuestion *question)
{
  g_autofree char *right = exam_test_right_answer (item, question);

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
      for (guint i = 0; i < item->n_options; i++)
        if (!xf_question_option_is_correct (question, item->order[i]))
          return g_strdup_printf ("%c", 'A' + i);
      g_assert_not_reached ();
    case XF_QUESTION_MULTIPLE:
      g_assert_cmpuint (strlen (right), >=, 2);
      return g_strndup (right, 1);
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (g_str_equal (right, "T") ? "F" : "T");
    default:
      g_assert_not_reached ();
    }
}

/* The key that gives @letter of an answer: A, B… or, with @digits, 1,
 * 2…; T/F or 1/2 for 判断 */
guint
exam_test_key_for (XfExamItem *item,
                   char        letter,
                   gboolean    digits)
{
  if (item->type == XF_QUESTION_TRUE_FALSE)
    return letter == 'T' ? (digits ? GDK_KEY_1 : GDK_KEY_t) : (digits ? GDK_KEY_2 : GDK_KEY_f);
  return (digits ? GDK_KEY_1 : GDK_KEY_a) + (guint)(letter - 'A');
}

void
exam_test_press (ExamTestFixture *f,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  xf_test_send_key (GTK_WIDGET (f->view), f->real_keys, keyval, modifiers);
}

/* Gives @answer to question @index from the keyboard, then waits until
 * the store has it */
void
exam_test_answer_by_keys (ExamTestFixture *f,
                          guint            index,
                          XfExamItem      *item,
                          const char      *answer,
                          gboolean         digits)
{
  ExamTestAnswerQuery query = { f->view, index, answer };

  for (const char *p = answer; *p != '\0'; p++)
    exam_test_press (f, exam_test_key_for (item, *p, digits), 0);
  if (!xf_test_wait_for (exam_test_answer_saved, &query, 10000))
    g_error ("Question %u shows “%s”, saved: %d; “%s” was typed", index + 1,
             xf_exam_view_get_answer (f->view, index), xf_exam_view_is_saved (f->view, index), answer);
}

/* Exams of questions added here */

/**
 * exam_test_add_question:
 * @options: (nullable): the options of a choice question
 * @answer: the right letters, T or F, the accepted answer of a 填空 or
 *   the reference text of a 简答
 *
 * Returns: (transfer full): the UUID of the question stored in the bank
 */
char *
exam_test_add_question (XfDatabase         *db,
                        gint64              bank_id,
                        XfQuestionType      type,
                        const char         *stem,
                        const char * const *options,
                        const char         *answer)
{
  g_autoptr(XfQuestion) question = xf_question_new (type);
  g_autoptr(GError) error = NULL;

  xf_question_set_stem (question, stem);
  if (options != NULL)
    xf_question_set_options (question, options);
  if (type == XF_QUESTION_FILL)
    xf_question_add_accepted (question, answer);
  else
    xf_question_set_answer (question, answer);
  g_assert_true (xf_question_store_add (db, bank_id, question, &error));
  g_assert_no_error (error);
  return g_strdup (xf_question_get_uuid (question));
}

void
exam_test_add_fixed (XfExam     *exam,
                     const char *question,
                     double      score)
{
  XfExamFixed *fixed = g_new0 (XfExamFixed, 1);

  fixed->question = g_strdup (question);
  fixed->score = score;
  g_ptr_array_add (exam->fixed, fixed);
}
