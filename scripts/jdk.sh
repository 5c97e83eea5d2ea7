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

# The AOT cache (JDK 25+, JEP 483/514/515): the classes a `tribunal rate` loads, already parsed and linked, and the
# profiles of its hot methods, from one training run after each build; `scripts/run` and `scripts/bench-rating`
# start with it (1M battles, 500 contestants: 0.3-0.4 s sooner). Older JDKs run without it. The JVM's own aot/cds
# messages are switched off: a stale or foreign cache is then ignored silently rather than reported on stdout, where
# it would end up in a CSV or JSON board.
AOT_CACHE="$PWD/target/tribunal.aot"
# Prints the options that use the cache, or nothing when there is none for this jar and this java.
aot_options() {
  local jar=$1
  if [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null && [ -f "$AOT_CACHE" ] && [ "$AOT_CACHE" -nt "$jar" ] \
      && [ "$(cat "$AOT_CACHE.java" 2>/dev/null)" = "$JAVA_HOME" ]; then
    echo "-XX:AOTCache=$AOT_CACHE -Xlog:aot=off -Xlog:cds=off"
  fi
}
# Makes the cache for $1 (the jar) unless it is there and up to date: rates 200,000 generated battles among 300
# contestants with 50 bootstrap rounds, so that the dense and the sparse paths are both trained (~5 s, once a build).
make_aot_cache() {
  local jar=$1 work
  [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null || return 0
  [ -n "$(aot_options "$jar")" ] && return 0
  work=$(mktemp -d)
  rm -f "$AOT_CACHE" "$AOT_CACHE.java"
  echo "Preparing the start-up cache (about 5 s, once a build)…" >&2
  if java $JAVA_OPTS_NATIVE -jar "$jar" generate-battles --contestants 300 --battles 200000 --seed 1 \
        --out "$work/battles.jsonl" --truth "$work/truth.csv" > "$work/log" 2>&1 \
      && java -XX:AOTCacheOutput="$AOT_CACHE" -Xlog:aot=off -Xlog:cds=off $JAVA_OPTS_NATIVE -jar "$jar" rate \
        "$work/battles.jsonl" --rounds 50 --output csv --out "$work/board.csv" >> "$work/log" 2>&1 \
      && [ -f "$AOT_CACHE" ]; then
    echo "$JAVA_HOME" > "$AOT_CACHE.java"
  else
    rm -f "$AOT_CACHE"
    echo "(no AOT cache: its training run failed; Tribunal runs without it. $work/log says why.)" >&2
    return 0
  fi
  rm -rf "$work"
}
