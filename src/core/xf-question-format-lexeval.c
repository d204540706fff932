/* xf-question-format-lexeval.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xf-question-format-private.h"
#include "xf-text-decode.h"

/* LexEval (github.com/CSHaitao/LexEval) keeps its questions as JSON lines:
 * {"instruction": …, "input": "stem\nA: …\nB: …", "answer": "B"}. Its
 * 民法典 questions ask which text is a given article; the store links them
 * to that article later by the right option's text, so nothing here
 * guesses links. */

#define LEXEVAL_CATEGORY "民法典"
#define LEXEVAL_TAG      "LexEval"
#define LEXEVAL_SOURCE   "LexEval (CSHaitao/LexEval, MIT License)"
#define MAX_DEPTH        32

/* An option line starts with its letter and a colon, or the other marks
 * people put after an option's letter: "A: …", "B：…", "C. …", "D、…". */
static const char *
option_text (const char *line,
             char        expected)
{
  const char *p = line;

  if (g_ascii_toupper (*p) != expected)
    return NULL;
  p++;
  while (*p == ' ')
    p++;
  if (*p == ':' || *p == '.' || *p == ')')
    p++;
  else if (g_str_has_prefix (p, "：") || g_str_has_prefix (p, "．") || g_str_has_prefix (p, "、"))
    p += strlen ("：");
  else
    return NULL;
  return p;
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Splits "stem\nA: …\nB: …" into the stem and the options. A line that is
 * not the next option continues the stem or the option before it. */
static XfQuestion *
question_from_input (const char *input)
{
  g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (string_free);
  g_autoptr(GString) stem = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (input, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = stripped (lines[i]);
      const char *text = NULL;

      if (options->len < XF_QUESTION_MAX_OPTIONS)
        text = option_text (line, 'A' + options->len);
      if (text != NULL)
        {
          g_autofree char *option = stripped (text);

          g_ptr_array_add (options, g_string_new (option));
        }
      else if (options->len > 0)
        {
          GString *last = g_ptr_array_index (options, options->len - 1);

          if (*line != '\0')
            g_string_append_c (last, '\n');
          g_string_append (last, line);
        }
      else
        {
          if (stem->len > 0 && *line != '\0')
            g_string_append_c (stem, '\n');
          g_string_append (stem, line);
        }
    }

  {
    g_autofree char *clean = stripped (stem->str);

    xf_question_set_stem (question, clean);
  }
  for (guint i = 0; i < options->len; i++)
    xf_question_add_option (question, ((GString *)g_ptr_array_index (options, i))->str);
  return g_steal_pointer (&question);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The answer as the letters of right options, or NULL when it is anything
 * else ("B", "b", " B ", "A,C" and "AC" are letters). */
static char *
answer_letters (const char *answer,
                guint       n_options)
{
  GString *letters = g_string_new (NULL);

  for (const char *p = answer; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c >= 'A' && c < 'A' + (int)n_options && strchr (letters->str, c) == NULL)
        g_string_append_c (letters, c);
      else if (!(g_ascii_isspace (c) || c == ','))
        {
          g_string_free (letters, TRUE);
          return NULL;
        }
    }
  if (letters->len == 0)
    {
      g_string_free (letters, TRUE);
      return NULL;
    }
  return g_string_free (letters, FALSE);
}

static void
read_line (XfQuestionParse *parse,
           JsonParser      *parser,
           const char      *line,
           gsize            len,
           guint            number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XfQuestion) question = NULL;
  g_autofree char *letters = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *input;
  const char *answer;

  /* A LexEval line is one flat object; json-glib would overflow the
   * stack on a line of a million brackets */
  if (xf_json_nests_deeper (line, len, MAX_DEPTH))
    {
      xf_question_parse_add_problem (parse, number, NULL, _("This LexEval line nests too deeply"));
      return;
    }
  if (!json_parser_load_from_data (parser, line, len, &error))
    {
      xf_question_parse_add_problem (parse, number, NULL, _("This LexEval line is not JSON: %s"), error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      xf_question_parse_add_problem (parse, number, NULL, _("This LexEval line is not a JSON object"));
      return;
    }
  object = json_node_get_object (root);
  input = string_member (object, "input");
  answer = string_member (object, "answer");
  if (input == NULL)
    {
      xf_question_parse_add_problem (parse, number, NULL, _("The LexEval line has no text field “%s”"), "input");
      return;
    }
  if (answer == NULL)
    {
      xf_question_parse_add_problem (parse, number, input, _("The LexEval line has no text field “%s”"), "answer");
      return;
    }

  question = question_from_input (input);
  xf_question_set_line (question, number);
  if (xf_question_get_n_options (question) < 2)
    {
      xf_question_parse_add_problem (parse, number, input,
                                     _("The LexEval question has no options (lines such as “A: …” after the question)"));
      return;
    }
  letters = answer_letters (answer, xf_question_get_n_options (question));
  if (letters == NULL)
    {
      xf_question_parse_add_problem (parse, number, xf_question_get_stem (question),
                                     _("The LexEval answer “%s” is not one of the options"), answer);
      return;
    }

  if (strlen (letters) > 1)
    xf_question_set_question_type (question, XF_QUESTION_MULTIPLE);
  xf_question_set_answer (question, letters);
  xf_question_set_category (question, LEXEVAL_CATEGORY);
  xf_question_add_tag (question, LEXEVAL_TAG);
  xf_question_set_source (question, LEXEVAL_SOURCE);
  xf_question_parse_add (parse, g_steal_pointer (&question));
}

void
xf_question_read_lexeval (XfQuestionParse *parse,
                          const char      *text,
                          gsize            len)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *end = text + len;
  guint number = 0;

  for (const char *p = text; p < end; )
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next = eol != NULL ? eol + 1 : end;
      const char *q = p;

      if (eol == NULL)
        eol = end;
      number++;
      while (q < eol && g_ascii_isspace (*q))
        q++;
      if (q < eol)
        read_line (parse, parser, q, eol - q, number);
      p = next;
    }
}
