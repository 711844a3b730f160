#!/usr/bin/env bash
# Runs every test from a clean clone: fmt, clippy (server and wasm32), unit tests, integration tests against
# SQLite AND PostgreSQL, then the browser tests (JavaScript on and off). Installs what it needs when missing.
# PostgreSQL: TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test), a user that may create databases.
source "$(dirname "$0")/setup.sh"
export TEST_POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

setup_build_tools
setup_browser

step "PostgreSQL reachable at $TEST_POSTGRES_URL"
pg_host="$(echo "$TEST_POSTGRES_URL" | sed -E 's#^[a-z]+://([^@/]*@)?([^:/]+).*#\2#')"
pg_port="$(echo "$TEST_POSTGRES_URL" | sed -nE 's#^[a-z]+://([^@/]*@)?[^:/]+:([0-9]+).*#\2#p')"
if command -v pg_isready >/dev/null && ! pg_isready -q -h "$pg_host" -p "${pg_port:-5432}"; then
  die "PostgreSQL is not reachable at $pg_host:${pg_port:-5432}. The integration tests need it (they never skip).
Start it (on this machine kind: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start)
or point TEST_POSTGRES_URL at one: TEST_POSTGRES_URL=postgres://user@host:5432/db $0"
fi

step "cargo fmt --check"
cargo fmt --all -- --check || die "code is not formatted: run cargo fmt --all"

step "clippy: server, app, db, domain (native, ssr, with their tests)"
cargo clippy --release -p server -p db -p domain -p app --all-targets -- -D warnings || die "clippy (native)"
step "clippy: app (wasm32, hydrate)"
cargo clippy --release -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings || die "clippy (wasm32)"

step "Knowledge base: the relevance set (questions as people ask them; target >= 90 % in the top 3)"
cargo test --release -p db --test kb_relevance -- --nocapture the_relevance_set || die "knowledge base relevance"

step "Unit and integration tests (SQLite and PostgreSQL)"
cargo test --release --workspace || die "cargo test"

# Built after the tests, so the server the browser tests run is exactly the one cargo-leptos builds.
build_release

step "Browser tests (Chromium, JavaScript on and off)"
e2e_dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# The browser tests play several people, each on their own phone: a test may give a person their own address with
# X-Forwarded-For (as a reverse proxy on this machine would), so per-client limits (10 registrations an hour) count
# each person apart. Requests without the header are the loopback client, as before.
DATABASE_URL="sqlite://$e2e_dir/portal.db?mode=rwc" PORTAL_SECRET_FILE="$e2e_dir/secret.key" \
  PORTAL_UPLOAD_DIR="$e2e_dir/uploads" PORTAL_DEMO_DATA=1 PORTAL_TRUST_FORWARDED_FOR=1 PORTAL_TRUSTED_PROXIES=127.0.0.1 \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT=target/site RUST_LOG=warn \
  target/release/server >"$e2e_dir/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  kill -0 $server_pid 2>/dev/null || { cat "$e2e_dir/server.log"; die "server did not start"; }
  sleep 0.2
done
# What the server creates is its own user's only (umask 077): the database, the key file, the uploads.
for f in "$e2e_dir/portal.db" "$e2e_dir/secret.key"; do
  [ "$(stat -c %a "$f")" = 600 ] || die "$f is readable by others ($(stat -c %a "$f"))"
done
[ "$(stat -c %a "$e2e_dir/uploads")" = 700 ] || die "the upload directory is open to others"
mkdir -p target/e2e
# The database and key go along so that a test can read the outbox as the SMS gateway does (`server outbox --peek`).
DATABASE_URL="sqlite://$e2e_dir/portal.db?mode=rwc" PORTAL_SECRET_FILE="$e2e_dir/secret.key" SERVER_BIN=target/release/server \
  BASE_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$ROOT/target/e2e" node --test --test-concurrency=1 e2e/tests/ \
  || { tail -50 "$e2e_dir/server.log"; die "browser tests"; }
echo
echo "All tests passed. Screenshots: target/e2e/"
