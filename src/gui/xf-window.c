/* xf-window.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-content.h"
#include "xf-window-private.h"

/* The main window: the first-run form until a profile exists, then the
 * reader, the lists, the question bank and the exams of that profile's
 * database. Everything shown comes from one profile; switching profiles
 * swaps the database under every page. */

G_DEFINE_FINAL_TYPE (XfWindow, xf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  PROP_PROFILE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
xf_window_show_toast (XfWindow   *self,
                      const char *message)
{
  g_return_if_fail (XF_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The switcher lists every profile; the radio state of win.profile marks
 * the open one. */
void
xf_window_update_profiles (XfWindow *self)
{
  GListModel *profiles = xf_profile_manager_get_profiles (self->manager);
  guint n = g_list_model_get_n_items (profiles);

  g_menu_remove_all (self->profiles_section);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfProfile) profile = g_list_model_get_item (profiles, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (xf_profile_get_name (profile), NULL);

      g_menu_item_set_action_and_target (item, "win.profile", "s", xf_profile_get_id (profile));
      g_menu_append_item (self->profiles_section, item);
    }
}

static void
on_profiles_items_changed_cb (XfWindow   *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *profiles)
{
  xf_window_update_profiles (self);
}

typedef struct
{
  XfWindow *window;
  char     *db_path;
} InstallData;

static void
install_data_free (InstallData *data)
{
  g_clear_object (&data->window);
  g_free (data->db_path);
  g_free (data);
}

static void
on_defaults_installed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  InstallData *data = user_data;
  XfWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  gboolean installed = xf_content_install_defaults_finish (result, &error);

  /* The window may be closing, or another profile open by now: its pages
   * are not this one's. */
  if (self->library_page != NULL && self->database != NULL &&
      g_strcmp0 (xf_database_get_path (self->database), data->db_path) == 0)
    {
      xf_library_page_set_loading (self->library_page, FALSE);
      if (installed)
        {
          xf_library_page_reload (self->library_page);
          xf_lists_page_reload (self->lists_page);
          xf_bank_page_reload (self->bank_page);
          xf_exams_page_reload (self->exams_page);
          xf_study_page_reload (self->study_page);
          xf_search_page_refresh_index (self->search_page);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xf_window_show_toast (self, error->message);
    }

  install_data_free (data);
}

/* A new profile gets the shipped statutes and lists. The import runs in a
 * thread on a connection of its own; the window shows the library at once,
 * with a row saying the statutes are loading. */
static void
install_defaults (XfWindow *self)
{
  InstallData *data;

  if (!xf_content_needs_defaults (self->database))
    return;

  data = g_new0 (InstallData, 1);
  data->window = g_object_ref (self);
  data->db_path = g_strdup (xf_database_get_path (self->database));

  xf_library_page_set_loading (self->library_page, TRUE);
  xf_content_install_defaults_async (data->db_path, self->cancellable, on_defaults_installed, data);
}

/**
 * xf_window_open_profile:
 *
 * Opens @profile's database and shows it in every page.
 *
 * Returns: whether the database could be opened
 */
gboolean
xf_window_open_profile (XfWindow   *self,
                        XfProfile  *profile,
                        GError    **error)
{
  g_autoptr(XfDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (XF_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (XF_IS_PROFILE (profile), FALSE);

  path = xf_profile_manager_dup_database_path (self->manager, profile);
  database = xf_database_open (path, error);
  if (database == NULL)
    return FALSE;

  /* Opening the next time starts here; failing to remember it is no reason
   * not to open it now. */
  if (!xf_profile_manager_set_last (self->manager, profile, &local_error))
    g_warning ("%s", local_error->message);

  g_clear_pointer (&self->name_binding, g_binding_unbind);
  g_set_object (&self->profile, profile);
  g_set_object (&self->database, database);
  self->name_binding = g_object_bind_property (profile, "name", self->profile_label, "label",
                                               G_BINDING_SYNC_CREATE);

  xf_library_page_set_loading (self->library_page, FALSE);
  xf_library_page_set_database (self->library_page, database);
  xf_lists_page_set_database (self->lists_page, database);
  xf_bank_page_set_database (self->bank_page, database);
  xf_exams_page_set_database (self->exams_page, database, profile);
  xf_mistakes_page_set_database (self->mistakes_page, database);
  xf_study_page_set_database (self->study_page, database);
  xf_practice_page_set_database (self->practice_page, database);
  if (self->stats_window != NULL)
    gtk_window_destroy (self->stats_window);
  xf_window_end_search (self);
  xf_search_page_set_database (self->search_page, database);
  install_defaults (self);

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  xf_window_update_profiles (self);
  xf_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_ID]);

  return TRUE;
}

/* While the entry holds text, the results stand in for the pages. */
static void
on_search_entry_search_changed_cb (XfWindow       *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  xf_search_page_search (self->search_page, stripped);
  gtk_stack_set_visible_child_name (self->content_stack, stripped[0] != '\0' ? "search" : "views");
}

static void
on_search_entry_stop_search_cb (XfWindow       *self,
                                GtkSearchEntry *entry)
{
  xf_window_end_search (self);
}

static void
on_search_entry_activate_cb (XfWindow       *self,
                             GtkSearchEntry *entry)
{
  xf_search_page_activate_first (self->search_page);
}

static void
on_search_bar_search_mode_enabled_changed_cb (XfWindow     *self,
                                              GParamSpec   *pspec,
                                              GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/**
 * xf_window_end_search:
 *
 * Clears and hides the search, showing the pages again.
 */
void
xf_window_end_search (XfWindow *self)
{
  g_return_if_fail (XF_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  xf_search_page_search (self->search_page, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "views");
}

static void
on_welcome_page_profile_created_cb (XfWindow  *self,
                                    XfProfile *profile)
{
  g_autoptr(GError) error = NULL;

  if (!xf_window_open_profile (self, profile, &error))
    xf_window_show_toast (self, error->message);
}

/* The first-run form is needed once, before the first profile exists, so
 * it is built only then rather than with every window. */
static void
show_welcome (XfWindow *self)
{
  if (self->welcome_page == NULL)
    {
      self->welcome_page = xf_welcome_page_new (self->manager);
      g_signal_connect_object (self->welcome_page, "profile-created",
                               G_CALLBACK (on_welcome_page_profile_created_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->welcome_page), "welcome");
    }

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  xf_welcome_page_focus (self->welcome_page);
}

static void
set_profile_id (XfWindow   *self,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  XfProfile *profile = xf_profile_manager_find (self->manager, id);

  if (profile == NULL || profile == self->profile)
    return;
  if (!xf_window_open_profile (self, profile, &error))
    xf_window_show_toast (self, error->message);
}

static gboolean
on_drop_target_drop_cb (XfWindow      *self,
                        const GValue  *value,
                        double         x,
                        double         y,
                        GtkDropTarget *target)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->database == NULL)
    return FALSE;

  for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
    g_list_store_append (files, l->data);

  xf_window_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

static void
xf_window_constructed (GObject *object)
{
  XfWindow *self = XF_WINDOW (object);
  g_autoptr(GError) error = NULL;
  XfProfile *last;

  G_OBJECT_CLASS (xf_window_parent_class)->constructed (object);

  if (self->manager == NULL)
    self->manager = xf_profile_manager_new (g_getenv ("XUEFA_DATA_DIR"));

  g_signal_connect_object (xf_profile_manager_get_profiles (self->manager), "items-changed",
                           G_CALLBACK (on_profiles_items_changed_cb), self, G_CONNECT_SWAPPED);

  if (!xf_profile_manager_load (self->manager, &error))
    {
      xf_window_show_toast (self, error->message);
      g_clear_error (&error);
    }

  last = xf_profile_manager_get_last (self->manager);
  if (last == NULL || !xf_window_open_profile (self, last, &error))
    {
      if (error != NULL)
        xf_window_show_toast (self, error->message);
      show_welcome (self);
    }

  xf_window_actions_update (self);
}

static gboolean
xf_window_close_request (GtkWindow *window)
{
  XfWindow *self = XF_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width, height;

  if (xf_window_exam_close_request (self))
    return TRUE;

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (xf_window_parent_class)->close_request (window);
}

static void
xf_window_dispose (GObject *object)
{
  XfWindow *self = (XfWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->name_binding, g_binding_unbind);
  if (self->stats_window != NULL)
    {
      GtkWindow *stats = self->stats_window;

      g_object_remove_weak_pointer (G_OBJECT (stats), (gpointer *)&self->stats_window);
      self->stats_window = NULL;
      gtk_window_destroy (stats);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_WINDOW);
  self->welcome_page = NULL;

  G_OBJECT_CLASS (xf_window_parent_class)->dispose (object);
}

static void
xf_window_finalize (GObject *object)
{
  XfWindow *self = (XfWindow *)object;

  g_clear_object (&self->manager);
  g_clear_object (&self->profile);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xf_window_parent_class)->finalize (object);
}

static void
xf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XfWindow *self = XF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;
    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile ? xf_profile_get_id (self->profile) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XfWindow *self = XF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      self->manager = g_value_dup_object (value);
      break;
    case PROP_PROFILE_ID:
      set_profile_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_window_class_init (XfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = xf_window_constructed;
  object_class->dispose = xf_window_dispose;
  object_class->finalize = xf_window_finalize;
  object_class->get_property = xf_window_get_property;
  object_class->set_property = xf_window_set_property;

  window_class->close_request = xf_window_close_request;

  /**
   * XfWindow:profile-manager:
   *
   * Where the profiles are; %NULL for the folder $XUEFA_DATA_DIR names, or
   * the user's data folder.
   */
  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL, XF_TYPE_PROFILE_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * XfWindow:profile-id:
   *
   * The id of the open profile; setting it opens another one.
   */
  properties[PROP_PROFILE_ID] =
    g_param_spec_string ("profile-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_LIBRARY_PAGE);
  g_type_ensure (XF_TYPE_LISTS_PAGE);
  g_type_ensure (XF_TYPE_BANK_PAGE);
  g_type_ensure (XF_TYPE_SEARCH_PAGE);
  g_type_ensure (XF_TYPE_STUDY_PAGE);
  g_type_ensure (GDK_TYPE_FILE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, profile_label);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, profiles_section);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, library_page);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, lists_page);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, bank_page);
  gtk_widget_class_bind_template_child (widget_class, XfWindow, search_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_enabled_changed_cb);

  xf_window_class_add_actions (widget_class);
  xf_window_class_add_exam_actions (widget_class);
  xf_window_class_add_practice_actions (widget_class);
}

static void
xf_window_init (XfWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The entry sits in a clamp, where the bar does not find it: typing in
   * the window starts a search only once it is connected */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  xf_window_add_shortcuts (self);

  /* Statute files dropped on the library are imported. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_target_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->main_box, GTK_EVENT_CONTROLLER (drop_target));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * xf_window_new:
 * @application: (nullable): the application
 * @manager: (nullable): where the profiles are, or %NULL for the default
 *
 * Returns: (transfer none): a new window
 */
XfWindow *
xf_window_new (XfApplication    *application,
               XfProfileManager *manager)
{
  return g_object_new (XF_TYPE_WINDOW,
                       "application", application,
                       "profile-manager", manager,
                       NULL);
}

/**
 * xf_window_get_profile_manager:
 *
 * Returns: (transfer none): where the profiles are
 */
XfProfileManager *
xf_window_get_profile_manager (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  return self->manager;
}

/**
 * xf_window_get_profile:
 *
 * Returns: (transfer none) (nullable): the open profile
 */
XfProfile *
xf_window_get_profile (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  return self->profile;
}

/**
 * xf_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open profile's database
 */
XfDatabase *
xf_window_get_database (XfWindow *self)
{
  g_return_val_if_fail (XF_IS_WINDOW (self), NULL);
  return self->database;
}
