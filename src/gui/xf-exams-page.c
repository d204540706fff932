/* xf-exams-page.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xf-exam-format.h"
#include "xf-exam-store.h"
#include "xf-exams-page.h"
#include "xf-page-read.h"

/* The exams (考试) of the profile: what each asks, the attempts made and
 * allowed, the best score, a button to start one or take up the attempt
 * in progress, and the history of attempts, each opening its result. The
 * exams and attempts are read in a thread on a connection of its own. */

struct _XfExamsPage
{
  GtkWidget      parent_instance;

  XfDatabase    *database;
  XfProfile     *profile;    /* whose exams: the audience of each is checked */
  XfPageRead     read;
  gboolean       stale;      /* read when next shown */

  GtkStack      *stack;
  GtkSpinner    *spinner;
  AdwStatusPage *error_page;
  GtkBox        *exams_box;
};

G_DEFINE_FINAL_TYPE (XfExamsPage, xf_exams_page, GTK_TYPE_WIDGET)

typedef struct
{
  XfExam    *exam;
  GPtrArray *attempts;  /* XfAttempt, oldest first */
} ExamEntry;

static void
exam_entry_free (ExamEntry *entry)
{
  g_clear_pointer (&entry->exam, xf_exam_free);
  g_clear_pointer (&entry->attempts, g_ptr_array_unref);
  g_free (entry);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(XfDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)exam_entry_free);

  db = xf_database_open (task_data, &error);
  if (db == NULL || (exams = xf_exam_store_list (db, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < exams->len; i++)
    {
      ExamEntry *entry = g_new0 (ExamEntry, 1);

      entry->exam = g_steal_pointer (&exams->pdata[i]);
      g_ptr_array_add (entries, entry);
      /* A profile's database holds one person's attempts. */
      entry->attempts = xf_exam_store_list_attempts (db, entry->exam->uuid, NULL, &error);
      if (entry->attempts == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify)g_ptr_array_unref);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static char *
describe_attempt (XfAttempt *attempt)
{
  g_autofree char *used = xf_format_time_used (attempt->elapsed_us);

  if (attempt->state == XF_ATTEMPT_IN_PROGRESS)
    return g_strdup_printf (_("In progress, %u of %u answered"), xf_attempt_get_n_answered (attempt),
                            attempt->paper->items->len);
  if (attempt->graded)
    {
      g_autofree char *score = xf_format_score_of (attempt->score, attempt->total);

      /* TRANSLATORS: a submitted attempt: its score, whether it passed and the time it took */
      return g_strdup_printf (_("%s · %s · time used %s"), score,
                              attempt->passed ? C_("exam result", "Passed") : C_("exam result", "Not passed"), used);
    }
  /* TRANSLATORS: a submitted attempt the server grades, and the time it took */
  return g_strdup_printf (_("Submitted, to be graded · time used %s"), used);
}

static GtkWidget *
make_attempt_row (XfAttempt *attempt)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = xf_format_attempt_time (attempt->started_at);
  g_autofree char *what = describe_attempt (attempt);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), attempt->state == XF_ATTEMPT_IN_PROGRESS
                                                          ? "win.resume-exam" : "win.show-attempt");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", attempt->uuid);
  return row;
}

static char *
describe_history (XfExam    *exam,
                  GPtrArray *attempts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint made = attempts->len;
  gboolean scored = FALSE;
  double best = 0;

  if (made == 0)
    return g_strdup (_("Not taken yet"));
  if (exam->attempts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u attempt made",
                                                          "%u of %u attempts made", exam->attempts),
                                             made, exam->attempts));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt made, no limit",
                                                          "%u attempts made, no limit", made),
                                             made));
  for (guint i = 0; i < attempts->len; i++)
    {
      XfAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->state == XF_ATTEMPT_SUBMITTED && attempt->graded && (!scored || attempt->score > best))
        {
          best = attempt->score;
          scored = TRUE;
        }
    }
  if (scored)
    {
      g_autofree char *score = xf_format_score (best);

      g_ptr_array_add (parts, g_strdup_printf (_("best score %s"), score));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* Start, or Resume the attempt in progress; nothing to press when no
 * attempt is left or the exam is not open. */
static GtkWidget *
make_start_button (XfExam    *exam,
                   GPtrArray *attempts,
                   gboolean   for_profile)
{
  XfAttempt *running = NULL;
  GtkWidget *button;

  for (guint i = attempts->len; i > 0 && running == NULL; i--)
    if (((XfAttempt *)g_ptr_array_index (attempts, i - 1))->state == XF_ATTEMPT_IN_PROGRESS)
      running = g_ptr_array_index (attempts, i - 1);

  button = gtk_button_new_with_mnemonic (running != NULL ? _("_Resume") : _("_Start"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  if (running != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.resume-exam");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", running->uuid);
      gtk_widget_set_tooltip_text (button, _("Take up the attempt in progress, with its answers and the time left"));
    }
  else if (!for_profile)
    {
      g_autofree char *audience = xf_exam_dup_audience_label (exam);
      g_autofree char *tooltip = g_strdup_printf (_("This exam is for %s only"), audience);

      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else if (exam->attempts > 0 && attempts->len >= exam->attempts)
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("Every allowed attempt was made"));
    }
  else if (!xf_exam_is_open (exam, g_get_real_time ()))
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("The exam is not open now"));
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.start-exam");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", exam->uuid);
    }
  return button;
}

/* The statistics, once an attempt was submitted: before, there is
 * nothing to count */
static GtkWidget *
make_stats_button (XfExam    *exam,
                   GPtrArray *attempts)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("xf-exam-stats-symbolic");
  gboolean submitted = FALSE;

  for (guint i = 0; i < attempts->len && !submitted; i++)
    submitted = ((XfAttempt *)g_ptr_array_index (attempts, i))->state == XF_ATTEMPT_SUBMITTED;

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Statistics"), -1);
  if (submitted)
    {
      gtk_widget_set_tooltip_text (button, _("Statistics and item analysis"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.exam-stats");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", exam->uuid);
    }
  else
    {
      gtk_widget_set_sensitive (button, FALSE);
      gtk_widget_set_tooltip_text (button, _("Statistics show once an attempt is submitted"));
    }
  return button;
}

/* Statistics, Start or Resume, and Edit for the exams a person made (a
 * shipped one comes back as shipped with the next content update) */
static GtkWidget *
make_buttons (XfExam    *exam,
              GPtrArray *attempts,
              gboolean   for_profile)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), make_stats_button (exam, attempts));
  if (!exam->builtin)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit the exam"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit the exam"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "win.edit-exam");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", exam->uuid);
      gtk_box_append (GTK_BOX (box), edit);
    }
  gtk_box_append (GTK_BOX (box), make_start_button (exam, attempts, for_profile));
  return box;
}

static GtkWidget *
make_exam_group (XfExamsPage *self,
                 ExamEntry   *entry)
{
  XfExam *exam = entry->exam;
  gboolean for_profile = self->profile == NULL ||
                         xf_exam_is_for (exam, xf_profile_get_name (self->profile),
                                         xf_profile_get_department (self->profile),
                                         xf_profile_get_leader (self->profile));
  g_autofree char *audience = xf_exam_dup_audience_label (exam);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *history = adw_expander_row_new ();
  g_autofree char *title = escape (exam->title);
  g_autofree char *facts = xf_format_exam_facts (exam);
  g_autofree char *escaped_facts = NULL;
  g_autofree char *summary = describe_history (exam, entry->attempts);

  if (audience != NULL)
    {
      /* TRANSLATORS: an exam's facts, and whom it is for: "70 题 · … · 面向领导干部" */
      g_autofree char *with_audience = g_strdup_printf (_("%s · for %s"), facts, audience);

      g_free (facts);
      facts = g_steal_pointer (&with_audience);
    }
  escaped_facts = escape (facts);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped_facts);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), make_buttons (exam, entry->attempts, for_profile));

  if (exam->description != NULL && exam->description[0] != '\0')
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), exam->description);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "xf-exam-description");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (history), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history), _("Attempts"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (history), summary);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (history), entry->attempts->len > 0);
  /* Newest first */
  for (guint i = entry->attempts->len; i > 0; i--)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (history), make_attempt_row (g_ptr_array_index (entry->attempts, i - 1)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), history);
  return group;
}

static void
show_entries (XfExamsPage *self,
              GPtrArray   *entries)
{
  GtkWidget *child;
  GtkWidget *add;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exams_box))) != NULL)
    gtk_box_remove (self->exams_box, child);
  add = gtk_button_new_with_mnemonic (_("_New Exam…"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.new-exam");
  gtk_box_append (self->exams_box, add);
  for (guint i = 0; i < entries->len; i++)
    gtk_box_append (self->exams_box, make_exam_group (self, g_ptr_array_index (entries, i)));
  gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XfExamsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;
  g_autoptr(GPtrArray) entries = xf_page_read_finish (&self->read, result, &cancelled, &error);

  if (cancelled)
    return;
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_entries (self, entries);
}

/**
 * xf_exams_page_reload:
 *
 * Reads the exams and attempts again, as after an attempt.
 */
void
xf_exams_page_reload (XfExamsPage *self)
{
  g_return_if_fail (XF_IS_EXAMS_PAGE (self));

  self->stale = FALSE;
  if (self->database == NULL)
    {
      xf_page_read_stop (&self->read);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* The list shown stays until the new one comes. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->exams_box)) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  xf_page_read_start (&self->read, self, self->database, xf_exams_page_reload, load_thread, on_loaded);
}

void
xf_exams_page_set_database (XfExamsPage *self,
                            XfDatabase  *database,
                            XfProfile   *profile)
{
  GtkWidget *child;
  GtkWidget *add;
  gboolean changed;

  g_return_if_fail (XF_IS_EXAMS_PAGE (self));
  g_return_if_fail (database == NULL || XF_IS_DATABASE (database));
  g_return_if_fail (profile == NULL || XF_IS_PROFILE (profile));

  changed = g_set_object (&self->profile, profile);
  if (!g_set_object (&self->database, database) && !changed)
    return;
  xf_page_read_forget (&self->read);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exams_box))) != NULL)
    gtk_box_remove (self->exams_box, child);
  add = gtk_button_new_with_mnemonic (_("_New Exam…"));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.new-exam");
  gtk_box_append (self->exams_box, add);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    xf_exams_page_reload (self);
  else
    {
      self->stale = TRUE;
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

/**
 * xf_exams_page_get_loading:
 *
 * Returns: whether the exams are being read, or will be when shown
 */
gboolean
xf_exams_page_get_loading (XfExamsPage *self)
{
  g_return_val_if_fail (XF_IS_EXAMS_PAGE (self), FALSE);
  return self->read.loading || self->stale;
}

/**
 * xf_exams_page_get_state:
 *
 * Returns: what the page shows: "loading", "empty", "error" or "list"
 */
const char *
xf_exams_page_get_state (XfExamsPage *self)
{
  g_return_val_if_fail (XF_IS_EXAMS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
xf_exams_page_map (GtkWidget *widget)
{
  XfExamsPage *self = XF_EXAMS_PAGE (widget);

  GTK_WIDGET_CLASS (xf_exams_page_parent_class)->map (widget);

  if (self->stale)
    xf_exams_page_reload (self);
}

static void
xf_exams_page_dispose (GObject *object)
{
  XfExamsPage *self = (XfExamsPage *)object;
  GtkWidget *child;

  xf_page_read_clear (&self->read);
  gtk_widget_dispose_template (GTK_WIDGET (self), XF_TYPE_EXAMS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (xf_exams_page_parent_class)->dispose (object);
}

static void
xf_exams_page_class_init (XfExamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xf_exams_page_dispose;
  widget_class->map = xf_exams_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xuefa/Xuefa/xf-exams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XfExamsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XfExamsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, XfExamsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, XfExamsPage, exams_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xf_exams_page_init (XfExamsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xf_page_read_init (&self->read, self->spinner);
  self->stale = TRUE;
}
