# Sourced by the other scripts: finds a JDK >= 21 and exports JAVA_HOME, or says what to install.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/ /opt/java/*/ "$HOME"/.sdkman/candidates/java/*/; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "${d%/}")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="${d%/}"; best_v=$v; fi
  done
  if [ -z "$best" ]; then
    echo "Tribunal needs a JDK 21 or newer, and none was found (JAVA_HOME, /usr/lib/jvm)." >&2
    echo "Install one, e.g.: apt-get install -y openjdk-21-jdk   (or Temurin 21/25 from adoptium.net), then set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}
find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# sqlite-jdbc loads native code; JDK 24+ warns unless native access is granted.
JAVA_OPTS_NATIVE="--enable-native-access=ALL-UNNAMED"
# Maven 3.9's Guice uses sun.misc.Unsafe; JDK 24+ warns about it on every build unless told it is allowed.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
