/* xf-question-import-dialog.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-question-import-dialog.h"
#include "xf-question-import-private.h"
#include "xf-question-preview.h"

/* Imports a question file in two steps: read it and show what it holds
 * (the questions, the ones the store has already, and every problem with
 * its line), then import into the bank chosen. Reading and importing run
 * in a thread on a connection of their own (xf-question-import-tasks.c);
 * the import is one transaction, so cancelling it leaves the store as it
 * was. */
struct _XfQuestionImportDialog
{
  AdwWindow               parent_instance;

  XfDatabase             *database;
  GFile                  *file;
  XfQuestionFormat        format;     /* asked for: AUTO, or one the person chose */
  XfQuestionParse        *parse;
  guint                   n_duplicates;
  XfQuestionImportReport  report;
  gboolean                imported;

  GCancellable           *cancellable;  /* of the task running, if any */
  guint                   serial;       /* drops the results of tasks replaced by a newer one */
  gboolean                importing;
  gboolean                close_when_done;
  gboolean                bank_edited;
  gboolean                setting_bank;
  gboolean                setting_format;

  AdwWindowTitle         *window_title;
  GtkWidget              *content_box;
  GtkButton              *close_button;
  GtkWidget              *import_button;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  GtkLabel               *busy_label;
  AdwActionRow           *file_row;
  AdwComboRow            *format_row;
  AdwEntryRow            *bank_row;
  GtkMenuButton          *bank_button;
  GMenu                  *banks_section;
  GMenuModel             *bank_menu;
  AdwComboRow            *duplicates_row;
  GtkLabel               *summary_label;
  GtkWidget              *problems_box;
  GtkLabel               *problems_label;
  GtkStringList          *problems;
  GtkWidget              *notices_box;
  GtkLabel               *notices_label;
  GtkStringList          *notices;
  GtkLabel               *questions_label;
  GListStore             *questions;
  AdwStatusPage          *done_page;
  AdwStatusPage          *error_page;
};

G_DEFINE_FINAL_TYPE (XfQuestionImportDialog, xf_question_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The format row lists AUTO and then every format that can be read, in the
 * order of XfQuestionFormat: the row's index is the format. */
static void
fill_format_row (XfQuestionImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < XF_QUESTION_N_FORMATS; i++)
    gtk_string_list_append (labels, xf_question_format_to_label (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (labels));
}

/* The banks of the profile, offered beside the bank entry. */
static void
fill_banks (XfQuestionImportDialog *self)
{
  g_autoptr(GListModel) banks = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_menu_remove_all (self->banks_section);
  banks = xf_question_store_list_banks (self->database, &error);
  if (banks == NULL)
    {
      g_warning ("Cannot list the question banks: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->bank_button), FALSE);
      return;
    }
  n = g_list_model_get_n_items (banks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (banks, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (xf_question_bank_get_title (bank), NULL);

      g_menu_item_set_action_and_target (item, "question-import.bank", "s",
                                         xf_question_bank_get_title (bank));
      g_menu_append_item (self->banks_section, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->bank_button), n > 0);
}

static void
update_actions (XfQuestionImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  g_autofree char *bank = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->bank_row))));
  gboolean preview = g_strcmp0 (page, "preview") == 0;
  gboolean busy = g_strcmp0 (page, "busy") == 0;
  gboolean ready = preview && self->parse != NULL && self->parse->questions->len > 0 && *bank != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question-import.import", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question-import.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "question-import.back",
                                 self->parse != NULL && !self->imported);
  gtk_widget_set_visible (self->import_button, preview);
  /* The done page has its own button to close. */
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), g_strcmp0 (page, "done") != 0);
}

static void
show_page (XfQuestionImportDialog *self,
           const char             *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  if (g_strcmp0 (page, "busy") == 0)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_actions (self);
}

static void
show_error (XfQuestionImportDialog *self,
            const char             *title,
            const char             *message)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  show_page (self, "error");
}

static void
set_bank_text (XfQuestionImportDialog *self,
               const char             *title)
{
  self->setting_bank = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->bank_row), title != NULL ? title : "");
  self->setting_bank = FALSE;
}

static void
cancel_task (XfQuestionImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->serial++;
}

/* Shows what a file held, with the bank it goes to: the one the file names
 * or one named after the file, unless the person typed another. */
static void
show_preview (XfQuestionImportDialog *self,
              XfQuestionReadResult   *result)
{
  g_autofree char *summary = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *heading = NULL;
  XfQuestionParse *parse;

  g_clear_pointer (&self->parse, xf_question_parse_free);
  self->parse = g_steal_pointer (&result->parse);
  self->n_duplicates = result->n_duplicates;
  parse = self->parse;

  g_list_store_splice (self->questions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->questions)),
                       result->previews->pdata, result->previews->len);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char * const *)result->problems);
  gtk_string_list_splice (self->notices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notices)),
                          (const char * const *)result->notices);

  adw_action_row_set_subtitle (self->file_row, parse->name);
  adw_window_title_set_subtitle (self->window_title, parse->name);
  if (self->format == XF_QUESTION_FORMAT_AUTO)
    detected = g_strdup_printf (_("Detected: %s"), xf_question_format_to_label (parse->format));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), detected != NULL ? detected : "");

  if (!self->bank_edited)
    {
      g_autofree char *title = xf_question_import_default_bank_title (parse);

      set_bank_text (self, title);
    }

  summary = xf_format_question_preview_summary (parse->questions->len, parse->problems->len,
                                                self->n_duplicates);
  gtk_label_set_text (self->summary_label, summary);

  heading = g_strdup_printf (_("Problems (%u)"), parse->problems->len);
  gtk_label_set_text (self->problems_label, heading);
  g_free (heading);
  heading = g_strdup_printf (_("Notices (%u)"), parse->notices->len);
  gtk_label_set_text (self->notices_label, heading);
  g_free (heading);
  heading = g_strdup_printf (_("Questions (%u)"), parse->questions->len);
  gtk_label_set_text (self->questions_label, heading);
  gtk_widget_set_visible (self->problems_box, parse->problems->len > 0);
  gtk_widget_set_visible (self->notices_box, parse->notices->len > 0);

  show_page (self, "preview");
  /* Enter imports: the focused button would take the key otherwise. */
  gtk_widget_grab_focus (self->import_button);
}

static void
on_read_finished (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (source);
  g_autoptr(XfQuestionReadResult) read = NULL;
  g_autoptr(GError) error = NULL;

  /* The task holds the dialog until here; a newer read, or the dialog
   * closing, makes this one's result worthless. */
  read = xf_question_import_read_finish (result, &error);
  if (GPOINTER_TO_UINT (user_data) != self->serial || self->stack == NULL)
    return;
  g_clear_object (&self->cancellable);

  if (read != NULL)
    show_preview (self, read);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("The file cannot be read"), error->message);
}

static void
read_file (XfQuestionImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *busy = NULL;

  cancel_task (self);
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a local file"), name);

      show_error (self, _("The file cannot be read"), message);
      return;
    }

  busy = g_strdup_printf (_("Reading “%s”…"), name);
  gtk_label_set_text (self->busy_label, busy);
  adw_window_title_set_subtitle (self->window_title, name);
  show_page (self, "busy");

  self->cancellable = g_cancellable_new ();
  xf_question_import_read_async (G_OBJECT (self), xf_database_get_path (self->database), path,
                                 self->format, self->cancellable, on_read_finished,
                                 GUINT_TO_POINTER (self->serial));
}

/**
 * xf_question_import_dialog_open_file:
 *
 * Reads @file in a thread and shows what it holds. The format is detected
 * unless one was chosen.
 */
void
xf_question_import_dialog_open_file (XfQuestionImportDialog *self,
                                     GFile                  *file)
{
  g_return_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing)
    return;
  g_set_object (&self->file, file);
  self->imported = FALSE;
  self->format = XF_QUESTION_FORMAT_AUTO;
  self->setting_format = TRUE;
  adw_combo_row_set_selected (self->format_row, XF_QUESTION_FORMAT_AUTO);
  self->setting_format = FALSE;
  read_file (self);
}

static void
on_format_row_selected_changed_cb (XfQuestionImportDialog *self,
                                   GParamSpec             *pspec,
                                   AdwComboRow            *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->setting_format || selected >= XF_QUESTION_N_FORMATS || selected == self->format)
    return;
  self->format = selected;
  if (self->file != NULL)
    read_file (self);
}

static void
on_bank_row_changed_cb (XfQuestionImportDialog *self,
                        GtkEditable            *editable)
{
  if (!self->setting_bank)
    self->bank_edited = TRUE;
  update_actions (self);
}

static void
on_stack_visible_child_name_changed_cb (XfQuestionImportDialog *self,
                                        GParamSpec             *pspec,
                                        GtkStack               *stack)
{
  update_actions (self);
}

static void
on_import_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean closed = self->close_when_done || self->stack == NULL;

  self->importing = FALSE;
  g_clear_object (&self->cancellable);
  xf_question_import_report_clear (&self->report);
  if (!xf_question_import_run_finish (result, &self->report, &error))
    {
      if (closed)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_page (self, "preview");
      else
        show_error (self, _("The questions could not be imported"), error->message);
      return;
    }

  self->imported = TRUE;
  if (!closed)
    {
      text = xf_format_question_import_report (&self->report);
      adw_status_page_set_description (self->done_page, text);
      show_page (self, "done");
      fill_banks (self);
    }

  /**
   * XfQuestionImportDialog::imported:
   * @self: the dialog
   * @bank_id: the bank the questions went to
   * @n_imported: how many questions were added
   * @n_updated: how many stored questions got a new version
   *
   * Emitted when an import has been written, so that views of the banks
   * can reload.
   */
  g_signal_emit (self, signals[IMPORTED], 0, self->report.bank_id, self->report.imported,
                 self->report.updated);
}

/**
 * xf_question_import_dialog_import:
 *
 * Imports the questions read into the bank named, in a thread, skipping
 * duplicates unless asked to keep them. #XfQuestionImportDialog::imported
 * tells when it is done.
 *
 * Returns: whether the import started (there is something to import and a
 *   bank to import it into)
 */
gboolean
xf_question_import_dialog_import (XfQuestionImportDialog *self)
{
  g_autofree char *bank = NULL;
  g_autofree char *busy = NULL;
  XfQuestionImportFlags flags = XF_QUESTION_IMPORT_NONE;

  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") != 0 ||
      self->parse == NULL || self->parse->questions->len == 0)
    return FALSE;
  bank = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->bank_row))));
  if (*bank == '\0')
    return FALSE;
  if (xf_question_import_dialog_get_keep_duplicates (self))
    flags |= XF_QUESTION_IMPORT_KEEP_DUPLICATES;

  cancel_task (self);
  busy = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u question into “%s”…",
                                       "Importing %u questions into “%s”…", self->parse->questions->len),
                          self->parse->questions->len, bank);
  gtk_label_set_text (self->busy_label, busy);
  show_page (self, "busy");

  self->importing = TRUE;
  self->cancellable = g_cancellable_new ();
  xf_question_import_run_async (G_OBJECT (self), xf_database_get_path (self->database), self->parse,
                                bank, flags, self->cancellable, on_import_finished, NULL);
  return TRUE;
}

static void
on_file_chooser_response_cb (XfQuestionImportDialog *self,
                             int                     response,
                             GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        xf_question_import_dialog_open_file (self, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

/**
 * xf_question_import_dialog_choose_file:
 *
 * Asks for a question file with the system's file chooser, then reads it.
 */
void
xf_question_import_dialog_choose_file (XfQuestionImportDialog *self)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Import questions"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  xf_question_import_add_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (XfQuestionImportDialog *self,
            const GValue           *value,
            double                  x,
            double                  y,
            GtkDropTarget          *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->importing)
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  xf_question_import_dialog_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xf_question_import_dialog_choose_file (XF_QUESTION_IMPORT_DIALOG (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xf_question_import_dialog_import (XF_QUESTION_IMPORT_DIALOG (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (widget);

  if (self->parse != NULL)
    show_page (self, "preview");
}

static void
bank_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (widget);

  xf_question_import_dialog_set_bank_title (self, g_variant_get_string (parameter, NULL));
}

/* Closing while the import runs cancels it. The dialog goes away at once
 * (hidden but kept, it could get its surface's events after it is gone),
 * while the import's reference keeps it alive until the thread is done:
 * an import written before the cancel arrived is still reported. */
static gboolean
xf_question_import_dialog_close_request (GtkWindow *window)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (window);

  if (self->importing)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
    }
  else
    cancel_task (self);
  return GTK_WINDOW_CLASS (xf_question_import_dialog_parent_class)->close_request (window);
}

static void
xf_question_import_dialog_dispose (GObject *object)
{
  XfQuestionImportDialog *self = (XfQuestionImportDialog *)object;

  cancel_task (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_QUESTION_IMPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (xf_question_import_dialog_parent_class)->dispose (object);
}

static void
xf_question_import_dialog_finalize (GObject *object)
{
  XfQuestionImportDialog *self = (XfQuestionImportDialog *)object;

  g_clear_pointer (&self->parse, xf_question_parse_free);
  xf_question_import_report_clear (&self->report);

  G_OBJECT_CLASS (xf_question_import_dialog_parent_class)->finalize (object);
}

static void
xf_question_import_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_import_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_import_dialog_constructed (GObject *object)
{
  XfQuestionImportDialog *self = XF_QUESTION_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (xf_question_import_dialog_parent_class)->constructed (object);

  fill_banks (self);
  update_actions (self);
}

static char *
xf_question_import_dialog_number_label (gpointer unused,
                                        guint    number)
{
  return g_strdup_printf ("%u", number);
}

static void
xf_question_import_dialog_class_init (XfQuestionImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = xf_question_import_dialog_constructed;
  object_class->dispose = xf_question_import_dialog_dispose;
  object_class->finalize = xf_question_import_dialog_finalize;
  object_class->get_property = xf_question_import_dialog_get_property;
  object_class->set_property = xf_question_import_dialog_set_property;
  window_class->close_request = xf_question_import_dialog_close_request;

  /**
   * XfQuestionImportDialog:database:
   *
   * The profile's database, for its file: the dialog reads and imports on
   * connections of its own, in threads.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (XF_TYPE_QUESTION_PREVIEW);
  g_type_ensure (GDK_TYPE_FILE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-question-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, bank_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, banks_section);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, bank_menu);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, problems);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, notices_box);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, notices_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, notices);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, questions_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, questions);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, xf_question_import_dialog_number_label);

  gtk_widget_class_install_action (widget_class, "question-import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "question-import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "question-import.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "question-import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "question-import.bank", "s", bank_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "question-import.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "question-import.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "question-import.import", NULL);
}

static void
xf_question_import_dialog_init (XfQuestionImportDialog *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_menu_model (self->bank_button, self->bank_menu);
  fill_format_row (self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->content_box, GTK_EVENT_CONTROLLER (drop_target));
}

/**
 * xf_question_import_dialog_new:
 * @database: the profile's database; it must be a file, for the threads
 *   open connections of their own to it
 *
 * Returns: (transfer none): a new dialog, asking for a file
 */
XfQuestionImportDialog *
xf_question_import_dialog_new (GtkWindow  *parent,
                               XfDatabase *database)
{
  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);

  return g_object_new (XF_TYPE_QUESTION_IMPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

/**
 * xf_question_import_dialog_get_page:
 *
 * Returns: what the dialog shows: "choose", "busy", "preview", "done" or
 *   "error"
 */
const char *
xf_question_import_dialog_get_page (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * xf_question_import_dialog_get_format:
 *
 * Returns: the format asked for: %XF_QUESTION_FORMAT_AUTO unless one was
 *   chosen (the format read is the parse's)
 */
XfQuestionFormat
xf_question_import_dialog_get_format (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), XF_QUESTION_FORMAT_AUTO);
  return self->format;
}

/**
 * xf_question_import_dialog_set_format:
 *
 * Reads the file again in @format, as choosing it in the dialog does.
 */
void
xf_question_import_dialog_set_format (XfQuestionImportDialog *self,
                                      XfQuestionFormat        format)
{
  g_return_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self));
  g_return_if_fail (format < XF_QUESTION_N_FORMATS);

  if (self->importing)
    return;
  if (adw_combo_row_get_selected (self->format_row) != format)
    adw_combo_row_set_selected (self->format_row, format);
  else if (format != self->format)
    on_format_row_selected_changed_cb (self, NULL, self->format_row);
}

/**
 * xf_question_import_dialog_get_parse:
 *
 * Returns: (transfer none) (nullable): what the file shown held
 */
XfQuestionParse *
xf_question_import_dialog_get_parse (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return self->parse;
}

/**
 * xf_question_import_dialog_get_questions:
 *
 * Returns: (transfer none): the questions shown, #XfQuestionPreview
 */
GListModel *
xf_question_import_dialog_get_questions (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->questions);
}

/**
 * xf_question_import_dialog_get_problems:
 *
 * Returns: (transfer none): the problems shown, one #GtkStringObject each
 */
GListModel *
xf_question_import_dialog_get_problems (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->problems);
}

guint
xf_question_import_dialog_get_n_duplicates (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), 0);
  return self->n_duplicates;
}

const char *
xf_question_import_dialog_get_bank_title (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->bank_row));
}

/**
 * xf_question_import_dialog_set_bank_title:
 *
 * Imports into the bank titled @title (made if missing), whatever file is
 * read next.
 */
void
xf_question_import_dialog_set_bank_title (XfQuestionImportDialog *self,
                                          const char             *title)
{
  g_return_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self));

  set_bank_text (self, title);
  self->bank_edited = TRUE;
  update_actions (self);
}

gboolean
xf_question_import_dialog_get_keep_duplicates (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), FALSE);
  return adw_combo_row_get_selected (self->duplicates_row) == 1;
}

void
xf_question_import_dialog_set_keep_duplicates (XfQuestionImportDialog *self,
                                               gboolean                keep)
{
  g_return_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self));
  adw_combo_row_set_selected (self->duplicates_row, keep ? 1 : 0);
}

/**
 * xf_question_import_dialog_get_report:
 *
 * Returns: (nullable): what the import did, once it is done
 */
const XfQuestionImportReport *
xf_question_import_dialog_get_report (XfQuestionImportDialog *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return self->imported ? &self->report : NULL;
}
