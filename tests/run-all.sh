#!/usr/bin/env bash
# The whole test suite (`npm test`): lint and types, unit and admin component tests, the
# integration suite on SQLite, the integration suite again on PostgreSQL and on MariaDB when
# their servers are installed, and the browser suite when Debian's chromium is. In CI all always
# are: REQUIRE_POSTGRES=1, REQUIRE_MARIADB=1 and REQUIRE_BROWSER=1 make their absence an error.
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

# The integration suite again on a throwaway database server (tests/scripts/integration-on.sh).
server_pass() {
  local title=$1 engine=$2
  echo
  echo "=== integration tests on $title"
  bash tests/scripts/integration-on.sh "$engine" --ci --json --outputFile="$reports/$engine.json" ||
    status=1
  # A server that did not start leaves no report: count it as a failed step.
  [ -f "$reports/$engine.json" ] || failed_steps=$((failed_steps + 1))
}
# A server that is not installed skips its pass, unless CI requires it (REQUIRE_NAME=1).
require_missing() {
  local title=$1 required=$2 package=$3
  if [ "$required" = 1 ]; then
    echo "$title is required but not installed (apt-get install -y $package)" >&2
    status=1
    failed_steps=$((failed_steps + 1))
  else
    echo
    echo "=== $title not installed: its integration run is skipped (apt-get install -y $package)"
  fi
}

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  server_pass PostgreSQL postgres
else
  require_missing PostgreSQL "${REQUIRE_POSTGRES:-0}" postgresql
fi

if command -v mariadbd >/dev/null 2>&1; then
  server_pass MariaDB mariadb
else
  require_missing MariaDB "${REQUIRE_MARIADB:-0}" mariadb-server
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
