/* bench-bank.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The question bank page over a large bank: fills a new profile with the
 * shipped statutes and N generated questions (100 000 unless told), runs
 * Xuefa on it as main.c does, opens the 题库 page and times
 *
 *   index_ms    from showing the page until its index is built and listed
 *   main_thread_ms  each filter, as a person changes it: the index scan,
 *                   the list's update and the view's response to it; and
 *                   deleting a question and undoing it
 *   frame_ms        from the change until the next frame is painted
 *
 * Prints JSON. Run under a display: xvfb-run -a bench-bank [N]. With
 * XUEFA_BENCH_KEEP=DIR the profile is made in DIR once and kept. */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "test-utils.h"
#include "xf-application.h"
#include "xf-bank-page-private.h"
#include "xf-content.h"
#include "xf-list-item.h"
#include "xf-profile-manager.h"
#include "xf-question-store.h"
#include "xf-window-private.h"

typedef enum
{
  FILTER,
  DELETE,  /* the first question listed */
  UNDO,    /* the delete before */
} StepKind;

typedef struct
{
  const char *name;
  StepKind    kind;
  int         type;        /* -1: all */
  const char *category;    /* NULL: all */
  const char *tag;
  const char *law;
  const char *text;
} Step;

static const Step steps[] = {
  { "type 单选", FILTER, XF_QUESTION_SINGLE, NULL, NULL, NULL, "" },
  { "type 判断", FILTER, XF_QUESTION_TRUE_FALSE, NULL, NULL, NULL, "" },
  { "all", FILTER, -1, NULL, NULL, NULL, "" },
  { "category 行政法", FILTER, -1, "行政法", NULL, NULL, "" },
  { "category 行政法/行政处罚法", FILTER, -1, "行政法/行政处罚法", NULL, NULL, "" },
  { "all", FILTER, -1, NULL, NULL, NULL, "" },
  { "tag 必考", FILTER, -1, NULL, "必考", NULL, "" },
  { "law 行政处罚法", FILTER, -1, NULL, NULL, "行政处罚法", "" },
  { "all", FILTER, -1, NULL, NULL, NULL, "" },
  { "text 行", FILTER, -1, NULL, NULL, NULL, "行" },
  { "text 行政", FILTER, -1, NULL, NULL, NULL, "行政" },
  { "text 行政处", FILTER, -1, NULL, NULL, NULL, "行政处" },
  { "text 行政处罚", FILTER, -1, NULL, NULL, NULL, "行政处罚" },
  { "text 当事人", FILTER, -1, NULL, NULL, NULL, "当事人" },
  { "text 从轻或者减轻", FILTER, -1, NULL, NULL, NULL, "从轻或者减轻" },
  { "text 不存在的词语", FILTER, -1, NULL, NULL, NULL, "不存在的词语" },
  { "type 多选 + text 应当", FILTER, XF_QUESTION_MULTIPLE, NULL, NULL, NULL, "应当" },
  { "all", FILTER, -1, NULL, NULL, NULL, "" },
  { "all, unchanged", FILTER, -1, NULL, NULL, NULL, "" },
  { "delete a question", DELETE, -1, NULL, NULL, NULL, "" },
  { "undo the delete", UNDO, -1, NULL, NULL, NULL, "" },
};

static const char * const tag_pool[] = {
  "必考", "重点", "2026", "2025", "易错", "案例", "基础", "执法程序", "期限", "听证",
  "许可", "复议", "诉讼", "赔偿", "公开", "监察", "宪法", "民法典", "合同", "物权",
};

typedef struct
{
  XfWindow  *window;
  XfBankPage *page;
  GString    *json;
  gint64     deleted;
  guint      step;
  gint64     shown_at;
  gint64     changed_at;
  double     filter_ms;
  double     max_filter_ms;
  guint      n_questions;
  gboolean   waiting_frame;
} Bench;

static char *
short_title (const char *title)
{
  const char *prefix = "中华人民共和国";

  return g_strdup (g_str_has_prefix (title, prefix) ? title + strlen (prefix) : title);
}

static char *
fragment (const char *body,
          guint       start,
          guint       length)
{
  glong n = g_utf8_strlen (body, -1);
  const char *from, *to;

  if (n == 0)
    return g_strdup ("");
  start = start % (guint)MAX (1, n - (glong)length);
  from = g_utf8_offset_to_pointer (body, MIN ((glong)start, n));
  to = g_utf8_offset_to_pointer (from, MIN ((glong)length, g_utf8_strlen (from, -1)));
  return g_strndup (from, to - from);
}

/* Questions made from the statutes' articles, of every type, with
 * categories by statute, tags from a pool and a link to their article. */
static guint
fill (XfDatabase *db,
      guint       n)
{
  g_autoptr(XfQuestionBank) bank = NULL;
  g_autoptr(GPtrArray) laws = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (20260101);
  sqlite3_stmt *stmt;

  stmt = xf_database_prepare (db, "SELECT l.title, a.number, a.body FROM articles a "
                                  "JOIN laws l ON l.id = a.law_id ORDER BY a.id", &error);
  g_assert_no_error (error);
  while (xf_database_step (db, stmt, &error) == SQLITE_ROW)
    {
      guint number = (guint)sqlite3_column_int (stmt, 1);

      g_ptr_array_add (laws, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_array_append_val (numbers, number);
      g_ptr_array_add (bodies, g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (laws->len, >, 0);

  bank = xf_question_store_ensure_bank (db, "基准题库", &error);
  g_assert_no_error (error);
  g_assert_true (xf_database_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      guint a = g_rand_int_range (rand, 0, (int)laws->len);
      const char *law = laws->pdata[a];
      const char *body = bodies->pdata[a];
      g_autofree char *shorter = short_title (law);
      g_autofree char *label = xf_article_format_label (g_array_index (numbers, guint, a), 0);
      g_autofree char *quote = fragment (body, g_rand_int (rand), 40);
      g_autofree char *stem = NULL;
      g_autofree char *category = NULL;
      g_autoptr(XfQuestion) question = NULL;
      XfQuestionType type;
      guint kind = i % 10;

      type = kind < 4 ? XF_QUESTION_SINGLE : kind < 6 ? XF_QUESTION_MULTIPLE :
             kind < 8 ? XF_QUESTION_TRUE_FALSE : kind < 9 ? XF_QUESTION_FILL : XF_QUESTION_ESSAY;
      question = xf_question_new (type);
      stem = g_strdup_printf ("根据《%s》%s，%s（第%u题）", shorter, label, quote, i + 1);
      xf_question_set_stem (question, stem);
      if (type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE)
        {
          for (guint o = 0; o < 4; o++)
            {
              guint other = g_rand_int_range (rand, 0, (int)bodies->len);
              g_autofree char *option = fragment (bodies->pdata[other], g_rand_int (rand), 16);

              xf_question_add_option (question, option[0] != '\0' ? option : "以上都不对");
            }
          xf_question_set_answer (question, type == XF_QUESTION_SINGLE ? "B" : "ACD");
        }
      else if (type == XF_QUESTION_TRUE_FALSE)
        xf_question_set_answer (question, i % 3 == 0 ? "F" : "T");
      else if (type == XF_QUESTION_FILL)
        {
          g_autofree char *blank = fragment (body, g_rand_int (rand), 4);
          xf_question_add_accepted (question, blank[0] != '\0' ? blank : "依法");
        }
      else
        xf_question_set_answer (question, body);
      xf_question_set_explanation (question, body);
      xf_question_set_difficulty (question, 1 + g_rand_int_range (rand, 0, 5));
      category = g_strdup_printf ("%s/%s",
                                  strstr (law, "民法典") ? "民法" : strstr (law, "行政") ? "行政法" : "综合",
                                  shorter);
      xf_question_set_category (question, category);
      xf_question_add_tag (question, tag_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool))]);
      if (i % 2 == 0)
        xf_question_add_tag (question, tag_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_pool))]);
      xf_question_add_link (question, law, g_array_index (numbers, guint, a), 0);
      if (!xf_question_store_add (db, xf_question_bank_get_id (bank), question, &error))
        g_error ("%s", error->message);
    }
  g_assert_true (xf_database_commit (db, &error));
  g_rand_free (rand);
  return n;
}

static void
choose (GtkDropDown   *dropdown,
        GtkStringList *names,
        const char    *text)
{
  if (text == NULL)
    {
      gtk_drop_down_set_selected (dropdown, 0);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (names, i), text) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("No choice “%s”", text);
}

static gboolean run_step (gpointer user_data);

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  double frame_ms;
  const Step *step;

  if (!bench->waiting_frame)
    return;
  bench->waiting_frame = FALSE;

  frame_ms = (g_get_monotonic_time () - bench->changed_at) / 1000.0;
  step = &steps[bench->step - 1];
  g_string_append_printf (bench->json, "%s\n    {\"step\": \"%s\", \"shown\": %u, \"main_thread_ms\": %.2f, \"frame_ms\": %.2f}",
                          bench->step > 1 ? "," : "", step->name,
                          g_list_model_get_n_items (xf_bank_page_get_questions (bench->page)),
                          bench->filter_ms, frame_ms);
  g_timeout_add (100, run_step, bench);
}

static gboolean
run_step (gpointer user_data)
{
  Bench *bench = user_data;
  XfBankPage *page = bench->page;
  const Step *step;
  gint64 started;

  if (bench->step == G_N_ELEMENTS (steps))
    {
      g_print ("%s\n  ],\n  \"max_main_thread_ms\": %.2f\n}\n", bench->json->str, bench->max_filter_ms);
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }

  step = &steps[bench->step++];
  started = g_get_monotonic_time ();

  if (step->kind == DELETE)
    {
      bench->deleted = xf_question_list_model_get_id (XF_QUESTION_LIST_MODEL (xf_bank_page_get_questions (page)), 0);
      gtk_selection_model_select_item (xf_bank_page_get_selection (page), 0, TRUE);
      gtk_widget_activate_action (GTK_WIDGET (page), "bank.delete", NULL);
      goto done;
    }
  if (step->kind == UNDO)
    {
      g_autoptr(GError) error = NULL;

      if (!xf_bank_page_undelete (page, &bench->deleted, 1, &error))
        g_error ("%s", error->message);
      goto done;
    }

  /* As a person would change it, one control at a time; the text as the
   * search entry's delay ends. */
  page->updating = TRUE;
  gtk_drop_down_set_selected (page->type_dropdown, step->type + 1);
  choose (page->category_dropdown, page->category_names, step->category);
  choose (page->tag_dropdown, page->tag_names, step->tag);
  choose (page->law_dropdown, page->law_names, step->law);
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), step->text);
  page->updating = FALSE;
  xf_bank_page_apply_filter (page);

done:
  bench->changed_at = started;
  bench->filter_ms = (g_get_monotonic_time () - started) / 1000.0;
  bench->max_filter_ms = MAX (bench->max_filter_ms, bench->filter_ms);
  bench->waiting_frame = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (page));
  return G_SOURCE_REMOVE;
}

static void
on_loading_changed (XfBankPage *page,
                    GParamSpec *pspec,
                    Bench      *bench)
{
  if (xf_bank_page_get_loading (page) || bench->json->len > 0)
    return;

  bench->n_questions = xf_question_index_get_n_questions (page->index);
  g_string_append_printf (bench->json, "{\n  \"questions\": %u,\n  \"index_ms\": %.1f,\n  \"steps\": [",
                          bench->n_questions, (g_get_monotonic_time () - bench->shown_at) / 1000.0);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)), "after-paint",
                    G_CALLBACK (on_after_paint), bench);
  g_timeout_add (500, run_step, bench);
}

static gboolean
show_bank (gpointer user_data)
{
  Bench *bench = user_data;

  if (bench->window->database == NULL)
    return G_SOURCE_CONTINUE;

  bench->page = bench->window->bank_page;
  g_signal_connect (bench->page, "notify::loading", G_CALLBACK (on_loading_changed), bench);
  bench->shown_at = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (bench->window->view_stack, "bank");
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (!XF_IS_WINDOW (window) || bench->window != NULL)
    return;
  bench->window = XF_WINDOW (window);
  gtk_window_set_default_size (window, 1280, 800);
  g_timeout_add (300, show_bank, bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XfApplication) app = NULL;
  g_autoptr(XfProfileManager) manager = NULL;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Bench bench = { 0 };
  guint n = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  const char *keep;
  gint64 started;
  XfProfile *profile;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("Usage: xvfb-run -a bench-bank [N]\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* XUEFA_BENCH_KEEP names a folder to fill once and keep for the next
   * runs. */
  keep = g_getenv ("XUEFA_BENCH_KEEP");
  if (keep != NULL)
    {
      dir = g_strdup (keep);
      g_mkdir_with_parents (dir, 0700);
    }
  else
    {
      dir = g_dir_make_tmp ("xf-bench-bank-XXXXXX", &error);
      g_assert_no_error (error);
    }
  g_setenv ("XUEFA_DATA_DIR", dir, TRUE);
  manager = xf_profile_manager_new (dir);
  g_assert_true (xf_profile_manager_load (manager, &error));
  g_assert_no_error (error);
  if (xf_profile_manager_get_last (manager) == NULL)
    {
      profile = xf_profile_manager_create (manager, "基准", &error);
      g_assert_no_error (error);
      path = xf_profile_manager_dup_database_path (manager, profile);
      db = xf_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (xf_content_install_defaults (db, NULL, &error));
      g_assert_no_error (error);
      started = g_get_monotonic_time ();
      fill (db, n);
      g_printerr ("Added %u questions in %.1f s\n", n, (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
      g_clear_object (&db);
    }

  bench.json = g_string_new (NULL);
  app = xf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_string_free (bench.json, TRUE);
  if (keep == NULL)
    xf_test_remove_tree (dir);
  return status;
}
