/* xf-gui-format.h
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "xf-search-hit.h"

G_BEGIN_DECLS

/* The reader's text size steps and bounds, as the settings schema allows. */
#define XF_READER_SCALE_MIN  0.6
#define XF_READER_SCALE_MAX  3.0
#define XF_READER_SCALE_STEP 0.1

char   *xf_format_highlight_markup   (const char          *text,
                                      const XfSearchRange *ranges,
                                      guint                n_ranges);
char   *xf_search_hit_to_markup      (XfSearchHit *hit);
char   *xf_search_hit_dup_location   (XfSearchHit *hit);
char   *xf_format_hit_location       (const char  *law_title,
                                      const char  *heading_path,
                                      const char  *label);
char   *xf_format_search_total       (guint        total);
char   *xf_format_progress_label     (guint        learned,
                                      guint        total);
char   *xf_format_copied_toast       (const char  *citation);
char   *xf_format_law_subtitle       (const char  *version_date,
                                      const char  *status_label);
char   *xf_format_import_summary     (guint        n_laws,
                                      guint        n_articles);
char   *xf_format_reader_css         (double       scale);
char   *xf_format_citation           (const char  *law_title,
                                      const char  *article_label);
char   *xf_format_list_subtitle      (int          year,
                                      const char  *audience_label,
                                      const char  *department);
double  xf_reader_scale_step         (double       scale,
                                      int          direction);

G_END_DECLS
