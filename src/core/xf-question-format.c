/* xf-question-format.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xf-chinese-numeral.h"
#include "xf-list-item.h"
#include "xf-question-format-private.h"
#include "xf-text-decode.h"

/* Reading and writing question files: what each format is called, telling
 * formats apart, and the checks every reader's questions pass. */

static const struct
{
  const char *name;
  const char *label;
  const char *extension;
} formats[] = {
  [XF_QUESTION_FORMAT_AUTO] = { "auto", N_("Detect from the file"), "" },
  [XF_QUESTION_FORMAT_JSON] = { "json", N_("Xuefa JSON"), "json" },
  [XF_QUESTION_FORMAT_GIFT] = { "gift", N_("Moodle GIFT"), "gift" },
  [XF_QUESTION_FORMAT_MOODLE_XML] = { "moodle-xml", N_("Moodle XML"), "xml" },
  [XF_QUESTION_FORMAT_AIKEN] = { "aiken", N_("Aiken"), "txt" },
  [XF_QUESTION_FORMAT_CSV] = { "csv", N_("CSV table"), "csv" },
  [XF_QUESTION_FORMAT_XLSX] = { "xlsx", N_("Excel workbook (XLSX)"), "xlsx" },
  [XF_QUESTION_FORMAT_TEXT] = { "text", N_("Chinese plain text"), "txt" },
  [XF_QUESTION_FORMAT_LEXEVAL] = { "lexeval", N_("LexEval JSON lines"), "jsonl" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == XF_QUESTION_N_FORMATS);

const char *
xf_question_format_to_string (XfQuestionFormat format)
{
  g_return_val_if_fail (format < XF_QUESTION_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
xf_question_format_from_string (const char       *text,
                                XfQuestionFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (text, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (text, "xml") == 0 || g_ascii_strcasecmp (text, "moodle") == 0)
    {
      *format = XF_QUESTION_FORMAT_MOODLE_XML;
      return TRUE;
    }
  return FALSE;
}

const char *
xf_question_format_to_label (XfQuestionFormat format)
{
  g_return_val_if_fail (format < XF_QUESTION_N_FORMATS, NULL);
  return _(formats[format].label);
}

/**
 * xf_question_format_extension:
 *
 * Returns: the usual file name extension, without the dot
 */
const char *
xf_question_format_extension (XfQuestionFormat format)
{
  g_return_val_if_fail (format < XF_QUESTION_N_FORMATS, NULL);
  return formats[format].extension;
}

gboolean
xf_question_format_can_export (XfQuestionFormat format)
{
  return format == XF_QUESTION_FORMAT_JSON || format == XF_QUESTION_FORMAT_GIFT ||
         format == XF_QUESTION_FORMAT_MOODLE_XML || format == XF_QUESTION_FORMAT_AIKEN ||
         format == XF_QUESTION_FORMAT_CSV || format == XF_QUESTION_FORMAT_XLSX;
}

/**
 * xf_question_format_can_hold:
 *
 * Returns: whether @format can express @question (Aiken holds only
 *   single-choice questions)
 */
gboolean
xf_question_format_can_hold (XfQuestionFormat  format,
                             XfQuestion       *question)
{
  g_return_val_if_fail (XF_IS_QUESTION (question), FALSE);

  if (format == XF_QUESTION_FORMAT_AIKEN)
    return xf_question_get_question_type (question) == XF_QUESTION_SINGLE;
  return xf_question_format_can_export (format);
}

static gboolean
has_line_starting (const char *text,
                   gsize       len,
                   const char *prefix)
{
  gsize n = strlen (prefix);

  for (const char *p = text; p != NULL && p < text + len; )
    {
      const char *eol;

      while (p < text + len && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
      if ((gsize)(text + len - p) >= n && strncmp (p, prefix, n) == 0)
        return TRUE;
      eol = memchr (p, '\n', text + len - p);
      p = eol != NULL ? eol + 1 : NULL;
    }
  return FALSE;
}

/* GIFT: a question's answers sit in braces holding =, ~, T/F, # or nothing. */
static gboolean
looks_like_gift (const char *text,
                 gsize       len)
{
  const char *open;

  if (has_line_starting (text, len, "::") || has_line_starting (text, len, "$CATEGORY:"))
    return TRUE;
  open = memchr (text, '{', len);
  while (open != NULL)
    {
      const char *p = open + 1;

      while (p < text + len && g_ascii_isspace (*p))
        p++;
      if (p < text + len && (*p == '=' || *p == '~' || *p == '#' || *p == '}' ||
                             g_str_has_prefix (p, "T}") || g_str_has_prefix (p, "F}") ||
                             g_str_has_prefix (p, "TRUE") || g_str_has_prefix (p, "FALSE")))
        return TRUE;
      open = memchr (open + 1, '{', text + len - open - 1);
    }
  return FALSE;
}

/**
 * xf_question_format_detect:
 * @name: (nullable): the file's name
 * @data: the file's first bytes (or all of them)
 *
 * Tells the format from the name's extension and from what the file holds:
 * an XLSX file is a ZIP archive, Moodle XML starts with a <quiz> element,
 * JSON lines from LexEval hold "instruction" and "input", and among plain
 * text files GIFT has braces with =, ~ or T/F, Aiken has ANSWER: lines, and
 * everything else is read as Chinese plain text.
 *
 * Returns: the format; never %XF_QUESTION_FORMAT_AUTO
 */
XfQuestionFormat
xf_question_format_detect (const char *name,
                           const char *data,
                           gsize       len)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;
  const char *p = data;

  if (len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return XF_QUESTION_FORMAT_XLSX;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < data + len && g_ascii_isspace (*p))
    p++;

  if (dot != NULL)
    {
      if (g_ascii_strcasecmp (dot, ".xlsx") == 0)
        return XF_QUESTION_FORMAT_XLSX;
      if (g_ascii_strcasecmp (dot, ".xml") == 0)
        return XF_QUESTION_FORMAT_MOODLE_XML;
      if (g_ascii_strcasecmp (dot, ".csv") == 0)
        return XF_QUESTION_FORMAT_CSV;
      if (g_ascii_strcasecmp (dot, ".gift") == 0)
        return XF_QUESTION_FORMAT_GIFT;
      if (g_ascii_strcasecmp (dot, ".jsonl") == 0)
        return XF_QUESTION_FORMAT_LEXEVAL;
      if (g_ascii_strcasecmp (dot, ".json") == 0)
        return XF_QUESTION_FORMAT_JSON;
    }

  if (p < data + len && *p == '<')
    return XF_QUESTION_FORMAT_MOODLE_XML;
  if (p < data + len && *p == '{')
    {
      const char *eol = memchr (p, '\n', data + len - p);
      gsize first = (eol != NULL ? eol : data + len) - p;

      if (g_strstr_len (p, first, "\"input\"") != NULL && g_strstr_len (p, first, "\"answer\"") != NULL)
        return XF_QUESTION_FORMAT_LEXEVAL;
      return XF_QUESTION_FORMAT_JSON;
    }
  if (looks_like_gift (data, len))
    return XF_QUESTION_FORMAT_GIFT;
  if (has_line_starting (data, len, "ANSWER:") || has_line_starting (data, len, "ANSWER :"))
    return XF_QUESTION_FORMAT_AIKEN;
  return XF_QUESTION_FORMAT_TEXT;
}

void
xf_question_problem_free (XfQuestionProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->question);
  g_free (problem->reason);
  g_free (problem);
}

typedef struct
{
  XfQuestionSink  sink;
  gpointer        user_data;
  gboolean        live;      /* questions go to the sink as they are read */
  gboolean        discarded; /* some went, then the reader found the file unreadable */
  GPtrArray      *refused;   /* XfQuestionProblem: questions validation refused */
} Stream;

static void
stream_free (gpointer data)
{
  Stream *stream = data;

  g_clear_pointer (&stream->refused, g_ptr_array_unref);
  g_free (stream);
}

XfQuestionParse *
xf_question_parse_new (const char *name)
{
  XfQuestionParse *parse = g_new0 (XfQuestionParse, 1);

  parse->name = g_strdup (name != NULL ? name : "");
  parse->questions = g_ptr_array_new_with_free_func (g_object_unref);
  parse->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  parse->notices = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  return parse;
}

void
xf_question_parse_free (XfQuestionParse *parse)
{
  if (parse == NULL)
    return;
  g_free (parse->name);
  g_ptr_array_unref (parse->questions);
  g_ptr_array_unref (parse->problems);
  g_ptr_array_unref (parse->notices);
  g_free (parse->bank_title);
  g_free (parse->bank_description);
  g_free (parse->bank_source);
  g_free (parse->bank_licence);
  g_clear_pointer (&parse->stream, stream_free);
  g_free (parse);
}

/* The start of a question's text, to name it in a message. */
static char *
short_question (const char *text)
{
  g_autofree char *line = NULL;
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        break;
      g_string_append_unichar (out, g_unichar_isspace (c) ? ' ' : c);
    }
  line = g_strstrip (g_string_free (out, FALSE));
  if (n == 40)
    return g_strconcat (line, "…", NULL);
  return g_steal_pointer (&line);
}

static void
add_problem_valist (GPtrArray  *array,
                    guint       line,
                    const char *question,
                    const char *format,
                    va_list     args)
{
  XfQuestionProblem *problem = g_new0 (XfQuestionProblem, 1);

  problem->line = line;
  problem->question = short_question (question);
  problem->reason = g_strdup_vprintf (format, args);
  g_ptr_array_add (array, problem);
}

/**
 * xf_question_parse_add_problem:
 * @line: where the question starts (1-based), or 0 for the whole file
 * @question: (nullable): the question's title or text, shortened here
 * @format: the reason, translated
 *
 * Reports a question that could not be read.
 */
void
xf_question_parse_add_problem (XfQuestionParse *parse,
                               guint            line,
                               const char      *question,
                               const char      *format,
                               ...)
{
  va_list args;

  g_return_if_fail (parse != NULL);

  va_start (args, format);
  add_problem_valist (parse->problems, line, question, format, args);
  va_end (args);
}

/**
 * xf_question_parse_add_notice:
 *
 * Reports something changed in a question that was read (an image dropped,
 * the encoding converted).
 */
void
xf_question_parse_add_notice (XfQuestionParse *parse,
                              guint            line,
                              const char      *question,
                              const char      *format,
                              ...)
{
  va_list args;

  g_return_if_fail (parse != NULL);

  va_start (args, format);
  add_problem_valist (parse->notices, line, question, format, args);
  va_end (args);
}

static gint
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const XfQuestionProblem *pa = *(const XfQuestionProblem * const *)a;
  const XfQuestionProblem *pb = *(const XfQuestionProblem * const *)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* The problem for a question that breaks a rule */
static void
add_refused (GPtrArray    *problems,
             XfQuestion   *question,
             const GError *error)
{
  XfQuestionProblem *problem = g_new0 (XfQuestionProblem, 1);

  problem->line = xf_question_get_line (question);
  problem->question = short_question (*xf_question_get_title (question) != '\0'
                                        ? xf_question_get_title (question)
                                        : xf_question_get_stem (question));
  problem->reason = g_strdup (error->message);
  g_ptr_array_add (problems, problem);
}

/**
 * xf_question_parse_add:
 * @question: (transfer full): a question read from the file
 */
void
xf_question_parse_add (XfQuestionParse *parse,
                       XfQuestion      *question)
{
  Stream *stream = parse != NULL ? parse->stream : NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parse != NULL);
  g_return_if_fail (XF_IS_QUESTION (question));

  if (stream == NULL || !stream->live)
    {
      g_ptr_array_add (parse->questions, question);
      return;
    }

  /* Validated now rather than at the end (validate_questions()), so that
   * the question can be stored while the rest of the file is read */
  if (!xf_question_validate (question, &error))
    {
      add_refused (stream->refused, question, error);
      g_object_unref (question);
      return;
    }
  g_ptr_array_add (parse->questions, question);
  stream->sink (question, stream->user_data);
}

/* Questions a reader made that break a rule become problems. */
static void
validate_questions (XfQuestionParse *parse)
{
  Stream *stream = parse->stream;
  guint kept = 0;

  /* Those given to the sink were validated as they were read: their
   * problems go after the reader's, as they would here */
  if (stream != NULL && stream->live)
    {
      g_ptr_array_extend_and_steal (parse->problems, g_steal_pointer (&stream->refused));
      stream->refused = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
      g_ptr_array_sort (parse->problems, compare_problems);
      return;
    }

  for (guint i = 0; i < parse->questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (parse->questions, i);
      g_autoptr(GError) error = NULL;

      if (xf_question_validate (question, &error))
        {
          parse->questions->pdata[kept++] = question;
          continue;
        }
      add_refused (parse->problems, question, error);
      g_object_unref (question);
    }
  parse->questions->len = kept;
  g_ptr_array_sort (parse->problems, compare_problems);

  for (guint i = 0; stream != NULL && !stream->discarded && i < parse->questions->len; i++)
    stream->sink (g_ptr_array_index (parse->questions, i), stream->user_data);
}

/**
 * xf_question_parse_discard:
 *
 * Forgets the questions and problems a reader found so far, when it finds
 * that the file cannot be read after all (a reader that hands questions
 * over before it has seen the whole file). Questions given to the sink
 * stay with it, and no more go to it: xf_question_parse_was_discarded()
 * tells the importer to start again with what @parse holds at the end.
 */
void
xf_question_parse_discard (XfQuestionParse *parse)
{
  Stream *stream = parse->stream;

  g_ptr_array_set_size (parse->questions, 0);
  g_ptr_array_set_size (parse->problems, 0);
  if (stream != NULL)
    {
      g_ptr_array_set_size (stream->refused, 0);
      stream->discarded = stream->discarded || stream->live;
      stream->live = FALSE;
    }
}

gboolean
xf_question_parse_was_discarded (XfQuestionParse *parse)
{
  Stream *stream = parse->stream;

  return stream != NULL && stream->discarded;
}

/**
 * xf_question_parse_read_bytes:
 *
 * Reads a file's questions into @parse (xf_question_parse_bytes()).
 */
void
xf_question_parse_read_bytes (XfQuestionParse  *parse,
                              GBytes           *bytes,
                              XfQuestionFormat  format)
{
  Stream *stream;
  g_autofree char *text = NULL;
  const char *data;
  const char *notice = NULL;
  XfTextDecodeResult result;
  gsize len;
  gsize text_len = 0;
  guint line = 0;

  g_return_if_fail (parse != NULL);
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (format < XF_QUESTION_N_FORMATS);

  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  if (format == XF_QUESTION_FORMAT_AUTO)
    format = xf_question_format_detect (parse->name, data, len);
  parse->format = format;
  stream = parse->stream;
  if (stream != NULL)
    stream->live = xf_question_format_can_stream (format);

  if (format == XF_QUESTION_FORMAT_XLSX)
    {
      xf_question_read_xlsx (parse, data, len);
      validate_questions (parse);
      return;
    }

  text = xf_text_decode (data, len, &text_len, &notice, &line, &result);
  if (text == NULL)
    {
      xf_question_parse_add_problem (parse, line, NULL, "%s", xf_text_decode_result_to_reason (result));
      return;
    }
  if (notice != NULL)
    xf_question_parse_add_notice (parse, 0, NULL, "%s", notice);

  switch (format)
    {
    case XF_QUESTION_FORMAT_JSON:
      xf_question_read_json (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_GIFT:
      xf_question_read_gift (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_MOODLE_XML:
      xf_question_read_moodle_xml (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_AIKEN:
      xf_question_read_aiken (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_CSV:
      xf_question_read_csv (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_TEXT:
      xf_question_read_text (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_LEXEVAL:
      xf_question_read_lexeval (parse, text, text_len);
      break;
    case XF_QUESTION_FORMAT_AUTO:
    case XF_QUESTION_FORMAT_XLSX:
    default:
      g_assert_not_reached ();
    }

  /* Questions refused while streaming were read all the same */
  if (parse->questions->len == 0 && parse->problems->len == 0 &&
      (stream == NULL || stream->refused->len == 0))
    xf_question_parse_add_problem (parse, 0, NULL, _("The file holds no questions in the %s format"),
                                   xf_question_format_to_label (format));
  validate_questions (parse);
}

/**
 * xf_question_parse_bytes:
 * @bytes: a question file's contents
 * @name: (nullable): its name, for detecting the format and for messages
 * @format: the format, or %XF_QUESTION_FORMAT_AUTO to detect it
 *
 * Reads every question of a file. Text in GB18030 or UTF-16 is converted
 * (with a notice); text in another encoding is refused with a problem
 * naming the line. Questions that cannot be read, or that break a rule
 * (xf_question_validate()), are reported as problems with their line.
 *
 * Returns: (transfer full): what the file held
 */
XfQuestionParse *
xf_question_parse_bytes (GBytes           *bytes,
                         const char       *name,
                         XfQuestionFormat  format)
{
  XfQuestionParse *parse;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (format < XF_QUESTION_N_FORMATS, NULL);

  parse = xf_question_parse_new (name);
  xf_question_parse_read_bytes (parse, bytes, format);
  return parse;
}

/**
 * xf_question_format_can_stream:
 *
 * Returns: whether the reader of @format finishes each question before it
 *   reads the next, and names the bank (if it does) before the first: so
 *   that questions can be stored while the rest of the file is read
 */
gboolean
xf_question_format_can_stream (XfQuestionFormat format)
{
  return format == XF_QUESTION_FORMAT_JSON || format == XF_QUESTION_FORMAT_CSV;
}

/**
 * xf_question_parse_set_sink:
 * @parse: a parse nothing was read into yet
 * @sink: (nullable): gets each question read that passes validation;
 *   %NULL to stop giving questions
 *
 * Makes xf_question_parse_read_bytes() give @sink the questions, as they
 * are read when the format can stream, else when all are read.
 */
void
xf_question_parse_set_sink (XfQuestionParse *parse,
                            XfQuestionSink   sink,
                            gpointer         user_data)
{
  Stream *stream;

  g_return_if_fail (parse != NULL);

  g_clear_pointer (&parse->stream, stream_free);
  if (sink == NULL)
    return;
  stream = g_new0 (Stream, 1);
  stream->sink = sink;
  stream->user_data = user_data;
  stream->refused = g_ptr_array_new_with_free_func ((GDestroyNotify)xf_question_problem_free);
  parse->stream = stream;
}

/**
 * xf_question_parse_file:
 *
 * Reads a question file (xf_question_parse_bytes()).
 *
 * Returns: (transfer full): what the file held, or %NULL when it cannot be
 *   read at all
 */
XfQuestionParse *
xf_question_parse_file (const char        *path,
                        XfQuestionFormat   format,
                        GError           **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  name = g_path_get_basename (path);
  return xf_question_parse_bytes (bytes, name, format);
}

/**
 * xf_question_format_export:
 * @questions: (element-type XfQuestion): the questions
 * @bank_title: (nullable): the bank they come from
 * @notices: (element-type XfQuestionProblem) (nullable): gets a notice for
 *   each question the format cannot hold, which is left out
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
xf_question_format_export (XfQuestionFormat   format,
                           GPtrArray         *questions,
                           const char        *bank_title,
                           GPtrArray         *notices,
                           GError           **error)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new ();

  g_return_val_if_fail (xf_question_format_can_export (format), NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);

      if (xf_question_format_can_hold (format, question))
        g_ptr_array_add (held, question);
      else if (notices != NULL)
        {
          XfQuestionProblem *notice = g_new0 (XfQuestionProblem, 1);

          notice->line = 0;
          notice->question = short_question (xf_question_get_stem (question));
          notice->reason = g_strdup_printf (_("Left out: the %s format cannot hold %s questions"),
                                            xf_question_format_to_label (format),
                                            xf_question_type_to_label (xf_question_get_question_type (question)));
          g_ptr_array_add (notices, notice);
        }
    }

  switch (format)
    {
    case XF_QUESTION_FORMAT_JSON:
      return xf_question_write_json (held, bank_title, error);
    case XF_QUESTION_FORMAT_GIFT:
      return xf_question_write_gift (held, bank_title, error);
    case XF_QUESTION_FORMAT_MOODLE_XML:
      return xf_question_write_moodle_xml (held, bank_title, error);
    case XF_QUESTION_FORMAT_AIKEN:
      return xf_question_write_aiken (held, bank_title, error);
    case XF_QUESTION_FORMAT_CSV:
      return xf_question_write_csv (held, bank_title, error);
    case XF_QUESTION_FORMAT_XLSX:
      return xf_question_write_xlsx (held, bank_title, error);
    case XF_QUESTION_FORMAT_AUTO:
    case XF_QUESTION_FORMAT_TEXT:
    case XF_QUESTION_FORMAT_LEXEVAL:
    default:
      g_assert_not_reached ();
    }
}

/**
 * xf_question_format_export_file:
 *
 * Writes the questions to @path, replacing it atomically.
 */
gboolean
xf_question_format_export_file (XfQuestionFormat   format,
                                GPtrArray         *questions,
                                const char        *bank_title,
                                const char        *path,
                                GPtrArray         *notices,
                                GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = xf_question_format_export (format, questions, bank_title, notices, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  return g_file_set_contents_full (path, data != NULL ? data : "", len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static const struct
{
  const char *chinese;
  const char *english;
} columns[] = {
  [XF_QUESTION_COLUMN_TYPE] = { "题型", "type" },
  [XF_QUESTION_COLUMN_STEM] = { "题干", "stem" },
  [XF_QUESTION_COLUMN_OPTION_A] = { "选项A", "option a" },
  [XF_QUESTION_COLUMN_OPTION_A + 1] = { "选项B", "option b" },
  [XF_QUESTION_COLUMN_OPTION_A + 2] = { "选项C", "option c" },
  [XF_QUESTION_COLUMN_OPTION_A + 3] = { "选项D", "option d" },
  [XF_QUESTION_COLUMN_OPTION_A + 4] = { "选项E", "option e" },
  [XF_QUESTION_COLUMN_OPTION_A + 5] = { "选项F", "option f" },
  [XF_QUESTION_COLUMN_OPTION_A + 6] = { "选项G", "option g" },
  [XF_QUESTION_COLUMN_OPTION_A + 7] = { "选项H", "option h" },
  [XF_QUESTION_COLUMN_ANSWER] = { "答案", "answer" },
  [XF_QUESTION_COLUMN_EXPLANATION] = { "解析", "explanation" },
  [XF_QUESTION_COLUMN_CATEGORY] = { "分类", "category" },
  [XF_QUESTION_COLUMN_DIFFICULTY] = { "难度", "difficulty" },
  [XF_QUESTION_COLUMN_LINKS] = { "法条", "articles" },
  [XF_QUESTION_COLUMN_TAGS] = { "标签", "tags" },
  [XF_QUESTION_COLUMN_SCORE] = { "分值", "score" },
  [XF_QUESTION_COLUMN_SOURCE] = { "来源", "source" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == XF_QUESTION_N_COLUMNS);

/**
 * xf_question_column_header:
 *
 * Returns: the column's Chinese header, as DESIGN.md §4 names it
 */
const char *
xf_question_column_header (XfQuestionColumn column)
{
  g_return_val_if_fail (column >= 0 && column < XF_QUESTION_N_COLUMNS, NULL);
  return columns[column].chinese;
}

/* The columns' names as headers are compared: normalised once, since a
 * table's header may have thousands of cells. */
static char **
normalized_column_names (void)
{
  static char **names;

  if (g_once_init_enter (&names))
    {
      char **normalized = g_new0 (char *, 2 * G_N_ELEMENTS (columns) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          normalized[2 * i] = xf_question_normalize_text (columns[i].english);
          normalized[2 * i + 1] = xf_question_normalize_text (columns[i].chinese);
        }
      g_once_init_leave (&names, normalized);
    }
  return names;
}

/**
 * xf_question_column_from_header:
 *
 * Returns: the column a header names (题干 or "stem", any case and spacing),
 *   or %XF_QUESTION_COLUMN_NONE
 */
XfQuestionColumn
xf_question_column_from_header (const char *header)
{
  g_autofree char *norm = NULL;
  char **names;

  if (header == NULL)
    return XF_QUESTION_COLUMN_NONE;
  norm = xf_question_normalize_text (header);
  names = normalized_column_names ();
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (norm, names[2 * i]) || g_str_equal (norm, names[2 * i + 1]))
      return i;
  /* Common variants */
  if (g_str_equal (norm, "题目") || g_str_equal (norm, "试题") || g_str_equal (norm, "question"))
    return XF_QUESTION_COLUMN_STEM;
  if (g_str_equal (norm, "类型") || g_str_equal (norm, "试题类型"))
    return XF_QUESTION_COLUMN_TYPE;
  if (g_str_equal (norm, "正确答案") || g_str_equal (norm, "参考答案"))
    return XF_QUESTION_COLUMN_ANSWER;
  if (g_str_equal (norm, "答案解析") || g_str_equal (norm, "试题解析"))
    return XF_QUESTION_COLUMN_EXPLANATION;
  if (g_str_equal (norm, "法条链接") || g_str_equal (norm, "法律依据") || g_str_equal (norm, "links"))
    return XF_QUESTION_COLUMN_LINKS;
  if (g_str_has_prefix (norm, "选项") && strlen (norm) == strlen ("选项") + 1)
    {
      char letter = g_ascii_toupper (norm[strlen ("选项")]);

      if (letter >= 'A' && letter <= 'H')
        return XF_QUESTION_COLUMN_OPTION_A + (letter - 'A');
    }
  if (g_str_has_prefix (norm, "option") && strlen (norm) == strlen ("option") + 1)
    {
      char letter = g_ascii_toupper (norm[strlen ("option")]);

      if (letter >= 'A' && letter <= 'H')
        return XF_QUESTION_COLUMN_OPTION_A + (letter - 'A');
    }
  return XF_QUESTION_COLUMN_NONE;
}

/* Reads a Chinese number or digits at *p, moving past it. */
static guint
read_number (const char **p,
             const char  *end)
{
  const char *start = *p;
  const char *q = start;
  gboolean other_digits = FALSE;

  while (q < end)
    {
      gunichar c = g_utf8_get_char (q);

      if (!(g_unichar_isdigit (c) || g_utf8_strchr ("零〇一二三四五六七八九十百千两", -1, c) != NULL))
        break;
      if (c >= 0x80 && g_unichar_isdigit (c))
        other_digits = TRUE;
      q = g_utf8_next_char (q);
    }
  if (q == start)
    return 0;
  *p = q;
  {
    /* ASCII digits and the Chinese numerals are their own NFKC form; only
     * other digits (full-width ones) need the tables */
    g_autofree char *word = other_digits ? g_utf8_normalize (start, q - start, G_NORMALIZE_ALL_COMPOSE)
                                         : g_strndup (start, q - start);
    guint64 value = 0;
    guint number = 0;

    if (word != NULL && g_ascii_isdigit (*word))
      return g_ascii_string_to_unsigned (word, 10, 1, 9999, &value, NULL) ? (guint)value : 0;
    if (word == NULL || !xf_chinese_numeral_parse (word, strlen (word), &number))
      return 0;
    return number;
  }
}

/**
 * xf_question_add_links_from_text:
 * @text: citations as people write them: 《行政处罚法》第三十二条、第三十三条；
 *   《民法典》第1084条, separated by anything
 *
 * Links @question to each article cited. A bare 第X条 belongs to the law
 * named before it.
 *
 * Returns: whether every citation was understood (nothing in @text but
 *   citations and separators)
 */
gboolean
xf_question_add_links_from_text (XfQuestion *question,
                                 const char *text)
{
  g_autofree char *law = NULL;
  const char *end;
  const char *p;
  gboolean ok = TRUE;

  g_return_val_if_fail (XF_IS_QUESTION (question), FALSE);

  if (text == NULL)
    return TRUE;
  end = text + strlen (text);
  for (p = text; p < end; )
    {
      if (g_str_has_prefix (p, "《"))
        {
          const char *close = strstr (p, "》");

          if (close == NULL)
            return FALSE;
          g_free (law);
          law = g_strndup (p + strlen ("《"), close - p - strlen ("《"));
          p = close + strlen ("》");
        }
      else if (g_str_has_prefix (p, "第"))
        {
          const char *q = p + strlen ("第");
          guint number = read_number (&q, end);
          guint sub = 0;

          if (number == 0 || !g_str_has_prefix (q, "条") || law == NULL)
            {
              ok = FALSE;
              p = g_utf8_next_char (p);
              continue;
            }
          q += strlen ("条");
          if (g_str_has_prefix (q, "之"))
            {
              const char *r = q + strlen ("之");
              guint n = read_number (&r, end);

              if (n > 0)
                {
                  sub = n;
                  q = r;
                }
            }
          xf_question_add_link (question, law, number, sub);
          p = q;
          /* 第X款, 第X项 after an article narrow it; the link is the article */
          while (g_str_has_prefix (p, "第"))
            {
              const char *r = p + strlen ("第");

              if (read_number (&r, end) == 0 ||
                  !(g_str_has_prefix (r, "款") || g_str_has_prefix (r, "项")))
                break;
              p = r + strlen ("款");
            }
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          if (!(g_unichar_isspace (c) || g_unichar_ispunct (c) || c == '|' || c == '+'))
            ok = FALSE;
          p = g_utf8_next_char (p);
        }
    }
  return ok;
}

/**
 * xf_question_dup_links_text:
 *
 * Returns: (transfer full): the question's links as citations, the form
 *   xf_question_add_links_from_text() reads: 《中华人民共和国行政处罚法》第三十二条；…
 */
char *
xf_question_dup_links_text (XfQuestion *question)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < xf_question_get_n_links (question); i++)
    {
      g_autofree char *label = NULL;
      guint number;
      guint sub;
      const char *law = xf_question_get_link (question, i, &number, &sub);

      label = xf_article_format_label (number, sub);
      if (out->len > 0)
        g_string_append (out, "；");
      g_string_append_printf (out, "《%s》%s", law, label);
    }
  return g_string_free (out, FALSE);
}
