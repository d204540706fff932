/* xf-window-actions.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-import-dialog.h"
#include "xf-profile-dialog.h"
#include "xf-question-export-dialog.h"
#include "xf-question-import-dialog.h"
#include "xf-question-preview.h"
#include "xf-stats-page.h"
#include "xf-study-plan-dialog.h"
#include "xf-window-private.h"

/* The window's actions, and the shortcuts that trigger them. */

static void
change_reader_scale (XfWindow *self,
                     int       direction)
{
  double scale = g_settings_get_double (self->settings, "reader-font-scale");

  g_settings_set_double (self->settings, "reader-font-scale", xf_reader_scale_step (scale, direction));
  xf_window_actions_update (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), -1);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_reader_scale (XF_WINDOW (widget), 0);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  xf_window_show_toast (XF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_profile_dialog_saved_cb (XfWindow  *self,
                            XfProfile *profile)
{
  g_autoptr(GError) error = NULL;

  xf_window_update_profiles (self);
  if (profile != self->profile && !xf_window_open_profile (self, profile, &error))
    xf_window_show_toast (self, error->message);
}

static void
open_profile_dialog (XfWindow  *self,
                     XfProfile *profile)
{
  XfProfileDialog *dialog = xf_profile_dialog_new (GTK_WINDOW (self), self->manager, profile);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_profile_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_profile_dialog (XF_WINDOW (widget), NULL);
}

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (self->profile != NULL)
    open_profile_dialog (self, self->profile);
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  xf_window_end_search (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "laws");
  if (!xf_library_page_open_article (self->library_page, g_variant_get_int64 (parameter), &error) &&
      error != NULL)
    xf_window_show_toast (self, error->message);
}

static void
open_law_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  xf_window_end_search (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "laws");
  if (!xf_library_page_open_law (self->library_page, g_variant_get_int64 (parameter)))
    xf_window_show_toast (self, _("The statute is no longer in the library"));
}

static void
open_list_item_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  gint64 list_id, item_id;

  g_variant_get (parameter, "(xx)", &list_id, &item_id);
  xf_window_end_search (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "lists");
  xf_lists_page_open_item (self->lists_page, list_id, item_id);
}

/* The question bank has a search of its own: Ctrl+F goes there while the
 * bank shows. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "views") == 0 &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "bank") == 0)
    {
      xf_bank_page_focus_search (self->bank_page);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The Undo of a toast saying questions were deleted: the database they
 * were deleted from, and their ids. */
static void
undelete_questions_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  g_autoptr(GVariant) id_array = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  const gint64 *ids;
  gsize n_ids;

  g_variant_get (parameter, "(&s@ax)", &path, &id_array);
  if (self->database == NULL || g_strcmp0 (path, xf_database_get_path (self->database)) != 0)
    return;
  ids = g_variant_get_fixed_array (id_array, &n_ids, sizeof (gint64));
  if (!xf_bank_page_undelete (self->bank_page, ids, (guint)n_ids, &error))
    xf_window_show_toast (self, error->message);
}

/* Files that failed, one line each: file, line and reason. */
static void
show_import_problems (XfWindow      *self,
                      XfLawImporter *importer)
{
  GPtrArray *problems = xf_law_importer_get_problems (importer);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = xf_law_import_problem_format (g_ptr_array_index (problems, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "A file could not be imported",
                                                "Some files could not be imported",
                                                problems->len),
                                   NULL);
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_dialog_finished_cb (XfWindow       *self,
                              const GError   *error,
                              XfImportDialog *dialog)
{
  XfLawImporter *importer = xf_import_dialog_get_importer (dialog);
  g_autoptr(GHashTable) laws = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *files;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      xf_window_show_toast (self, _("Import cancelled: nothing was changed"));
      return;
    }
  if (error != NULL)
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("The statutes could not be imported"),
                                                 error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }

  /* The parts of 民法典 are files of one statute: count statutes, not files. */
  files = xf_law_importer_get_files (importer);
  for (guint i = 0; i < files->len; i++)
    {
      XfLawImportFile *file = g_ptr_array_index (files, i);
      g_hash_table_add (laws, &file->law_id);
    }

  if (files->len > 0)
    {
      g_autofree char *summary = xf_format_import_summary (g_hash_table_size (laws),
                                                           xf_law_importer_get_article_total (importer));
      xf_window_show_toast (self, summary);
      xf_library_page_reload (self->library_page);
      xf_lists_page_reload (self->lists_page);
      xf_search_page_refresh_index (self->search_page);
    }
  else if (xf_law_importer_get_problems (importer)->len == 0)
    xf_window_show_toast (self, _("No statute files were found"));

  if (xf_law_importer_get_problems (importer)->len > 0)
    show_import_problems (self, importer);
}

/**
 * xf_window_import_files:
 * @files: a #GListModel of #GFile: statute files and folders of them
 *
 * Imports statutes into the open profile, showing the progress.
 */
void
xf_window_import_files (XfWindow   *self,
                        GListModel *files)
{
  XfImportDialog *dialog;

  g_return_if_fail (XF_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->database == NULL || g_list_model_get_n_items (files) == 0)
    return;

  dialog = xf_import_dialog_new (GTK_WINDOW (self), self->database, files);
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_import_dialog_finished_cb), self, G_CONNECT_SWAPPED);
  xf_import_dialog_start (dialog);
}

static void
on_file_chooser_response_cb (XfWindow             *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      xf_window_import_files (self, files);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
choose_import (XfWindow             *self,
               GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                         ? _("Import a folder of statutes")
                                         : _("Import statutes"),
                                         GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) texts = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (texts, _("Statute texts (*.md, *.txt)"));
      gtk_file_filter_add_pattern (texts, "*.md");
      gtk_file_filter_add_pattern (texts, "*.txt");
      gtk_file_filter_add_mime_type (texts, "text/markdown");
      gtk_file_filter_add_mime_type (texts, "text/plain");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), texts);
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_laws_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_import (XF_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_import (XF_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
on_question_import_dialog_imported_cb (XfWindow               *self,
                                       gint64                  bank_id,
                                       guint                   n_imported,
                                       guint                   n_updated,
                                       XfQuestionImportDialog *dialog)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u question",
                                                        "Imported %u questions", n_imported),
                                           n_imported);

  xf_window_show_toast (self, text);
  xf_bank_page_reload (self->bank_page);
}

/* The dialog asks for the file at once; cancelling the file chooser leaves
 * the dialog, which offers it again and takes a dropped file too. */
static void
import_questions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  XfQuestionImportDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = xf_question_import_dialog_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_question_import_dialog_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  xf_question_import_dialog_choose_file (dialog);
}

static void
on_question_export_dialog_exported_cb (XfWindow               *self,
                                       GFile                  *file,
                                       guint                   n_exported,
                                       guint                   n_left_out,
                                       XfQuestionExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = xf_format_question_export_result (n_exported, name, n_left_out);

  xf_window_show_toast (self, text);
}

static void
on_question_export_dialog_failed_cb (XfWindow               *self,
                                     const GError           *error,
                                     XfQuestionExportDialog *dialog)
{
  g_autofree char *text = g_strdup_printf (_("The questions could not be exported: %s"), error->message);

  xf_window_show_toast (self, text);
}

static void
export_questions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  XfQuestionExportDialog *dialog;
  XfQuestionBank *bank;

  if (self->database == NULL)
    return;
  /* The bank the question bank page shows is the one to export first. */
  bank = xf_bank_page_get_selected_bank (self->bank_page);
  dialog = xf_question_export_dialog_new (GTK_WINDOW (self), self->database,
                                          bank != NULL ? xf_question_bank_get_id (bank) : 0);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_question_export_dialog_exported_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_question_export_dialog_failed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_study_plan_dialog_changed_cb (XfWindow          *self,
                                 XfStudyPlanDialog *dialog)
{
  xf_window_show_toast (self, _("Exam plan updated: today’s study follows it"));
  xf_study_page_reload (self->study_page);
}

static void
on_study_plan_dialog_failed_cb (XfWindow          *self,
                                const GError      *error,
                                XfStudyPlanDialog *dialog)
{
  g_autofree char *text = g_strdup_printf (_("The exam plan could not be saved: %s"), error->message);

  xf_window_show_toast (self, text);
}

static void
study_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  XfStudyPlanDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = xf_study_plan_dialog_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_study_plan_dialog_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_study_plan_dialog_failed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The study statistics in a window of their own beside the main one, one
 * at a time; it reads again each time it is shown. */
static void
study_stats_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XfWindow *self = XF_WINDOW (widget);
  GtkWidget *window, *box, *page;
  GtkShortcutController *shortcuts;

  if (self->database == NULL)
    return;
  if (self->stats_window != NULL)
    {
      gtk_window_present (self->stats_window);
      return;
    }
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Study Statistics"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 680);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  page = g_object_new (XF_TYPE_STATS_PAGE, "vexpand", TRUE, NULL);
  xf_stats_page_set_database (XF_STATS_PAGE (page), self->database);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  self->stats_window = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&self->stats_window);
  gtk_window_present (GTK_WINDOW (window));
}

void
xf_window_actions_update (XfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double scale = g_settings_get_double (self->settings, "reader-font-scale");
  /* While an attempt runs, nothing takes the person elsewhere. */
  gboolean open = self->database != NULL && !xf_window_get_in_exam (self);
  gboolean in_results = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "results") == 0;

  gtk_widget_action_set_enabled (widget, "win.zoom-in", scale < XF_READER_SCALE_MAX - 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", scale > XF_READER_SCALE_MIN + 0.001);
  gtk_widget_action_set_enabled (widget, "win.edit-profile", open && self->profile != NULL);
  gtk_widget_action_set_enabled (widget, "win.profile", open);
  gtk_widget_action_set_enabled (widget, "win.new-profile", open);
  gtk_widget_action_set_enabled (widget, "win.open-article", open);
  gtk_widget_action_set_enabled (widget, "win.open-law", open);
  gtk_widget_action_set_enabled (widget, "win.open-list-item", open);
  gtk_widget_action_set_enabled (widget, "win.search", open);
  gtk_widget_action_set_enabled (widget, "win.import-laws", open);
  gtk_widget_action_set_enabled (widget, "win.import-folder", open);
  gtk_widget_action_set_enabled (widget, "win.undelete-questions", open);
  gtk_widget_action_set_enabled (widget, "win.import-questions", open);
  gtk_widget_action_set_enabled (widget, "win.export-questions", open);
  gtk_widget_action_set_enabled (widget, "win.study-plan", open);
  gtk_widget_action_set_enabled (widget, "win.study-stats", open);
  gtk_widget_action_set_enabled (widget, "win.start-exam", open);
  gtk_widget_action_set_enabled (widget, "win.resume-exam", open);
  gtk_widget_action_set_enabled (widget, "win.show-attempt", open);
  gtk_widget_action_set_enabled (widget, "win.print-report", in_results);
  gtk_widget_action_set_enabled (widget, "win.export-report", in_results);
}

/* GtkWindow binds Ctrl+Shift+I to the GTK Inspector, and its bindings come
 * before ours: importing questions takes the key in the capture phase. */
void
xf_window_add_shortcuts (XfWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                               gtk_named_action_new ("win.import-questions"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
xf_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.profile", "profile-id");
  gtk_widget_class_install_action (widget_class, "win.new-profile", NULL, new_profile_action);
  gtk_widget_class_install_action (widget_class, "win.edit-profile", NULL, edit_profile_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "x", open_article_action);
  gtk_widget_class_install_action (widget_class, "win.open-law", "x", open_law_action);
  gtk_widget_class_install_action (widget_class, "win.open-list-item", "(xx)", open_list_item_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.import-laws", NULL, import_laws_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.undelete-questions", "(sax)", undelete_questions_action);
  gtk_widget_class_install_action (widget_class, "win.import-questions", NULL, import_questions_action);
  gtk_widget_class_install_action (widget_class, "win.export-questions", NULL, export_questions_action);
  gtk_widget_class_install_action (widget_class, "win.study-plan", NULL, study_plan_action);
  gtk_widget_class_install_action (widget_class, "win.study-stats", NULL, study_stats_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-laws", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}
