#!/bin/sh
# Prints plan and render times for 200 services x 30 variables (median/p95/max over N runs).
# Usage: bench/plan-benchmark.sh [runs]   (default 200; add -o to MAVEN_ARGS to stay offline)
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.PlanBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-200}"
