#!/usr/bin/env python3
"""Summarises EF Core's command log (Microsoft.EntityFrameworkCore.Database.Command at Information) from an app log:
per distinct SQL statement, how often it ran, how often per request, and the time EF Core measured for it.
  bench/sqllog.py APP_LOG REQUESTS
bench/signups.sh writes such a log with SQL_LOG=1 (bench/results/signups-<label>-<timestamp>.app.log)."""
import re
import sys
from collections import defaultdict

if len(sys.argv) != 3:
    sys.exit(__doc__)
path, requests = sys.argv[1], int(sys.argv[2])
stats = defaultdict(lambda: [0, 0.0, ""])  # sql -> [count, total ms, label]
lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
i = 0
while i < len(lines):
    m = re.search(r"Executed DbCommand \((\d+)ms\)", lines[i])
    if not m:
        i += 1
        continue
    ms = int(m.group(1))
    sql = []
    i += 1
    while i < len(lines) and lines[i].startswith("      "):
        sql.append(lines[i].strip())
        i += 1
    text = " ".join(sql)
    kind = (sql[0].split()[0] if sql else "?").upper()
    table = re.search(r'(?:FROM|UPDATE|INSERT INTO)\s+"?(\w+)"?', text)
    what = re.findall(r'(?:"\w+"|\b\w+)\."(\w+)"', text)[:4]
    label = f"{kind} {table.group(1) if table else '?'} ({', '.join(dict.fromkeys(what))})"
    s = stats[text]
    s[0] += 1
    s[1] += ms
    s[2] = label

total = sum(s[0] for s in stats.values())
print(f"{total} commands, {total / requests:.2f} per request ({requests} requests); EF Core's own ms (whole ms, rounded down)")
print("| statement | count | per request | mean ms | total ms |")
print("|---|---:|---:|---:|---:|")
for text, (count, ms, label) in sorted(stats.items(), key=lambda kv: -kv[1][0]):
    print(f"| {label} | {count} | {count / requests:.2f} | {ms / count:.2f} | {ms:.0f} |")
