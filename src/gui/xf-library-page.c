/* xf-library-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-article-view.h"
#include "xf-law-row.h"
#include "xf-law-store.h"
#include "xf-library-page.h"

/* The reader: the statutes in a sidebar, then a statute's parts, chapters
 * and sections as a tree, and the articles beside them. On a narrow window
 * the leaflet folds and the sidebar and the articles take turns. */
struct _XfLibraryPage
{
  GtkWidget           parent_instance;

  XfDatabase         *database;
  GListModel         *laws;
  XfLaw              *law;
  gboolean            loading;
  gboolean            selecting;

  AdwLeaflet         *leaflet;
  GtkStack           *sidebar_stack;
  GtkWidget          *loading_row;
  GtkSpinner         *loading_spinner;
  GtkStack           *law_stack;
  GtkListView        *law_list;
  GtkNoSelection     *law_selection;
  GtkLabel           *law_title_label;
  GtkListView        *heading_list;
  GtkSingleSelection *heading_selection;
  GtkLabel           *content_title_label;
  XfArticleView      *article_view;
};

G_DEFINE_FINAL_TYPE (XfLibraryPage, xf_library_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The statute list's rows are built in C rather than from a template: with
 * GTK 4.8 building 200 of them at once, a builder per row was a good part
 * of the time the first window took. */
static void
on_law_factory_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         XfLibraryPage            *self)
{
  gtk_list_item_set_child (item, xf_law_row_new ());
}

static void
on_law_factory_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        XfLibraryPage            *self)
{
  xf_law_row_set_law (XF_LAW_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
show_error (XfLibraryPage *self,
            const GError  *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

/* While statutes are being loaded the list is empty, but not for long:
 * the loading row says so instead of the empty state. */
static void
update_law_stack (XfLibraryPage *self)
{
  gboolean any = self->laws != NULL && g_list_model_get_n_items (self->laws) > 0;

  gtk_stack_set_visible_child_name (self->law_stack, any || self->loading ? "list" : "empty");
}

static GListModel *
create_heading_children (gpointer item,
                         gpointer user_data)
{
  GListModel *children = xf_heading_get_children (XF_HEADING (item));

  if (g_list_model_get_n_items (children) == 0)
    return NULL;
  return g_object_ref (children);
}

static XfHeading *
dup_selected_heading (XfLibraryPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->heading_selection);

  if (row == NULL)
    return NULL;
  return gtk_tree_list_row_get_item (row);
}

/* Shows @law's headings with "all articles" on top, and the whole statute
 * beside them. */
static gboolean
show_law (XfLibraryPage  *self,
          XfLaw          *law,
          GError        **error)
{
  g_autoptr(GListModel) headings = NULL;
  g_autoptr(GListStore) roots = NULL;
  g_autoptr(XfHeading) all = NULL;
  GtkTreeListModel *tree;

  headings = xf_law_store_list_headings (self->database, xf_law_get_id (law), error);
  if (headings == NULL)
    return FALSE;

  roots = g_list_store_new (XF_TYPE_HEADING);
  all = xf_heading_new (0, xf_law_get_id (law), "all", "", _("All articles"));
  g_list_store_append (roots, all);
  for (guint i = 0; i < g_list_model_get_n_items (headings); i++)
    {
      g_autoptr(XfHeading) heading = g_list_model_get_item (headings, i);
      g_list_store_append (roots, heading);
    }

  g_set_object (&self->law, law);
  gtk_label_set_text (self->law_title_label, xf_law_get_short_title (law));
  gtk_label_set_text (self->content_title_label, xf_law_get_short_title (law));

  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                  create_heading_children, NULL, NULL);
  self->selecting = TRUE;
  gtk_single_selection_set_model (self->heading_selection, G_LIST_MODEL (tree));
  gtk_single_selection_set_selected (self->heading_selection, 0);
  self->selecting = FALSE;
  g_object_unref (tree);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "headings");

  return xf_article_view_show_law (self->article_view, law, 0, error);
}

static void
on_law_list_activate_cb (XfLibraryPage *self,
                         guint          position)
{
  g_autoptr(XfLaw) law = NULL;
  g_autoptr(GError) error = NULL;

  if (self->laws == NULL)
    return;
  law = g_list_model_get_item (self->laws, position);
  if (law != NULL && !show_law (self, law, &error))
    show_error (self, error);
}

static void
on_heading_selection_selection_changed_cb (XfLibraryPage *self,
                                           guint          position,
                                           guint          n_items)
{
  g_autoptr(XfHeading) heading = dup_selected_heading (self);
  g_autoptr(GError) error = NULL;

  if (self->selecting || heading == NULL || self->law == NULL)
    return;

  if (!xf_article_view_show_law (self->article_view, self->law, xf_heading_get_id (heading), &error))
    {
      show_error (self, error);
      return;
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_heading_list_activate_cb (XfLibraryPage *self,
                             guint          position)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
library_show_laws_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  XfLibraryPage *self = XF_LIBRARY_PAGE (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "laws");
  gtk_widget_grab_focus (GTK_WIDGET (self->law_list));
}

static void
library_go_back_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XfLibraryPage *self = XF_LIBRARY_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * xf_library_page_reload:
 *
 * Reads the statutes again, after an import or when the database changes,
 * and keeps the statute that was open if it is still there.
 */
void
xf_library_page_reload (XfLibraryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) laws = NULL;
  gint64 open_id = self->law ? xf_law_get_id (self->law) : 0;

  g_return_if_fail (XF_IS_LIBRARY_PAGE (self));

  if (self->database != NULL)
    {
      laws = xf_law_store_list_laws (self->database, &error);
      if (laws == NULL)
        show_error (self, error);
    }

  g_set_object (&self->laws, laws);
  gtk_no_selection_set_model (self->law_selection, laws);
  update_law_stack (self);

  g_clear_object (&self->law);
  if (open_id == 0 || !xf_library_page_open_law (self, open_id))
    {
      gtk_single_selection_set_model (self->heading_selection, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "laws");
      xf_article_view_clear (self->article_view);
    }
}

/**
 * xf_library_page_open_law:
 *
 * Opens the statute with its contents in the sidebar.
 *
 * Returns: whether the statute is in the library
 */
gboolean
xf_library_page_open_law (XfLibraryPage *self,
                          gint64         law_id)
{
  guint n;

  g_return_val_if_fail (XF_IS_LIBRARY_PAGE (self), FALSE);

  n = self->laws ? g_list_model_get_n_items (self->laws) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XfLaw) law = g_list_model_get_item (self->laws, i);
      g_autoptr(GError) error = NULL;

      if (xf_law_get_id (law) != law_id)
        continue;
      if (self->law != NULL && xf_law_get_id (self->law) == law_id &&
          xf_article_view_get_law (self->article_view) == self->law)
        return TRUE;
      if (show_law (self, law, &error))
        return TRUE;
      show_error (self, error);
      return FALSE;
    }

  return FALSE;
}

/**
 * xf_library_page_open_article:
 *
 * Opens the article's statute, scrolls to the article and marks it.
 *
 * Returns: whether the article could be shown
 */
gboolean
xf_library_page_open_article (XfLibraryPage  *self,
                              gint64          article_id,
                              GError        **error)
{
  g_autoptr(XfArticle) article = NULL;

  g_return_val_if_fail (XF_IS_LIBRARY_PAGE (self), FALSE);

  if (self->database == NULL)
    return FALSE;

  article = xf_law_store_get_article (self->database, article_id, error);
  if (article == NULL)
    return FALSE;

  if (!xf_library_page_open_law (self, xf_article_get_law_id (article)))
    {
      g_set_error (error, XF_STORE_ERROR, XF_STORE_ERROR_NOT_FOUND,
                   _("The statute is no longer in the library"));
      return FALSE;
    }

  /* The heading open in the sidebar may not hold the article: fall back to
   * the whole statute, which does. */
  if (!xf_article_view_reveal_article (self->article_view, article_id))
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->heading_selection, 0);
      self->selecting = FALSE;
      if (!xf_article_view_show_law (self->article_view, self->law, 0, error))
        return FALSE;
      xf_article_view_reveal_article (self->article_view, article_id);
    }

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return TRUE;
}

static void
xf_library_page_dispose (GObject *object)
{
  XfLibraryPage *self = (XfLibraryPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_LIBRARY_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_object (&self->laws);
  g_clear_object (&self->law);

  G_OBJECT_CLASS (xf_library_page_parent_class)->dispose (object);
}

static void
xf_library_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XfLibraryPage *self = XF_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_library_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XfLibraryPage *self = XF_LIBRARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      xf_library_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_LOADING:
      xf_library_page_set_loading (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_library_page_class_init (XfLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_library_page_dispose;
  object_class->get_property = xf_library_page_get_property;
  object_class->set_property = xf_library_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, XF_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XfLibraryPage:loading:
   *
   * Whether statutes are being loaded into the library, as the shipped
   * texts are into a new profile.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XF_TYPE_ARTICLE_VIEW);
  g_type_ensure (XF_TYPE_LAW);
  g_type_ensure (XF_TYPE_HEADING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, loading_row);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, law_stack);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, law_list);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, law_selection);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, law_title_label);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, heading_list);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, heading_selection);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, content_title_label);
  gtk_widget_class_bind_template_child (widget_class, XfLibraryPage, article_view);
  gtk_widget_class_bind_template_callback (widget_class, on_law_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_law_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_law_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_heading_selection_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_heading_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "library.show-laws", NULL, library_show_laws_action);
  gtk_widget_class_install_action (widget_class, "library.go-back", NULL, library_go_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "library.go-back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_library_page_init (XfLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->law_stack, "empty");
}

/**
 * xf_library_page_get_database:
 *
 * Returns: (transfer none) (nullable): the profile's database
 */
XfDatabase *
xf_library_page_get_database (XfLibraryPage *self)
{
  g_return_val_if_fail (XF_IS_LIBRARY_PAGE (self), NULL);
  return self->database;
}

void
xf_library_page_set_database (XfLibraryPage *self,
                              XfDatabase    *database)
{
  g_return_if_fail (XF_IS_LIBRARY_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  /* Another profile: nothing of the previous one stays open. */
  g_clear_object (&self->law);
  xf_article_view_set_database (self->article_view, database);
  xf_library_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
xf_library_page_get_loading (XfLibraryPage *self)
{
  g_return_val_if_fail (XF_IS_LIBRARY_PAGE (self), FALSE);
  return self->loading;
}

void
xf_library_page_set_loading (XfLibraryPage *self,
                             gboolean       loading)
{
  g_return_if_fail (XF_IS_LIBRARY_PAGE (self));

  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_widget_set_visible (self->loading_row, loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  update_law_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}
