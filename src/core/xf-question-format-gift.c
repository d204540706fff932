/* xf-question-format-gift.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xf-question-format-gift-private.h"

/* Moodle's GIFT format, read the way Moodle's own importer reads it:
 *
 *   // [id:…] [tag:行政处罚]
 *   ::标题::题干{=对的 ~错的 ~错的 ####解析}
 *
 * Questions are separated by blank lines; lines starting with // are
 * comments; $CATEGORY: lines set the category of the questions after them.
 * The answers sit between the first { and the first } of a question, with
 * \~ \= \# \{ \} \: \\ and \n escaping the characters that mean something.
 *
 * What a question holds that we cannot (numerical and matching questions,
 * feedback on single answers, partial credit) is reported, never dropped
 * silently. Two things are read more kindly than Moodle reads them: a
 * question right under its $CATEGORY: line (Moodle takes it for part of the
 * category's name), and a line of wide spaces (a blank line here).
 *
 * The text of a question is unescaped once into a buffer with a parallel
 * mask marking the bytes that came from an escape, so that every search for
 * a control character skips the escaped ones and every piece of text is a
 * plain copy of a range. The writer is in xf-question-format-gift-text.c. */

/* One question's text with the escapes resolved. */
typedef struct
{
  char   *text;
  guint8 *esc;   /* esc[i]: text[i] was written with a backslash */
  gsize   len;
} Block;

/* What was changed in a question while reading it, said once each. */
typedef struct
{
  gboolean feedback_dropped;
  gboolean partial_dropped;
  gboolean several_right;
} Changes;

static void
block_init (Block      *block,
            const char *raw)
{
  gsize n = strlen (raw);

  block->text = g_malloc (n + 1);
  block->esc = g_malloc0 (n + 1);
  block->len = 0;
  for (gsize i = 0; i < n; i++)
    {
      char c = raw[i];

      if (c == '\\' && i + 1 < n && strchr ("\\~=#{}:n", raw[i + 1]) != NULL)
        {
          char next = raw[++i];

          block->text[block->len] = next == 'n' ? '\n' : next;
          block->esc[block->len++] = 1;
          continue;
        }
      block->text[block->len++] = c;
    }
  block->text[block->len] = '\0';
}

static void
block_clear (Block *block)
{
  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->esc, g_free);
}

/* Whether text[i] is the control character @c (not escaped). */
static inline gboolean
is_ctl (const Block *block,
        gsize        i,
        char         c)
{
  return block->text[i] == c && !block->esc[i];
}

static gssize
find_ctl (const Block *block,
          gsize        from,
          gsize        to,
          char         c)
{
  for (gsize i = from; i < to; i++)
    if (is_ctl (block, i, c))
      return i;
  return -1;
}

static gboolean
has_ctl_run (const Block *block,
             gsize        at,
             gsize        to,
             char         c,
             gsize        n)
{
  if (at + n > to)
    return FALSE;
  for (gsize i = at; i < at + n; i++)
    if (!is_ctl (block, i, c))
      return FALSE;
  return TRUE;
}

/* Moodle trims with PHP's trim(): ASCII white space only. */
static void
trim_range (const Block *block,
            gsize       *from,
            gsize       *to)
{
  while (*from < *to && g_ascii_isspace (block->text[*from]))
    (*from)++;
  while (*to > *from && g_ascii_isspace (block->text[*to - 1]))
    (*to)--;
}

/* Reads a piece of text the way Moodle's parse_text_with_format() does: an
 * optional format prefix, then the text, trimmed. */
static char *
text_with_format (const Block      *block,
                  gsize             from,
                  gsize             to,
                  XfGiftTextFormat  default_format,
                  XfGiftTextFormat *format_out)
{
  XfGiftTextFormat format = default_format;
  gsize prefix = 0;
  char *text;

  trim_range (block, &from, &to);
  if (xf_gift_match_format_prefix (block->text + from, to - from, &format, &prefix))
    from += prefix;
  if (format_out != NULL)
    *format_out = format;
  if (format == XF_GIFT_TEXT_HTML)
    text = xf_gift_html_to_plain (block->text + from, to - from);
  else
    text = g_strndup (block->text + from, to - from);
  return xf_gift_strip_text (text);
}

/* The stem: the text without its answers, with the blank where they stood
 * when the text goes on after them. */
static char *
read_stem (const Block      *block,
           gsize             open,
           gsize             close,
           XfGiftTextFormat *format)
{
  gsize from = 0;
  gsize prefix = 0;
  /* As in Moodle: a question whose text ends in } has no blank, even
   * when the braces that close its answers stand earlier. */
  gboolean missing_word = block->len > 0 && !is_ctl (block, block->len - 1, '}');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  *format = XF_GIFT_TEXT_MOODLE;
  while (from < open && g_ascii_isspace (block->text[from]))
    from++;
  if (xf_gift_match_format_prefix (block->text + from, open - from, format, &prefix))
    from += prefix;

  if (*format == XF_GIFT_TEXT_HTML)
    {
      before = xf_gift_html_to_plain (block->text + from, open - from);
      after = xf_gift_html_to_plain (block->text + close + 1, block->len - close - 1);
    }
  else
    {
      before = g_strndup (block->text + from, open - from);
      after = g_strndup (block->text + close + 1, block->len - close - 1);
    }
  return xf_gift_strip_text (g_strconcat (before, missing_word ? XF_GIFT_BLANK : "", after, NULL));
}

/* Moodle's answer weight at the start of an answer: %50%, %-100%,
 * %33.33333% (any number of minus signs means negative). */
static gboolean
read_weight (const Block *block,
             gsize       *from,
             gsize        to,
             double      *weight)
{
  gsize i = *from;
  gsize digits;
  gboolean negative = FALSE;
  g_autofree char *number = NULL;

  if (i >= to || block->text[i] != '%')
    return FALSE;
  for (i++; i < to && block->text[i] == '-'; i++)
    negative = TRUE;
  digits = i;
  while (i < to && g_ascii_isdigit (block->text[i]))
    i++;
  if (i == digits)
    return FALSE;
  if (i < to && block->text[i] == '.')
    for (i++; i < to && g_ascii_isdigit (block->text[i]); i++)
      ;
  if (i >= to || block->text[i] != '%')
    return FALSE;

  number = g_strndup (block->text + digits, i - digits);
  *weight = g_ascii_strtod (number, NULL) * (negative ? -1.0 : 1.0);
  *from = i + 1;
  return TRUE;
}

/* Splits an answer at its first # into the answer and its feedback, which
 * is dropped (and said once). */
static char *
read_answer_text (const Block      *block,
                  gsize             from,
                  gsize             to,
                  XfGiftTextFormat  format,
                  Changes          *changes)
{
  gssize hash = find_ctl (block, from, to, '#');

  if (hash >= 0)
    {
      gsize fb_from = hash + 1;
      gsize fb_to = to;

      trim_range (block, &fb_from, &fb_to);
      if (fb_to > fb_from)
        changes->feedback_dropped = TRUE;
      to = hash;
    }
  return text_with_format (block, from, to, format, NULL);
}

typedef struct
{
  gsize    from;
  gsize    to;
  gboolean equals;  /* started with = */
} Piece;

/* Splits the answers at every = (and, when @at_tilde, every ~), the way
 * Moodle does; an empty text before the first one is not an answer. */
static GArray *
split_answers (const Block *block,
               gsize        from,
               gsize        to,
               gboolean     at_tilde)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  Piece piece = { from, from, FALSE };

  for (gsize i = from; i <= to; i++)
    {
      gboolean equals = i < to && is_ctl (block, i, '=');

      if (i < to && !equals && !(at_tilde && is_ctl (block, i, '~')))
        continue;
      piece.to = i;
      if (piece.from != from || piece.equals)
        g_array_append_val (pieces, piece);
      else
        {
          gsize a = piece.from;
          gsize b = piece.to;

          trim_range (block, &a, &b);
          if (b > a)
            g_array_append_val (pieces, piece);
        }
      piece.from = i + 1;
      piece.equals = equals;
    }
  return pieces;
}

static void
read_choice (XfQuestion        *question,
             const Block       *block,
             gsize              from,
             gsize              to,
             XfGiftTextFormat   format,
             Changes           *changes,
             const char       **problem)
{
  g_autoptr(GArray) pieces = split_answers (block, from, to, TRUE);
  g_autoptr(GString) answer = g_string_new (NULL);
  gboolean single_mode = find_ctl (block, from, to, '=') >= 0;
  guint n_options = 0;

  if (pieces->len < 2)
    {
      *problem = _("A multiple-choice question needs at least two answers");
      return;
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      gsize a = piece->from;
      gsize b = piece->to;
      double weight = 0.0;
      g_autofree char *text = NULL;

      trim_range (block, &a, &b);
      if (piece->equals)
        weight = 100.0;
      else
        read_weight (block, &a, b, &weight);
      text = read_answer_text (block, a, b, format, changes);
      /* Moodle leaves blank answers out when it saves a question. */
      if (*text == '\0')
        continue;
      xf_question_add_option (question, text);
      n_options++;

      /* With = answers (Moodle's one-answer mode) only full marks are
       * right; without, every answer worth something is one to tick. */
      if (single_mode ? weight >= 99.999 : weight > 0.0)
        {
          if (n_options <= 26)
            g_string_append_c (answer, 'A' + n_options - 1);
        }
      else if (single_mode && weight > 0.0)
        changes->partial_dropped = TRUE;
    }

  if (answer->len == 0)
    {
      *problem = _("No answer is marked right");
      return;
    }
  if (answer->len > 1)
    {
      xf_question_set_question_type (question, XF_QUESTION_MULTIPLE);
      if (single_mode)
        changes->several_right = TRUE;
    }
  xf_question_set_answer (question, answer->str);
}

static void
read_short_answer (XfQuestion        *question,
                   const Block       *block,
                   gsize              from,
                   gsize              to,
                   XfGiftTextFormat   format,
                   Changes           *changes,
                   const char       **problem)
{
  g_autoptr(GArray) pieces = split_answers (block, from, to, FALSE);
  guint n_accepted = 0;

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      gsize a = piece->from;
      gsize b = piece->to;
      double weight = 100.0;
      g_autofree char *text = NULL;

      trim_range (block, &a, &b);
      read_weight (block, &a, b, &weight);
      text = read_answer_text (block, a, b, format, changes);
      if (*text == '\0')
        continue;
      if (weight >= 99.999)
        {
          xf_question_add_accepted (question, text);
          n_accepted++;
        }
      else if (weight > 0.0)
        changes->partial_dropped = TRUE;
    }

  if (n_accepted == 0)
    *problem = _("No answer is marked right");
}

static void
read_true_false (XfQuestion  *question,
                 const Block *block,
                 gsize        from,
                 gsize        to,
                 gboolean     value,
                 Changes     *changes)
{
  gssize hash = find_ctl (block, from, to, '#');

  if (hash >= 0)
    {
      gsize a = hash + 1;
      gsize b = to;

      trim_range (block, &a, &b);
      for (gsize i = a; i < b; i++)
        if (!is_ctl (block, i, '#') && !g_ascii_isspace (block->text[i]))
          changes->feedback_dropped = TRUE;
    }
  xf_question_set_answer (question, value ? "T" : "F");
}

/* Moodle's true/false answers, written in capitals: T, TRUE, F, FALSE. */
static gboolean
match_true_false (const Block *block,
                  gsize        from,
                  gsize        to,
                  gboolean    *value)
{
  gssize hash = find_ctl (block, from, to, '#');
  g_autofree char *word = NULL;

  if (hash > (gssize)from)
    to = hash;
  trim_range (block, &from, &to);
  word = g_strndup (block->text + from, to - from);
  if (g_str_equal (word, "T") || g_str_equal (word, "TRUE"))
    *value = TRUE;
  else if (g_str_equal (word, "F") || g_str_equal (word, "FALSE"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Moodle's [id:…] and [tag:…] markers in a question's comment lines; a ]
 * inside one is written \]. Returns whether every tag was kept: past
 * MAX_TAGS they are not, for a question is not worth a catalogue. */
#define MAX_TAGS 100

static gboolean
read_markers (XfQuestion *question,
              const char *comments)
{
  guint n_tags = 0;
  gboolean all = TRUE;

  for (const char *p = comments; (p = strchr (p, '[')) != NULL; p++)
    {
      gboolean is_id = g_str_has_prefix (p, "[id:");
      GString *value;
      const char *q;

      if (!is_id && !g_str_has_prefix (p, "[tag:"))
        continue;
      value = g_string_new (NULL);
      for (q = p + (is_id ? 4 : 5); *q != '\0' && *q != ']' && !g_ascii_iscntrl (*q); q++)
        {
          if (q[0] == '\\' && q[1] == ']')
            q++;
          g_string_append_c (value, *q);
        }
      if (*q == ']')
        {
          xf_gift_strip_text (value->str);
          if (is_id && g_uuid_string_is_valid (value->str))
            xf_question_set_uuid (question, value->str);
          else if (!is_id && n_tags < MAX_TAGS)
            {
              xf_question_add_tag (question, value->str);
              n_tags = g_strv_length ((char **)xf_question_get_tags (question));
            }
          else if (!is_id)
            all = FALSE;
        }
      /* A marker that runs into the line's end leaves the others it
       * holds unclosed too: go on after it, never scan it twice. */
      p = q - 1;
      g_string_free (value, TRUE);
    }
  return all;
}

/* One question: @raw is its lines without comments, @line the first. */
static void
read_question (XfQuestionParse *parse,
               const char      *raw,
               guint            line,
               const char      *comments,
               const char      *category)
{
  g_autoptr(XfQuestion) question = xf_question_new (XF_QUESTION_SINGLE);
  g_autofree char *title = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  const char *problem = NULL;
  Block block;
  Changes changes = { FALSE, };
  XfGiftTextFormat format;
  gssize open;
  gssize close;
  gsize from = 0;
  gsize to;
  gboolean value;

  block_init (&block, raw);
  to = block.len;
  trim_range (&block, &from, &to);
  block.text[to] = '\0';
  block.len = to;

  if (to - from >= 2 && is_ctl (&block, from, ':') && is_ctl (&block, from + 1, ':'))
    {
      gsize start = from + 2;

      from = start;
      for (gsize i = start; i + 1 < to; i++)
        if (is_ctl (&block, i, ':') && is_ctl (&block, i + 1, ':'))
          {
            title = xf_gift_strip_text (g_strndup (block.text + start, i - start));
            from = i + 2;
            trim_range (&block, &from, &to);
            break;
          }
    }
  /* Everything from here works on the text after the title. */
  memmove (block.text, block.text + from, to - from);
  memmove (block.esc, block.esc + from, to - from);
  block.len = to - from;
  block.text[block.len] = '\0';
  name = g_strdup (title != NULL && *title != '\0' ? title : block.text);

  open = find_ctl (&block, 0, block.len, '{');
  close = open >= 0 ? find_ctl (&block, open, block.len, '}') : find_ctl (&block, 0, block.len, '}');
  if (open < 0 && close < 0)
    problem = _("Unsupported question type: description (text without answers in braces)");
  else if (open < 0 || close < 0)
    problem = _("Unmatched brace: the answers must stand between { and }");
  if (problem != NULL)
    {
      xf_question_parse_add_problem (parse, line, name, "%s", problem);
      block_clear (&block);
      return;
    }

  stem = read_stem (&block, open, close, &format);
  from = open + 1;
  to = close;
  trim_range (&block, &from, &to);

  /* General feedback follows the last ####. */
  for (gsize i = to; i >= from + 4; i--)
    if (has_ctl_run (&block, i - 4, to, '#', 4))
      {
        g_autofree char *explanation = text_with_format (&block, i, to, format, NULL);

        xf_question_set_explanation (question, explanation);
        to = i - 4;
        trim_range (&block, &from, &to);
        break;
      }

  if (from == to)
    xf_question_set_question_type (question, XF_QUESTION_ESSAY);
  else if (is_ctl (&block, from, '#'))
    problem = _("Unsupported question type: numerical");
  else if (find_ctl (&block, from, to, '~') >= 0)
    read_choice (question, &block, from, to, format, &changes, &problem);
  else if (find_ctl (&block, from, to, '=') >= 0 &&
           g_strstr_len (block.text + from, to - from, "->") != NULL)
    problem = _("Unsupported question type: matching");
  else if (match_true_false (&block, from, to, &value))
    {
      xf_question_set_question_type (question, XF_QUESTION_TRUE_FALSE);
      read_true_false (question, &block, from, to, value, &changes);
    }
  else
    {
      xf_question_set_question_type (question, XF_QUESTION_FILL);
      read_short_answer (question, &block, from, to, format, &changes, &problem);
    }
  block_clear (&block);

  if (problem != NULL)
    {
      xf_question_parse_add_problem (parse, line, name, "%s", problem);
      return;
    }

  xf_question_set_title (question, title);
  xf_question_set_stem (question, stem);
  xf_question_set_category (question, category);
  xf_question_set_line (question, line);
  if (title == NULL || *title == '\0')
    {
      g_free (name);
      name = g_strdup (stem);
    }
  if (!read_markers (question, comments))
    xf_question_parse_add_notice (parse, line, name,
                                  _("Only the first %u tags were kept"), (guint)MAX_TAGS);
  if (changes.several_right)
    xf_question_parse_add_notice (parse, line, name, "%s",
                                  _("Several answers are marked right; read as a multiple-choice question"));
  if (changes.partial_dropped)
    xf_question_parse_add_notice (parse, line, name, "%s",
                                  _("Answers worth partial credit were left out; only fully right answers count"));
  if (changes.feedback_dropped)
    xf_question_parse_add_notice (parse, line, name, "%s", _("Feedback on single answers was left out"));
  xf_question_parse_add (parse, g_steal_pointer (&question));
}

/* $CATEGORY: $course$/top/行政法/行政处罚 → 行政法/行政处罚 */
static char *
read_category (const char *raw)
{
  Block block;
  g_auto(GStrv) levels = NULL;
  GString *out = g_string_new (NULL);
  gboolean seen = FALSE;
  const char *p;

  block_init (&block, raw);
  p = block.text;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '$')
    {
      const char *q = p + 1;

      while (g_ascii_isalpha (*q))
        q++;
      if (*q == '$' && q > p + 1)
        p = q + 1;
    }
  levels = g_strsplit (p, "/", -1);
  for (guint i = 0; levels[i] != NULL; i++)
    {
      gboolean first = !seen;

      xf_gift_strip_text (levels[i]);
      if (*levels[i] == '\0')
        continue;
      seen = TRUE;
      /* Moodle's top category of a context is no category of ours */
      if (first && g_str_equal (levels[i], "top"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, '/');
      g_string_append (out, levels[i]);
    }
  block_clear (&block);
  return g_string_free (out, FALSE);
}

static gboolean
is_blank_line (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The lines of one question block, trimmed, and the first one's number. */
static void
read_block (XfQuestionParse  *parse,
            GPtrArray        *lines,
            GArray           *numbers,
            char            **category)
{
  g_autoptr(GString) comments = g_string_new (NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  guint first = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line, "//"))
        {
          g_string_append (comments, line);
          g_string_append_c (comments, '\n');
          continue;
        }
      /* A $CATEGORY: line sets the category; Moodle writes it alone in
       * its block, but a question right under it is still read. */
      if (first == 0 && g_str_has_prefix (line, "$CATEGORY:"))
        {
          g_free (*category);
          *category = read_category (line + strlen ("$CATEGORY:"));
          continue;
        }
      if (first == 0)
        first = g_array_index (numbers, guint, i);
      else
        g_string_append_c (raw, '\n');
      g_string_append (raw, line);
    }

  if (first != 0)
    read_question (parse, raw->str, first, comments->str, *category);
}

void
xf_question_read_gift (XfQuestionParse *parse,
                       const char      *text,
                       gsize            len)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *category = g_strdup ("");
  const char *end = text + len;
  guint number = 0;

  for (const char *p = text; p < end; )
    {
      const char *eol = p;
      char *line;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      number++;
      line = g_strndup (p, eol - p);
      g_strstrip (line);
      /* \r\n is one line end; a lone \r (old Mac files) is one too. */
      p = eol < end && eol[0] == '\r' && eol + 1 < end && eol[1] == '\n' ? eol + 2 : eol + 1;

      if (is_blank_line (line))
        {
          g_free (line);
          if (lines->len > 0)
            read_block (parse, lines, numbers, &category);
          g_ptr_array_set_size (lines, 0);
          g_array_set_size (numbers, 0);
          continue;
        }
      g_ptr_array_add (lines, line);
      g_array_append_val (numbers, number);
    }
  if (lines->len > 0)
    read_block (parse, lines, numbers, &category);
}
