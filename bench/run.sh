#!/usr/bin/env bash
# Auto-roster benchmark: Curtois & Qu (24 instances) and seeded NGO-scale months, each solved through the CLI
# (bench runner → kaifong-roster.dll solve) and verified with `check`. Results: bench/results/*.csv.
#   bench/run.sh             round 2: the NGO months and Curtois, 60 s each (≈ 30 min)
#   bench/run.sh quick       the NGO months only
#   bench/run.sh round1      the first round's runs (10 s and 60 s), for comparison
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=${CURTOIS_DIR:-$ROOT/bench/instances/curtois}
OUT=$ROOT/bench/out
RES=$ROOT/bench/results
THREADS=${THREADS:-2}
mkdir -p "$OUT/curtois" "$OUT/ngo" "$RES"
export BENCH_SOLUTIONS=$OUT/solutions DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build bench/Kaifong.Rostering.Bench -c Release -nologo -v q
BENCH="dotnet bench/Kaifong.Rostering.Bench/bin/Release/net10.0/Kaifong.Rostering.Bench.dll"

$BENCH convert-all "$DATA" "$OUT/curtois"
[ -f "$OUT/ngo/ngo-80x300.json" ] || $BENCH generate 80 300 1 "$OUT/ngo/ngo-80x300.json"
[ -f "$OUT/ngo/ngo-500x2000.json" ] || $BENCH generate 500 2000 2 "$OUT/ngo/ngo-500x2000.json"
[ -f "$OUT/ngo/ngo-5000x20000.json" ] || $BENCH generate 5000 20000 3 "$OUT/ngo/ngo-5000x20000.json"

curtois=$(for i in $(seq 1 24); do echo "$OUT/curtois/Instance$i.json"; done)
ngo="$OUT/ngo/ngo-80x300.json $OUT/ngo/ngo-500x2000.json $OUT/ngo/ngo-5000x20000.json"

# Round 2 (issue 12): the LNS engine, 60 s each, NGO months first. Round 1's files (curtois-10s.csv, curtois-60s.csv,
# ngo.csv) are kept for comparison; `bench/run.sh round1` measures them again.
if [ "${1:-}" = round1 ]; then
  $BENCH run "$RES/curtois-10s.csv" 10 "$THREADS" $curtois || true
  $BENCH run "$RES/ngo.csv" 10 "$THREADS" --greedy $ngo || true
  $BENCH run "$RES/ngo.csv" 10 "$THREADS" $ngo || true
  $BENCH run "$RES/ngo.csv" 60 "$THREADS" $ngo || true
  $BENCH run "$RES/curtois-60s.csv" 60 "$THREADS" $curtois || true
  exit 0
fi
cat /proc/loadavg >> "$RES/round2-loadavg.txt"
$BENCH run "$RES/ngo-r2.csv" 60 "$THREADS" $ngo || true
cat /proc/loadavg >> "$RES/round2-loadavg.txt"
[ "${1:-}" = quick ] && exit 0
$BENCH run "$RES/curtois-r2-60s.csv" 60 "$THREADS" $curtois || true
cat /proc/loadavg >> "$RES/round2-loadavg.txt"
