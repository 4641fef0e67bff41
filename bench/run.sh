#!/usr/bin/env bash
# Builds the project offline and runs the benchmark, passing the arguments to
# dev.claudenexus.bench.Benchmark (bench/run.sh --help lists them). It writes docs/benchmarks.md and
# keeps the proxies' NEXUS_HOME directories under bench/target/run.
#
# The build packages the reactor in place and installs nothing into ~/.m2, so the benchmark runs
# the code of this working tree and does not change what other builds sharing ~/.m2 resolve.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mvn -q -B -o package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
classpath="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
exec java -Dnexus.root="$ROOT" -cp "$classpath" dev.claudenexus.bench.Benchmark "$@"
