/* xf-exam-rule-row.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-exam.h"

G_BEGIN_DECLS

#define XF_TYPE_EXAM_RULE_ROW (xf_exam_rule_row_get_type ())

G_DECLARE_FINAL_TYPE (XfExamRuleRow, xf_exam_rule_row, XF, EXAM_RULE_ROW, AdwExpanderRow)

XfExamRuleRow *xf_exam_rule_row_new        (GListModel    *banks);
void           xf_exam_rule_row_set_rule   (XfExamRuleRow *self,
                                            XfExamRule    *rule);
XfExamRule    *xf_exam_rule_row_dup_rule   (XfExamRuleRow *self);
void           xf_exam_rule_row_set_number (XfExamRuleRow *self,
                                            guint          number);

G_END_DECLS
