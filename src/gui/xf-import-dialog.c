/* xf-import-dialog.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-import-dialog.h"

/* Shows an import of statute files while XfLawImporter runs it in a
 * thread, with a way to cancel. The import is one transaction: cancelled,
 * it leaves the library as it was. */
struct _XfImportDialog
{
  AdwWindow       parent_instance;

  XfDatabase     *database;
  GListModel     *files;
  XfLawImporter  *importer;
  GCancellable   *cancellable;

  /* Written by the import thread, read on the main thread. */
  GMutex          progress_lock;
  guint64         done;
  guint64         total;
  guint           progress_idle;

  GtkProgressBar *progress_bar;
  GtkLabel       *detail_label;
};

G_DEFINE_FINAL_TYPE (XfImportDialog, xf_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_FILES,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
update_progress (gpointer data)
{
  XfImportDialog *self = data;
  guint64 done, total;

  g_mutex_lock (&self->progress_lock);
  done = self->done;
  total = self->total;
  self->progress_idle = 0;
  g_mutex_unlock (&self->progress_lock);

  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double)done / (double)total);

  return G_SOURCE_REMOVE;
}

/* Called in the import thread: keep the numbers and let the main thread
 * show them, once per main loop turn however often the import reports. */
static void
on_import_progress (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  XfImportDialog *self = user_data;

  g_mutex_lock (&self->progress_lock);
  self->done = done;
  self->total = total;
  if (self->progress_idle == 0)
    self->progress_idle = g_idle_add_full (G_PRIORITY_DEFAULT, update_progress,
                                           g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->progress_lock);
}

static void
on_import_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XfImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  xf_law_importer_run_finish (XF_LAW_IMPORTER (source), result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
  g_signal_emit (self, signals[FINISHED], 0, error);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * xf_import_dialog_start:
 *
 * Shows the dialog and starts the import. #XfImportDialog::finished tells
 * how it went; the dialog then closes itself.
 */
void
xf_import_dialog_start (XfImportDialog *self)
{
  guint n;
  g_autofree char *detail = NULL;

  g_return_if_fail (XF_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->importer == NULL);

  self->importer = xf_law_importer_new (self->database);
  xf_law_importer_set_progress_func (self->importer, on_import_progress,
                                     g_object_ref (self), g_object_unref);

  n = g_list_model_get_n_items (self->files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (self->files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        xf_law_importer_add_path (self->importer, path);
    }

  if (n == 1)
    {
      g_autoptr(GFile) file = g_list_model_get_item (self->files, 0);
      detail = g_file_get_basename (file);
    }
  else
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file or folder", "%u files or folders", n), n);
  gtk_label_set_text (self->detail_label, detail);

  gtk_window_present (GTK_WINDOW (self));
  xf_law_importer_run_async (self->importer, self->cancellable, on_import_finished, g_object_ref (self));
}

static void
import_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfImportDialog *self = XF_IMPORT_DIALOG (widget);

  gtk_widget_action_set_enabled (widget, "import.cancel", FALSE);
  gtk_label_set_text (self->detail_label, _("Cancelling…"));
  g_cancellable_cancel (self->cancellable);
}

static void
xf_import_dialog_dispose (GObject *object)
{
  XfImportDialog *self = (XfImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->files);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xf_import_dialog_parent_class)->dispose (object);
}

static void
xf_import_dialog_finalize (GObject *object)
{
  XfImportDialog *self = (XfImportDialog *)object;

  g_mutex_clear (&self->progress_lock);

  G_OBJECT_CLASS (xf_import_dialog_parent_class)->finalize (object);
}

static void
xf_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfImportDialog *self = XF_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_FILES:
      g_value_set_object (value, self->files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XfImportDialog *self = XF_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_FILES:
      self->files = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_import_dialog_class_init (XfImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_import_dialog_dispose;
  object_class->finalize = xf_import_dialog_finalize;
  object_class->get_property = xf_import_dialog_get_property;
  object_class->set_property = xf_import_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * XfImportDialog:files:
   *
   * The files and folders to import, a #GListModel of #GFile.
   */
  properties[PROP_FILES] =
    g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfImportDialog::finished:
   * @self: the dialog
   * @error: (nullable): why the import failed, %G_IO_ERROR_CANCELLED if it
   *   was cancelled, or %NULL when it ran; files it could not import are
   *   the importer's problems
   *
   * Emitted when the import is over, just before the dialog closes.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XfImportDialog, detail_label);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, import_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
xf_import_dialog_init (XfImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_mutex_init (&self->progress_lock);
  self->cancellable = g_cancellable_new ();
}

/**
 * xf_import_dialog_new:
 * @files: a #GListModel of #GFile: files and folders
 *
 * Returns: (transfer none): a new dialog; xf_import_dialog_start() runs it
 */
XfImportDialog *
xf_import_dialog_new (GtkWindow  *parent,
                      XfDatabase *database,
                      GListModel *files)
{
  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  return g_object_new (XF_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       "files", files,
                       NULL);
}

/**
 * xf_import_dialog_get_importer:
 *
 * Returns: (transfer none) (nullable): the importer, with its files,
 *   problems and notices once finished
 */
XfLawImporter *
xf_import_dialog_get_importer (XfImportDialog *self)
{
  g_return_val_if_fail (XF_IS_IMPORT_DIALOG (self), NULL);
  return self->importer;
}
