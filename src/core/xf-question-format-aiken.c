/* xf-question-format-aiken.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-private.h"

/* The Aiken format: single-choice questions only.
 *
 *   行政处罚的设定和实施，应当遵循什么原则？
 *   A. 公正、公开
 *   B. 效率优先
 *   ANSWER: A
 *
 * Read the way Moodle's importer reads it, with its errors and their line
 * numbers, and a little more: the question may go on over several lines up
 * to its first option, and options may be labelled A、 or with full-width
 * letters and marks (Ａ．, Ａ）) as Chinese files do. */

typedef struct
{
  guint      line;       /* where the question starts */
  GString   *stem;
  GPtrArray *options;
  gboolean   broken;     /* reported already: skip to its ANSWER line */
} Pending;

static void
pending_free (Pending *pending)
{
  g_string_free (pending->stem, TRUE);
  g_ptr_array_unref (pending->options);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static Pending *
pending_new (guint       line,
             const char *text)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->line = line;
  pending->stem = g_string_new (text);
  pending->options = g_ptr_array_new_with_free_func (g_free);
  return pending;
}

/* Strips white space of any kind (U+3000 too) from both ends, in place. */
static char *
strip_text (char *text)
{
  char *start = text;
  char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  memmove (text, start, end - start);
  text[end - start] = '\0';
  return text;
}

/* A capital letter, half or full width: its index from A, or -1. */
static int
letter_index (gunichar c)
{
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 0xFF21 && c <= 0xFF3A)
    return c - 0xFF21;
  return -1;
}

/* "A. text", "A) text", "A、text", "Ａ．text": the option's index and text. */
static gboolean
match_option (const char  *line,
              int         *index,
              const char **text)
{
  const char *p = line;
  gunichar mark;

  *index = letter_index (g_utf8_get_char (p));
  if (*index < 0)
    return FALSE;
  p = g_utf8_next_char (p);
  mark = g_utf8_get_char (p);
  if (mark != '.' && mark != ')' && mark != 0x3001 /* 、 */ &&
      mark != 0xFF0E /* ． */ && mark != 0xFF09 /* ） */)
    return FALSE;
  p = g_utf8_next_char (p);
  *text = p;
  return TRUE;
}

/* "ANSWER: B" (also with a space before the colon or a full-width one):
 * what follows the colon. */
static gboolean
match_answer (const char  *line,
              const char **rest)
{
  const char *p;

  if (!g_str_has_prefix (line, "ANSWER"))
    return FALSE;
  p = line + strlen ("ANSWER");
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == ':')
    p++;
  else if (g_str_has_prefix (p, "："))
    p += strlen ("：");
  else
    return FALSE;
  *rest = p;
  return TRUE;
}

/* Reports the question left open when the next one starts or the file
 * ends: without options, or without its ANSWER line. */
static void
report_unfinished (XfQuestionParse *parse,
                   Pending         *pending,
                   guint            next_line)
{
  if (pending->broken)
    return;
  if (pending->options->len == 0)
    xf_question_parse_add_problem (parse, pending->line, pending->stem->str, "%s",
                                   _("The question has no options"));
  else if (next_line > 0)
    xf_question_parse_add_problem (parse, pending->line, pending->stem->str,
                                   _("The question has no ANSWER line before the next question starts on line %u"),
                                   next_line);
  else
    xf_question_parse_add_problem (parse, pending->line, pending->stem->str, "%s",
                                   _("The question has no ANSWER line before the end of the file"));
}

static void
finish_question (XfQuestionParse *parse,
                 Pending         *pending,
                 const char      *rest,
                 guint            line)
{
  g_autofree char *answer = strip_text (g_strdup (rest));
  g_autoptr(XfQuestion) question = NULL;
  const char *p = answer;
  gunichar c = g_utf8_get_char (p);
  int index = letter_index (g_unichar_toupper (c));
  guint n_letters = 0;
  char letter[2] = { 0, 0 };

  if (pending->options->len < 2)
    {
      xf_question_parse_add_problem (parse, line, pending->stem->str, "%s",
                                     _("The question needs at least two options before its ANSWER line"));
      return;
    }
  if (*answer == '\0' || index < 0)
    {
      xf_question_parse_add_problem (parse, line, pending->stem->str, "%s",
                                     _("The ANSWER line must name the right option by its letter"));
      return;
    }
  /* "ANSWER: ACD" is a multiple-choice answer, which Aiken cannot hold;
   * Moodle would quietly keep the A. */
  for (p = answer; *p != '\0' && letter_index (g_utf8_get_char (p)) >= 0; p = g_utf8_next_char (p))
    n_letters++;
  if (n_letters > 1 && (*p == '\0' || g_unichar_isspace (g_utf8_get_char (p)) ||
                        g_unichar_ispunct (g_utf8_get_char (p))))
    {
      xf_question_parse_add_problem (parse, line, pending->stem->str,
                                     _("The ANSWER line names several options (%s); an Aiken question has one right option"),
                                     answer);
      return;
    }
  if ((guint)index >= pending->options->len)
    {
      xf_question_parse_add_problem (parse, line, pending->stem->str,
                                     _("The answer %c is not among the question’s options"),
                                     'A' + index);
      return;
    }

  question = xf_question_new (XF_QUESTION_SINGLE);
  xf_question_set_stem (question, pending->stem->str);
  g_ptr_array_add (pending->options, NULL);
  xf_question_set_options (question, (const char * const *)pending->options->pdata);
  letter[0] = 'A' + index;
  xf_question_set_answer (question, letter);
  xf_question_set_line (question, pending->line);
  xf_question_parse_add (parse, g_steal_pointer (&question));
}

void
xf_question_read_aiken (XfQuestionParse *parse,
                        const char      *text,
                        gsize            len)
{
  g_autoptr(Pending) pending = NULL;
  const char *end = text + len;
  gboolean after_blank = FALSE;
  guint number = 0;

  for (const char *p = text; p < end; )
    {
      const char *eol = p;
      g_autofree char *line = NULL;
      const char *rest;
      int index;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      number++;
      line = strip_text (g_strndup (p, eol - p));
      /* \r\n is one line end; a lone \r (old Mac files) is one too. */
      p = eol < end && eol[0] == '\r' && eol + 1 < end && eol[1] == '\n' ? eol + 2 : eol + 1;

      /* Moodle skips lines shorter than two bytes. */
      if (strlen (line) < 2)
        {
          after_blank = TRUE;
          continue;
        }

      if (match_option (line, &index, &rest))
        {
          after_blank = FALSE;
          if (pending == NULL)
            {
              xf_question_parse_add_problem (parse, number, line, "%s",
                                             _("Question not started: an option comes before any question text"));
              continue;
            }
          if (pending->broken)
            continue;
          if ((guint)index != pending->options->len)
            {
              xf_question_parse_add_problem (parse, number, pending->stem->str,
                                             _("Option %c is out of order: option %c was expected"),
                                             'A' + index, 'A' + pending->options->len);
              pending->broken = TRUE;
              continue;
            }
          g_ptr_array_add (pending->options, strip_text (g_strdup (rest)));
        }
      else if (match_answer (line, &rest))
        {
          after_blank = FALSE;
          if (pending == NULL)
            {
              xf_question_parse_add_problem (parse, number, line, "%s",
                                             _("Question not started: an ANSWER line comes before any question text"));
              continue;
            }
          if (!pending->broken)
            finish_question (parse, pending, rest, number);
          g_clear_pointer (&pending, pending_free);
        }
      else if (pending != NULL && pending->options->len == 0 && !pending->broken && !after_blank)
        {
          /* The question goes on until its first option. */
          g_string_append_c (pending->stem, '\n');
          g_string_append (pending->stem, line);
        }
      else
        {
          after_blank = FALSE;
          if (pending != NULL)
            report_unfinished (parse, pending, number);
          g_clear_pointer (&pending, pending_free);
          pending = pending_new (number, line);
        }
    }

  if (pending != NULL)
    report_unfinished (parse, pending, 0);
}

/* An Aiken line can hold no newline, and a line of the stem must not look
 * like an option or an ANSWER line, or it would read back as one. */
static gboolean
misread_line (const char *line)
{
  int index;
  const char *rest;

  return strlen (line) < 2 || match_option (line, &index, &rest) || match_answer (line, &rest);
}

static void
append_one_line (GString    *out,
                 const char *text)
{
  g_autofree char *copy = strip_text (g_strdup (text));
  gboolean space = FALSE;

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        space = TRUE;
      else
        {
          if (space && out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
}

static void
write_stem (GString    *out,
            const char *stem)
{
  g_auto(GStrv) lines = g_strsplit (stem, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      strip_text (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!first && misread_line (lines[i]))
        g_string_append_c (out, ' ');
      else if (!first)
        g_string_append_c (out, '\n');
      append_one_line (out, lines[i]);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
}

GBytes *
xf_question_write_aiken (GPtrArray   *questions,
                         const char  *bank_title,
                         GError     **error)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (questions != NULL, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      XfQuestion *question = g_ptr_array_index (questions, i);
      const char *answer = xf_question_get_answer (question);

      if (xf_question_get_question_type (question) != XF_QUESTION_SINGLE)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      write_stem (out, xf_question_get_stem (question));
      for (guint j = 0; j < xf_question_get_n_options (question) && j < 26; j++)
        {
          g_string_append_printf (out, "%c) ", 'A' + j);
          append_one_line (out, xf_question_get_option (question, j));
          g_string_append_c (out, '\n');
        }
      g_string_append_printf (out, "ANSWER: %s\n", answer);
    }

  return g_string_free_to_bytes (out);
}
