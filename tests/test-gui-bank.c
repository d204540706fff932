/* test-gui-bank.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-test-utils.h"
#include "xf-article-picker.h"
#include "xf-bank-page.h"
#include "xf-gui-completion.h"
#include "xf-profile-manager.h"
#include "xf-question-editor.h"
#include "xf-question-list-model.h"
#include "xf-question-row.h"
#include "xf-question-store.h"
#include "xf-window.h"

/* The question bank page in a real window over a profile database in a
 * temporary folder, with questions the store wrote. */
typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfProfile        *profile;
  XfDatabase       *db;
  gint64            penalty_bank;
  gint64            civil_bank;
  gint64            ids[6];
  XfWindow         *window;
  XfBankPage       *page;
} Fixture;

static gint64
add_question (Fixture            *f,
              gint64              bank_id,
              XfQuestionType      type,
              const char         *stem,
              const char * const *options,
              const char         *answer,
              const char         *category,
              const char * const *tags,
              const char         *law,
              guint               article)
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
  xf_question_set_category (question, category);
  if (tags != NULL)
    xf_question_set_tags (question, tags);
  if (law != NULL)
    xf_question_add_link (question, law, article, 0);
  g_assert_true (xf_question_store_add (f->db, bank_id, question, &error));
  g_assert_no_error (error);
  return xf_question_get_id (question);
}

static void
add_questions (Fixture *f)
{
  g_autoptr(XfQuestionBank) penalty = NULL;
  g_autoptr(XfQuestionBank) civil = NULL;
  g_autoptr(GError) error = NULL;
  const char * const lighter[] = { "从轻处罚", "减轻处罚", "不予行政处罚", "警告", NULL };
  const char * const reasons[] = { "主动消除或者减轻违法行为危害后果的", "受他人胁迫或者诱骗实施违法行为的",
                                   "初次违法的", "经济困难的", NULL };
  const char * const ages[] = { "八周岁", "十六周岁", "十八周岁", NULL };
  const char * const tags_2026[] = { "行政处罚", "2026", NULL };
  const char * const tags_penalty[] = { "行政处罚", NULL };
  const char * const tags_civil[] = { "民法典", "2026", NULL };

  penalty = xf_question_store_ensure_bank (f->db, "行政法题库", &error);
  g_assert_no_error (error);
  civil = xf_question_store_ensure_bank (f->db, "民法题库", &error);
  g_assert_no_error (error);
  f->penalty_bank = xf_question_bank_get_id (penalty);
  f->civil_bank = xf_question_bank_get_id (civil);

  f->ids[0] = add_question (f, f->penalty_bank, XF_QUESTION_SINGLE,
                            "违法行为轻微并及时改正，没有造成危害后果的，应当如何处理？",
                            lighter, "C", "行政法/行政处罚", tags_2026, "中华人民共和国行政处罚法", 33);
  f->ids[1] = add_question (f, f->penalty_bank, XF_QUESTION_MULTIPLE,
                            "当事人有下列哪些情形的，应当从轻或者减轻行政处罚？",
                            reasons, "AB", "行政法/行政处罚", tags_penalty, "行政处罚法", 32);
  f->ids[2] = add_question (f, f->penalty_bank, XF_QUESTION_TRUE_FALSE,
                            "行政处罚是指行政机关依法对违反行政管理秩序的公民予以惩戒的行为。",
                            NULL, "T", "行政法", NULL, "中华人民共和国行政处罚法", 2);
  f->ids[3] = add_question (f, f->penalty_bank, XF_QUESTION_FILL,
                            "制定行政处罚法，是为了规范行政处罚的____和实施。",
                            NULL, "设定", "行政法", NULL, NULL, 0);
  f->ids[4] = add_question (f, f->civil_bank, XF_QUESTION_ESSAY,
                            "简述民事主体从事民事活动应当遵循的基本原则。",
                            NULL, "平等、自愿、公平、诚信、守法和不违背公序良俗、绿色原则。",
                            "民法/总则", tags_civil, "中华人民共和国民法典", 4);
  f->ids[5] = add_question (f, f->civil_bank, XF_QUESTION_SINGLE,
                            "不满多少周岁的未成年人为无民事行为能力人？",
                            ages, "A", "民法/总则", tags_civil, "中华人民共和国民法典", 20);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean with_questions = GPOINTER_TO_INT (data);

  f->dir = g_dir_make_tmp ("xf-bank-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", f->dir, TRUE);

  f->manager = xf_profile_manager_new (f->dir);
  f->profile = g_object_ref (xf_profile_manager_create (f->manager, "王晓明", &error));
  g_assert_no_error (error);
  path = xf_profile_manager_dup_database_path (f->manager, f->profile);
  f->db = xf_database_open (path, &error);
  g_assert_no_error (error);
  xf_test_skip_default_content (f->db);
  xf_test_insert_sample_law (f->db, "中华人民共和国行政处罚法", "2021-01-22");
  if (with_questions)
    add_questions (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Editors and dialogs a failed test left open. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  xf_test_iterate (50);
  g_clear_object (&f->db);
  g_clear_object (&f->profile);
  g_clear_object (&f->manager);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
page_ready (gpointer data)
{
  return !xf_bank_page_get_loading (data);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (xf_bank_page_get_questions (f->page));
}

/* Opens the window on the bank page and waits for the index. */
static void
open_bank (Fixture *f)
{
  AdwViewStack *stack;

  f->window = xf_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->window, 5000));

  stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, FALSE));
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (stack, "bank");
  f->page = XF_BANK_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_BANK_PAGE, FALSE));
  g_assert_nonnull (f->page);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->page, 5000));
  xf_test_iterate (20);
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), XF_TYPE_BANK_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
visible_state (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f, "stack"));
}

static const char *
status_text (Fixture *f)
{
  return gtk_label_get_text (child (f, "status_label"));
}

/* Chooses the entry of a filter's dropdown that reads @text. */
static void
choose (Fixture    *f,
        const char *dropdown,
        const char *text)
{
  GtkDropDown *drop_down = child (f, dropdown);
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }
  g_error ("“%s” is not a choice of %s", text, dropdown);
}

typedef struct
{
  Fixture *f;
  guint    n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *count = data;
  return n_listed (count->f) == count->n;
}

static void
assert_listed (Fixture *f,
               guint    n)
{
  Count count = { f, n };

  if (!xf_test_wait_for (count_is, &count, 5000))
    g_error ("%u questions listed, %u expected", n_listed (f), n);
}

static void
search (Fixture    *f,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), text);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} RowText;

/* Whether a row on screen shows @text. Rows draw their text. */
static gboolean
find_row_text (GtkWidget  *widget,
               const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (XF_IS_QUESTION_ROW (widget))
    {
      g_autofree char *shown = xf_question_row_dup_text (XF_QUESTION_ROW (widget));
      return strstr (shown, text) != NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_row_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
row_shows (gpointer data)
{
  RowText *row = data;
  return find_row_text (row->root, row->text);
}

static void
assert_row_shown (Fixture    *f,
                  const char *text)
{
  RowText row = { GTK_WIDGET (f->page), text };

  if (!xf_test_wait_for (row_shows, &row, 5000))
    g_error ("No row shows “%s”", text);
}

static gboolean
is_listed (Fixture *f,
           gint64   id)
{
  XfQuestionListModel *model = XF_QUESTION_LIST_MODEL (xf_bank_page_get_questions (f->page));
  return xf_question_list_model_find (model, id) != G_MAXUINT;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(XfQuestion) first = NULL;
  GtkWidget *question_view;

  open_bank (f);
  assert_listed (f, 6);
  g_assert_cmpstr (status_text (f), ==, "Showing 6 of 6 questions");
  g_assert_cmpstr (visible_state (f), ==, "list");

  /* Rows read their question when they show. */
  question_view = child (f, "question_view");
  g_assert_true (XF_IS_QUESTION_LIST_MODEL (xf_bank_page_get_questions (f->page)));
  first = g_list_model_get_item (xf_bank_page_get_questions (f->page), 0);
  g_assert_cmpint (xf_question_get_id (first), ==, f->ids[0]);
  g_assert_nonnull (xf_test_find_widget (question_view, XF_TYPE_QUESTION_ROW, TRUE));
  assert_row_shown (f, "违法行为轻微并及时改正");
  assert_row_shown (f, "《行政处罚法》第三十三条");
  assert_row_shown (f, "行政法/行政处罚\n行政处罚 2026\n");

  choose (f, "type_dropdown", "Single choice");
  assert_listed (f, 2);
  g_assert_true (is_listed (f, f->ids[0]) && is_listed (f, f->ids[5]));
  choose (f, "type_dropdown", "True or false");
  assert_listed (f, 1);
  g_assert_true (is_listed (f, f->ids[2]));
  choose (f, "type_dropdown", "All types");
  assert_listed (f, 6);

  /* A category holds its sub-categories. */
  choose (f, "category_dropdown", "行政法");
  assert_listed (f, 4);
  choose (f, "category_dropdown", "行政法/行政处罚");
  assert_listed (f, 2);
  g_assert_cmpstr (status_text (f), ==, "Showing 2 of 6 questions");
  /* A parent is a choice though no question sits in it directly. */
  choose (f, "category_dropdown", "民法");
  assert_listed (f, 2);
  choose (f, "category_dropdown", "All categories");

  choose (f, "tag_dropdown", "2026");
  assert_listed (f, 3);
  choose (f, "tag_dropdown", "All tags");

  /* Cited with or without 中华人民共和国, a statute is one choice. */
  choose (f, "law_dropdown", "行政处罚法");
  assert_listed (f, 3);
  g_assert_false (is_listed (f, f->ids[3]));
  choose (f, "law_dropdown", "All statutes");

  search (f, "从轻");
  assert_listed (f, 2);
  search (f, "ＴＯＴＡＬＬＹ不存在的题目");
  assert_listed (f, 0);
  g_assert_cmpstr (visible_state (f), ==, "no-matches");
  search (f, "");
  assert_listed (f, 6);

  /* A bank shows its own questions and counts. */
  choose (f, "bank_dropdown", "民法题库 (2)");
  assert_listed (f, 2);
  g_assert_cmpstr (status_text (f), ==, "Showing 2 of 2 questions");
  g_assert_cmpint (xf_question_bank_get_id (xf_bank_page_get_selected_bank (f->page)), ==, f->civil_bank);
  choose (f, "difficulty_dropdown", "Difficulty 3");
  assert_listed (f, 2);
  choose (f, "difficulty_dropdown", "Difficulty 4");
  assert_listed (f, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "bank.clear-filters", NULL);
  assert_listed (f, 2);
  choose (f, "bank_dropdown", "All banks (6)");
  assert_listed (f, 6);
  g_assert_null (xf_bank_page_get_selected_bank (f->page));

  {
    g_autoptr(GPtrArray) questions = xf_bank_page_dup_filtered_questions (f->page);

    g_assert_cmpuint (questions->len, ==, 6);
    g_assert_cmpstr (xf_question_get_stem (questions->pdata[4]), ==, "简述民事主体从事民事活动应当遵循的基本原则。");
  }
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  open_bank (f);
  assert_listed (f, 0);
  g_assert_cmpstr (visible_state (f), ==, "empty");
  xf_test_assert_label_shown (f->page, "The question bank is empty");
}

static XfQuestionEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (XF_IS_QUESTION_EDITOR (window))
        return XF_QUESTION_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_open (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return find_editor () == NULL;
}

static gpointer
editor_child (XfQuestionEditor *editor,
              const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (editor), XF_TYPE_QUESTION_EDITOR, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_stem (XfQuestionEditor *editor,
          const char       *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (editor, "stem_view")), text, -1);
}

static GtkWidget *
option_row (XfQuestionEditor *editor,
            guint             index)
{
  GtkWidget *row = gtk_widget_get_first_child (editor_child (editor, "options_list"));

  for (guint i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

/* The tick of option @index (0 for A). */
static GtkCheckButton *
option_check (XfQuestionEditor *editor,
              guint             index)
{
  return GTK_CHECK_BUTTON (xf_test_find_widget (option_row (editor, index), GTK_TYPE_CHECK_BUTTON, FALSE));
}

static GtkEditable *
option_entry (XfQuestionEditor *editor,
              guint             index)
{
  return GTK_EDITABLE (xf_test_find_widget (option_row (editor, index), GTK_TYPE_ENTRY, FALSE));
}

static gboolean
can_save (XfQuestionEditor *editor)
{
  return gtk_widget_is_sensitive (editor_child (editor, "save_button"));
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(XfQuestion) stored = NULL;
  g_autoptr(XfQuestion) old = NULL;
  g_autoptr(XfQuestion) row_question = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionEditor *editor;
  const char *new_stem = "违法行为轻微并及时改正，没有造成危害后果的，行政机关应当如何处理？";

  open_bank (f);
  assert_listed (f, 6);

  /* Enter or a double click on a row activates it. */
  g_signal_emit_by_name (child (f, "question_view"), "activate", 0);
  g_assert_true (xf_test_wait_for (editor_open, NULL, 5000));
  editor = find_editor ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_null (xf_question_editor_get_problem (editor));
  g_assert_true (can_save (editor));
  g_assert_true (gtk_check_button_get_active (option_check (editor, 2)));

  set_stem (editor, new_stem);
  g_assert_true (can_save (editor));

  /* 多选 with one right option: Save goes off, and the reason shows. */
  adw_combo_row_set_selected (editor_child (editor, "type_row"), XF_QUESTION_MULTIPLE);
  g_assert_false (can_save (editor));
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==,
                   "A multiple-choice question needs at least two right options");
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "problem_label")), ==,
                   xf_question_editor_get_problem (editor));
  g_assert_true (gtk_revealer_get_reveal_child (editor_child (editor, "problem_revealer")));

  set_stem (editor, "   ");
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==, "The question has no text");
  set_stem (editor, new_stem);

  /* An empty option is no option. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-option", NULL);
  gtk_check_button_set_active (option_check (editor, 0), TRUE);
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==, "An option is empty");
  gtk_editable_set_text (option_entry (editor, 4), "申诫");
  g_assert_null (xf_question_editor_get_problem (editor));
  g_assert_true (can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));

  /* The edit is version 2; version 1 is kept as it was. */
  stored = xf_question_store_get (f->db, f->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xf_question_get_version (stored), ==, 2);
  g_assert_cmpstr (xf_question_get_stem (stored), ==, new_stem);
  g_assert_cmpint (xf_question_get_question_type (stored), ==, XF_QUESTION_MULTIPLE);
  g_assert_cmpstr (xf_question_get_answer (stored), ==, "AC");
  g_assert_cmpuint (xf_question_get_n_options (stored), ==, 5);
  g_assert_cmpstr (xf_question_get_option (stored, 4), ==, "申诫");
  g_assert_cmpuint (xf_question_get_n_links (stored), ==, 1);
  g_assert_true (xf_question_has_tag (stored, "2026"));

  old = xf_question_store_get_version (f->db, xf_question_get_uuid (stored), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xf_question_get_stem (old), ==, "违法行为轻微并及时改正，没有造成危害后果的，应当如何处理？");
  g_assert_cmpint (xf_question_get_question_type (old), ==, XF_QUESTION_SINGLE);

  /* The row shows the new text at once. */
  row_question = g_list_model_get_item (xf_bank_page_get_questions (f->page), 0);
  g_assert_cmpstr (xf_question_get_stem (row_question), ==, new_stem);
  assert_row_shown (f, "行政机关应当如何处理");
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  assert_listed (f, 6);
}

static void
test_single_choice_is_one (Fixture       *f,
                           gconstpointer  data)
{
  XfQuestionEditor *editor;

  open_bank (f);
  xf_bank_page_edit_question (f->page, f->ids[1]);
  g_assert_true (xf_test_wait_for (editor_open, NULL, 5000));
  editor = find_editor ();
  g_assert_true (gtk_check_button_get_active (option_check (editor, 0)));
  g_assert_true (gtk_check_button_get_active (option_check (editor, 1)));

  /* As 单选 the ticks are a radio group: one right option stays. */
  adw_combo_row_set_selected (editor_child (editor, "type_row"), XF_QUESTION_SINGLE);
  g_assert_true (gtk_check_button_get_active (option_check (editor, 0)));
  g_assert_false (gtk_check_button_get_active (option_check (editor, 1)));
  gtk_check_button_set_active (option_check (editor, 3), TRUE);
  g_assert_false (gtk_check_button_get_active (option_check (editor, 0)));
  g_assert_null (xf_question_editor_get_problem (editor));

  /* 判断 asks for 对 or 错 before it can be saved. */
  adw_combo_row_set_selected (editor_child (editor, "type_row"), XF_QUESTION_TRUE_FALSE);
  g_assert_false (can_save (editor));
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==,
                   "A true-or-false question needs the answer “true” or “false”");
  gtk_check_button_set_active (editor_child (editor, "false_check"), TRUE);
  g_assert_true (can_save (editor));

  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));
}

typedef struct
{
  XfArticlePicker *picker;
  guint            n;
} PickerCount;

static gboolean
picker_has (gpointer data)
{
  PickerCount *count = data;
  return xf_article_picker_get_n_results (count->picker) >= count->n;
}

static void
test_new_question_with_links (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) questions = NULL;
  XfQuestionEditor *editor;
  XfArticlePicker *picker;
  XfQuestion *added;
  PickerCount count;
  guint number, sub;

  open_bank (f);
  choose (f, "bank_dropdown", "民法题库 (2)");
  assert_listed (f, 2);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "bank.new-question", NULL);
  g_assert_true (xf_test_wait_for (editor_open, NULL, 5000));
  editor = find_editor ();
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==, "The question has no text");
  g_assert_false (can_save (editor));

  adw_combo_row_set_selected (editor_child (editor, "type_row"), XF_QUESTION_FILL);
  set_stem (editor, "对违法行为给予行政处罚的规定必须____；未经公布的，不得作为行政处罚的依据。");
  g_assert_cmpstr (xf_question_editor_get_problem (editor), ==, "An accepted answer is empty");
  gtk_editable_set_text (GTK_EDITABLE (xf_test_find_widget (editor_child (editor, "accepted_list"),
                                                           GTK_TYPE_ENTRY, FALSE)), "公布");
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "tags_entry")), "行政处罚，公开原则、行政处罚");
  g_assert_null (xf_question_editor_get_problem (editor));

  /* A citation as people type it finds its article at once. */
  picker = XF_ARTICLE_PICKER (gtk_menu_button_get_popover (editor_child (editor, "add_link_button")));
  xf_article_picker_search (picker, "行政处罚法第三十二条");
  g_assert_cmpuint (xf_article_picker_get_n_results (picker), >=, 1);
  g_assert_true (xf_article_picker_choose (picker, 0));

  /* Other words search the statutes' text. */
  xf_article_picker_search (picker, "不予行政处罚");
  count = (PickerCount) { picker, 1 };
  g_assert_true (xf_test_wait_for (picker_has, &count, 10000));
  g_assert_true (xf_article_picker_choose (picker, 0));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));

  questions = xf_question_store_load (f->db, f->civil_bank, NULL);
  g_assert_cmpuint (questions->len, ==, 3);
  added = questions->pdata[2];
  g_assert_cmpint (xf_question_get_question_type (added), ==, XF_QUESTION_FILL);
  g_assert_cmpstr (xf_question_get_accepted (added)[0], ==, "公布");
  g_assert_cmpuint (g_strv_length ((char **)xf_question_get_tags (added)), ==, 2);
  g_assert_cmpuint (xf_question_get_n_links (added), ==, 2);
  g_assert_cmpstr (xf_question_get_link (added, 0, &number, &sub), ==, "中华人民共和国行政处罚法");
  g_assert_cmpuint (number, ==, 32);
  g_assert_cmpstr (xf_question_get_link (added, 1, &number, &sub), ==, "中华人民共和国行政处罚法");
  g_assert_cmpuint (number, ==, 33);

  /* It shows in the bank at once, and stays once the index is rebuilt. */
  g_assert_true (is_listed (f, xf_question_get_id (added)));
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  assert_listed (f, 3);
  g_assert_cmpstr (status_text (f), ==, "Showing 3 of 3 questions");
}

static void
select_positions (Fixture *f,
                  guint    a,
                  guint    b)
{
  GtkSelectionModel *selection = xf_bank_page_get_selection (f->page);

  gtk_selection_model_unselect_all (selection);
  gtk_selection_model_select_item (selection, a, FALSE);
  gtk_selection_model_select_item (selection, b, FALSE);
}

/* A button acts when its click animation ends. */
static gboolean
store_has_six (gpointer data)
{
  Fixture *f = data;
  return xf_question_store_count (f->db, 0, NULL) == 6;
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *undo;

  open_bank (f);
  assert_listed (f, 6);
  select_positions (f, 1, 3);
  xf_test_assert_label_shown (f->page, "2 selected");

  /* Delete on the list deletes the selection. */
  g_assert_true (xf_test_activate_shortcut (child (f, "question_view"), GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_listed (f), ==, 4);
  g_assert_false (is_listed (f, f->ids[1]));
  g_assert_false (is_listed (f, f->ids[3]));
  g_assert_cmpuint (xf_question_store_count (f->db, 0, NULL), ==, 4);
  xf_test_assert_label_shown (f->window, "Deleted 2 questions");
  g_assert_cmpstr (gtk_label_get_text (child (f, "selection_label")), ==, "");
  /* The counts follow at once, before the banks are read again. */
  g_assert_cmpstr (status_text (f), ==, "Showing 4 of 4 questions");
  g_assert_false (gtk_widget_is_sensitive (xf_test_find_button (GTK_WIDGET (f->page), "bank.delete")));

  /* They stay gone once the index is rebuilt, whatever the filter. */
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  search (f, "处罚");
  assert_listed (f, 2);
  g_assert_false (is_listed (f, f->ids[1]));
  search (f, "");
  assert_listed (f, 4);
  g_assert_cmpstr (status_text (f), ==, "Showing 4 of 4 questions");

  /* An undo meant for another profile's database changes nothing here. */
  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), "win.undelete-questions",
                                      g_variant_new_parsed ("('/elsewhere/xuefa.db', [%x, %x])",
                                                            f->ids[1], f->ids[3]));
  xf_test_iterate (20);
  g_assert_cmpuint (xf_question_store_count (f->db, 0, NULL), ==, 4);

  /* The toast's button brings them back. */
  undo = xf_test_find_button (GTK_WIDGET (f->window), "win.undelete-questions");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_activate (undo));
  g_assert_true (xf_test_wait_for (store_has_six, f, 5000));
  g_assert_true (is_listed (f, f->ids[1]));
  g_assert_true (is_listed (f, f->ids[3]));
  g_assert_cmpuint (n_listed (f), ==, 6);
  g_assert_cmpstr (status_text (f), ==, "Showing 6 of 6 questions");
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  assert_listed (f, 6);
  g_assert_cmpstr (status_text (f), ==, "Showing 6 of 6 questions");
}

/* The open dialog holding the entry @name. */
static AdwMessageDialog *
find_dialog (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_object_get_data (window, name) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkEditable *
dialog_entry (AdwMessageDialog *dialog,
              const char       *name)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), name);

  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_widget_get_name (entry), ==, name);
  return GTK_EDITABLE (entry);
}

/* As a response's button does. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  xf_test_iterate (20);
}

static void
test_bulk_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(XfQuestion) first = NULL;
  g_autoptr(XfQuestion) second = NULL;
  g_autoptr(XfQuestion) untouched = NULL;
  AdwMessageDialog *dialog;

  open_bank (f);
  assert_listed (f, 6);
  select_positions (f, 0, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "bank.retag", NULL);
  dialog = find_dialog ("add-tags");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (dialog_entry (dialog, "add-tags"), "重点，必考");
  gtk_editable_set_text (dialog_entry (dialog, "remove-tags"), "2026");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  respond (dialog, "apply");

  first = xf_question_store_get (f->db, f->ids[0], NULL);
  second = xf_question_store_get (f->db, f->ids[1], NULL);
  g_assert_true (xf_question_has_tag (first, "重点") && xf_question_has_tag (first, "必考"));
  g_assert_true (xf_question_has_tag (first, "行政处罚"));
  g_assert_false (xf_question_has_tag (first, "2026"));
  g_assert_true (xf_question_has_tag (second, "重点") && xf_question_has_tag (second, "必考"));
  g_assert_cmpuint (xf_question_get_version (first), ==, 2);
  g_assert_true (gtk_selection_model_is_selected (xf_bank_page_get_selection (f->page), 0));
  g_assert_true (gtk_selection_model_is_selected (xf_bank_page_get_selection (f->page), 1));

  /* The new tag is a filter once the index is rebuilt. */
  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  choose (f, "tag_dropdown", "必考");
  assert_listed (f, 2);
  choose (f, "tag_dropdown", "All tags");
  assert_listed (f, 6);

  select_positions (f, 1, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "bank.recategorize", NULL);
  dialog = find_dialog ("category");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (dialog_entry (dialog, "category")), ==, "行政法/行政处罚");
  gtk_editable_set_text (dialog_entry (dialog, "category"), "行政法/行政处罚/从轻减轻");
  respond (dialog, "apply");

  g_clear_object (&second);
  second = xf_question_store_get (f->db, f->ids[1], NULL);
  untouched = xf_question_store_get (f->db, f->ids[0], NULL);
  g_assert_cmpstr (xf_question_get_category (second), ==, "行政法/行政处罚/从轻减轻");
  g_clear_object (&first);
  first = xf_question_store_get (f->db, f->ids[2], NULL);
  g_assert_cmpstr (xf_question_get_category (first), ==, "行政法/行政处罚/从轻减轻");
  g_assert_cmpstr (xf_question_get_category (untouched), ==, "行政法/行政处罚");

  g_assert_true (xf_test_wait_for (page_ready, f->page, 10000));
  choose (f, "category_dropdown", "行政法/行政处罚/从轻减轻");
  assert_listed (f, 2);
  choose (f, "category_dropdown", "行政法/行政处罚");
  assert_listed (f, 3);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *focus;
  GtkWidget *delete;
  GtkWidget *edit;

  open_bank (f);
  assert_listed (f, 6);

  /* Ctrl+F on the bank's page searches the bank, not the statutes. */
  gtk_widget_grab_focus (child (f, "question_view"));
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_f, GDK_CONTROL_MASK));
  entry = child (f, "search_entry");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Deleting, editing and the bulk edits wait for a selection. */
  delete = xf_test_find_button (GTK_WIDGET (f->page), "bank.delete");
  edit = xf_test_find_button (GTK_WIDGET (f->page), "bank.edit");
  g_assert_false (gtk_widget_is_sensitive (delete));
  g_assert_false (gtk_widget_is_sensitive (edit));
  g_assert_false (xf_test_activate_shortcut (child (f, "question_view"), GDK_KEY_Delete, 0) &&
                  xf_question_store_count (f->db, 0, NULL) != 6);
  gtk_selection_model_select_item (xf_bank_page_get_selection (f->page), 2, TRUE);
  g_assert_true (gtk_widget_is_sensitive (delete));
  g_assert_true (gtk_widget_is_sensitive (edit));
  g_assert_true (gtk_widget_is_sensitive (xf_test_find_button (GTK_WIDGET (f->page), "bank.retag")));

  /* Edit… opens the selected question. */
  gtk_widget_activate (edit);
  g_assert_true (xf_test_wait_for (editor_open, NULL, 5000));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_editor ())), ==, "Edit the question");
  gtk_window_close (GTK_WINDOW (find_editor ()));
  g_assert_true (xf_test_wait_for (editor_closed, NULL, 5000));
}

static void
test_split_tags (void)
{
  g_auto(GStrv) tags = xf_gui_split_tags (" 行政处罚, 听证、2026；听证 ,, 必考;重点\n");
  g_auto(GStrv) none = xf_gui_split_tags ("， 、 ");
  const char * const expected[] = { "行政处罚", "听证", "2026", "必考", "重点", NULL };

  g_assert_cmpstrv (tags, expected);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!xf_test_have_display ())
    {
      g_test_init (&argc, &argv, NULL);
      g_test_skip ("No display: run the GUI tests under xvfb-run");
      return g_test_run ();
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui-bank/split-tags", test_split_tags);
  g_test_add ("/gui-bank/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/gui-bank/empty", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/gui-bank/edit", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/gui-bank/single-choice-is-one", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_single_choice_is_one, fixture_tear_down);
  g_test_add ("/gui-bank/new-question-with-links", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_new_question_with_links, fixture_tear_down);
  g_test_add ("/gui-bank/delete-and-undo", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/gui-bank/bulk-edits", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_bulk_edits, fixture_tear_down);
  g_test_add ("/gui-bank/keyboard", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_keyboard, fixture_tear_down);

  return g_test_run ();
}
