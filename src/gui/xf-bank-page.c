/* xf-bank-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-bank-page-private.h"
#include "xf-question-row.h"
#include "xf-question-store.h"

/* The question bank (题库): every question of the profile's banks, filtered
 * by bank, type, category, difficulty, tag, statute and text as a person
 * types. Filtering runs on the main thread over an XfQuestionIndex, which
 * is built in a thread on a connection of its own (SQLite connections are
 * not shared across threads) and built again after every change. The list
 * holds ids; rows read their question from the store as they show. */

G_DEFINE_FINAL_TYPE (XfBankPage, xf_bank_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_build (XfBankPage *self);

static const char *short_law_prefix = "中华人民共和国";

void
xf_bank_page_show_error (XfBankPage   *self,
                         const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
set_loading (XfBankPage *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static guint
total_questions (XfBankPage *self)
{
  XfQuestionBank *bank = xf_bank_page_get_selected_bank (self);
  guint total = 0;

  if (bank != NULL)
    return xf_question_bank_get_n_questions (bank);
  for (guint i = 0; self->banks != NULL && i < g_list_model_get_n_items (self->banks); i++)
    {
      g_autoptr(XfQuestionBank) each = g_list_model_get_item (self->banks, i);
      total += xf_question_bank_get_n_questions (each);
    }
  return total;
}

static guint
all_questions (XfBankPage *self)
{
  guint total = 0;

  for (guint i = 0; self->banks != NULL && i < g_list_model_get_n_items (self->banks); i++)
    {
      g_autoptr(XfQuestionBank) each = g_list_model_get_item (self->banks, i);
      total += xf_question_bank_get_n_questions (each);
    }
  return total;
}

/* The count line, and which of the list or an empty state shows. */
static void
update_status (XfBankPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
  guint total = total_questions (self);
  g_autofree char *status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Showing %u of %u question",
                                                          "Showing %u of %u questions", total),
                                             shown, total);

  gtk_label_set_text (self->status_label, self->index != NULL ? status : "");

  if (self->index == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (all_questions (self) == 0 && shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-matches");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* The choice a dropdown shows, or NULL for its first entry ("all"). */
static const char *
selected_choice (GtkDropDown   *dropdown,
                 GtkStringList *names)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (names, selected);
}

/**
 * xf_bank_page_apply_filter:
 *
 * Lists the questions the filters select. Takes a few milliseconds for
 * 100 000 questions, so it runs as the person types.
 */
void
xf_bank_page_apply_filter (XfBankPage *self)
{
  XfQuestionFilter filter = XF_QUESTION_FILTER_INIT;
  XfQuestionBank *bank;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  guint type, difficulty;
  gint64 started;

  if (self->updating)
    return;
  if (self->index == NULL)
    {
      update_status (self);
      return;
    }

  started = g_get_monotonic_time ();
  bank = xf_bank_page_get_selected_bank (self);
  filter.bank_id = bank != NULL ? xf_question_bank_get_id (bank) : 0;
  type = gtk_drop_down_get_selected (self->type_dropdown);
  filter.type = type > 0 && type != GTK_INVALID_LIST_POSITION ? (int)type - 1 : -1;
  difficulty = gtk_drop_down_get_selected (self->difficulty_dropdown);
  filter.difficulty = difficulty != GTK_INVALID_LIST_POSITION ? difficulty : 0;
  filter.category = selected_choice (self->category_dropdown, self->category_names);
  filter.tag = selected_choice (self->tag_dropdown, self->tag_names);
  filter.law = selected_choice (self->law_dropdown, self->law_names);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  filter.text = text;

  ids = xf_question_index_filter (self->index, &filter);
  if (g_hash_table_size (self->hidden) > 0)
    {
      guint kept = 0;

      for (guint i = 0; i < ids->len; i++)
        if (!g_hash_table_contains (self->hidden, &g_array_index (ids, gint64, i)))
          g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
      g_array_set_size (ids, kept);
    }
  xf_question_list_model_set_ids (self->questions, ids);
  update_status (self);

  g_debug ("Filtered %u of %u questions in %.2f ms", ids->len,
           xf_question_index_get_n_questions (self->index),
           (g_get_monotonic_time () - started) / 1000.0);
}

static void
on_filter_changed_cb (XfBankPage *self)
{
  xf_bank_page_apply_filter (self);
}

static void
on_bank_dropdown_selected_cb (XfBankPage *self)
{
  xf_bank_page_apply_filter (self);
  xf_bank_page_actions_update (self);
}

static void
on_search_entry_search_changed_cb (XfBankPage *self)
{
  xf_bank_page_apply_filter (self);
}

static void
on_search_entry_stop_search_cb (XfBankPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Also when rows go: taking a row out of the list takes it out of the
 * selection without a word. */
static void
on_selection_selection_changed_cb (XfBankPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *text = NULL;

  if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", (gulong)n), (guint)n);
  gtk_label_set_text (self->selection_label, text ? text : "");
  xf_bank_page_actions_update (self);
}

static void
on_list_view_activate_cb (XfBankPage *self,
                          guint       position)
{
  gint64 id = xf_question_list_model_get_id (self->questions, position);

  if (id > 0)
    xf_bank_page_edit_question (self, id);
}

/* Replaces a dropdown's choices, keeping the one chosen when it is still
 * there. */
static void
set_choices (GtkDropDown   *dropdown,
             GtkStringList *names,
             const char    *all_label,
             GPtrArray     *choices)
{
  g_autofree char *chosen = g_strdup (selected_choice (dropdown, names));
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_add (strings, (gpointer)all_label);
  for (guint i = 0; i < choices->len; i++)
    {
      g_ptr_array_add (strings, choices->pdata[i]);
      if (g_strcmp0 (chosen, choices->pdata[i]) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *)strings->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
}

static GPtrArray *
strv_to_array (GStrv strv)
{
  GPtrArray *array = g_ptr_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, strv[i]);
  return array;
}

/* A statute may be cited with or without 中华人民共和国: the filter
 * matches both, so the choice names it once, short. */
static GPtrArray *
short_law_titles (GStrv laws)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; laws != NULL && laws[i] != NULL; i++)
    {
      const char *title = laws[i];

      if (g_str_has_prefix (title, short_law_prefix) && strlen (title) > strlen (short_law_prefix))
        title += strlen (short_law_prefix);
      if (g_hash_table_contains (seen, title))
        continue;
      g_ptr_array_add (titles, g_strdup (title));
      g_hash_table_add (seen, titles->pdata[titles->len - 1]);
    }
  return titles;
}

static void
update_choices (XfBankPage *self)
{
  g_auto(GStrv) categories = xf_question_index_dup_categories (self->index);
  g_auto(GStrv) tags = xf_question_index_dup_tags (self->index);
  g_auto(GStrv) laws = xf_question_index_dup_laws (self->index);
  g_autoptr(GPtrArray) category_list = strv_to_array (categories);
  g_autoptr(GPtrArray) tag_list = strv_to_array (tags);
  g_autoptr(GPtrArray) law_list = short_law_titles (laws);

  self->updating = TRUE;
  set_choices (self->category_dropdown, self->category_names, _("All categories"), category_list);
  set_choices (self->tag_dropdown, self->tag_names, _("All tags"), tag_list);
  set_choices (self->law_dropdown, self->law_names, _("All statutes"), law_list);
  self->updating = FALSE;
}

typedef struct
{
  XfBankPage *page;
  XfDatabase *database;  /* which profile the index is for */
  guint       change;    /* the last change the index holds */
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_clear_object (&data->page);
  g_clear_object (&data->database);
  g_free (data);
}

static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  XfQuestionIndex *index;

  db = xf_database_open (path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  index = xf_question_index_new (db, &error);
  if (index == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, index, g_object_unref);
}

static void
install_index (XfBankPage      *self,
               XfQuestionIndex *index,
               guint            change)
{
  GHashTableIter iter;
  gpointer value;

  g_set_object (&self->index, index);

  /* Deleted before this index was read: it no longer holds them. */
  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_UINT (value) <= change)
      g_hash_table_iter_remove (&iter);

  update_choices (self);
  xf_bank_page_apply_filter (self);
  xf_bank_page_actions_update (self);
}

static void
on_index_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BuildData *data = user_data;
  XfBankPage *self = data->page;
  g_autoptr(XfQuestionIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  index = g_task_propagate_pointer (G_TASK (result), &error);

  /* Another profile by now, or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || data->database != self->database)
    {
      build_data_free (data);
      return;
    }

  self->building = FALSE;
  if (index == NULL)
    xf_bank_page_show_error (self, error);
  else
    install_index (self, index, data->change);

  if (self->build_again)
    start_build (self);
  else
    set_loading (self, FALSE);
  build_data_free (data);
}

static void
start_build (XfBankPage *self)
{
  g_autoptr(GTask) task = NULL;
  const char *path;
  BuildData *data;

  if (self->database == NULL)
    return;
  if (self->building)
    {
      self->build_again = TRUE;
      return;
    }

  self->build_again = FALSE;
  set_loading (self, TRUE);
  path = xf_database_get_path (self->database);

  /* A database in memory has no second connection: read it here. */
  if (path == NULL || g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file::memory:"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XfQuestionIndex) index = xf_question_index_new (self->database, &error);

      if (index == NULL)
        xf_bank_page_show_error (self, error);
      else
        install_index (self, index, self->change);
      set_loading (self, FALSE);
      return;
    }

  self->building = TRUE;
  data = g_new0 (BuildData, 1);
  data->page = g_object_ref (self);
  data->database = g_object_ref (self->database);
  data->change = self->change;

  task = g_task_new (NULL, self->cancellable, on_index_built, data);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, build_index_thread);
}

/**
 * xf_bank_page_reload_banks:
 *
 * Reads the banks and their counts again, keeping the one chosen.
 */
void
xf_bank_page_reload_banks (XfBankPage *self)
{
  g_autoptr(GListModel) banks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  XfQuestionBank *chosen = xf_bank_page_get_selected_bank (self);
  gint64 chosen_id = chosen != NULL ? xf_question_bank_get_id (chosen) : 0;
  guint selected = 0;
  guint total = 0;
  guint n;

  if (self->database != NULL)
    {
      banks = xf_question_store_list_banks (self->database, &error);
      if (banks == NULL)
        xf_bank_page_show_error (self, error);
    }

  n = banks != NULL ? g_list_model_get_n_items (banks) : 0;
  g_ptr_array_add (names, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (banks, i);

      /* TRANSLATORS: a question bank and how many questions it holds */
      g_ptr_array_add (names, g_strdup_printf (_("%s (%u)"), xf_question_bank_get_title (bank),
                                               xf_question_bank_get_n_questions (bank)));
      total += xf_question_bank_get_n_questions (bank);
      if (xf_question_bank_get_id (bank) == chosen_id)
        selected = i + 1;
    }
  names->pdata[0] = g_strdup_printf (_("All banks (%u)"), total);
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  g_set_object (&self->banks, banks);
  gtk_string_list_splice (self->bank_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bank_names)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->bank_dropdown, selected);
  self->updating = FALSE;
}

/**
 * xf_bank_page_changed:
 *
 * Questions were written: the counts are read again and the index built
 * again in the background; the list follows when it is ready.
 */
void
xf_bank_page_changed (XfBankPage *self)
{
  self->change++;
  xf_bank_page_reload_banks (self);
  update_status (self);
  start_build (self);
}

/**
 * xf_bank_page_hide_ids:
 *
 * Takes deleted questions out of the list at once, and out of every filter
 * until an index without them is built.
 */
void
xf_bank_page_hide_ids (XfBankPage   *self,
                       const gint64 *ids,
                       guint         n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (self->hidden, g_memdup2 (&ids[i], sizeof (gint64)),
                         GUINT_TO_POINTER (self->change + 1));
  xf_question_list_model_remove_ids (self->questions, ids, n_ids);
}

/**
 * xf_bank_page_show_ids:
 *
 * Puts questions brought back into the list at once; the index built
 * after the change then places them by the filters.
 */
void
xf_bank_page_show_ids (XfBankPage   *self,
                       const gint64 *ids,
                       guint         n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_remove (self->hidden, &ids[i]);
  xf_question_list_model_insert_ids (self->questions, ids, n_ids);
}

/**
 * xf_bank_page_reload:
 *
 * Reads the banks again and rebuilds the index, as after an import.
 */
void
xf_bank_page_reload (XfBankPage *self)
{
  g_return_if_fail (XF_IS_BANK_PAGE (self));

  self->stale = FALSE;
  if (self->load_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick);
  self->load_tick = 0;

  xf_question_list_model_forget (self->questions);
  xf_bank_page_changed (self);
}

static void
xf_bank_page_dispose (GObject *object)
{
  XfBankPage *self = (XfBankPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->load_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->load_tick);
  self->load_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_BANK_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->banks);
  g_clear_object (&self->index);
  g_clear_object (&self->questions);
  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (xf_bank_page_parent_class)->dispose (object);
}

static void
xf_bank_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XfBankPage *self = XF_BANK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_bank_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XfBankPage *self = XF_BANK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_bank_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Loading on the first frame after the page has a size lets the list view
 * make only the rows that show. */
static gboolean
load_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  XfBankPage *self = XF_BANK_PAGE (widget);

  if (gtk_widget_get_width (widget) <= 0)
    return G_SOURCE_CONTINUE;

  self->load_tick = 0;
  xf_bank_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
xf_bank_page_map (GtkWidget *widget)
{
  XfBankPage *self = XF_BANK_PAGE (widget);

  GTK_WIDGET_CLASS (xf_bank_page_parent_class)->map (widget);

  if (self->stale && self->load_tick == 0)
    self->load_tick = gtk_widget_add_tick_callback (widget, load_tick_cb, NULL, NULL);
}

static void
xf_bank_page_class_init (XfBankPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_bank_page_dispose;
  object_class->get_property = xf_bank_page_get_property;
  object_class->set_property = xf_bank_page_set_property;
  widget_class->map = xf_bank_page_map;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XfBankPage:loading:
   *
   * Whether the index of the questions is being built.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_QUESTION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-bank-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, bank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, bank_names);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, category_names);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, difficulty_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, tag_names);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, law_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, law_names);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  xf_bank_page_class_add_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_bank_page_init (XfBankPage *self)
{
  g_autoptr(GtkStringList) types = NULL;
  g_autoptr(GtkStringList) difficulties = NULL;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->hidden = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->questions = xf_question_list_model_new (NULL);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->questions));

  self->updating = TRUE;
  types = gtk_string_list_new (NULL);
  gtk_string_list_append (types, _("All types"));
  for (guint i = 0; i < XF_QUESTION_N_TYPES; i++)
    gtk_string_list_append (types, xf_question_type_to_label (i));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  difficulties = gtk_string_list_new (NULL);
  gtk_string_list_append (difficulties, _("Any difficulty"));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *label = xf_question_row_format_difficulty (i);
      gtk_string_list_append (difficulties, label);
    }
  gtk_drop_down_set_model (self->difficulty_dropdown, G_LIST_MODEL (difficulties));
  self->updating = FALSE;

  /* Delete acts on the list's selection only where the list has the focus:
   * in the search entry it deletes text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("bank.delete")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                                                          gtk_named_action_new ("bank.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  self->stale = TRUE;
  xf_bank_page_reload_banks (self);
  update_status (self);
  xf_bank_page_actions_update (self);
}

/**
 * xf_bank_page_get_database:
 *
 * Returns: (transfer none) (nullable): the profile's database
 */
XfDatabase *
xf_bank_page_get_database (XfBankPage *self)
{
  g_return_val_if_fail (XF_IS_BANK_PAGE (self), NULL);
  return self->database;
}

void
xf_bank_page_set_database (XfBankPage *self,
                           XfDatabase *database)
{
  g_autoptr(GArray) none = NULL;

  g_return_if_fail (XF_IS_BANK_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  /* Another profile: nothing of the last one's may arrive or show. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->building = FALSE;
  self->build_again = FALSE;
  set_loading (self, FALSE);
  g_clear_object (&self->index);
  g_hash_table_remove_all (self->hidden);

  none = g_array_new (FALSE, FALSE, sizeof (gint64));
  xf_question_list_model_set_ids (self->questions, none);
  g_clear_object (&self->questions);
  self->questions = xf_question_list_model_new (database);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->questions));

  xf_bank_page_reload_banks (self);
  update_status (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_bank_page_reload (self);
  else
    self->stale = TRUE;
  xf_bank_page_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * xf_bank_page_get_loading:
 *
 * Returns: whether the index of the questions is being built
 */
gboolean
xf_bank_page_get_loading (XfBankPage *self)
{
  g_return_val_if_fail (XF_IS_BANK_PAGE (self), FALSE);
  return self->loading || self->stale;
}

/**
 * xf_bank_page_get_selected_bank:
 *
 * Returns: (transfer none) (nullable): the bank shown, or %NULL when the
 *   page shows every bank
 */
XfQuestionBank *
xf_bank_page_get_selected_bank (XfBankPage *self)
{
  guint selected;
  XfQuestionBank *bank;

  g_return_val_if_fail (XF_IS_BANK_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->bank_dropdown);
  if (self->banks == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_list_model_get_n_items (self->banks))
    return NULL;

  /* The list holds a reference: the bank outlives this call. */
  bank = g_list_model_get_item (self->banks, selected - 1);
  g_object_unref (bank);
  return bank;
}

/**
 * xf_bank_page_dup_filtered_questions:
 *
 * Reads every question the filters select, as an export needs them.
 *
 * Returns: (transfer full) (element-type XfQuestion): the questions, in
 *   the order listed
 */
GPtrArray *
xf_bank_page_dup_filtered_questions (XfBankPage *self)
{
  GPtrArray *questions;
  const gint64 *ids;
  guint n;

  g_return_val_if_fail (XF_IS_BANK_PAGE (self), NULL);

  questions = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->database == NULL)
    return questions;

  ids = xf_question_list_model_get_ids (self->questions, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      XfQuestion *question = xf_question_store_get (self->database, ids[i], &error);

      if (question != NULL)
        g_ptr_array_add (questions, question);
      else
        g_warning ("Cannot read question %" G_GINT64_FORMAT ": %s", ids[i], error->message);
    }
  return questions;
}

/**
 * xf_bank_page_get_questions:
 *
 * Returns: (transfer none): the questions listed (#XfQuestion, read as
 *   they are asked for)
 */
GListModel *
xf_bank_page_get_questions (XfBankPage *self)
{
  g_return_val_if_fail (XF_IS_BANK_PAGE (self), NULL);
  return G_LIST_MODEL (self->questions);
}

/**
 * xf_bank_page_get_selection:
 *
 * Returns: (transfer none): the selection over the questions listed
 */
GtkSelectionModel *
xf_bank_page_get_selection (XfBankPage *self)
{
  g_return_val_if_fail (XF_IS_BANK_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * xf_bank_page_focus_search:
 *
 * Puts the focus in the search entry, as Ctrl+F does on this page.
 */
void
xf_bank_page_focus_search (XfBankPage *self)
{
  g_return_if_fail (XF_IS_BANK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
