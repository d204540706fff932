/* xf-mistakes-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-exam-format.h"
#include "xf-exam-review-row.h"
#include "xf-mistakes-page.h"
#include "xf-page-read.h"
#include "xf-question-store.h"

/* The 错题本 of the profile: the questions answered wrong and not yet
 * learned, the most recent mistake first. Selecting one shows it with the
 * answer given, the right one and its 解析. Questions can be taken out by
 * hand (Delete), with an undo in a toast, or all at once. The book is read
 * in a thread on a connection of its own; taking questions out is one
 * short UPDATE on the page's connection. */

struct _XfMistakesPage
{
  GtkWidget      parent_instance;

  XfDatabase    *database;
  XfPageRead     read;
  GPtrArray     *entries;    /* Entry: what the rows show */

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  AdwLeaflet    *leaflet;
  GtkWidget     *list_pane;
  GtkWidget     *detail_pane;
  GtkLabel      *count_label;
  GtkListBox    *list_box;
  GtkLabel      *heading_label;
  GtkLabel      *stem_label;
  GtkLabel      *options_label;
  GtkLabel      *answer_label;
  GtkLabel      *key_label;
  GtkLabel      *explanation_label;
  GtkBox        *articles_box;
};

G_DEFINE_FINAL_TYPE (XfMistakesPage, xf_mistakes_page, GTK_TYPE_WIDGET)

typedef struct
{
  XfMistake  *mistake;
  XfQuestion *question;  /* the version answered wrong; NULL: deleted since */
  GPtrArray  *articles;  /* XfArticle (or NULL) a link of the question */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->mistake, xf_mistake_free);
  g_clear_object (&entry->question);
  g_clear_pointer (&entry->articles, g_ptr_array_unref);
  g_free (entry);
}

/**
 * xf_format_mistake_progress:
 *
 * Returns: (transfer full): how far a question is from leaving the book:
 *   "答对 1/3 天"
 */
char *
xf_format_mistake_progress (guint right_days)
{
  /* TRANSLATORS: a question of the mistake book was answered right on %u of the %u separate days it takes to learn it */
  return g_strdup_printf (_("Right on %u/%u days"), right_days, XF_MISTAKE_DAYS_TO_LEARN);
}

/**
 * xf_format_mistake_summary:
 * @have_question: whether the question is still in the banks (@type is
 *   its type)
 *
 * Returns: (transfer full): the line under a mistake's stem: "单选 · 答错
 *   2 次 · 答对 1/3 天 · 2026-06-01 14:30 · 考试名"
 */
char *
xf_format_mistake_summary (const XfMistake *mistake,
                           XfQuestionType   type,
                           gboolean         have_question)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (mistake != NULL, NULL);

  if (have_question)
    g_ptr_array_add (parts, g_strdup (xf_question_type_to_label (type)));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrong %u time", "Wrong %u times",
                                                        mistake->times_wrong),
                                           mistake->times_wrong));
  g_ptr_array_add (parts, xf_format_mistake_progress (mistake->right_days));
  g_ptr_array_add (parts, xf_format_attempt_time (mistake->last_wrong_at));
  if (mistake->source_title != NULL && mistake->source_title[0] != '\0')
    g_ptr_array_add (parts, g_strdup (mistake->source_title));
  else if (g_strcmp0 (mistake->source, XF_MISTAKE_SOURCE_PRACTICE) == 0)
    g_ptr_array_add (parts, g_strdup (C_("mistake source", "Practice")));
  else if (g_strcmp0 (mistake->source, XF_MISTAKE_SOURCE_STUDY) == 0)
    g_ptr_array_add (parts, g_strdup (C_("mistake source", "Study")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* The question as the book shows it: its own options in their own order */
static void
identity_item (XfExamItem *item,
               XfQuestion *question)
{
  memset (item, 0, sizeof *item);
  item->question = (char *)xf_question_get_uuid (question);
  item->type = xf_question_get_question_type (question);
  item->n_options = MIN (xf_question_get_n_options (question), XF_QUESTION_MAX_OPTIONS);
  for (guint i = 0; i < item->n_options; i++)
    item->order[i] = (guint8)i;
}

static void
set_line (GtkLabel   *label,
          const char *title,
          const char *text)
{
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
  if (text == NULL || text[0] == '\0')
    return;
  /* TRANSLATORS: a titled line of the review, as in "正确答案：B. 十六周岁" */
  markup = g_markup_printf_escaped (_("<b>%s:</b> %s"), title, text);
  gtk_label_set_markup (label, markup);
}

static void
show_entry (XfMistakesPage *self,
            Entry          *entry)
{
  XfQuestion *question = entry != NULL ? entry->question : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *options = NULL;
  g_autofree char *given = NULL;
  g_autofree char *key = NULL;
  GtkWidget *child;
  XfExamItem item;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->articles_box))) != NULL)
    gtk_box_remove (self->articles_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->articles_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), entry != NULL);
  if (entry == NULL)
    {
      gtk_label_set_text (self->stem_label, _("Select a question to see it with the right answer"));
      set_line (self->options_label, NULL, NULL);
      set_line (self->answer_label, NULL, NULL);
      set_line (self->key_label, NULL, NULL);
      set_line (self->explanation_label, NULL, NULL);
      return;
    }
  heading = xf_format_mistake_summary (entry->mistake, question != NULL ? xf_question_get_question_type (question) : 0,
                                       question != NULL);
  gtk_label_set_text (self->heading_label, heading);
  if (question == NULL)
    {
      gtk_label_set_text (self->stem_label, _("The question is no longer in the question banks"));
      set_line (self->options_label, NULL, NULL);
      set_line (self->answer_label, NULL, NULL);
      set_line (self->key_label, NULL, NULL);
      set_line (self->explanation_label, NULL, NULL);
      return;
    }

  identity_item (&item, question);
  gtk_label_set_text (self->stem_label, xf_question_get_stem (question));
  if (item.type == XF_QUESTION_SINGLE || item.type == XF_QUESTION_MULTIPLE)
    {
      char letters[XF_QUESTION_MAX_OPTIONS + 1];

      for (guint i = 0; i < item.n_options; i++)
        letters[i] = (char)('A' + i);
      letters[item.n_options] = '\0';
      options = xf_format_exam_answer (&item, question, letters);
    }
  gtk_label_set_text (self->options_label, options != NULL ? options : "");
  gtk_widget_set_visible (GTK_WIDGET (self->options_label), options != NULL);
  given = xf_format_exam_answer (&item, question, entry->mistake->answer);
  key = xf_format_exam_key (&item, question);
  set_line (self->answer_label, _("Your last wrong answer"), given);
  set_line (self->key_label, _("Right answer"), key);
  set_line (self->explanation_label, _("Explanation"), xf_question_get_explanation (question));
  for (guint i = 0; entry->articles != NULL && i < entry->articles->len; i++)
    gtk_box_append (self->articles_box,
                    xf_exam_review_article_new (question, i, g_ptr_array_index (entry->articles, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->articles_box), entry->articles != NULL && entry->articles->len > 0);
}

static Entry *
row_entry (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "xf-entry") : NULL;
}

static void
update_actions (XfMistakesPage *self)
{
  g_autoptr(GList) selected = gtk_list_box_get_selected_rows (self->list_box);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mistakes.remove", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mistakes.clear",
                                 gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) != NULL);
}

static void
update_count (XfMistakesPage *self)
{
  g_autofree char *text = NULL;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question to go over", "%u questions to go over", n), n);
  gtk_label_set_text (self->count_label, text);
  if (n == 0 && self->read.loaded)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

static void
on_list_box_selected_rows_changed_cb (XfMistakesPage *self,
                                      GtkListBox     *list_box)
{
  g_autoptr(GList) selected = gtk_list_box_get_selected_rows (list_box);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list_box);

  /* The one at the cursor when several are selected */
  for (GList *l = selected; l != NULL; l = l->next)
    if (gtk_widget_has_focus (l->data))
      row = l->data;
  show_entry (self, row_entry (row));
  update_actions (self);
}

static void
on_list_box_row_activated_cb (XfMistakesPage *self,
                              GtkListBoxRow  *row,
                              GtkListBox     *list_box)
{
  show_entry (self, row_entry (row));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static GtkWidget *
make_row (Entry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *stem = gtk_label_new (entry->question != NULL ? xf_question_get_stem (entry->question)
                                                           : _("The question is no longer in the question banks"));
  g_autofree char *summary = xf_format_mistake_summary (entry->mistake,
                                                        entry->question != NULL
                                                          ? xf_question_get_question_type (entry->question) : 0,
                                                        entry->question != NULL);
  GtkWidget *caption = gtk_label_new (summary);

  /* Wrapped labels ask for their whole text's width: the list keeps to a
   * sidebar's width beside the question */
  gtk_label_set_max_width_chars (GTK_LABEL (stem), 36);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 36);
  gtk_label_set_xalign (GTK_LABEL (stem), 0);
  gtk_label_set_wrap (GTK_LABEL (stem), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (stem), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (stem), 2);
  gtk_label_set_ellipsize (GTK_LABEL (stem), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), stem);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (stem)), -1);
  g_object_set_data (G_OBJECT (row), "xf-entry", entry);
  return row;
}

static void
clear_rows (XfMistakesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
show_entries (XfMistakesPage *self,
              GPtrArray      *entries)
{
  g_autofree char *selected = NULL;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  GtkListBoxRow *select = NULL;

  /* The question selected stays selected */
  if (row_entry (row) != NULL)
    selected = g_strdup (row_entry (row)->mistake->question_uuid);
  clear_rows (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      GtkWidget *new_row = make_row (entry);

      gtk_list_box_append (self->list_box, new_row);
      if (g_strcmp0 (selected, entry->mistake->question_uuid) == 0)
        select = GTK_LIST_BOX_ROW (new_row);
    }
  if (select == NULL)
    select = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (select != NULL)
    gtk_list_box_select_row (self->list_box, select);
  else
    show_entry (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
  update_count (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mistakes = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);

  db = xf_database_open (task_data, &error);
  if (db == NULL || (mistakes = xf_mistake_store_list (db, FALSE, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < mistakes->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->mistake = g_steal_pointer (&mistakes->pdata[i]);
      entry->question = xf_question_store_get_version (db, entry->mistake->question_uuid,
                                                       entry->mistake->version, NULL);
      if (entry->question != NULL)
        entry->articles = xf_question_store_load_articles (db, entry->question, NULL);
      g_ptr_array_add (entries, entry);
    }
  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify)g_ptr_array_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfMistakesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;
  g_autoptr(GPtrArray) entries = xf_page_read_finish (&self->read, result, &cancelled, &error);

  if (cancelled)
    return;
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_entries (self, entries);
}

/**
 * xf_mistakes_page_reload:
 *
 * Reads the book again, as after an exam was submitted.
 */
void
xf_mistakes_page_reload (XfMistakesPage *self)
{
  g_return_if_fail (XF_IS_MISTAKES_PAGE (self));

  if (self->database == NULL)
    {
      xf_page_read_stop (&self->read);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* The list shown stays until the new one comes. */
  if (!self->read.loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  xf_page_read_start (&self->read, self, self->database, xf_mistakes_page_reload, load_thread, on_loaded);
}

void
xf_mistakes_page_set_database (XfMistakesPage *self,
                               XfDatabase     *database)
{
  g_return_if_fail (XF_IS_MISTAKES_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  xf_page_read_forget (&self->read);
  clear_rows (self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_mistakes_page_reload (self);
}

/**
 * xf_mistakes_page_get_loading:
 *
 * Returns: whether the book is being read, or will be when shown
 */
gboolean
xf_mistakes_page_get_loading (XfMistakesPage *self)
{
  g_return_val_if_fail (XF_IS_MISTAKES_PAGE (self), FALSE);
  return xf_page_read_get_busy (&self->read, self->database);
}

/**
 * xf_mistakes_page_get_state:
 *
 * Returns: what the page shows: "loading", "empty", "error" or "list"
 */
const char *
xf_mistakes_page_get_state (XfMistakesPage *self)
{
  g_return_val_if_fail (XF_IS_MISTAKES_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_mistakes_page_dup_shown:
 *
 * Returns: (transfer full): the UUIDs of the questions listed, in order
 */
char **
xf_mistakes_page_dup_shown (XfMistakesPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (XF_IS_MISTAKES_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_entry (GTK_LIST_BOX_ROW (row)) != NULL)
      g_strv_builder_add (builder, row_entry (GTK_LIST_BOX_ROW (row))->mistake->question_uuid);
  return g_strv_builder_end (builder);
}

/**
 * xf_mistakes_page_select:
 *
 * Selects the row of @question_uuid alone and gives it the focus.
 *
 * Returns: whether the page lists it
 */
gboolean
xf_mistakes_page_select (XfMistakesPage *self,
                         const char     *question_uuid)
{
  g_return_val_if_fail (XF_IS_MISTAKES_PAGE (self), FALSE);
  g_return_val_if_fail (question_uuid != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      Entry *entry = row_entry (GTK_LIST_BOX_ROW (row));

      if (entry != NULL && g_str_equal (entry->mistake->question_uuid, question_uuid))
        {
          gtk_list_box_unselect_all (self->list_box);
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * xf_mistakes_page_get_detail:
 *
 * Returns: the stem the detail pane shows
 */
const char *
xf_mistakes_page_get_detail (XfMistakesPage *self)
{
  g_return_val_if_fail (XF_IS_MISTAKES_PAGE (self), NULL);
  return gtk_label_get_text (self->stem_label);
}

/* Taking questions out, and putting them back */

typedef struct
{
  XfMistakesPage *page;
  GStrv           uuids;
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->page);
  g_strfreev (undo->uuids);
  g_free (undo);
}

static void
show_toast (XfMistakesPage *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (XfMistakesPage *self,
            const GError   *error)
{
  show_toast (self, adw_toast_new (error->message));
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->page->database == NULL ||
      !xf_mistake_store_restore (undo->page->database, (const char * const *)undo->uuids, g_get_real_time (),
                                 NULL, &error))
    {
      if (error != NULL)
        show_error (undo->page, error);
      return;
    }
  xf_mistakes_page_reload (undo->page);
}

/* Takes @uuids out and offers to undo it in a toast that says @message */
static void
remove_questions (XfMistakesPage *self,
                  GStrv           uuids,
                  const char     *message)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  Undo *undo;

  if (!xf_mistake_store_remove (self->database, (const char * const *)uuids, g_get_real_time (), NULL, &error))
    {
      show_error (self, error);
      return;
    }
  undo = g_new0 (Undo, 1);
  undo->page = g_object_ref (self);
  undo->uuids = uuids;
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                         (GClosureNotify)(void (*) (void))undo_free, 0);
  show_toast (self, toast);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfMistakesPage *self = XF_MISTAKES_PAGE (widget);
  g_autoptr(GList) selected = gtk_list_box_get_selected_rows (self->list_box);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *message = NULL;
  GtkListBoxRow *next = NULL;
  guint n = 0;

  if (self->database == NULL || selected == NULL)
    return;
  for (GList *l = selected; l != NULL; l = l->next)
    {
      g_strv_builder_add (builder, row_entry (l->data)->mistake->question_uuid);
      n++;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question taken out of the mistake book",
                                          "%u questions taken out of the mistake book", n),
                             n);
  remove_questions (self, g_strv_builder_end (builder), message);

  /* The rows go at once; the row after the last one taken out is next */
  for (GtkWidget *row = gtk_widget_get_next_sibling (g_list_last (selected)->data); row != NULL && next == NULL;
       row = gtk_widget_get_next_sibling (row))
    if (!gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
      next = GTK_LIST_BOX_ROW (row);
  if (next == NULL)
    for (GtkWidget *row = gtk_widget_get_prev_sibling (selected->data); row != NULL && next == NULL;
         row = gtk_widget_get_prev_sibling (row))
      if (!gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
        next = GTK_LIST_BOX_ROW (row);
  for (GList *l = selected; l != NULL; l = l->next)
    gtk_list_box_remove (self->list_box, l->data);
  if (next != NULL)
    {
      gtk_list_box_select_row (self->list_box, next);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  update_count (self);
}

static void
on_clear_dialog_response_cb (XfMistakesPage   *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  g_auto(GStrv) shown = NULL;

  if (g_strcmp0 (response, "clear") != 0 || self->database == NULL)
    return;
  shown = xf_mistakes_page_dup_shown (self);
  remove_questions (self, g_steal_pointer (&shown), _("The mistake book was cleared"));
  clear_rows (self);
  show_entry (self, NULL);
  update_count (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfMistakesPage *self = XF_MISTAKES_PAGE (widget);
  g_auto(GStrv) shown = xf_mistakes_page_dup_shown (self);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n = g_strv_length (shown);

  if (self->database == NULL || n == 0)
    return;
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u question leaves the mistake book. It comes back when it is answered wrong again.",
                                       "%u questions leave the mistake book. Each comes back when it is answered wrong again.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Clear the mistake book?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_clear_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfMistakesPage *self = XF_MISTAKES_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
xf_mistakes_page_map (GtkWidget *widget)
{
  XfMistakesPage *self = XF_MISTAKES_PAGE (widget);

  GTK_WIDGET_CLASS (xf_mistakes_page_parent_class)->map (widget);

  /* Exams submitted elsewhere (another window, xuefactl) show up too */
  if (!self->read.loading)
    xf_mistakes_page_reload (self);
}

static void
xf_mistakes_page_dispose (GObject *object)
{
  XfMistakesPage *self = (XfMistakesPage *)object;
  GtkWidget *child;

  xf_page_read_clear (&self->read);
  /* The rows go with the list, which tells of its selection changing:
   * the detail's labels are gone by then */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_MISTAKES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_mistakes_page_parent_class)->dispose (object);
}

static void
xf_mistakes_page_class_init (XfMistakesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_mistakes_page_dispose;
  widget_class->map = xf_mistakes_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-mistakes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, options_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, answer_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, XfMistakesPage, articles_box);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_selected_rows_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "mistakes.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "mistakes.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "mistakes.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "mistakes.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_mistakes_page_init (XfMistakesPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Delete acts on the list's selection where the list has the focus: in
   * the detail, text can be selected and copied */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("mistakes.remove")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("mistakes.remove")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), shortcuts);
  xf_page_read_init (&self->read, self->spinner);
  show_entry (self, NULL);
  update_actions (self);
}
