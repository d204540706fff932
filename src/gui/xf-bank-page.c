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

static const char *short_law_prefix = "中华人民共和国";

void
xf_bank_page_show_error (XfBankPage   *self,
                         const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

void
xf_bank_page_set_loading (XfBankPage *self,
                          gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * xf_bank_page_update_status:
 *
 * Shows the count line, and the list or an empty state.
 */
void
xf_bank_page_update_status (XfBankPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
  XfQuestionBank *bank = xf_bank_page_get_selected_bank (self);
  guint total = xf_bank_page_count_questions (self, bank != NULL ? xf_question_bank_get_id (bank) : 0);
  g_autofree char *status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Showing %u of %u question",
                                                          "Showing %u of %u questions", total),
                                             shown, total);

  gtk_label_set_text (self->status_label, self->index != NULL ? status : "");

  if (self->index == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (xf_bank_page_count_questions (self, 0) == 0 && shown == 0)
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
      xf_bank_page_update_status (self);
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
  xf_bank_page_update_status (self);

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

/* Rows are made by a signal factory: a builder factory would parse its
 * template for every row made. A one-column grid view stands in for a list
 * view: GTK 4.8's list view keeps 200 rows alive and a new filter replaces
 * them all, the grid view some 30. */
static void
on_question_factory_setup_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *item)
{
  gtk_list_item_set_child (item, xf_question_row_new ());
}

static void
on_question_factory_bind_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *item)
{
  xf_question_row_set_question (XF_QUESTION_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_question_factory_unbind_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *item)
{
  xf_question_row_set_question (XF_QUESTION_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
on_question_view_activate_cb (XfBankPage *self,
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

/**
 * xf_bank_page_update_choices:
 *
 * Offers the categories, tags and statutes of the index as filters.
 */
void
xf_bank_page_update_choices (XfBankPage *self)
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
  g_clear_pointer (&self->deltas, g_hash_table_unref);
  g_clear_pointer (&self->deleted_banks, g_hash_table_unref);

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
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, question_view);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, XfBankPage, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_factory_unbind_cb);

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
  self->deltas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->deleted_banks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
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
  gtk_widget_add_controller (GTK_WIDGET (self->question_view), shortcuts);

  self->stale = TRUE;
  xf_bank_page_set_banks (self, NULL);
  xf_bank_page_update_status (self);
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
  xf_bank_page_set_loading (self, FALSE);
  g_clear_object (&self->index);
  g_hash_table_remove_all (self->hidden);
  g_hash_table_remove_all (self->deltas);
  g_hash_table_remove_all (self->deleted_banks);

  none = g_array_new (FALSE, FALSE, sizeof (gint64));
  xf_question_list_model_set_ids (self->questions, none);
  g_clear_object (&self->questions);
  self->questions = xf_question_list_model_new (database);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->questions));

  xf_bank_page_set_banks (self, NULL);
  xf_bank_page_update_status (self);
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
