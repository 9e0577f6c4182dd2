#!/bin/sh
# Prints backup, verify, deep-verify (pg_restore --list) and restore times and sizes for a generated database of about N MB
# (embedded PostgreSQL, real pg_dump / pg_restore, filesystem destination).
# Usage: bench/backup-benchmark.sh [megabytes]   (default 100; add -o to MAVEN_ARGS to stay offline)
set -eu
# exec:java runs the benchmark inside Maven's JVM, in the folder Maven starts in: app/, where the application's
# tests run too. The root pom builds the sandbox module first (-am); exec:java skips it.
cd "$(dirname "$0")/../app"
exec ../mvnw -B -q ${MAVEN_ARGS:-} -f ../pom.xml -pl app -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.BackupBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-100}"
