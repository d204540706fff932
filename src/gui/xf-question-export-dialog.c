/* xf-question-export-dialog.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-question-export-dialog.h"
#include "xf-question-store.h"

/* Exports a bank (or every bank) to a file: the dialog asks for the bank
 * and the format, the system's file chooser for the file, and a thread
 * writes it on a connection of its own. The dialog closes when a response
 * is chosen, as message dialogs do; the file chooser and the export hold
 * a reference to it, so that it reports the export when it is done. A
 * dialog hidden and destroyed later can get its surface's events after
 * it is gone, so it is never kept hidden. */
struct _XfQuestionExportDialog
{
  AdwMessageDialog  parent_instance;

  XfDatabase       *database;
  GArray           *bank_ids;     /* gint64, one per bank row; 0 for every bank */
  GArray           *bank_counts;  /* guint, the questions of each */
  GPtrArray        *bank_titles;  /* char *, NULL for every bank */

  AdwComboRow      *bank_row;
  AdwComboRow      *format_row;
};

G_DEFINE_FINAL_TYPE (XfQuestionExportDialog, xf_question_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The format row's entries, in this order. */
static const XfQuestionFormat export_formats[] = {
  XF_QUESTION_FORMAT_JSON,
  XF_QUESTION_FORMAT_GIFT,
  XF_QUESTION_FORMAT_MOODLE_XML,
  XF_QUESTION_FORMAT_AIKEN,
  XF_QUESTION_FORMAT_CSV,
  XF_QUESTION_FORMAT_XLSX,
};

typedef struct
{
  char             *db_path;
  gint64            bank_id;
  XfQuestionFormat  format;
  GFile            *file;
  guint             n_exported;
  guint             n_left_out;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

static char *
dup_bank_title (XfDatabase  *db,
                gint64       bank_id,
                GError     **error)
{
  g_autoptr(GListModel) banks = xf_question_store_list_banks (db, error);

  if (banks == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (banks, i);

      if (xf_question_bank_get_id (bank) == bank_id)
        return g_strdup (xf_question_bank_get_title (bank));
    }
  g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND, _("The question bank is no longer there"));
  return NULL;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = g_file_get_path (job->file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_basename (job->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not a local file"), name);
      return;
    }
  db = xf_database_open (job->db_path, &error);
  if (db == NULL ||
      (job->bank_id != 0 && (title = dup_bank_title (db, job->bank_id, &error)) == NULL) ||
      (questions = xf_question_store_load (db, job->bank_id, &error)) == NULL ||
      g_task_return_error_if_cancelled (task) ||
      !xf_question_format_export_file (job->format, questions, title, path, notices, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->n_left_out = notices->len;
  job->n_exported = questions->len - notices->len;
  g_task_return_boolean (task, TRUE);
}

/**
 * xf_question_export_async:
 * @db_path: the profile's database file
 * @bank_id: a bank, or 0 for every bank
 *
 * Writes the questions of a bank to @file in @format, in a thread on a
 * connection of its own. Questions the format cannot hold are left out.
 */
void
xf_question_export_async (const char          *db_path,
                          gint64               bank_id,
                          XfQuestionFormat     format,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (xf_question_format_can_export (format));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (db_path);
  job->bank_id = bank_id;
  job->format = format;
  job->file = g_object_ref (file);
  g_task_set_source_tag (task, xf_question_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * xf_question_export_finish:
 * @n_exported: (out) (optional): the questions written
 * @n_left_out: (out) (optional): the questions the format cannot hold
 *
 * Returns: whether the file was written
 */
gboolean
xf_question_export_finish (GAsyncResult  *result,
                           guint         *n_exported,
                           guint         *n_left_out,
                           GError       **error)
{
  ExportJob *job;

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xf_question_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (n_exported != NULL)
    *n_exported = job->n_exported;
  if (n_left_out != NULL)
    *n_left_out = job->n_left_out;
  return TRUE;
}

static void
update_body (XfQuestionExportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->bank_row);
  guint count = row < self->bank_counts->len ? g_array_index (self->bank_counts, guint, row) : 0;
  XfQuestionFormat format = xf_question_export_dialog_get_format (self);
  g_autofree char *body = NULL;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question will be exported.",
                                       "%u questions will be exported.", count), count);
  if (format == XF_QUESTION_FORMAT_AIKEN)
    {
      g_autofree char *full = g_strdup_printf ("%s %s", body,
                                               _("Aiken holds single-choice questions only; the others are left out."));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), full);
    }
  else
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", count > 0);
}

static void
on_bank_row_selected_changed_cb (XfQuestionExportDialog *self)
{
  update_body (self);
}

static void
on_format_row_selected_changed_cb (XfQuestionExportDialog *self)
{
  update_body (self);
}

static void
fill_rows (XfQuestionExportDialog *self)
{
  g_autoptr(GtkStringList) banks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  guint total = 0;
  gint64 none = 0;

  list = xf_question_store_list_banks (self->database, &error);
  if (list == NULL)
    g_warning ("Cannot list the question banks: %s", error->message);

  /* Every bank first, then each bank with its count. */
  g_array_append_val (self->bank_ids, none);
  g_array_append_val (self->bank_counts, total);
  g_ptr_array_add (self->bank_titles, NULL);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(XfQuestionBank) bank = g_list_model_get_item (list, i);
      gint64 id = xf_question_bank_get_id (bank);
      guint count = xf_question_bank_get_n_questions (bank);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u question)",
                                                             "%s (%u questions)", count),
                                                xf_question_bank_get_title (bank), count);

      gtk_string_list_append (banks, label);
      g_array_append_val (self->bank_ids, id);
      g_array_append_val (self->bank_counts, count);
      g_ptr_array_add (self->bank_titles, g_strdup (xf_question_bank_get_title (bank)));
      total += count;
    }
  g_array_index (self->bank_counts, guint, 0) = total;
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All banks (%u question)", "All banks (%u questions)",
                                      total), total);
  gtk_string_list_splice (banks, 0, 0, (const char * const[]) { all, NULL });
  adw_combo_row_set_model (self->bank_row, G_LIST_MODEL (banks));

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_string_list_append (formats, xf_question_format_to_label (export_formats[i]));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  update_body (self);
}

static void
on_export_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XfQuestionExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  guint n_exported = 0;
  guint n_left_out = 0;

  if (xf_question_export_finish (result, &n_exported, &n_left_out, &error))
    g_signal_emit (self, signals[EXPORTED], 0, job->file, n_exported, n_left_out);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FAILED], 0, error);
}

/**
 * xf_question_export_dialog_save_to:
 *
 * Closes the dialog and exports the bank and format chosen to @file, in a
 * thread; #XfQuestionExportDialog::exported or
 * #XfQuestionExportDialog::failed then tells how it went.
 */
void
xf_question_export_dialog_save_to (XfQuestionExportDialog *self,
                                   GFile                  *file)
{
  g_return_if_fail (XF_IS_QUESTION_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The export's reference keeps the dialog, closed, until it reports. */
  xf_question_export_async (xf_database_get_path (self->database), xf_question_export_dialog_get_bank_id (self),
                            xf_question_export_dialog_get_format (self), file, NULL,
                            on_export_finished, g_object_ref (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_file_chooser_response_cb (GtkFileChooserNative *chooser,
                             int                   response,
                             gpointer              user_data)
{
  g_autoptr(XfQuestionExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    xf_question_export_dialog_save_to (self, file);
}

/* A file name from the bank's title: what a file system refuses goes. */
static char *
suggest_name (XfQuestionExportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->bank_row);
  const char *title = row < self->bank_titles->len ? g_ptr_array_index (self->bank_titles, row) : NULL;
  XfQuestionFormat format = xf_question_export_dialog_get_format (self);
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Question banks"));

  g_strdelimit (base, "/\\:*?\"<>|", '_');
  return g_strdup_printf ("%s.%s", base, xf_question_format_extension (format));
}

static void
choose_file (XfQuestionExportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  XfQuestionFormat format = xf_question_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_name (self);
  g_autofree char *pattern = g_strdup_printf ("*.%s", xf_question_format_extension (format));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export questions"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, xf_question_format_to_label (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The dialog is closed already, but alive and whole until this returns. */
static void
xf_question_export_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  if (g_strcmp0 (response, "export") == 0)
    choose_file (XF_QUESTION_EXPORT_DIALOG (dialog));
}

static void
xf_question_export_dialog_dispose (GObject *object)
{
  XfQuestionExportDialog *self = (XfQuestionExportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_QUESTION_EXPORT_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (xf_question_export_dialog_parent_class)->dispose (object);
}

static void
xf_question_export_dialog_finalize (GObject *object)
{
  XfQuestionExportDialog *self = (XfQuestionExportDialog *)object;

  g_array_unref (self->bank_ids);
  g_array_unref (self->bank_counts);
  g_ptr_array_unref (self->bank_titles);

  G_OBJECT_CLASS (xf_question_export_dialog_parent_class)->finalize (object);
}

static void
xf_question_export_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  XfQuestionExportDialog *self = XF_QUESTION_EXPORT_DIALOG (object);

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
xf_question_export_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  XfQuestionExportDialog *self = XF_QUESTION_EXPORT_DIALOG (object);

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
xf_question_export_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (xf_question_export_dialog_parent_class)->constructed (object);
  fill_rows (XF_QUESTION_EXPORT_DIALOG (object));
}

static void
xf_question_export_dialog_class_init (XfQuestionExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->constructed = xf_question_export_dialog_constructed;
  object_class->dispose = xf_question_export_dialog_dispose;
  object_class->finalize = xf_question_export_dialog_finalize;
  object_class->get_property = xf_question_export_dialog_get_property;
  object_class->set_property = xf_question_export_dialog_set_property;
  dialog_class->response = xf_question_export_dialog_response;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfQuestionExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   * @n_exported: the questions written
   * @n_left_out: the questions the format cannot hold
   *
   * Emitted when the file is written, just before the dialog goes away.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_FILE, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * XfQuestionExportDialog::failed:
   * @self: the dialog
   * @error: why the file could not be written
   *
   * Emitted when the export failed, just before the dialog goes away.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-question-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfQuestionExportDialog, bank_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionExportDialog, format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_row_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_changed_cb);
}

static void
xf_question_export_dialog_init (XfQuestionExportDialog *self)
{
  self->bank_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->bank_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bank_titles = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_question_export_dialog_new:
 * @database: the profile's database; a file, for the export thread opens
 *   a connection of its own to it
 * @bank_id: the bank chosen first, or 0 for every bank
 *
 * Returns: (transfer none): a new dialog
 */
XfQuestionExportDialog *
xf_question_export_dialog_new (GtkWindow  *parent,
                               XfDatabase *database,
                               gint64      bank_id)
{
  XfQuestionExportDialog *self;

  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);

  self = g_object_new (XF_TYPE_QUESTION_EXPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
  xf_question_export_dialog_set_bank_id (self, bank_id);
  return self;
}

/**
 * xf_question_export_dialog_get_bank_id:
 *
 * Returns: the bank chosen, or 0 for every bank
 */
gint64
xf_question_export_dialog_get_bank_id (XfQuestionExportDialog *self)
{
  guint row;

  g_return_val_if_fail (XF_IS_QUESTION_EXPORT_DIALOG (self), 0);

  row = adw_combo_row_get_selected (self->bank_row);
  return row < self->bank_ids->len ? g_array_index (self->bank_ids, gint64, row) : 0;
}

/**
 * xf_question_export_dialog_set_bank_id:
 * @bank_id: a bank, or 0 for every bank
 */
void
xf_question_export_dialog_set_bank_id (XfQuestionExportDialog *self,
                                       gint64                  bank_id)
{
  g_return_if_fail (XF_IS_QUESTION_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->bank_ids->len; i++)
    if (g_array_index (self->bank_ids, gint64, i) == bank_id)
      {
        adw_combo_row_set_selected (self->bank_row, i);
        return;
      }
}

XfQuestionFormat
xf_question_export_dialog_get_format (XfQuestionExportDialog *self)
{
  guint row;

  g_return_val_if_fail (XF_IS_QUESTION_EXPORT_DIALOG (self), XF_QUESTION_FORMAT_JSON);

  row = adw_combo_row_get_selected (self->format_row);
  return row < G_N_ELEMENTS (export_formats) ? export_formats[row] : XF_QUESTION_FORMAT_JSON;
}

/**
 * xf_question_export_dialog_set_format:
 * @format: a format that can be written (xf_question_format_can_export())
 */
void
xf_question_export_dialog_set_format (XfQuestionExportDialog *self,
                                      XfQuestionFormat        format)
{
  g_return_if_fail (XF_IS_QUESTION_EXPORT_DIALOG (self));
  g_return_if_fail (xf_question_format_can_export (format));

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i] == format)
      adw_combo_row_set_selected (self->format_row, i);
}
