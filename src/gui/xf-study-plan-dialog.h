/* xf-study-plan-dialog.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xf-database.h"
#include "xf-study-plan.h"

G_BEGIN_DECLS

#define XF_TYPE_STUDY_PLAN_DIALOG (xf_study_plan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XfStudyPlanDialog, xf_study_plan_dialog, XF, STUDY_PLAN_DIALOG, AdwMessageDialog)

XfStudyPlanDialog *xf_study_plan_dialog_new          (GtkWindow         *parent,
                                                      XfDatabase        *database);
void               xf_study_plan_dialog_set_exam_day (XfStudyPlanDialog *self,
                                                      const char        *exam_day);
char              *xf_study_plan_dialog_dup_exam_day (XfStudyPlanDialog *self);
void               xf_study_plan_dialog_set_list     (XfStudyPlanDialog *self,
                                                      const char        *list_uuid);
void               xf_study_plan_dialog_set_minutes  (XfStudyPlanDialog *self,
                                                      guint              minutes);
const XfStudyPlan *xf_study_plan_dialog_get_preview  (XfStudyPlanDialog *self);
const char        *xf_study_plan_dialog_get_summary  (XfStudyPlanDialog *self);

G_END_DECLS
