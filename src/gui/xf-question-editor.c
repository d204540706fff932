/* xf-question-editor.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "xf-article-picker.h"
#include "xf-gui-completion.h"
#include "xf-question-editor.h"
#include "xf-question-store.h"

/* Edits one question, or writes a new one. The fields follow the type:
 * options with the right ones ticked (one for 单选, several for 多选), 对 or
 * 错, accepted answers for 填空, a reference text for 简答. Whatever is
 * entered is checked with xf_question_validate() as it changes: Save stays
 * off, and the reason shows, until the question could be stored. Saving an
 * edit stores a new version; the one it replaces is kept. */

struct _XfQuestionEditor
{
  AdwWindow        parent_instance;

  XfDatabase      *database;
  XfQuestion      *original;   /* NULL for a new question */
  gint64           bank_id;
  XfQuestion      *links;      /* holds the links being edited */
  char            *problem;
  gboolean         filling;    /* fields are being set from a question */

  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkRevealer     *problem_revealer;
  GtkLabel        *problem_label;
  AdwComboRow     *type_row;
  GtkTextView     *stem_view;
  GtkWidget       *options_group;
  GtkListBox      *options_list;
  GtkWidget       *add_option_button;
  GtkWidget       *truefalse_group;
  GtkCheckButton  *true_check;
  GtkCheckButton  *false_check;
  GtkWidget       *accepted_group;
  GtkListBox      *accepted_list;
  GtkWidget       *essay_group;
  GtkTextView     *reference_view;
  GtkTextView     *explanation_view;
  GtkMenuButton   *add_link_button;
  GtkListBox      *links_list;
  AdwComboRow     *difficulty_row;
  GtkEntry        *category_entry;
  GtkEntry        *tags_entry;
  GtkSpinButton   *score_spin;
  GtkEntry        *source_entry;
};

G_DEFINE_FINAL_TYPE (XfQuestionEditor, xf_question_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_validity (XfQuestionEditor *self);

static XfQuestionType
current_type (XfQuestionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected < XF_QUESTION_N_TYPES ? (XfQuestionType)selected : XF_QUESTION_SINGLE;
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_field_changed_cb (XfQuestionEditor *self)
{
  update_validity (self);
}

/* Option rows: the tick, the letter, the text, and a button to remove. */

static GtkCheckButton *
option_check (GtkWidget *row)
{
  return GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (row), "check"));
}

static GtkEditable *
row_entry (GtkWidget *row)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (row), "entry"));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Letters follow the rows' order; 单选 ticks are a radio group. */
static void
update_option_rows (XfQuestionEditor *self)
{
  gboolean single = current_type (self) == XF_QUESTION_SINGLE;
  GtkCheckButton *first = NULL;
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkCheckButton *check = option_check (row);
      GtkLabel *letter = GTK_LABEL (g_object_get_data (G_OBJECT (row), "letter"));
      char text[3] = { (char)('A' + i), '.', '\0' };
      g_autofree char *name = g_strdup_printf (_("Option %c is right"), 'A' + i);
      gboolean active = gtk_check_button_get_active (check);

      gtk_label_set_text (letter, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_check_button_set_group (check, NULL);
      if (single)
        {
          if (first == NULL)
            first = check;
          else
            gtk_check_button_set_group (check, first);
        }
      /* Joining a group may untick: a 单选 keeps its first right option. */
      if (single && active && first != check)
        {
          gboolean other = FALSE;

          for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->options_list)); r != row;
               r = gtk_widget_get_next_sibling (r))
            other |= gtk_check_button_get_active (option_check (r));
          gtk_check_button_set_active (check, !other);
        }
      else
        gtk_check_button_set_active (check, active);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-option",
                                 count_rows (self->options_list) < XF_QUESTION_MAX_OPTIONS);
}

static void
on_remove_row_clicked_cb (GtkWidget *button,
                          GtkWidget *row)
{
  XfQuestionEditor *self = XF_QUESTION_EDITOR (gtk_widget_get_root (row));
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_remove (list, row);
  update_option_rows (self);
  update_validity (self);
}

static GtkWidget *
remove_button (GtkWidget  *row,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_row_clicked_cb), row, 0);
  return button;
}

static GtkWidget *
entry_row (XfQuestionEditor *self,
           const char       *text,
           GtkWidget        *prefix,
           const char       *remove_tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *entry = gtk_entry_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (prefix != NULL)
    gtk_box_append (GTK_BOX (box), prefix);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remove_button (row, remove_tooltip));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "entry", entry);
  return row;
}

static GtkWidget *
append_option (XfQuestionEditor *self,
               const char       *text,
               gboolean          right)
{
  GtkWidget *prefix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *letter = gtk_label_new (NULL);
  GtkWidget *row;

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), right);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_label_set_width_chars (GTK_LABEL (letter), 2);
  gtk_widget_add_css_class (letter, "heading");
  gtk_box_append (GTK_BOX (prefix), check);
  gtk_box_append (GTK_BOX (prefix), letter);

  row = entry_row (self, text, prefix, _("Remove the option"));
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "letter", letter);
  gtk_list_box_append (self->options_list, row);
  update_option_rows (self);
  return row;
}

static GtkWidget *
append_accepted (XfQuestionEditor *self,
                 const char       *text)
{
  GtkWidget *row = entry_row (self, text, NULL, _("Remove the answer"));

  gtk_list_box_append (self->accepted_list, row);
  return row;
}

static void
add_option_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XfQuestionEditor *self = XF_QUESTION_EDITOR (widget);
  GtkWidget *row;

  if (count_rows (self->options_list) >= XF_QUESTION_MAX_OPTIONS)
    return;
  row = append_option (self, "", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (row_entry (row)));
  update_validity (self);
}

static void
add_accepted_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XfQuestionEditor *self = XF_QUESTION_EDITOR (widget);
  GtkWidget *row = append_accepted (self, "");

  gtk_widget_grab_focus (GTK_WIDGET (row_entry (row)));
  update_validity (self);
}

/* Links: each as a citation with a button to remove it. */

static void
on_remove_link_clicked_cb (XfQuestionEditor *self,
                           GtkWidget        *button)
{
  guint removed = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(XfQuestion) kept = xf_question_new (XF_QUESTION_SINGLE);

  for (guint i = 0; i < xf_question_get_n_links (self->links); i++)
    {
      guint number, sub;
      const char *law = xf_question_get_link (self->links, i, &number, &sub);

      if (i != removed)
        xf_question_add_link (kept, law, number, sub);
    }
  g_set_object (&self->links, kept);
  xf_question_editor_add_link (self, NULL, 0, 0);
}

static void
show_links (XfQuestionEditor *self)
{
  GtkWidget *child;
  guint n = xf_question_get_n_links (self->links);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = xf_question_dup_link_label (self->links, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove the article"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the article"), -1);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_link_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->links_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->links_list), n > 0);
}

/**
 * xf_question_editor_add_link:
 * @law_title: (nullable): the statute's full title; %NULL only shows the
 *   links again
 *
 * Links the question to an article, once.
 */
void
xf_question_editor_add_link (XfQuestionEditor *self,
                             const char       *law_title,
                             guint             number,
                             guint             sub)
{
  g_return_if_fail (XF_IS_QUESTION_EDITOR (self));

  if (law_title != NULL)
    {
      for (guint i = 0; i < xf_question_get_n_links (self->links); i++)
        {
          guint n, s;

          if (g_str_equal (xf_question_get_link (self->links, i, &n, &s), law_title) && n == number && s == sub)
            return;
        }
      xf_question_add_link (self->links, law_title, number, sub);
    }
  show_links (self);
  update_validity (self);
}

static void
on_article_chosen_cb (XfQuestionEditor *self,
                      const char       *law_title,
                      guint             number,
                      guint             sub)
{
  xf_question_editor_add_link (self, law_title, number, sub);
}

/* Which groups show for the type. */
static void
on_type_row_selected_cb (XfQuestionEditor *self)
{
  XfQuestionType type = current_type (self);
  gboolean choice = type == XF_QUESTION_SINGLE || type == XF_QUESTION_MULTIPLE;

  gtk_widget_set_visible (self->options_group, choice);
  gtk_widget_set_visible (self->truefalse_group, type == XF_QUESTION_TRUE_FALSE);
  gtk_widget_set_visible (self->accepted_group, type == XF_QUESTION_FILL);
  gtk_widget_set_visible (self->essay_group, type == XF_QUESTION_ESSAY);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->options_group),
                                         type == XF_QUESTION_MULTIPLE
                                         ? _("Tick every right answer")
                                         : _("Tick the right answer"));

  /* A choice question starts with four empty options, a 填空 with a blank. */
  if (!self->filling && choice && count_rows (self->options_list) == 0)
    for (guint i = 0; i < 4; i++)
      append_option (self, "", FALSE);
  if (!self->filling && type == XF_QUESTION_FILL && count_rows (self->accepted_list) == 0)
    append_accepted (self, "");

  update_option_rows (self);
  update_validity (self);
}

/**
 * xf_question_editor_dup_question:
 *
 * Returns: (transfer full): the question as the fields describe it
 */
XfQuestion *
xf_question_editor_dup_question (XfQuestionEditor *self)
{
  XfQuestionType type;
  g_autoptr(XfQuestion) question = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *explanation = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *category = NULL;
  g_autofree char *source = NULL;
  GPtrArray *options, *accepted;
  GString *answer;
  guint i;

  g_return_val_if_fail (XF_IS_QUESTION_EDITOR (self), NULL);

  type = current_type (self);
  question = self->original ? xf_question_copy (self->original) : xf_question_new (type);
  xf_question_set_question_type (question, type);

  stem = dup_text_view (self->stem_view);
  xf_question_set_stem (question, stem);
  explanation = dup_text_view (self->explanation_view);
  xf_question_set_explanation (question, explanation);

  options = g_ptr_array_new_with_free_func (g_free);
  accepted = g_ptr_array_new_with_free_func (g_free);
  answer = g_string_new (NULL);
  switch (type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      i = 0;
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list)); row != NULL;
           row = gtk_widget_get_next_sibling (row), i++)
        {
          g_ptr_array_add (options, g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row)))));
          if (gtk_check_button_get_active (option_check (row)))
            g_string_append_c (answer, (char)('A' + i));
        }
      break;
    case XF_QUESTION_TRUE_FALSE:
      if (gtk_check_button_get_active (self->true_check))
        g_string_append (answer, "T");
      else if (gtk_check_button_get_active (self->false_check))
        g_string_append (answer, "F");
      break;
    case XF_QUESTION_FILL:
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->accepted_list)); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        g_ptr_array_add (accepted, g_strstrip (g_strdup (gtk_editable_get_text (row_entry (row)))));
      break;
    case XF_QUESTION_ESSAY:
    default:
      {
        g_autofree char *reference = dup_text_view (self->reference_view);
        g_string_append (answer, reference);
      }
      break;
    }
  g_ptr_array_add (options, NULL);
  g_ptr_array_add (accepted, NULL);
  xf_question_set_options (question, (const char * const *)options->pdata);
  xf_question_set_accepted (question, (const char * const *)accepted->pdata);
  xf_question_set_answer (question, answer->str);
  g_ptr_array_unref (options);
  g_ptr_array_unref (accepted);
  g_string_free (answer, TRUE);

  xf_question_set_difficulty (question, adw_combo_row_get_selected (self->difficulty_row) + 1);
  category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_entry))));
  xf_question_set_category (question, category);
  tags = xf_gui_split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  xf_question_set_tags (question, (const char * const *)tags);
  xf_question_set_score (question, gtk_spin_button_get_value (self->score_spin));
  source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_entry))));
  xf_question_set_source (question, source);

  xf_question_clear_links (question);
  for (i = 0; i < xf_question_get_n_links (self->links); i++)
    {
      guint number, sub;
      const char *law = xf_question_get_link (self->links, i, &number, &sub);

      xf_question_add_link (question, law, number, sub);
    }

  return g_steal_pointer (&question);
}

static void
update_validity (XfQuestionEditor *self)
{
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;

  question = xf_question_editor_dup_question (self);
  g_clear_pointer (&self->problem, g_free);
  if (!xf_question_validate (question, &error))
    self->problem = g_strdup (error->message);

  gtk_label_set_text (self->problem_label, self->problem ? self->problem : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, self->problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->problem == NULL);
}

/**
 * xf_question_editor_get_problem:
 *
 * Returns: (nullable): why the question cannot be saved as it stands, or
 *   %NULL when it can
 */
const char *
xf_question_editor_get_problem (XfQuestionEditor *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_EDITOR (self), NULL);
  return self->problem;
}

/**
 * xf_question_editor_save:
 *
 * Stores the question: an edit as a new version, a new question in the
 * bank. Emits ::saved with the question as stored.
 *
 * Returns: whether it was stored
 */
gboolean
xf_question_editor_save (XfQuestionEditor  *self,
                         GError           **error)
{
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(XfQuestion) stored = NULL;
  gboolean saved;

  g_return_val_if_fail (XF_IS_QUESTION_EDITOR (self), FALSE);

  question = xf_question_editor_dup_question (self);
  if (!xf_question_validate (question, error))
    return FALSE;

  if (self->original != NULL)
    saved = xf_question_store_update (self->database, question, error);
  else
    saved = xf_question_store_add (self->database, self->bank_id, question, error);
  if (!saved)
    return FALSE;

  stored = xf_question_store_get_by_uuid (self->database, xf_question_get_uuid (question), error);
  if (stored == NULL)
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, stored);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfQuestionEditor *self = XF_QUESTION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!xf_question_editor_save (self, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static void
fill_fields (XfQuestionEditor *self,
             XfQuestion       *question)
{
  XfQuestionType type = xf_question_get_question_type (question);
  const char * const *accepted = xf_question_get_accepted (question);
  g_autofree char *tags = NULL;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->type_row, type);
  set_text_view (self->stem_view, xf_question_get_stem (question));
  set_text_view (self->explanation_view, xf_question_get_explanation (question));
  for (guint i = 0; i < xf_question_get_n_options (question); i++)
    append_option (self, xf_question_get_option (question, i), xf_question_option_is_correct (question, i));
  for (guint i = 0; accepted != NULL && accepted[i] != NULL; i++)
    append_accepted (self, accepted[i]);
  if (type == XF_QUESTION_TRUE_FALSE)
    {
      gtk_check_button_set_active (self->true_check, g_strcmp0 (xf_question_get_answer (question), "T") == 0);
      gtk_check_button_set_active (self->false_check, g_strcmp0 (xf_question_get_answer (question), "F") == 0);
    }
  if (type == XF_QUESTION_ESSAY)
    set_text_view (self->reference_view, xf_question_get_answer (question));
  adw_combo_row_set_selected (self->difficulty_row, CLAMP (xf_question_get_difficulty (question), 1, 5) - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->category_entry), xf_question_get_category (question));
  tags = g_strjoinv ("，", (char **)xf_question_get_tags (question));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags);
  gtk_spin_button_set_value (self->score_spin, xf_question_get_score (question));
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), xf_question_get_source (question));
  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      guint number, sub;
      const char *law = xf_question_get_link (question, i, &number, &sub);

      xf_question_add_link (self->links, law, number, sub);
    }
  self->filling = FALSE;

  on_type_row_selected_cb (self);
  show_links (self);
}

static void
on_text_buffer_changed_cb (XfQuestionEditor *self)
{
  update_validity (self);
}

static void
xf_question_editor_dispose (GObject *object)
{
  XfQuestionEditor *self = (XfQuestionEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_QUESTION_EDITOR);
  g_clear_object (&self->database);
  g_clear_object (&self->original);
  g_clear_object (&self->links);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (xf_question_editor_parent_class)->dispose (object);
}

static void
xf_question_editor_class_init (XfQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_question_editor_dispose;

  /**
   * XfQuestionEditor::saved:
   * @question: the question as stored, with its id and version
   *
   * The question was stored.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XF_TYPE_QUESTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-question-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, stem_view);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, options_group);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, options_list);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, add_option_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, truefalse_group);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, true_check);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, false_check);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, accepted_group);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, accepted_list);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, essay_group);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, reference_view);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, difficulty_row);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, category_entry);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, score_spin);
  gtk_widget_class_bind_template_child (widget_class, XfQuestionEditor, source_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-option", NULL, add_option_action);
  gtk_widget_class_install_action (widget_class, "editor.add-accepted", NULL, add_accepted_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xf_question_editor_init (XfQuestionEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) difficulties = gtk_string_list_new (NULL);
  static const char * const difficulty_labels[] = {
    N_("1 · Very easy"), N_("2 · Easy"), N_("3 · Medium"), N_("4 · Hard"), N_("5 · Very hard"),
  };

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->links = xf_question_new (XF_QUESTION_SINGLE);
  for (guint i = 0; i < XF_QUESTION_N_TYPES; i++)
    gtk_string_list_append (types, xf_question_type_to_label (i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  for (guint i = 0; i < G_N_ELEMENTS (difficulty_labels); i++)
    gtk_string_list_append (difficulties, _(difficulty_labels[i]));
  adw_combo_row_set_model (self->difficulty_row, G_LIST_MODEL (difficulties));
  adw_combo_row_set_selected (self->difficulty_row, 2);

  g_signal_connect_object (gtk_text_view_get_buffer (self->stem_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->explanation_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->reference_view), "changed",
                           G_CALLBACK (on_text_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  self->filling = FALSE;
}

/**
 * xf_question_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @question: (nullable): the question to edit, or %NULL to write a new one
 * @bank_id: the bank a new question goes in
 *
 * Returns: (transfer none): a new editor, shown with gtk_window_present()
 */
XfQuestionEditor *
xf_question_editor_new (GtkWindow  *parent,
                        XfDatabase *database,
                        XfQuestion *question,
                        gint64      bank_id)
{
  XfQuestionEditor *self;
  XfArticlePicker *picker;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XF_IS_DATABASE (database), NULL);
  g_return_val_if_fail (question == NULL || XF_IS_QUESTION (question), NULL);

  self = g_object_new (XF_TYPE_QUESTION_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->bank_id = question != NULL ? xf_question_get_bank_id (question) : bank_id;

  picker = xf_article_picker_new (database);
  g_signal_connect_object (picker, "article-chosen", G_CALLBACK (on_article_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->add_link_button, GTK_WIDGET (picker));

  if (question != NULL)
    {
      g_autofree char *version = g_strdup_printf (_("Version %u"), xf_question_get_version (question));

      self->original = xf_question_copy (question);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit the question"));
      adw_window_title_set_title (self->window_title, _("Edit the question"));
      adw_window_title_set_subtitle (self->window_title, version);
      fill_fields (self, question);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New question"));
      adw_window_title_set_title (self->window_title, _("New question"));
      on_type_row_selected_cb (self);
      show_links (self);
    }

  return self;
}

/**
 * xf_question_editor_set_completions:
 *
 * Offers the categories and tags the bank uses as the person types.
 */
void
xf_question_editor_set_completions (XfQuestionEditor   *self,
                                    const char * const *categories,
                                    const char * const *tags)
{
  g_return_if_fail (XF_IS_QUESTION_EDITOR (self));

  xf_gui_complete_entry (self->category_entry, categories, FALSE);
  xf_gui_complete_entry (self->tags_entry, tags, TRUE);
}
