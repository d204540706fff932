#!/usr/bin/env bash
# tests/bench/bench-gui.sh BUILDDIR [RUNS]
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With a province-size library in the profile (~3,500 statute files,
# ~150,000 articles, ~18 million characters, search index built), times how
# long Xuefa takes to paint its first window against an empty GTK window, and
# measures its memory after browsing and searching. Prints JSON.
set -euo pipefail
build=$(cd "$1" && pwd)
runs=${2:-15}
top=$(cd "$(dirname "$0")/../.." && pwd)

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XUEFA_DATA_DIR="$work/data"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=none GIO_USE_PROXY_RESOLVER=dummy NO_AT_BRIDGE=1
ctl="$build/src/cli/xuefactl"

"$build/tests/bench-law-import" --generate-only --out "$work/corpus" "$top/data/laws" >&2
"$ctl" --quiet profile create 基准
import_json=$("$ctl" --profile 基准 --json law import "$work/corpus")
"$ctl" --profile 基准 --json search 法 --limit 1 > /dev/null   # builds the search index
corpus=$(printf '%s' "$import_json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"files": len(d["files"]), "articles": d["articles"]}))')

# Wall time from exec to exit, in ms; both programs quit after their first frame.
time_ms () {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median () { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Warm the page cache for both, then alternate so load affects them alike.
time_ms "$build/tests/bench/empty-window" > /dev/null
time_ms "$build/tests/bench/bench-gui" startup > /dev/null
empty=() app=()
for _ in $(seq "$runs"); do
  empty+=("$(time_ms "$build/tests/bench/empty-window")")
  app+=("$(time_ms "$build/tests/bench/bench-gui" startup)")
done
empty_ms=$(printf '%s\n' "${empty[@]}" | median)
app_ms=$(printf '%s\n' "${app[@]}" | median)

memory=$("$build/tests/bench/bench-gui" memory 2>/dev/null | tail -n 1)

python3 - "$corpus" "$empty_ms" "$app_ms" "$memory" "$runs" <<'PY'
import json, sys
corpus, empty, app, memory, runs = json.loads(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4]), int(sys.argv[5])
print(json.dumps({
    "corpus": corpus,
    "runs": runs,
    "empty_window_first_frame_ms": empty,
    "xuefa_first_frame_ms": app,
    "startup_ratio": round(app / empty, 3),
    "memory_after_browsing_and_searching": memory,
}))
PY
