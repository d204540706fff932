/* xf-question-format-json-pieces.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xf-question-format-json-private.h"
#include "xf-question-format-private.h"

/* Reading a large file a piece at a time, on every core: the elements of
 * the root's "questions" array are found first, then json-glib parses the
 * root without them and runs of them as arrays of their own. */

/* Small pieces: each tree stays in the processor's cache while it is read
 * into questions and freed (on two cores 100 000 questions take 4.1 s in
 * pieces of 20, 6.5 s in pieces of 1000) */
#define PIECE_QUESTIONS 25
#define MAX_THREADS     4
#define PIECES_AHEAD    32

typedef struct
{
  gsize start;  /* first byte of the element */
  gsize end;    /* the ',' or ']' after it */
  guint line;
} Element;

typedef struct
{
  const char  *text;
  GArray      *elements;
  guint        n_pieces;
  GMutex       mutex;
  GCond        cond;
  XfQuestionParse **read;  /* each piece's questions and problems, once read */
  guint        next;     /* the next piece to parse */
  guint        used;     /* pieces read into questions */
  gboolean     failed;   /* a piece is not JSON */
} Pieces;

/* The closing quote of the string whose opening quote is at @i, or
 * @len when there is none; counts the lines it spans. */
static gsize
skip_string (const char *text,
             gsize       len,
             gsize       i,
             guint      *line,
             gboolean   *escaped)
{
  const char *start = text + i + 1;
  const char *end = text + len;
  const char *quote = memchr (start, '"', end - start);

  *escaped = FALSE;
  if (quote == NULL)
    return len;
  /* Most strings hold no backslash, and no line break */
  if (memchr (start, '\\', quote - start) != NULL)
    {
      *escaped = TRUE;
      for (quote = start; quote < end && *quote != '"'; quote++)
        if (*quote == '\\')
          quote++;
      if (quote >= end)
        return len;
    }
  for (const char *p = start; (p = memchr (p, '\n', quote - p)) != NULL; p++)
    (*line)++;
  return quote - text;
}

/* Finds where the elements of the root object's "questions" array are.
 * Only plain JSON is taken: on anything json-glib might read otherwise (a
 * comment, a single quote, a key with an escape, "questions" twice, an
 * empty element, text after the root) or deep nesting it gives up, and the
 * file is read whole. */
static gboolean
find_elements (const char *text,
               gsize       len,
               gsize      *open,
               gsize      *close,
               GArray     *elements)
{
  gsize key_start = 0;
  gsize key_end = 0;
  gboolean key_is_questions = FALSE;
  gboolean found = FALSE;
  gboolean in_questions = FALSE;
  gboolean in_element = FALSE;
  gboolean root_done = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '\n')
        line++;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (root_done || c == '/' || c == '#' || c == '\'')
        return FALSE;
      if (depth == 0 && c != '{')
        return FALSE;

      /* An element of the questions array starts or ends */
      if (in_questions && depth == 2)
        {
          if (c == ',' || c == ']')
            {
              if (!in_element)
                {
                  if (c == ',' || elements->len > 0)
                    return FALSE;
                }
              else
                {
                  Element *element = &g_array_index (elements, Element, elements->len - 1);

                  element->end = i;
                  in_element = FALSE;
                }
            }
          else if (!in_element)
            {
              Element element = { i, 0, line };

              g_array_append_val (elements, element);
              in_element = TRUE;
            }
        }

      if (c == '"')
        {
          gboolean escaped;

          key_start = i + 1;
          i = skip_string (text, len, i, &line, &escaped);
          if (i == len || (escaped && depth == 1))
            return FALSE;
          key_end = i;
        }
      else if (c == ':' && depth == 1)
        {
          key_is_questions = key_end - key_start == strlen ("questions") &&
                             memcmp (text + key_start, "questions", key_end - key_start) == 0;
          if (key_is_questions && found)
            return FALSE;
        }
      else if (c == '[' || c == '{')
        {
          if (depth == 1 && c == '[' && key_is_questions)
            {
              found = in_questions = TRUE;
              *open = i;
            }
          if (++depth > XF_QUESTION_JSON_MAX_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        {
          if (depth == 0)
            return FALSE;
          if (--depth == 1 && in_questions)
            {
              in_questions = FALSE;
              *close = i;
            }
          root_done = depth == 0;
        }
      else if (c == ',' && depth == 1)
        key_is_questions = FALSE;
    }
  return found && root_done;
}

/* Reads pieces into questions, staying a few ahead of the ones handed
 * over. The trees are freed in the thread that made them. */
static gpointer
parse_pieces (gpointer data)
{
  Pieces *pieces = data;
  guint ahead = PIECES_AHEAD;
  g_autoptr(GByteArray) array = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(JsonParser) parser = NULL;
      XfQuestionParse *read;
      guint piece, first, last;
      gsize start, end;
      gboolean ok;

      g_mutex_lock (&pieces->mutex);
      while (!pieces->failed && pieces->next < pieces->n_pieces && pieces->next >= pieces->used + ahead)
        g_cond_wait (&pieces->cond, &pieces->mutex);
      if (pieces->failed || pieces->next >= pieces->n_pieces)
        {
          g_mutex_unlock (&pieces->mutex);
          return NULL;
        }
      piece = pieces->next++;
      g_mutex_unlock (&pieces->mutex);

      first = piece * PIECE_QUESTIONS;
      last = MIN (first + PIECE_QUESTIONS, pieces->elements->len) - 1;
      start = g_array_index (pieces->elements, Element, first).start;
      end = g_array_index (pieces->elements, Element, last).end;
      g_byte_array_set_size (array, 0);
      g_byte_array_append (array, (const guint8 *)"[", 1);
      g_byte_array_append (array, (const guint8 *)pieces->text + start, end - start);
      g_byte_array_append (array, (const guint8 *)"]", 1);
      parser = json_parser_new ();
      ok = json_parser_load_from_data (parser, (const char *)array->data, array->len, NULL);
      read = xf_question_parse_new (NULL);
      if (ok)
        {
          JsonArray *elements = json_node_get_array (json_parser_get_root (parser));

          for (guint i = 0; i < json_array_get_length (elements); i++)
            xf_question_json_read_question (read, json_array_get_element (elements, i), first + i,
                                            g_array_index (pieces->elements, Element, first + i).line);
        }
      g_clear_object (&parser);

      g_mutex_lock (&pieces->mutex);
      pieces->read[piece] = read;
      pieces->failed = pieces->failed || !ok;
      g_cond_broadcast (&pieces->cond);
      g_mutex_unlock (&pieces->mutex);
    }
}

/* Returns FALSE, having read nothing, when the file must be read whole */
gboolean
xf_question_json_read_in_pieces (XfQuestionParse *parse,
                                 const char      *text,
                                 gsize            len)
{
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (Element));
  g_autoptr(JsonParser) root_parser = NULL;
  g_autoptr(GString) root = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Pieces pieces = { text, elements, 0, };
  JsonArray *questions;
  gboolean failed = FALSE;
  guint n_threads;
  gsize open = 0;
  gsize close = 0;

  if (!find_elements (text, len, &open, &close, elements))
    return FALSE;

  /* The root without its questions, read first: the bank is known before
   * the first question */
  root = g_string_new_len (text, open + 1);
  g_string_append_len (root, text + close, len - close);
  root_parser = json_parser_new ();
  if (!json_parser_load_from_data (root_parser, root->str, root->len, NULL))
    return FALSE;
  questions = xf_question_json_read_root (parse, json_parser_get_root (root_parser));
  if (questions == NULL)
    return TRUE;

  pieces.n_pieces = (elements->len + PIECE_QUESTIONS - 1) / PIECE_QUESTIONS;
  pieces.read = g_new0 (XfQuestionParse *, MAX (pieces.n_pieces, 1));
  g_mutex_init (&pieces.mutex);
  g_cond_init (&pieces.cond);
  /* A file of one piece (most files, and every stored version of a
   * question) is read in this thread */
  n_threads = pieces.n_pieces > 1 ? MIN (MIN ((guint)g_get_num_processors (), MAX_THREADS), pieces.n_pieces) : 0;
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("xf-question-json", parse_pieces, &pieces));
  if (n_threads == 0)
    parse_pieces (&pieces);

  /* Each piece's questions in file order, as soon as it is read */
  for (guint i = 0; i < pieces.n_pieces && !failed; i++)
    {
      XfQuestionParse *read;

      g_mutex_lock (&pieces.mutex);
      while (pieces.read[i] == NULL)
        g_cond_wait (&pieces.cond, &pieces.mutex);
      read = pieces.read[i];
      pieces.read[i] = NULL;
      failed = pieces.failed;
      g_mutex_unlock (&pieces.mutex);

      if (!failed)
        {
          for (guint j = 0; j < read->questions->len; j++)
            xf_question_parse_add (parse, g_object_ref (g_ptr_array_index (read->questions, j)));
          g_ptr_array_extend_and_steal (parse->problems, g_steal_pointer (&read->problems));
          read->problems = g_ptr_array_new ();
        }
      xf_question_parse_free (read);

      g_mutex_lock (&pieces.mutex);
      pieces.used = i + 1;
      g_cond_broadcast (&pieces.cond);
      g_mutex_unlock (&pieces.mutex);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  for (guint i = 0; i < pieces.n_pieces; i++)
    g_clear_pointer (&pieces.read[i], xf_question_parse_free);
  g_free (pieces.read);
  g_mutex_clear (&pieces.mutex);
  g_cond_clear (&pieces.cond);

  /* A piece that is not JSON: json-glib says where the whole file is
   * wrong, and nothing of it is read */
  if (failed)
    {
      g_clear_pointer (&parse->bank_title, g_free);
      g_clear_pointer (&parse->bank_description, g_free);
      g_clear_pointer (&parse->bank_source, g_free);
      g_clear_pointer (&parse->bank_licence, g_free);
      xf_question_parse_discard (parse);
      return FALSE;
    }
  return TRUE;
}
