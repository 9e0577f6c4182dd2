#!/bin/sh
# Prints what the Railway API budget pays for at scale (Hobby: 1,000 requests/h, 10/s), on the sandbox's virtual
# clock with a real PostgreSQL: requests per no-op cycle, requests and time to converge one change per service,
# and an hour of the loop (longest time any environment went unread, liveness), for 1x10x8, 10x20x10 and
# 100x20x10 environments x services x variables, or for the one shape given.
# Usage: bench/scale-benchmark.sh [ENVIRONMENTS SERVICES VARIABLES]   (add -o to MAVEN_ARGS to stay offline)
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.reconcile.ScaleBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${*:-}"
