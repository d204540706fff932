/* xf-question-format-json.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xf-question-format-json-private.h"
#include "xf-question-format-private.h"
#include "xf-text-decode.h"

/* The native question format (docs/question-format.md): one JSON document
 * with the bank and its questions, every field of the model, so that
 * export then import is lossless. */

#define MAX_ARTICLE 9999

typedef struct
{
  XfQuestionParse *parse;
  GArray          *starts;   /* lines of the objects being parsed */
  GHashTable      *lines;    /* JsonObject → line where it starts */
} Reader;

static void
on_object_start (JsonParser *parser,
                 Reader     *reader)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (reader->starts, line);
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               Reader     *reader)
{
  guint line;

  if (reader->starts->len == 0)
    return;
  line = g_array_index (reader->starts, guint, reader->starts->len - 1);
  g_array_set_size (reader->starts, reader->starts->len - 1);
  g_hash_table_insert (reader->lines, object, GUINT_TO_POINTER (line));
}

/* Checked getters: a member of the wrong type is a problem, not a crash. */
static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char **value,
            const char **bad)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *bad = member;
      return FALSE;
    }
  *value = json_node_get_string (node);
  /* json-glib turns a lone surrogate ("\ud83d\x") into bytes that are not
   * UTF-8: keep the rest of the text readable */
  if (*value != NULL && !g_utf8_validate (*value, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*value, -1);

      json_node_set_string (node, valid);
      g_free (valid);
      *value = json_node_get_string (node);
    }
  return TRUE;
}

static gboolean
get_number (JsonObject *object,
            const char *member,
            double     *value,
            gboolean   *present,
            const char **bad)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      *bad = member;
      return FALSE;
    }
  *value = json_node_get_double (node);
  *present = TRUE;
  return TRUE;
}

/* Reads an array of strings; NULL with *bad set when it is something else. */
static GPtrArray *
get_strings (JsonObject  *object,
             const char  *member,
             const char **bad)
{
  JsonNode *node = json_object_get_member (object, member);
  GPtrArray *strings = g_ptr_array_new ();
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_ptr_array_add (strings, NULL);
      return strings;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        goto bad;
      if (!g_utf8_validate (json_node_get_string (element), -1, NULL))
        {
          char *valid = g_utf8_make_valid (json_node_get_string (element), -1);

          json_node_set_string (element, valid);
          g_free (valid);
        }
      g_ptr_array_add (strings, (gpointer)json_node_get_string (element));
    }
  g_ptr_array_add (strings, NULL);
  return strings;

bad:
  *bad = member;
  g_ptr_array_unref (strings);
  return NULL;
}

static gboolean
read_links (XfQuestion  *question,
            JsonObject  *object,
            const char **bad,
            const char **why)
{
  JsonNode *node = json_object_get_member (object, "links");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *bad = "links";
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *link;
      const char *law = NULL;
      double number = 0;
      double sub = 0;
      gboolean present = FALSE;
      gboolean sub_present = FALSE;
      const char *inner = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      link = json_node_get_object (element);
      if (!get_string (link, "law", &law, &inner) || law == NULL || *law == '\0' ||
          !get_number (link, "article", &number, &present, &inner) || !present ||
          !get_number (link, "sub", &sub, &sub_present, &inner))
        {
          *why = _("a link needs “law” (the law’s title) and “article” (its number)");
          return FALSE;
        }
      if (number < 1 || number > MAX_ARTICLE || number != (guint)number ||
          sub < 0 || sub > 99 || sub != (guint)sub)
        {
          *why = _("an article number is out of range");
          return FALSE;
        }
      xf_question_add_link (question, law, (guint)number, (guint)sub);
    }
  *bad = NULL;
  return TRUE;
}

void
xf_question_json_read_question (XfQuestionParse *parse,
                                JsonNode        *node,
                                guint            index,
                                guint            line)
{
  g_autoptr(XfQuestion) question = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) accepted = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  JsonObject *object;
  XfQuestionType type;
  const char *bad = NULL;
  const char *why = NULL;
  const char *type_name = NULL;
  const char *uuid = NULL;
  const char *title = NULL;
  const char *stem = NULL;
  const char *answer = NULL;
  const char *explanation = NULL;
  const char *category = NULL;
  const char *source = NULL;
  double difficulty = 3;
  double score = 1;
  gboolean has_difficulty;
  gboolean has_score;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      xf_question_parse_add_problem (parse, 0, NULL,
                                     _("Question %u is not a JSON object"), index + 1);
      return;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "type", &type_name, &bad) ||
      !get_string (object, "uuid", &uuid, &bad) ||
      !get_string (object, "title", &title, &bad) ||
      !get_string (object, "stem", &stem, &bad) ||
      !get_string (object, "answer", &answer, &bad) ||
      !get_string (object, "explanation", &explanation, &bad) ||
      !get_string (object, "category", &category, &bad) ||
      !get_string (object, "source", &source, &bad) ||
      !get_number (object, "difficulty", &difficulty, &has_difficulty, &bad) ||
      !get_number (object, "score", &score, &has_score, &bad) ||
      (options = get_strings (object, "options", &bad)) == NULL ||
      (accepted = get_strings (object, "accepted", &bad)) == NULL ||
      (tags = get_strings (object, "tags", &bad)) == NULL)
    {
      xf_question_parse_add_problem (parse, line, stem,
                                     _("The field “%s” has the wrong type"), bad);
      return;
    }

  if (type_name == NULL || !xf_question_type_from_string (type_name, &type))
    {
      xf_question_parse_add_problem (parse, line, stem,
                                     _("The field “type” must be single, multiple, truefalse, fill or essay"));
      return;
    }
  if (uuid != NULL && !g_uuid_string_is_valid (uuid))
    {
      xf_question_parse_add_problem (parse, line, stem,
                                     _("The field “uuid” is not a UUID"));
      return;
    }
  if (difficulty != (guint)difficulty)
    difficulty = 0;

  question = xf_question_new (type);
  xf_question_set_line (question, line);
  if (uuid != NULL)
    xf_question_set_uuid (question, uuid);
  xf_question_set_title (question, title);
  xf_question_set_stem (question, stem);
  xf_question_set_options (question, (const char * const *)options->pdata);
  xf_question_set_answer (question, answer);
  xf_question_set_accepted (question, (const char * const *)accepted->pdata);
  xf_question_set_explanation (question, explanation);
  xf_question_set_difficulty (question, difficulty >= 0 && difficulty <= 5 ? (guint)difficulty : 0);
  xf_question_set_category (question, category);
  xf_question_set_tags (question, (const char * const *)tags->pdata);
  xf_question_set_score (question, score);
  xf_question_set_source (question, source);
  if (!read_links (question, object, &bad, &why))
    {
      if (why != NULL)
        xf_question_parse_add_problem (parse, line, stem, _("The field “links”: %s"), why);
      else
        xf_question_parse_add_problem (parse, line, stem,
                                       _("The field “%s” has the wrong type"), bad);
      return;
    }

  xf_question_parse_add (parse, g_steal_pointer (&question));
}

/* The root object's format, version and bank; returns its questions, or
 * %NULL when it is not a question file (a problem says why). */
JsonArray *
xf_question_json_read_root (XfQuestionParse *parse,
                            JsonNode        *node)
{
  JsonObject *root;
  JsonObject *bank;
  const char *format = NULL;
  const char *bad = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      xf_question_parse_add_problem (parse, 1, NULL, _("The file must hold a JSON object with “questions”"));
      return NULL;
    }
  root = json_node_get_object (node);
  if (!get_string (root, "format", &format, &bad) ||
      (format != NULL && !g_str_equal (format, XF_QUESTION_FORMAT_NAME)))
    {
      xf_question_parse_add_problem (parse, 1, NULL, _("The field “format” must be “%s”"),
                                     XF_QUESTION_FORMAT_NAME);
      return NULL;
    }
  if (json_object_has_member (root, "version"))
    {
      double version = 0;
      gboolean present;

      if (!get_number (root, "version", &version, &present, &bad) || version > XF_QUESTION_FORMAT_VERSION)
        {
          xf_question_parse_add_problem (parse, 1, NULL,
                                         _("The file is in version %g of the format; this version of Xuefa reads up to %d"),
                                         version, XF_QUESTION_FORMAT_VERSION);
          return NULL;
        }
    }

  node = json_object_get_member (root, "bank");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *value;

      bank = json_node_get_object (node);
      if (get_string (bank, "title", &value, &bad) && value != NULL && *value != '\0')
        parse->bank_title = g_strdup (value);
      if (get_string (bank, "description", &value, &bad) && value != NULL)
        parse->bank_description = g_strdup (value);
      if (get_string (bank, "source", &value, &bad) && value != NULL)
        parse->bank_source = g_strdup (value);
      if (get_string (bank, "licence", &value, &bad) && value != NULL)
        parse->bank_licence = g_strdup (value);
    }

  node = json_object_get_member (root, "questions");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      xf_question_parse_add_problem (parse, 1, NULL, _("The file must hold a JSON object with “questions”"));
      return NULL;
    }
  return json_node_get_array (node);
}

/* The whole file in one tree, the line of each object remembered as
 * json-glib reads it. */
static void
read_whole (XfQuestionParse *parse,
            const char      *text,
            gsize            len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Reader reader = { parse, NULL, NULL };
  JsonArray *questions;

  reader.starts = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &reader);

  /* The format nests five deep; json-glib recurses and would overflow the
   * stack on a file of a million brackets */
  if (xf_json_nests_deeper (text, len, XF_QUESTION_JSON_MAX_DEPTH))
    {
      xf_question_parse_add_problem (parse, 1, NULL, _("The file nests arrays and objects too deeply"));
      goto out;
    }
  if (!json_parser_load_from_data (parser, text, len, &error))
    {
      xf_question_parse_add_problem (parse, json_parser_get_current_line (parser), NULL,
                                     _("This is not valid JSON: %s"), error->message);
      goto out;
    }

  questions = xf_question_json_read_root (parse, json_parser_get_root (parser));
  for (guint i = 0; questions != NULL && i < json_array_get_length (questions); i++)
    {
      JsonNode *node = json_array_get_element (questions, i);
      guint line = JSON_NODE_HOLDS_OBJECT (node)
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (reader.lines, json_node_get_object (node)))
                     : 0;

      xf_question_json_read_question (parse, node, i, line);
    }

out:
  g_array_unref (reader.starts);
  g_hash_table_unref (reader.lines);
}

void
xf_question_read_json (XfQuestionParse *parse,
                       const char      *text,
                       gsize            len)
{
  if (!xf_question_json_read_in_pieces (parse, text, len))
    read_whole (parse, text, len);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *member,
             const char * const *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* One question as the native format writes it; every field, so that
 * reading it back gives the same question. */
void
xf_question_build_json (JsonBuilder *builder,
                        XfQuestion  *question)
{
  XfQuestionType type = xf_question_get_question_type (question);

  json_builder_begin_object (builder);
  if (*xf_question_get_uuid (question) != '\0')
    add_string (builder, "uuid", xf_question_get_uuid (question));
  add_string (builder, "type", xf_question_type_to_string (type));
  if (*xf_question_get_title (question) != '\0')
    add_string (builder, "title", xf_question_get_title (question));
  add_string (builder, "stem", xf_question_get_stem (question));
  if (xf_question_get_n_options (question) > 0)
    add_strings (builder, "options", xf_question_get_options (question));
  add_string (builder, "answer", xf_question_get_answer (question));
  if (xf_question_get_accepted (question)[0] != NULL)
    add_strings (builder, "accepted", xf_question_get_accepted (question));
  add_string (builder, "explanation", xf_question_get_explanation (question));
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_int_value (builder, xf_question_get_difficulty (question));
  add_string (builder, "category", xf_question_get_category (question));
  add_strings (builder, "tags", xf_question_get_tags (question));
  json_builder_set_member_name (builder, "score");
  if (xf_question_get_score (question) == (gint64)xf_question_get_score (question))
    json_builder_add_int_value (builder, (gint64)xf_question_get_score (question));
  else
    json_builder_add_double_value (builder, xf_question_get_score (question));
  add_string (builder, "source", xf_question_get_source (question));
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      guint number;
      guint sub;
      const char *law = xf_question_get_link (question, i, &number, &sub);

      json_builder_begin_object (builder);
      add_string (builder, "law", law);
      json_builder_set_member_name (builder, "article");
      json_builder_add_int_value (builder, number);
      json_builder_set_member_name (builder, "sub");
      json_builder_add_int_value (builder, sub);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

GBytes *
xf_question_write_json (GPtrArray   *questions,
                        const char  *bank_title,
                        GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize len;

  json_builder_begin_object (builder);
  add_string (builder, "format", XF_QUESTION_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, XF_QUESTION_FORMAT_VERSION);
  json_builder_set_member_name (builder, "bank");
  json_builder_begin_object (builder);
  add_string (builder, "title", bank_title != NULL ? bank_title : "");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    xf_question_build_json (builder, g_ptr_array_index (questions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &len);
  text = g_realloc (text, len + 2);
  text[len++] = '\n';
  text[len] = '\0';
  return g_bytes_new_take (text, len);
}
