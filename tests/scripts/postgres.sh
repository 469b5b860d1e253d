#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the test suite: `postgres.sh start DIR PORT`
# and `postgres.sh stop DIR`. initdb refuses to run as root, so the cluster belongs to `postgres`.
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; return 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?start|stop}
dir=${2:?data directory}
case "$cmd" in
  start)
    port=${3:?port}
    bin=$(pg_bin)
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "PostgreSQL listening on 127.0.0.1:$port (data in $dir)"
    ;;
  stop)
    bin=$(pg_bin)
    [ -d "$dir" ] && as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
