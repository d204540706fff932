/* xf-question.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xf-database.h"
#include "xf-list-item.h"
#include "xf-question.h"
#include "xf-question-private.h"

/* One question of a bank. The content fields are what an edit changes (and
 * what a new version snapshots); the identity fields are set by the store.
 *
 * The answer depends on the type: the right options' letters in order for
 * choice questions ("B", "ACD"), "T" or "F" for true/false, the reference
 * text for essays. Fill-in questions keep their accepted answers instead. */
struct _XfQuestion
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  gint64          bank_id;
  guint           version;
  gint64          updated_at;
  guint           line;

  XfQuestionType  type;
  char           *title;
  char           *stem;
  GPtrArray      *options;    /* char*, NULL-terminated */
  char           *answer;
  GPtrArray      *accepted;   /* char*, NULL-terminated */
  char           *explanation;
  guint           difficulty;
  char           *category;
  GPtrArray      *tags;       /* char*, NULL-terminated */
  double          score;
  char           *source;
  GArray         *links;      /* Link */
};

typedef struct
{
  char  *law_title;
  guint  number;
  guint  sub;
} Link;

G_DEFINE_FINAL_TYPE (XfQuestion, xf_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_VERSION,
  PROP_QUESTION_TYPE,
  PROP_STEM,
  PROP_CATEGORY,
  PROP_DIFFICULTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GPtrArray *
strv_array_new (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static void
strv_array_set (GPtrArray          *array,
                const char * const *strv)
{
  g_ptr_array_set_size (array, 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (strv[i]));
  g_ptr_array_add (array, NULL);
}

static void
strv_array_append (GPtrArray  *array,
                   const char *text)
{
  g_assert (array->len > 0);
  array->pdata[array->len - 1] = g_strdup (text);
  g_ptr_array_add (array, NULL);
}

static gboolean
strv_equal (GPtrArray *a,
            GPtrArray *b)
{
  return g_strv_equal ((const char * const *)a->pdata, (const char * const *)b->pdata);
}

static void
link_clear (gpointer data)
{
  Link *link = data;

  g_free (link->law_title);
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

static void
xf_question_finalize (GObject *object)
{
  XfQuestion *self = (XfQuestion *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->stem, g_free);
  g_clear_pointer (&self->options, g_ptr_array_unref);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->accepted, g_ptr_array_unref);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (xf_question_parent_class)->finalize (object);
}

static void
xf_question_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XfQuestion *self = XF_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_QUESTION_TYPE:
      g_value_set_uint (value, self->type);
      break;

    case PROP_STEM:
      g_value_set_string (value, self->stem);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_DIFFICULTY:
      g_value_set_uint (value, self->difficulty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_class_init (XfQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_question_finalize;
  object_class->get_property = xf_question_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION_TYPE] =
    g_param_spec_uint ("question-type", NULL, NULL, 0, XF_QUESTION_N_TYPES - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEM] =
    g_param_spec_string ("stem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFICULTY] =
    g_param_spec_uint ("difficulty", NULL, NULL, 1, 5, 3,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_question_init (XfQuestion *self)
{
  self->uuid = g_strdup ("");
  self->version = 1;
  self->title = g_strdup ("");
  self->stem = g_strdup ("");
  self->options = strv_array_new ();
  self->answer = g_strdup ("");
  self->accepted = strv_array_new ();
  self->explanation = g_strdup ("");
  self->difficulty = 3;
  self->category = g_strdup ("");
  self->tags = strv_array_new ();
  self->score = 1.0;
  self->source = g_strdup ("");
  self->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (self->links, link_clear);
}

XfQuestion *
xf_question_new (XfQuestionType type)
{
  XfQuestion *self;

  g_return_val_if_fail (type < XF_QUESTION_N_TYPES, NULL);

  self = g_object_new (XF_TYPE_QUESTION, NULL);
  self->type = type;
  return self;
}

/**
 * xf_question_copy:
 *
 * Returns: (transfer full): a new question with the same identity and content
 */
XfQuestion *
xf_question_copy (XfQuestion *self)
{
  XfQuestion *copy;

  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);

  copy = xf_question_new (self->type);
  copy->id = self->id;
  set_string (&copy->uuid, self->uuid);
  copy->bank_id = self->bank_id;
  copy->version = self->version;
  copy->updated_at = self->updated_at;
  copy->line = self->line;
  set_string (&copy->title, self->title);
  set_string (&copy->stem, self->stem);
  strv_array_set (copy->options, xf_question_get_options (self));
  set_string (&copy->answer, self->answer);
  strv_array_set (copy->accepted, xf_question_get_accepted (self));
  set_string (&copy->explanation, self->explanation);
  copy->difficulty = self->difficulty;
  set_string (&copy->category, self->category);
  strv_array_set (copy->tags, xf_question_get_tags (self));
  copy->score = self->score;
  set_string (&copy->source, self->source);
  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);

      xf_question_add_link (copy, link->law_title, link->number, link->sub);
    }

  return copy;
}

/**
 * xf_question_equal_content:
 *
 * Returns: whether two questions say the same: every content field equal
 *   (identity, version and line are not compared)
 */
gboolean
xf_question_equal_content (XfQuestion *a,
                           XfQuestion *b)
{
  g_return_val_if_fail (XF_IS_QUESTION (a), FALSE);
  g_return_val_if_fail (XF_IS_QUESTION (b), FALSE);

  if (a->type != b->type || a->difficulty != b->difficulty || a->score != b->score ||
      !g_str_equal (a->title, b->title) || !g_str_equal (a->stem, b->stem) ||
      !g_str_equal (a->answer, b->answer) || !g_str_equal (a->explanation, b->explanation) ||
      !g_str_equal (a->category, b->category) || !g_str_equal (a->source, b->source) ||
      !strv_equal (a->options, b->options) || !strv_equal (a->accepted, b->accepted) ||
      !strv_equal (a->tags, b->tags) || a->links->len != b->links->len)
    return FALSE;

  for (guint i = 0; i < a->links->len; i++)
    {
      Link *la = &g_array_index (a->links, Link, i);
      Link *lb = &g_array_index (b->links, Link, i);

      if (!g_str_equal (la->law_title, lb->law_title) || la->number != lb->number || la->sub != lb->sub)
        return FALSE;
    }

  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, XF_STORE_ERROR, XF_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * xf_question_validate:
 *
 * Checks what a question needs to be asked and graded: a stem; for choice
 * questions two to eight options, none empty, and an answer naming existing
 * options (exactly one for 单选, at least two for 多选); T or F for 判断; an
 * accepted answer for 填空; a difficulty of 1 to 5 and a score of 0 or more.
 *
 * Returns: %TRUE when the question is complete; else %FALSE with a message
 *   a person can act on
 */
gboolean
xf_question_validate (XfQuestion  *self,
                      GError     **error)
{
  guint n_options;

  g_return_val_if_fail (XF_IS_QUESTION (self), FALSE);

  if (blank (self->stem))
    return invalid (error, _("The question has no text"));
  if (self->difficulty < 1 || self->difficulty > 5)
    return invalid (error, _("The difficulty must be from 1 to 5"));
  if (!(self->score >= 0.0 && self->score <= 1000.0))
    return invalid (error, _("The score must be from 0 to 1000"));

  n_options = xf_question_get_n_options (self);
  switch (self->type)
    {
    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
      {
        guint n_right = 0;
        guint seen = 0;

        if (n_options < 2)
          return invalid (error, _("A choice question needs at least two options"));
        if (n_options > XF_QUESTION_MAX_OPTIONS)
          return invalid (error, _("A question can have at most eight options (A to H)"));
        for (guint i = 0; i < n_options; i++)
          if (blank (xf_question_get_option (self, i)))
            return invalid (error, _("An option is empty"));
        for (const char *p = self->answer; *p != '\0'; p++)
          {
            guint index = (guint)(*p - 'A');

            if (*p < 'A' || *p > 'H' || index >= n_options)
              return invalid (error, _("The answer names an option the question does not have"));
            if (seen & (1u << index))
              return invalid (error, _("The answer names an option twice"));
            seen |= 1u << index;
            n_right++;
          }
        if (self->type == XF_QUESTION_SINGLE && n_right != 1)
          return invalid (error, _("A single-choice question needs exactly one right option"));
        if (self->type == XF_QUESTION_MULTIPLE && n_right < 2)
          return invalid (error, _("A multiple-choice question needs at least two right options"));
      }
      break;

    case XF_QUESTION_TRUE_FALSE:
      if (!g_str_equal (self->answer, "T") && !g_str_equal (self->answer, "F"))
        return invalid (error, _("A true-or-false question needs the answer “true” or “false”"));
      break;

    case XF_QUESTION_FILL:
      {
        const char * const *accepted = xf_question_get_accepted (self);

        if (accepted[0] == NULL)
          return invalid (error, _("A fill-in question needs at least one accepted answer"));
        for (guint i = 0; accepted[i] != NULL; i++)
          if (blank (accepted[i]))
            return invalid (error, _("An accepted answer is empty"));
      }
      break;

    case XF_QUESTION_ESSAY:
    default:
      break;
    }

  return TRUE;
}

/**
 * xf_question_dup_fingerprint:
 *
 * What duplicate detection compares: a checksum of the normalised stem and
 * options. Two questions with the same stem and options (however spaced or
 * wide their characters) have the same fingerprint.
 *
 * Returns: (transfer full): a hex SHA-1
 */
char *
xf_question_dup_fingerprint (XfQuestion *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);

  text = g_string_sized_new (512);
  xf_question_normalize_append (text, self->stem);
  for (guint i = 0; i < xf_question_get_n_options (self); i++)
    {
      g_string_append_c (text, '\x1f');
      xf_question_normalize_append (text, xf_question_get_option (self, i));
    }

  return g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *)text->str, text->len);
}

/**
 * xf_question_dup_summary:
 *
 * Returns: (transfer full): the stem on one line, for lists and reports
 */
char *
xf_question_dup_summary (XfQuestion *self)
{
  GString *out;

  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);

  out = g_string_new (NULL);
  for (const char *p = self->stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * xf_question_dup_answer_text:
 *
 * Returns: (transfer full): the answer as a person reads it: "ACD", 正确 or
 *   错误, the accepted answers separated by " / ", or the reference text
 */
char *
xf_question_dup_answer_text (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);

  switch (self->type)
    {
    case XF_QUESTION_TRUE_FALSE:
      return g_strdup (g_str_equal (self->answer, "T") ? _("True") : _("False"));

    case XF_QUESTION_FILL:
      return g_strjoinv (" / ", (char **)xf_question_get_accepted (self));

    case XF_QUESTION_SINGLE:
    case XF_QUESTION_MULTIPLE:
    case XF_QUESTION_ESSAY:
    default:
      return g_strdup (self->answer);
    }
}

gint64
xf_question_get_id (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->id;
}

void
xf_question_set_id (XfQuestion *self,
                    gint64      id)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  self->id = id;
}

const char *
xf_question_get_uuid (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->uuid;
}

void
xf_question_set_uuid (XfQuestion *self,
                      const char *uuid)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  set_string (&self->uuid, uuid);
}

gint64
xf_question_get_bank_id (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->bank_id;
}

void
xf_question_set_bank_id (XfQuestion *self,
                         gint64      bank_id)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  self->bank_id = bank_id;
}

guint
xf_question_get_version (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->version;
}

void
xf_question_set_version (XfQuestion *self,
                         guint       version)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

gint64
xf_question_get_updated_at (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->updated_at;
}

void
xf_question_set_updated_at (XfQuestion *self,
                            gint64      updated_at)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  self->updated_at = updated_at;
}

guint
xf_question_get_line (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->line;
}

void
xf_question_set_line (XfQuestion *self,
                      guint       line)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  self->line = line;
}

XfQuestionType
xf_question_get_question_type (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->type;
}

void
xf_question_set_question_type (XfQuestion     *self,
                               XfQuestionType  type)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  g_return_if_fail (type < XF_QUESTION_N_TYPES);
  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_TYPE]);
}

const char *
xf_question_get_title (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->title;
}

void
xf_question_set_title (XfQuestion *self,
                       const char *title)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  set_string (&self->title, title);
}

const char *
xf_question_get_stem (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->stem;
}

void
xf_question_set_stem (XfQuestion *self,
                      const char *stem)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  if (g_strcmp0 (self->stem, stem) == 0)
    return;
  set_string (&self->stem, stem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEM]);
}

guint
xf_question_get_n_options (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->options->len - 1;
}

const char *
xf_question_get_option (XfQuestion *self,
                        guint       index)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->options->len - 1, NULL);
  return g_ptr_array_index (self->options, index);
}

/**
 * xf_question_get_options:
 *
 * Returns: (transfer none): the options, %NULL-terminated
 */
const char * const *
xf_question_get_options (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return (const char * const *)self->options->pdata;
}

void
xf_question_set_options (XfQuestion         *self,
                         const char * const *options)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  strv_array_set (self->options, options);
}

void
xf_question_add_option (XfQuestion *self,
                        const char *option)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  g_return_if_fail (option != NULL);
  strv_array_append (self->options, option);
}

const char *
xf_question_get_answer (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->answer;
}

/**
 * xf_question_set_answer:
 * @answer: for choice questions the right options' letters; they are kept
 *   upper-case and in order ("dA" becomes "AD"); for true/false "T" or "F";
 *   for essays the reference text
 */
void
xf_question_set_answer (XfQuestion *self,
                        const char *answer)
{
  g_return_if_fail (XF_IS_QUESTION (self));

  if (answer != NULL && (self->type == XF_QUESTION_SINGLE || self->type == XF_QUESTION_MULTIPLE))
    {
      GString *letters = g_string_new (NULL);
      gboolean seen[26] = { FALSE, };
      gboolean other = FALSE;

      for (const char *p = answer; *p != '\0'; p++)
        {
          char c = g_ascii_toupper (*p);

          if (c >= 'A' && c <= 'Z')
            seen[c - 'A'] = TRUE;
          else if (!g_ascii_isspace (c) && c != ',')
            other = TRUE;
        }
      for (guint i = 0; i < 26; i++)
        if (seen[i])
          g_string_append_c (letters, 'A' + i);
      /* Anything that is not letters stays as it was, for validation to name */
      if (other)
        g_string_assign (letters, answer);
      set_string (&self->answer, letters->str);
      g_string_free (letters, TRUE);
      return;
    }

  set_string (&self->answer, answer);
}

gboolean
xf_question_option_is_correct (XfQuestion *self,
                               guint       index)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), FALSE);

  if (index >= 26 || (self->type != XF_QUESTION_SINGLE && self->type != XF_QUESTION_MULTIPLE))
    return FALSE;
  return strchr (self->answer, 'A' + (int)index) != NULL;
}

const char * const *
xf_question_get_accepted (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return (const char * const *)self->accepted->pdata;
}

void
xf_question_set_accepted (XfQuestion         *self,
                          const char * const *accepted)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  strv_array_set (self->accepted, accepted);
}

void
xf_question_add_accepted (XfQuestion *self,
                          const char *accepted)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  g_return_if_fail (accepted != NULL);
  strv_array_append (self->accepted, accepted);
}

/**
 * xf_question_accepts:
 * @response: what a person wrote in a fill-in question
 *
 * Returns: whether @response equals an accepted answer once both are
 *   normalised (xf_question_normalize_text())
 */
gboolean
xf_question_accepts (XfQuestion *self,
                     const char *response)
{
  g_autofree char *norm = NULL;

  g_return_val_if_fail (XF_IS_QUESTION (self), FALSE);

  if (response == NULL)
    return FALSE;
  norm = xf_question_normalize_text (response);
  if (*norm == '\0')
    return FALSE;
  for (guint i = 0; i + 1 < self->accepted->len; i++)
    {
      g_autofree char *accepted = xf_question_normalize_text (g_ptr_array_index (self->accepted, i));

      if (g_str_equal (norm, accepted))
        return TRUE;
    }

  return FALSE;
}

const char *
xf_question_get_explanation (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->explanation;
}

void
xf_question_set_explanation (XfQuestion *self,
                             const char *explanation)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  set_string (&self->explanation, explanation);
}

guint
xf_question_get_difficulty (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->difficulty;
}

void
xf_question_set_difficulty (XfQuestion *self,
                            guint       difficulty)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  if (self->difficulty == difficulty)
    return;
  self->difficulty = difficulty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFICULTY]);
}

/**
 * xf_question_get_category:
 *
 * Returns: the category path, levels separated by "/" ("行政法/行政处罚"),
 *   or ""
 */
const char *
xf_question_get_category (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->category;
}

void
xf_question_set_category (XfQuestion *self,
                          const char *category)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  if (g_strcmp0 (self->category, category) == 0)
    return;
  set_string (&self->category, category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char * const *
xf_question_get_tags (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return (const char * const *)self->tags->pdata;
}

void
xf_question_set_tags (XfQuestion         *self,
                      const char * const *tags)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_add (self->tags, NULL);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    xf_question_add_tag (self, tags[i]);
}

/**
 * xf_question_add_tag:
 *
 * Adds a tag unless the question has it or it is blank. Tags are kept
 * without surrounding spaces.
 */
void
xf_question_add_tag (XfQuestion *self,
                     const char *tag)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XF_IS_QUESTION (self));
  g_return_if_fail (tag != NULL);

  stripped = g_strstrip (g_strdup (tag));
  if (*stripped == '\0' || xf_question_has_tag (self, stripped))
    return;
  strv_array_append (self->tags, stripped);
}

gboolean
xf_question_has_tag (XfQuestion *self,
                     const char *tag)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), FALSE);
  return g_strv_contains ((const char * const *)self->tags->pdata, tag);
}

/**
 * xf_question_get_score:
 *
 * Returns: the score the question is worth by default (an exam may say
 *   otherwise)
 */
double
xf_question_get_score (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0.0);
  return self->score;
}

void
xf_question_set_score (XfQuestion *self,
                       double      score)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  self->score = score;
}

const char *
xf_question_get_source (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  return self->source;
}

void
xf_question_set_source (XfQuestion *self,
                        const char *source)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  set_string (&self->source, source);
}

guint
xf_question_get_n_links (XfQuestion *self)
{
  g_return_val_if_fail (XF_IS_QUESTION (self), 0);
  return self->links->len;
}

/**
 * xf_question_get_link:
 * @number: (out) (optional): the article number
 * @sub: (out) (optional): 0, or the inserted article's number (之一 is 1)
 *
 * Returns: the linked law's title
 */
const char *
xf_question_get_link (XfQuestion *self,
                      guint       index,
                      guint      *number,
                      guint      *sub)
{
  Link *link;

  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  link = &g_array_index (self->links, Link, index);
  if (number != NULL)
    *number = link->number;
  if (sub != NULL)
    *sub = link->sub;
  return link->law_title;
}

/**
 * xf_question_add_link:
 *
 * Links the question to an article, unless it links to it already.
 */
void
xf_question_add_link (XfQuestion *self,
                      const char *law_title,
                      guint       number,
                      guint       sub)
{
  Link link;

  g_return_if_fail (XF_IS_QUESTION (self));
  g_return_if_fail (law_title != NULL);
  g_return_if_fail (number > 0);

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *old = &g_array_index (self->links, Link, i);

      if (old->number == number && old->sub == sub && g_str_equal (old->law_title, law_title))
        return;
    }

  link.law_title = g_strdup (law_title);
  link.number = number;
  link.sub = sub;
  g_array_append_val (self->links, link);
}

void
xf_question_clear_links (XfQuestion *self)
{
  g_return_if_fail (XF_IS_QUESTION (self));
  g_array_set_size (self->links, 0);
}

/**
 * xf_question_dup_link_label:
 *
 * Returns: (transfer full): the link as a citation: 《行政处罚法》第三十二条,
 *   the law's title shortened by its 中华人民共和国 prefix
 */
char *
xf_question_dup_link_label (XfQuestion *self,
                            guint       index)
{
  g_autofree char *article = NULL;
  const char *title;
  guint number;
  guint sub;

  g_return_val_if_fail (XF_IS_QUESTION (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);

  title = xf_question_get_link (self, index, &number, &sub);
  if (g_str_has_prefix (title, "中华人民共和国") && strlen (title) > strlen ("中华人民共和国"))
    title += strlen ("中华人民共和国");
  article = xf_article_format_label (number, sub);
  return g_strdup_printf ("《%s》%s", title, article);
}
