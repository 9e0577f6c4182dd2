#!/bin/sh
# Prints the status page's server-side read+render time (median/p95/max) for N environments with a day of
# run history each, on the packaged daemon against its in-process sandbox. Target: overview <= 50 ms at 100.
# Usage: bench/status-page-benchmark.sh [ENVIRONMENTS=100] [REQUESTS=100]   (add -o to MAVEN_ARGS to stay offline)
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml package -DskipTests
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.StatusPageBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-100} ${2:-100}"
