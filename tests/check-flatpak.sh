#!/usr/bin/env bash
# tests/check-flatpak.sh — validates the Flatpak manifest offline and checks
# that it stays in step with the meson project.
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
top=$1
manifest="$top/flatpak/io.github.xuefa.Xuefa.json"

# flatpak-builder parses the manifest like a real build would; warnings fail.
# It leaves a state folder in the working directory: keep that out of the tree.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" > /dev/null)

python3 - "$top" "$manifest" <<'PY'
import json, re, sys
top, path = sys.argv[1], sys.argv[2]
m = json.load(open(path))
meson = open(top + "/meson.build").read()
app_id = re.search(r"app_id = '([^']+)'", meson).group(1)
assert m["id"] == app_id, f"manifest id {m['id']} != meson app_id {app_id}"
assert m["command"] == "xuefa", "the manifest must start the xuefa program"
options = open(top + "/meson_options.txt").read()
known = set(re.findall(r"option\('([^']+)'", options))
module = [x for x in m["modules"] if x["name"] == "xuefa"][0]
assert module["buildsystem"] == "meson"
for opt in module.get("config-opts", []):
    name = opt[2:].split("=")[0]
    assert name in known, f"config-opt {opt} is not a meson option"
# Every library meson looks for must come from the runtime or a module.
runtime_libs = {"glib-2.0", "gio-2.0", "gobject-2.0", "gtk4", "libadwaita-1", "epoxy",
                "sqlite3", "json-glib-1.0", "libsoup-3.0", "pangocairo", "cairo-pdf"}
bundled = {x["name"] for x in m["modules"]}
for dep in re.findall(r"dependency\('([^']+)'", open(top + "/meson.build").read() +
                      "".join(open(f).read() for f in [top + "/src/gui/meson.build"])):
    assert dep in runtime_libs or dep in bundled, f"{dep} is neither in the runtime nor a module"
print("manifest ok")
PY
