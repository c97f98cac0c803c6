# Sourced by the project's scripts (.ci/run, bench/, ops/aot/): makes JAVA_HOME a Java 25 or later
# and puts its java first on PATH, so that ./mvnw and every `java` they start use it.
#
# An already set JAVA_HOME wins when it is 25 or later; then the `java` on PATH; then the first
# JDK 25+ under /usr/lib/jvm (where Debian and the Temurin packages install, next to an older
# default java). Nothing found: the script stops with the JDK to install.

java_feature_version() { # the feature release of the java at $1 (25 for "25.0.3"), 0 when none
  # The JDK's release file answers without starting a JVM (this runs on the service's startup path).
  release="$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")/release"
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" | head -1 | grep . && return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1 | grep . || echo 0
}

directory_find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_feature_version "$JAVA_HOME/bin/java")" -ge 25 ]; then
    echo "$JAVA_HOME"; return
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_feature_version java)" -ge 25 ]; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
  fi
  local candidate
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_feature_version "$candidate/bin/java")" -ge 25 ]; then
      echo "$candidate"; return
    fi
  done
  return 1
}

if ! JAVA_HOME="$(directory_find_java_home)"; then
  echo "This project needs a JDK 25 or later (Temurin 25, the current LTS). Install one and set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
