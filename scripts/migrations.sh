#!/usr/bin/env bash
# Adds a migration for both providers: scripts/migrations.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/migrations.sh MigrationName}
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Kaifong.Data --context ${p}KaifongDb --output-dir Migrations/$p
done
