/* xf-article-picker.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-article-picker.h"
#include "xf-chinese-numeral.h"
#include "xf-gui-format.h"
#include "xf-law-store.h"
#include "xf-list-item.h"
#include "xf-question-store.h"
#include "xf-search-engine.h"

/* Finds an article for a question to link: a citation typed as people
 * write it (行政处罚法第三十二条, 《民法典》第1084条) is looked up directly;
 * any other words search the statutes' text, in a thread, as the search
 * page does. Choosing a result emits ::article-chosen. */

#define HIT_LIMIT 30

typedef struct
{
  char  *law_title;
  guint  number;
  guint  sub;
} Result;

struct _XfArticlePicker
{
  GtkPopover      parent_instance;

  XfDatabase     *database;
  XfSearchEngine *engine;
  GCancellable   *cancellable;
  GArray         *results;   /* Result, in the order of the rows */

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkLabel       *hint_label;
  GtkListBox     *results_list;
};

G_DEFINE_FINAL_TYPE (XfArticlePicker, xf_article_picker, GTK_TYPE_POPOVER)

enum {
  ARTICLE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->law_title, g_free);
}

static gboolean
have_result (XfArticlePicker *self,
             const char      *law_title,
             guint            number,
             guint            sub)
{
  for (guint i = 0; i < self->results->len; i++)
    {
      Result *result = &g_array_index (self->results, Result, i);

      if (result->number == number && result->sub == sub && g_str_equal (result->law_title, law_title))
        return TRUE;
    }
  return FALSE;
}

static void
add_result (XfArticlePicker *self,
            const char      *law_title,
            guint            number,
            guint            sub,
            const char      *text,
            gboolean         text_is_markup)
{
  g_autofree char *label = xf_article_format_label (number, sub);
  g_autofree char *citation = xf_format_citation (law_title, label);
  Result result = { g_strdup (law_title), number, sub };
  GtkWidget *box, *title, *snippet, *row;

  if (have_result (self, law_title, number, sub))
    {
      result_clear (&result);
      return;
    }
  g_array_append_val (self->results, result);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  title = gtk_label_new (citation);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  snippet = gtk_label_new (NULL);
  if (text_is_markup)
    gtk_label_set_markup (GTK_LABEL (snippet), text);
  else
    gtk_label_set_text (GTK_LABEL (snippet), text);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 40);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), snippet);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->results_list, row);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
clear_results (XfArticlePicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_array_set_size (self->results, 0);
}

/* An article number as written: 32, ３２ or 三十二. */
static guint
parse_number (const char *text,
              gsize       len)
{
  g_autofree char *word = g_utf8_normalize (text, len, G_NORMALIZE_ALL_COMPOSE);
  guint64 value = 0;
  guint number = 0;

  if (word == NULL || word[0] == '\0')
    return 0;
  if (g_ascii_isdigit (word[0]))
    return g_ascii_string_to_unsigned (word, 10, 1, 9999, &value, NULL) ? (guint)value : 0;
  return xf_chinese_numeral_parse (word, strlen (word), &number) ? number : 0;
}

/* Reads "行政处罚法第三十二条", "《民法典》第1084条" or "第三十二条之一"
 * after a statute's name. */
static gboolean
parse_citation (const char  *text,
                char       **law,
                guint       *number,
                guint       *sub)
{
  const char *article = strstr (text, "第");
  const char *end, *after;
  g_autofree char *name = NULL;

  if (article == NULL || article == text)
    return FALSE;
  end = strstr (article, "条");
  if (end == NULL)
    return FALSE;
  *number = parse_number (article + strlen ("第"), end - article - strlen ("第"));
  if (*number == 0)
    return FALSE;

  *sub = 0;
  after = end + strlen ("条");
  if (g_str_has_prefix (after, "之"))
    *sub = parse_number (after + strlen ("之"), strlen (after + strlen ("之")));

  name = g_strndup (text, article - text);
  g_strstrip (name);
  if (g_str_has_prefix (name, "《"))
    memmove (name, name + strlen ("《"), strlen (name) - strlen ("《") + 1);
  if (g_str_has_suffix (name, "》"))
    name[strlen (name) - strlen ("》")] = '\0';
  g_strstrip (name);
  if (name[0] == '\0')
    return FALSE;
  *law = g_steal_pointer (&name);
  return TRUE;
}

static void
add_citation (XfArticlePicker *self,
              const char      *text)
{
  g_autoptr(XfQuestion) scratch = xf_question_new (XF_QUESTION_SINGLE);
  g_autoptr(XfArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *law = NULL;
  guint number, sub;
  gint64 id;

  if (!parse_citation (text, &law, &number, &sub))
    return;
  xf_question_add_link (scratch, law, number, sub);
  id = xf_question_store_resolve_link (self->database, scratch, 0, &error);
  if (id > 0)
    article = xf_law_store_get_article (self->database, id, &error);
  if (article != NULL)
    add_result (self, xf_article_get_law_title (article), xf_article_get_number (article),
                xf_article_get_sub (article), xf_article_get_body (article), FALSE);
  else if (error != NULL)
    g_warning ("Cannot look up an article: %s", error->message);
}

static void
show_nothing_found (XfArticlePicker *self)
{
  if (self->results->len > 0)
    return;
  gtk_label_set_text (self->hint_label, _("No article found"));
  gtk_stack_set_visible_child_name (self->stack, "hint");
}

static void
on_query_finished (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XfArticlePicker) self = user_data;
  g_autoptr(XfSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  results = xf_search_engine_query_finish (XF_SEARCH_ENGINE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (results == NULL)
    {
      g_warning ("Cannot search the statutes: %s", error->message);
      show_nothing_found (self);
      return;
    }

  n = xf_search_results_get_n_hits (results);
  for (guint i = 0; i < n; i++)
    {
      XfSearchHit *hit = xf_search_results_get_hit (results, i);
      g_autofree char *markup = NULL;

      if (xf_search_hit_get_kind (hit) != XF_SEARCH_HIT_ARTICLE)
        continue;
      markup = xf_search_hit_to_markup (hit);
      add_result (self, xf_search_hit_get_law_title (hit), (guint)xf_search_hit_get_number (hit),
                  (guint)xf_search_hit_get_sub (hit), markup, TRUE);
    }
  show_nothing_found (self);
}

/**
 * xf_article_picker_search:
 *
 * Shows the articles @text cites at once, then those whose text holds it.
 */
void
xf_article_picker_search (XfArticlePicker *self,
                          const char      *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XF_IS_ARTICLE_PICKER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_results (self);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (stripped[0] == '\0' || self->database == NULL)
    {
      gtk_label_set_text (self->hint_label, _("Name the statute and the article, or search the statutes' text"));
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  add_citation (self, stripped);
  if (self->engine == NULL)
    {
      show_nothing_found (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  xf_search_engine_query_async (self->engine, stripped, HIT_LIMIT, self->cancellable,
                                on_query_finished, g_object_ref (self));
}

/**
 * xf_article_picker_get_n_results:
 *
 * Returns: how many articles are offered
 */
guint
xf_article_picker_get_n_results (XfArticlePicker *self)
{
  g_return_val_if_fail (XF_IS_ARTICLE_PICKER (self), 0);
  return self->results->len;
}

/**
 * xf_article_picker_choose:
 *
 * Chooses the result at @index, as clicking it does.
 *
 * Returns: whether there was one
 */
gboolean
xf_article_picker_choose (XfArticlePicker *self,
                          guint            index)
{
  Result *result;

  g_return_val_if_fail (XF_IS_ARTICLE_PICKER (self), FALSE);

  if (index >= self->results->len)
    return FALSE;
  result = &g_array_index (self->results, Result, index);
  g_signal_emit (self, signals[ARTICLE_CHOSEN], 0, result->law_title, result->number, result->sub);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
on_search_entry_search_changed_cb (XfArticlePicker *self,
                                   GtkSearchEntry  *entry)
{
  xf_article_picker_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_activate_cb (XfArticlePicker *self)
{
  xf_article_picker_choose (self, 0);
}

static void
on_results_list_row_activated_cb (XfArticlePicker *self,
                                  GtkListBoxRow   *row)
{
  xf_article_picker_choose (self, (guint)gtk_list_box_row_get_index (row));
}

static void
xf_article_picker_show (GtkWidget *widget)
{
  XfArticlePicker *self = XF_ARTICLE_PICKER (widget);

  GTK_WIDGET_CLASS (xf_article_picker_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
xf_article_picker_dispose (GObject *object)
{
  XfArticlePicker *self = (XfArticlePicker *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_ARTICLE_PICKER);
  g_clear_object (&self->engine);
  g_clear_object (&self->database);
  g_clear_pointer (&self->results, g_array_unref);

  G_OBJECT_CLASS (xf_article_picker_parent_class)->dispose (object);
}

static void
xf_article_picker_class_init (XfArticlePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_article_picker_dispose;
  widget_class->show = xf_article_picker_show;

  /**
   * XfArticlePicker::article-chosen:
   * @law_title: the statute's full title
   * @number: the article's number
   * @sub: 0, or the number of an inserted article (之一 is 1)
   *
   * An article was chosen.
   */
  signals[ARTICLE_CHOSEN] =
    g_signal_new ("article-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-article-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, XfArticlePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfArticlePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, XfArticlePicker, hint_label);
  gtk_widget_class_bind_template_child (widget_class, XfArticlePicker, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);
}

static void
xf_article_picker_init (XfArticlePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_array_new (FALSE, FALSE, sizeof (Result));
  g_array_set_clear_func (self->results, (GDestroyNotify)result_clear);
}

/**
 * xf_article_picker_new:
 * @database: the profile's database, whose statutes are searched
 *
 * Returns: (transfer full): a new picker
 */
XfArticlePicker *
xf_article_picker_new (XfDatabase *database)
{
  XfArticlePicker *self;
  const char *path;

  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);

  self = g_object_new (XF_TYPE_ARTICLE_PICKER, NULL);
  self->database = g_object_ref (database);

  /* The text search runs in a thread on a connection of its own; a
   * database in memory has none to offer, and is searched by citation. */
  path = xf_database_get_path (database);
  if (path != NULL && !g_str_equal (path, ":memory:"))
    self->engine = xf_search_engine_new (path);
  return self;
}
