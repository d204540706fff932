/* xf-question-bank.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-question-bank.h"

/* A bank groups questions: the shipped ones, or one per imported file set.
 * Its licence travels with it (the LexEval bank is MIT-licensed). */
struct _XfQuestionBank
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  char     *title;
  char     *description;
  char     *source;
  char     *licence;
  gboolean  builtin;
  guint     n_questions;
};

G_DEFINE_FINAL_TYPE (XfQuestionBank, xf_question_bank, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xf_question_bank_finalize (GObject *object)
{
  XfQuestionBank *self = (XfQuestionBank *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->licence, g_free);

  G_OBJECT_CLASS (xf_question_bank_parent_class)->finalize (object);
}

static void
xf_question_bank_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XfQuestionBank *self = XF_QUESTION_BANK (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_uint (value, self->n_questions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xf_question_bank_class_init (XfQuestionBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xf_question_bank_finalize;
  object_class->get_property = xf_question_bank_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xf_question_bank_init (XfQuestionBank *self)
{
  self->description = g_strdup ("");
  self->source = g_strdup ("");
  self->licence = g_strdup ("");
}

XfQuestionBank *
xf_question_bank_new (gint64      id,
                      const char *uuid,
                      const char *title)
{
  XfQuestionBank *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (XF_TYPE_QUESTION_BANK, NULL);
  self->id = id;
  self->uuid = g_strdup (uuid);
  self->title = g_strdup (title);
  return self;
}

gint64
xf_question_bank_get_id (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), 0);
  return self->id;
}

const char *
xf_question_bank_get_uuid (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), NULL);
  return self->uuid;
}

const char *
xf_question_bank_get_title (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), NULL);
  return self->title;
}

const char *
xf_question_bank_get_description (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), NULL);
  return self->description;
}

void
xf_question_bank_set_description (XfQuestionBank *self,
                                  const char     *description)
{
  g_return_if_fail (XF_IS_QUESTION_BANK (self));
  g_free (self->description);
  self->description = g_strdup (description != NULL ? description : "");
}

const char *
xf_question_bank_get_source (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), NULL);
  return self->source;
}

void
xf_question_bank_set_source (XfQuestionBank *self,
                             const char     *source)
{
  g_return_if_fail (XF_IS_QUESTION_BANK (self));
  g_free (self->source);
  self->source = g_strdup (source != NULL ? source : "");
}

const char *
xf_question_bank_get_licence (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), NULL);
  return self->licence;
}

void
xf_question_bank_set_licence (XfQuestionBank *self,
                              const char     *licence)
{
  g_return_if_fail (XF_IS_QUESTION_BANK (self));
  g_free (self->licence);
  self->licence = g_strdup (licence != NULL ? licence : "");
}

gboolean
xf_question_bank_get_builtin (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), FALSE);
  return self->builtin;
}

void
xf_question_bank_set_builtin (XfQuestionBank *self,
                              gboolean        builtin)
{
  g_return_if_fail (XF_IS_QUESTION_BANK (self));
  self->builtin = !!builtin;
}

guint
xf_question_bank_get_n_questions (XfQuestionBank *self)
{
  g_return_val_if_fail (XF_IS_QUESTION_BANK (self), 0);
  return self->n_questions;
}

void
xf_question_bank_set_n_questions (XfQuestionBank *self,
                                  guint           n_questions)
{
  g_return_if_fail (XF_IS_QUESTION_BANK (self));
  if (self->n_questions == n_questions)
    return;
  self->n_questions = n_questions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUESTIONS]);
}
