#!/bin/sh
# Prints the status page's server-side read+render time (median/p95/max) for N environments with a day of
# run history each, on the packaged daemon against its in-process sandbox. Target: overview <= 50 ms at 100.
# Usage: bench/status-page-benchmark.sh [ENVIRONMENTS=100] [REQUESTS=100]   (add -o to MAVEN_ARGS to stay offline)
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q ${MAVEN_ARGS:-} package -DskipTests
exec ./mvnw -B -q ${MAVEN_ARGS:-} test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.StatusPageBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-100} ${2:-100}"
