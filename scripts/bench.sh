#!/usr/bin/env bash
# Benchmarks (numbers to watch, not pass/fail tests): WebAssembly bundle size (raw, gzip, brotli), and
# requests/second and p99 latency of the home page and /api/v1/health beside a bare axum handler, in one run.
# Targets: hydrate Wasm <= 200 KB brotli; home page >= 30% of the bare handler's throughput.
source "$(dirname "$0")/setup.sh"
setup_build_tools
setup_browser
if ! command -v wrk >/dev/null; then
  step "Installing wrk (load generator, Debian package)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null || die "apt-get install wrk"
fi
build_release
cargo build --release -p server --examples || die "building the benchmark programs"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dir="$(mktemp -d)"
p1="$(free_port)"; p2="$(free_port)"
DATABASE_URL="sqlite://$dir/portal.db?mode=rwc" PORTAL_SECRET_FILE="$dir/secret.key" PORTAL_DEMO_DATA=1 \
  LEPTOS_SITE_ADDR="127.0.0.1:$p1" LEPTOS_SITE_ROOT=target/site RUST_LOG=error target/release/server >"$dir/server.log" 2>&1 &
s1=$!
target/release/examples/bare_axum "127.0.0.1:$p2" >/dev/null 2>&1 &
s2=$!
trap 'kill $s1 $s2 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$p1/api/v1/health" >/dev/null && curl -sf "http://127.0.0.1:$p2/" >/dev/null && break; sleep 0.2; done

DURATION="${BENCH_DURATION:-8s}"
run() { # name url
  local out rps p99
  out="$(wrk -t2 -c32 -d"$DURATION" --latency -H 'Accept-Encoding: br, gzip' "$2")"
  rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
  p99="$(echo "$out" | awk '$1 == "99%" { print $2 }')"
  printf '%-22s %12s req/s   p99 %8s\n' "$1" "$rps" "$p99"
  echo "$rps" >"$dir/$1.rps"
}
step "Throughput (wrk, 2 threads, 32 connections, $DURATION each, this machine: $(nproc) cores)"
run bare_axum "http://127.0.0.1:$p2/"
run api_v1_health "http://127.0.0.1:$p1/api/v1/health"
run home_page "http://127.0.0.1:$p1/"
python3 - "$dir" <<'PY'
import sys, pathlib
d = pathlib.Path(sys.argv[1])
bare = float((d / "bare_axum.rps").read_text())
for name in ("api_v1_health", "home_page"):
    print(f"{name:22s} {100 * float((d / (name + '.rps')).read_text()) / bare:6.1f}% of the bare handler")
PY
step "Fee quote and risk estimate per call (target: under 50 µs)"
target/release/examples/bench_domain
node scripts/bench_wasm.mjs "http://127.0.0.1:$p1"
step "Filing submissions per second (create + submit, repository code of the server)"
target/release/examples/bench_filings "${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
step "WebAssembly bundle"
node scripts/precompress.mjs target/site/pkg | grep -E 'wasm|js'
echo "(target: hydrate Wasm <= 200 KB brotli)"
