/* xf-lists-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-lists-page.h"

/* The yearly knowledge lists (应知应会清单) and the person's progress. */
struct _XfListsPage
{
  GtkWidget   parent_instance;

  XfDatabase *database;

  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (XfListsPage, xf_lists_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
xf_lists_page_reload (XfListsPage *self)
{
  g_return_if_fail (XF_IS_LISTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
xf_lists_page_dispose (GObject *object)
{
  XfListsPage *self = (XfListsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_LISTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (xf_lists_page_parent_class)->dispose (object);
}

static void
xf_lists_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XfListsPage *self = XF_LISTS_PAGE (object);

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
xf_lists_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XfListsPage *self = XF_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_lists_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_lists_page_class_init (XfListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_lists_page_dispose;
  object_class->get_property = xf_lists_page_get_property;
  object_class->set_property = xf_lists_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfListsPage, stack);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_lists_page_init (XfListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xf_lists_page_get_database:
 *
 * Returns: (transfer none) (nullable): the profile's database
 */
XfDatabase *
xf_lists_page_get_database (XfListsPage *self)
{
  g_return_val_if_fail (XF_IS_LISTS_PAGE (self), NULL);
  return self->database;
}

void
xf_lists_page_set_database (XfListsPage *self,
                            XfDatabase  *database)
{
  g_return_if_fail (XF_IS_LISTS_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      xf_lists_page_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
}
