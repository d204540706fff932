/* xf-bank-page-actions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-bank-page-private.h"
#include "xf-gui-completion.h"
#include "xf-question-editor.h"
#include "xf-question-store.h"

/* What the bank page does to questions: write a new one, edit one, and
 * delete, retag or move the selected ones. Each change is written first;
 * the list then follows at once, and the index is built again behind it. */

/**
 * xf_bank_page_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the selected
 *   questions, in list order
 */
GArray *
xf_bank_page_dup_selected_ids (XfBankPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = xf_question_list_model_get_id (self->questions, position);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * xf_bank_page_refresh_ids:
 *
 * Shows the questions @ids as stored now, keeping the selection.
 */
void
xf_bank_page_refresh_ids (XfBankPage *self,
                          GArray     *ids)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GtkBitset) kept = gtk_bitset_copy (selected);

  xf_question_list_model_refresh (self->questions, (const gint64 *)(gpointer)ids->data, ids->len);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), kept, kept);
}

static void
on_editor_saved_cb (XfBankPage *self,
                    XfQuestion *question)
{
  gint64 id = xf_question_get_id (question);
  guint position = xf_question_list_model_find (self->questions, id);

  if (position != G_MAXUINT)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (ids, id);
      xf_bank_page_refresh_ids (self, ids);
    }
  else
    {
      /* A new question shows at once, chosen, whatever the filters say;
       * the next index places it by them. */
      xf_question_list_model_insert_ids (self->questions, &id, 1);
      xf_bank_page_add_to_count (self, xf_question_get_bank_id (question), 1);
      position = xf_question_list_model_find (self->questions, id);
      if (position != G_MAXUINT)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self->question_view), "list.scroll-to-item", "u", position);
        }
    }
  xf_bank_page_changed (self);
}

static XfQuestionEditor *
open_editor (XfBankPage *self,
             XfQuestion *question,
             gint64      bank_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  XfQuestionEditor *editor;

  editor = xf_question_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                   question, bank_id);
  if (self->index != NULL)
    {
      g_auto(GStrv) categories = xf_question_index_dup_categories (self->index);
      g_auto(GStrv) tags = xf_question_index_dup_tags (self->index);

      xf_question_editor_set_completions (editor, (const char * const *)categories,
                                          (const char * const *)tags);
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/**
 * xf_bank_page_edit_question:
 *
 * Opens the editor on the question @id, as Enter or a double click on its
 * row does.
 */
void
xf_bank_page_edit_question (XfBankPage *self,
                            gint64      id)
{
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XF_IS_BANK_PAGE (self));

  if (self->database == NULL)
    return;
  question = xf_question_store_get (self->database, id, &error);
  if (question == NULL)
    {
      xf_bank_page_show_error (self, error);
      return;
    }
  open_editor (self, question, 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);
  g_autoptr(GArray) ids = xf_bank_page_dup_selected_ids (self);

  if (ids->len > 0)
    xf_bank_page_edit_question (self, g_array_index (ids, gint64, 0));
}

/* A new question goes in the bank shown; with every bank shown, in the
 * person's own bank, made when there is none. */
static void
new_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);
  XfQuestionBank *bank = xf_bank_page_get_selected_bank (self);
  g_autoptr(XfQuestionBank) own = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  if (bank == NULL)
    {
      own = xf_question_store_ensure_bank (self->database, _("My questions"), &error);
      if (own == NULL)
        {
          xf_bank_page_show_error (self, error);
          return;
        }
      bank = own;
    }
  open_editor (self, NULL, xf_question_bank_get_id (bank));
}

static void
add_toast (XfBankPage *self,
           AdwToast   *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (XfBankPage *self,
              const char *message)
{
  add_toast (self, adw_toast_new (message));
}

/* Deleted questions can come back through the toast's button until the
 * window closes: the store keeps them marked, not removed. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);
  g_autoptr(GArray) ids = xf_bank_page_dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const gint64 *id_data = (const gint64 *)(gpointer)ids->data;
  AdwToast *toast;

  if (ids->len == 0 || self->database == NULL)
    return;
  if (!xf_question_store_delete (self->database, id_data, ids->len, &error))
    {
      xf_bank_page_show_error (self, error);
      return;
    }

  xf_bank_page_hide_ids (self, id_data, ids->len);
  xf_bank_page_changed (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u question", "Deleted %u questions", ids->len),
                           ids->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undelete-questions");
  /* The profile's database goes with the ids: another profile may be open
   * by the time the button is pressed. */
  adw_toast_set_action_target_value (toast, g_variant_new ("(s@ax)", xf_database_get_path (self->database),
                                                           g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, id_data,
                                                                                      ids->len, sizeof (gint64))));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

/**
 * xf_bank_page_undelete:
 *
 * Brings deleted questions back, as the toast's Undo does.
 *
 * Returns: whether they were brought back
 */
gboolean
xf_bank_page_undelete (XfBankPage    *self,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  g_return_val_if_fail (XF_IS_BANK_PAGE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (self->database == NULL || n_ids == 0)
    return TRUE;
  if (!xf_question_store_undelete (self->database, ids, n_ids, error))
    return FALSE;

  xf_bank_page_show_ids (self, ids, n_ids);
  xf_bank_page_changed (self);
  return TRUE;
}

static GtkWidget *
labelled_entry (GtkWidget  *grid,
                int         row,
                const char *label,
                const char *name,
                const char *placeholder)
{
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_widget_set_name (entry, name);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 24);
  gtk_grid_attach (GTK_GRID (grid), caption, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, row, 1, 1);
  return entry;
}

static AdwMessageDialog *
bulk_dialog (XfBankPage *self,
             const char *heading,
             const char *body,
             GArray     *ids,
             GtkWidget  *child)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ids", g_array_ref (ids), (GDestroyNotify)g_array_unref);
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkWidget *
dialog_entry (AdwMessageDialog *dialog,
              const char       *name)
{
  return g_object_get_data (G_OBJECT (dialog), name);
}

static void
on_retag_entry_changed_cb (AdwMessageDialog *dialog)
{
  const char *add = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "add-tags")));
  const char *remove = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "remove-tags")));
  g_auto(GStrv) add_tags = xf_gui_split_tags (add);
  g_auto(GStrv) remove_tags = xf_gui_split_tags (remove);

  adw_message_dialog_set_response_enabled (dialog, "apply", add_tags[0] != NULL || remove_tags[0] != NULL);
}

static void
on_retag_response_cb (XfBankPage       *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  g_auto(GStrv) add = NULL;
  g_auto(GStrv) remove = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "apply") || self->database == NULL)
    return;

  add = xf_gui_split_tags (gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "add-tags"))));
  remove = xf_gui_split_tags (gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "remove-tags"))));
  if (!xf_question_store_retag (self->database, (const gint64 *)(gpointer)ids->data, ids->len,
                                (const char * const *)add, (const char * const *)remove, &error))
    {
      xf_bank_page_show_error (self, error);
      return;
    }

  xf_bank_page_refresh_ids (self, ids);
  xf_bank_page_changed (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed the tags of %u question",
                                          "Changed the tags of %u questions", ids->len), ids->len);
  show_message (self, message);
}

static void
retag_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);
  g_autoptr(GArray) ids = xf_bank_page_dup_selected_ids (self);
  g_autofree char *body = NULL;
  g_auto(GStrv) tags = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid, *add, *remove;

  if (ids->len == 0)
    return;

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  add = labelled_entry (grid, 0, _("_Add"), "add-tags", _("Tags, separated by commas"));
  remove = labelled_entry (grid, 1, _("_Remove"), "remove-tags", _("Tags, separated by commas"));
  if (self->index != NULL)
    {
      tags = xf_question_index_dup_tags (self->index);
      xf_gui_complete_entry (GTK_ENTRY (add), (const char * const *)tags, TRUE);
      xf_gui_complete_entry (GTK_ENTRY (remove), (const char * const *)tags, TRUE);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tags to give to or take from the selected question",
                                       "Tags to give to or take from the %u selected questions", ids->len),
                          ids->len);
  dialog = bulk_dialog (self, _("Change the tags"), body, ids, grid);
  g_object_set_data (G_OBJECT (dialog), "add-tags", add);
  g_object_set_data (G_OBJECT (dialog), "remove-tags", remove);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  g_signal_connect_object (add, "changed", G_CALLBACK (on_retag_entry_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "changed", G_CALLBACK (on_retag_entry_changed_cb), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_retag_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recategorize_response_cb (XfBankPage       *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (dialog_entry (dialog, "category")));
  g_autofree char *category = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "apply") || self->database == NULL)
    return;

  if (!xf_question_store_recategorize (self->database, (const gint64 *)(gpointer)ids->data, ids->len,
                                       category, &error))
    {
      xf_bank_page_show_error (self, error);
      return;
    }

  xf_bank_page_refresh_ids (self, ids);
  xf_bank_page_changed (self);
  if (category[0] != '\0')
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Moved %u question to “%s”",
                                            "Moved %u questions to “%s”", ids->len), ids->len, category);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Took %u question out of its category",
                                            "Took %u questions out of their categories", ids->len), ids->len);
  show_message (self, message);
}

static void
recategorize_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);
  g_autoptr(GArray) ids = xf_bank_page_dup_selected_ids (self);
  g_autoptr(XfQuestion) first = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) categories = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid, *entry;

  if (ids->len == 0 || self->database == NULL)
    return;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  entry = labelled_entry (grid, 0, _("C_ategory"), "category", _("Empty for none"));
  if (self->index != NULL)
    {
      categories = xf_question_index_dup_categories (self->index);
      xf_gui_complete_entry (GTK_ENTRY (entry), (const char * const *)categories, FALSE);
    }

  /* Start from where the first of them is. */
  first = xf_question_store_get (self->database, g_array_index (ids, gint64, 0), NULL);
  if (first != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), xf_question_get_category (first));

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The category path for the selected question, like Administrative law/Penalties",
                                       "The category path for the %u selected questions, like Administrative law/Penalties",
                                       ids->len),
                          ids->len);
  dialog = bulk_dialog (self, _("Move to a category"), body, ids, grid);
  g_object_set_data (G_OBJECT (dialog), "category", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recategorize_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfBankPage *self = XF_BANK_PAGE (widget);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->difficulty_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_drop_down_set_selected (self->law_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
  xf_bank_page_apply_filter (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  xf_bank_page_focus_search (XF_BANK_PAGE (widget));
}

void
xf_bank_page_actions_update (XfBankPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean open = self->database != NULL;
  gboolean any = open && !gtk_bitset_is_empty (selected);

  gtk_widget_action_set_enabled (widget, "bank.new-question", open);
  gtk_widget_action_set_enabled (widget, "bank.edit", any);
  gtk_widget_action_set_enabled (widget, "bank.delete", any);
  gtk_widget_action_set_enabled (widget, "bank.retag", any);
  gtk_widget_action_set_enabled (widget, "bank.recategorize", any);
}

void
xf_bank_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "bank.new-question", NULL, new_question_action);
  gtk_widget_class_install_action (widget_class, "bank.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "bank.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "bank.retag", NULL, retag_action);
  gtk_widget_class_install_action (widget_class, "bank.recategorize", NULL, recategorize_action);
  gtk_widget_class_install_action (widget_class, "bank.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "bank.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "bank.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "bank.new-question", NULL);
}
