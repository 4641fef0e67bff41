#!/usr/bin/env bash
# Times retention on a copy of a database of 1,000,000 synthetic requests: first the bodies of the
# requests older than 15 days are removed (about half), then those requests are deleted. It prints
# the times, the table size and the load average at each step, and drops the copy.
#
# Usage: bench/retention.sh SOURCE_DATABASE
#   SOURCE_DATABASE is a PostgreSQL database on 127.0.0.1:5432 filled by
#   `bench/api.sh --keep-database true` (its name is in that run's log). It is copied, not changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_db="${1:?usage: bench/retention.sh SOURCE_DATABASE (filled by bench/api.sh --keep-database true)}"
if [[ ! "$source_db" =~ ^[a-z0-9_]+$ ]]; then
  echo "bench/retention.sh: the database name may hold only a-z, 0-9 and _" >&2
  exit 2
fi
copy="nexus_retention_$$"
work="$(mktemp -d)"
q() { psql -h 127.0.0.1 -U postgres -d "$copy" -tAc "$1"; }
cleanup() { psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $copy" >/dev/null; rm -rf "$work"; }
trap cleanup EXIT

(cd "$ROOT" && mvn -q -B -o -DskipTests package)
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $copy TEMPLATE $source_db"
echo "commit $(git -C "$ROOT" rev-parse --short HEAD), nproc $(nproc)"
echo "before: $(q "SELECT pg_size_pretty(pg_total_relation_size('api_requests'))"), $(q 'SELECT COUNT(*) FROM api_requests') rows, load $(cut -d' ' -f1-3 /proc/loadavg)"
for step in RETENTION_BODY_DAYS RETENTION_DAYS; do
  start=$(date +%s)
  result=$(env "$step=15" DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$copy" NEXUS_HOME="$work" \
    "$ROOT/bin/nexus" retention 2>&1 | tail -n 1)
  echo "$step=15: $(( $(date +%s) - start )) s wall. $result"
  echo "  after: $(q "SELECT pg_size_pretty(pg_total_relation_size('api_requests'))"), $(q 'SELECT COUNT(*) FROM api_requests') rows, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
