/* xf-exam-view-paper.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-exam-paper-question.h"
#include "xf-exam-view-private.h"

/* The whole paper in one scrolled column. A paper of 70 questions holds
 * some 800 widgets, all made when the paper opens: every question can be
 * scrolled to at once. (Measured under Xvfb with cairo: 70 made at once
 * kept the paper from showing for 110 ms more than 6 would; making the
 * rest in idle slices instead took seconds, a relayout of the growing
 * column each, with the last questions out of reach meanwhile.) The
 * current question is the one the keyboard came to, or, once it scrolled
 * out of sight, the one at the top of what is shown. */

#define SCROLL_MARGIN  12
#define SCROLL_LAYOUTS 10

static void stop_scrolling (XfExamView *self);

static XfExamPaperQuestion *
get_card (XfExamView *self,
          guint       index)
{
  if (self->cards == NULL || index >= self->cards->len)
    return NULL;
  return g_ptr_array_index (self->cards, index);
}

void
xf_exam_view_paper_update (XfExamView *self,
                           guint       index)
{
  XfExamPaperQuestion *card = get_card (self, index);
  g_autofree char *text = NULL;
  const char *icon;
  gboolean failed;

  if (card == NULL)
    return;
  text = xf_exam_view_describe_save (self, index, &icon, &failed);
  xf_exam_paper_question_show_answer (card, self->questions[index].answer, FALSE);
  xf_exam_paper_question_set_flagged (card, self->questions[index].flagged);
  xf_exam_paper_question_set_status (card, icon, text, failed);
  xf_exam_paper_question_set_current (card, index == self->current);
}

/**
 * xf_exam_view_set_current:
 *
 * Makes the question at @index the one the keys act on, without moving
 * to it.
 */
void
xf_exam_view_set_current (XfExamView *self,
                          guint       index)
{
  guint previous = self->current;

  if (index >= self->n_questions || index == previous)
    return;
  self->current = index;
  xf_exam_view_update_question (self, previous);
  xf_exam_view_update_question (self, index);
  xf_exam_view_actions_update (self);
}

static void
on_card_answer_cb (XfExamView          *self,
                   const char          *answer,
                   XfExamPaperQuestion *card)
{
  guint index = xf_exam_paper_question_get_index (card);

  xf_exam_view_set_current (self, index);
  xf_exam_view_set_answer (self, index, answer);
  /* An answer equal to the last is not written: the card shows it back */
  xf_exam_view_paper_update (self, index);
}

static void
on_card_flag_cb (XfExamView          *self,
                 gboolean             flagged,
                 XfExamPaperQuestion *card)
{
  guint index = xf_exam_paper_question_get_index (card);

  xf_exam_view_set_current (self, index);
  xf_exam_view_set_flag (self, index, flagged);
}

static void
on_card_entered_cb (XfExamView          *self,
                    XfExamPaperQuestion *card)
{
  if (self->paper)
    xf_exam_view_set_current (self, xf_exam_paper_question_get_index (card));
}

static gboolean
add_card (XfExamView *self)
{
  guint index = self->cards->len;
  XfExamItem *item = xf_exam_view_get_item (self, index);
  GPtrArray *questions = xf_exam_session_get_questions (self->session);
  GtkWidget *card;

  if (item == NULL || questions == NULL || index >= questions->len)
    return FALSE;
  card = xf_exam_paper_question_new (index, self->n_questions, item, g_ptr_array_index (questions, index));
  g_signal_connect_object (card, "answer", G_CALLBACK (on_card_answer_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "flag", G_CALLBACK (on_card_flag_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "entered", G_CALLBACK (on_card_entered_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->paper_box, card);
  g_ptr_array_add (self->cards, card);
  xf_exam_paper_question_show_answer (XF_EXAM_PAPER_QUESTION (card), self->questions[index].answer, TRUE);
  xf_exam_view_paper_update (self, index);
  return TRUE;
}

/* Makes the questions up to @index, at least */
static void
build_to (XfExamView *self,
          guint       index)
{
  while (self->cards->len <= index && self->cards->len < self->n_questions)
    if (!add_card (self))
      break;
}

/**
 * xf_exam_view_paper_build:
 *
 * Makes every question of the paper.
 */
void
xf_exam_view_paper_build (XfExamView *self)
{
  if (!self->running)
    return;
  if (self->n_questions > 0)
    build_to (self, self->n_questions - 1);
}

void
xf_exam_view_paper_clear (XfExamView *self)
{
  GtkWidget *child;

  stop_scrolling (self);
  if (self->cards != NULL)
    g_ptr_array_set_size (self->cards, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->paper_box))) != NULL)
    gtk_box_remove (self->paper_box, child);
}

/* Typed answers may have changed while the paper was not shown */
void
xf_exam_view_paper_show_text (XfExamView *self)
{
  for (guint i = 0; i < self->cards->len; i++)
    xf_exam_paper_question_show_answer (get_card (self, i), self->questions[i].answer, TRUE);
}

/* Gives the text typed on the paper and not given yet */
void
xf_exam_view_paper_commit (XfExamView *self)
{
  for (guint i = 0; self->cards != NULL && i < self->cards->len; i++)
    xf_exam_paper_question_commit_text (get_card (self, i));
}

static GtkWidget *
paper_content (XfExamView *self)
{
  /* The viewport's child: the adjustment counts from its top */
  return gtk_widget_get_parent (GTK_WIDGET (self->paper_box));
}

/* Where the question's top is, in the adjustment's terms */
static gboolean
card_top (XfExamView          *self,
          XfExamPaperQuestion *card,
          double              *top,
          double              *bottom)
{
  graphene_rect_t bounds;

  /* Its border, not its content, which starts inside the padding */
  if (gtk_widget_get_height (GTK_WIDGET (card)) <= 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (card), paper_content (self), &bounds))
    return FALSE;
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
  return TRUE;
}

/* Returns: whether the question has the place it had when last called */
static gboolean
scroll_now (XfExamView *self)
{
  XfExamPaperQuestion *card = get_card (self, self->scroll_to);
  double top, bottom;
  gboolean settled;

  if (card == NULL)
    return TRUE;
  if (!card_top (self, card, &top, &bottom))
    return FALSE;
  settled = top == self->scroll_top;
  self->scroll_top = top;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->paper_scroller),
                            MAX (0, top - SCROLL_MARGIN));
  return settled;
}

static void
stop_scrolling (XfExamView *self)
{
  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->paper_scroller), self->scroll_id);
  self->scroll_id = 0;
  if (self->layout_id != 0)
    g_signal_handler_disconnect (self->layout_clock, self->layout_id);
  self->layout_id = 0;
  g_clear_object (&self->layout_clock);
}

/* After the window's layout: the places are those of this frame. A paper
 * shown again may take a few layouts to find its heights (the labels wrap
 * to the width they get): the question follows until it stays. */
static void
after_layout_cb (XfExamView    *self,
                 GdkFrameClock *clock)
{
  if (scroll_now (self) || ++self->scroll_layouts >= SCROLL_LAYOUTS)
    stop_scrolling (self);
  else
    gtk_widget_queue_allocate (GTK_WIDGET (self->paper_scroller));
}

/* A question made just now has its place once it is laid out, and one
 * on a paper shown just now may have moved since it was last laid out:
 * it comes to the top (again) after the next layout. The window lays out
 * in a handler of the frame clock's "layout" connected when it was
 * realized; this one, connected later, runs after it. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  XfExamView *self = user_data;

  self->scroll_id = 0;
  if (self->layout_id == 0)
    {
      self->layout_clock = g_object_ref (clock);
      self->layout_id = g_signal_connect_object (clock, "layout", G_CALLBACK (after_layout_cb), self,
                                                 G_CONNECT_SWAPPED);
    }
  return G_SOURCE_REMOVE;
}

/**
 * xf_exam_view_paper_scroll_to:
 * @focus: whether the keyboard goes to the question's answer too
 *
 * Brings the question at @index to the top of the paper.
 */
void
xf_exam_view_paper_scroll_to (XfExamView *self,
                              guint       index,
                              gboolean    focus)
{
  XfExamPaperQuestion *card;

  build_to (self, index);
  card = get_card (self, index);
  if (card == NULL)
    return;
  self->scroll_to = index;
  self->scroll_top = -1;
  self->scroll_layouts = 0;
  /* Pending before the focus moves, so that showing the focus does not
   * scroll elsewhere */
  if (self->scroll_id == 0 && self->layout_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->paper_scroller), scroll_tick_cb, self, NULL);
  if (focus)
    xf_exam_paper_question_focus_answer (card);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->paper_scroller)))
    scroll_now (self);
  self->scroll_top = -1;
}

/**
 * xf_exam_view_paper_reveal:
 * @focus: the widget with the keyboard focus
 *
 * Scrolls the paper as little as shows @focus, when it is on the paper.
 */
void
xf_exam_view_paper_reveal (XfExamView *self,
                           GtkWidget  *focus)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->paper_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (!self->paper || self->scroll_id != 0 || self->layout_id != 0 || focus == NULL ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->paper_box)) ||
      !gtk_widget_compute_bounds (focus, paper_content (self), &bounds))
    return;
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - SCROLL_MARGIN));
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page + SCROLL_MARGIN);
}

/* The current question stays while any of it shows; scrolled out of
 * sight, the question at the top of what shows takes its place. */
static void
on_paper_scrolled_cb (XfExamView    *self,
                      GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double line = value + page / 4;
  XfExamPaperQuestion *card;
  double top, bottom;

  if (!self->paper || !self->running || self->scroll_id != 0 || self->layout_id != 0)
    return;
  card = get_card (self, self->current);
  if (card != NULL && card_top (self, card, &top, &bottom) && bottom > value && top < value + page)
    return;
  for (guint i = 0; i < self->cards->len; i++)
    if (card_top (self, get_card (self, i), &top, &bottom) && bottom > line)
      {
        xf_exam_view_set_current (self, i);
        return;
      }
}

void
xf_exam_view_paper_setup (XfExamView *self)
{
  self->cards = g_ptr_array_new ();
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->paper_scroller), "value-changed",
                           G_CALLBACK (on_paper_scrolled_cb), self, G_CONNECT_SWAPPED);
}

static void
on_focus_widget_cb (XfExamView *self,
                    GParamSpec *pspec,
                    GtkRoot    *root)
{
  xf_exam_view_paper_reveal (self, gtk_root_get_focus (root));
}

void
xf_exam_view_paper_root (GtkWidget *widget)
{
    g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget", G_CALLBACK (on_focus_widget_cb),
                           widget, G_CONNECT_SWAPPED);
}

void
xf_exam_view_paper_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_focus_widget_cb, widget);
}

/**
 * xf_exam_view_get_scrolling:
 *
 * Returns: whether the whole paper is still bringing a question to the
 *   top (for a few frames after it was chosen, while the heights settle);
 *   scrolling by hand is not followed meanwhile
 */
gboolean
xf_exam_view_get_scrolling (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), FALSE);
  return self->scroll_id != 0 || self->layout_id != 0;
}

/**
 * xf_exam_view_get_layout:
 *
 * Returns: "question" for one question at a time, "paper" for the whole
 *   paper
 */
const char *
xf_exam_view_get_layout (XfExamView *self)
{
  g_return_val_if_fail (XF_IS_EXAM_VIEW (self), NULL);
  return self->paper ? "paper" : "question";
}

/**
 * xf_exam_view_set_layout:
 * @layout: "question" or "paper"
 *
 * Shows one question at a time or the whole paper. The answers, flags,
 * their saved state and the current question stay as they are.
 */
void
xf_exam_view_set_layout (XfExamView *self,
                         const char *layout)
{
  gboolean paper;
  guint current;

  g_return_if_fail (XF_IS_EXAM_VIEW (self));

  paper = g_strcmp0 (layout, "paper") == 0;
  if (paper == self->paper)
    return;
  /* The text typed goes with the layout it was typed in */
  if (self->running && !self->submitting)
    xf_exam_view_commit_text (self);
  /* Taken before the focus, leaving the layout hidden, lands on another
   * question of the one shown */
  current = self->n_questions > 0 ? MIN (self->current, self->n_questions - 1) : 0;
  self->paper = paper;
  gtk_stack_set_visible_child_name (self->layout_stack, paper ? "paper" : "single");
  gtk_widget_set_visible (self->bar, !paper);
  if (self->running && self->n_questions > 0)
    {
      if (paper)
        {
          self->shown = G_MAXUINT;
          xf_exam_view_paper_build (self);
          xf_exam_view_paper_show_text (self);
          xf_exam_view_paper_scroll_to (self, current, TRUE);
        }
      else
        xf_exam_view_show_question (self, current);
      xf_exam_view_actions_update (self);
    }
  g_object_notify (G_OBJECT (self), "layout");
}

void
xf_exam_view_switch_layout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XfExamView *self = XF_EXAM_VIEW (widget);

  xf_exam_view_set_layout (self, self->paper ? "question" : "paper");
}
