/* xf-exam-paper-json.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-exam-json-private.h"

/* A drawn paper as the database keeps it with its attempt: one compact
 * JSON array, a question a element,
 *
 *   [{"q":"<uuid>","v":2,"t":"single","s":1.5,"o":[3,0,2,1]}, …]
 *
 * q the question's UUID, v the version drawn, t its type, s its score on
 * this paper, o the order its options are shown in (shown option i is the
 * question's option o[i]; only for questions with options). The text is
 * written by Xuefa, but a damaged database must not crash it: every
 * member is checked. */

static gboolean
read_order (JsonNode   *node,
            XfExamItem *item)
{
  JsonArray *array;
  guint seen = 0;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  item->n_options = json_array_get_length (array);
  if (item->n_options < 1 || item->n_options > XF_QUESTION_MAX_OPTIONS)
    return FALSE;
  for (guint i = 0; i < item->n_options; i++)
    {
      guint index;

      /* A permutation: each option once */
      if (!xf_exam_json_get_whole (json_array_get_element (array, i), &index) ||
          index >= item->n_options || (seen & (1u << index)) != 0)
        return FALSE;
      seen |= 1u << index;
      item->order[i] = index;
    }
  return TRUE;
}

static XfExamItem *
read_item (JsonNode  *node,
           guint      index,
           GError   **error)
{
  XfExamItem *item;
  JsonObject *object;
  JsonNode *member;
  const char *bad = NULL;
  const char *question;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      xf_exam_set_invalid (error, _("Question %u of the paper is not a JSON object"), index + 1);
      return NULL;
    }
  object = json_node_get_object (node);

  item = g_new0 (XfExamItem, 1);
  if ((member = json_object_get_member (object, "q")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    bad = "q";
  else if ((member = json_object_get_member (object, "v")) == NULL ||
           !xf_exam_json_get_whole (member, &item->version))
    bad = "v";
  else if ((member = json_object_get_member (object, "t")) == NULL ||
           !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    bad = "t";
  else if ((member = json_object_get_member (object, "s")) == NULL ||
           !xf_exam_json_get_number (member, &item->score) || item->score < 0)
    bad = "s";
  if (bad != NULL)
    {
      xf_exam_set_invalid (error, _("Question %u of the paper: “%s” is missing or wrong"), index + 1, bad);
      xf_exam_item_free (item);
      return NULL;
    }

  question = json_object_get_string_member (object, "q");
  type = json_object_get_string_member (object, "t");
  if (!g_uuid_string_is_valid (question))
    {
      xf_exam_set_invalid (error, _("Question %u of the paper: “q” is not a UUID"), index + 1);
      xf_exam_item_free (item);
      return NULL;
    }
  item->question = g_strdup (question);

  /* The names Xuefa writes, and no others */
  for (item->type = 0; item->type < XF_QUESTION_N_TYPES; item->type++)
    if (g_str_equal (type, xf_question_type_to_string (item->type)))
      break;
  if (item->type == XF_QUESTION_N_TYPES)
    {
      xf_exam_set_invalid (error, _("Question %u of the paper: “t” is not a question type"), index + 1);
      xf_exam_item_free (item);
      return NULL;
    }

  member = json_object_get_member (object, "o");
  if (member != NULL && !read_order (member, item))
    {
      xf_exam_set_invalid (error, _("Question %u of the paper: “o” must show 1 to %d options, each once"),
                           index + 1, XF_QUESTION_MAX_OPTIONS);
      xf_exam_item_free (item);
      return NULL;
    }

  return item;
}

/**
 * xf_exam_paper_from_json:
 * @text: a paper as xf_exam_paper_to_json() writes it, ending in a NUL
 * @error: XF_EXAM_ERROR_INVALID saying what is wrong
 *
 * Returns: (transfer full) (nullable): the paper
 */
XfExamPaper *
xf_exam_paper_from_json (const char  *text,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XfExamPaper) paper = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = xf_exam_json_parse (text, strlen (text), parser, TRUE, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      xf_exam_set_invalid (error, _("The paper must be a JSON array of questions"));
      return NULL;
    }

  array = json_node_get_array (root);
  paper = xf_exam_paper_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      XfExamItem *item = read_item (json_array_get_element (array, i), i, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (paper->items, item);
    }
  return g_steal_pointer (&paper);
}

/**
 * xf_exam_paper_to_json:
 * @paper: a paper
 *
 * Returns: (transfer full): the paper as one line of JSON, read back the
 *   same by xf_exam_paper_from_json()
 */
char *
xf_exam_paper_to_json (XfExamPaper *paper)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (paper != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < paper->items->len; i++)
    {
      XfExamItem *item = g_ptr_array_index (paper->items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "q");
      json_builder_add_string_value (builder, item->question != NULL ? item->question : "");
      json_builder_set_member_name (builder, "v");
      json_builder_add_int_value (builder, item->version);
      json_builder_set_member_name (builder, "t");
      json_builder_add_string_value (builder, item->type < XF_QUESTION_N_TYPES
                                                ? xf_question_type_to_string (item->type) : "");
      json_builder_set_member_name (builder, "s");
      xf_exam_json_add_number (builder, item->score);
      if (item->n_options > 0)
        {
          json_builder_set_member_name (builder, "o");
          json_builder_begin_array (builder);
          for (guint j = 0; j < MIN (item->n_options, XF_QUESTION_MAX_OPTIONS); j++)
            json_builder_add_int_value (builder, item->order[j]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return xf_exam_json_generate (builder, FALSE);
}
