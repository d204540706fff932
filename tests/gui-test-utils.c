/* gui-test-utils.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "xf-article-row.h"
#include "xf-article.h"
#include "xf-content.h"
#include "xf-law-row.h"

/* Helpers for tests that drive a real window: they wait on conditions by
 * running the main loop, never by sleeping a fixed time. */

gboolean
xf_test_have_display (void)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

gboolean
xf_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

typedef struct
{
  gboolean expired;
} Timeout;

static gboolean
on_timeout (gpointer data)
{
  ((Timeout *)data)->expired = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * xf_test_wait_for:
 *
 * Runs the main loop until @condition holds or @timeout_ms passes.
 *
 * Returns: whether the condition held
 */
gboolean
xf_test_wait_for (XfTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  Timeout timeout = { FALSE };
  guint id = g_timeout_add (timeout_ms, on_timeout, &timeout);
  gboolean held;

  while (!(held = condition (data)) && !timeout.expired)
    g_main_context_iteration (NULL, TRUE);

  if (!timeout.expired)
    g_source_remove (id);

  return held;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets queued layout, transitions and idles run for a while. */
void
xf_test_iterate (guint ms)
{
  xf_test_wait_for (never, NULL, ms);
}

GtkWidget *
xf_test_find_widget (GtkWidget *root,
                     GType      type,
                     gboolean   mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_widget (child, type, mapped_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped label showing @substring. */
GtkWidget *
xf_test_find_label (GtkWidget  *root,
                    const char *substring)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), substring) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_label (child, substring);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The statute list's rows draw their text rather than hold labels. */
static gboolean
law_row_shows (GtkWidget  *root,
               const char *substring)
{
  XfLaw *law;

  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (XF_IS_LAW_ROW (root))
    {
      law = xf_law_row_get_law (XF_LAW_ROW (root));
      return law != NULL &&
             (strstr (xf_law_get_short_title (law), substring) != NULL ||
              strstr (xf_law_row_get_subtitle (XF_LAW_ROW (root)), substring) != NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (law_row_shows (child, substring))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelQuery;

static gboolean
label_shown (gpointer data)
{
  LabelQuery *query = data;
  return xf_test_find_label (query->root, query->text) != NULL ||
         law_row_shows (query->root, query->text);
}

/* Waits for a label showing @text to be on screen, and fails if none is. */
void
xf_test_assert_label_shown (gpointer    root,
                            const char *text)
{
  LabelQuery query = { root, text };

  if (!xf_test_wait_for (label_shown, &query, 5000))
    g_error ("No label shows “%s”", text);
}

GtkWidget *
xf_test_find_button (GtkWidget  *root,
                     const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The list view whose items are of @item_type, wherever the widget tree
 * puts it. */
GtkWidget *
xf_test_find_list_of (GtkWidget *root,
                      GType      item_type)
{
  if (GTK_IS_LIST_VIEW (root))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (root)));

      if (model != NULL && g_list_model_get_n_items (model) > 0)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, 0);

          if (GTK_IS_TREE_LIST_ROW (item))
            {
              g_autoptr(GObject) inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
              if (G_TYPE_CHECK_INSTANCE_TYPE (inner, item_type))
                return root;
            }
          else if (G_TYPE_CHECK_INSTANCE_TYPE (item, item_type))
            return root;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_list_of (child, item_type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The mapped reader row showing the article labelled @label (第三十二条). */
GtkWidget *
xf_test_find_row_for (GtkWidget  *root,
                      const char *label)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (XF_IS_ARTICLE_ROW (root))
    {
      GObject *item = xf_article_row_get_item (XF_ARTICLE_ROW (root));

      if (XF_IS_ARTICLE (item) && g_strcmp0 (xf_article_get_label (XF_ARTICLE (item)), label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_row_for (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Finds the shortcut @widget's controllers hold for the key and triggers
 * its action, as pressing the key would. */
gboolean
xf_test_activate_shortcut (GtkWidget       *widget,
                           guint            keyval,
                           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  if (error != NULL)
    g_test_message ("Cannot read the clipboard: %s", error->message);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

static gboolean
clipboard_is_local (gpointer data)
{
  return gdk_clipboard_is_local (data);
}

/* The text this process put on the clipboard; a button sets it only when
 * its click animation ends, so this waits for it. */
char *
xf_test_read_clipboard (GdkClipboard *clipboard)
{
  ClipboardRead read = { NULL, FALSE };

  g_assert_true (xf_test_wait_for (clipboard_is_local, clipboard, 5000));

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_read, &read);
  g_assert_true (xf_test_wait_for (clipboard_read_done, &read, 5000));

  return read.text;
}

/* The widget triggering @action_name with the string @target: a button,
 * a row */
GtkWidget *
xf_test_find_action (GtkWidget  *root,
                     const char *action_name,
                     const char *target)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          g_str_equal (g_variant_get_string (value, NULL), target))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xf_test_find_action (child, action_name, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
xf_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

gboolean
xf_test_message_dialog_shown (gpointer data)
{
  return xf_test_find_message_dialog () != NULL;
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/**
 * xf_test_can_send_keys:
 *
 * Returns: whether keys can be pressed through the X server to @window:
 *   the display is an X server, xdotool is installed, and @window has the
 *   focus (which it gets when presented, even without a window manager)
 */
gboolean
xf_test_can_send_keys (GtkWindow *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL &&
         g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_display (GTK_WIDGET (window))), "GdkX11Display") &&
         xf_test_wait_for (window_active, window, 5000);
}

/**
 * xf_test_send_key:
 * @widget: where the key goes when not @through_server
 * @through_server: press it through the X server, as a person would, to
 *   the window with the focus (see xf_test_can_send_keys())
 *
 * Presses a key. Else @widget's shortcuts and key controllers get it, as
 * when it reaches @widget. The caller waits for what it does.
 */
void
xf_test_send_key (GtkWidget       *widget,
                  gboolean         through_server,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s%s", (modifiers & GDK_CONTROL_MASK) ? "ctrl+" : "",
                                           gdk_keyval_name (keyval));
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", name, NULL };
  int status = 0;

  if (!through_server)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
      gboolean handled = FALSE;

      if (xf_test_activate_shortcut (widget, keyval, modifiers))
        return;
      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
        }
      return;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Marks a profile database as holding the shipped content already, so that
 * a window over it shows only what the test put there. */
void
xf_test_skip_default_content (XfDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_set_meta (db, "default_content_version", xf_content_get_version (), &error));
  g_assert_no_error (error);
  g_assert_false (xf_content_needs_defaults (db));
}

static gint64
exec_insert (XfDatabase *db,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xf_database_exec (db, sql, &error));
  g_assert_no_error (error);
  return xf_database_last_insert_rowid (db);
}

/**
 * xf_test_insert_sample_law:
 *
 * A statute as the importer stores it: two chapters, the second with a
 * section, and four articles, one of them with 项.
 *
 * Returns: the law's id
 */
gint64
xf_test_insert_sample_law (XfDatabase *db,
                           const char *title,
                           const char *version_date)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = NULL;
  gint64 law_id, chapter1, chapter5, section1;

  sql = g_strdup_printf ("INSERT INTO laws (uuid, title, version_date, level, imported_at, article_count) "
                         "VALUES ('%s', '%s', '%s', '法律', 0, 4)", uuid, title, version_date);
  law_id = exec_insert (db, sql);
  g_free (sql);

  sql = g_strdup_printf ("INSERT INTO headings (law_id, kind, label, title, position) "
                         "VALUES (%" G_GINT64_FORMAT ", 'chapter', '第一章', '总则', 1)", law_id);
  chapter1 = exec_insert (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO headings (law_id, kind, label, title, position) "
                         "VALUES (%" G_GINT64_FORMAT ", 'chapter', '第五章', '行政处罚的决定', 2)", law_id);
  chapter5 = exec_insert (db, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO headings (law_id, parent_id, kind, label, title, position) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'section', '第一节', '一般规定', 3)",
                         law_id, chapter5);
  section1 = exec_insert (db, sql);
  g_free (sql);

  sql = g_strdup_printf ("INSERT INTO articles (law_id, heading_id, number, label, body, position) VALUES "
                         "(%1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", 1, '第一条', "
                         "'为了规范行政处罚的设定和实施，制定本法。', 1),"
                         "(%1$" G_GINT64_FORMAT ", %2$" G_GINT64_FORMAT ", 2, '第二条', "
                         "'行政处罚是指行政机关依法对违反行政管理秩序的公民予以惩戒的行为。', 2),"
                         "(%1$" G_GINT64_FORMAT ", %3$" G_GINT64_FORMAT ", 32, '第三十二条', "
                         "'当事人有下列情形之一，应当从轻或者减轻行政处罚：\n（一）主动消除或者减轻违法行为危害后果的；\n"
                         "（二）受他人胁迫或者诱骗实施违法行为的；', 3),"
                         "(%1$" G_GINT64_FORMAT ", %4$" G_GINT64_FORMAT ", 33, '第三十三条', "
                         "'违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。', 4)",
                         law_id, chapter1, chapter5, section1);
  exec_insert (db, sql);

  return law_id;
}
