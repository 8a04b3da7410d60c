#!/usr/bin/env bash
# A local cluster on one machine: a private PostgreSQL server, the schema, N silos and the front end, as background
# processes with their pid files and logs under .data/cluster/.
#
#   scripts/cluster.sh up [silos]   start what does not run yet (default 3 silos), wait until every silo is Active in the
#                                   membership table and the front end is ready, print URL and token; exits non-zero
#                                   with the log tail of a silo or front end that died
#   scripts/cluster.sh down         stop what `up` started: front end, silos, and the PostgreSQL server if `up` started it
#   scripts/cluster.sh status       list what runs
#
# Settings (environment): COMPLIANCE_CLUSTER_PG_PORT (default 25433), COMPLIANCE_CLUSTER_URL (default
# http://127.0.0.1:8080), COMPLIANCE_CLUSTER_SILO_PORT and COMPLIANCE_CLUSTER_GATEWAY_PORT (first ports, default 11111
# and 21111; silo i uses base + i), COMPLIANCE_CLUSTER_METRICS_PORT (first silo's /metrics port, default 9464; silo i
# uses base + i), COMPLIANCE_ADMIN_TOKEN (default: a generated token kept in .data/cluster/), COMPLIANCE_CLUSTER_STATE
# (where pid files and logs go, default .data/cluster), COMPLIANCE_CLUSTER_CONFIGURATION (the build configuration to run,
# default Release) and COMPLIANCE_CLUSTER_SKIP_BUILD=1 (run that build as it is, without building first).
# The default ports are below 32768, outside the kernel's ephemeral range, so that no outgoing connection holds them.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

state=${COMPLIANCE_CLUSTER_STATE:-$repo/.data/cluster}
configuration=${COMPLIANCE_CLUSTER_CONFIGURATION:-Release}
pg_port=${COMPLIANCE_CLUSTER_PG_PORT:-25433}
url=${COMPLIANCE_CLUSTER_URL:-http://127.0.0.1:8080}
silo_port=${COMPLIANCE_CLUSTER_SILO_PORT:-11111}
gateway_port=${COMPLIANCE_CLUSTER_GATEWAY_PORT:-21111}
metrics_port=${COMPLIANCE_CLUSTER_METRICS_PORT:-9464}
build_dir=$repo/src/WebApi/bin/$configuration/net10.0
silo_dll=$repo/src/Silo/bin/$configuration/net10.0/ComplianceGrains.Silo.dll
webapi_dll=$build_dir/ComplianceGrains.WebApi.dll
ready_timeout=180

# down and status act on what up started, whatever the environment says now.
if [ "${1:-}" != up ] && [ -s "$state/settings" ]; then
  # shellcheck source=/dev/null
  . "$state/settings"
fi

postgres() { COMPLIANCE_PG_PORT=$pg_port bash "$repo/scripts/postgres.sh" "$@"; }

# The pid in a pid file, if that process still runs the executable it was started with, or is still this script's
# subshell about to exec it (on a busy machine a check can come before the exec).
running_pid() {
  local file=$1 pid dll command
  [ -s "$file" ] || return 1
  read -r pid dll <"$file"
  { command=$(tr '\0' ' ' <"/proc/$pid/cmdline"); } 2>/dev/null || return 1
  [[ "$command" == *"$dll"* || "$command" == "$(tr '\0' ' ' <"/proc/$$/cmdline")" ]] || return 1
  echo "$pid"
}

any_running() {
  local file
  for file in "$state"/*.pid; do
    if running_pid "$file" >/dev/null; then return 0; fi
  done
  return 1
}

# start NAME DLL [VAR=value ...] [-- ARGS ...]: runs `dotnet DLL ARGS` in its own session, logging to NAME.log.
start() {
  local name=$1 dll=$2 pid
  shift 2
  local variables=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do variables+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  if pid=$(running_pid "$state/$name.pid"); then
    echo "$name already runs (pid $pid)"
    return
  fi
  (cd "$(dirname "$dll")" && exec setsid env "${variables[@]}" dotnet "$dll" "$@" >>"$state/$name.log" 2>&1 </dev/null) &
  echo "$! $dll" >"$state/$name.pid"
  echo "started $name (pid $!, log $state/$name.log)"
}

stop() {
  local file=$1 name pid i
  name=$(basename "$file" .pid)
  if pid=$(running_pid "$file"); then
    kill -TERM "$pid"
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid"
      echo "killed $name (pid $pid; it did not stop within 20 s)"
    else
      echo "stopped $name (pid $pid)"
    fi
  fi
  rm -f "$file"
}

admin_token() {
  if [ -n "${COMPLIANCE_ADMIN_TOKEN:-}" ]; then
    echo "$COMPLIANCE_ADMIN_TOKEN"
    return
  fi
  if [ ! -s "$state/admin-token" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$state/admin-token")
  fi
  cat "$state/admin-token"
}

# Exits with the end of its log when the process of NAME no longer runs.
require_running() {
  local name=$1
  if ! running_pid "$state/$name.pid" >/dev/null; then
    echo "$name exited; the end of $state/$name.log:" >&2
    tail -n 30 "$state/$name.log" >&2
    exit 1
  fi
}

# The status (3 = Active) of the membership row that the running process of silo I wrote, empty while it has none:
# rows of earlier processes on the same port started before it.
silo_status() {
  local i=$1 pid age
  pid=$(running_pid "$state/silo-$i.pid") || return 0
  age=$(ps -o etimes= -p "$pid" | tr -d ' ')
  PGPASSWORD=compliance psql -h 127.0.0.1 -p "$pg_port" -U compliance -d compliance -tAq -c \
    "SELECT status FROM orleans_membership WHERE port = $((silo_port + i))
       AND start_time >= now() - interval '$((age + 5)) seconds' ORDER BY generation DESC LIMIT 1" 2>/dev/null || true
}

# Waits until every silo is Active in the membership table and the front end answers /health/ready.
wait_ready() {
  local silos=$1 deadline=$((SECONDS + ready_timeout)) i pending
  while :; do
    pending=
    for i in $(seq 0 $((silos - 1))); do
      require_running "silo-$i"
      [ "$(silo_status "$i")" = 3 ] || pending="$pending silo-$i"
    done
    require_running webapi
    if [ -z "$pending" ] && curl -fsS -o /dev/null --max-time 5 "$url/health/ready" 2>/dev/null; then return; fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "not ready within $ready_timeout s (${pending:+not Active:$pending; }front end: $url/health/ready); see the logs in $state/" >&2
      exit 1
    fi
    sleep 1
  done
}

up() {
  local silos=${1:-3} connection token i
  [[ "$silos" =~ ^[1-9][0-9]*$ ]] || { echo "the number of silos must be a positive integer, not '$silos'" >&2; exit 2; }
  mkdir -p "$state"
  printf 'pg_port=%q\nurl=%q\nsilo_port=%q\n' "$pg_port" "$url" "$silo_port" >"$state/settings"
  if ! postgres status >/dev/null 2>&1; then
    connection=$(postgres start)
    echo "$pg_port" >"$state/postgres.started"
  else
    connection=$(postgres start)
    echo "PostgreSQL on port $pg_port already runs"
  fi

  # Rebuilding under running processes would replace their assemblies: the build is made once, by the first `up`.
  if [ "${COMPLIANCE_CLUSTER_SKIP_BUILD:-}" = 1 ] && [ -e "$silo_dll" ] && [ -e "$webapi_dll" ]; then
    echo "using the existing $configuration build"
  elif any_running && [ -e "$silo_dll" ] && [ -e "$webapi_dll" ]; then
    echo "processes of this cluster run: using the existing build"
  else
    echo "building ($configuration)"
    dotnet build "$repo/src/WebApi/ComplianceGrains.WebApi.csproj" -c "$configuration" --nologo -v q -clp:ErrorsOnly >"$state/build.log" 2>&1 ||
      { cat "$state/build.log" >&2; exit 1; }
  fi
  ConnectionStrings__Compliance=$connection dotnet "$silo_dll" migrate

  token=$(admin_token)
  local common=(Hosting__Mode=Cluster "ConnectionStrings__Compliance=$connection" DOTNET_ENVIRONMENT=Production)
  for i in $(seq 0 $((silos - 1))); do
    start "silo-$i" "$silo_dll" "${common[@]}" Orleans__AdvertisedAddress=127.0.0.1 \
      "Orleans__SiloPort=$((silo_port + i))" "Orleans__GatewayPort=$((gateway_port + i))" "Metrics__Port=$((metrics_port + i))"
  done
  start webapi "$webapi_dll" "${common[@]}" ASPNETCORE_ENVIRONMENT=Production "COMPLIANCE_ADMIN_TOKEN=$token" -- --urls "$url"

  echo "waiting for $silos silos to be Active in the membership table and for $url/health/ready"
  wait_ready "$silos"
  echo
  echo "ComplianceGrains cluster ready: $url/api/ (Swagger UI: $url/api/docs/)"
  echo "admin token: $token"
  echo "  curl -H 'Authorization: Token $token' $url/api/users/"
  echo "metrics: $url/metrics and, for silo i, http://127.0.0.1:<$metrics_port + i>/metrics; dashboard (staff): $url/dashboard/"
}

down() {
  local file
  [ -d "$state" ] || { echo "nothing was started"; return; }
  for file in "$state"/webapi.pid "$state"/silo-*.pid; do
    if [ -e "$file" ]; then stop "$file"; fi
  done
  if [ -s "$state/postgres.started" ]; then
    COMPLIANCE_PG_PORT=$(cat "$state/postgres.started") bash "$repo/scripts/postgres.sh" stop
    rm -f "$state/postgres.started"
  fi
  echo "cluster stopped"
}

status() {
  local file name pid any=
  for file in "$state"/webapi.pid "$state"/silo-*.pid; do
    [ -e "$file" ] || continue
    name=$(basename "$file" .pid)
    if pid=$(running_pid "$file"); then
      echo "$name: running (pid $pid)"
      any=1
    else
      echo "$name: not running (see $state/$name.log)"
    fi
  done
  if postgres status >/dev/null 2>&1; then echo "postgres: running on port $pg_port"; else echo "postgres: not running"; fi
  if [ -n "$any" ] && curl -fsS -o /dev/null --max-time 5 "$url/health/ready" 2>/dev/null; then
    echo "ready: $url"
  elif [ -n "$any" ]; then
    echo "not ready: $url/health/ready does not answer 200"
  fi
}

case "${1:-}" in
  up) up "${2:-3}" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up [silos] | down | status" >&2; exit 2 ;;
esac
