#!/usr/bin/env bash
# test.sh — set up on a fresh Debian 12 machine, build, and run every test:
# the whole suite under Xvfb, then the core and CLI tests under valgrind and
# under AddressSanitizer/UBSan.
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
cd "$(dirname "$0")"

passed=0
failed=0
skipped=0

finish () {
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
  [ "$failed" -eq 0 ]
  exit $?
}

# Adds the counts from a meson test log summary to the totals.
count () {
  local log=$1 status=$2 ok fail timeout xpass skip
  ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  timeout=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  xpass=$(sed -n 's/^Unexpected Pass: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  skip=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  passed=$(( passed + ${ok:-0} ))
  skipped=$(( skipped + ${skip:-0} ))
  failed=$(( failed + ${fail:-0} + ${timeout:-0} + ${xpass:-0} ))
  if [ -z "$ok" ] && [ "$status" -ne 0 ]; then failed=$(( failed + 1 )); fi
}

XUEFA_TEST_DEPS=1 ./tools/install-deps.sh || { failed=1; finish; }

setup () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" >/dev/null || return 1
  fi
  ninja -C "$dir" >/dev/null || ninja -C "$dir"
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

builddir=${BUILDDIR:-build}
setup "$builddir" || { failed=1; finish; }
# One outer Xvfb for every GUI test: parallel servers collide.
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" 2>&1 | tee "$log"
count "$log" "${PIPESTATUS[0]}"

if [ "${XUEFA_QUICK:-0}" != 1 ]; then
  echo "== core and CLI tests under valgrind"
  meson test -C "$builddir" --setup valgrind --suite core --suite cli --print-errorlogs \
    --num-processes 2 2>&1 | tee "$log"
  count "$log" "${PIPESTATUS[0]}"

  echo "== core and CLI tests under AddressSanitizer and UBSan"
  if setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dgui=false; then
    meson test -C build-asan --setup asan --suite core --suite cli --print-errorlogs \
      --num-processes 2 2>&1 | tee "$log"
    count "$log" "${PIPESTATUS[0]}"
  else
    failed=$(( failed + 1 ))
  fi
fi

finish
