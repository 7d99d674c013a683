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
PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=kaifong PG_PASSWORD=kaifong
PG_BASE="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD"
TS="$(date -u +%Y%m%d-%H%M%S)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kaifong-bench.XXXXXX")"
APP_PID=""
PG_DB=""

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
  if [[ -n "$PG_DB" ]]; then
    PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
    PG_DB=""
  fi
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

run_one() {
  local provider="$1" connection="$2" label="$3${TAG:+-$TAG}"
  echo "== $label: seeding" >&2
  timeout 600 dotnet "$BENCH_DLL" seed --provider "$provider" --connection "$connection" >&2

  local port; port="$(free_port)"
  echo "== $label: starting the app on 127.0.0.1:$port" >&2
  (
    cd "$(dirname "$APP_DLL")"
    export Database__Provider="$provider" ConnectionStrings__Kaifong="$connection" Kaifong__SeedDemo=false \
      ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
    exec dotnet "$APP_DLL" --urls "http://127.0.0.1:$port"
  ) >"$WORK/app-$label.log" 2>&1 &
  APP_PID=$!
  local ok=""
  for _ in $(seq 1 120); do
    if curl -fsS -m 2 "http://127.0.0.1:$port/health" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  if [[ -z "$ok" ]]; then echo "the app did not become healthy; its log:" >&2; tail -40 "$WORK/app-$label.log" >&2; exit 1; fi

  echo "== $label: measuring (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  mkdir -p "$ROOT/bench/results"
  timeout 1200 dotnet "$BENCH_DLL" measure --url "http://127.0.0.1:$port" --requests "$REQUESTS" --warmup "$WARMUP" \
    --clients "$CLIENTS" --per-client "$PER_CLIENT" --label "$label" --out "$ROOT/bench/results/schedule-$label-$TS.json"
  cleanup
}

if [[ "$WHICH" == sqlite || "$WHICH" == both ]]; then
  run_one Sqlite "Data Source=$WORK/bench.db" sqlite
fi
if [[ "$WHICH" == postgres || "$WHICH" == both ]]; then
  PG_DB="kaifong_bench_$(date -u +%Y%m%d%H%M%S)_$$"
  PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "CREATE DATABASE \"$PG_DB\"" >&2
  run_one Postgres "$PG_BASE;Database=$PG_DB" postgres
fi
