#!/bin/sh
# Prints start time to ready, idle RSS and CPU per no-op reconcile of the daemon as the JVM distribution runs it
# (bin/switchman and its lib/jvm.options), for 1, 10 and 100 environments x 20 services against the sandbox.
# Target: idle RSS <= 150 MB at 10 x 20. SWITCHMAN_JAVA_OPTS adds JVM flags, as it does for the launcher.
# Usage: bench/footprint-benchmark.sh [ENVIRONMENTS...]   (default 1 10 100; add -o to MAVEN_ARGS to stay offline)
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml package -DskipTests
../.ci/package-jvm-dist >/dev/null
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.FootprintBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${*:-1 10 100}"
