/* xf-profile-dialog.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-profile-dialog.h"
#include "xf-profile-form.h"

/* Creates another profile, or edits one. */
struct _XfProfileDialog
{
  AdwWindow         parent_instance;

  XfProfileManager *manager;
  XfProfile        *profile;

  AdwToastOverlay  *toast_overlay;
  XfProfileForm    *form;
};

G_DEFINE_FINAL_TYPE (XfProfileDialog, xf_profile_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  PROP_PROFILE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_form_valid_changed_cb (XfProfileDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", xf_profile_form_get_valid (self->form));
}

static void
profile_save_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfProfileDialog *self = XF_PROFILE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  XfProfile *profile;

  profile = xf_profile_form_save (self->form, self->manager, self->profile, &error);
  if (profile == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, profile);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
xf_profile_dialog_constructed (GObject *object)
{
  XfProfileDialog *self = XF_PROFILE_DIALOG (object);

  G_OBJECT_CLASS (xf_profile_dialog_parent_class)->constructed (object);

  if (self->profile != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit profile"));
      xf_profile_form_load (self->form, self->profile);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New profile"));

  on_form_valid_changed_cb (self);
  xf_profile_form_focus (self->form);
}

static void
xf_profile_dialog_dispose (GObject *object)
{
  XfProfileDialog *self = (XfProfileDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_PROFILE_DIALOG);
  g_clear_object (&self->manager);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (xf_profile_dialog_parent_class)->dispose (object);
}

static void
xf_profile_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XfProfileDialog *self = XF_PROFILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XfProfileDialog *self = XF_PROFILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      self->manager = g_value_dup_object (value);
      break;
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_profile_dialog_class_init (XfProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xf_profile_dialog_constructed;
  object_class->dispose = xf_profile_dialog_dispose;
  object_class->get_property = xf_profile_dialog_get_property;
  object_class->set_property = xf_profile_dialog_set_property;

  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL, XF_TYPE_PROFILE_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * XfProfileDialog:profile:
   *
   * The profile edited, or %NULL to create one.
   */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XF_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfProfileDialog::saved:
   * @self: the dialog
   * @profile: the #XfProfile created or changed, already saved
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_PROFILE);

  g_type_ensure (XF_TYPE_PROFILE_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XfProfileDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XfProfileDialog, form);
  gtk_widget_class_bind_template_callback (widget_class, on_form_valid_changed_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, profile_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_profile_dialog_init (XfProfileDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_profile_dialog_new:
 * @profile: (nullable): the profile to edit, or %NULL to create one
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
XfProfileDialog *
xf_profile_dialog_new (GtkWindow        *parent,
                       XfProfileManager *manager,
                       XfProfile        *profile)
{
  g_return_val_if_fail (XF_IS_PROFILE_MANAGER (manager), NULL);

  return g_object_new (XF_TYPE_PROFILE_DIALOG,
                       "transient-for", parent,
                       "profile-manager", manager,
                       "profile", profile,
                       NULL);
}
