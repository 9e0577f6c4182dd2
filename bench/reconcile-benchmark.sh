#!/bin/sh
# Prints what reconciling costs on the packaged daemon against its in-process sandbox:
# converge time and requests, requests and CPU per no-op cycle, change-to-first-mutation latency, RSS.
# Usage: [DAEMON_JVM_OPTS="-Xmx96m -XX:+UseSerialGC"] bench/reconcile-benchmark.sh [ENVIRONMENTS=10] [SERVICES=20] [SOAK_SECONDS=0]
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml package -DskipTests
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.ReconcileBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-10} ${2:-20} ${3:-0}"
