#!/usr/bin/env bash
# tests/check-po.sh — every translatable file is listed for gettext, and the
# Chinese catalogue translates every string, with nothing fuzzy.
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
top=$1
cd "$top"

missing=0
for f in $(grep -lE '\b(N?_|C_)\s*\(|translatable="yes"' src/*/*.c ui/*.ui ui/*/*.ui 2>/dev/null); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    missing=1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  -f po/POTFILES.in -D . -o "$work/xuefa.pot" 2>/dev/null || \
  xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 -f po/POTFILES.in -D . -o "$work/xuefa.pot"
msgmerge --quiet --no-fuzzy-matching po/zh_CN.po "$work/xuefa.pot" -o "$work/zh_CN.po"
stats=$(msgfmt --check --statistics -o /dev/null "$work/zh_CN.po" 2>&1)
echo "zh_CN: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/zh_CN.po does not translate every string: run ninja -C build xuefa-update-po and translate"; exit 1 ;;
esac
exit $missing
