#!/bin/sh
# Prints how long the packaged command line takes to first output and to exit (median/max over RUNS)
# for version, validate, plan (one environment and --all, against an in-process sandbox) and apply.
# Usage: bench/cli-startup-benchmark.sh [RUNS=5]
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml package -DskipTests
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.CliStartupBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-5}"
