/* xf-exam-stats-item.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xf-exam-format.h"
#include "xf-exam-stats-item.h"

/* One row of the item analysis: the figures xf_exam_stats_compute() gave
 * for a question, as properties the columns bind to, with the text each
 * cell shows made once here rather than in every cell. */

struct _XfExamStatsItem
{
  GObject   parent_instance;

  guint     number;
  char     *question;
  char     *stem;
  char     *type_label;
  guint     attempts;
  guint     answered;
  char     *answered_text;
  double    facility;
  char     *facility_text;
  double    discrimination;
  char     *discrimination_text;
  gboolean  negative;
  char     *flag_text;
  char     *choices;
  char     *choices_tooltip;
};

G_DEFINE_FINAL_TYPE (XfExamStatsItem, xf_exam_stats_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_QUESTION,
  PROP_STEM,
  PROP_TYPE_LABEL,
  PROP_ATTEMPTS,
  PROP_ANSWERED,
  PROP_ANSWERED_TEXT,
  PROP_FACILITY,
  PROP_FACILITY_TEXT,
  PROP_DISCRIMINATION,
  PROP_DISCRIMINATION_TEXT,
  PROP_DISCRIMINATION_KEY,
  PROP_NEGATIVE,
  PROP_FLAG_TEXT,
  PROP_CHOICES,
  PROP_CHOICES_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * xf_format_percent:
 *
 * Returns: (transfer full): 66.7%
 */
char *
xf_format_percent (double percent)
{
  /* TRANSLATORS: a percentage, as in "66.7%" */
  return g_strdup_printf (_("%.1f%%"), isfinite (percent) ? percent : 0);
}

/**
 * xf_format_discrimination:
 * @discrimination: the discrimination index × 100, or NAN
 *
 * Returns: (transfer full): −40.0%, or a dash when it is undefined
 */
char *
xf_format_discrimination (double discrimination)
{
  g_autofree char *text = NULL;

  if (isnan (discrimination))
    return g_strdup ("—");
  text = xf_format_percent (discrimination);
  /* A true minus sign reads better than a hyphen in a table of figures */
  if (text[0] == '-')
    return g_strconcat ("−", text + 1, NULL);
  return g_steal_pointer (&text);
}

/* The label of own option @o: its letter, or 对 and 错 for 判断 */
static char *
option_label (const XfExamItemStats *stats,
              guint                  o)
{
  if (stats->type == XF_QUESTION_TRUE_FALSE)
    return g_strdup (xf_format_true_false (o == 0));
  return g_strdup_printf ("%c", 'A' + o);
}

/**
 * xf_format_exam_choices:
 * @stats: a question's figures
 * @markup: whether to make Pango markup, the key in bold
 *
 * How often each option was chosen, the key marked ✓ (not by bold alone,
 * which a screen reader does not say): "A 0 · B 4 ✓ · C 1 · D 1", then
 * how many left it unanswered. Empty for questions without options.
 *
 * Returns: (transfer full): the counts
 */
char *
xf_format_exam_choices (const XfExamItemStats *stats,
                        gboolean               markup)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (stats != NULL, NULL);

  for (guint o = 0; o < stats->n_options && o < XF_QUESTION_MAX_OPTIONS; o++)
    {
      g_autofree char *label = option_label (stats, o);
      gboolean right = (stats->right & (1u << o)) != 0;
      g_autofree char *part = NULL;

      if (right)
        /* TRANSLATORS: an option of a question, the number who chose it, and a mark that it is the right one */
        part = g_strdup_printf (_("%s %u ✓"), label, stats->chosen[o]);
      else
        /* TRANSLATORS: an option of a question and the number who chose it */
        part = g_strdup_printf (_("%s %u"), label, stats->chosen[o]);
      if (out->len > 0)
        g_string_append (out, " · ");
      if (markup && right)
        {
          g_autofree char *escaped = g_markup_escape_text (part, -1);

          g_string_append_printf (out, "<b>%s</b>", escaped);
        }
      else if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (part, -1);

          g_string_append (out, escaped);
        }
      else
        g_string_append (out, part);
    }
  if (out->len > 0 && stats->unanswered > 0)
    {
      /* TRANSLATORS: how many attempts left a question unanswered */
      g_autofree char *part = g_strdup_printf (_("none %u"), stats->unanswered);
      g_autofree char *escaped = markup ? g_markup_escape_text (part, -1) : g_strdup (part);

      g_string_append (out, " · ");
      g_string_append (out, escaped);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_choices (const XfExamItemStats *stats)
{
  g_autofree char *counts = xf_format_exam_choices (stats, FALSE);

  if (counts[0] == '\0')
    return g_strdup (_("Answered in words: no options to count"));
  /* TRANSLATORS: the counts of each option chosen, then what ✓ means */
  return g_strdup_printf (_("%s\n✓ marks the right option"), counts);
}

/**
 * xf_exam_stats_item_new:
 * @stats: a question's figures
 * @number: its place in the analysis, from 1 (where it first appeared)
 *
 * Returns: (transfer full): a row of the item analysis
 */
XfExamStatsItem *
xf_exam_stats_item_new (const XfExamItemStats *stats,
                        guint                  number)
{
  XfExamStatsItem *self;

  g_return_val_if_fail (stats != NULL, NULL);

  self = g_object_new (XF_TYPE_EXAM_STATS_ITEM, NULL);
  self->number = number;
  self->question = g_strdup (stats->question);
  /* One line in the table: the cell ellipsizes, the tooltip has it all */
  self->stem = g_strdup (stats->stem != NULL ? stats->stem : "");
  self->type_label = g_strdup (xf_question_type_to_label (stats->type));
  self->attempts = stats->attempts;
  self->answered = stats->answered;
  /* TRANSLATORS: how many attempts answered a question of how many held it */
  self->answered_text = g_strdup_printf (_("%u / %u"), stats->answered, stats->attempts);
  self->facility = stats->facility;
  self->facility_text = xf_format_percent (stats->facility);
  self->discrimination = stats->discrimination;
  self->discrimination_text = xf_format_discrimination (stats->discrimination);
  self->negative = stats->negative;
  self->flag_text = g_strdup (stats->negative ? _("Discriminates negatively") : "");
  self->choices = xf_format_exam_choices (stats, TRUE);
  if (self->choices[0] == '\0')
    {
      g_free (self->choices);
      self->choices = g_strdup ("—");
    }
  self->choices_tooltip = describe_choices (stats);
  return self;
}

guint
xf_exam_stats_item_get_number (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), 0);
  return self->number;
}

const char *
xf_exam_stats_item_get_question (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), NULL);
  return self->question;
}

const char *
xf_exam_stats_item_get_stem (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), NULL);
  return self->stem;
}

double
xf_exam_stats_item_get_facility (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), 0);
  return self->facility;
}

/**
 * xf_exam_stats_item_get_discrimination:
 *
 * Returns: the discrimination index × 100, NAN when undefined
 */
double
xf_exam_stats_item_get_discrimination (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), NAN);
  return self->discrimination;
}

gboolean
xf_exam_stats_item_get_negative (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), FALSE);
  return self->negative;
}

/**
 * xf_exam_stats_item_get_choices:
 *
 * Returns: the counts of each option chosen, as Pango markup
 */
const char *
xf_exam_stats_item_get_choices (XfExamStatsItem *self)
{
  g_return_val_if_fail (XF_IS_EXAM_STATS_ITEM (self), NULL);
  return self->choices;
}

static void
xf_exam_stats_item_finalize (GObject *object)
{
  XfExamStatsItem *self = (XfExamStatsItem *)object;

  g_free (self->question);
  g_free (self->stem);
  g_free (self->type_label);
  g_free (self->answered_text);
  g_free (self->facility_text);
  g_free (self->discrimination_text);
  g_free (self->flag_text);
  g_free (self->choices);
  g_free (self->choices_tooltip);

  G_OBJECT_CLASS (xf_exam_stats_item_parent_class)->finalize (object);
}

static void
xf_exam_stats_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XfExamStatsItem *self = XF_EXAM_STATS_ITEM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    case PROP_STEM:
      g_value_set_string (value, self->stem);
      break;
    case PROP_TYPE_LABEL:
      g_value_set_string (value, self->type_label);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_ANSWERED:
      g_value_set_uint (value, self->answered);
      break;
    case PROP_ANSWERED_TEXT:
      g_value_set_string (value, self->answered_text);
      break;
    case PROP_FACILITY:
      g_value_set_double (value, self->facility);
      break;
    case PROP_FACILITY_TEXT:
      g_value_set_string (value, self->facility_text);
      break;
    case PROP_DISCRIMINATION:
      g_value_set_double (value, self->discrimination);
      break;
    case PROP_DISCRIMINATION_TEXT:
      g_value_set_string (value, self->discrimination_text);
      break;
    case PROP_DISCRIMINATION_KEY:
      /* Undefined after every figure, so that sorting up brings the
       * most negative first */
      g_value_set_double (value, isnan (self->discrimination) ? G_MAXDOUBLE : self->discrimination);
      break;
    case PROP_NEGATIVE:
      g_value_set_boolean (value, self->negative);
      break;
    case PROP_FLAG_TEXT:
      g_value_set_string (value, self->flag_text);
      break;
    case PROP_CHOICES:
      g_value_set_string (value, self->choices);
      break;
    case PROP_CHOICES_TOOLTIP:
      g_value_set_string (value, self->choices_tooltip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
uint_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
double_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
xf_exam_stats_item_class_init (XfExamStatsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_exam_stats_item_finalize;
  object_class->get_property = xf_exam_stats_item_get_property;

  properties[PROP_NUMBER] = uint_property ("number");
  properties[PROP_QUESTION] = string_property ("question");
  properties[PROP_STEM] = string_property ("stem");
  properties[PROP_TYPE_LABEL] = string_property ("type-label");
  properties[PROP_ATTEMPTS] = uint_property ("attempts");
  properties[PROP_ANSWERED] = uint_property ("answered");
  properties[PROP_ANSWERED_TEXT] = string_property ("answered-text");
  properties[PROP_FACILITY] = double_property ("facility");
  properties[PROP_FACILITY_TEXT] = string_property ("facility-text");
  /* NAN when undefined */
  properties[PROP_DISCRIMINATION] = double_property ("discrimination");
  properties[PROP_DISCRIMINATION_TEXT] = string_property ("discrimination-text");
  /* What the column sorts by: NAN compares neither below nor above */
  properties[PROP_DISCRIMINATION_KEY] = double_property ("discrimination-key");
  properties[PROP_NEGATIVE] = g_param_spec_boolean ("negative", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAG_TEXT] = string_property ("flag-text");
  properties[PROP_CHOICES] = string_property ("choices");
  properties[PROP_CHOICES_TOOLTIP] = string_property ("choices-tooltip");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_exam_stats_item_init (XfExamStatsItem *self)
{
}
