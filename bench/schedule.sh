#!/usr/bin/env bash
# Scheduling benchmark (issue 3 item 10): month calendar JSON and open shifts over HTTP, against /ping.
#   bench/schedule.sh [sqlite|postgres|both]
# Builds the app and the bench (Release), seeds a fresh database (5,000 volunteers, ~1,000 shifts in December 2026),
# starts the app on 127.0.0.1 (Production, no demo data), waits for /health, measures, stops the app and drops the
# database. Results: Markdown on stdout, JSON in bench/results/. Loopback only; bounded request counts and time-outs.
# Knobs (environment): REQUESTS (200), WARMUP (20), CLIENTS (8), PER_CLIENT (25),
#   APP_DLL (another build of the app, e.g. a copy made before a change), NO_BUILD=1 to skip the build,
#   TAG (added to the run's label and result file name).
set -euo pipefail

WHICH="${1:-both}"
case "$WHICH" in sqlite|postgres|both) ;; *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUESTS="${REQUESTS:-200}"
WARMUP="${WARMUP:-20}"
CLIENTS="${CLIENTS:-8}"
PER_CLIENT="${PER_CLIENT:-25}"
TS="$(date -u +%Y%m%d-%H%M%S)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kaifong-bench.XXXXXX")"
PG_DB=""
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

cleanup() {
  stop_app
  drop_db "$PG_DB"
  PG_DB=""
}
trap 'cleanup; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

APP_DLL="${APP_DLL:-$ROOT/src/Kaifong.Web/bin/Release/net10.0/Kaifong.Web.dll}"
BENCH_DLL="$ROOT/bench/Kaifong.Bench.Schedule/bin/Release/net10.0/Kaifong.Bench.Schedule.dll"
if [[ "${NO_BUILD:-}" != 1 ]]; then
  echo "building (Release)…" >&2
  timeout 900 dotnet build -c Release -nologo -v q "$ROOT/src/Kaifong.Web/Kaifong.Web.csproj" >&2
  timeout 900 dotnet build -c Release -nologo -v q "$ROOT/bench/Kaifong.Bench.Schedule/Kaifong.Bench.Schedule.csproj" >&2
fi

run_one() {
  local provider="$1" connection="$2" label="$3${TAG:+-$TAG}"
  echo "== $label: seeding" >&2
  timeout 600 dotnet "$BENCH_DLL" seed --provider "$provider" --connection "$connection" >&2

  start_app "$provider" "$connection" "$label"

  echo "== $label: measuring (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  mkdir -p "$ROOT/bench/results"
  timeout 1200 dotnet "$BENCH_DLL" measure --url "http://127.0.0.1:$APP_PORT" --requests "$REQUESTS" --warmup "$WARMUP" \
    --clients "$CLIENTS" --per-client "$PER_CLIENT" --label "$label" --out "$ROOT/bench/results/schedule-$label-$TS.json"
  cleanup
}

if [[ "$WHICH" == sqlite || "$WHICH" == both ]]; then
  run_one Sqlite "Data Source=$WORK/bench.db" sqlite
fi
if [[ "$WHICH" == postgres || "$WHICH" == both ]]; then
  PG_DB="kaifong_bench_$(date -u +%Y%m%d%H%M%S)_$$"
  psql_admin "CREATE DATABASE \"$PG_DB\"" >&2
  run_one Postgres "$PG_BASE;Database=$PG_DB" postgres
fi
