#!/usr/bin/env bash
# Runs the portal: builds (release), creates the SQLite database under ./data/ when none exists, applies the
# migrations, loads the demo reference data, prints the URL and the demo accounts. A second run keeps the data.
# DATABASE_URL=postgres://… runs the same portal on PostgreSQL; LEPTOS_SITE_ADDR picks the address.
source "$(dirname "$0")/setup.sh"
setup_build_tools
build_release
mkdir -p data
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
export PORTAL_DEMO_DATA=1
step "Starting the portal"
echo "URL: http://$LEPTOS_SITE_ADDR"
echo "Database: ${DATABASE_URL:-sqlite://data/portal.db (created on first run)}"
demo_accounts
echo
exec target/release/server
