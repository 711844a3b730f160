#!/usr/bin/env bash
# Benchmarks (numbers to watch, not pass/fail tests), in one run on this machine:
# - requests/second and p99 of what the public reaches — the home page, /login, /api/v1/health, /api/v1/courts and
#   the public case look-up — beside a bare axum handler serving a static 8 KB page, with each one's ratio to it
#   (targets: home and look-up >= 0.5, health and courts >= 0.6);
# - each page's weight as Chromium receives it and how much of it is WebAssembly (home page <= 20 KB, no Wasm);
# - the fee quote and risk estimate per call, native and in Chromium's Wasm; filing submissions per second;
# - mediation: free slots for a month over the whole roster, bookings per second (SQLite and PostgreSQL);
# - video rooms: WebSocket connections one instance holds and its memory per connection; signalling messages per
#   second relayed between two instances through PostgreSQL;
# - the knowledge base: index build time, search p50/p99 on one core (target p99 < 5 ms), and search requests per
#   second through the API beside the bare health endpoint;
# - the Wasm bundle (target <= 200 KB brotli).
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

# A submitted filing to look up: the demo citizen files one through the API, as any client would.
lookup="$(python3 - "http://127.0.0.1:$p1" <<'PY'
import json, sys, urllib.request, http.cookiejar
base = sys.argv[1]
jar = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body or {}).encode(),
                                 headers={"Content-Type": "application/json", "Origin": base})
    return json.load(jar.open(req))
call("POST", "/api/v1/session", {"login_name": "13900000001", "password": "demo-pass-2026"})
draft = {"cause": "private_loan", "court_code": "吉0202", "competent_court_code": "吉0202", "mediation_consent": True,
  "parties": [
    {"role": "plaintiff", "kind": "natural", "name": "张三", "id_number": "220202199001011234", "mobile": "13900000001",
     "address": "吉林市昌邑区解放北路1号", "address_confirmed": True},
    {"role": "defendant", "kind": "natural", "name": "李四", "id_number": "", "mobile": "13700000051",
     "address": "吉林市昌邑区通江路8号", "address_confirmed": True}],
  "claims": [{"text": "判令被告偿还借款本金", "amount": "50,000"}],
  "facts": "2024年3月被告向原告借款5万元，约定一年内归还，至今未还。", "known_on": "2025-03-15",
  "evidence": [{"name": "借条", "original": True}]}
filing = call("POST", "/api/v1/filings", draft)
receipt = call("POST", f"/api/v1/filings/{filing['id']}/submit")
print(f"/api/v1/track?receipt={receipt['filing']['receipt_no']}&code={receipt['query_code']}")
PY
)" || die "creating a filing to look up"
curl -sf "http://127.0.0.1:$p1$lookup" >/dev/null || die "the look-up of the bench filing failed"

DURATION="${BENCH_DURATION:-8s}"
run() { # name url
  local out rps p99
  out="$(wrk -t1 -c32 -d"$DURATION" --latency -H 'Accept-Encoding: br, gzip' "$2")"
  rps="$(echo "$out" | awk '/Requests\/sec/ { print $2 }')"
  p99="$(echo "$out" | awk '$1 == "99%" { print $2 }')"
  echo "$rps $p99" >"$dir/$1.rps"
}
step "Throughput (wrk, 1 thread, 32 connections, $DURATION each, one run; this machine: $(nproc) cores)"
run bare_axum "http://127.0.0.1:$p2/"
run home_page "http://127.0.0.1:$p1/"
run login_page "http://127.0.0.1:$p1/login"
run api_v1_health "http://127.0.0.1:$p1/api/v1/health"
run api_v1_courts "http://127.0.0.1:$p1/api/v1/courts"
run case_lookup "http://127.0.0.1:$p1$lookup"
run api_v1_kb_search "http://127.0.0.1:$p1/api/v1/kb/search?q=%E8%80%81%E6%9D%BF%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84%E6%80%8E%E4%B9%88%E5%8A%9E"
# Every request a new question (scripts/kb_search.lua): what searching costs when nothing is remembered.
out="$(wrk -t1 -c32 -d"$DURATION" --latency -s scripts/kb_search.lua "http://127.0.0.1:$p1")"
echo "$(echo "$out" | awk '/Requests\/sec/ { print $2 }') $(echo "$out" | awk '$1 == "99%" { print $2 }')" >"$dir/kb_search_all_new.rps"
python3 - "$dir" <<'PY'
import sys, pathlib
d = pathlib.Path(sys.argv[1])
read = lambda n: (d / (n + ".rps")).read_text().split()
bare = float(read("bare_axum")[0])
targets = {"home_page": 0.5, "case_lookup": 0.5, "api_v1_health": 0.6, "api_v1_courts": 0.6}
print(f"{'':22s} {'req/s':>10s} {'p99':>9s}  {'ratio to bare':>13s}  target")
for name in ("bare_axum", "home_page", "login_page", "api_v1_health", "api_v1_courts", "case_lookup", "api_v1_kb_search",
             "kb_search_all_new"):
    rps, p99 = read(name)
    t = targets.get(name)
    print(f"{name:22s} {float(rps):10.0f} {p99:>9s}  {float(rps) / bare:13.2f}  {'>= %.1f' % t if t else ''}")
PY
step "Page weight as Chromium receives it (compressed), and the WebAssembly in it"
node scripts/bench_pages.mjs "http://127.0.0.1:$p1"
step "Fee quote and risk estimate per call (target: under 50 µs)"
target/release/examples/bench_domain
node scripts/bench_wasm.mjs "http://127.0.0.1:$p1"
step "Filing submissions per second (create + submit, repository code of the server)"
target/release/examples/bench_filings "${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
step "Mediation: free slots for a month over the whole roster, and bookings per second"
target/release/examples/bench_mediation "${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
step "Video rooms: WebSocket connections per instance and memory per connection; signalling relayed between two instances"
target/release/examples/bench_meeting "${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
step "Knowledge base: index build and search latency on one core (target p99 < 5 ms); search req/s is in the table above"
target/release/examples/bench_kb
step "WebAssembly bundle"
node scripts/precompress.mjs target/site/pkg | grep -E 'wasm|js'
echo "(target: hydrate Wasm <= 200 KB brotli)"
