#!/usr/bin/env bash
# A throwaway MariaDB server on 127.0.0.1 for the test suite: `mariadb.sh start DIR PORT` and
# `mariadb.sh stop DIR`. Root logs in without a password over TCP from 127.0.0.1 only; the
# server's own time zone is set away from UTC on purpose, so that a datetime stored in the
# session's zone instead of UTC fails the suite.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?data directory}
case "$cmd" in
  start)
    port=${3:?port}
    command -v mariadbd >/dev/null || { echo "MariaDB not found (apt-get install -y mariadb-server)" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir/data"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1
    mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/mariadb.sock" --port="$port" \
      --bind-address=127.0.0.1 --user="$(id -un)" --skip-log-bin --skip-name-resolve \
      --default-time-zone=+05:30 --max-connections=300 --innodb-flush-log-at-trx-commit=0 \
      --innodb-buffer-pool-size=512M --character-set-server=utf8mb4 \
      --collation-server=utf8mb4_unicode_ci --pid-file="$dir/mariadb.pid" \
      --log-error="$dir/server.log" &
    for _ in $(seq 1 100); do
      mariadb --no-defaults --socket="$dir/mariadb.sock" -u root -e "SELECT 1" >/dev/null 2>&1 && break
      sleep 0.2
    done
    # TCP root access from 127.0.0.1 without a password, as the PostgreSQL cluster's trust auth.
    mariadb --no-defaults --socket="$dir/mariadb.sock" -u root -e \
      "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
       GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;"
    echo "MariaDB listening on 127.0.0.1:$port (data in $dir)"
    ;;
  stop)
    if [ -f "$dir/mariadb.pid" ]; then
      kill "$(cat "$dir/mariadb.pid")" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$(cat "$dir/mariadb.pid" 2>/dev/null)" 2>/dev/null || break; sleep 0.2; done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: mariadb.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
