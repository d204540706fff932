/* xf-exam-report.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xf-exam-report-private.h"

/* The 成绩单 of a submitted attempt: everything it prints is taken from
 * the exam, the attempt and its result when the report is made, as text in
 * the language of the moment. The report then needs none of them, so it can
 * be written in a worker thread while the attempt's view goes away, and it
 * prints the same on paper (GtkPrintOperation) as in a PDF: both draw with
 * xf_exam_report_draw_page() onto a cairo context. Pagination and drawing
 * live in xf-exam-report-draw.c. */

G_DEFINE_FINAL_TYPE (XfExamReport, xf_exam_report, G_TYPE_OBJECT)

static void
row_free (gpointer data)
{
  XfReportRow *row = data;

  g_free (row->number);
  g_free (row->type);
  g_free (row->stem);
  g_free (row->answer);
  g_free (row->key);
  g_free (row->points);
  g_free (row);
}

static void
fact_free (gpointer data)
{
  XfReportFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
add_fact (XfExamReport *self,
          const char   *label,
          char         *value,
          gboolean      strong)
{
  XfReportFact *fact = g_new0 (XfReportFact, 1);

  fact->label = g_strdup (label);
  if (value == NULL || value[0] == '\0')
    {
      /* A blank cell on a form reads as forgotten: a dash says "none" */
      g_free (value);
      value = g_strdup ("—");
    }
  fact->value = value;
  fact->strong = strong;
  g_ptr_array_add (self->facts, fact);
}

/* Points with the decimals they have, at most two: 90, 90.5, 0.25 */
static char *
format_points (double points)
{
  if (!isfinite (points))
    points = 0;
  if (fabs (points - round (points)) < 1e-6)
    return g_strdup_printf ("%.0f", points);
  if (fabs (points * 10 - round (points * 10)) < 1e-5)
    return g_strdup_printf ("%.1f", points);
  return g_strdup_printf ("%.2f", points);
}

static char *
format_points_of (double points,
                  double total)
{
  g_autofree char *earned = format_points (points);
  g_autofree char *out_of = format_points (total);

  /* TRANSLATORS: a score out of the total, as in "90.5 / 100" */
  return g_strdup_printf (_("%s / %s"), earned, out_of);
}

static char *
format_local (gint64      utc_us,
              const char *format)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc_us <= 0)
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (utc_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

static char *
format_time_used (gint64 elapsed_us,
                  guint  limit_s)
{
  gint64 seconds = MAX (elapsed_us, 0) / G_USEC_PER_SEC;
  g_autofree char *used = NULL;

  if (seconds >= 3600)
    /* TRANSLATORS: time spent on an exam: hours and minutes */
    used = g_strdup_printf (_("%u h %u min"), (guint)(seconds / 3600), (guint)(seconds / 60 % 60));
  else
    /* TRANSLATORS: time spent on an exam: minutes and seconds */
    used = g_strdup_printf (_("%u min %u s"), (guint)(seconds / 60), (guint)(seconds % 60));
  if (limit_s == 0)
    return g_steal_pointer (&used);
  /* TRANSLATORS: the time an attempt took, then the exam's time limit in minutes */
  return g_strdup_printf (_("%s (limit %u min)"), used, (limit_s + 59) / 60);
}

static const char *
describe_submission (const char *submitted_by)
{
  if (g_strcmp0 (submitted_by, XF_ATTEMPT_SUBMITTED_BY_PERSON) == 0)
    return _("Submitted by the candidate");
  if (g_strcmp0 (submitted_by, XF_ATTEMPT_SUBMITTED_TIME_UP) == 0)
    return _("Submitted automatically when the time was up");
  if (g_strcmp0 (submitted_by, XF_ATTEMPT_SUBMITTED_CLOSED) == 0)
    return _("Submitted automatically when the exam closed");
  return "";
}

static const char *
true_false (gboolean value)
{
  return value ? C_("answer", "True") : C_("answer", "False");
}

/* Line breaks and runs of white space as one space: a cell shows a stem
 * in at most two lines */
static char *
one_line (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) && c != 0x3000)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The answer in the letters the person saw: the paper's option order maps
 * shown letters to the question's options */
static char *
format_key (XfExamItem *item,
            XfQuestion *question)
{
  char letters[XF_QUESTION_MAX_OPTIONS + 1];
  const char * const *accepted;
  guint len = 0;

  switch (item->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      for (guint i = 0; i < item->n_options && i < XF_QUESTION_MAX_OPTIONS; i++)
        if (xf_question_option_is_correct (question, item->order[i]))
          letters[len++] = (char)('A' + i);
      letters[len] = '\0';
      return g_strdup (letters);
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (true_false (g_strcmp0 (xf_question_get_answer (question), "T") == 0));
    case XF_QUESTION_FILL:
      accepted = xf_question_get_accepted (question);
      /* TRANSLATORS: between the answers a fill-in question accepts */
      return accepted != NULL ? g_strjoinv (_(" / "), (char **)accepted) : g_strdup ("");
    case XF_QUESTION_ESSAY:
    default:
      return one_line (xf_question_get_answer (question));
    }
}

static char *
format_answer (XfExamItem *item,
               const char *answer)
{
  if (answer == NULL || answer[0] == '\0')
    return g_strdup ("—");
  if (item->type == XF_QUESTION_TRUE_FALSE)
    return g_strdup (true_false (answer[0] == 'T'));
  return one_line (answer);
}

static XfReportRow *
make_row (guint       number,
          XfExamItem *item,
          XfQuestion *question,
          const char *answer,
          XfExamMark *mark)
{
  XfReportRow *row = g_new0 (XfReportRow, 1);
  g_autofree char *dash = NULL;

  row->number = g_strdup_printf ("%u", number);
  row->type = g_strdup (item->type < XF_QUESTION_N_TYPES ? xf_question_type_to_label (item->type) : "");
  row->stem = one_line (xf_question_get_stem (question));
  row->answer = format_answer (item, answer);
  row->key = format_key (item, question);

  if (!mark->answered)
    row->verdict = XF_REPORT_UNANSWERED;
  else if (mark->pending)
    row->verdict = XF_REPORT_PENDING;
  else if (mark->right)
    row->verdict = XF_REPORT_RIGHT;
  else if (mark->score > 0)
    row->verdict = XF_REPORT_PARTIAL;
  else
    row->verdict = XF_REPORT_WRONG;

  if (row->verdict == XF_REPORT_PENDING)
    {
      g_autofree char *out_of = format_points (mark->max);

      /* TRANSLATORS: the points of a question graded by hand, not yet known */
      row->points = g_strdup_printf (_("– / %s"), out_of);
    }
  else
    row->points = format_points_of (mark->score, mark->max);
  return row;
}

static void
add_subtotals (XfExamReport *self,
               XfAttempt    *attempt,
               XfExamResult *result)
{
  guint right[XF_QUESTION_N_TYPES] = { 0 };
  guint count[XF_QUESTION_N_TYPES] = { 0 };
  char **line;

  for (guint i = 0; i < result->marks->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);
      XfExamMark *mark = &g_array_index (result->marks, XfExamMark, i);

      if (item->type >= XF_QUESTION_N_TYPES)
        continue;
      count[item->type]++;
      right[item->type] += mark->right;
    }

  for (guint t = 0; t < XF_QUESTION_N_TYPES; t++)
    {
      if (count[t] == 0)
        continue;
      line = g_new0 (char *, 6);
      line[0] = g_strdup (xf_question_type_to_label (t));
      line[1] = g_strdup_printf ("%u", count[t]);
      line[2] = g_strdup_printf ("%u", right[t]);
      line[3] = format_points (result->type_score[t]);
      line[4] = format_points (result->type_total[t]);
      g_ptr_array_add (self->subtotals, line);
    }

  line = g_new0 (char *, 6);
  /* TRANSLATORS: the last line of the points by question type */
  line[0] = g_strdup (C_("score report", "Total"));
  line[1] = g_strdup_printf ("%u", result->marks->len);
  line[2] = g_strdup_printf ("%u", result->right);
  line[3] = format_points (result->score);
  line[4] = format_points (result->total);
  g_ptr_array_add (self->subtotals, line);
}

static char *
format_counts (XfExamResult *result)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u right", "%u right", result->right),
                                           result->right));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u wrong", "%u wrong", result->wrong),
                                           result->wrong));
  g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not answered", "%u not answered",
                                                        result->unanswered),
                                           result->unanswered));
  if (result->pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to be graded by hand",
                                                          "%u to be graded by hand", result->pending),
                                             result->pending));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the counts of right, wrong and unanswered questions */
  return g_strjoinv (_(", "), (char **)parts->pdata);
}

/**
 * xf_exam_report_new:
 * @exam: the exam
 * @attempt: a submitted attempt at it
 * @result: the attempt's result (xf_exam_store_grade_attempt())
 * @questions: (element-type XfQuestion): the question of each item of the
 *   attempt's paper, in its order (xf_exam_store_load_questions())
 * @name: (nullable): the person's name; %NULL or "" for the attempt's profile
 * @department: (nullable): the person's department
 * @generated_at: UTC microseconds printed as the time the report was made
 * @error: return location for a #GError
 *
 * Takes from its arguments everything the report prints, as text in the
 * current language; the report keeps no reference to them.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with
 *   %XF_EXAM_ERROR_INVALID when the attempt is not submitted or @result
 *   and @questions do not belong to its paper
 */
XfExamReport *
xf_exam_report_new (XfExam        *exam,
                    XfAttempt     *attempt,
                    XfExamResult  *result,
                    GPtrArray     *questions,
                    const char    *name,
                    const char    *department,
                    gint64         generated_at,
                    GError       **error)
{
  g_autoptr(XfExamReport) self = NULL;
  guint n;

  g_return_val_if_fail (exam != NULL, NULL);
  g_return_val_if_fail (attempt != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (attempt->state != XF_ATTEMPT_SUBMITTED)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                   _("Attempt %s is not submitted yet: a score report is made once it is"), attempt->uuid);
      return NULL;
    }
  n = attempt->paper->items->len;
  if (questions->len != n || result->marks->len != n || attempt->answers->len != n)
    {
      g_set_error (error, XF_EXAM_ERROR, XF_EXAM_ERROR_INVALID,
                   _("The questions or the result do not match the paper of attempt %s"), attempt->uuid);
      return NULL;
    }

  self = g_object_new (XF_TYPE_EXAM_REPORT, NULL);
  self->exam_title = g_strdup (exam->title != NULL ? exam->title : "");
  self->name = g_strdup (name != NULL && name[0] != '\0' ? name : attempt->profile);
  self->attempt_uuid = g_strdup (attempt->uuid);
  self->passed = result->passed;
  self->n_pending = result->pending;
  self->generated = format_local (generated_at, "%Y-%m-%d %H:%M");
  self->date = format_local (attempt->submitted_at > 0 ? attempt->submitted_at : generated_at, "%Y-%m-%d");

  add_fact (self, C_("score report", "Name"), g_strdup (self->name), FALSE);
  add_fact (self, C_("score report", "Department"), g_strdup (department), FALSE);
  add_fact (self, C_("score report", "Started"), format_local (attempt->started_at, "%Y-%m-%d %H:%M"), FALSE);
  add_fact (self, C_("score report", "Submitted"), format_local (attempt->submitted_at, "%Y-%m-%d %H:%M"), FALSE);
  add_fact (self, C_("score report", "Time used"), format_time_used (attempt->elapsed_us, exam->time_limit_s), FALSE);
  add_fact (self, C_("score report", "Submission"), g_strdup (describe_submission (attempt->submitted_by)), FALSE);
  add_fact (self, C_("score report", "Score"), format_points_of (result->score, result->total), TRUE);
  add_fact (self, C_("score report", "Pass mark"), format_points (exam->pass_mark), FALSE);
  add_fact (self, C_("score report", "Result"), g_strdup (result->passed ? C_("exam result", "Passed")
                                                                         : C_("exam result", "Not passed")), TRUE);
  ((XfReportFact *)g_ptr_array_index (self->facts, self->facts->len - 1))->alert = !result->passed;
  add_fact (self, C_("score report", "Questions"), format_counts (result), FALSE);

  add_subtotals (self, attempt, result);
  for (guint i = 0; i < n; i++)
    {
      XfExamItem *item = g_ptr_array_index (attempt->paper->items, i);

      if (item->type == XF_QUESTION_FILL || item->type == XF_QUESTION_ESSAY)
        self->text_answers = TRUE;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->rows, make_row (i + 1, g_ptr_array_index (attempt->paper->items, i),
                                           g_ptr_array_index (questions, i),
                                           g_ptr_array_index (attempt->answers, i),
                                           &g_array_index (result->marks, XfExamMark, i)));
  return g_steal_pointer (&self);
}

/**
 * xf_exam_report_get_exam_title:
 *
 * Returns: the title of the exam the report is about
 */
const char *
xf_exam_report_get_exam_title (XfExamReport *self)
{
  g_return_val_if_fail (XF_IS_EXAM_REPORT (self), NULL);
  return self->exam_title;
}

/**
 * xf_exam_report_dup_file_name:
 *
 * Returns: (transfer full): a file name to suggest for the PDF:
 *   成绩单-<exam title>-<date of submission>.pdf, without characters
 *   that file systems refuse
 */
char *
xf_exam_report_dup_file_name (XfExamReport *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (XF_IS_EXAM_REPORT (self), NULL);

  title = g_strdup (self->exam_title);
  g_strdelimit (title, "/\\:*?\"<>|", '_');
  /* TRANSLATORS: the start of a score report's file name */
  return g_strdup_printf ("%s-%s-%s.pdf", C_("file name", "Score report"), title, self->date);
}

typedef struct
{
  FILE *file;
  int   errsv;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->errsv != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->errsv = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
fail_write (const char  *path,
            int          errsv,
            const char  *reason,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, errsv != 0 ? g_io_error_from_errno (errsv) : G_IO_ERROR_FAILED,
               /* TRANSLATORS: a file name, then why it could not be written */
               _("Could not write “%s”: %s"), display, errsv != 0 ? g_strerror (errsv) : reason);
  return FALSE;
}

static void
set_metadata (XfExamReport     *self,
              cairo_surface_t  *surface)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", _("Law study exam score report"), self->exam_title);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->attempt_uuid);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xuefa " PACKAGE_VERSION);
}

/* Draws every page into @file; the errno of a failed write in @errsv, or
 * cairo's reason in @reason */
static gboolean
render_pdf (XfExamReport  *self,
            FILE          *file,
            int           *errsv,
            const char   **reason)
{
  Sink sink = { file, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink,
                                                 XF_EXAM_REPORT_A4_WIDTH, XF_EXAM_REPORT_A4_HEIGHT);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  n_pages = xf_exam_report_paginate (self, cr, XF_EXAM_REPORT_A4_WIDTH, XF_EXAM_REPORT_A4_HEIGHT);
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      xf_exam_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  *errsv = sink.errsv;
  *reason = cairo_status_to_string (status);
  return status == CAIRO_STATUS_SUCCESS && sink.errsv == 0;
}

/**
 * xf_exam_report_write_pdf:
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the report as an A4 PDF. The pages go to a new file beside @path
 * that replaces @path only once it is complete and on the disk, so a
 * failed export leaves neither half a report nor a stray file.
 *
 * Returns: whether @path holds the report; otherwise a #G_IO_ERROR whose
 *   message names @path and the reason
 */
gboolean
xf_exam_report_write_pdf (XfExamReport  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  const char *reason = NULL;
  FILE *file;
  gboolean ok;
  int errsv = 0;
  int fd;

  g_return_val_if_fail (XF_IS_EXAM_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (temp, O_WRONLY, 0644);
  if (fd < 0)
    return fail_write (path, errno, NULL, error);
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      errsv = errno;
      close (fd);
      g_unlink (temp);
      return fail_write (path, errsv, NULL, error);
    }

  ok = render_pdf (self, file, &errsv, &reason);
  if (ok && fflush (file) != 0)
    ok = FALSE, errsv = errno;
  /* On the disk before it takes the name: a power cut leaves the old file */
  if (ok && fsync (fileno (file)) != 0)
    ok = FALSE, errsv = errno;
  if (!ok)
    {
      fclose (file);
      g_unlink (temp);
      return fail_write (path, errsv, reason, error);
    }
  if (fclose (file) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return fail_write (path, errsv, NULL, error);
    }
  if (g_rename (temp, path) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return fail_write (path, errsv, NULL, error);
    }
  return TRUE;
}

static void
xf_exam_report_finalize (GObject *object)
{
  XfExamReport *self = (XfExamReport *)object;

  g_free (self->exam_title);
  g_free (self->name);
  g_free (self->attempt_uuid);
  g_free (self->generated);
  g_free (self->date);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->subtotals, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (xf_exam_report_parent_class)->finalize (object);
}

static void
xf_exam_report_class_init (XfExamReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xf_exam_report_finalize;
}

static void
xf_exam_report_init (XfExamReport *self)
{
  self->facts = g_ptr_array_new_with_free_func (fact_free);
  self->subtotals = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (XfReportPage));
}
