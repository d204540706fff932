/* xf-exam-report-draw.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "xf-exam-report-private.h"

/* The pages of a 成绩单: a title, the facts of the attempt in a ruled
 * table, the points by question type, then one row a question, the
 * table's header repeated at the top of every page, and a footer with
 * the page number and the attempt's UUID for reference.
 *
 * Every block is laid out by one function that measures it and, when the
 * pen draws, draws it: pagination and drawing cannot disagree about a
 * height. Units are PostScript points (PDF surfaces, and GtkPrintContext
 * with GTK_UNIT_POINTS); Pango runs at 72 dpi so a font size in points is
 * that many units, without hinting, so what was measured is what is drawn. */

/* CJK first: Latin falls back to them well, the reverse looks patched */
#define FAMILY "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,sans-serif"

#define MARGIN_X       56.0  /* about 20 mm */
#define MARGIN_TOP     52.0
#define MARGIN_BOTTOM  64.0  /* the footer sits in it */
#define PAD_X          4.0
#define PAD_Y          3.5
#define SECTION_GAP    16.0
#define LINE           0.5   /* table rules */

#define STEM_LINES     2
#define ANSWER_LINES   6

typedef struct
{
  double         size;
  gboolean       bold;
  double         gray;        /* of the text: 0 black */
  int            max_lines;   /* 0: as many as it takes */
  PangoAlignment align;
} Style;

static const Style title_style = { 19, TRUE, 0, 0, PANGO_ALIGN_CENTER };
static const Style subtitle_style = { 12, FALSE, 0.1, 0, PANGO_ALIGN_CENTER };
static const Style heading_style = { 10.5, TRUE, 0, 0, PANGO_ALIGN_LEFT };
static const Style label_style = { 9.5, FALSE, 0.2, 0, PANGO_ALIGN_CENTER };
static const Style value_style = { 9.5, FALSE, 0, 0, PANGO_ALIGN_LEFT };
static const Style strong_style = { 11, TRUE, 0, 0, PANGO_ALIGN_LEFT };
static const Style head_cell_style = { 8.5, TRUE, 0.1, 0, PANGO_ALIGN_CENTER };
static const Style cell_style = { 8.5, FALSE, 0, 0, PANGO_ALIGN_CENTER };
static const Style bold_cell_style = { 8.5, TRUE, 0, 0, PANGO_ALIGN_CENTER };
static const Style stem_style = { 8.5, FALSE, 0.15, STEM_LINES, PANGO_ALIGN_LEFT };
static const Style answer_style = { 8.5, FALSE, 0, ANSWER_LINES, PANGO_ALIGN_LEFT };
static const Style dim_cell_style = { 8.5, FALSE, 0.45, ANSWER_LINES, PANGO_ALIGN_LEFT };
static const Style note_style = { 8, FALSE, 0.3, 0, PANGO_ALIGN_LEFT };
static const Style running_style = { 8, FALSE, 0.35, 1, PANGO_ALIGN_LEFT };
static const Style page_style = { 8.5, FALSE, 0.2, 1, PANGO_ALIGN_CENTER };
static const Style reference_style = { 7, FALSE, 0.4, 1, PANGO_ALIGN_CENTER };

static const double label_fill[] = { 0.93, 0.93, 0.93 };
static const double head_fill[] = { 0.88, 0.88, 0.88 };
static const double wrong_fill[] = { 0.99, 0.89, 0.89 };
static const double partial_fill[] = { 1.0, 0.95, 0.84 };
static const double alert_ink[] = { 0.70, 0.06, 0.06 };
static const double partial_ink[] = { 0.55, 0.33, 0.0 };

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  gboolean      draw;
  double        left;
  double        width;   /* of the text area */
  double        height;  /* of the page */
} Pen;

/* The detail table's columns, as shares of the text area's width: letters
 * and 对/错 need little room, written answers more */
enum { COL_NUMBER, COL_TYPE, COL_STEM, COL_ANSWER, COL_KEY, COL_POINTS, COL_VERDICT, N_COLS };
static const double choice_shares[N_COLS] = { 0.058, 0.08, 0.447, 0.10, 0.10, 0.11, 0.105 };
static const double text_shares[N_COLS] = { 0.058, 0.08, 0.327, 0.16, 0.16, 0.11, 0.105 };

static void
pen_init (Pen     *pen,
          cairo_t *cr,
          gboolean draw,
          double   width,
          double   height)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  pen->cr = cr;
  pen->draw = draw;
  pen->left = MARGIN_X;
  pen->width = width - 2 * MARGIN_X;
  pen->height = height;
  pen->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (pen->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pen->context, options);
  cairo_font_options_destroy (options);
}

static void
pen_clear (Pen *pen)
{
  g_clear_object (&pen->context);
}

static PangoLayout *
pen_layout (Pen         *pen,
            const char  *text,
            const Style *style,
            double       width)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  PangoFontDescription *font = pango_font_description_from_string (FAMILY);

  pango_font_description_set_size (font, (int)(style->size * PANGO_SCALE));
  if (style->bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->align);
  if (style->max_lines > 0)
    {
      pango_layout_set_height (layout, -style->max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

static void
show_layout (Pen          *pen,
             PangoLayout  *layout,
             double        x,
             double        y,
             double        gray,
             const double *ink)
{
  if (ink != NULL)
    cairo_set_source_rgb (pen->cr, ink[0], ink[1], ink[2]);
  else
    cairo_set_source_rgb (pen->cr, gray, gray, gray);
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
}

/* A paragraph across @width from @x; returns its height */
static double
paragraph (Pen         *pen,
           double       x,
           double       y,
           double       width,
           const char  *text,
           const Style *style)
{
  g_autoptr(PangoLayout) layout = pen_layout (pen, text, style, width);

  if (pen->draw)
    show_layout (pen, layout, x, y, style->gray, NULL);
  return layout_height (layout);
}

static void
hrule (Pen    *pen,
       double  y,
       double  line_width)
{
  if (!pen->draw)
    return;
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_set_line_width (pen->cr, line_width);
  cairo_move_to (pen->cr, pen->left, y);
  cairo_line_to (pen->cr, pen->left + pen->width, y);
  cairo_stroke (pen->cr);
}

typedef struct
{
  const char   *text;
  const Style  *style;
  const double *fill;
  const double *ink;
} Cell;

/* One row of ruled cells; returns its height */
static double
table_row (Pen          *pen,
           double        y,
           const double *widths,
           const Cell   *cells,
           guint         n_cells)
{
  PangoLayout *layouts[N_COLS];
  double heights[N_COLS];
  double row_height = 0;
  double x = pen->left;

  g_assert (n_cells <= N_COLS);

  for (guint i = 0; i < n_cells; i++)
    {
      layouts[i] = pen_layout (pen, cells[i].text, cells[i].style, widths[i] - 2 * PAD_X);
      heights[i] = layout_height (layouts[i]);
      row_height = MAX (row_height, heights[i] + 2 * PAD_Y);
    }

  for (guint i = 0; i < n_cells; i++)
    {
      if (pen->draw)
        {
          if (cells[i].fill != NULL)
            {
              cairo_set_source_rgb (pen->cr, cells[i].fill[0], cells[i].fill[1], cells[i].fill[2]);
              cairo_rectangle (pen->cr, x, y, widths[i], row_height);
              cairo_fill (pen->cr);
            }
          show_layout (pen, layouts[i], x + PAD_X, y + (row_height - heights[i]) / 2,
                       cells[i].style->gray, cells[i].ink);
          cairo_set_source_rgb (pen->cr, 0.25, 0.25, 0.25);
          cairo_set_line_width (pen->cr, LINE);
          cairo_rectangle (pen->cr, x, y, widths[i], row_height);
          cairo_stroke (pen->cr);
        }
      x += widths[i];
      g_object_unref (layouts[i]);
    }
  return row_height;
}

static double
facts_table (Pen          *pen,
             XfExamReport *self,
             double        y)
{
  double label_width = MIN (72, pen->width / 6);
  double value_width = (pen->width - 2 * label_width) / 2;
  double widths[] = { label_width, value_width, label_width, value_width };
  double top = y;

  for (guint i = 0; i < self->facts->len; i += 2)
    {
      Cell cells[4] = { { 0, } };

      for (guint j = 0; j < 2 && i + j < self->facts->len; j++)
        {
          XfReportFact *fact = g_ptr_array_index (self->facts, i + j);

          cells[2 * j] = (Cell) { fact->label, &label_style, label_fill, NULL };
          cells[2 * j + 1] = (Cell) { fact->value, fact->strong ? &strong_style : &value_style, NULL,
                                      fact->alert ? alert_ink : NULL };
        }
      for (guint j = 0; j < 4; j++)
        if (cells[j].style == NULL)
          cells[j] = (Cell) { "", &value_style, NULL, NULL };
      y += table_row (pen, y, widths, cells, 4);
    }
  return y - top;
}

static double
subtotals_table (Pen          *pen,
                 XfExamReport *self,
                 double        y)
{
  const char *heads[] = {
    C_("score report", "Question type"), C_("score report", "Questions asked"),
    C_("score report", "Answered right"), C_("score report", "Points earned"),
    C_("score report", "Points possible"),
  };
  double widths[5];
  Cell cells[5];
  double top = y;

  for (guint i = 0; i < 5; i++)
    {
      widths[i] = pen->width / 5;
      cells[i] = (Cell) { heads[i], &head_cell_style, head_fill, NULL };
    }
  y += table_row (pen, y, widths, cells, 5);

  for (guint i = 0; i < self->subtotals->len; i++)
    {
      char **line = g_ptr_array_index (self->subtotals, i);
      gboolean last = i + 1 == self->subtotals->len;

      for (guint j = 0; j < 5; j++)
        cells[j] = (Cell) { line[j], last ? &bold_cell_style : &cell_style, last ? label_fill : NULL, NULL };
      y += table_row (pen, y, widths, cells, 5);
    }
  return y - top;
}

/* The title, the facts and the points by type: the top of the first page */
static double
front_matter (Pen          *pen,
              XfExamReport *self,
              double        y)
{
  g_autoptr(PangoLayout) title = pen_layout (pen, _("Law study exam score report"), &title_style, pen->width);
  g_autoptr(PangoAttrList) spacing = pango_attr_list_new ();
  double top = y;

  /* Spaced out, as the title of an official form is */
  pango_attr_list_insert (spacing, pango_attr_letter_spacing_new (4 * PANGO_SCALE));
  pango_layout_set_attributes (title, spacing);
  /* The spacing follows the last character too: half of it each side */
  if (pen->draw)
    show_layout (pen, title, pen->left + 2, y, title_style.gray, NULL);
  y += layout_height (title) + 4;
  y += paragraph (pen, pen->left, y, pen->width, self->exam_title, &subtitle_style) + 8;
  hrule (pen, y, 1.4);
  hrule (pen, y + 2.5, 0.5);
  y += 2.5 + 12;

  y += facts_table (pen, self, y) + SECTION_GAP;
  y += paragraph (pen, pen->left, y, pen->width, C_("score report", "Points by question type"), &heading_style) + 6;
  y += subtotals_table (pen, self, y);
  return y - top;
}

static double
running_header (Pen          *pen,
                XfExamReport *self,
                double        y)
{
  g_autofree char *title = g_strdup_printf ("%s · %s", _("Law study exam score report"), self->exam_title);
  Style right = running_style;
  double height;

  right.align = PANGO_ALIGN_RIGHT;
  height = paragraph (pen, pen->left, y, pen->width * 0.72, title, &running_style);
  paragraph (pen, pen->left + pen->width * 0.72, y, pen->width * 0.28, self->name, &right);
  hrule (pen, y + height + 3, 0.5);
  return height + 3 + 10;
}

static double
detail_heading (Pen  *pen,
                double y)
{
  return paragraph (pen, pen->left, y, pen->width, C_("score report", "Answers question by question"),
                    &heading_style) + 6;
}

static void
detail_widths (Pen          *pen,
               XfExamReport *self,
               double       *widths)
{
  const double *shares = self->text_answers ? text_shares : choice_shares;

  for (guint i = 0; i < N_COLS; i++)
    widths[i] = pen->width * shares[i];
}

static double
detail_header (Pen          *pen,
               XfExamReport *self,
               double        y)
{
  const char *heads[N_COLS] = {
    C_("score report", "No."), C_("score report", "Type"), C_("score report", "Question"),
    C_("score report", "Answer given"), C_("score report", "Right answer"),
    C_("score report", "Points"), C_("score report", "Verdict"),
  };
  double widths[N_COLS];
  Cell cells[N_COLS];

  detail_widths (pen, self, widths);
  for (guint i = 0; i < N_COLS; i++)
    cells[i] = (Cell) { heads[i], &head_cell_style, head_fill, NULL };
  return table_row (pen, y, widths, cells, N_COLS);
}

static const char *
verdict_text (XfReportVerdict verdict)
{
  switch (verdict)
    {
    case XF_REPORT_RIGHT:
      return C_("score report", "Right");
    case XF_REPORT_PARTIAL:
      return C_("score report", "Partly right");
    case XF_REPORT_WRONG:
      return C_("score report", "Wrong");
    case XF_REPORT_UNANSWERED:
      return C_("score report", "Not answered");
    case XF_REPORT_PENDING:
    default:
      return C_("score report", "To be graded");
    }
}

static double
detail_row (Pen          *pen,
            XfExamReport *self,
            XfReportRow  *row,
            double        y)
{
  gboolean missed = row->verdict == XF_REPORT_WRONG || row->verdict == XF_REPORT_UNANSWERED;
  const double *fill = missed ? wrong_fill : row->verdict == XF_REPORT_PARTIAL ? partial_fill : NULL;
  const double *ink = missed ? alert_ink : row->verdict == XF_REPORT_PARTIAL ? partial_ink : NULL;
  double widths[N_COLS];
  Cell cells[N_COLS] = {
    { row->number, &cell_style, fill, NULL },
    { row->type, &cell_style, fill, NULL },
    { row->stem, &stem_style, fill, NULL },
    { row->answer, row->verdict == XF_REPORT_UNANSWERED ? &dim_cell_style : &answer_style, fill, NULL },
    { row->key, &answer_style, fill, NULL },
    { row->points, &cell_style, fill, NULL },
    { verdict_text (row->verdict), ink != NULL ? &bold_cell_style : &cell_style, fill, ink },
  };

  detail_widths (pen, self, widths);
  return table_row (pen, y, widths, cells, N_COLS);
}

static double
notes (Pen          *pen,
       XfExamReport *self,
       double        y)
{
  const char *text;

  if (self->n_pending > 0)
    text = _("Points are given as earned / possible; questions answered wrong or not at all are shaded. "
             "Options are lettered as they were shown in this attempt. Essay questions are graded by hand "
             "and count no points until they are.");
  else
    text = _("Points are given as earned / possible; questions answered wrong or not at all are shaded. "
             "Options are lettered as they were shown in this attempt.");
  return paragraph (pen, pen->left, y + 8, pen->width, text, &note_style) + 8;
}

static void
footer (Pen          *pen,
        XfExamReport *self,
        guint         page,
        guint         n_pages)
{
  /* TRANSLATORS: the footer of a printed page */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  /* TRANSLATORS: the attempt's UUID, then when the report was made */
  g_autofree char *reference = g_strdup_printf (_("Attempt %s · made %s"), self->attempt_uuid, self->generated);
  double y = pen->height - MARGIN_BOTTOM + 18;

  y += paragraph (pen, pen->left, y, pen->width, number, &page_style) + 2;
  paragraph (pen, pen->left, y, pen->width, reference, &reference_style);
}

static double
body_bottom (Pen *pen)
{
  return pen->height - MARGIN_BOTTOM;
}

/**
 * xf_exam_report_paginate:
 * @cr: a context to measure text with: that of the surface drawn on
 * @width: of a page, in the units of @cr (points)
 * @height: of a page
 *
 * Lays the report out on pages of @width × @height: the facts and the
 * points by type on the first, then the questions, a row never split,
 * the table's header at the top of each page.
 *
 * Returns: the number of pages, at least 1
 */
guint
xf_exam_report_paginate (XfExamReport *self,
                         cairo_t      *cr,
                         double        width,
                         double        height)
{
  XfReportPage page = { TRUE, FALSE, 0, 0, FALSE };
  double bottom, header, heading, top, y, notes_height;
  Pen pen;

  g_return_val_if_fail (XF_IS_EXAM_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  g_array_set_size (self->pages, 0);
  pen_init (&pen, cr, FALSE, width, height);
  bottom = body_bottom (&pen);
  header = detail_header (&pen, self, 0);
  heading = detail_heading (&pen, 0);
  top = MARGIN_TOP + running_header (&pen, self, MARGIN_TOP);
  notes_height = notes (&pen, self, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      XfReportRow *row = g_ptr_array_index (self->rows, i);

      row->height = detail_row (&pen, self, row, 0);
    }

  y = MARGIN_TOP + front_matter (&pen, self, MARGIN_TOP) + SECTION_GAP;
  /* The table starts on the first page only if a row of it fits there */
  if (self->rows->len > 0 &&
      y + heading + header + ((XfReportRow *)g_ptr_array_index (self->rows, 0))->height > bottom)
    {
      g_array_append_val (self->pages, page);
      page = (XfReportPage) { FALSE, FALSE, 0, 0, FALSE };
      y = top;
    }
  page.heading = TRUE;
  y += heading + header;

  for (guint i = 0; i < self->rows->len; i++)
    {
      XfReportRow *row = g_ptr_array_index (self->rows, i);

      if (y + row->height > bottom && page.n_rows > 0)
        {
          g_array_append_val (self->pages, page);
          page = (XfReportPage) { FALSE, FALSE, i, 0, FALSE };
          y = top + header;
        }
      page.n_rows++;
      y += row->height;
    }

  if (y + notes_height > bottom && page.n_rows > 0)
    {
      g_array_append_val (self->pages, page);
      page = (XfReportPage) { FALSE, FALSE, self->rows->len, 0, FALSE };
    }
  page.notes = TRUE;
  g_array_append_val (self->pages, page);

  pen_clear (&pen);
  return self->pages->len;
}

/**
 * xf_exam_report_get_n_pages:
 *
 * Returns: the number of pages of the last xf_exam_report_paginate(), 0
 *   before it
 */
guint
xf_exam_report_get_n_pages (XfExamReport *self)
{
  g_return_val_if_fail (XF_IS_EXAM_REPORT (self), 0);
  return self->pages->len;
}

/**
 * xf_exam_report_draw_page:
 * @cr: where to draw, its origin at the page's top left corner, in points
 * @page: from 0, below xf_exam_report_get_n_pages()
 *
 * Draws one page as xf_exam_report_paginate() laid it out.
 */
void
xf_exam_report_draw_page (XfExamReport *self,
                          cairo_t      *cr,
                          guint         page)
{
  XfReportPage *layout;
  double y = MARGIN_TOP;
  Pen pen;

  g_return_if_fail (XF_IS_EXAM_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  layout = &g_array_index (self->pages, XfReportPage, page);
  cairo_save (cr);
  pen_init (&pen, cr, TRUE, self->width, self->height);

  if (layout->front)
    y += front_matter (&pen, self, y) + SECTION_GAP;
  else
    y += running_header (&pen, self, y);
  if (layout->heading)
    y += detail_heading (&pen, y);
  if (layout->heading || layout->n_rows > 0)
    y += detail_header (&pen, self, y);
  for (guint i = layout->first_row; i < layout->first_row + layout->n_rows && i < self->rows->len; i++)
    y += detail_row (&pen, self, g_ptr_array_index (self->rows, i), y);
  if (layout->notes)
    notes (&pen, self, y);
  footer (&pen, self, page, self->pages->len);

  pen_clear (&pen);
  cairo_restore (cr);
}
