#!/usr/bin/env bash
# Runs every Kaifong test project and ends with one line: "N passed, N failed".
#  - installs what the tests need when missing (PostgreSQL, Chromium, CJK fonts) with apt-get, as root;
#  - starts PostgreSQL on 127.0.0.1 for the run (the system cluster as root, else a throw-away one);
#  - integration tests run on SQLite and PostgreSQL both; browser tests drive /usr/bin/chromium.
# Needs only the .NET SDK beforehand. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
log() { printf '[test.sh] %s\n' "$*" >&2; }

# 1. What the tests need from Debian.
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
{ command -v fc-list >/dev/null && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; } || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    log "cannot install ${need[*]}: run as root or install them first"
  fi
fi

# 2. PostgreSQL on 127.0.0.1 for this run.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PGVER=$(basename "$(dirname "$PGBIN")")
PGTMP=""
stop_pg() { [ -n "$PGTMP" ] && "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1; [ -n "$PGTMP" ] && rm -rf "$PGTMP"; }
trap stop_pg EXIT
if [ -z "${KAIFONG_TEST_POSTGRES:-}" ] && [ -n "$PGBIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null; then
    [ -d "/etc/postgresql/$PGVER/main" ] || pg_createcluster "$PGVER" main >/dev/null
    pg_ctlcluster "$PGVER" main start 2>/dev/null || true
    for _ in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
    su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='kaifong'\"" | grep -q 1 \
      || su postgres -c "psql -qc \"create role kaifong login password 'kaifong' createdb\"" >/dev/null
    export KAIFONG_TEST_POSTGRES="Host=127.0.0.1;Port=$(su postgres -c "psql -qAtc 'show port'");Username=kaifong;Password=kaifong"
  else
    PGTMP=$(mktemp -d)
    PORT=55432
    "$PGBIN/initdb" -D "$PGTMP/data" -U kaifong --auth=trust >/dev/null
    "$PGBIN/pg_ctl" -D "$PGTMP/data" -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
    export KAIFONG_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=kaifong;Password=kaifong"
  fi
fi
log "PostgreSQL: ${KAIFONG_TEST_POSTGRES:-none}"

# 3. Build once, then every test project.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build Kaifong.slnx -c Release -nologo -v q; then
  echo "build: 0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" --blame-hang-timeout 10m || status=1
done

# 4. One closing line, summed from the TRX files.
passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
