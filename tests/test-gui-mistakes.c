/* test-gui-mistakes.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "gui-exam-test-utils.h"
#include "xf-mistake-store.h"
#include "xf-mistakes-page.h"

/* The 错题本 page in a real window: mistakes put in through the core are
 * listed newest first; one is taken out with the Delete key and put back
 * with the toast's Undo; the book is cleared after a confirmation; a
 * mistake made while another page shows appears when the page shows
 * again. The store is checked after each step. */

#define N_QUESTIONS 3

typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfDatabase       *db;
  XfWindow         *window;
  XfMistakesPage   *page;
  AdwViewStack     *stack;
  char             *uuids[N_QUESTIONS + 1];
  gboolean          real_keys;
} Fixture;

static const char *stems[N_QUESTIONS] = {
  "行政机关实施行政处罚，应当遵循公正、公开的原则。",
  "违法行为在几年内未被发现的，不再给予行政处罚？",
  "下列属于行政处罚种类的有：",
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestionBank) bank = NULL;
  gint64 law;

  exam_test_profile_set_up ("xf-mistakes-gui-XXXXXX", FALSE, &f->dir, &f->manager, &f->db);

  /* The article the single-choice question tests */
  law = xf_test_insert_law (f->db, "中华人民共和国行政处罚法", "2021-01-22");
  xf_test_insert_article (f->db, law, 36, 0, "第三十六条 违法行为在二年内未被发现的，不再给予行政处罚。");

  bank = xf_question_store_ensure_bank (f->db, "行政处罚法题库", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      XfQuestionType type = i == 0 ? XF_QUESTION_TRUE_FALSE : i == 1 ? XF_QUESTION_SINGLE : XF_QUESTION_MULTIPLE;
      g_autoptr(XfQuestion) question = xf_question_new (type);
      const char *options[] = { "警告、通报批评", "罚款、没收违法所得", "暂扣许可证件", "行政拘留", NULL };
      const char *years[] = { "一年", "二年", "三年", "五年", NULL };

      xf_question_set_stem (question, stems[i]);
      if (type == XF_QUESTION_SINGLE)
        xf_question_set_options (question, years);
      else if (type == XF_QUESTION_MULTIPLE)
        xf_question_set_options (question, options);
      xf_question_set_answer (question, type == XF_QUESTION_TRUE_FALSE ? "T" : type == XF_QUESTION_SINGLE ? "B" : "ABCD");
      xf_question_set_explanation (question, "见《中华人民共和国行政处罚法》。");
      if (type == XF_QUESTION_SINGLE)
        {
          xf_question_add_link (question, "行政处罚法", 36, 0);
          xf_question_add_link (question, "行政处罚法", 999, 0);
        }
      g_assert_true (xf_question_store_add (f->db, xf_question_bank_get_id (bank), question, &error));
      g_assert_no_error (error);
      f->uuids[i] = g_strdup (xf_question_get_uuid (question));
      /* Answered wrong an hour apart: the last is the newest */
      g_assert_true (xf_mistake_store_record (f->db, f->uuids[i], 1, FALSE, type == XF_QUESTION_SINGLE ? "A" : "F",
                                              XF_MISTAKE_SOURCE_EXAM, NULL,
                                              g_get_real_time () - (gint64)(N_QUESTIONS - i) * 3600 * G_USEC_PER_SEC,
                                              &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  exam_test_profile_tear_down (&f->dir, &f->manager, &f->db);
  for (guint i = 0; i < N_QUESTIONS; i++)
    g_free (f->uuids[i]);
}

static gboolean
page_read (gpointer data)
{
  XfMistakesPage *page = data;

  return !xf_mistakes_page_get_loading (page) && g_strcmp0 (xf_mistakes_page_get_state (page), "loading") != 0;
}

typedef struct
{
  XfMistakesPage *page;
  const char     *uuids[N_QUESTIONS + 2];
} ShownQuery;

static gboolean
shows (gpointer data)
{
  ShownQuery *query = data;
  g_auto(GStrv) shown = xf_mistakes_page_dup_shown (query->page);

  return !xf_mistakes_page_get_loading (query->page) &&
         g_strv_equal ((const char * const *)shown, query->uuids);
}

static void
assert_shows (Fixture    *f,
              const char *first,
              ...)
{
  ShownQuery query = { f->page, { NULL } };
  const char *uuid = first;
  guint n = 0;
  va_list ap;

  va_start (ap, first);
  for (; uuid != NULL && n < N_QUESTIONS + 1; uuid = va_arg (ap, const char *))
    query.uuids[n++] = uuid;
  va_end (ap);
  if (!xf_test_wait_for (shows, &query, 10000))
    {
      g_auto(GStrv) shown = xf_mistakes_page_dup_shown (f->page);
      g_autofree char *text = g_strjoinv (", ", shown);
      g_autofree char *expected = g_strjoinv (", ", (char **)query.uuids);

      g_error ("The page shows [%s] (loading: %d), not [%s]", text, xf_mistakes_page_get_loading (f->page), expected);
    }
}

static void
open_window (Fixture *f)
{
  exam_test_present_window (f->manager, NULL, "mistakes", (gpointer *)&f->window);
  f->stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, FALSE));
  f->page = XF_MISTAKES_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_MISTAKES_PAGE, FALSE));
  g_assert_nonnull (f->page);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->page, 5000));
  g_assert_true (xf_test_wait_for (page_read, f->page, 10000));
  f->real_keys = xf_test_can_send_keys (GTK_WINDOW (f->window));
  g_test_message ("Keys go %s", f->real_keys ? "through the X server" : "to the page's key handling");
}

static gint
count_live (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint n = xf_mistake_store_count_live (f->db, &error);

  g_assert_no_error (error);
  return n;
}

static XfMistake *
get (Fixture    *f,
     const char *uuid)
{
  g_autoptr(GError) error = NULL;
  XfMistake *mistake = xf_mistake_store_get (f->db, uuid, &error);

  g_assert_no_error (error);
  return mistake;
}

/* The toast's Undo button, once it shows */
static GtkWidget *
find_undo (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), g_dgettext (GETTEXT_PACKAGE, "_Undo")) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_undo (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
undo_shown (gpointer data)
{
  return find_undo (data) != NULL;
}

static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(XfMistake) mistake = NULL;
  GtkWidget *undo;
  GtkWindow *dialog;

  open_window (f);
  g_assert_cmpstr (xf_mistakes_page_get_state (f->page), ==, "list");
  assert_shows (f, f->uuids[2], f->uuids[1], f->uuids[0], NULL);
  xf_test_assert_label_shown (f->page, "答对 0/3 天");

  /* Selected: the question with the right answer and its 解析 */
  g_assert_true (xf_mistakes_page_select (f->page, f->uuids[1]));
  g_assert_cmpstr (xf_mistakes_page_get_detail (f->page), ==, stems[1]);
  xf_test_assert_label_shown (f->page, "B. 二年");
  xf_test_assert_label_shown (f->page, "A. 一年");
  xf_test_assert_label_shown (f->page, "见《中华人民共和国行政处罚法》。");
  /* with the text of the article it tests, and the one the library lacks */
  xf_test_assert_label_shown (f->page, "违法行为在二年内未被发现的，不再给予行政处罚。");
  xf_test_assert_label_shown (f->page, "第九百九十九条（法规库中暂无此条文）");

  /* Delete takes it out; the store says by hand */
  xf_test_iterate (50);
  xf_test_send_key (xf_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, TRUE), f->real_keys, GDK_KEY_Delete, 0);
  assert_shows (f, f->uuids[2], f->uuids[0], NULL);
  g_assert_cmpint (count_live (f), ==, 2);
  mistake = get (f, f->uuids[1]);
  g_assert_cmpstr (mistake->removed_by, ==, XF_MISTAKE_REMOVED_PERSON);
  /* The next question is selected */
  g_assert_cmpstr (xf_mistakes_page_get_detail (f->page), ==, stems[0]);

  /* The toast's Undo puts it back as it was */
  g_assert_true (xf_test_wait_for (undo_shown, f->window, 5000));
  undo = find_undo (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate (undo));
  assert_shows (f, f->uuids[2], f->uuids[1], f->uuids[0], NULL);
  g_assert_cmpint (count_live (f), ==, 3);
  g_clear_pointer (&mistake, xf_mistake_free);
  mistake = get (f, f->uuids[1]);
  g_assert_true (xf_mistake_is_live (mistake));
  g_assert_cmpuint (mistake->times_wrong, ==, 1);

  /* A mistake made while another page shows is there when it shows again */
  adw_view_stack_set_visible_child_name (f->stack, "exams");
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->window, 1000));
  g_assert_true (xf_mistake_store_record (f->db, f->uuids[0], 1, FALSE, "F", XF_MISTAKE_SOURCE_EXAM, NULL,
                                          g_get_real_time (), NULL));
  adw_view_stack_set_visible_child_name (f->stack, "mistakes");
  assert_shows (f, f->uuids[0], f->uuids[2], f->uuids[1], NULL);
  xf_test_assert_label_shown (f->page, "答错 2 次");

  /* Clear All asks first; cancelled, nothing changes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "mistakes.clear", NULL));
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  dialog = xf_test_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  xf_test_iterate (100);
  g_assert_cmpint (count_live (f), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "mistakes.clear", NULL));
  g_assert_true (xf_test_wait_for (xf_test_message_dialog_shown, NULL, 5000));
  dialog = xf_test_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "clear");
  gtk_window_destroy (dialog);
  xf_test_iterate (100);
  g_assert_cmpint (count_live (f), ==, 0);
  g_assert_cmpstr (xf_mistakes_page_get_state (f->page), ==, "empty");
  xf_test_assert_label_shown (f->page, "考试中答错的题目会出现在这里");
}

static void
test_format (void)
{
  XfMistake mistake = { 0 };
  g_autofree char *progress = xf_format_mistake_progress (2);
  g_autofree char *summary = NULL;

  g_assert_cmpstr (progress, ==, "答对 2/3 天");
  mistake.times_wrong = 3;
  mistake.right_days = 1;
  mistake.source = (char *)XF_MISTAKE_SOURCE_EXAM;
  mistake.source_title = (char *)"2026年度学法用法模拟考试";
  mistake.last_wrong_at = g_get_real_time ();
  summary = xf_format_mistake_summary (&mistake, XF_QUESTION_MULTIPLE, TRUE);
  g_assert_true (g_str_has_prefix (summary, "多选 · 答错 3 次 · 答对 1/3 天 · "));
  g_assert_true (g_str_has_suffix (summary, " · 2026年度学法用法模拟考试"));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XUEFA_LOCALEDIR");

  if (!exam_test_init (&argc, &argv, NULL))
    return g_test_run ();

  /* The page's texts are checked in Chinese, as people read them */
  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/gui-mistakes/format", test_format);
  g_test_add ("/gui-mistakes/remove-undo-clear", Fixture, NULL, fixture_set_up, test_remove_undo, fixture_tear_down);

  return g_test_run ();
}
