/* xf-question-format-moodle-xml.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "xf-question-format-moodle-xml-private.h"
#include "xf-question-format-private.h"

/* Reading Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): a
 * <quiz> of <question type="…"> elements, where a question of the type
 * "category" sets the category of the questions after it.
 *
 * GMarkup reads the file as a stream; each <question> is kept as a small
 * tree until it closes and then turned into an XfQuestion, so that the
 * questions before a syntax error are still read. The content of a <text>
 * element is kept as text even when it holds elements: Moodle's texts are
 * HTML, and files written by hand often leave out the CDATA around it. */

/* Deeper elements in a question are not kept: Moodle's own go four deep. */
#define MAX_DEPTH 16

typedef struct _Node Node;

struct _Node
{
  char      *name;
  char     **attribute_names;
  char     **attribute_values;
  GString   *text;
  GPtrArray *children;   /* Node */
  guint      line;
  gboolean   has_content; /* for <file> and <image_base64>, whose content is not kept */
};

static void
node_free (Node *node)
{
  g_free (node->name);
  g_strfreev (node->attribute_names);
  g_strfreev (node->attribute_values);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (const char  *name,
          const char **attribute_names,
          const char **attribute_values,
          guint        line)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->attribute_names = g_strdupv ((char **)attribute_names);
  node->attribute_values = g_strdupv ((char **)attribute_values);
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify)node_free);
  node->line = line;
  return node;
}

static Node *
node_child (Node       *node,
            const char *name)
{
  if (node == NULL)
    return NULL;
  for (guint i = 0; i < node->children->len; i++)
    {
      Node *child = g_ptr_array_index (node->children, i);

      if (g_str_equal (child->name, name))
        return child;
    }
  return NULL;
}

static const char *
node_attribute (Node       *node,
                const char *name)
{
  if (node == NULL)
    return NULL;
  for (guint i = 0; node->attribute_names[i] != NULL; i++)
    if (g_str_equal (node->attribute_names[i], name))
      return node->attribute_values[i];
  return NULL;
}

/* Moodle writes a text as <name><text>…</text></name>; old files leave
 * out the <text>. */
static const char *
node_text (Node *node)
{
  Node *text;

  if (node == NULL)
    return "";
  text = node_child (node, "text");
  return text != NULL ? text->text->str : node->text->str;
}

static char *
node_plain (Node *node)
{
  return xf_moodle_clean_plain (node_text (node));
}

typedef struct
{
  XfQuestionParse     *parse;
  GMarkupParseContext *context;
  guint                depth;        /* of the element open now; <quiz> is 1 */
  Node                *question;     /* the <question> being read */
  GPtrArray           *open;         /* Node, or NULL for one not kept: the elements open in it */
  Node                *text;         /* the <text> being read, or NULL */
  guint                text_depth;
  char                *category;
  gboolean             not_quiz;
} Reader;

/* GMarkup stands on the character after a tag's '>'; when that is the
 * newline, it counts the next line already. */
static guint
tag_line (GMarkupParseContext *context)
{
  int line;
  int column;

  g_markup_parse_context_get_position (context, &line, &column);
  if (column <= 1 && line > 1)
    return line - 1;
  return line;
}

static const char * const void_elements[] = {
  "br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "source", NULL
};

static void
reader_start_element (GMarkupParseContext  *context,
                      const char           *name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  Reader *self = user_data;
  Node *parent;
  Node *node = NULL;

  self->depth++;

  if (self->depth == 1)
    {
      if (!g_str_equal (name, "quiz"))
        {
          self->not_quiz = TRUE;
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                       _("This is not a Moodle XML file: its outermost element is <%s>, not <quiz>"),
                       name);
        }
      return;
    }

  /* HTML written into the file as elements is text all the same */
  if (self->text != NULL)
    {
      g_string_append_printf (self->text->text, "<%s", name);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          g_autofree char *value = g_markup_escape_text (attribute_values[i], -1);

          g_string_append_printf (self->text->text, " %s=\"%s\"", attribute_names[i], value);
        }
      g_string_append_c (self->text->text, '>');
      return;
    }

  if (self->question == NULL)
    {
      if (self->depth == 2 && g_str_equal (name, "question"))
        {
          self->question = node_new (name, attribute_names, attribute_values, tag_line (context));
          g_ptr_array_set_size (self->open, 0);
          g_ptr_array_add (self->open, self->question);
        }
      return;
    }

  parent = g_ptr_array_index (self->open, self->open->len - 1);
  if (parent != NULL && self->open->len < MAX_DEPTH)
    {
      node = node_new (name, attribute_names, attribute_values, tag_line (context));
      g_ptr_array_add (parent->children, node);
      if (g_str_equal (name, "text"))
        {
          self->text = node;
          self->text_depth = self->depth;
        }
    }
  g_ptr_array_add (self->open, node);
}

static void read_question (Reader *self,
                           Node   *node);

static void
reader_end_element (GMarkupParseContext  *context,
                    const char           *name,
                    gpointer              user_data,
                    GError              **error)
{
  Reader *self = user_data;

  if (self->text != NULL && self->depth > self->text_depth)
    {
      if (!g_strv_contains (void_elements, name))
        g_string_append_printf (self->text->text, "</%s>", name);
      self->depth--;
      return;
    }
  if (self->text != NULL)
    self->text = NULL;

  if (self->question != NULL)
    {
      g_ptr_array_set_size (self->open, self->open->len - 1);
      if (self->open->len == 0)
        {
          g_autoptr(Node) question = g_steal_pointer (&self->question);

          read_question (self, question);
        }
    }
  self->depth--;
}

static void
reader_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  Reader *self = user_data;
  Node *node;

  if (self->text != NULL)
    {
      g_string_append_len (self->text->text, text, len);
      return;
    }
  if (self->question == NULL)
    return;
  node = g_ptr_array_index (self->open, self->open->len - 1);
  if (node == NULL)
    return;
  /* Files are base64 that we do not keep */
  if (g_str_equal (node->name, "file") || g_str_equal (node->name, "image_base64"))
    {
      for (gsize i = 0; i < len && !node->has_content; i++)
        node->has_content = !g_ascii_isspace (text[i]);
      return;
    }
  g_string_append_len (node->text, text, len);
}

/* The names of the images a question loses, in the order met. */
static void
add_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return;
  g_ptr_array_add (names, g_strdup (name));
}

static void
collect_files (Node      *node,
               GPtrArray *files)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      Node *child = g_ptr_array_index (node->children, i);

      if (g_str_equal (child->name, "file"))
        {
          const char *name = node_attribute (child, "name");

          add_name (files, name != NULL ? name : "");
        }
      else
        collect_files (child, files);
    }
}

/* A fraction, in percent ("100", "-33.33333", "50.0000000"); none is 0. */
static gboolean
read_fraction (Node   *answer,
               double *fraction)
{
  const char *text = node_attribute (answer, "fraction");
  char *end;

  *fraction = 0.0;
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return TRUE;
  *fraction = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return end != text && *end == '\0' && isfinite (*fraction);
}

/* Moodle writes 100 as "100" or "100.0000000"; it allows no more */
static gboolean
is_full_marks (double fraction)
{
  return fraction > 99.999;
}

typedef struct
{
  Reader     *reader;
  Node       *node;
  XfQuestion *question;
  const char *format;      /* the question text's, the default of its other texts */
  GPtrArray  *images;
  const char *name;        /* how messages call the question */
} Build;

static char *
read_text (Build *build,
           Node  *holder)
{
  const char *format = node_attribute (holder, "format");

  return xf_moodle_text_to_plain (node_text (holder),
                                  xf_moodle_text_format_from_string (format != NULL ? format : build->format),
                                  build->images);
}

static void
problem (Build      *build,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Build      *build,
         const char *format,
         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  xf_question_parse_add_problem (build->reader->parse, build->node->line, build->name, "%s", reason);
}

static void
notice (Build      *build,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
notice (Build      *build,
        const char *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  xf_question_parse_add_notice (build->reader->parse, build->node->line, build->name, "%s", reason);
}

static gboolean
read_choices (Build *build)
{
  GString *letters = g_string_new (NULL);
  g_autofree char *single_text = NULL;
  gboolean single = TRUE;
  guint n_answers = 0;

  for (guint i = 0; i < build->node->children->len; i++)
    {
      Node *answer = g_ptr_array_index (build->node->children, i);
      g_autofree char *text = NULL;
      double fraction;

      if (!g_str_equal (answer->name, "answer"))
        continue;
      if (!read_fraction (answer, &fraction))
        {
          problem (build, _("An answer’s fraction is not a number: “%s”"),
                   node_attribute (answer, "fraction"));
          g_string_free (letters, TRUE);
          return FALSE;
        }
      text = read_text (build, answer);
      xf_question_add_option (build->question, text);
      if (fraction > 0.0 && n_answers < 26)
        g_string_append_c (letters, 'A' + n_answers);
      n_answers++;
    }

  if (letters->len == 0)
    {
      problem (build, "%s", _("No answer is marked right: every fraction is 0 or less"));
      g_string_free (letters, TRUE);
      return FALSE;
    }

  /* Moodle takes "false", "0" and nothing for several choices */
  if (node_child (build->node, "single") != NULL)
    {
      single_text = node_plain (node_child (build->node, "single"));
      single = !(g_ascii_strcasecmp (single_text, "false") == 0 || g_str_equal (single_text, "0") ||
                 *single_text == '\0');
    }
  if (letters->len == 1)
    {
      xf_question_set_question_type (build->question, XF_QUESTION_SINGLE);
      if (!single)
        notice (build, "%s", _("Only one answer is right in this multiple-response question; it was read as single choice"));
    }
  else
    {
      xf_question_set_question_type (build->question, XF_QUESTION_MULTIPLE);
      if (single)
        notice (build, "%s", _("Several answers earn marks in this one-answer question; it was read as multiple choice"));
    }
  xf_question_set_answer (build->question, letters->str);
  g_string_free (letters, TRUE);
  return TRUE;
}

static gboolean
read_true_false (Build *build)
{
  gboolean true_right = FALSE;
  gboolean false_right = FALSE;
  gboolean guessed = FALSE;
  guint n_answers = 0;

  for (guint i = 0; i < build->node->children->len; i++)
    {
      Node *answer = g_ptr_array_index (build->node->children, i);
      g_autofree char *text = NULL;
      double fraction;
      gboolean value;

      if (!g_str_equal (answer->name, "answer"))
        continue;
      if (!read_fraction (answer, &fraction))
        {
          problem (build, _("An answer’s fraction is not a number: “%s”"),
                   node_attribute (answer, "fraction"));
          return FALSE;
        }
      text = node_plain (answer);
      /* Old files hold the answers in the language of the course, true first */
      if (!xf_question_parse_true_false (text, &value))
        {
          value = n_answers == 0;
          guessed = TRUE;
        }
      if (fraction > 0.0)
        {
          if (value)
            true_right = TRUE;
          else
            false_right = TRUE;
        }
      n_answers++;
    }

  if (true_right && false_right)
    {
      problem (build, "%s", _("Both “true” and “false” are marked right"));
      return FALSE;
    }
  if (!true_right && !false_right)
    {
      problem (build, "%s", _("No answer is marked right: every fraction is 0 or less"));
      return FALSE;
    }
  if (guessed)
    notice (build, "%s", _("The answers are not named “true” and “false”; the first was taken for true"));
  xf_question_set_answer (build->question, true_right ? "T" : "F");
  return TRUE;
}

static gboolean
read_short_answer (Build *build)
{
  for (guint i = 0; i < build->node->children->len; i++)
    {
      Node *answer = g_ptr_array_index (build->node->children, i);
      g_autofree char *text = NULL;
      double fraction;

      if (!g_str_equal (answer->name, "answer"))
        continue;
      if (!read_fraction (answer, &fraction))
        {
          problem (build, _("An answer’s fraction is not a number: “%s”"),
                   node_attribute (answer, "fraction"));
          return FALSE;
        }
      text = node_plain (answer);
      if (*text == '\0')
        continue;
      if (is_full_marks (fraction))
        xf_question_add_accepted (build->question, text);
      else if (fraction > 0.0)
        notice (build, _("The answer “%s” earns only %g%% of the marks; it was left out"), text, fraction);
    }

  if (xf_question_get_accepted (build->question)[0] == NULL)
    {
      problem (build, "%s", _("No answer earns full marks (a fraction of 100)"));
      return FALSE;
    }
  return TRUE;
}

static void
read_score (Build *build)
{
  Node *grade = node_child (build->node, "defaultgrade");
  g_autofree char *text = NULL;
  char *end;
  double score;

  if (grade == NULL)
    return;
  text = node_plain (grade);
  if (*text == '\0')
    return;
  score = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (score))
    {
      notice (build, _("The default grade “%s” is not a number; the score stays 1"), text);
      return;
    }
  xf_question_set_score (build->question, score);
}

static void
read_tags (Build      *build,
           const char *element)
{
  Node *tags = node_child (build->node, element);

  if (tags == NULL)
    return;
  for (guint i = 0; i < tags->children->len; i++)
    {
      Node *tag = g_ptr_array_index (tags->children, i);
      g_autofree char *text = NULL;

      if (!g_str_equal (tag->name, "tag"))
        continue;
      text = node_plain (tag);
      xf_question_add_tag (build->question, text);
    }
}

/* What the question had that we cannot keep: images, attached files, and
 * the feedback Moodle shows for a chosen answer (an empty one is no loss). */
static void
report_losses (Build *build)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < build->images->len; i++)
    {
      const char *image = g_ptr_array_index (build->images, i);

      if (*image == '\0')
        notice (build, _("An image was left out; “%s” marks where it was"), _("[image]"));
      else
        notice (build, _("The image “%s” was left out; “%s” marks where it was"), image, _("[image]"));
    }

  /* Files the texts do not show are attachments of their own */
  collect_files (build->node, files);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);

      if (!g_ptr_array_find_with_equal_func (build->images, file, g_str_equal, NULL))
        notice (build, _("The embedded file “%s” was left out"), *file != '\0' ? file : "?");
    }

  for (guint i = 0; i < build->node->children->len; i++)
    {
      Node *answer = g_ptr_array_index (build->node->children, i);
      Node *feedback = node_child (answer, "feedback");
      g_autofree char *text = NULL;

      if (!g_str_equal (answer->name, "answer") || feedback == NULL)
        continue;
      text = xf_moodle_text_to_plain (node_text (feedback), XF_MOODLE_TEXT_HTML, NULL);
      if (*text != '\0')
        {
          notice (build, "%s", _("The feedback on single answers was left out"));
          break;
        }
    }
}

static void
read_question (Reader *self,
               Node   *node)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XfQuestion) question = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *default_name = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *idnumber = NULL;
  g_autofree char *file = NULL;
  Node *questiontext = node_child (node, "questiontext");
  Node *image = node_child (node, "image");
  Node *image_base64 = node_child (node, "image_base64");
  const char *type = node_attribute (node, "type");
  Build build = { self, node, NULL, NULL, images, NULL };
  gboolean ok;

  if (type != NULL && g_str_equal (type, "category"))
    {
      g_autofree char *category = NULL;
      Node *holder = node_child (node, "category");

      category = xf_moodle_category_path (node_text (holder));
      g_free (self->category);
      self->category = g_steal_pointer (&category);
      return;
    }

  build.format = node_attribute (questiontext, "format");
  if (build.format == NULL)
    build.format = "html";
  stem = read_text (&build, questiontext);
  /* Moodle 1.9 kept one image beside the text; Moodle shows it after it */
  file = node_plain (image);
  if (*file != '\0' || (image_base64 != NULL && image_base64->has_content))
    {
      g_autofree char *with_image = g_strconcat (stem, *stem != '\0' ? " " : "", _("[image]"), NULL);

      g_free (stem);
      stem = g_steal_pointer (&with_image);
      add_name (images, file);
    }
  title = node_plain (node_child (node, "name"));
  default_name = xf_moodle_default_name (stem);
  if (g_str_equal (title, default_name))
    g_clear_pointer (&title, g_free);
  build.name = title != NULL && *title != '\0' ? title : stem;

  if (type == NULL)
    {
      xf_question_parse_add_problem (self->parse, node->line, build.name, "%s", _("The question has no type"));
      return;
    }
  if (g_str_equal (type, "description"))
    {
      xf_question_parse_add_notice (self->parse, node->line, build.name, "%s",
                                    _("A description is not a question; it was skipped"));
      return;
    }

  if (g_str_equal (type, "multichoice"))
    question = xf_question_new (XF_QUESTION_SINGLE);
  else if (g_str_equal (type, "truefalse"))
    question = xf_question_new (XF_QUESTION_TRUE_FALSE);
  else if (g_str_equal (type, "shortanswer"))
    question = xf_question_new (XF_QUESTION_FILL);
  else if (g_str_equal (type, "essay"))
    question = xf_question_new (XF_QUESTION_ESSAY);
  else
    {
      xf_question_parse_add_problem (self->parse, node->line, build.name,
                                     _("unsupported question type: %s"), type);
      return;
    }
  build.question = question;

  switch (xf_question_get_question_type (question))
    {
    case XF_QUESTION_SINGLE:
      ok = read_choices (&build);
      break;
    case XF_QUESTION_TRUE_FALSE:
      ok = read_true_false (&build);
      break;
    case XF_QUESTION_FILL:
      ok = read_short_answer (&build);
      break;
    case XF_QUESTION_ESSAY:
      {
        g_autofree char *reference = read_text (&build, node_child (node, "graderinfo"));

        xf_question_set_answer (question, reference);
        ok = TRUE;
      }
      break;
    case XF_QUESTION_MULTIPLE:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return;

  xf_question_set_line (question, node->line);
  xf_question_set_title (question, title);
  xf_question_set_stem (question, stem);
  explanation = read_text (&build, node_child (node, "generalfeedback"));
  xf_question_set_explanation (question, explanation);
  xf_question_set_category (question, self->category);
  read_score (&build);
  read_tags (&build, "tags");
  read_tags (&build, "coursetags");
  idnumber = node_plain (node_child (node, "idnumber"));
  if (g_uuid_string_is_valid (idnumber))
    xf_question_set_uuid (question, idnumber);
  report_losses (&build);

  xf_question_parse_add (self->parse, g_steal_pointer (&question));
}

void
xf_question_read_moodle_xml (XfQuestionParse *parse,
                             const char      *text,
                             gsize            len)
{
  static const GMarkupParser parser = {
    reader_start_element,
    reader_end_element,
    reader_text,
    NULL,
    NULL,
  };
  Reader self = { parse, NULL, 0, NULL, g_ptr_array_new (), NULL, 0, g_strdup (""), FALSE };
  g_autoptr(GError) error = NULL;

  self.context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &self, NULL);
  if (!g_markup_parse_context_parse (self.context, text, len, &error) ||
      !g_markup_parse_context_end_parse (self.context, &error))
    {
      int markup_line;
      int markup_char;
      guint line;
      g_autofree char *reason = NULL;

      g_markup_parse_context_get_position (self.context, &markup_line, &markup_char);
      reason = xf_moodle_markup_error (text, len, markup_line, markup_char, error->message, &line);
      xf_question_parse_add_problem (parse, line, NULL, "%s", self.not_quiz ? error->message : reason);
    }

  g_clear_pointer (&self.question, node_free);
  g_markup_parse_context_free (self.context);
  g_ptr_array_unref (self.open);
  g_free (self.category);
}
