#!/usr/bin/env bash
# Installs Switchman's JVM distribution from a GitHub release of $REPOSITORY (VERSION: a tag such as v0.1.0, or
# "latest") into $RUNNER_TEMP and writes switchman=<its launcher> to $GITHUB_OUTPUT. Needs GH_TOKEN and a Java 21.
set -euo pipefail
: "${REPOSITORY:?owner/name of the repository that releases Switchman}"
into="${RUNNER_TEMP:-/tmp}/switchman"
mkdir -p "$into"
tag=()
if [[ -n "${VERSION:-}" && "${VERSION}" != latest ]]; then tag=("$VERSION"); fi
gh release download "${tag[@]}" --repo "$REPOSITORY" --pattern 'switchman-*-jvm.tar.gz' --dir "$into" --clobber
tar -xzf "$into"/switchman-*-jvm.tar.gz -C "$into"
launcher="$(ls -d "$into"/switchman-*/bin/switchman | head -n 1)"
"$launcher" version
echo "switchman=$launcher" >>"$GITHUB_OUTPUT"
