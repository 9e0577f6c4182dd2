#!/bin/sh
# Prints backup, verify, deep-verify (pg_restore --list) and restore times and sizes for a generated database of about N MB
# (embedded PostgreSQL, real pg_dump / pg_restore, filesystem destination).
# Usage: bench/backup-benchmark.sh [megabytes]   (default 100; add -o to MAVEN_ARGS to stay offline)
set -eu
cd "$(dirname "$0")/.."
exec ./mvnw -B -q ${MAVEN_ARGS:-} test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=dev.switchman.bench.BackupBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-100}"
