#!/usr/bin/env bash
# The integration suite against a throwaway database server, started and stopped here:
# `integration-on.sh postgres|mariadb [jest arguments…]` (`npm run test:postgres` and
# `npm run test:mariadb`). The port is the first free one from TEST_PG_PORT (55433) or
# TEST_MARIADB_PORT (3307): a developer's own server may already listen on the usual one.
set -uo pipefail
cd "$(dirname "$0")/../.."

engine=${1:?postgres|mariadb}
shift
case "$engine" in
  postgres) script=postgres.sh client=postgres user=postgres port=${TEST_PG_PORT:-55433} ;;
  mariadb) script=mariadb.sh client=mysql user=root port=${TEST_MARIADB_PORT:-3307} ;;
  *)
    echo "usage: integration-on.sh postgres|mariadb [jest arguments]" >&2
    exit 2
    ;;
esac
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

dir=/tmp/call-history-$engine-$$
# shellcheck disable=SC2064 # the path is fixed now, on purpose
trap "bash tests/scripts/$script stop $dir" EXIT
bash "tests/scripts/$script" start "$dir" "$port" || {
  echo "could not start $engine (see $dir)" >&2
  exit 1
}
DATABASE_CLIENT=$client DATABASE_HOST=127.0.0.1 DATABASE_PORT=$port DATABASE_USERNAME=$user \
  npx jest --selectProjects integration --runInBand "$@"
