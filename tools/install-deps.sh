#!/usr/bin/env bash
# tools/install-deps.sh
# Copyright 2026 The Xuefa authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Xuefa builds, runs and tests with. Fast when
# everything is there already: it only asks dpkg.
set -euo pipefail

packages=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev libepoxy-dev
  libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libxlsxwriter-dev libzip-dev
  libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  xvfb xauth fonts-wqy-microhei locales poppler-utils
)
if [ "${XUEFA_TEST_DEPS:-0}" = 1 ]; then
  packages+=(valgrind python3 flatpak-builder libasan8 libubsan1 clang libclang-rt-dev)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >&2
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# Chinese and English UTF-8 locales, for the translated UI and its tests.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO sed -i -E 's/^# *(zh_CN\.UTF-8 UTF-8)/\1/; s/^# *(en_US\.UTF-8 UTF-8)/\1/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >&2
fi
