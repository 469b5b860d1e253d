#!/usr/bin/env bash
# The whole test suite (`npm test`): lint and types, unit and admin component tests, the
# integration suite on SQLite, the integration suite again on PostgreSQL when its server is
# installed, and the browser suite when Debian's chromium is. In CI both always are:
# REQUIRE_POSTGRES=1 and REQUIRE_BROWSER=1 make their absence an error.
set -uo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1

reports=$(mktemp -d)
status=0
failed_steps=0
step() {
  echo
  echo "=== $1"
  shift
  if ! "$@"; then
    status=1
    failed_steps=$((failed_steps + 1))
  fi
}
# A jest run: its failures are counted from its report, so only the exit status is kept here.
tests() {
  local title=$1 name=$2
  shift 2
  echo
  echo "=== $title"
  npx jest --ci --json --outputFile="$reports/$name.json" "$@" || status=1
}

step "lint" npm run --silent lint
step "type check" npm run --silent typecheck
step "build the server" npm run --silent build
tests "unit tests" unit --selectProjects unit
tests "admin component tests" admin --selectProjects admin
tests "integration tests on SQLite" sqlite --selectProjects integration --runInBand

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  pg_dir=/tmp/call-history-pg-$$
  pg_port=${TEST_PG_PORT:-55433}
  # Skip ports another server (a developer's own cluster, say) already listens on.
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  trap 'bash tests/scripts/postgres.sh stop "$pg_dir"' EXIT
  if bash tests/scripts/postgres.sh start "$pg_dir" "$pg_port"; then
    DATABASE_CLIENT=postgres DATABASE_HOST=127.0.0.1 DATABASE_PORT="$pg_port" \
      DATABASE_USERNAME=postgres tests "integration tests on PostgreSQL" postgres \
      --selectProjects integration --runInBand
  else
    echo "could not start PostgreSQL (see $pg_dir/server.log)" >&2
    status=1
    failed_steps=$((failed_steps + 1))
  fi
elif [ "${REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is required (REQUIRE_POSTGRES=1) but not installed" >&2
  status=1
  failed_steps=$((failed_steps + 1))
else
  echo
  echo "=== PostgreSQL not installed: its integration run is skipped (apt-get install -y postgresql)"
fi

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
  echo
  echo "=== browser suite (headless chromium against the built admin)"
  bash tests/browser/run.sh --ci --json --outputFile="$reports/browser.json" || status=1
elif [ "${REQUIRE_BROWSER:-0}" = 1 ]; then
  echo "chromium is required (REQUIRE_BROWSER=1) but not installed" >&2
  status=1
  failed_steps=$((failed_steps + 1))
else
  echo
  echo "=== chromium not installed: the browser suite is skipped (apt-get install -y chromium)"
fi

echo
FAILED_STEPS=$failed_steps node tests/scripts/summarise.js "$reports"/*.json || status=1
exit $status
