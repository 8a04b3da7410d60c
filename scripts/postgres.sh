#!/usr/bin/env bash
# A private PostgreSQL server for development and tests: its own data directory and port, run as the
# `postgres` user when started by root (the server refuses to run as root).
#
#   scripts/postgres.sh start    initialise if needed, start, wait until ready, print the connection string
#   scripts/postgres.sh stop     stop this server (and only this one)
#   scripts/postgres.sh status   exit 0 when it runs
#
# COMPLIANCE_PG_PORT (default 55432) and COMPLIANCE_PG_DATA (default .data/postgres-<port>, or a directory under
# $TMPDIR when the postgres user cannot reach the repository) choose the server. The database and the login
# are both named `compliance`, password `compliance`, on 127.0.0.1.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

port=${COMPLIANCE_PG_PORT:-55432}
database=compliance
login=compliance
password=compliance

find_bin() {
  if command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return; fi
  done
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found; install the postgresql package." >&2
  exit 1
}
bin=$(find_bin)

if [ "$(id -u)" = 0 ]; then
  owner=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

data_dir() {
  if [ -n "${COMPLIANCE_PG_DATA:-}" ]; then echo "$COMPLIANCE_PG_DATA"; return; fi
  # Every directory above the data directory must be searchable by its owner.
  if as_owner test -x "$repo/.data" 2>/dev/null || { [ ! -e "$repo/.data" ] && as_owner test -x "$repo"; }; then
    echo "$repo/.data/postgres-$port"
  else
    echo "${TMPDIR:-/tmp}/compliance-postgres-$port"
  fi
}
data=$(data_dir)

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$login;Password=$password"
}

psql_admin() {
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -d postgres "$@"
}

init() {
  mkdir -p "$data"
  chown "$owner" "$data"
  chmod 700 "$data"
  local out
  out=$(as_owner "$bin/initdb" -D "$data" -U "$owner" --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 2>&1) || { echo "$out" >&2; exit 1; }
  # Local connections only through the socket in the (private) data directory, TCP only on loopback.
  # A disposable server: durability is traded for speed.
  cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
  if [ ! -s "$data/PG_VERSION" ]; then
    echo "initialising $data" >&2
    init
  fi
  if ! as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" start -D "$data" -l "$data/server.log" -w -t 60 >/dev/null ||
      { tail -n 20 "$data/server.log" >&2; exit 1; }
  fi
  local i
  for i in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  psql_admin <<EOF
SELECT 'CREATE ROLE $login LOGIN CREATEDB PASSWORD ''$password'''
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$login') \gexec
SELECT 'CREATE DATABASE $database OWNER $login'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$database') \gexec
EOF
  echo "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') ready on 127.0.0.1:$port (data: $data)" >&2
  connection_string
}

stop() {
  if [ -s "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w >/dev/null
    echo "stopped PostgreSQL on port $port" >&2
  fi
}

status() {
  as_owner "$bin/pg_ctl" status -D "$data"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
