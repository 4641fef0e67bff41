#!/usr/bin/env bash
# Builds the project offline and runs the API query benchmark (dev.claudenexus.bench.ApiQueryBenchmark):
# a fresh PostgreSQL database on 127.0.0.1:5432 with 1,000,000 synthetic requests, the dashboard (and
# the proxy) started on it with bin/nexus, and timed calls of every read endpoint of /api/*. It writes
# its block of docs/benchmarks.md and drops the database. bench/api.sh --help lists the options.
#
# The whole reactor is packaged in place, because bin/nexus runs the wars of this working tree;
# nothing is installed into ~/.m2.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mvn -q -B -o package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
classpath="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
exec java -Dnexus.root="$ROOT" -cp "$classpath" dev.claudenexus.bench.ApiQueryBenchmark "$@"
