#!/usr/bin/env bash
# Builds the project offline and runs the benchmark, passing the arguments to
# dev.claudenexus.bench.Benchmark (bench/run.sh --help lists them). It writes docs/benchmarks.md and
# keeps the proxies' NEXUS_HOME directories under bench/target/run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

mvn -q -o install -DskipTests
# exec.args is split on spaces, so quote each argument for it.
args=""
for arg in "$@"; do
  args+=" '${arg//\'/\\\'}'"
done
exec mvn -q -o -pl bench exec:java -Dexec.args="$args"
