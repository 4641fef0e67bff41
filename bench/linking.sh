#!/usr/bin/env bash
# Builds the project offline and runs the conversation linking benchmark
# (dev.claudenexus.bench.LinkingBenchmark), which writes docs/benchmarks-linking.md. PostgreSQL on
# 127.0.0.1:5432 gets a temporary database that the run drops again. Nothing is installed into the
# local Maven repository: the classpath comes from this build's own module jars.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mvn -q -B -o -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Dnexus.root="$ROOT" -Dh2.bindAddress=127.0.0.1 \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.claudenexus.bench.LinkingBenchmark "$@"
