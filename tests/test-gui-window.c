/* test-gui-window.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-test-utils.h"
#include "xf-article-row.h"
#include "xf-article-view.h"
#include "xf-gui-format.h"
#include "xf-knowledge-store.h"
#include "xf-law-row.h"
#include "xf-law-store.h"
#include "xf-library-page.h"
#include "xf-list-item-row.h"
#include "xf-profile-dialog.h"
#include "xf-profile-manager.h"
#include "xf-search-page.h"
#include "xf-welcome-page.h"
#include "xf-window.h"

/* A real window over a profile database in a temporary folder. */
typedef struct
{
  char             *dir;
  XfProfileManager *manager;
  XfProfile        *profile;
  gint64            law_id;
  XfWindow         *window;
  GSettings        *settings;
} Fixture;

static XfDatabase *
open_profile_database (Fixture   *f,
                       XfProfile *profile)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xf_profile_manager_dup_database_path (f->manager, profile);
  XfDatabase *db = xf_database_open (path, &error);

  g_assert_no_error (error);
  xf_test_skip_default_content (db);
  return db;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_profile = GPOINTER_TO_INT (data);

  f->dir = g_dir_make_tmp ("xf-gui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XUEFA_DATA_DIR", f->dir, TRUE);

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "reader-font-scale");
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");
  g_settings_reset (f->settings, "window-maximized");

  f->manager = xf_profile_manager_new (f->dir);
  if (with_profile)
    {
      g_autoptr(XfDatabase) db = NULL;

      f->profile = g_object_ref (xf_profile_manager_create (f->manager, "王晓明", &error));
      g_assert_no_error (error);
      db = open_profile_database (f, f->profile);
      f->law_id = xf_test_insert_sample_law (db, "中华人民共和国行政处罚法", "2021-01-22");
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  xf_test_iterate (50);
  g_clear_object (&f->profile);
  g_clear_object (&f->manager);
  g_clear_object (&f->settings);
  xf_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
open_window (Fixture *f)
{
  /* The window reads the profiles from XUEFA_DATA_DIR, as the app does. */
  f->window = xf_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, f->window, 5000));
}

static XfArticleView *
article_view (Fixture *f)
{
  GtkWidget *view = xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_ARTICLE_VIEW, FALSE);

  g_assert_nonnull (view);
  return XF_ARTICLE_VIEW (view);
}

static void
open_sample_law (Fixture *f)
{
  GtkWidget *law_list = xf_test_find_list_of (GTK_WIDGET (f->window), XF_TYPE_LAW);

  g_assert_nonnull (law_list);
  g_signal_emit_by_name (law_list, "activate", 0);
  xf_test_assert_label_shown (f->window, "当事人有下列情形之一");
}

static void
test_opens_last_profile (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *law_list;
  GListModel *laws;

  open_window (f);

  g_assert_true (xf_window_get_profile (f->window) != NULL);
  g_assert_cmpstr (xf_profile_get_name (xf_window_get_profile (f->window)), ==, "王晓明");
  xf_test_assert_label_shown (f->window, "王晓明");

  law_list = xf_test_find_list_of (GTK_WIDGET (f->window), XF_TYPE_LAW);
  g_assert_nonnull (law_list);
  laws = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (law_list)));
  g_assert_cmpuint (g_list_model_get_n_items (laws), ==, 1);
  xf_test_assert_label_shown (f->window, "行政处罚法");
  xf_test_assert_label_shown (f->window, "2021-01-22");
}

static void
collect_law_rows (GtkWidget *widget,
                  GPtrArray *rows)
{
  if (XF_IS_LAW_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_law_rows (child, rows);
}

static gboolean
law_rows_allocated (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_law_rows (data, rows);
  return rows->len == 2 &&
         gtk_widget_get_height (rows->pdata[0]) > 0 &&
         gtk_widget_get_height (rows->pdata[1]) > 0;
}

/* The statute list's rows show the statute at their place in the list, its
 * version and status beneath, and are as tall whatever their title. */
static void
test_law_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(XfDatabase) db = open_profile_database (f, f->profile);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *law_list;
  GListModel *laws;
  GtkWidget *label;
  int height;

  xf_test_insert_sample_law (db, "全国人民代表大会常务委员会关于修改《中华人民共和国行政许可法》等八部法律的决定", "2019-04-23");
  open_window (f);

  law_list = xf_test_find_list_of (GTK_WIDGET (f->window), XF_TYPE_LAW);
  g_assert_nonnull (law_list);
  laws = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (law_list)));
  g_assert_cmpuint (g_list_model_get_n_items (laws), ==, 2);
  g_assert_true (xf_test_wait_for (law_rows_allocated, law_list, 5000));

  collect_law_rows (law_list, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      XfLawRow *row = rows->pdata[i];
      XfLaw *law = xf_law_row_get_law (row);
      guint position = G_MAXUINT;

      g_assert_nonnull (law);
      for (guint j = 0; j < g_list_model_get_n_items (laws); j++)
        {
          g_autoptr(XfLaw) item = g_list_model_get_item (laws, j);
          if (item == law)
            position = j;
        }
      g_assert_cmpuint (position, <, 2);

      g_free (subtitle);
      subtitle = xf_format_law_subtitle (xf_law_get_version_date (law), xf_law_get_status_label (law));
      g_assert_cmpstr (xf_law_row_get_subtitle (row), ==, subtitle);
    }
  g_assert_true (xf_law_row_get_law (rows->pdata[0]) != xf_law_row_get_law (rows->pdata[1]));
  g_assert_cmpint (gtk_widget_get_height (rows->pdata[0]), ==, gtk_widget_get_height (rows->pdata[1]));

  /* Two lines of text: taller than one label in the same font. */
  label = xf_test_find_label (GTK_WIDGET (f->window), "王晓明");
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_height (rows->pdata[0]), >, gtk_widget_get_height (label));

  /* Showing another statute changes the text, not the height. */
  height = gtk_widget_get_height (rows->pdata[0]);
  xf_law_row_set_law (rows->pdata[0], xf_law_row_get_law (rows->pdata[1]));
  g_assert_cmpstr (xf_law_row_get_subtitle (rows->pdata[0]), ==, xf_law_row_get_subtitle (rows->pdata[1]));
  xf_test_iterate (100);
  g_assert_cmpint (gtk_widget_get_height (rows->pdata[0]), ==, height);
}

static void
test_select_law_shows_articles (Fixture       *f,
                                gconstpointer  data)
{
  GListModel *items;
  GtkWidget *heading_list;
  GListModel *headings;
  guint n_articles = 0, n_headings = 0;

  open_window (f);
  open_sample_law (f);

  /* The title block, the chapters as separators, then the articles. */
  items = xf_article_view_get_items (article_view (f));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      n_articles += XF_IS_ARTICLE (item);
      n_headings += XF_IS_HEADING (item);
    }
  g_assert_cmpuint (n_articles, ==, 4);
  g_assert_cmpuint (n_headings, ==, 3);
  xf_test_assert_label_shown (f->window, "中华人民共和国行政处罚法");
  xf_test_assert_label_shown (f->window, "第五章 行政处罚的决定");
  xf_test_assert_label_shown (f->window, "（一）主动消除或者减轻违法行为危害后果的；");

  /* The contents: all articles, then the two chapters; the fifth holds a
   * section. */
  heading_list = xf_test_find_list_of (GTK_WIDGET (f->window), XF_TYPE_HEADING);
  g_assert_nonnull (heading_list);
  headings = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (heading_list)));
  g_assert_cmpuint (g_list_model_get_n_items (headings), ==, 3);
  xf_test_assert_label_shown (f->window, "第一章 总则");

  /* Choosing the fifth chapter narrows the articles to it. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (headings), 2, TRUE);
  n_articles = 0;
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      n_articles += XF_IS_ARTICLE (item);
    }
  g_assert_cmpuint (n_articles, ==, 2);
}

static double
reader_font_size (Fixture *f)
{
  GtkWidget *label = xf_test_find_label (GTK_WIDGET (f->window), "违法行为轻微并及时改正");
  PangoContext *context;

  g_assert_nonnull (label);
  context = gtk_widget_get_pango_context (label);
  return pango_font_description_get_size (pango_context_get_font_description (context)) / (double)PANGO_SCALE;
}

typedef struct
{
  Fixture *f;
  double   size;
} SizeQuery;

static gboolean
font_grew (gpointer data)
{
  SizeQuery *query = data;
  return reader_font_size (query->f) > query->size + 0.5;
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  SizeQuery query = { f, 0 };

  open_window (f);
  open_sample_law (f);
  xf_test_assert_label_shown (f->window, "违法行为轻微并及时改正");
  query.size = reader_font_size (f);
  g_assert_cmpfloat (query.size, >, 0);

  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "reader-font-scale"), 1.1, 1e-9);
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "reader-font-scale"), 1.2, 1e-9);

  /* The rows on screen follow the setting. */
  g_assert_true (xf_test_wait_for (font_grew, &query, 5000));

  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "reader-font-scale"), 1.1, 1e-9);
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (f->settings, "reader-font-scale"), 1.0, 1e-9);
}

static void
test_copy_with_citation (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  GtkWidget *row;
  GtkWidget *button;

  open_window (f);
  open_sample_law (f);

  row = xf_test_find_row_for (GTK_WIDGET (f->window), "第三十二条");
  g_assert_nonnull (row);
  button = xf_test_find_button (row, "row.copy");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), !=, NULL);
  gtk_widget_activate (button);

  text = xf_test_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (f->window)));
  g_assert_cmpstr (text, ==,
                   "《行政处罚法》第三十二条\n"
                   "当事人有下列情形之一，应当从轻或者减轻行政处罚：\n"
                   "（一）主动消除或者减轻违法行为危害后果的；\n"
                   "（二）受他人胁迫或者诱骗实施违法行为的；");

  xf_test_assert_label_shown (f->window, "Copied 《行政处罚法》第三十二条");

  /* The keyboard does the same from inside another row. */
  row = xf_test_find_row_for (GTK_WIDGET (f->window), "第一条");
  g_assert_true (xf_test_activate_shortcut (row, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_free (text);
  text = xf_test_read_clipboard (gtk_widget_get_clipboard (GTK_WIDGET (f->window)));
  g_assert_true (g_str_has_prefix (text, "《行政处罚法》第一条\n为了规范"));
}

static void
test_open_article (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XfDatabase) db = open_profile_database (f, f->profile);
  g_autoptr(XfArticle) article = xf_law_store_find_article (db, "中华人民共和国行政处罚法", 33, 0, NULL);
  GtkWidget *row;

  g_assert_nonnull (article);
  open_window (f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-article", "x", xf_article_get_id (article));
  xf_test_assert_label_shown (f->window, "违法行为轻微并及时改正");
  row = xf_test_find_row_for (GTK_WIDGET (f->window), "第三十三条");
  g_assert_nonnull (row);
  g_assert_true (xf_article_row_get_highlighted (XF_ARTICLE_ROW (row)));
  g_assert_false (xf_article_row_get_highlighted (XF_ARTICLE_ROW (xf_test_find_row_for (GTK_WIDGET (f->window),
                                                                                        "第三十二条"))));
}

static gboolean
window_has_profile (gpointer data)
{
  return xf_window_get_profile (data) != NULL;
}

/* The shipped content: 15 statutes (民法典 from its eight parts). */
static gboolean
shipped_laws_shown (gpointer data)
{
  GtkWidget *law_list = xf_test_find_list_of (data, XF_TYPE_LAW);

  return law_list != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (law_list)))) == 15;
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *library;
  g_autoptr(XfProfileManager) reread = xf_profile_manager_new (f->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  GtkWidget *welcome;
  GtkWidget *start;
  GtkWidget *name;
  XfProfile *profile;

  open_window (f);

  welcome = xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_WELCOME_PAGE, TRUE);
  g_assert_nonnull (welcome);
  g_assert_null (xf_window_get_profile (f->window));
  start = xf_test_find_button (welcome, "welcome.start");
  g_assert_nonnull (start);
  g_assert_false (gtk_widget_get_sensitive (start));

  /* The first entry row is the name; spaces alone are no name. */
  name = xf_test_find_widget (welcome, ADW_TYPE_ENTRY_ROW, TRUE);
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (gtk_widget_get_sensitive (start));
  gtk_editable_set_text (GTK_EDITABLE (name), " 李华 ");
  g_assert_true (gtk_widget_get_sensitive (start));

  gtk_widget_activate (start);
  g_assert_true (xf_test_wait_for (window_has_profile, f->window, 5000));

  /* The profile is saved, named without the spaces, with its database. */
  g_assert_true (xf_profile_manager_load (reread, &error));
  g_assert_no_error (error);
  profile = xf_profile_manager_get_last (reread);
  g_assert_nonnull (profile);
  g_assert_cmpstr (xf_profile_get_name (profile), ==, "李华");
  db_path = xf_profile_manager_dup_database_path (reread, profile);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_EXISTS));

  /* The window moved on to the library at once, with the name in the
   * switcher, while the shipped statutes load in the background. */
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_LIBRARY_PAGE, FALSE), 5000));
  xf_test_assert_label_shown (f->window, "李华");
  library = xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_LIBRARY_PAGE, FALSE);
  g_assert_true (xf_library_page_get_loading (XF_LIBRARY_PAGE (library)));
  xf_test_assert_label_shown (f->window, "Loading statutes…");

  g_assert_true (xf_test_wait_for (shipped_laws_shown, f->window, 60000));
  g_assert_false (xf_library_page_get_loading (XF_LIBRARY_PAGE (library)));
  xf_test_assert_label_shown (f->window, "民法典");
}

static void
test_switch_profile (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfDatabase) db = NULL;
  XfProfile *other;
  GtkWidget *law_list;
  GListModel *laws;
  g_autoptr(XfLaw) law = NULL;

  other = xf_profile_manager_create (f->manager, "张伟", &error);
  g_assert_no_error (error);
  db = open_profile_database (f, other);
  xf_test_insert_sample_law (db, "中华人民共和国行政许可法", "2019-04-23");
  /* The first profile stays the last used. */
  g_assert_true (xf_profile_manager_set_last (f->manager, f->profile, &error));

  open_window (f);
  xf_test_assert_label_shown (f->window, "行政处罚法");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.profile", "s", xf_profile_get_id (other));
  g_assert_cmpstr (xf_profile_get_name (xf_window_get_profile (f->window)), ==, "张伟");
  xf_test_assert_label_shown (f->window, "张伟");

  law_list = xf_test_find_list_of (GTK_WIDGET (f->window), XF_TYPE_LAW);
  laws = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (law_list)));
  g_assert_cmpuint (g_list_model_get_n_items (laws), ==, 1);
  law = g_list_model_get_item (laws, 0);
  g_assert_cmpstr (xf_law_get_title (law), ==, "中华人民共和国行政许可法");
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (XF_TYPE_PROFILE_DIALOG) == NULL;
}

static void
test_edit_profile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(XfProfileManager) reread = xf_profile_manager_new (f->dir);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *name;
  GtkWidget *leader;

  open_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-profile", NULL);
  dialog = find_toplevel (XF_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, dialog, 5000));

  name = xf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "王晓明");
  gtk_editable_set_text (GTK_EDITABLE (name), "王晓明（法制科）");
  leader = xf_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, TRUE);
  gtk_switch_set_active (GTK_SWITCH (leader), TRUE);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.save", NULL);
  g_assert_true (xf_test_wait_for (dialog_gone, NULL, 5000));

  xf_test_assert_label_shown (f->window, "王晓明（法制科）");
  g_assert_true (xf_profile_manager_load (reread, &error));
  g_assert_cmpstr (xf_profile_get_name (xf_profile_manager_get_last (reread)), ==, "王晓明（法制科）");
  g_assert_true (xf_profile_get_leader (xf_profile_manager_get_last (reread)));
}

static gint64
insert_sample_list (Fixture *f)
{
  g_autoptr(XfDatabase) db = open_profile_database (f, f->profile);
  g_autoptr(GError) error = NULL;
  gint64 list_id;

  g_assert_true (xf_database_exec (db,
                                   "INSERT INTO lists (uuid, title, year, audience, description, created_at, updated_at) "
                                   "VALUES ('8b0e2a52-52a4-4a8c-9d7e-0f3c1f1c2a01', '2026年度测试清单', 2026, 'all', "
                                   "'测试用的清单。', 0, 0)",
                                   &error));
  g_assert_no_error (error);
  list_id = xf_database_last_insert_rowid (db);
  g_assert_true (xf_database_exec (db,
                                   "INSERT INTO list_items (uuid, list_id, position, level, law_title, article_number, title, body) VALUES "
                                   "('8b0e2a52-52a4-4a8c-9d7e-0f3c1f1c2a02', 1, 1, 'apply', '中华人民共和国行政处罚法', 33, '', ''),"
                                   "('8b0e2a52-52a4-4a8c-9d7e-0f3c1f1c2a03', 1, 2, 'must', '中华人民共和国行政处罚法', 32, '从轻减轻', ''),"
                                   "('8b0e2a52-52a4-4a8c-9d7e-0f3c1f1c2a04', 1, 3, 'should', '', 0, '依法行政', '合法行政、合理行政。')",
                                   &error));
  g_assert_no_error (error);

  return list_id;
}

static GtkWidget *
find_item_row (GtkWidget  *root,
               const char *title)
{
  if (XF_IS_LIST_ITEM_ROW (root) && gtk_widget_get_mapped (root))
    {
      GObject *item = xf_list_item_row_get_item (XF_LIST_ITEM_ROW (root));

      if (XF_IS_LIST_ITEM (item) && g_strcmp0 (xf_list_item_get_title (XF_LIST_ITEM (item)), title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
reader_shows_article (gpointer data)
{
  GtkWidget *row = xf_test_find_row_for (data, "第三十二条");

  return row != NULL && xf_article_row_get_highlighted (XF_ARTICLE_ROW (row));
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XfListItem) learned_item = NULL;
  AdwViewStack *view_stack;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *open;
  gint64 list_id = insert_sample_list (f);

  open_window (f);
  view_stack = ADW_VIEW_STACK (xf_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, FALSE));
  adw_view_stack_set_visible_child_name (view_stack, "lists");

  /* The list with its progress, its items by level: must, should, apply. */
  xf_test_assert_label_shown (f->window, "2026年度测试清单");
  xf_test_assert_label_shown (f->window, "2026 · All staff");
  xf_test_assert_label_shown (f->window, "Learned 0 of 3");
  xf_test_assert_label_shown (f->window, "Must know");
  xf_test_assert_label_shown (f->window, "Can apply");
  xf_test_assert_label_shown (f->window, "《行政处罚法》第三十二条");
  xf_test_assert_label_shown (f->window, "合法行政、合理行政。");
  xf_test_assert_label_shown (f->window, "违法行为轻微并及时改正");

  /* Marking an item learned writes the mark and moves the progress. */
  row = find_item_row (GTK_WIDGET (f->window), "依法行政");
  g_assert_nonnull (row);
  check = xf_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  xf_test_assert_label_shown (f->window, "Learned 1 of 3");

  db = open_profile_database (f, f->profile);
  items = xf_knowledge_store_list_items (db, list_id, &error);
  g_assert_no_error (error);
  learned_item = g_list_model_get_item (items, 2);
  g_assert_cmpstr (xf_list_item_get_title (learned_item), ==, "依法行政");
  g_assert_true (xf_list_item_get_learned (learned_item));

  /* An article item opens in the reader. */
  row = find_item_row (GTK_WIDGET (f->window), "从轻减轻");
  open = xf_test_find_button (row, "win.open-article");
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_visible (open));
  gtk_widget_activate (open);
  g_assert_true (xf_test_wait_for (reader_shows_article, f->window, 5000));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "laws");
}

static gboolean
window_profile_is_new (gpointer data)
{
  Fixture *f = data;
  XfProfile *profile = xf_window_get_profile (f->window);

  return profile != NULL && g_strcmp0 (xf_profile_get_name (profile), "赵敏") == 0;
}

static void
test_new_profile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(XfProfileManager) reread = xf_profile_manager_new (f->dir);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *name;

  open_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-profile", NULL);
  dialog = find_toplevel (XF_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, dialog, 5000));

  /* A name already taken is refused, with the reason. */
  name = xf_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (name), "王晓明");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.save", NULL);
  g_assert_true (find_toplevel (XF_TYPE_PROFILE_DIALOG) == dialog);

  gtk_editable_set_text (GTK_EDITABLE (name), "赵敏");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.save", NULL);
  g_assert_true (xf_test_wait_for (dialog_gone, NULL, 5000));

  /* The window switched to the new profile, whose library is its own. */
  g_assert_true (xf_test_wait_for (window_profile_is_new, f, 5000));
  xf_test_assert_label_shown (f->window, "赵敏");
  g_assert_true (xf_test_wait_for (shipped_laws_shown, f->window, 60000));
  g_assert_true (xf_profile_manager_load (reread, &error));
  g_assert_cmpuint (g_list_model_get_n_items (xf_profile_manager_get_profiles (reread)), ==, 2);
  g_assert_cmpstr (xf_profile_get_name (xf_profile_manager_get_last (reread)), ==, "赵敏");
}

static gboolean
search_has_hits (gpointer data)
{
  XfSearchPage *page = data;
  GListModel *rows = xf_search_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (XF_IS_SEARCH_HIT (row))
        return !xf_search_page_get_busy (page);
    }

  return FALSE;
}

static gboolean
search_done (gpointer data)
{
  return !xf_search_page_get_busy (data);
}

static guint
find_hit (XfSearchPage *page,
          const char   *label)
{
  GListModel *rows = xf_search_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (XF_IS_SEARCH_HIT (row) && g_strcmp0 (xf_search_hit_get_label (XF_SEARCH_HIT (row)), label) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The flow the issue asks for: search 行政处罚, open a hit, read the
 * article. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  XfSearchPage *page;
  GtkWidget *entry;
  GtkWidget *results;
  GtkWidget *search_bar;
  GtkWidget *row;
  guint position;

  open_window (f);
  page = XF_SEARCH_PAGE (xf_test_find_widget (GTK_WIDGET (f->window), XF_TYPE_SEARCH_PAGE, FALSE));
  search_bar = xf_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR, FALSE);
  entry = xf_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY, FALSE);

  /* Ctrl+F opens the search bar and puts the focus in the entry. */
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_true (xf_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_has_focus (gtk_widget_get_focus_child (entry)));

  /* Typing searches; the results stand in for the reader. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "行政处罚");
  g_assert_true (xf_test_wait_for (search_has_hits, page, 10000));
  g_assert_true (xf_test_wait_for (xf_test_is_mapped, page, 5000));
  xf_test_assert_label_shown (page, "Articles · 4 results");
  xf_test_assert_label_shown (page, "行政处罚法 › 第五章 行政处罚的决定 › 第三十二条");
  xf_test_assert_label_shown (page, "中华人民共和国行政处罚法");

  /* The snippet highlights the match. */
  position = find_hit (page, "第三十二条");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  {
    g_autoptr(GObject) hit = g_list_model_get_item (xf_search_page_get_rows (page), position);
    g_autofree char *markup = xf_search_hit_to_markup (XF_SEARCH_HIT (hit));

    g_assert_nonnull (strstr (markup, ">行政处罚</span>"));
  }

  /* Opening the hit shows the article in the reader, marked. */
  results = xf_test_find_list_of (GTK_WIDGET (page), G_TYPE_OBJECT);
  g_assert_nonnull (results);
  g_signal_emit_by_name (results, "activate", position);
  g_assert_true (xf_test_wait_for (reader_shows_article, f->window, 5000));
  xf_test_assert_label_shown (f->window, "当事人有下列情形之一，应当从轻或者减轻行政处罚：");
  row = xf_test_find_row_for (GTK_WIDGET (f->window), "第三十二条");
  g_assert_true (xf_article_row_get_highlighted (XF_ARTICLE_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==,
                   "views");

  /* Nothing found says so; Escape clears the search. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "没有这样的条文");
  g_assert_true (xf_test_wait_for (search_done, page, 10000));
  xf_test_assert_label_shown (page, "No results");
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
}

static gboolean
law_count_is_two (gpointer data)
{
  GtkWidget *law_list = xf_test_find_list_of (data, XF_TYPE_LAW);

  return law_list != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (law_list)))) == 2;
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWindow *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autofree char *good = g_build_filename (f->dir, "测试法(2020-01-01).md", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "空文件.md", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  GtkWindow *problems;

  g_assert_true (g_file_set_contents (good,
                                      "# 中华人民共和国测试法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n"
                                      "## 第一章 总则\n\n第一条 为了测试导入，制定本法。\n\n"
                                      "第二条 本法自公布之日起施行。\n", -1, &error));
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_list_store_append (files, good_file);
  g_list_store_append (files, empty_file);

  open_window (f);
  xf_window_import_files (f->window, G_LIST_MODEL (files));

  /* The library refreshes with the new statute, a toast counts it, and the
   * file that failed is named with its reason. */
  g_assert_true (xf_test_wait_for (law_count_is_two, f->window, 10000));
  xf_test_assert_label_shown (f->window, "测试法");
  xf_test_assert_label_shown (f->window, "Imported 1 statute, 2 articles");

  g_assert_true (xf_test_wait_for (message_dialog_shown, NULL, 5000));
  problems = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  xf_test_assert_label_shown (problems, "空文件.md");
  gtk_window_destroy (problems);
}

static void
test_window_size_saved (Fixture       *f,
                        gconstpointer  data)
{
  int width, height;

  open_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 640);
  xf_test_iterate (100);

  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (f->settings, "window-maximized"));

  /* The next window opens at that size. */
  f->window = xf_window_new (NULL, NULL);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
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

#define ADD(path, func, with_profile) \
  g_test_add ("/gui-window/" path, Fixture, GINT_TO_POINTER (with_profile), \
              fixture_set_up, func, fixture_tear_down)

  ADD ("opens-last-profile", test_opens_last_profile, TRUE);
  ADD ("law-rows", test_law_rows, TRUE);
  ADD ("select-law-shows-articles", test_select_law_shows_articles, TRUE);
  ADD ("zoom", test_zoom, TRUE);
  ADD ("copy-with-citation", test_copy_with_citation, TRUE);
  ADD ("open-article", test_open_article, TRUE);
  ADD ("first-run", test_first_run, FALSE);
  ADD ("switch-profile", test_switch_profile, TRUE);
  ADD ("edit-profile", test_edit_profile, TRUE);
  ADD ("new-profile", test_new_profile, TRUE);
  ADD ("window-size-saved", test_window_size_saved, TRUE);
  ADD ("import", test_import, TRUE);
  ADD ("lists", test_lists, TRUE);
  ADD ("search", test_search, TRUE);

#undef ADD

  return g_test_run ();
}
