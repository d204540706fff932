/* xf-profile-form.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-profile-form.h"

/* Who a profile belongs to: the fields the first-run page and the profile
 * dialog share. Only the name is required. */
struct _XfProfileForm
{
  AdwPreferencesGroup  parent_instance;

  AdwEntryRow         *name_row;
  AdwEntryRow         *department_row;
  AdwEntryRow         *position_row;
  GtkSwitch           *leader_switch;
  GtkSwitch           *principal_switch;
};

G_DEFINE_FINAL_TYPE (XfProfileForm, xf_profile_form, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
on_name_row_changed_cb (XfProfileForm *self,
                        AdwEntryRow   *row)
{
  if (xf_profile_form_get_valid (self))
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* Enter moves on to the next field, and from the last one submits. */
static void
on_name_row_entry_activated_cb (XfProfileForm *self,
                                AdwEntryRow   *row)
{
  if (!xf_profile_form_get_valid (self))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->department_row));
}

static void
on_department_row_entry_activated_cb (XfProfileForm *self,
                                      AdwEntryRow   *row)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->position_row));
}

static void
on_position_row_entry_activated_cb (XfProfileForm *self,
                                    AdwEntryRow   *row)
{
  if (xf_profile_form_get_valid (self))
    gtk_widget_activate_default (GTK_WIDGET (self));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
xf_profile_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfProfileForm *self = XF_PROFILE_FORM (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, xf_profile_form_get_valid (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XF_TYPE_PROFILE_FORM);

  G_OBJECT_CLASS (xf_profile_form_parent_class)->dispose (object);
}

static void
xf_profile_form_class_init (XfProfileFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_profile_form_dispose;
  object_class->get_property = xf_profile_form_get_property;

  /**
   * XfProfileForm:valid:
   *
   * Whether the form can be saved: it has a name.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-profile-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XfProfileForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, XfProfileForm, department_row);
  gtk_widget_class_bind_template_child (widget_class, XfProfileForm, position_row);
  gtk_widget_class_bind_template_child (widget_class, XfProfileForm, leader_switch);
  gtk_widget_class_bind_template_child (widget_class, XfProfileForm, principal_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_department_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_position_row_entry_activated_cb);
}

static void
xf_profile_form_init (XfProfileForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
xf_profile_form_get_valid (XfProfileForm *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (XF_IS_PROFILE_FORM (self), FALSE);

  name = dup_stripped (self->name_row);
  return name[0] != '\0';
}

/**
 * xf_profile_form_dup_name:
 *
 * Returns: (transfer full): the name, without surrounding spaces
 */
char *
xf_profile_form_dup_name (XfProfileForm *self)
{
  g_return_val_if_fail (XF_IS_PROFILE_FORM (self), NULL);
  return dup_stripped (self->name_row);
}

void
xf_profile_form_load (XfProfileForm *self,
                      XfProfile     *profile)
{
  g_return_if_fail (XF_IS_PROFILE_FORM (self));
  g_return_if_fail (XF_IS_PROFILE (profile));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), xf_profile_get_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), xf_profile_get_department (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), xf_profile_get_position (profile));
  gtk_switch_set_active (self->leader_switch, xf_profile_get_leader (profile));
  gtk_switch_set_active (self->principal_switch, xf_profile_get_principal (profile));
}

/**
 * xf_profile_form_apply:
 *
 * Writes the fields other than the name into @profile; the name is the
 * profile manager's to check and set.
 */
void
xf_profile_form_apply (XfProfileForm *self,
                       XfProfile     *profile)
{
  g_autofree char *department = NULL;
  g_autofree char *position = NULL;

  g_return_if_fail (XF_IS_PROFILE_FORM (self));
  g_return_if_fail (XF_IS_PROFILE (profile));

  department = dup_stripped (self->department_row);
  position = dup_stripped (self->position_row);
  xf_profile_set_department (profile, department);
  xf_profile_set_position (profile, position);
  xf_profile_set_leader (profile, gtk_switch_get_active (self->leader_switch));
  xf_profile_set_principal (profile, gtk_switch_get_active (self->principal_switch));
}

void
xf_profile_form_focus (XfProfileForm *self)
{
  g_return_if_fail (XF_IS_PROFILE_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * xf_profile_form_save:
 * @profile: (nullable): the profile to change, or %NULL for a new one
 *
 * Creates a profile from the form, or writes the form into @profile, and
 * saves the profile list.
 *
 * Returns: (transfer none) (nullable): the profile saved
 */
XfProfile *
xf_profile_form_save (XfProfileForm     *self,
                      XfProfileManager  *manager,
                      XfProfile         *profile,
                      GError           **error)
{
  g_autofree char *name = NULL;
  XfProfile *other;

  g_return_val_if_fail (XF_IS_PROFILE_FORM (self), NULL);
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (manager), NULL);
  g_return_val_if_fail (profile == NULL || XF_IS_PROFILE (profile), NULL);

  name = xf_profile_form_dup_name (self);

  if (profile == NULL)
    {
      profile = xf_profile_manager_create (manager, name, error);
      if (profile == NULL)
        return NULL;
    }
  else
    {
      if (name[0] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A profile needs a name"));
          return NULL;
        }
      other = xf_profile_manager_find (manager, name);
      if (other != NULL && other != profile)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("A profile named “%s” already exists"), name);
          return NULL;
        }
      xf_profile_set_name (profile, name);
    }

  xf_profile_form_apply (self, profile);
  if (!xf_profile_manager_save (manager, error))
    return NULL;

  return profile;
}
