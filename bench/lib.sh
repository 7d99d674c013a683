# Shared by bench/schedule.sh and bench/signups.sh (sourced): the PostgreSQL role, starting the Release app on a free
# loopback port and stopping it, dropping benchmark databases. The caller sets WORK and APP_DLL and traps EXIT.
PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=kaifong PG_PASSWORD=kaifong
PG_BASE="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD"
APP_PID=""
APP_PORT=""

psql_admin() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "$1"; }

drop_db() { [[ -z "$1" ]] || psql_admin "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_app PROVIDER CONNECTION LABEL [NAME=VALUE…]: the app in Production without demo data, warnings-only logging,
# on 127.0.0.1:APP_PORT over plain HTTP (Kaifong__AllowPlainHttp: no proxy on a bench); extra settings as environment. Waits for /health (60 s at most); its log is WORK/app-LABEL.log.
start_app() {
  local provider="$1" connection="$2" label="$3"
  shift 3
  APP_PORT="$(free_port)"
  echo "== $label: starting the app on 127.0.0.1:$APP_PORT" >&2
  (
    cd "$(dirname "$APP_DLL")"
    exec env Database__Provider="$provider" ConnectionStrings__Kaifong="$connection" Kaifong__SeedDemo=false \
      Kaifong__PublicBaseUrl="http://127.0.0.1:$APP_PORT" Kaifong__AllowPlainHttp=true \
      ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" dotnet "$APP_DLL" --urls "http://127.0.0.1:$APP_PORT"
  ) >"$WORK/app-$label.log" 2>&1 &
  APP_PID=$!
  local ok=""
  for _ in $(seq 1 120); do
    if curl -fsS -m 2 "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  if [[ -z "$ok" ]]; then echo "the app did not become healthy; its log:" >&2; tail -40 "$WORK/app-$label.log" >&2; exit 1; fi
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
