#!/usr/bin/env bash
# test.sh — set up on a fresh Debian 12 machine, build, and run every test.
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
cd "$(dirname "$0")"

XUEFA_TEST_DEPS=1 ./tools/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }

builddir=${BUILDDIR:-build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" || { echo "0 passed, 1 failed"; exit 1; }
fi
ninja -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
# One outer Xvfb for every GUI test: parallel servers collide.
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -1)
fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -1)
timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log" | tail -1)
xpass=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log" | tail -1)
skipped=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$log" | tail -1)
rm -f "$log"
failed=$(( ${fail:-0} + ${timeout:-0} + ${xpass:-0} ))
if [ -z "$ok" ] && [ "$status" -ne 0 ]; then failed=$(( failed + 1 )); fi
echo "${ok:-0} passed, ${failed} failed, ${skipped:-0} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
