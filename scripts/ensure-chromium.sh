#!/usr/bin/env bash
# Makes sure the webview page tests have a browser: Debian's Chromium at /usr/bin/chromium
# (or $CHROMIUM_PATH). Installs it with apt-get when it is missing and we are root or have
# password-less sudo; otherwise says how to install it and lets the tests report it.
# Serialised with flock so it never races another apt-get started by .ci/run.
set -uo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1
  fi
}

if ! command -v apt-get >/dev/null 2>&1 || ! as_root true 2>/dev/null; then
  echo "tokenomics: Chromium not found at $browser; the webview page tests need it (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 0
fi
echo "tokenomics: installing Debian's chromium for the webview page tests (once)…" >&2
export DEBIAN_FRONTEND=noninteractive
lock=/tmp/tokenomics-apt.lock
{
  flock 9
  [ -x "$browser" ] && exit 0
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium </dev/null >/dev/null 2>&1 \
    || { as_root apt-get -o DPkg::Lock::Timeout=600 update -qq </dev/null >/dev/null 2>&1 && as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium </dev/null >/dev/null 2>&1; }
} 9>"$lock"
[ -x "$browser" ] || echo "tokenomics: could not install chromium; the webview page tests will say so" >&2
exit 0
