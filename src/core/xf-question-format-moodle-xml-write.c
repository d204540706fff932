/* xf-question-format-moodle-xml-write.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "xf-question-format-moodle-xml-private.h"
#include "xf-question-format-private.h"

/* Writing Moodle XML the way Moodle's own export writes it, so that Moodle
 * imports the file as it is and our reader gets the same questions back.
 *
 * Fractions: a single-choice question gives 100 to its right option and 0
 * to the others; a multiple-choice one shares 100 among its right options
 * (50, 33.33333, 25 …: all grades Moodle offers) and takes 100 for a wrong
 * one, so that ticking everything earns nothing, as in a paper exam. */

static void
indent (GString *out,
        guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* <element><text>plain text</text></element> */
static void
append_plain_element (GString    *out,
                      guint       level,
                      const char *element,
                      const char *attributes,
                      const char *text)
{
  indent (out, level);
  g_string_append_printf (out, "<%s%s>\n", element, attributes);
  indent (out, level + 1);
  g_string_append (out, "<text>");
  xf_moodle_append_text (out, text);
  g_string_append (out, "</text>\n");
  indent (out, level);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_autoptr(GString) html = g_string_new (NULL);

  g_string_append (out, "<text>");
  if (*text != '\0')
    {
      xf_moodle_append_html (html, text);
      xf_moodle_append_cdata (out, html->str);
    }
  g_string_append (out, "</text>");
}

/* <element format="html"><text><![CDATA[HTML]]></text></element> */
static void
append_html_element (GString    *out,
                     guint       level,
                     const char *element,
                     const char *text)
{
  indent (out, level);
  g_string_append_printf (out, "<%s format=\"html\">\n", element);
  indent (out, level + 1);
  append_html_text (out, text);
  g_string_append_c (out, '\n');
  indent (out, level);
  g_string_append_printf (out, "</%s>\n", element);
}

/* Moodle writes "1.0000000"; a score that does not fit is written whole. */
static void
append_number (GString *out,
               double   value,
               const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
}

static void
append_category (GString    *out,
                 const char *category)
{
  g_autofree char *path = g_strconcat ("$course$/top", *category != '\0' ? "/" : "", category, NULL);

  g_string_append (out, "  <question type=\"category\">\n");
  append_plain_element (out, 2, "category", "", path);
  g_string_append (out, "  </question>\n");
}

static void
append_answer (GString    *out,
               double      fraction,
               const char *format,
               const char *text,
               gboolean    html)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.7g", fraction);
  g_string_append_printf (out, "    <answer fraction=\"%s\" format=\"%s\">\n      ", buffer, format);
  if (html)
    append_html_text (out, text);
  else
    {
      g_string_append (out, "<text>");
      xf_moodle_append_text (out, text);
      g_string_append (out, "</text>");
    }
  g_string_append (out, "\n    </answer>\n");
}

static void
append_choices (GString    *out,
                XfQuestion *question)
{
  gboolean single = xf_question_get_question_type (question) == XF_QUESTION_SINGLE;
  guint n_right = strlen (xf_question_get_answer (question));

  g_string_append_printf (out, "    <single>%s</single>\n", single ? "true" : "false");
  g_string_append (out, "    <shuffleanswers>false</shuffleanswers>\n");
  g_string_append (out, "    <answernumbering>ABCD</answernumbering>\n");
  for (guint i = 0; i < xf_question_get_n_options (question); i++)
    {
      double fraction;

      if (xf_question_option_is_correct (question, i))
        fraction = single ? 100.0 : 100.0 / MAX (n_right, 1);
      else
        fraction = single ? 0.0 : -100.0;
      append_answer (out, fraction, "html", xf_question_get_option (question, i), TRUE);
    }
}

static void
append_question (GString    *out,
                 XfQuestion *question)
{
  static const char * const types[] = {
    [XF_QUESTION_SINGLE] = "multichoice",
    [XF_QUESTION_MULTIPLE] = "multichoice",
    [XF_QUESTION_TRUE_FALSE] = "truefalse",
    [XF_QUESTION_FILL] = "shortanswer",
    [XF_QUESTION_ESSAY] = "essay",
  };
  XfQuestionType type = xf_question_get_question_type (question);
  const char *title = xf_question_get_title (question);
  g_autofree char *name = NULL;
  const char * const *items;

  G_STATIC_ASSERT (G_N_ELEMENTS (types) == XF_QUESTION_N_TYPES);

  name = *title != '\0' ? g_strdup (title) : xf_moodle_default_name (xf_question_get_stem (question));

  g_string_append_printf (out, "  <question type=\"%s\">\n", types[type]);
  append_plain_element (out, 2, "name", "", name);
  append_html_element (out, 2, "questiontext", xf_question_get_stem (question));
  append_html_element (out, 2, "generalfeedback", xf_question_get_explanation (question));
  g_string_append (out, "    <defaultgrade>");
  append_number (out, xf_question_get_score (question), "%.7f");
  g_string_append (out, "</defaultgrade>\n");
  if (*xf_question_get_uuid (question) != '\0')
    {
      g_string_append (out, "    <idnumber>");
      xf_moodle_append_text (out, xf_question_get_uuid (question));
      g_string_append (out, "</idnumber>\n");
    }

  switch (type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      append_choices (out, question);
      break;

    case XF_QUESTION_TRUE_FALSE:
      {
        gboolean value = g_str_equal (xf_question_get_answer (question), "T");

        append_answer (out, value ? 100.0 : 0.0, "moodle_auto_format", "true", FALSE);
        append_answer (out, value ? 0.0 : 100.0, "moodle_auto_format", "false", FALSE);
      }
      break;

    case XF_QUESTION_FILL:
      g_string_append (out, "    <usecase>0</usecase>\n");
      items = xf_question_get_accepted (question);
      for (guint i = 0; items[i] != NULL; i++)
        append_answer (out, 100.0, "moodle_auto_format", items[i], FALSE);
      break;

    case XF_QUESTION_ESSAY:
      g_string_append (out,
                       "    <responseformat>editor</responseformat>\n"
                       "    <responserequired>1</responserequired>\n"
                       "    <responsefieldlines>15</responsefieldlines>\n"
                       "    <attachments>0</attachments>\n"
                       "    <attachmentsrequired>0</attachmentsrequired>\n");
      append_html_element (out, 2, "graderinfo", xf_question_get_answer (question));
      append_html_element (out, 2, "responsetemplate", "");
      break;

    default:
      g_assert_not_reached ();
    }

  items = xf_question_get_tags (question);
  if (items[0] != NULL)
    {
      g_string_append (out, "    <tags>\n");
      for (guint i = 0; items[i] != NULL; i++)
        {
          g_string_append (out, "      <tag><text>");
          xf_moodle_append_text (out, items[i]);
          g_string_append (out, "</text></tag>\n");
        }
      g_string_append (out, "    </tags>\n");
    }
  g_string_append (out, "  </question>\n");
}

GBytes *
xf_question_write_moodle_xml (GPtrArray   *questions,
                              const char  *bank_title,
                              GError     **error)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
  const char *category = "";

  g_return_val_if_fail (questions != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      /* Every question goes where the category question before it says */
      if (!g_str_equal (xf_question_get_category (question), category))
        {
          category = xf_question_get_category (question);
          append_category (out, category);
        }
      append_question (out, question);
    }
  g_string_append (out, "</quiz>\n");

  return g_string_free_to_bytes (out);
}
