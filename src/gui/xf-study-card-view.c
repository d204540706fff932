/* xf-study-card-view.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xf-exam-format.h"
#include "xf-gui-format.h"
#include "xf-study-card-view.h"

/* One card of a sitting at a time. An article card shows its citation
 * and what hints at the text without giving it away (the item's title
 * and note); Space reveals the text, and 1–4 rate how well it was
 * recalled, each button saying when the card would come back. A
 * question card takes an answer by key (A–H or 1–8 choose options, T/F
 * a 判断) or typed (填空), Enter checks it with the exams' grading, and
 * the rating follows from whether it was right and how long it took;
 * Enter or Space goes on. An 简答 is recalled like an article: its
 * reference answer is revealed and rated by hand. The keys are class
 * bindings of the view, which keeps the focus between cards, so a typed
 * answer goes to the entry first. */

typedef enum
{
  STATE_NONE,
  STATE_FRONT,      /* recall: before the reveal */
  STATE_BACK,       /* recall: revealed, waiting for a rating */
  STATE_ANSWERING,  /* question: waiting for an answer */
  STATE_ANSWERED,   /* question: checked, waiting to go on */
} State;

static const char *state_names[] = { "none", "front", "back", "answering", "answered" };

struct _XfStudyCardView
{
  GtkWidget        parent_instance;

  XfStudySession  *session;
  State            state;
  gint64           shown_at;      /* monotonic µs */
  char            *answer;        /* canonical, in the question's letters */
  XfFsrsRating     answer_rating;
  gboolean         answer_right;
  gint64           answered_at;   /* UTC µs */
  guint            answer_ms;
  char            *intervals[4];

  GtkLabel        *progress_label;
  GtkLabel        *counts_label;
  GtkScrolledWindow *scroller;
  GtkLabel        *kind_label;
  GtkLabel        *citation_label;
  GtkLabel        *hint_label;
  GtkLabel        *stem_label;
  GtkBox          *options_box;
  GtkEntry        *answer_entry;
  GtkWidget       *answer_separator;
  GtkLabel        *verdict_label;
  GtkLabel        *text_label;
  GtkLabel        *explanation_label;
  GtkStack        *action_stack;
  GtkBox          *rate_box;
  GtkLabel        *rating_label;
  GtkLabel        *rate_labels[4];
};

G_DEFINE_FINAL_TYPE (XfStudyCardView, xf_study_card_view, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
rating_name (XfFsrsRating rating)
{
  switch (rating)
    {
    case XF_FSRS_RATING_AGAIN:
      return C_("rating", "Again");
    case XF_FSRS_RATING_HARD:
      return C_("rating", "Hard");
    case XF_FSRS_RATING_GOOD:
      return C_("rating", "Good");
    case XF_FSRS_RATING_EASY:
    default:
      return C_("rating", "Easy");
    }
}

static XfStudyEntry *
current (XfStudyCardView *self)
{
  return self->session != NULL ? xf_study_session_get_current (self->session) : NULL;
}

static gboolean
is_recall (XfStudyEntry *entry)
{
  return entry->question == NULL || xf_question_get_question_type (entry->question) == XF_QUESTION_ESSAY;
}

/* The question as studied: its own options in their own order */
static void
identity_item (XfExamItem *item,
               XfQuestion *question)
{
  memset (item, 0, sizeof *item);
  item->question = (char *)xf_question_get_uuid (question);
  item->type = xf_question_get_question_type (question);
  item->score = 1;
  item->n_options = MIN (xf_question_get_n_options (question), XF_QUESTION_MAX_OPTIONS);
  for (guint i = 0; i < item->n_options; i++)
    item->order[i] = (guint8)i;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_actions (XfStudyCardView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.undo",
                                 self->session != NULL && xf_study_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.reveal", self->state == STATE_FRONT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.rate", self->state == STATE_BACK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.submit", self->state == STATE_ANSWERING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.continue", self->state == STATE_ANSWERED);
}

static void
sync_options (XfStudyCardView *self)
{
  XfStudyEntry *entry = current (self);
  const char *key = entry != NULL && entry->question != NULL ? xf_question_get_answer (entry->question) : NULL;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      gboolean true_false = entry != NULL && entry->question != NULL &&
                            xf_question_get_question_type (entry->question) == XF_QUESTION_TRUE_FALSE;
      const char *letter = true_false ? (i == 0 ? "T" : "F") : NULL;
      gboolean chosen = true_false ? g_strcmp0 (self->answer, letter) == 0
                                   : xf_exam_answer_has_option (self->answer, i);
      gboolean right = key != NULL && (true_false ? g_str_equal (key, letter) : strchr (key, 'A' + (int)i) != NULL);

      if (chosen)
        gtk_widget_add_css_class (child, "xf-study-chosen");
      else
        gtk_widget_remove_css_class (child, "xf-study-chosen");
      if (self->state == STATE_ANSWERED && right)
        gtk_widget_add_css_class (child, "success");
      else
        gtk_widget_remove_css_class (child, "success");
      if (self->state == STATE_ANSWERED && chosen && !right)
        gtk_widget_add_css_class (child, "error");
      else
        gtk_widget_remove_css_class (child, "error");
      gtk_widget_set_sensitive (child, self->state == STATE_ANSWERING);
    }
}

static void choose_key (XfStudyCardView *self,
                        guint            keyval);

static void
on_option_clicked_cb (GtkButton       *button,
                      XfStudyCardView *self)
{
  guint option = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "xf-option"));

  choose_key (self, GDK_KEY_a + option);
}

static void
show_options (XfStudyCardView *self,
              XfQuestion      *question)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);
  if (question == NULL)
    return;

  if (xf_question_get_question_type (question) == XF_QUESTION_TRUE_FALSE)
    {
      for (guint i = 0; i < 2; i++)
        {
          /* TRANSLATORS: the two answers of a true/false question and their keys */
          GtkWidget *button = gtk_button_new_with_label (i == 0 ? _("T  Right") : _("F  Wrong"));

          g_object_set_data (G_OBJECT (button), "xf-option", GUINT_TO_POINTER (i == 0 ? 't' - 'a' : 'f' - 'a'));
          gtk_widget_set_focus_on_click (button, FALSE);
          gtk_widget_add_css_class (button, "xf-study-option");
          g_signal_connect (button, "clicked", G_CALLBACK (on_option_clicked_cb), self);
          gtk_box_append (self->options_box, button);
        }
      return;
    }
  for (guint i = 0; i < xf_question_get_n_options (question) && i < XF_QUESTION_MAX_OPTIONS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%c. %s", 'A' + i, xf_question_get_option (question, i));
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_button_set_child (GTK_BUTTON (button), label);
      g_object_set_data (G_OBJECT (button), "xf-option", GUINT_TO_POINTER (i));
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "xf-study-option");
      g_signal_connect (button, "clicked", G_CALLBACK (on_option_clicked_cb), self);
      gtk_box_append (self->options_box, button);
    }
}

static void
update_progress (XfStudyCardView *self)
{
  g_autofree char *progress = NULL;
  g_autofree char *counts = NULL;
  guint n_new, n_learning, n_review;

  if (self->session == NULL)
    return;
  xf_study_session_count_left (self->session, &n_new, &n_learning, &n_review);
  /* TRANSLATORS: the card shown of the sitting's cards, as in "12 / 30" */
  progress = g_strdup_printf (_("%u / %u"), xf_study_session_get_position (self->session),
                              xf_study_session_get_total (self->session));
  /* TRANSLATORS: the cards left in the sitting by kind */
  counts = g_strdup_printf (_("New %u · Learning %u · Review %u"), n_new, n_learning, n_review);
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->counts_label, counts);
}

static void
show_card (XfStudyCardView *self)
{
  XfStudyEntry *entry = current (self);
  g_autofree char *kind = NULL;

  g_clear_pointer (&self->answer, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->answer_entry), "");
  update_progress (self);
  if (entry == NULL)
    {
      self->state = STATE_NONE;
      update_actions (self);
      return;
    }

  kind = xf_format_study_card_kind (entry);
  gtk_label_set_text (self->kind_label, kind);
  if (entry->item != NULL)
    {
      g_autofree char *citation = xf_format_citation (xf_list_item_get_law_title (entry->item),
                                                      xf_list_item_get_article_label (entry->item));
      const char *title = xf_list_item_get_title (entry->item);
      const char *note = xf_list_item_get_note (entry->item);
      g_autofree char *hint = NULL;

      if (citation[0] == '\0')
        set_text (self->citation_label, title);
      else
        set_text (self->citation_label, citation);
      if (citation[0] != '\0' && title != NULL && title[0] != '\0' && note != NULL && note[0] != '\0')
        hint = g_strdup_printf ("%s\n%s", title, note);
      else if (citation[0] != '\0' && title != NULL && title[0] != '\0')
        hint = g_strdup (title);
      else
        hint = g_strdup (note);
      set_text (self->hint_label, hint);
      set_text (self->stem_label, NULL);
    }
  else
    {
      set_text (self->citation_label, NULL);
      set_text (self->hint_label, NULL);
      set_text (self->stem_label, entry->question != NULL ? xf_question_get_stem (entry->question)
                                                          : entry->card->title);
    }
  show_options (self, is_recall (entry) ? NULL : entry->question);
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), !is_recall (entry));
  gtk_widget_queue_resize (GTK_WIDGET (self->options_box));
  gtk_widget_set_visible (GTK_WIDGET (self->answer_entry),
                          !is_recall (entry) && xf_question_get_question_type (entry->question) == XF_QUESTION_FILL);
  gtk_editable_set_editable (GTK_EDITABLE (self->answer_entry), TRUE);
  gtk_widget_set_visible (self->answer_separator, FALSE);
  set_text (self->verdict_label, NULL);
  set_text (self->text_label, NULL);
  set_text (self->explanation_label, NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  self->state = is_recall (entry) ? STATE_FRONT : STATE_ANSWERING;
  gtk_stack_set_visible_child_name (self->action_stack, is_recall (entry) ? "reveal" : "submit");
  sync_options (self);
  update_actions (self);
  self->shown_at = g_get_monotonic_time ();
  if (gtk_widget_get_visible (GTK_WIDGET (self->answer_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->answer_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
reveal (XfStudyCardView *self)
{
  XfStudyEntry *entry = current (self);
  gint64 now = g_get_real_time ();

  if (entry == NULL || self->state != STATE_FRONT)
    return;
  gtk_widget_set_visible (self->answer_separator, TRUE);
  if (entry->item != NULL)
    set_text (self->text_label, xf_list_item_get_body (entry->item));
  else if (entry->question != NULL)
    {
      set_text (self->text_label, xf_question_get_answer (entry->question));
      set_text (self->explanation_label, xf_question_get_explanation (entry->question));
    }
  for (XfFsrsRating rating = XF_FSRS_RATING_AGAIN; rating <= XF_FSRS_RATING_EASY; rating++)
    {
      XfFsrsCard next = xf_study_session_preview (self->session, entry->card, rating, now);

      g_free (self->intervals[rating - 1]);
      self->intervals[rating - 1] = xf_format_study_interval (next.due - now / G_USEC_PER_SEC);
      gtk_label_set_text (self->rate_labels[rating - 1], self->intervals[rating - 1]);
    }
  self->state = STATE_BACK;
  gtk_stack_set_visible_child_name (self->action_stack, "rate");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static guint
elapsed_ms (XfStudyCardView *self)
{
  return (guint)MIN ((g_get_monotonic_time () - self->shown_at) / 1000, G_MAXUINT);
}

static void
rate (XfStudyCardView *self,
      XfFsrsRating     rating)
{
  if (self->state != STATE_BACK)
    return;
  self->state = STATE_NONE;
  /* The session tells it changed: the next card shows */
  xf_study_session_rate (self->session, rating, g_get_real_time (), elapsed_ms (self));
}

static void
submit (XfStudyCardView *self)
{
  XfStudyEntry *entry = current (self);
  g_autoptr(XfExam) exam = NULL;
  g_autofree char *key = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *rating_text = NULL;
  g_autofree char *typed = NULL;
  XfFsrsCard next;
  XfExamMark mark;
  XfExamItem item;

  if (entry == NULL || entry->question == NULL || self->state != STATE_ANSWERING)
    return;

  identity_item (&item, entry->question);
  if (item.type == XF_QUESTION_FILL)
    {
      typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->answer_entry))));
      g_free (self->answer);
      self->answer = typed[0] != '\0' ? xf_exam_normalize_answer (&item, typed, NULL) : NULL;
    }
  exam = xf_exam_new ();
  mark = xf_exam_mark (exam, &item, entry->question, self->answer);

  self->answer_ms = elapsed_ms (self);
  self->answered_at = g_get_real_time ();
  self->answer_right = mark.right;
  self->answer_rating = xf_fsrs_rating_for_answer (mark.right, self->answer_ms / 1000.0,
                                                   xf_study_expected_seconds (item.type));
  self->state = STATE_ANSWERED;

  /* The focus leaves the entry before the entry is made insensitive */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_editable_set_editable (GTK_EDITABLE (self->answer_entry), FALSE);
  gtk_widget_set_visible (self->answer_separator, TRUE);
  set_text (self->verdict_label, mark.right ? _("Right") : self->answer == NULL ? _("Not answered") : _("Wrong"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), mark.right ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), mark.right ? "success" : "error");
  key = xf_format_exam_key (&item, entry->question);
  if (key != NULL)
    {
      /* TRANSLATORS: the right answer of a question, as in "正确答案：B. 二年" */
      g_autofree char *line = g_strdup_printf (_("Right answer: %s"), key);

      set_text (self->text_label, line);
    }
  if (xf_question_get_explanation (entry->question) != NULL && xf_question_get_explanation (entry->question)[0])
    /* TRANSLATORS: the 解析 of a question */
    explanation = g_strdup_printf (_("Explanation: %s"), xf_question_get_explanation (entry->question));
  set_text (self->explanation_label, explanation);

  next = xf_study_session_preview (self->session, entry->card, self->answer_rating, self->answered_at);
  g_free (self->intervals[0]);
  self->intervals[0] = xf_format_study_interval (next.due - self->answered_at / G_USEC_PER_SEC);
  /* TRANSLATORS: how an answered question is rated and when it comes back: "良好 · 10 分钟" */
  rating_text = g_strdup_printf (_("%s · again in %s"), rating_name (self->answer_rating), self->intervals[0]);
  gtk_label_set_text (self->rating_label, rating_text);
  gtk_stack_set_visible_child_name (self->action_stack, "continue");
  sync_options (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
go_on (XfStudyCardView *self)
{
  if (self->state != STATE_ANSWERED)
    return;
  self->state = STATE_NONE;
  xf_study_session_rate_answer (self->session, self->answer_rating, self->answered_at, self->answer_ms,
                                self->answer_right, self->answer);
}

static void
choose_key (XfStudyCardView *self,
            guint            keyval)
{
  XfStudyEntry *entry = current (self);
  g_autofree char *answer = NULL;
  XfExamItem item;

  if (entry == NULL || entry->question == NULL || self->state != STATE_ANSWERING)
    return;
  identity_item (&item, entry->question);
  if (!xf_exam_answer_for_key (&item, self->answer, keyval, &answer))
    return;
  g_free (self->answer);
  self->answer = g_steal_pointer (&answer);
  sync_options (self);
}

static void
on_answer_entry_activate_cb (XfStudyCardView *self,
                             GtkEntry        *entry)
{
  submit (self);
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XfStudyCardView *self = XF_STUDY_CARD_VIEW (widget);
  guint keyval = g_variant_get_uint32 (parameter);
  guint digit = keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9 ? keyval - GDK_KEY_KP_1 + 1
              : keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9 ? keyval - GDK_KEY_1 + 1 : 0;

  switch (self->state)
    {
    case STATE_BACK:
      if (digit >= XF_FSRS_RATING_AGAIN && digit <= XF_FSRS_RATING_EASY)
        rate (self, (XfFsrsRating)digit);
      break;
    case STATE_ANSWERING:
      choose_key (self, keyval);
      break;
    case STATE_NONE:
    case STATE_FRONT:
    case STATE_ANSWERED:
    default:
      break;
    }
}

static void
space_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfStudyCardView *self = XF_STUDY_CARD_VIEW (widget);

  if (self->state == STATE_FRONT)
    reveal (self);
  else if (self->state == STATE_ANSWERED)
    go_on (self);
}

static void
enter_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XfStudyCardView *self = XF_STUDY_CARD_VIEW (widget);

  if (self->state == STATE_FRONT)
    reveal (self);
  else if (self->state == STATE_ANSWERING)
    submit (self);
  else if (self->state == STATE_ANSWERED)
    go_on (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reveal (XF_STUDY_CARD_VIEW (widget));
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rate (XF_STUDY_CARD_VIEW (widget), (XfFsrsRating)g_variant_get_int32 (parameter));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  submit (XF_STUDY_CARD_VIEW (widget));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  go_on (XF_STUDY_CARD_VIEW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XfStudyCardView *self = XF_STUDY_CARD_VIEW (widget);

  if (self->session != NULL)
    xf_study_session_undo (self->session);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

static void
on_session_changed_cb (XfStudyCardView *self,
                       XfStudySession  *session)
{
  show_card (self);
}

void
xf_study_card_view_set_session (XfStudyCardView *self,
                                XfStudySession  *session)
{
  g_return_if_fail (XF_IS_STUDY_CARD_VIEW (self));
  g_return_if_fail (session == NULL || XF_IS_STUDY_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  show_card (self);
}

XfStudySession *
xf_study_card_view_get_session (XfStudyCardView *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CARD_VIEW (self), NULL);
  return self->session;
}

/**
 * xf_study_card_view_get_state:
 *
 * Returns: "none", "front" (a recall card before the reveal), "back"
 *   (revealed), "answering" (a question) or "answered"
 */
const char *
xf_study_card_view_get_state (XfStudyCardView *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CARD_VIEW (self), NULL);
  return state_names[self->state];
}

/**
 * xf_study_card_view_get_text:
 *
 * Returns: what the reveal or the check shows: the article's text, the
 *   reference answer or the right answer; "" before
 */
const char *
xf_study_card_view_get_text (XfStudyCardView *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CARD_VIEW (self), NULL);
  return gtk_label_get_text (self->text_label);
}

/**
 * xf_study_card_view_get_interval:
 *
 * Returns: (nullable): the interval the button of @rating shows
 */
const char *
xf_study_card_view_get_interval (XfStudyCardView *self,
                                 XfFsrsRating     rating)
{
  g_return_val_if_fail (XF_IS_STUDY_CARD_VIEW (self), NULL);
  g_return_val_if_fail (rating >= XF_FSRS_RATING_AGAIN && rating <= XF_FSRS_RATING_EASY, NULL);
  return gtk_label_get_text (self->rate_labels[rating - 1]);
}

/* The rating an answered question gets */
XfFsrsRating
xf_study_card_view_get_answer_rating (XfStudyCardView *self)
{
  g_return_val_if_fail (XF_IS_STUDY_CARD_VIEW (self), XF_FSRS_RATING_AGAIN);
  return self->answer_rating;
}

GtkWidget *
xf_study_card_view_new (void)
{
  return g_object_new (XF_TYPE_STUDY_CARD_VIEW, NULL);
}

static void
xf_study_card_view_dispose (GObject *object)
{
  XfStudyCardView *self = (XfStudyCardView *)object;
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_STUDY_CARD_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->answer, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->intervals); i++)
    g_clear_pointer (&self->intervals[i], g_free);

  G_OBJECT_CLASS (xf_study_card_view_parent_class)->dispose (object);
}

static void
add_key (GtkWidgetClass *widget_class,
         guint           keyval)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "card.key", "u", keyval);
}

static void
xf_study_card_view_class_init (XfStudyCardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_study_card_view_dispose;

  /**
   * XfStudyCardView::leave:
   *
   * The person asked to leave the sitting (Escape).
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-study-card-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, citation_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, stem_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, options_box);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, answer_entry);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, answer_separator);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, text_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, action_stack);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, rate_box);
  gtk_widget_class_bind_template_child (widget_class, XfStudyCardView, rating_label);
  gtk_widget_class_bind_template_callback (widget_class, on_answer_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "card.key", "u", key_action);
  gtk_widget_class_install_action (widget_class, "card.space", NULL, space_action);
  gtk_widget_class_install_action (widget_class, "card.enter", NULL, enter_action);
  gtk_widget_class_install_action (widget_class, "card.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "card.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "card.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "card.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "card.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "card.leave", NULL, leave_action);

  for (guint i = 0; i < 8; i++)
    {
      add_key (widget_class, GDK_KEY_1 + i);
      add_key (widget_class, GDK_KEY_KP_1 + i);
      add_key (widget_class, GDK_KEY_a + i);
      add_key (widget_class, GDK_KEY_A + i);
    }
  add_key (widget_class, GDK_KEY_t);
  add_key (widget_class, GDK_KEY_T);
  add_key (widget_class, GDK_KEY_f);
  add_key (widget_class, GDK_KEY_F);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.space", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "card.space", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "card.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "card.leave", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_study_card_view_init (XfStudyCardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (XfFsrsRating rating = XF_FSRS_RATING_AGAIN; rating <= XF_FSRS_RATING_EASY; rating++)
    {
      /* TRANSLATORS: the tooltip of a rating button: its key */
      g_autofree char *tooltip = g_strdup_printf (_("Key %d"), rating);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (rating_name (rating));
      GtkWidget *interval = gtk_label_new (NULL);

      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (interval, "caption");
      gtk_widget_add_css_class (interval, "numeric");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), interval);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_size_request (button, 110, -1);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "card.rate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32)rating);
      gtk_widget_add_css_class (button, "xf-study-rating");
      if (rating == XF_FSRS_RATING_AGAIN)
        gtk_widget_add_css_class (button, "xf-study-again");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rating_name (rating), -1);
      gtk_box_append (self->rate_box, button);
      self->rate_labels[rating - 1] = GTK_LABEL (interval);
    }
  update_actions (self);
}
