#!/usr/bin/env bash
# Sign-up load benchmark (issue 4 item 12): CLIENTS concurrent clients signing volunteers up to small shifts over HTTP,
# then an overbooking check in the database; on PostgreSQL, pgbench's simple-update TPS on the same server in the same
# run as the limit.
#   bench/signups.sh [sqlite|postgres|both]
# Builds the app and the bench (Release), seeds a fresh database (VOLUNTEERS active volunteers, SHIFTS shifts × PLACES
# places), [postgres: runs pgbench on a scratch database and drops it], starts the app on 127.0.0.1 (Production, no demo
# data, sign-in rate limit raised for the bench's own logins), waits for /health, measures, stops the app and drops the
# database. Results: Markdown on stdout, JSON in bench/results/. Loopback only; bounded request counts and time-outs.
# Knobs (environment): CLIENTS (50), SIGNUPS (10000), WARMUP (1000), PINGS (10000), VOLUNTEERS (2000), SHIFTS (400),
#   PLACES (10), LOGIN_CLIENTS (8), PGBENCH_SECONDS (20), PGBENCH_SCALE (1), NO_PGBENCH=1,
#   PG_OPTIONS (appended to the app's Npgsql connection string, e.g. "SSL Mode=Disable;Max Auto Prepare=20"),
#   APP_DLL (another build of the app), NO_BUILD=1 to skip the build, TAG (added to the label and result file name),
#   SQL_LOG=1 (log every EF Core command in the app; the script then prints statements per request — slows the app down),
#   TRACE=SECONDS (a sampled thread-time trace of the app with dotnet-trace, DOTNET_TRACE=path, for that long from the
#   start of the warm-up pass; saved beside the JSON as .nettrace; read it with `dotnet-trace report FILE topN --inclusive`).
set -euo pipefail

WHICH="${1:-both}"
case "$WHICH" in sqlite|postgres|both) ;; *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 2 ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLIENTS="${CLIENTS:-50}"
SIGNUPS="${SIGNUPS:-10000}"
WARMUP="${WARMUP:-1000}"
PINGS="${PINGS:-10000}"
VOLUNTEERS="${VOLUNTEERS:-2000}"
SHIFTS="${SHIFTS:-400}"
PLACES="${PLACES:-10}"
LOGIN_CLIENTS="${LOGIN_CLIENTS:-8}"
PGBENCH_SECONDS="${PGBENCH_SECONDS:-20}"
PGBENCH_SCALE="${PGBENCH_SCALE:-1}"
TS="$(date -u +%Y%m%d-%H%M%S)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kaifong-signups.XXXXXX")"
PG_DB=""
PG_SCRATCH=""
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

cleanup() {
  stop_app
  drop_db "$PG_DB"
  drop_db "$PG_SCRATCH"
  PG_DB="" PG_SCRATCH=""
}
trap 'cleanup; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

APP_DLL="${APP_DLL:-$ROOT/src/Kaifong.Web/bin/Release/net10.0/Kaifong.Web.dll}"
BENCH_DLL="$ROOT/bench/Kaifong.Bench.Signups/bin/Release/net10.0/Kaifong.Bench.Signups.dll"
if [[ "${NO_BUILD:-}" != 1 ]]; then
  echo "building (Release)…" >&2
  timeout 900 dotnet build -c Release -nologo -v q "$ROOT/src/Kaifong.Web/Kaifong.Web.csproj" >&2
  timeout 900 dotnet build -c Release -nologo -v q "$ROOT/bench/Kaifong.Bench.Signups/Kaifong.Bench.Signups.csproj" >&2
fi

PGBENCH="$(command -v pgbench || echo /usr/lib/postgresql/15/bin/pgbench)"

# pgbench's simple-update script (-N: one SELECT, one UPDATE, one INSERT per transaction) on a scratch database of the
# same server, with as many clients as the HTTP rush. Sets PGBENCH_ARGS for the measure verb.
PGBENCH_ARGS=()
run_pgbench() {
  PG_SCRATCH="kaifong_pgbench_$(date -u +%Y%m%d%H%M%S)_$$"
  psql_admin "CREATE DATABASE \"$PG_SCRATCH\"" >&2
  echo "== pgbench: init (scale $PGBENCH_SCALE), then -c $CLIENTS -j 2 -T $PGBENCH_SECONDS -N (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  PGPASSWORD="$PG_PASSWORD" timeout 300 "$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -q -s "$PGBENCH_SCALE" "$PG_SCRATCH" >"$WORK/pgbench-init.log" 2>&1
  PGPASSWORD="$PG_PASSWORD" timeout $((PGBENCH_SECONDS + 120)) "$PGBENCH" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -c "$CLIENTS" -j 2 -T "$PGBENCH_SECONDS" -N "$PG_SCRATCH" >"$WORK/pgbench.log" 2>&1
  grep -E '^(tps|latency average|number of (transactions actually processed|failed))' "$WORK/pgbench.log" >&2
  local tps latency
  tps="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$WORK/pgbench.log")"
  latency="$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' "$WORK/pgbench.log")"
  psql_admin "DROP DATABASE IF EXISTS \"$PG_SCRATCH\" WITH (FORCE)" >&2
  PG_SCRATCH=""
  [[ -n "$tps" ]] || { echo "pgbench gave no TPS; its output:" >&2; cat "$WORK/pgbench.log" >&2; exit 1; }
  PGBENCH_ARGS=(--pgbench-tps "$tps" --pgbench-latency "${latency:-0}" --pgbench-setup "-c $CLIENTS -j 2 -T $PGBENCH_SECONDS -N, scale $PGBENCH_SCALE")
}

run_one() {
  local provider="$1" connection="$2" label="$3${TAG:+-$TAG}"
  echo "== $label: seeding" >&2
  timeout 600 dotnet "$BENCH_DLL" seed --provider "$provider" --connection "$connection" \
    --volunteers "$VOLUNTEERS" --shifts "$SHIFTS" --places "$PLACES" >&2

  PGBENCH_ARGS=()
  if [[ "$provider" == Postgres && "${NO_PGBENCH:-}" != 1 ]]; then run_pgbench; fi

  # The sign-in rate limit (10 a minute per address) is raised for the bench's own logins, all from 127.0.0.1.
  local sql_level=Warning; [[ "${SQL_LOG:-}" == 1 ]] && sql_level=Information
  start_app "$provider" "$connection" "$label" RateLimits__SignInPerMinute=1000000 \
    "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=$sql_level"

  echo "== $label: measuring (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  mkdir -p "$ROOT/bench/results"
  local rc=0 tracer=""
  if [[ -n "${TRACE:-}" ]]; then
    # Start sampling when the warm-up begins (after the volunteers' sign-ins, which are PBKDF2 and would swamp the profile).
    (
      for _ in $(seq 1 1200); do grep -q "^ping" "$WORK/measure-$label.err" 2>/dev/null && break; sleep 0.5; done
      timeout $((TRACE + 60)) "${DOTNET_TRACE:-dotnet-trace}" collect -p "$APP_PID" --profile dotnet-sampled-thread-time \
        --duration "$(printf '%02d:%02d:%02d' $((TRACE / 3600)) $((TRACE / 60 % 60)) $((TRACE % 60)))" -o "$ROOT/bench/results/signups-$label-$TS.nettrace" >/dev/null 2>&1
    ) &
    tracer=$!
  fi
  timeout 1800 dotnet "$BENCH_DLL" measure --url "http://127.0.0.1:$APP_PORT" --provider "$provider" --connection "$connection" \
    --clients "$CLIENTS" --signups "$SIGNUPS" --warmup "$WARMUP" --pings "$PINGS" --login-clients "$LOGIN_CLIENTS" --app-pid "$APP_PID" \
    --label "$label" --out "$ROOT/bench/results/signups-$label-$TS.json" "${PGBENCH_ARGS[@]}" 2> >(tee "$WORK/measure-$label.err" >&2) || rc=$?
  if [[ -n "$tracer" ]]; then wait "$tracer" || true; fi
  if [[ "${SQL_LOG:-}" == 1 ]]; then
    local n; n="$(grep -c 'Executed DbCommand' "$WORK/app-$label.log" || true)"
    echo "SQL_LOG: $n EF Core commands in the app's log for $((SIGNUPS + WARMUP)) sign-up requests and $VOLUNTEERS logins" >&2
    cp "$WORK/app-$label.log" "$ROOT/bench/results/signups-$label-$TS.app.log"
  fi
  cleanup
  [[ "$rc" == 0 ]] || { echo "== $label: measure exited $rc (3 = overbooking or counters wrong)" >&2; exit "$rc"; }
}

if [[ "$WHICH" == sqlite || "$WHICH" == both ]]; then
  run_one Sqlite "Data Source=$WORK/bench.db" sqlite
fi
if [[ "$WHICH" == postgres || "$WHICH" == both ]]; then
  PG_DB="kaifong_signups_$(date -u +%Y%m%d%H%M%S)_$$"
  psql_admin "CREATE DATABASE \"$PG_DB\"" >&2
  run_one Postgres "$PG_BASE;Database=$PG_DB${PG_OPTIONS:+;$PG_OPTIONS}" postgres
fi
