#!/usr/bin/env bash
# Builds the project offline and runs the conversation linking benchmark
# (dev.claudenexus.bench.LinkingBenchmark), which writes docs/benchmarks-linking.md. PostgreSQL on
# 127.0.0.1:5432 gets a temporary database that the run drops again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mvn -q -o -pl bench -am package -DskipTests
args=""
for arg in "$@"; do
  args+=" '${arg//\'/\\\'}'"
done
exec mvn -q -o -pl bench exec:java -Dbench.main=dev.claudenexus.bench.LinkingBenchmark \
  -Dexec.args="$args"
