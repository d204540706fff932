/* xf-profile.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-profile.h"

/* A person using Xuefa on this computer. Each profile has a database of its
 * own; XfProfileManager keeps the list. */
struct _XfProfile
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *department;
  char     *position;
  guint     leader : 1;
  guint     principal : 1;
};

G_DEFINE_FINAL_TYPE (XfProfile, xf_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_POSITION,
  PROP_LEADER,
  PROP_PRINCIPAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_profile_finalize (GObject *object)
{
  XfProfile *self = (XfProfile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->position, g_free);

  G_OBJECT_CLASS (xf_profile_parent_class)->finalize (object);
}

static void
xf_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  XfProfile *self = XF_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;
    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;
    case PROP_LEADER:
      g_value_set_boolean (value, self->leader);
      break;
    case PROP_PRINCIPAL:
      g_value_set_boolean (value, self->principal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  XfProfile *self = XF_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      xf_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      xf_profile_set_department (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      xf_profile_set_position (self, g_value_get_string (value));
      break;
    case PROP_LEADER:
      xf_profile_set_leader (self, g_value_get_boolean (value));
      break;
    case PROP_PRINCIPAL:
      xf_profile_set_principal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_class_init (XfProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_profile_finalize;
  object_class->get_property = xf_profile_get_property;
  object_class->set_property = xf_profile_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADER] =
    g_param_spec_boolean ("leader", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRINCIPAL] =
    g_param_spec_boolean ("principal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_profile_init (XfProfile *self)
{
  self->name = g_strdup ("");
  self->department = g_strdup ("");
  self->position = g_strdup ("");
}

XfProfile *
xf_profile_new (const char *id,
                const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (XF_TYPE_PROFILE, "id", id, "name", name ? name : "", NULL);
}

const char *
xf_profile_get_id (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
xf_profile_get_name (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), NULL);
  return self->name;
}

const char *
xf_profile_get_department (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), NULL);
  return self->department;
}

const char *
xf_profile_get_position (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), NULL);
  return self->position;
}

gboolean
xf_profile_get_leader (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), FALSE);
  return self->leader;
}

gboolean
xf_profile_get_principal (XfProfile *self)
{
  g_return_val_if_fail (XF_IS_PROFILE (self), FALSE);
  return self->principal;
}

static void
set_string (XfProfile   *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
xf_profile_set_name (XfProfile  *self,
                     const char *name)
{
  g_return_if_fail (XF_IS_PROFILE (self));
  set_string (self, &self->name, name, PROP_NAME);
}

void
xf_profile_set_department (XfProfile  *self,
                           const char *department)
{
  g_return_if_fail (XF_IS_PROFILE (self));
  set_string (self, &self->department, department, PROP_DEPARTMENT);
}

void
xf_profile_set_position (XfProfile  *self,
                         const char *position)
{
  g_return_if_fail (XF_IS_PROFILE (self));
  set_string (self, &self->position, position, PROP_POSITION);
}

void
xf_profile_set_leader (XfProfile *self,
                       gboolean   leader)
{
  g_return_if_fail (XF_IS_PROFILE (self));

  leader = !!leader;
  if (self->leader != leader)
    {
      self->leader = leader;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADER]);
    }
}

void
xf_profile_set_principal (XfProfile *self,
                          gboolean   principal)
{
  g_return_if_fail (XF_IS_PROFILE (self));

  principal = !!principal;
  if (self->principal != principal)
    {
      self->principal = principal;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINCIPAL]);
    }
}
