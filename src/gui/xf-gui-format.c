/* xf-gui-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "xf-gui-format.h"
#include "xf-law.h"

/* What the screens show, computed from plain values. Kept apart from the
 * widgets so that it can be tested without a display. */

typedef struct
{
  guint start;
  guint end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->end < sb->end ? -1 : (sa->end > sb->end);
}

static void
append_escaped (GString    *markup,
                const char *start,
                const char *end)
{
  g_autofree char *escaped = NULL;

  if (end <= start)
    return;
  escaped = g_markup_escape_text (start, end - start);
  g_string_append (markup, escaped);
}

/**
 * xf_format_highlight_markup:
 * @text: the text, as stored
 * @ranges: (array length=n_ranges) (nullable): what matched, [start, end) in
 *   characters; in any order, overlapping or not
 * @n_ranges: the number of pairs
 *
 * Pango markup for @text with the matched ranges in bold and highlighted.
 * Everything else is escaped, so text holding `<` or `&` shows as written.
 *
 * Returns: (transfer full): the markup
 */
char *
xf_format_highlight_markup (const char          *text,
                            const XfSearchRange *ranges,
                            guint                n_ranges)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;
  const char *run;
  guint index = 0;
  guint next = 0;
  glong n_chars;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  n_chars = g_utf8_strlen (valid, -1);

  for (guint i = 0; ranges != NULL && i < n_ranges; i++)
    {
      Span span = { ranges[i].start, ranges[i].end };

      if (span.end > (guint)n_chars)
        span.end = n_chars;
      if (span.start < span.end)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  /* Merge overlapping and touching spans so that tags never nest. */
  for (guint i = 1; i < spans->len;)
    {
      Span *prev = &g_array_index (spans, Span, i - 1);
      Span *cur = &g_array_index (spans, Span, i);

      if (cur->start <= prev->end)
        {
          prev->end = MAX (prev->end, cur->end);
          g_array_remove_index (spans, i);
        }
      else
        i++;
    }

  p = run = valid;
  while (*p != '\0')
    {
      if (next < spans->len && index == g_array_index (spans, Span, next).start)
        {
          const char *end = p;
          guint stop = g_array_index (spans, Span, next).end;

          append_escaped (markup, run, p);
          for (; index < stop && *end != '\0'; index++)
            end = g_utf8_next_char (end);
          g_string_append (markup, "<span weight=\"bold\" background=\"#f6d32d\" bgalpha=\"45%\">");
          append_escaped (markup, p, end);
          g_string_append (markup, "</span>");
          p = run = end;
          next++;
          continue;
        }
      p = g_utf8_next_char (p);
      index++;
    }
  append_escaped (markup, run, p);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/**
 * xf_search_hit_to_markup:
 *
 * Returns: (transfer full): the hit's snippet as Pango markup, the matched
 *   text highlighted
 */
char *
xf_search_hit_to_markup (XfSearchHit *hit)
{
  GArray *highlights;

  g_return_val_if_fail (XF_IS_SEARCH_HIT (hit), NULL);

  highlights = xf_search_hit_get_highlights (hit);
  return xf_format_highlight_markup (xf_search_hit_get_snippet (hit),
                                     highlights ? (const XfSearchRange *)(gpointer)highlights->data : NULL,
                                     highlights ? highlights->len : 0);
}

/**
 * xf_search_hit_dup_location:
 *
 * Returns: (transfer full): where the hit is: "行政处罚法 › 第五章 … ›
 *   第三十二条" for an article, the statute's title, or the list item's title
 */
char *
xf_search_hit_dup_location (XfSearchHit *hit)
{
  g_autofree char *short_title = NULL;

  g_return_val_if_fail (XF_IS_SEARCH_HIT (hit), NULL);

  switch (xf_search_hit_get_kind (hit))
    {
    case XF_SEARCH_HIT_ARTICLE:
      short_title = xf_law_dup_short_title (xf_search_hit_get_law_title (hit));
      return xf_format_hit_location (short_title, xf_search_hit_get_heading_path (hit),
                                     xf_search_hit_get_label (hit));
    case XF_SEARCH_HIT_LAW:
      return g_strdup (xf_search_hit_get_law_title (hit));
    case XF_SEARCH_HIT_ITEM:
    default:
      return g_strdup (xf_search_hit_get_title (hit));
    }
}

/**
 * xf_format_hit_location:
 *
 * Returns: (transfer full): where an article sits: "行政处罚法 › 第五章 … › 第三十二条"
 */
char *
xf_format_hit_location (const char *law_title,
                        const char *heading_path,
                        const char *label)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *parts[] = { law_title, heading_path, label };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (line->len > 0)
        g_string_append (line, " › ");
      g_string_append (line, parts[i]);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
xf_format_search_total (guint total)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", total), total);
}

char *
xf_format_progress_label (guint learned,
                          guint total)
{
  return g_strdup_printf (_("Learned %u of %u"), MIN (learned, total), total);
}

char *
xf_format_copied_toast (const char *citation)
{
  if (citation == NULL || citation[0] == '\0')
    return g_strdup (_("Copied"));
  return g_strdup_printf (_("Copied %s"), citation);
}

/**
 * xf_format_law_subtitle:
 *
 * Returns: (transfer full): "2021-01-22 · In force", or the status alone
 */
char *
xf_format_law_subtitle (const char *version_date,
                        const char *status_label)
{
  if (version_date == NULL || version_date[0] == '\0')
    return g_strdup (status_label ? status_label : "");
  if (status_label == NULL || status_label[0] == '\0')
    return g_strdup (version_date);
  return g_strdup_printf ("%s · %s", version_date, status_label);
}

char *
xf_format_import_summary (guint n_laws,
                          guint n_articles)
{
  g_autofree char *laws = NULL;

  /* Two plural forms in one sentence: build it from two translated halves. */
  laws = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u statute", "Imported %u statutes", n_laws),
                          n_laws);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u article", "%s, %u articles", n_articles),
                          laws, n_articles);
}

/**
 * xf_reader_scale_step:
 * @direction: 1 to enlarge, -1 to shrink, 0 to reset
 *
 * Returns: the next reader scale, within the bounds the settings allow
 */
double
xf_reader_scale_step (double scale,
                      int    direction)
{
  double next;

  if (direction == 0 || isnan (scale))
    return 1.0;

  /* Round to the step so that repeated steps never drift. */
  next = round ((scale + direction * XF_READER_SCALE_STEP) * 10.0) / 10.0;
  return CLAMP (next, XF_READER_SCALE_MIN, XF_READER_SCALE_MAX);
}

static void
append_size_rule (GString    *css,
                  const char *selector,
                  double      em)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Never the locale's decimal comma: CSS wants a point. */
  g_ascii_formatd (buf, sizeof buf, "%.3f", em);
  g_string_append_printf (css, "%s { font-size: %sem; }\n", selector, buf);
}

/**
 * xf_format_reader_css:
 *
 * The style sheet that sizes the statute text for @scale.
 *
 * Returns: (transfer full): CSS
 */
char *
xf_format_reader_css (double scale)
{
  g_autoptr(GString) css = g_string_new (NULL);

  if (isnan (scale))
    scale = 1.0;
  scale = CLAMP (scale, XF_READER_SCALE_MIN, XF_READER_SCALE_MAX);

  append_size_rule (css, ".xf-reader-text", 1.1 * scale);
  append_size_rule (css, ".xf-reader-heading", 1.25 * scale);
  append_size_rule (css, ".xf-reader-title", 1.8 * scale);
  append_size_rule (css, ".xf-reader-meta", 0.95 * scale);
  /* The study card's text reads at length too: larger still */
  append_size_rule (css, ".xf-study-text", 1.35 * scale);
  append_size_rule (css, ".xf-study-hint", 1.1 * scale);

  return g_string_free (g_steal_pointer (&css), FALSE);
}

/**
 * xf_format_citation:
 * @law_title: (nullable): the statute's full title
 * @article_label: (nullable): 第三十二条
 *
 * Returns: (transfer full): 《行政处罚法》第三十二条, 《行政处罚法》 alone, or ""
 */
char *
xf_format_citation (const char *law_title,
                    const char *article_label)
{
  g_autofree char *short_title = NULL;

  if (law_title == NULL || law_title[0] == '\0')
    return g_strdup ("");

  short_title = xf_law_dup_short_title (law_title);
  return g_strdup_printf ("《%s》%s", short_title, article_label ? article_label : "");
}

/**
 * xf_format_list_subtitle:
 * @department: (nullable): the department a department's list is for
 *
 * Returns: (transfer full): "2026 · All staff", or with the department
 */
char *
xf_format_list_subtitle (int         year,
                         const char *audience_label,
                         const char *department)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (year > 0)
    g_string_append_printf (line, "%d", year);
  if (audience_label != NULL && audience_label[0] != '\0')
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", audience_label);
  if (department != NULL && department[0] != '\0')
    g_string_append_printf (line, "%s%s", line->len ? " · " : "", department);

  return g_string_free (g_steal_pointer (&line), FALSE);
}
