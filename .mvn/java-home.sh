# Sourced by ./mvnw and ./switchman: exports JAVA_HOME pointing at a JDK >= 21.
# Quarkus here is built for Java 21: use JAVA_HOME when it is new enough, else the newest
# JDK >= 21 found in the usual places.
# A JDK's release file says its version without starting a JVM (each start costs a second on a busy
# machine, and this runs before every command); ask the JVM only when the file is missing.
java_release() {
  local version=""
  [[ -f "$1/release" ]] && version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\)[."].*/\1/p' "$1/release")"
  if [[ "$version" == 1 ]]; then version=8; fi
  if [[ -z "$version" ]]; then
    version="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  fi
  echo "$version"
}
if [[ -z "${JAVA_HOME:-}" || ! -x "${JAVA_HOME}/bin/java" || "$(java_release "$JAVA_HOME")" -lt 21 ]]; then
  current="$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")" || true)"
  best=""; best_release=0
  for candidate in "$current" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    release="$(java_release "$candidate")"
    [[ "$release" =~ ^[0-9]+$ ]] || continue
    if (( release >= 21 && release > best_release )); then best="$candidate"; best_release=$release; fi
  done
  [[ -n "$best" ]] || { echo "$(basename "$0"): no JDK >= 21 found (set JAVA_HOME)" >&2; exit 1; }
  export JAVA_HOME="$best"
fi
export PATH="$JAVA_HOME/bin:$PATH"
