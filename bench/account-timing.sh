#!/usr/bin/env bash
# usage: bench/account-timing.sh <dll> <port>  — starts the app on a fresh SQLite file, measures sign-in/forgot/magic medians (20 each)
set -u
DLL=$1; PORT=$2; DIR=$(mktemp -d)
cd "$(dirname "$DLL")"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$PORT \
Kaifong__PublicBaseUrl=http://127.0.0.1:$PORT Kaifong__AllowPlainHttp=true \
ConnectionStrings__Kaifong="Data Source=$DIR/k.db" Email__PickupDirectory=$DIR/mail RateLimits__SignInPerMinute=100000 \
Logging__LogLevel__Default=Warning dotnet "$DLL" > $DIR/app.log 2>&1 &
APP=$!
for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:$PORT/ && break; sleep 1; done
B=http://127.0.0.1:$PORT/api/v1/auth
for i in $(seq 1 20); do curl -s -o /dev/null -H 'content-type: application/json' -d "{\"email\":\"real$i@example.org\",\"password\":\"correct horse battery\"}" $B/register; done
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)*1000 " ms"}'; }
t() { curl -s -o /dev/null -w '%{time_total}\n' -H 'content-type: application/json' -d "$2" $B/$1; }
# warm up
for i in 1 2 3; do t login '{"email":"warm@example.org","password":"x wrong password"}' >/dev/null; done
echo "login real, wrong password (20 accounts, once each):"; for i in $(seq 1 20); do t login "{\"email\":\"real$i@example.org\",\"password\":\"wrong password x\"}"; done | med
for k in 1 2 3 4; do t login '{"email":"real1@example.org","password":"wrong password x"}' >/dev/null; done
echo "login real, locked out:"; for i in $(seq 1 20); do t login '{"email":"real1@example.org","password":"wrong password x"}'; done | med
echo "login real, locked out, body:"; curl -s -H 'content-type: application/json' -d '{"email":"real1@example.org","password":"wrong password x"}' $B/login; echo
echo "login unknown:"; for i in $(seq 1 20); do t login "{\"email\":\"nobody$i@example.org\",\"password\":\"wrong password x\"}"; done | med
echo "forgot real:"; for i in $(seq 1 20); do t forgot-password '{"email":"real2@example.org"}'; done | med
echo "forgot unknown:"; for i in $(seq 1 20); do t forgot-password "{\"email\":\"nobody$i@example.org\"}"; done | med
echo "magic real:"; for i in $(seq 1 20); do t magic-link '{"email":"real2@example.org"}'; done | med
echo "magic unknown:"; for i in $(seq 1 20); do t magic-link "{\"email\":\"nobody$i@example.org\"}"; done | med
TOK=$(curl -s -H 'content-type: application/json' -d '{"email":"real3@example.org","password":"correct horse battery"}' $B/login | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
for i in 1 2 3 4 5; do curl -s -o /dev/null -H "Authorization: Bearer $TOK" http://127.0.0.1:$PORT/api/v1/me; done
echo "GET /api/v1/me with a bearer token (median of 100):"; for i in $(seq 1 100); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOK" http://127.0.0.1:$PORT/api/v1/me; done | med
kill $APP; wait $APP 2>/dev/null
