#!/usr/bin/env bash
# Runs the whole test suite: builds the solution and runs every test project. The PostgreSQL tests use the
# server of COMPLIANCE_TEST_POSTGRES when set; otherwise this script starts a private one (scripts/postgres.sh)
# for the run and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
postgres_started=
cleanup() {
  rm -f "$log"
  if [ -n "$postgres_started" ]; then bash scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${COMPLIANCE_TEST_POSTGRES:-}" ]; then
  if connection=$(bash scripts/postgres.sh start); then
    postgres_started=1
    export COMPLIANCE_TEST_POSTGRES=$connection
  elif [ -n "${CI:-}" ]; then
    echo "PostgreSQL did not start; the PostgreSQL tests cannot run." >&2
    exit 1
  else
    echo "PostgreSQL did not start; the PostgreSQL tests will be skipped." >&2
  fi
fi

set +e
dotnet test ComplianceGrains.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for whoever reads the end of the log.
summary=$(grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
