/* xf-exam-json.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xf-exam-json-private.h"
#include "xf-text-decode.h"

/* The exam spec as JSON (docs/exam-format.md). Specs are written by hand
 * and passed around, so every member's type is checked and an error names
 * the member, with the rule's number inside "rules". */

#define EXAM_FORMAT_NAME    "xuefa-exam"
#define EXAM_FORMAT_VERSION 1
/* Text without an offset is Beijing time: the time exams are set in */
#define DEFAULT_UTC_OFFSET  "+08:00"

/* Checked getters. A member that is absent or null leaves the value as it
 * was; one of the wrong type is an error naming it, "rules[2].count"
 * inside an array. */

typedef enum
{
  WANT_STRING,
  WANT_NUMBER,
  WANT_WHOLE,
  WANT_BOOLEAN,
  WANT_ARRAY,
  WANT_OBJECT,
} Want;

static char *
member_path (const char *prefix,
             const char *member)
{
  return prefix != NULL ? g_strdup_printf ("%s.%s", prefix, member) : g_strdup (member);
}

static gboolean
wrong_type (const char  *prefix,
            const char  *member,
            Want         want,
            GError     **error)
{
  g_autofree char *path = member_path (prefix, member);

  switch (want)
    {
    case WANT_STRING:
      return xf_exam_set_invalid (error, _("“%s” must be a string"), path);
    case WANT_NUMBER:
      return xf_exam_set_invalid (error, _("“%s” must be a number"), path);
    case WANT_WHOLE:
      return xf_exam_set_invalid (error, _("“%s” must be a whole number, 0 or more"), path);
    case WANT_BOOLEAN:
      return xf_exam_set_invalid (error, _("“%s” must be true or false"), path);
    case WANT_ARRAY:
      return xf_exam_set_invalid (error, _("“%s” must be an array"), path);
    case WANT_OBJECT:
    default:
      return xf_exam_set_invalid (error, _("“%s” must be an object"), path);
    }
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static GType
value_type (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
}

/* json-glib turns a lone surrogate ("\ud83d") into bytes that are not
 * UTF-8: the rest of the text is kept readable */
static char *
dup_valid (const char *text)
{
  return g_utf8_make_valid (text, -1);
}

/* *value: a new string, or unchanged when the member is absent or null */
static gboolean
get_string (JsonObject  *object,
            const char  *prefix,
            const char  *member,
            char       **value,
            GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (value_type (node) != G_TYPE_STRING)
    return wrong_type (prefix, member, WANT_STRING, error);
  g_free (*value);
  *value = dup_valid (json_node_get_string (node));
  return TRUE;
}

/* A finite number: json-glib reads 1e999 as infinity, which JSON cannot
 * write back. @value is left as it was when @node holds none. */
gboolean
xf_exam_json_get_number (JsonNode *node,
                         double   *value)
{
  GType type = value_type (node);
  double number;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  number = json_node_get_double (node);
  if (!isfinite (number))
    return FALSE;
  *value = number;
  return TRUE;
}

/* A whole number that fits a guint */
gboolean
xf_exam_json_get_whole (JsonNode *node,
                        guint    *value)
{
  double number;

  if (!xf_exam_json_get_number (node, &number) || number < 0 || number > G_MAXUINT || number != floor (number))
    return FALSE;
  *value = (guint)number;
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *prefix,
            const char  *member,
            double      *value,
            gboolean    *present,
            GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!xf_exam_json_get_number (node, value))
    return wrong_type (prefix, member, WANT_NUMBER, error);
  return TRUE;
}

static gboolean
get_whole (JsonObject  *object,
           const char  *prefix,
           const char  *member,
           guint       *value,
           gboolean    *present,
           GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!xf_exam_json_get_whole (node, value))
    return wrong_type (prefix, member, WANT_WHOLE, error);
  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *member,
             gboolean    *value,
             GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (NULL, member, WANT_BOOLEAN, error);
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* *array: %NULL when the member is absent or null */
static gboolean
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **array,
           GError     **error)
{
  JsonNode *node = get_member (object, member);

  *array = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (NULL, member, WANT_ARRAY, error);
  *array = json_node_get_array (node);
  return TRUE;
}

/* A filter: null, absent or "" is no filter */
static gboolean
get_filter (JsonObject  *object,
            const char  *prefix,
            const char  *member,
            char       **value,
            GError     **error)
{
  if (!get_string (object, prefix, member, value, error))
    return FALSE;
  if (*value != NULL && **value == '\0')
    g_clear_pointer (value, g_free);
  return TRUE;
}

/* In UTC, to the microsecond: "2026-03-01T00:00:00Z"; %NULL outside the
 * years 1–9999, which GDateTime cannot hold */
static char *
format_time (gint64 value)
{
  gint64 seconds = value / G_USEC_PER_SEC;
  gint64 usec = value % G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *rest = NULL;

  if (usec < 0)
    {
      usec += G_USEC_PER_SEC;
      seconds--;
    }
  whole = g_date_time_new_from_unix_utc (seconds);
  if (whole != NULL)
    time = g_date_time_add (whole, usec);
  if (time == NULL)
    return NULL;
  /* %Y does not pad: the year 984 must be written 0984 to be read back */
  rest = g_date_time_format (time, usec != 0 ? "%m-%dT%H:%M:%S.%fZ" : "%m-%dT%H:%M:%SZ");
  return g_strdup_printf ("%04d-%s", g_date_time_get_year (time), rest);
}

static gboolean
get_time (JsonObject  *object,
          const char  *member,
          gint64      *value,
          GError     **error)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_identifier (DEFAULT_UTC_OFFSET);
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  g_autofree char *utc = NULL;

  if (!get_string (object, NULL, member, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  time = g_date_time_new_from_iso8601 (text, beijing);
  if (time != NULL)
    *value = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  /* A time that could not be written back (year 1 at +08:00 is year 0 in
   * UTC) is refused with the ones that cannot be read */
  if (time == NULL || (utc = format_time (*value)) == NULL)
    return xf_exam_set_invalid (error, _("“%s” must be a date and time such as 2026-03-01T08:00:00+08:00"), member);
  return TRUE;
}

static gboolean
read_difficulty (JsonObject  *object,
                 const char  *prefix,
                 XfExamRule  *rule,
                 GError     **error)
{
  JsonNode *node = get_member (object, "difficulty");
  g_autofree char *path = NULL;

  if (node == NULL)
    return TRUE;
  if (xf_exam_json_get_whole (node, &rule->difficulty_min))
    {
      rule->difficulty_max = rule->difficulty_min;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 2 &&
      xf_exam_json_get_whole (json_array_get_element (json_node_get_array (node), 0), &rule->difficulty_min) &&
      xf_exam_json_get_whole (json_array_get_element (json_node_get_array (node), 1), &rule->difficulty_max))
    return TRUE;
  path = member_path (prefix, "difficulty");
  return xf_exam_set_invalid (error, _("“%s” must be a difficulty from 1 to 5 or a range [lowest, highest]"), path);
}

static gboolean
read_rule (JsonNode    *node,
           guint        index,
           GPtrArray   *rules,
           GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("rules[%u]", index + 1);
  g_autoptr(XfExamRule) rule = xf_exam_rule_new (XF_QUESTION_SINGLE, 0, 0);
  g_autofree char *type = NULL;
  JsonObject *object;
  gboolean has_count;
  gboolean has_score;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (NULL, prefix, WANT_OBJECT, error);
  object = json_node_get_object (node);

  if (!get_string (object, prefix, "type", &type, error) ||
      !get_whole (object, prefix, "count", &rule->count, &has_count, error) ||
      !get_number (object, prefix, "score", &rule->score, &has_score, error) ||
      !get_filter (object, prefix, "bank", &rule->bank, error) ||
      !get_filter (object, prefix, "category", &rule->category, error) ||
      !get_filter (object, prefix, "tag", &rule->tag, error) ||
      !get_filter (object, prefix, "law", &rule->law, error) ||
      !read_difficulty (object, prefix, rule, error))
    return FALSE;
  if (type == NULL || !xf_question_type_from_string (type, &rule->type))
    return xf_exam_set_invalid (error, _("“rules[%u].type” must be single, multiple, truefalse, fill or essay (or 单选, 多选, 判断, 填空, 简答)"),
                    index + 1);
  if (!has_count)
    return xf_exam_set_invalid (error, _("“%s.%s” is missing"), prefix, "count");
  if (!has_score)
    return xf_exam_set_invalid (error, _("“%s.%s” is missing"), prefix, "score");

  g_ptr_array_add (rules, g_steal_pointer (&rule));
  return TRUE;
}

static gboolean
read_fixed (JsonNode   *node,
            guint       index,
            GPtrArray  *fixed,
            GError    **error)
{
  g_autofree char *prefix = g_strdup_printf ("fixed[%u]", index + 1);
  g_autofree char *question = NULL;
  JsonObject *object;
  XfExamFixed *item;
  double score = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (NULL, prefix, WANT_OBJECT, error);
  object = json_node_get_object (node);
  if (!get_string (object, prefix, "question", &question, error) ||
      !get_number (object, prefix, "score", &score, NULL, error))
    return FALSE;
  if (question == NULL)
    return xf_exam_set_invalid (error, _("“%s.%s” is missing"), prefix, "question");

  item = g_new0 (XfExamFixed, 1);
  item->question = g_steal_pointer (&question);
  item->score = score;
  g_ptr_array_add (fixed, item);
  return TRUE;
}

static gboolean
read_arrays (JsonObject  *root,
             XfExam      *exam,
             GError     **error)
{
  JsonArray *array;

  if (!get_array (root, "audience", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (value_type (node) != G_TYPE_STRING)
        return xf_exam_set_invalid (error, _("“audience[%u]” must be a string"), i + 1);
      g_ptr_array_add (exam->audience, dup_valid (json_node_get_string (node)));
    }

  if (!get_array (root, "rules", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!read_rule (json_array_get_element (array, i), i, exam->rules, error))
      return FALSE;

  if (!get_array (root, "fixed", &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!read_fixed (json_array_get_element (array, i), i, exam->fixed, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_header (JsonObject  *root,
             GError     **error)
{
  g_autofree char *format = NULL;
  guint version = EXAM_FORMAT_VERSION;

  if (!get_string (root, NULL, "format", &format, error))
    return FALSE;
  if (format == NULL || !g_str_equal (format, EXAM_FORMAT_NAME))
    return xf_exam_set_invalid (error, _("“format” must be “%s”"), EXAM_FORMAT_NAME);
  if (!get_whole (root, NULL, "version", &version, NULL, error))
    return FALSE;
  if (version < 1)
    return xf_exam_set_invalid (error, _("“version” must be 1 or more"));
  if (version > EXAM_FORMAT_VERSION)
    return xf_exam_set_invalid (error, _("The exam spec is in version %u of the format; this version of Xuefa reads up to %d"),
                    version, EXAM_FORMAT_VERSION);
  return TRUE;
}

static gboolean
read_exam (JsonObject  *root,
           XfExam      *exam,
           GError     **error)
{
  g_autofree char *counts = NULL;
  g_autofree char *multiple = NULL;
  double minutes = 0;
  gboolean has_minutes;

  if (!get_string (root, NULL, "uuid", &exam->uuid, error) ||
      !get_string (root, NULL, "title", &exam->title, error) ||
      !get_string (root, NULL, "description", &exam->description, error) ||
      !get_number (root, NULL, "time_limit_minutes", &minutes, &has_minutes, error) ||
      !get_number (root, NULL, "pass_mark", &exam->pass_mark, NULL, error) ||
      !get_whole (root, NULL, "attempts", &exam->attempts, NULL, error) ||
      !get_string (root, NULL, "counts", &counts, error) ||
      !get_time (root, "opens", &exam->opens_at, error) ||
      !get_time (root, "closes", &exam->closes_at, error) ||
      !get_boolean (root, "shuffle_questions", &exam->shuffle_questions, error) ||
      !get_boolean (root, "shuffle_options", &exam->shuffle_options, error) ||
      !get_string (root, NULL, "multiple_scoring", &multiple, error) ||
      !get_number (root, NULL, "partial_credit", &exam->partial_credit, NULL, error) ||
      !read_arrays (root, exam, error))
    return FALSE;

  if (minutes < 0)
    return xf_exam_set_invalid (error, _("“time_limit_minutes” must be 0 (no limit) or more"));
  /* To the second, so that any limit in seconds is written and read back
   * the same; past the top it is refused as too long */
  exam->time_limit_s = minutes * 60 < G_MAXUINT ? (guint)round (minutes * 60) : G_MAXUINT;

  if (counts == NULL || g_str_equal (counts, "highest"))
    exam->counts = XF_EXAM_COUNT_HIGHEST;
  else if (g_str_equal (counts, "last"))
    exam->counts = XF_EXAM_COUNT_LAST;
  else
    return xf_exam_set_invalid (error, _("“counts” must be “highest” or “last”"));

  if (multiple == NULL || g_str_equal (multiple, "all-or-nothing"))
    exam->multiple = XF_EXAM_MULTIPLE_ALL_OR_NOTHING;
  else if (g_str_equal (multiple, "partial"))
    exam->multiple = XF_EXAM_MULTIPLE_PARTIAL;
  else
    return xf_exam_set_invalid (error, _("“multiple_scoring” must be “all-or-nothing” or “partial”"));

  return TRUE;
}

/* "<data>:3:6: Parse error: …" as "line 3: Parse error: …". json-glib
 * quotes the text it stopped at, which need not be UTF-8 ("\udc00") */
static char *
describe_parse_error (const GError *error)
{
  g_autofree char *message = g_utf8_make_valid (error->message, -1);
  guint line, column;
  int end = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &end) == 2 && end > 0)
    return g_strdup_printf (_("line %u: %s"), line, message + end);
  return g_steal_pointer (&message);
}

/* The root of @text as @parser holds it, or %NULL with an error saying
 * where it is not JSON; @paper picks the messages */
JsonNode *
xf_exam_json_parse (const char  *text,
                    gsize        len,
                    JsonParser  *parser,
                    gboolean     paper,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  if (xf_json_nests_deeper (text, len, XF_EXAM_JSON_MAX_DEPTH))
    {
      if (paper)
        xf_exam_set_invalid (error, _("The paper nests arrays and objects more than %d deep"), XF_EXAM_JSON_MAX_DEPTH);
      else
        xf_exam_set_invalid (error, _("The exam spec nests arrays and objects more than %d deep"), XF_EXAM_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, len, &local_error))
    {
      reason = describe_parse_error (local_error);
      if (paper)
        xf_exam_set_invalid (error, _("The paper is not valid JSON: %s"), reason);
      else
        xf_exam_set_invalid (error, _("The exam spec is not valid JSON: %s"), reason);
      return NULL;
    }
  /* json-glib reads nothing but white space as no root at all */
  if (json_parser_get_root (parser) == NULL)
    {
      if (paper)
        xf_exam_set_invalid (error, _("The paper is empty"));
      else
        xf_exam_set_invalid (error, _("The exam spec is empty"));
    }
  return json_parser_get_root (parser);
}

/**
 * xf_exam_from_json:
 * @text: an exam spec (docs/exam-format.md)
 * @len: its length, or -1 when it ends with a NUL
 * @error: XF_EXAM_ERROR_INVALID naming the member and the reason
 *
 * Reads an exam spec and checks it with xf_exam_validate(). A spec without
 * a UUID is given a new one.
 *
 * Returns: (transfer full) (nullable): the exam
 */
XfExam *
xf_exam_from_json (const char  *text,
                   gssize       len,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XfExam) exam = NULL;
  JsonNode *root;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = strlen (text);
  root = xf_exam_json_parse (text != NULL ? text : "", len, parser, FALSE, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      xf_exam_set_invalid (error, _("The exam spec must be a JSON object"));
      return NULL;
    }

  exam = xf_exam_new ();
  if (!read_header (json_node_get_object (root), error) ||
      !read_exam (json_node_get_object (root), exam, error) ||
      !xf_exam_validate (exam, error))
    return NULL;
  return g_steal_pointer (&exam);
}

/* Whole numbers as integers: 2, not 2.0 */
void
xf_exam_json_add_number (JsonBuilder *builder,
                         double       value)
{
  if (isfinite (value) && fabs (value) < 1e15 && value == floor (value))
    json_builder_add_int_value (builder, (gint64)value);
  else
    json_builder_add_double_value (builder, isfinite (value) ? value : 0);
}

static void
add_member_number (JsonBuilder *builder,
                   const char  *member,
                   double       value)
{
  json_builder_set_member_name (builder, member);
  xf_exam_json_add_number (builder, value);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_member_time (JsonBuilder *builder,
                 const char  *member,
                 gint64       value)
{
  g_autofree char *text = value != 0 ? format_time (value) : NULL;

  add_member_string (builder, member, text);
}

static void
build_rule (JsonBuilder *builder,
            XfExamRule  *rule)
{
  json_builder_begin_object (builder);
  add_member_string (builder, "type",
                     rule->type < XF_QUESTION_N_TYPES ? xf_question_type_to_string (rule->type) : NULL);
  add_member_number (builder, "count", rule->count);
  add_member_number (builder, "score", rule->score);
  add_member_string (builder, "bank", rule->bank);
  add_member_string (builder, "category", rule->category);
  add_member_string (builder, "tag", rule->tag);
  add_member_string (builder, "law", rule->law);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, rule->difficulty_min);
  json_builder_add_int_value (builder, rule->difficulty_max);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Pretty (two spaces, a newline at the end) for specs people read;
 * compact for papers */
char *
xf_exam_json_generate (JsonBuilder *builder,
                       gboolean     pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return pretty ? g_strconcat (text, "\n", NULL) : g_steal_pointer (&text);
}

/**
 * xf_exam_to_json:
 * @exam: an exam spec
 *
 * Writes every member of the spec, so that xf_exam_from_json() reads back
 * the same exam. Whether it is shipped content is the store's to say,
 * and not written.
 *
 * Returns: (transfer full): the spec as pretty JSON, ending in a newline
 */
char *
xf_exam_to_json (XfExam *exam)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (exam != NULL, NULL);

  json_builder_begin_object (builder);
  add_member_string (builder, "format", EXAM_FORMAT_NAME);
  add_member_number (builder, "version", EXAM_FORMAT_VERSION);
  add_member_string (builder, "uuid", exam->uuid);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, exam->title != NULL ? exam->title : "");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, exam->description != NULL ? exam->description : "");
  /* A fraction of a minute only for a limit that is not whole minutes */
  add_member_number (builder, "time_limit_minutes",
                     exam->time_limit_s % 60 == 0 ? exam->time_limit_s / 60 : exam->time_limit_s / 60.0);
  add_member_number (builder, "pass_mark", exam->pass_mark);
  add_member_number (builder, "attempts", exam->attempts);
  add_member_string (builder, "counts", exam->counts == XF_EXAM_COUNT_LAST ? "last" : "highest");
  add_member_time (builder, "opens", exam->opens_at);
  add_member_time (builder, "closes", exam->closes_at);

  json_builder_set_member_name (builder, "audience");
  json_builder_begin_array (builder);
  for (guint i = 0; i < exam->audience->len; i++)
    {
      const char *entry = g_ptr_array_index (exam->audience, i);

      json_builder_add_string_value (builder, entry != NULL ? entry : "");
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "shuffle_questions");
  json_builder_add_boolean_value (builder, exam->shuffle_questions);
  json_builder_set_member_name (builder, "shuffle_options");
  json_builder_add_boolean_value (builder, exam->shuffle_options);
  add_member_string (builder, "multiple_scoring",
                     exam->multiple == XF_EXAM_MULTIPLE_PARTIAL ? "partial" : "all-or-nothing");
  add_member_number (builder, "partial_credit", exam->partial_credit);

  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < exam->rules->len; i++)
    build_rule (builder, g_ptr_array_index (exam->rules, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "fixed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < exam->fixed->len; i++)
    {
      XfExamFixed *fixed = g_ptr_array_index (exam->fixed, i);

      json_builder_begin_object (builder);
      add_member_string (builder, "question", fixed->question);
      add_member_number (builder, "score", fixed->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return xf_exam_json_generate (builder, TRUE);
}
