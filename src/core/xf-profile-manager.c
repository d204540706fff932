/* xf-profile-manager.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-database.h"
#include "xf-profile-manager.h"

/* Profiles live in $XDG_DATA_HOME/xuefa/profiles.ini; each has a folder
 * named after its id holding xuefa.db. The key file is small and written
 * atomically, so a crash never leaves it half written. */
struct _XfProfileManager
{
  GObject     parent_instance;

  char       *data_dir;
  char       *last_id;
  GListStore *profiles;
};

G_DEFINE_FINAL_TYPE (XfProfileManager, xf_profile_manager, G_TYPE_OBJECT)

static void
xf_profile_manager_finalize (GObject *object)
{
  XfProfileManager *self = (XfProfileManager *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->last_id, g_free);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (xf_profile_manager_parent_class)->finalize (object);
}

static void
xf_profile_manager_class_init (XfProfileManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_profile_manager_finalize;
}

static void
xf_profile_manager_init (XfProfileManager *self)
{
  self->profiles = g_list_store_new (XF_TYPE_PROFILE);
}

/**
 * xf_profile_manager_new:
 * @data_dir: (nullable): where profiles live; %NULL for $XDG_DATA_HOME/xuefa
 *
 * Returns: (transfer full): a new #XfProfileManager
 */
XfProfileManager *
xf_profile_manager_new (const char *data_dir)
{
  XfProfileManager *self = g_object_new (XF_TYPE_PROFILE_MANAGER, NULL);

  if (data_dir != NULL)
    self->data_dir = g_strdup (data_dir);
  else
    self->data_dir = g_build_filename (g_get_user_data_dir (), "xuefa", NULL);

  return self;
}

const char *
xf_profile_manager_get_data_dir (XfProfileManager *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);
  return self->data_dir;
}

static char *
index_path (XfProfileManager *self)
{
  return g_build_filename (self->data_dir, "profiles.ini", NULL);
}

gboolean
xf_profile_manager_load (XfProfileManager  *self,
                         GError           **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = index_path (self);
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), FALSE);

  g_list_store_remove_all (self->profiles);
  g_clear_pointer (&self->last_id, g_free);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot read the profile list “%s”: "), path);
      return FALSE;
    }

  self->last_id = g_key_file_get_string (keyfile, "general", "last", NULL);

  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(XfProfile) profile = NULL;
      g_autofree char *name = NULL;
      g_autofree char *department = NULL;
      g_autofree char *position = NULL;
      const char *id;

      if (!g_str_has_prefix (groups[i], "profile "))
        continue;

      id = groups[i] + strlen ("profile ");
      if (!g_uuid_string_is_valid (id))
        continue;

      name = g_key_file_get_string (keyfile, groups[i], "name", NULL);
      department = g_key_file_get_string (keyfile, groups[i], "department", NULL);
      position = g_key_file_get_string (keyfile, groups[i], "position", NULL);

      profile = xf_profile_new (id, name);
      xf_profile_set_department (profile, department);
      xf_profile_set_position (profile, position);
      xf_profile_set_leader (profile, g_key_file_get_boolean (keyfile, groups[i], "leader", NULL));
      xf_profile_set_principal (profile, g_key_file_get_boolean (keyfile, groups[i], "principal", NULL));
      g_list_store_append (self->profiles, profile);
    }

  return TRUE;
}

/**
 * xf_profile_manager_get_profiles:
 *
 * Returns: (transfer none): a #GListModel of #XfProfile
 */
GListModel *
xf_profile_manager_get_profiles (XfProfileManager *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);
  return G_LIST_MODEL (self->profiles);
}

/**
 * xf_profile_manager_find:
 *
 * Returns: (transfer none) (nullable): the profile with that id or name
 */
XfProfile *
xf_profile_manager_find (XfProfileManager *self,
                         const char       *id_or_name)
{
  guint n;

  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);

  if (id_or_name == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_strcmp0 (xf_profile_get_id (profile), id_or_name) == 0 ||
          g_strcmp0 (xf_profile_get_name (profile), id_or_name) == 0)
        return profile;
    }

  return NULL;
}

/**
 * xf_profile_manager_get_last:
 *
 * Returns: (transfer none) (nullable): the profile used last, or the first
 */
XfProfile *
xf_profile_manager_get_last (XfProfileManager *self)
{
  g_autoptr(XfProfile) first = NULL;
  XfProfile *profile;

  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);

  profile = xf_profile_manager_find (self, self->last_id);
  if (profile != NULL)
    return profile;

  first = g_list_model_get_item (G_LIST_MODEL (self->profiles), 0);
  return first;   /* the store keeps its own reference */
}

gboolean
xf_profile_manager_save (XfProfileManager  *self,
                         GError           **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = index_path (self);
  guint n;

  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), FALSE);

  if (self->last_id != NULL)
    g_key_file_set_string (keyfile, "general", "last", self->last_id);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_autofree char *group = g_strdup_printf ("profile %s", xf_profile_get_id (profile));

      g_key_file_set_string (keyfile, group, "name", xf_profile_get_name (profile));
      g_key_file_set_string (keyfile, group, "department", xf_profile_get_department (profile));
      g_key_file_set_string (keyfile, group, "position", xf_profile_get_position (profile));
      g_key_file_set_boolean (keyfile, group, "leader", xf_profile_get_leader (profile));
      g_key_file_set_boolean (keyfile, group, "principal", xf_profile_get_principal (profile));
    }

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), self->data_dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_key_file_save_to_file (keyfile, path, error))
    {
      g_prefix_error (error, _("Cannot save the profile list “%s”: "), path);
      return FALSE;
    }

  return TRUE;
}

/**
 * xf_profile_manager_create:
 * @name: the person's name as shown in the switcher
 *
 * Adds a profile and saves the list. Its database is created on first open.
 *
 * Returns: (transfer none) (nullable): the new profile
 */
XfProfile *
xf_profile_manager_create (XfProfileManager  *self,
                           const char        *name,
                           GError           **error)
{
  g_autoptr(XfProfile) profile = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);

  if (stripped[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A profile needs a name"));
      return NULL;
    }

  if (xf_profile_manager_find (self, stripped) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A profile named “%s” already exists"), stripped);
      return NULL;
    }

  profile = xf_profile_new (id, stripped);
  g_list_store_append (self->profiles, profile);
  g_free (self->last_id);
  self->last_id = g_strdup (id);

  if (!xf_profile_manager_save (self, error))
    {
      guint pos;

      if (g_list_store_find (self->profiles, profile, &pos))
        g_list_store_remove (self->profiles, pos);
      return NULL;
    }

  return profile;
}

gboolean
xf_profile_manager_set_last (XfProfileManager  *self,
                             XfProfile         *profile,
                             GError           **error)
{
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), FALSE);
  g_return_val_if_fail (XF_IS_PROFILE (profile), FALSE);

  if (g_strcmp0 (self->last_id, xf_profile_get_id (profile)) == 0)
    return TRUE;

  g_free (self->last_id);
  self->last_id = g_strdup (xf_profile_get_id (profile));

  return xf_profile_manager_save (self, error);
}

/**
 * xf_profile_manager_dup_database_path:
 *
 * Returns: (transfer full): the path of @profile's database
 */
char *
xf_profile_manager_dup_database_path (XfProfileManager *self,
                                      XfProfile        *profile)
{
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (self), NULL);
  g_return_val_if_fail (XF_IS_PROFILE (profile), NULL);

  return g_build_filename (self->data_dir, xf_profile_get_id (profile), "xuefa.db", NULL);
}
