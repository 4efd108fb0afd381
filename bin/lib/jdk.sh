# Sourced by bin/* scripts: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, the `java` on PATH, then every JDK under /usr/lib/jvm and /opt (newest first).
# Why: the project compiles for Java 21 (Lucene 10 and virtual threads need it), while machines
# like ours ship Java 17 as the default `java`.

newswatch_java_major() { # $1 = java executable; prints its major version or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

newswatch_find_jdk() {
  local min=21 candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(newswatch_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! NEWSWATCH_JDK=$(newswatch_find_jdk); then
  echo "newswatch: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt)." >&2
  echo "newswatch: install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
  exit 3
fi
export JAVA_HOME="$NEWSWATCH_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
