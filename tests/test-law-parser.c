/* test-law-parser.c
 *
 * Copyright 2026 The Xuefa authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xf-law-parser.h"

static XfParsedLaw *
parse_shipped (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "laws", relative, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return xf_law_parser_parse (path, contents, len);
}

static XfParsedLaw *
parse_text (const char *name,
            const char *text)
{
  return xf_law_parser_parse (name, text, strlen (text));
}

static const XfParsedArticle *
article_at (XfParsedLaw *law,
            guint        i)
{
  g_assert_cmpuint (i, <, law->articles->len);
  return &g_array_index (law->articles, XfParsedArticle, i);
}

static const XfParsedHeading *
heading_at (XfParsedLaw *law,
            guint        i)
{
  g_assert_cmpuint (i, <, law->headings->len);
  return &g_array_index (law->headings, XfParsedHeading, i);
}

static void
assert_clean (const char *text)
{
  /* No quirk survives: no EN SPACE, ideographic space, NBSP, ZWSP, BOM,
   * empty line or doubled space. */
  g_assert_null (strstr (text, "\xe2\x80\x82"));
  g_assert_null (strstr (text, "\xe3\x80\x80"));
  g_assert_null (strstr (text, "\xc2\xa0"));
  g_assert_null (strstr (text, "\xe2\x80\x8b"));
  g_assert_null (strstr (text, "\xef\xbb\xbf"));
  g_assert_null (strstr (text, "\n\n"));
  g_assert_null (strstr (text, "  "));
  g_assert_false (g_str_has_prefix (text, "\n"));
  g_assert_false (g_str_has_suffix (text, "\n"));
}

static void
test_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "第一章\xe2\x80\x82\xe2\x80\x82一般规定", "第一章 一般规定" },
    { "\xe3\x80\x80\xe3\x80\x80第一条\xe3\x80\x80为了", "第一条 为了" },
    { "\xe2\x80\x8b", "" },
    { "\xef\xbb\xbf# 标题 ", "# 标题" },
    { "a\xc2\xa0 \t b", "a b" },
    { "修正\xe3\x80\x80", "修正" },
    { "   ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = xf_law_parser_normalize_line (cases[i].in, -1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_minfadian_part (void)
{
  g_autoptr(XfParsedLaw) law = parse_shipped ("民法典/物权编.md");
  const XfParsedHeading *subpart, *chapter, *section;
  const XfParsedArticle *first;

  g_assert_cmpstr (law->title, ==, "中华人民共和国民法典");
  g_assert_cmpstr (law->part, ==, "物权编");
  g_assert_cmpstr (law->version_date, ==, "2020-05-28");
  g_assert_cmpuint (law->history->len, ==, 2);
  g_assert_cmpuint (law->preamble->len, ==, 0);
  g_assert_cmpuint (law->articles->len, ==, 258);

  /* ## 第一分编<EN><EN>通则 */
  subpart = heading_at (law, 0);
  g_assert_cmpint (subpart->kind, ==, XF_PARSED_HEADING_SUBPART);
  g_assert_cmpstr (subpart->label, ==, "第一分编");
  g_assert_cmpstr (subpart->title, ==, "通则");
  g_assert_cmpint (subpart->parent, ==, -1);
  g_assert_cmpuint (subpart->line, ==, 11);

  chapter = heading_at (law, 1);
  g_assert_cmpint (chapter->kind, ==, XF_PARSED_HEADING_CHAPTER);
  g_assert_cmpstr (chapter->label, ==, "第一章");
  g_assert_cmpstr (chapter->title, ==, "一般规定");
  g_assert_cmpint (chapter->parent, ==, 0);

  /* ### 第二章 物权的设立、变更、转让和消灭, then #### 第一节 不动产登记 */
  g_assert_cmpint (heading_at (law, 2)->parent, ==, 0);
  section = heading_at (law, 3);
  g_assert_cmpint (section->kind, ==, XF_PARSED_HEADING_SECTION);
  g_assert_cmpstr (section->label, ==, "第一节");
  g_assert_cmpstr (section->title, ==, "不动产登记");
  g_assert_cmpint (section->parent, ==, 2);
  g_assert_cmpuint (section->position, ==, 3);
  g_assert_cmpuint (section->line, ==, 29);

  first = article_at (law, 0);
  g_assert_cmpuint (first->number, ==, 205);
  g_assert_cmpuint (first->sub, ==, 0);
  g_assert_cmpstr (first->label, ==, "第二百零五条");
  g_assert_cmpstr (first->body, ==, "本编调整因物的归属和利用产生的民事关系。");
  g_assert_cmpint (first->heading, ==, 1);
  g_assert_cmpuint (first->line, ==, 15);
  g_assert_cmpuint (article_at (law, 257)->number, ==, 462);

  for (guint i = 0; i < law->headings->len; i++)
    assert_clean (heading_at (law, i)->title);
  for (guint i = 0; i < law->articles->len; i++)
    {
      assert_clean (article_at (law, i)->body);
      /* numbers run on without gaps */
      g_assert_cmpuint (article_at (law, i)->number, ==, 205 + i);
    }
}

static void
test_zero_width_space (void)
{
  g_autoptr(XfParsedLaw) law = parse_shipped ("行政复议法(2023-09-01).md");
  const XfParsedArticle *first = article_at (law, 0);

  g_assert_cmpuint (law->articles->len, ==, 90);
  /* Line 16 holds only U+200B: it is dropped, not a preamble paragraph nor
   * a 款 of any article. */
  g_assert_cmpuint (law->preamble->len, ==, 0);
  g_assert_cmpuint (first->line, ==, 17);
  g_assert_false (strchr (first->body, '\n'));
  g_assert_cmpstr (heading_at (law, 0)->title, ==, "总则");
  g_assert_cmpuint (law->orphan_line, ==, 0);
  /* History lines lose their trailing U+3000. */
  g_assert_cmpuint (law->history->len, ==, 4);
  for (guint i = 0; i < law->history->len; i++)
    assert_clean (g_ptr_array_index (law->history, i));
  g_assert_cmpstr (law->version_date, ==, "2023-09-01");
  for (guint i = 0; i < law->articles->len; i++)
    assert_clean (article_at (law, i)->body);
}

static void
test_spaced_title (void)
{
  g_autoptr(XfParsedLaw) law = parse_shipped ("监察法(2024-12-25).md");

  /* ## 第一章 总 则 keeps the title 总则 */
  g_assert_cmpstr (heading_at (law, 0)->label, ==, "第一章");
  g_assert_cmpstr (heading_at (law, 0)->title, ==, "总则");
  g_assert_cmpuint (law->headings->len, ==, 9);
  g_assert_cmpuint (law->articles->len, ==, 78);
}

static void
test_half_width_items (void)
{
  g_autoptr(XfParsedLaw) law = parse_shipped ("政府信息公开条例(2019-04-03).md");
  const XfParsedArticle *fourth = article_at (law, 3);
  g_auto(GStrv) lines = g_strsplit (fourth->body, "\n", -1);

  g_assert_cmpstr (fourth->label, ==, "第四条");
  g_assert_cmpuint (fourth->line, ==, 25);
  g_assert_true (g_str_has_prefix (lines[0], "各级人民政府及县级以上人民政府部门"));
  g_assert_cmpstr (lines[1], ==, "政府信息公开工作机构的具体职能是：");
  g_assert_cmpstr (lines[2], ==, "(一)办理本行政机关的政府信息公开事宜；");
  g_assert_cmpstr (lines[3], ==, "(二)维护和更新本行政机关公开的政府信息；");
  g_assert_cmpstr (law->title, ==, "中华人民共和国政府信息公开条例");
  /* 2019年5月15日 施行 does not count as the version; the file name does */
  g_assert_cmpstr (law->version_date, ==, "2019-04-03");
}

static void
test_preamble (void)
{
  g_autoptr(XfParsedLaw) law = parse_shipped ("宪法.md");

  g_assert_cmpstr (law->title, ==, "中华人民共和国宪法");
  g_assert_null (law->part);
  g_assert_cmpuint (law->history->len, ==, 7);
  /* No date in the name; 1982年12月4日 …公布施行 is an entry into force,
   * the latest enacting line is the 2018 amendment. */
  g_assert_cmpstr (law->version_date, ==, "2018-03-11");
  g_assert_cmpuint (law->preamble->len, ==, 13);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (law->preamble, 0), "中国是世界上历史最悠久的国家之一"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (law->preamble, 12), "本宪法以法律的形式确认了"));
  for (guint i = 0; i < law->preamble->len; i++)
    {
      g_assert_null (strstr (g_ptr_array_index (law->preamble, i), "<!--"));
      g_assert_null (strstr (g_ptr_array_index (law->preamble, i), "序言"));
    }
  g_assert_cmpuint (law->articles->len, ==, 143);
  g_assert_cmpuint (law->headings->len, ==, 12);
  g_assert_cmpstr (heading_at (law, 0)->title, ==, "总纲");
}

static void
test_sub_articles (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("测试法.md",
    "# 测试法\n"
    "\n"
    "第三十二条 甲。\n"
    "第三十二条之一 乙。\n"
    "第三十二条之二　丙。\n"
    "第三十三条丁。\n");

  g_assert_cmpuint (law->articles->len, ==, 4);
  g_assert_cmpuint (article_at (law, 0)->number, ==, 32);
  g_assert_cmpuint (article_at (law, 0)->sub, ==, 0);
  g_assert_cmpstr (article_at (law, 1)->label, ==, "第三十二条之一");
  g_assert_cmpuint (article_at (law, 1)->number, ==, 32);
  g_assert_cmpuint (article_at (law, 1)->sub, ==, 1);
  g_assert_cmpstr (article_at (law, 1)->body, ==, "乙。");
  g_assert_cmpuint (article_at (law, 2)->sub, ==, 2);
  g_assert_cmpstr (article_at (law, 2)->body, ==, "丙。");
  g_assert_cmpuint (article_at (law, 3)->number, ==, 33);
  g_assert_cmpstr (article_at (law, 3)->body, ==, "丁。");
  g_assert_cmpstr (law->title, ==, "测试法");
  g_assert_null (law->version_date);
}

static void
test_article_separators (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("x.txt",
    "# 示例条例\n"
    "第一条 ASCII 空格。\n"
    "第二条\xe3\x80\x80全角空格。\n"
    "第三条\xe2\x80\x82半角空格。\n"
    "第四条紧接正文。\n"
    "第三十条规定的情形不是新的一条。\n"
    "第五条\n"
    "正文在下一行。\n"
    "\n"
    "第二款。\n");

  g_assert_cmpuint (law->articles->len, ==, 5);
  g_assert_cmpstr (article_at (law, 0)->body, ==, "ASCII 空格。");
  g_assert_cmpstr (article_at (law, 1)->body, ==, "全角空格。");
  g_assert_cmpstr (article_at (law, 2)->body, ==, "半角空格。");
  g_assert_cmpstr (article_at (law, 3)->body, ==, "紧接正文。\n第三十条规定的情形不是新的一条。");
  g_assert_cmpstr (article_at (law, 4)->label, ==, "第五条");
  g_assert_cmpstr (article_at (law, 4)->body, ==, "正文在下一行。\n第二款。");
  g_assert_cmpuint (article_at (law, 4)->line, ==, 7);
}

static void
test_heading_tree (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("tree.md",
    "# 某某法典\n"
    "<!-- INFO END -->\n"
    "# 第一编 总则\n"           /* one # yet a 编 */
    "第一条 一。\n"
    "第一分编 通则\n"           /* a plain line that is only a heading */
    "#### 第一章 一般规定\n"    /* four # yet a 章 */
    "第一节 定义\n"
    "第二条 二。\n"
    "## 第二节 范围\n"
    "第三条 三。\n"
    "第二章 其他\n"
    "第四条 四。\n"
    "第二编 分则\n"
    "第五条 五。\n");
  static const struct { XfParsedHeadingKind kind; const char *label; const char *title; int parent; } expected[] = {
    { XF_PARSED_HEADING_PART, "第一编", "总则", -1 },
    { XF_PARSED_HEADING_SUBPART, "第一分编", "通则", 0 },
    { XF_PARSED_HEADING_CHAPTER, "第一章", "一般规定", 1 },
    { XF_PARSED_HEADING_SECTION, "第一节", "定义", 2 },
    { XF_PARSED_HEADING_SECTION, "第二节", "范围", 2 },
    { XF_PARSED_HEADING_CHAPTER, "第二章", "其他", 1 },
    { XF_PARSED_HEADING_PART, "第二编", "分则", -1 },
  };
  static const int article_heading[] = { 0, 3, 4, 5, 6 };

  g_assert_null (law->part);
  g_assert_cmpuint (law->headings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const XfParsedHeading *heading = heading_at (law, i);

      g_assert_cmpint (heading->kind, ==, expected[i].kind);
      g_assert_cmpstr (heading->label, ==, expected[i].label);
      g_assert_cmpstr (heading->title, ==, expected[i].title);
      g_assert_cmpint (heading->parent, ==, expected[i].parent);
      g_assert_cmpuint (heading->position, ==, i);
    }
  g_assert_cmpuint (law->articles->len, ==, G_N_ELEMENTS (article_heading));
  for (guint i = 0; i < G_N_ELEMENTS (article_heading); i++)
    g_assert_cmpint (article_at (law, i)->heading, ==, article_heading[i]);
  g_assert_cmpstr (xf_parsed_heading_kind_to_string (XF_PARSED_HEADING_SUBPART), ==, "subpart");
}

static void
test_plain_text (void)
{
  /* The layout of the national database's .txt downloads: a title line, a
   * parenthesised history, a 目录, headings without #, U+3000 spacing. */
  g_autoptr(XfParsedLaw) law = parse_text ("某某条例.txt",
    "\xef\xbb\xbf某某管理条例\r\n"
    "（2001年1月1日国务院令第1号公布　根据2010年3月1日国务院令第2号修订　2010年5月1日起施行）\r\n"
    "目　　录\r\n"
    "第一章　总　　则\r\n"
    "第二章　管　　理\r\n"
    "\r\n"
    "第一章　总　　则\r\n"
    "第一条　为了管理，制定本条例。\r\n"
    "第二条　本条例适用于：\r\n"
    "（一）甲；\r\n"
    "（二）乙。\r\n"
    "第二章　管　　理\r\n"
    "第三条　第一章规定的事项，依照本条例执行。\r\n"
    "第四条　本条例自2010年5月1日起施行。\r\n");

  g_assert_cmpstr (law->title, ==, "某某管理条例");
  g_assert_cmpuint (law->history->len, ==, 1);
  g_assert_cmpstr (law->version_date, ==, "2010-03-01");
  g_assert_cmpuint (law->preamble->len, ==, 0);
  g_assert_cmpuint (law->headings->len, ==, 2);
  g_assert_cmpstr (heading_at (law, 0)->title, ==, "总则");
  g_assert_cmpuint (heading_at (law, 0)->line, ==, 7);
  g_assert_cmpstr (heading_at (law, 1)->title, ==, "管理");
  g_assert_cmpuint (law->articles->len, ==, 4);
  g_assert_cmpstr (article_at (law, 1)->body, ==, "本条例适用于：\n（一）甲；\n（二）乙。");
  g_assert_cmpstr (article_at (law, 2)->body, ==, "第一章规定的事项，依照本条例执行。");
  g_assert_cmpint (article_at (law, 2)->heading, ==, 1);
  g_assert_false (law->ends_mid_sentence);
}

static void
test_version_date (void)
{
  g_autoptr(XfParsedLaw) named = parse_text ("dir/甲法（2019-04-23）.md",
                                             "# 甲法\n2000年1月1日 通过\n第一条 一。\n");
  g_autoptr(XfParsedLaw) effect_only = parse_text ("乙法.md",
                                                   "# 乙法\n2021年1月1日 施行\n<!-- INFO END -->\n第一条 一。\n");
  g_autoptr(XfParsedLaw) mixed = parse_text ("丙法.md",
                                             "# 丙法\n2020年5月28日 通过\n2021年1月1日 施行\n2001年2月3日 修正\n"
                                             "<!-- INFO END -->\n第一条 一。\n");
  g_autoptr(XfParsedLaw) bad_name = parse_text ("丁法(2019-02-30).md",
                                                "# 丁法\n2019年2月1日 通过\n第一条 一。\n");

  g_assert_cmpstr (named->version_date, ==, "2019-04-23");
  g_assert_cmpstr (effect_only->version_date, ==, "2021-01-01");
  g_assert_cmpstr (mixed->version_date, ==, "2020-05-28");
  g_assert_cmpstr (bad_name->version_date, ==, "2019-02-01");
}

static void
test_markdown_contents (void)
{
  /* # 目录 after the title is a table of contents, not a 民法典 part. */
  g_autoptr(XfParsedLaw) law = parse_text ("a.md",
    "# 甲法\n"
    "# 目录\n"
    "## 第一章 总则\n"
    "## 第二章 附则\n"
    "## 第一章 总则\n"
    "第一条 一。\n"
    "## 第二章 附则\n"
    "第二条 二。\n");

  g_assert_null (law->part);
  g_assert_cmpuint (law->headings->len, ==, 2);
  g_assert_cmpuint (heading_at (law, 0)->line, ==, 5);
  g_assert_cmpint (article_at (law, 1)->heading, ==, 1);
}

static void
test_title_fallback (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("/tmp/某某办法(2020-01-01).txt",
                                           "第一条 一。\n第二条 二。\n");

  g_assert_cmpstr (law->title, ==, "某某办法");
  g_assert_cmpuint (law->articles->len, ==, 2);
}

static void
test_no_title_line (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("乙条例.md", "## 第一章 总则\n第一条 一。\n");

  /* A text that opens with a heading takes its title from the file name. */
  g_assert_cmpstr (law->title, ==, "乙条例");
  g_assert_cmpuint (law->headings->len, ==, 1);
  g_assert_cmpuint (law->articles->len, ==, 1);
}

static void
test_truncation (void)
{
  g_autoptr(XfParsedLaw) cut = parse_text ("a.md", "# 甲法\n第一条 一。\n第二条 本法自");
  g_autoptr(XfParsedLaw) whole = parse_text ("a.md", "# 甲法\n第一条 一。\n第二条 本法自公布之日起施行。");
  g_autoptr(XfParsedLaw) newline = parse_text ("a.md", "# 甲法\n第一条 一。\n第二条 本法自\n");

  g_assert_true (cut->ends_mid_sentence);
  g_assert_cmpuint (cut->last_line, ==, 3);
  g_assert_false (whole->ends_mid_sentence);
  /* Cut at a line break: nothing tells it from a whole file. */
  g_assert_false (newline->ends_mid_sentence);
}

static void
test_orphan_text (void)
{
  g_autoptr(XfParsedLaw) law = parse_text ("a.md",
    "# 甲法\n"
    "## 第一章 总则\n"
    "这一段不属于任何条文。\n"
    "第一条 一。\n");

  g_assert_cmpuint (law->orphan_line, ==, 3);
  g_assert_cmpstr (article_at (law, 0)->body, ==, "一。");
}

static void
test_shipped_counts (void)
{
  static const struct { const char *file; guint articles; guint subparts; guint chapters; guint sections; } files[] = {
    { "宪法.md", 143, 0, 4, 8 },
    { "行政处罚法(2021-01-22).md", 86, 0, 8, 4 },
    { "行政许可法(2019-04-23).md", 83, 0, 8, 6 },
    { "行政复议法(2023-09-01).md", 90, 0, 7, 9 },
    { "行政诉讼法(2017-06-27).md", 103, 0, 10, 5 },
    { "国家赔偿法(2012-10-26).md", 42, 0, 6, 6 },
    { "公务员法(2018-12-29).md", 113, 0, 18, 0 },
    { "监察法(2024-12-25).md", 78, 0, 9, 0 },
    { "政府信息公开条例(2019-04-03).md", 56, 0, 6, 0 },
    { "优化营商环境条例(2019-10-22).md", 72, 0, 7, 0 },
    { "重大行政决策程序暂行条例(2019-04-20).md", 44, 0, 6, 6 },
    { "行政强制法(2011-06-30).md", 71, 0, 7, 6 },
    { "公职人员政务处分法(2020-06-20).md", 68, 0, 7, 0 },
    { "立法法(2023-03-13).md", 120, 0, 6, 7 },
    { "民法典/总则.md", 204, 0, 10, 15 },
    { "民法典/物权编.md", 258, 5, 20, 7 },
    { "民法典/合同编.md", 526, 3, 29, 10 },
    { "民法典/人格权编.md", 51, 0, 6, 0 },
    { "民法典/婚姻家庭编.md", 79, 0, 5, 5 },
    { "民法典/继承编.md", 45, 0, 4, 0 },
    { "民法典/侵权责任编.md", 95, 0, 10, 0 },
    { "民法典/附则.md", 2, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(XfParsedLaw) law = parse_shipped (files[i].file);
      guint counts[4] = { 0, 0, 0, 0 };

      for (guint j = 0; j < law->headings->len; j++)
        counts[heading_at (law, j)->kind]++;
      g_test_message ("%s", files[i].file);
      g_assert_cmpuint (law->articles->len, ==, files[i].articles);
      g_assert_cmpuint (counts[XF_PARSED_HEADING_PART], ==, 0);
      g_assert_cmpuint (counts[XF_PARSED_HEADING_SUBPART], ==, files[i].subparts);
      g_assert_cmpuint (counts[XF_PARSED_HEADING_CHAPTER], ==, files[i].chapters);
      g_assert_cmpuint (counts[XF_PARSED_HEADING_SECTION], ==, files[i].sections);
      g_assert_cmpuint (law->orphan_line, ==, 0);
      g_assert_false (law->ends_mid_sentence);
      g_assert_nonnull (law->version_date);
      for (guint j = 0; j < law->articles->len; j++)
        assert_clean (article_at (law, j)->body);
      if (g_str_has_prefix (files[i].file, "民法典/"))
        {
          g_assert_cmpstr (law->title, ==, "中华人民共和国民法典");
          g_assert_cmpstr (law->version_date, ==, "2020-05-28");
          g_assert_nonnull (law->part);
        }
      else
        g_assert_null (law->part);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/law-parser/normalize", test_normalize);
  g_test_add_func ("/law-parser/minfadian-part", test_minfadian_part);
  g_test_add_func ("/law-parser/zero-width-space", test_zero_width_space);
  g_test_add_func ("/law-parser/spaced-title", test_spaced_title);
  g_test_add_func ("/law-parser/half-width-items", test_half_width_items);
  g_test_add_func ("/law-parser/preamble", test_preamble);
  g_test_add_func ("/law-parser/sub-articles", test_sub_articles);
  g_test_add_func ("/law-parser/article-separators", test_article_separators);
  g_test_add_func ("/law-parser/heading-tree", test_heading_tree);
  g_test_add_func ("/law-parser/plain-text", test_plain_text);
  g_test_add_func ("/law-parser/version-date", test_version_date);
  g_test_add_func ("/law-parser/markdown-contents", test_markdown_contents);
  g_test_add_func ("/law-parser/title-fallback", test_title_fallback);
  g_test_add_func ("/law-parser/no-title-line", test_no_title_line);
  g_test_add_func ("/law-parser/truncation", test_truncation);
  g_test_add_func ("/law-parser/orphan-text", test_orphan_text);
  g_test_add_func ("/law-parser/shipped-counts", test_shipped_counts);

  return g_test_run ();
}
