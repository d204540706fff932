/* xf-question-format-text-private.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xf-question-format-private.h"

G_BEGIN_DECLS

/* What a section header (一、单选题（每题1分）) says the questions after it
 * are. CHOICE is a choice section that does not say how many options are
 * right (选择题, 不定项选择题): the answer tells. */
typedef enum
{
  XF_TEXT_SECTION_ANY,
  XF_TEXT_SECTION_SINGLE,
  XF_TEXT_SECTION_MULTIPLE,
  XF_TEXT_SECTION_CHOICE,
  XF_TEXT_SECTION_TRUE_FALSE,
  XF_TEXT_SECTION_FILL,
  XF_TEXT_SECTION_ESSAY,
  XF_TEXT_SECTION_UNSUPPORTED,  /* 连线题, 匹配题, 计算题, 完形填空 */
} XfTextSectionKind;

typedef struct
{
  XfTextSectionKind  kind;
  double             score;  /* each question's score, or < 0 when not said */
  guint              line;
  char              *name;   /* the type as the header writes it: 连线题 */
} XfTextSection;

/* A question as the scanner collects it: raw text per part, interpreted
 * once the whole file (and so any answer key at its end) has been read. */
typedef struct
{
  guint       line;
  guint       number;
  int         section;      /* index into the sections, or -1 */
  GString    *stem;
  GPtrArray  *options;      /* GString, the text after each letter */
  gboolean    undelimited;  /* options written "A警告B罚款", no mark after the letter */
  GString    *answer;       /* after 答案： in the question */
  gboolean    has_answer;
  GString    *explanation;
  GString    *keypoint;
  GString    *basis;
  GString    *difficulty;
  GString    *key;          /* from the answer key at the end */
  GString    *key_explanation;
  guint       key_line;
  gboolean    keyed;
  gboolean    answered;     /* gives its own answer: the key is for others first */
  char       *error;        /* the first thing found wrong while reading */
} XfTextPending;

XfTextPending     *xf_text_pending_new            (guint             line,
                                                   guint             number,
                                                   int               section);
void               xf_text_pending_free           (XfTextPending    *pending);
void               xf_text_pending_set_error      (XfTextPending    *pending,
                                                   const char       *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
void               xf_text_pending_finish         (XfQuestionParse  *parse,
                                                   XfTextPending    *pending,
                                                   GArray           *sections);

void               xf_text_section_clear          (XfTextSection    *section);
gsize              xf_text_match_section          (const char       *p,
                                                   const char       *end,
                                                   gboolean          at_line_start,
                                                   XfTextSection    *section);

/* Where the text being read goes. */
typedef enum
{
  XF_TEXT_FIELD_NONE,             /* outside any question: titles, instructions */
  XF_TEXT_FIELD_STEM,
  XF_TEXT_FIELD_OPTION,
  XF_TEXT_FIELD_ANSWER,
  XF_TEXT_FIELD_EXPLANATION,
  XF_TEXT_FIELD_KEYPOINT,
  XF_TEXT_FIELD_BASIS,
  XF_TEXT_FIELD_DIFFICULTY,
  XF_TEXT_FIELD_KEY,              /* an answer key entry: the answer, maybe more */
  XF_TEXT_FIELD_KEY_EXPLANATION,
  XF_TEXT_FIELD_SKIP,             /* a key entry for no question */
} XfTextField;

typedef enum
{
  XF_TEXT_STYLE_DIGITS,    /* 1、 1. 1． */
  XF_TEXT_STYLE_BRACKETS,  /* （1） (1) */
  XF_TEXT_STYLE_DI_TI,     /* 第1题 */
} XfTextStyle;

/* A question's number where it starts. */
typedef struct
{
  guint        number;
  guint        last;   /* the range's end in a key "1-5 BCADA", else number */
  XfTextStyle  style;
  const char  *after;  /* the text after it */
} XfTextMarker;

/* Marks looked for ahead of the reading, to confirm another mark. */
enum
{
  XF_TEXT_MEMO_DELIMITED = 0,     /* + letter index: "A." "B、" "C：" */
  XF_TEXT_MEMO_UNDELIMITED = 8,   /* + letter index: "A警告" */
  XF_TEXT_MEMO_NEWLINE = 16,
  XF_TEXT_MEMO_ANSWER_MARK,       /* 【答案】, 答案： */
  XF_TEXT_MEMO_ANSWER_BRACKET,    /* （B）, ( √ ) */
  XF_TEXT_MEMO_NUMBERED_LINE,     /* a line that starts with a question number */
  XF_TEXT_N_MEMOS
};

typedef struct
{
  const char *from;
  const char *found;  /* the first match at or after from; the end if none */
} XfTextMemo;

/* The questions with one number, in file order; head skips those keyed. */
typedef struct
{
  GPtrArray *items;
  guint      head;
} XfTextQueue;

typedef struct
{
  XfQuestionParse *parse;
  const char      *text;
  const char      *end;
  const char      *p;
  const char      *run;       /* text not yet given to the field */
  guint            line;
  GArray          *sections;  /* XfTextSection */
  int              section;
  GPtrArray       *questions; /* XfTextPending, file order */
  XfTextPending   *q;         /* the question being read */
  XfTextField      field;
  GString         *target;    /* where the field's text goes, or NULL */
  guint            last_number;
  XfTextStyle      style;
  guint            enum_last; /* a numbered line inside an answer or explanation */

  gboolean         in_block;  /* reading an answer key */
  XfTextPending   *keyed;     /* the question the key entry being read answers */
  int              block_section;
  int              block_mapped;
  XfTextSection    block_header;
  gboolean         has_block_header;
  guint            last_key;
  GHashTable      *queues;    /* "open 12", "answered 3:12" (section 3) → XfTextQueue */

  XfTextMemo       memos[XF_TEXT_N_MEMOS];
} XfTextScanner;

/* Characters and small tokens (xf-question-format-text-marks.c) */
gboolean           xf_text_is_blank_char          (gunichar          c);
gboolean           xf_text_is_ascii_alnum         (gunichar          c);
gboolean           xf_text_is_wide_alnum          (gunichar          c);
gsize              xf_text_blanks_at              (const char       *p,
                                                   const char       *end);
gunichar           xf_text_char_before            (const char       *text,
                                                   const char       *p);
int                xf_text_letter_at              (const char       *p,
                                                   const char       *end,
                                                   gsize            *len);
gsize              xf_text_match_colon            (const char       *p,
                                                   const char       *end);
gsize              xf_text_match_any              (const char       *p,
                                                   const char       *end,
                                                   const char * const *words);
gsize              xf_text_match_answer_token     (const char       *p,
                                                   const char       *end,
                                                   gboolean          letters,
                                                   gboolean          true_false);
gboolean           xf_text_bracket_holds_answer   (const char       *content,
                                                   gsize             len);
char              *xf_text_parse_letters          (const char       *text);
gboolean           xf_text_parse_true_false       (const char       *text,
                                                   gboolean         *value);
gboolean           xf_text_match_number           (const char       *p,
                                                   const char       *end,
                                                   gboolean          line_start,
                                                   gboolean          ranges,
                                                   XfTextMarker     *marker);
gboolean           xf_text_undelimited_at         (const char       *text,
                                                   const char       *end,
                                                   const char       *p,
                                                   int               letter);
gboolean           xf_text_answer_bracket_at      (const char       *p,
                                                   const char       *end);
const char        *xf_text_memo_find              (XfTextScanner    *s,
                                                   guint             kind,
                                                   const char       *from);
gboolean           xf_text_read_number            (const char      **p,
                                                   const char       *end,
                                                   double           *value);

/* The scanner (xf-question-format-text.c) */
void               xf_text_scanner_flush          (XfTextScanner    *s,
                                                   const char       *upto);
void               xf_text_scanner_switch_field   (XfTextScanner    *s,
                                                   const char       *mark,
                                                   const char       *after,
                                                   XfTextField       field,
                                                   GString          *target);
void               xf_text_scanner_start_question (XfTextScanner    *s,
                                                   const XfTextMarker *marker);
void               xf_text_scanner_end_question   (XfTextScanner    *s,
                                                   const char       *at);
void               xf_text_scanner_add_section    (XfTextScanner    *s,
                                                   XfTextSection    *section);

/* The answer key (xf-question-format-text-key.c) */
void               xf_text_scanner_queue          (XfTextScanner    *s,
                                                   XfTextPending    *pending);
gboolean           xf_text_scanner_try_block_title (XfTextScanner   *s);
gboolean           xf_text_scanner_skip_block_title (XfTextScanner  *s);
gboolean           xf_text_scanner_try_key        (XfTextScanner    *s,
                                                   gboolean          line_start);
gboolean           xf_text_scanner_try_key_explanation (XfTextScanner *s);
void               xf_text_queue_free             (gpointer          queue);

G_END_DECLS
