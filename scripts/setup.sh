# Sourced by run.sh, test.sh and bench.sh: installs what the build needs when it is missing, and nothing that is
# already there. Every step fails loudly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
unset CARGO_TARGET_DIR # cargo-leptos and the scripts expect ./target
export PATH="$HOME/.cargo/bin:$ROOT/e2e/node_modules/.bin:$PATH"
# cargo-leptos passes this to the compiler; leptos reads it at compile time (option_env!). Every cargo command of the
# scripts sets it the same way, so clippy, tests and the release build agree and nothing is compiled twice.
export LEPTOS_OUTPUT_NAME=portal

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
die() { printf '\n\033[1;31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }

CARGO_LEPTOS_VERSION=0.3.5

setup_build_tools() {
  step "Rust target wasm32-unknown-unknown"
  rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown \
    || die "rustup could not add the wasm32-unknown-unknown target"

  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    step "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes on 2 cores, once per machine)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked || die "cargo install cargo-leptos"
  fi

  # The CLI must match the wasm-bindgen library in Cargo.lock exactly.
  local wb
  wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
  [ -n "$wb" ] || die "no wasm-bindgen version found in Cargo.lock"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb$"; then
    step "Installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb" || die "cargo install wasm-bindgen-cli $wb"
  fi

  if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ]; then
    step "npm packages (binaryen for wasm-opt, playwright-core)"
    (cd e2e && npm ci --no-audit --no-fund) || die "npm ci in e2e/"
  fi
}

setup_browser() {
  # fonts-noto-cjk: without it the screenshots show boxes for Chinese and Korean. coturn: the video room's test
  # proves media through a real TURN server. sqlite3: a browser test moves a session to now in the database.
  if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/opentype/noto ] || [ ! -x /usr/bin/turnserver ] \
     || [ ! -x /usr/bin/sqlite3 ]; then
    step "Installing Debian's chromium, CJK fonts, coturn and sqlite3 for the browser tests"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq || die "apt-get update"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk coturn sqlite3 >/dev/null \
      || die "apt-get install chromium fonts-noto-cjk coturn sqlite3"
  fi
}

build_release() {
  step "Building the portal (release server + size-optimised WebAssembly)"
  cargo leptos build --release || die "cargo leptos build --release"
  node scripts/precompress.mjs target/site/pkg || die "precompressing assets"
}

demo_accounts() {
  cat <<'TXT'
Demo accounts (password for all: demo-pass-2026)
  citizen      13900000001          张三 (resident ID 220202199001011234)
  enterprise   91220200MA0Y000017   吉林市松江建材有限公司
  lawyer       13900000003          孙律师
  clerk        clerk.changyi        刘立案 — 吉林市昌邑区人民法院 (吉0202)
  mediator     mediator.changyi     陈调解 — 吉0202
  judge        judge.changyi        王法官 — 吉0202
  court admin  admin.jilin          赵管理 — 吉林市中级人民法院 (吉02)
  clerk        clerk.dunhua         金立案 — 敦化林区基层法院 (吉7601)
TXT
}
