/* xf-welcome-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-profile-form.h"
#include "xf-welcome-page.h"

/* The first run: a short form that creates the first profile. */
struct _XfWelcomePage
{
  GtkWidget         parent_instance;

  XfProfileManager *manager;

  XfProfileForm    *form;
  GtkLabel         *error_label;
  GtkWidget        *start_button;
};

G_DEFINE_FINAL_TYPE (XfWelcomePage, xf_welcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROFILE_MANAGER,
  N_PROPS
};

enum {
  PROFILE_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_form_valid_changed_cb (XfWelcomePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.start",
                                 xf_profile_form_get_valid (self->form) && self->manager != NULL);
}

static void
welcome_start_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfWelcomePage *self = XF_WELCOME_PAGE (widget);
  g_autoptr(GError) error = NULL;
  XfProfile *profile;

  if (self->manager == NULL || !xf_profile_form_get_valid (self->form))
    return;

  profile = xf_profile_form_save (self->form, self->manager, NULL, &error);
  if (profile == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[PROFILE_CREATED], 0, profile);
}

static void
xf_welcome_page_map (GtkWidget *widget)
{
  XfWelcomePage *self = XF_WELCOME_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (xf_welcome_page_parent_class)->map (widget);

  /* Enter on the last field starts, as the button does. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), self->start_button);
}

static void
xf_welcome_page_unmap (GtkWidget *widget)
{
  XfWelcomePage *self = XF_WELCOME_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root) && gtk_window_get_default_widget (GTK_WINDOW (root)) == self->start_button)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (xf_welcome_page_parent_class)->unmap (widget);
}

static void
xf_welcome_page_dispose (GObject *object)
{
  XfWelcomePage *self = (XfWelcomePage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_WELCOME_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (xf_welcome_page_parent_class)->dispose (object);
}

static void
xf_welcome_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfWelcomePage *self = XF_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      g_value_set_object (value, self->manager);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_welcome_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfWelcomePage *self = XF_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE_MANAGER:
      xf_welcome_page_set_profile_manager (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_welcome_page_class_init (XfWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_welcome_page_dispose;
  object_class->get_property = xf_welcome_page_get_property;
  object_class->set_property = xf_welcome_page_set_property;

  widget_class->map = xf_welcome_page_map;
  widget_class->unmap = xf_welcome_page_unmap;

  properties[PROP_PROFILE_MANAGER] =
    g_param_spec_object ("profile-manager", NULL, NULL, XF_TYPE_PROFILE_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XfWelcomePage::profile-created:
   * @self: the page
   * @profile: the new #XfProfile, saved in the profile list
   *
   * Emitted when the form has created the first profile.
   */
  signals[PROFILE_CREATED] =
    g_signal_new ("profile-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XF_TYPE_PROFILE);

  g_type_ensure (XF_TYPE_PROFILE_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfWelcomePage, form);
  gtk_widget_class_bind_template_child (widget_class, XfWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, XfWelcomePage, start_button);
  gtk_widget_class_bind_template_callback (widget_class, on_form_valid_changed_cb);

  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, welcome_start_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_welcome_page_init (XfWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_form_valid_changed_cb (self);
}

/**
 * xf_welcome_page_new:
 * @manager: (nullable): where the profile is created
 *
 * Returns: (transfer floating): a new first-run page
 */
XfWelcomePage *
xf_welcome_page_new (XfProfileManager *manager)
{
  return g_object_new (XF_TYPE_WELCOME_PAGE,
                       "profile-manager", manager,
                       NULL);
}

/**
 * xf_welcome_page_get_profile_manager:
 *
 * Returns: (transfer none) (nullable): where the profile is created
 */
XfProfileManager *
xf_welcome_page_get_profile_manager (XfWelcomePage *self)
{
  g_return_val_if_fail (XF_IS_WELCOME_PAGE (self), NULL);
  return self->manager;
}

void
xf_welcome_page_set_profile_manager (XfWelcomePage    *self,
                                     XfProfileManager *manager)
{
  g_return_if_fail (XF_IS_WELCOME_PAGE (self));
  g_return_if_fail (manager == NULL || XF_IS_PROFILE_MANAGER (manager));

  if (g_set_object (&self->manager, manager))
    {
      on_form_valid_changed_cb (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_MANAGER]);
    }
}

void
xf_welcome_page_focus (XfWelcomePage *self)
{
  g_return_if_fail (XF_IS_WELCOME_PAGE (self));
  xf_profile_form_focus (self->form);
}
