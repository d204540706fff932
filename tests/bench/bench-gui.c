/* bench-gui.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app's own start-up and memory, on whatever profile XUEFA_DATA_DIR
 * holds (bench-gui.sh fills one with a province-size library):
 *
 *   bench-gui startup   runs Xuefa as main.c does and quits once a painted
 *                       frame shows the list of statutes with its rows; the
 *                       script times the process against
 *                       tests/bench/empty-window.
 *   bench-gui memory    opens laws and articles, searches as a person would,
 *                       then prints the process's memory as JSON.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "xf-application.h"
#include "xf-law-store.h"
#include "xf-window-private.h"

typedef struct
{
  XfWindow  *window;
  GPtrArray *steps;
  guint      step;
  gint64     started;
  gboolean   memory;
} Bench;

static const char * const queries[] = {
  "法", "行政", "处罚", "行政处罚", "听证", "许可", "复议", "行政复议机关",
  "政府信息公开", "合同", "人民法院", "赔偿", "公务员", "监察", "立法",
  "当事人", "应当", "物权", "继承", "侵权责任",
};

static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

static gboolean
run_step (gpointer user_data)
{
  Bench *bench = user_data;
  GtkWidget *widget = GTK_WIDGET (bench->window);
  XfDatabase *db = xf_window_get_database (bench->window);
  g_autoptr(GListModel) laws = NULL;
  guint n_laws;
  guint i = bench->step++;

  if (db == NULL)
    {
      /* The profile is still opening. */
      bench->step--;
      return G_SOURCE_CONTINUE;
    }

  laws = xf_law_store_list_laws (db, NULL);
  n_laws = g_list_model_get_n_items (laws);

  if (i < 40 && n_laws > 0)
    {
      /* Browse: open laws spread over the library and a few of their articles. */
      g_autoptr(XfLaw) law = g_list_model_get_item (laws, (i * 7919) % n_laws);
      g_autoptr(GListModel) articles = xf_law_store_list_articles (db, xf_law_get_id (law), 0, NULL);
      guint n = g_list_model_get_n_items (articles);

      gtk_widget_activate_action (widget, "win.open-law", "x", xf_law_get_id (law));
      if (n > 0)
        {
          g_autoptr(XfArticle) article = g_list_model_get_item (articles, (i * 31) % n);
          gtk_widget_activate_action (widget, "win.open-article", "x", xf_article_get_id (article));
        }
      return G_SOURCE_CONTINUE;
    }

  if (i < 40 + 2 * G_N_ELEMENTS (queries))
    {
      /* Search as you type: every query, then clear it again. */
      guint q = (i - 40) / 2;

      if ((i - 40) % 2 == 0)
        {
          gtk_widget_activate_action (widget, "win.search", NULL);
          gtk_editable_set_text (GTK_EDITABLE (bench->window->search_entry), queries[q]);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (bench->window->search_entry), "");
      return G_SOURCE_CONTINUE;
    }

  g_print ("{\"laws\": %u, \"rss_mb\": %.1f, \"peak_rss_mb\": %.1f, \"rss_anon_mb\": %.1f, \"seconds\": %.1f}\n",
           n_laws,
           status_kb ("VmRSS:") / 1024.0,
           status_kb ("VmHWM:") / 1024.0,
           status_kb ("RssAnon:") / 1024.0,
           (g_get_monotonic_time () - bench->started) / (double)G_USEC_PER_SEC);
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

/* Whether a frame has shown a list of statutes with rows in it: the window
 * is then not only up but useful. */
static gboolean
shows_rows (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (GTK_IS_LIST_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));

      return model != NULL && g_list_model_get_n_items (model) > 0 &&
             gtk_widget_get_first_child (widget) != NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_rows (child))
      return TRUE;

  return FALSE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  if (!bench->memory)
    {
      if (shows_rows (GTK_WIDGET (bench->window)))
        {
          g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);
          g_application_quit (g_application_get_default ());
        }
      return;
    }

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, bench);

  /* A step every 150 ms leaves the worker threads time to answer, as a
   * person's pace would. */
  g_timeout_add (150, run_step, bench);
}

static void
on_map (GtkWidget *widget,
        Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), bench);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (!XF_IS_WINDOW (window) || bench->window != NULL)
    return;
  bench->window = XF_WINDOW (window);
  g_signal_connect (window, "map", G_CALLBACK (on_map), bench);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XfApplication) app = NULL;
  Bench bench = { 0 };

  if (argc != 2 || (!g_str_equal (argv[1], "startup") && !g_str_equal (argv[1], "memory")))
    {
      g_printerr ("Usage: bench-gui startup|memory (with XUEFA_DATA_DIR set)\n");
      return 2;
    }
  bench.memory = g_str_equal (argv[1], "memory");
  bench.started = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &bench);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
