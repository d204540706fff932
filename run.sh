#!/usr/bin/env bash
# run.sh — set up on a fresh Debian 12 machine, build, install into a local
# prefix and start Xuefa on its default: a local profile database holding the
# shipped statutes, knowledge lists and question banks.
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
cd "$(dirname "$0")"

./tools/install-deps.sh

prefix="$PWD/.local-install"
builddir=${BUILDDIR:-build-run}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --prefix="$prefix" -Dbuildtype=release
fi
meson install -C "$builddir" --quiet >/dev/null

export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
exec "$prefix/bin/xuefa" "$@"
