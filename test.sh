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

# Builds the fuzz targets with clang and runs each for a bounded time on a
# copy of its seed corpus; writes a meson-like summary to $log.
fuzz_targets () {
  local ok=0 fail=0 target name corpus work
  if ! CC=clang setup build-fuzz -Dfuzzing=true -Dgui=false -Db_lundef=false; then
    printf 'Ok: 0\nFail: 1\n' > "$log"
    return
  fi
  for target in build-fuzz/tests/fuzz-*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    case "$target" in *-replay) continue ;; esac
    name=${target#build-fuzz/tests/fuzz-}
    work=$(mktemp -d)
    corpus=tests/fuzz/$name
    [ -d "$corpus" ] && cp -r "$corpus/." "$work/"
    if "$target" -max_total_time="${XUEFA_FUZZ_SECONDS:-40}" -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 "$work" > "$work.log" 2>&1; then
      echo "fuzz-$name: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$') runs, no crash"
      ok=$(( ok + 1 ))
    else
      echo "fuzz-$name FAILED:"; tail -40 "$work.log"
      fail=$(( fail + 1 ))
    fi
    rm -rf "$work" "$work.log"
  done
  printf 'Ok: %d\nFail: %d\n' "$ok" "$fail" > "$log"
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

  echo "== fuzz targets under libFuzzer, ${XUEFA_FUZZ_SECONDS:-40} s each"
  fuzz_targets
  count "$log" 0

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
