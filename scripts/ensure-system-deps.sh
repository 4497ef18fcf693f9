#!/bin/sh
# Installs the Debian packages the test suite starts for real, when they are missing:
#   chromium      the browser end-to-end test (skip it with CHM_SKIP_BROWSER=1)
#   redis-server  the BullMQ queue tests (each test run starts its own server on a free port)
# `npm test` runs this first (pretest); it is a no-op when everything is present.
set -eu

need=""
if [ "${CHM_SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then need="$need chromium"; fi
if ! command -v redis-server >/dev/null 2>&1; then need="$need redis-server"; fi

if [ -z "$need" ]; then
  echo "system packages present: chromium $( [ "${CHM_SKIP_BROWSER:-}" = "1" ] && echo skipped || echo ok ), redis-server ok"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "ensure-system-deps: missing Debian packages:$need; this user cannot install them (not root, no sudo)." >&2
    echo "Install them with: apt-get update && apt-get install -y$need (or set CHM_SKIP_BROWSER=1 to skip the browser test)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y $need
echo "installed:$need"
