/* xf-exam-paper-question.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-paper-question.h"

/* A question of the whole paper, shown under the others: its number and
 * points, stem, options or answer field, flag and saved state. It holds
 * no answer of its own: what the person chooses or types is told with
 * ::answer, and the view, which writes it, shows it back with
 * xf_exam_paper_question_show_answer(). */

#define TEXT_SAVE_DELAY_MS 2000

struct _XfExamPaperQuestion
{
  GtkWidget        parent_instance;

  guint            index;
  XfExamItem      *item;      /* the view's: lives as long as the paper */
  char            *answer;    /* as last shown */
  GPtrArray       *option_buttons;
  gboolean         updating;
  gboolean         typed;     /* text typed since it was last given */
  guint            save_id;

  GtkLabel        *number_label;
  GtkLabel        *meta_label;
  GtkToggleButton *flag_button;
  GtkLabel        *stem_label;
  GtkBox          *options_box;
  GtkEntry        *fill_entry;
  GtkTextView     *essay_view;
  GtkImage        *save_icon;
  GtkLabel        *save_label;
};

G_DEFINE_FINAL_TYPE (XfExamPaperQuestion, xf_exam_paper_question, GTK_TYPE_WIDGET)

enum {
  ANSWER,
  FLAG,
  ENTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * xf_exam_option_button_new:
 *
 * Returns: (transfer floating): a large toggle button holding an option's
 *   letter and text
 */
GtkWidget *
xf_exam_option_button_new (const char *letter,
                           const char *text)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *badge = gtk_label_new (letter);
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", letter, text);

  gtk_widget_add_css_class (button, "xf-exam-option");
  gtk_widget_add_css_class (badge, "xf-exam-letter");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "xf-reader-text");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

/**
 * xf_exam_option_buttons_fill:
 * @buttons: (element-type GtkToggleButton): where the new buttons go
 *
 * Makes a button an option of @item, in the order shown; 判断 has two.
 */
void
xf_exam_option_buttons_fill (GPtrArray  *buttons,
                             XfExamItem *item,
                             XfQuestion *question)
{
  if (item->type == XF_QUESTION_TRUE_FALSE)
    {
      g_ptr_array_add (buttons, xf_exam_option_button_new ("T", xf_format_true_false (TRUE)));
      g_ptr_array_add (buttons, xf_exam_option_button_new ("F", xf_format_true_false (FALSE)));
    }
  else if (item->type == XF_QUESTION_SINGLE || item->type == XF_QUESTION_MULTIPLE)
    for (guint i = 0; i < item->n_options; i++)
      {
        char letter[2] = { (char)('A' + i), '\0' };
        const char *text = xf_question_get_option (question, item->order[i]);

        g_ptr_array_add (buttons, xf_exam_option_button_new (letter, text != NULL ? text : ""));
      }
}

/* The buttons show @answer; the caller keeps their toggled handlers quiet */
void
xf_exam_option_buttons_sync (GPtrArray  *buttons,
                             XfExamItem *item,
                             const char *answer)
{
  for (guint i = 0; i < buttons->len; i++)
    {
      gboolean active;

      if (item->type == XF_QUESTION_TRUE_FALSE)
        active = g_strcmp0 (answer, i == 0 ? "T" : "F") == 0;
      else
        active = xf_exam_answer_has_option (answer, i);
      gtk_toggle_button_set_active (g_ptr_array_index (buttons, i), active);
    }
}

/**
 * xf_exam_option_buttons_answer:
 *
 * Returns: (transfer full) (nullable): the answer once @button was
 *   clicked on a question answered @answer
 */
char *
xf_exam_option_buttons_answer (GPtrArray       *buttons,
                               GtkToggleButton *button,
                               XfExamItem      *item,
                               const char      *answer)
{
  guint option;

  if (!g_ptr_array_find (buttons, button, &option))
    return g_strdup (answer);
  if (item->type == XF_QUESTION_TRUE_FALSE)
    return g_strdup (option == 0 ? "T" : "F");
  return xf_exam_choose_option (item, answer, option);
}

static void
sync_options (XfExamPaperQuestion *self)
{
  self->updating = TRUE;
  xf_exam_option_buttons_sync (self->option_buttons, self->item, self->answer);
  self->updating = FALSE;
}

static void
on_option_toggled_cb (XfExamPaperQuestion *self,
                      GtkToggleButton     *button)
{
  g_autofree char *answer = NULL;

  if (self->updating)
    return;
  answer = xf_exam_option_buttons_answer (self->option_buttons, button, self->item, self->answer);
  /* The buttons follow the answer the view shows back, not the click */
  sync_options (self);
  g_signal_emit (self, signals[ANSWER], 0, answer);
}

static char *
dup_text (XfExamPaperQuestion *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->item->type == XF_QUESTION_FILL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->fill_entry)));
  buffer = gtk_text_view_get_buffer (self->essay_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * xf_exam_paper_question_commit_text:
 *
 * Gives the text typed since it was last given, if any.
 */
void
xf_exam_paper_question_commit_text (XfExamPaperQuestion *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (XF_IS_EXAM_PAPER_QUESTION (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->typed)
    return;
  self->typed = FALSE;
  text = g_strstrip (dup_text (self));
  g_signal_emit (self, signals[ANSWER], 0, text[0] != '\0' ? text : NULL);
}

static gboolean
save_cb (gpointer user_data)
{
  XfExamPaperQuestion *self = user_data;

  self->save_id = 0;
  xf_exam_paper_question_commit_text (self);
  return G_SOURCE_REMOVE;
}

/* A 填空 is given on Enter, an essay when typing pauses; both when the
 * focus leaves them. */
static void
on_text_changed_cb (XfExamPaperQuestion *self)
{
  if (self->updating)
    return;
  self->typed = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->item->type == XF_QUESTION_ESSAY)
    self->save_id = g_timeout_add (TEXT_SAVE_DELAY_MS, save_cb, self);
}

static void
on_fill_entry_activate_cb (XfExamPaperQuestion *self)
{
  self->typed = TRUE;
  xf_exam_paper_question_commit_text (self);
}

static void
on_focus_enter_cb (XfExamPaperQuestion *self)
{
  g_signal_emit (self, signals[ENTERED], 0);
}

static void
on_focus_leave_cb (XfExamPaperQuestion *self)
{
  xf_exam_paper_question_commit_text (self);
}

static void
on_flag_toggled_cb (XfExamPaperQuestion *self,
                    GtkToggleButton     *button)
{
  gboolean flagged = gtk_toggle_button_get_active (button);

  if (self->updating)
    return;
  /* The view shows the flag back once it takes it */
  self->updating = TRUE;
  gtk_toggle_button_set_active (button, !flagged);
  self->updating = FALSE;
  g_signal_emit (self, signals[FLAG], 0, flagged);
}

/**
 * xf_exam_paper_question_show_answer:
 * @answer: (nullable): the latest given
 * @with_text: whether a typed answer replaces what its field holds
 *
 * The options show @answer; a 填空 or essay shows it only when asked, as
 * the person may be typing more.
 */
void
xf_exam_paper_question_show_answer (XfExamPaperQuestion *self,
                                    const char          *answer,
                                    gboolean             with_text)
{
  g_return_if_fail (XF_IS_EXAM_PAPER_QUESTION (self));

  if (answer != self->answer)
    {
      g_free (self->answer);
      self->answer = g_strdup (answer);
    }
  sync_options (self);
  if (!with_text)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->typed = FALSE;
  self->updating = TRUE;
  if (self->item->type == XF_QUESTION_FILL)
    gtk_editable_set_text (GTK_EDITABLE (self->fill_entry), answer != NULL ? answer : "");
  else if (self->item->type == XF_QUESTION_ESSAY)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->essay_view), answer != NULL ? answer : "", -1);
  self->updating = FALSE;
}

void
xf_exam_paper_question_set_flagged (XfExamPaperQuestion *self,
                                    gboolean             flagged)
{
  g_return_if_fail (XF_IS_EXAM_PAPER_QUESTION (self));

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->flag_button, flagged);
  self->updating = FALSE;
}

/**
 * xf_exam_paper_question_set_status:
 * @icon_name: (nullable): beside the text
 * @failed: whether @text says why the answer was not saved
 *
 * The line under the answer.
 */
void
xf_exam_paper_question_set_status (XfExamPaperQuestion *self,
                                   const char          *icon_name,
                                   const char          *text,
                                   gboolean             failed)
{
  GtkWidget *label;

  g_return_if_fail (XF_IS_EXAM_PAPER_QUESTION (self));

  label = GTK_WIDGET (self->save_label);
  gtk_image_set_from_icon_name (self->save_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->save_icon), icon_name != NULL);
  gtk_label_set_text (self->save_label, text);
  if (failed)
    {
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

void
xf_exam_paper_question_set_current (XfExamPaperQuestion *self,
                                    gboolean             current)
{
  g_return_if_fail (XF_IS_EXAM_PAPER_QUESTION (self));

  if (current)
    gtk_widget_add_css_class (GTK_WIDGET (self), "current");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "current");
}

/**
 * xf_exam_paper_question_focus_answer:
 *
 * Puts the keyboard on the answer: the field, the option chosen or the
 * first.
 *
 * Returns: whether the focus moved
 */
gboolean
xf_exam_paper_question_focus_answer (XfExamPaperQuestion *self)
{
  GtkWidget *target = NULL;

  g_return_val_if_fail (XF_IS_EXAM_PAPER_QUESTION (self), FALSE);

  if (self->item->type == XF_QUESTION_FILL)
    target = GTK_WIDGET (self->fill_entry);
  else if (self->item->type == XF_QUESTION_ESSAY)
    target = GTK_WIDGET (self->essay_view);
  for (guint i = 0; i < self->option_buttons->len && target == NULL; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->option_buttons, i)))
      target = g_ptr_array_index (self->option_buttons, i);
  if (target == NULL && self->option_buttons->len > 0)
    target = g_ptr_array_index (self->option_buttons, 0);
  return target != NULL && gtk_widget_grab_focus (target);
}

guint
xf_exam_paper_question_get_index (XfExamPaperQuestion *self)
{
  g_return_val_if_fail (XF_IS_EXAM_PAPER_QUESTION (self), 0);
  return self->index;
}

static void
xf_exam_paper_question_dispose (GObject *object)
{
  XfExamPaperQuestion *self = (XfExamPaperQuestion *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAM_PAPER_QUESTION);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->option_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (xf_exam_paper_question_parent_class)->dispose (object);
}

static void
xf_exam_paper_question_finalize (GObject *object)
{
  XfExamPaperQuestion *self = (XfExamPaperQuestion *)object;

  g_free (self->answer);

  G_OBJECT_CLASS (xf_exam_paper_question_parent_class)->finalize (object);
}

static void
xf_exam_paper_question_class_init (XfExamPaperQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exam_paper_question_dispose;
  object_class->finalize = xf_exam_paper_question_finalize;

  /**
   * XfExamPaperQuestion::answer:
   * @answer: (nullable): in the letters shown; %NULL takes it back
   *
   * The person chose an option, or gave the text typed.
   */
  signals[ANSWER] = g_signal_new ("answer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * XfExamPaperQuestion::flag:
   * @flagged: what the person asked for
   *
   * The flag button was clicked.
   */
  signals[FLAG] = g_signal_new ("flag", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * XfExamPaperQuestion::entered:
   *
   * The keyboard came to the question.
   */
  signals[ENTERED] = g_signal_new ("entered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exam-paper-question.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, number_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, meta_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, flag_button);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, options_box);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, fill_entry);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, essay_view);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, save_icon);
  gtk_widget_class_bind_template_child (widget_class, XfExamPaperQuestion, save_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
xf_exam_paper_question_init (XfExamPaperQuestion *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->option_buttons = g_ptr_array_new ();

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->fill_entry), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->essay_view), focus);

  g_signal_connect_object (self->flag_button, "toggled", G_CALLBACK (on_flag_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fill_entry, "activate", G_CALLBACK (on_fill_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fill_entry, "changed", G_CALLBACK (on_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->essay_view), "changed", G_CALLBACK (on_text_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * xf_exam_paper_question_new:
 * @index: the question's place in the paper, from 0
 * @item: (transfer none): must outlive the widget
 *
 * Returns: (transfer floating): the question, with no answer shown yet
 */
GtkWidget *
xf_exam_paper_question_new (guint       index,
                            guint       n_questions,
                            XfExamItem *item,
                            XfQuestion *question)
{
  XfExamPaperQuestion *self;
  g_autofree char *number = NULL;
  g_autofree char *score = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (XF_IS_QUESTION (question), NULL);

  self = g_object_new (XF_TYPE_EXAM_PAPER_QUESTION, NULL);
  self->index = index;
  self->item = item;

  number = g_strdup_printf ("%u", index + 1);
  score = xf_format_score (item->score);
  hint = xf_format_exam_type_hint (item);
  /* TRANSLATORS: beside a question's number on the whole paper: "单选题 · 1.5 分 · 选一项：按 A–D 或 1–4" */
  meta = g_strdup_printf (_("%s · %s points · %s"), xf_question_type_to_label (item->type), score, hint);
  /* TRANSLATORS: a question of the whole paper, for screen readers: "第 3 / 70 题" */
  accessible = g_strdup_printf (_("Question %u of %u"), index + 1, n_questions);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->meta_label, meta);
  gtk_label_set_text (self->stem_label, xf_question_get_stem (question));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  xf_exam_option_buttons_fill (self->option_buttons, item, question);
  for (guint i = 0; i < self->option_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->option_buttons, i);

      g_signal_connect_object (button, "toggled", G_CALLBACK (on_option_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->options_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), self->option_buttons->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_entry), item->type == XF_QUESTION_FILL);
  gtk_widget_set_visible (GTK_WIDGET (self->essay_view), item->type == XF_QUESTION_ESSAY);
  return GTK_WIDGET (self);
}
