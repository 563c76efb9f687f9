#!/usr/bin/env bash
# Provisions the Temporal time-skipping test server (Maven artifact io.temporal:temporal-test-server)
# into the version-keyed cache outside the clone:
#   $CACHE/temporal-test-server/<version>/lib/*.jar              full runtime classpath (Maven Central)
#   $CACHE/temporal-test-server/<version>/test-server.jsa        AppCDS archive (faster JVM start-up)
#   $CACHE/temporal-test-server/<version>/temporal-test-server   wrapper: `temporal-test-server <port>`
# The wrapper is what @temporalio/testing runs (`executable: { type: 'existing-path', path }`); it
# `exec`s java, because the SDK kills only its direct child. It is written last: it marks completion.
#
# Order: $TEMPORAL_TEST_SERVER_PATH (if executable) > the cached wrapper > build it with Java + Maven
# > warn and leave it to @temporalio/testing's own download (needs internet).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
. "$ROOT/tools/versions.env"
CACHE="${DONDOC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dondoc}"
VERSION="$TEMPORAL_TEST_SERVER_VERSION"
DIR="$CACHE/temporal-test-server/$VERSION"
WRAPPER="$DIR/temporal-test-server"
ARCHIVE="$DIR/test-server.jsa"
MAIN_JAR="$DIR/lib/temporal-test-server-$VERSION.jar"
POM="$ROOT/tools/temporal-test-server/pom.xml"

log() { printf '[provision] test-server: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }

if [ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then
  if [ -f "$TEMPORAL_TEST_SERVER_PATH" ] && [ -x "$TEMPORAL_TEST_SERVER_PATH" ]; then
    log "using TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"
    exit 0
  fi
  log "WARNING: TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH is not an executable file; ignoring it here (the tests will refuse it)"
fi

if [ -x "$WRAPPER" ] && [ -f "$MAIN_JAR" ]; then
  log "cached $WRAPPER"
  exit 0
fi

# The JVM that provisions is the JVM the wrapper prefers (the CDS archive is only valid for it).
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
elif JAVA="$(command -v java 2>/dev/null)"; then
  :
else
  log "WARNING: no Java (JAVA_HOME or java on PATH); @temporalio/testing will try its own download of the test server (needs internet). Install a JRE >= 8 and Maven."
  exit 0
fi
if ! command -v mvn >/dev/null 2>&1; then
  log "WARNING: no Maven (mvn) to fetch $VERSION from Maven Central; @temporalio/testing will try its own download of the test server (needs internet)."
  exit 0
fi
JAVA="$(readlink -f "$JAVA")"
JAVA_SPEC="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
JAVA_MAJOR="${JAVA_SPEC#1.}"
JAVA_MAJOR="${JAVA_MAJOR%%.*}"

mkdir -p "$DIR"
# One provision at a time per cache (two clones at once); the second one finds the result.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE/temporal-test-server/.lock"
  flock 9
  if [ -x "$WRAPPER" ] && [ -f "$MAIN_JAR" ]; then
    log "cached $WRAPPER (provisioned by a concurrent run)"
    exit 0
  fi
fi

server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$DIR/lib.tmp" "$WRAPPER.tmp" "$ARCHIVE.tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# 1. The jar and its full runtime classpath. Maven's local repository stays the default (~/.m2).
log "resolving io.temporal:temporal-test-server:$VERSION and its classpath with Maven …"
start=$(now_ms)
rm -rf "$DIR/lib.tmp"
# (Maven 3.8's launcher prints colour resets even when quiet and piped: strip them.)
if ! mvn -B -q -Dstyle.color=never -f "$POM" -Dtemporal.test-server.version="$VERSION" \
  dependency:copy-dependencies -DoutputDirectory="$DIR/lib.tmp" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; then
  log "WARNING: Maven could not resolve the test server (see above); @temporalio/testing will try its own download (needs internet)."
  exit 0
fi
if [ ! -f "$DIR/lib.tmp/temporal-test-server-$VERSION.jar" ]; then
  log "WARNING: Maven did not produce temporal-test-server-$VERSION.jar; @temporalio/testing will try its own download (needs internet)."
  exit 0
fi
rm -rf "$DIR/lib" "$ARCHIVE"
mv "$DIR/lib.tmp" "$DIR/lib"
log "$(find "$DIR/lib" -name '*.jar' | wc -l) jars in $DIR/lib ($(($(now_ms) - start)) ms)"

# 2. The wrapper. An explicit, sorted classpath (rather than lib/*) keeps the order identical between
#    the run that writes the CDS archive and every later run, which CDS requires.
sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
CLASSPATH_LIST="$(find "$DIR/lib" -maxdepth 1 -name '*.jar' | LC_ALL=C sort | paste -sd: -)"
cat >"$WRAPPER.tmp" <<EOF
#!/bin/sh
# Temporal time-skipping test server $VERSION (io.temporal:temporal-test-server), written by
# scripts/provision-test-server.sh. Usage: temporal-test-server <port> (what @temporalio/testing passes;
# it starts with time skipping locked, as the SDK expects).
# Honours JAVA_HOME. Extra JVM flags (e.g. -Xmx2g): TEMPORAL_TEST_SERVER_JAVA_OPTS.
# Start-up: AppCDS archive (used only with the JVM that wrote it), C1 only, serial GC, small heap.
dir=$(sq "$DIR")
cds_java=$(sq "$JAVA")
cp=$(sq "$CLASSPATH_LIST")
if [ -n "\${JAVA_HOME:-}" ] && [ -x "\$JAVA_HOME/bin/java" ]; then
  java="\$JAVA_HOME/bin/java"
elif [ -x "\$cds_java" ]; then
  java="\$cds_java"
else
  java=java
fi
if [ -f "\$dir/test-server.jsa" ] && { [ "\$java" = "\$cds_java" ] || [ "\$(readlink -f "\$java" 2>/dev/null)" = "\$cds_java" ]; }; then
  # shellcheck disable=SC2086
  exec "\$java" -XX:SharedArchiveFile="\$dir/test-server.jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xms16m -Xmx1g \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} -cp "\$cp" io.temporal.testserver.TestServer "\$@"
fi
# shellcheck disable=SC2086
exec "\$java" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xms16m -Xmx1g \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} -cp "\$cp" io.temporal.testserver.TestServer "\$@"
EOF
chmod 755 "$WRAPPER.tmp"

# 3. AppCDS: one warm-up run with -XX:ArchiveClassesAtExit on a free port, a few requests, a clean
#    stop (SIGTERM: the JVM writes the archive while exiting). Needs JDK >= 13; optional otherwise.
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'
  else
    echo $((20000 + RANDOM % 30000))
  fi
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Starts the wrapper (extra JVM flags in $1) on a free port and waits until the port accepts.
# Sets server_pid, port and ms (milliseconds until the port accepted).
start_server() {
  local t0 deadline
  port="$(free_port)"
  t0=$(now_ms)
  TEMPORAL_TEST_SERVER_JAVA_OPTS="${1:-}" "$WRAPPER.tmp" "$port" >>"$DIR/provision-java.log" 2>&1 &
  server_pid=$!
  deadline=$((t0 + 60000))
  until port_open "$port"; do
    if ! kill -0 "$server_pid" 2>/dev/null || [ "$(now_ms)" -gt "$deadline" ]; then
      kill -KILL "$server_pid" 2>/dev/null || true
      server_pid=
      return 1
    fi
    sleep 0.01
  done
  ms=$(($(now_ms) - t0))
}
# SIGTERM: the JVM exits cleanly (and writes the CDS archive when asked to).
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

: >"$DIR/provision-java.log"
if [ "${JAVA_MAJOR:-0}" -ge 13 ] 2>/dev/null; then
  log "writing the AppCDS archive (warm-up run of the server) …"
  if start_server "-XX:ArchiveClassesAtExit=$ARCHIVE.tmp"; then
    cold_ms=$ms
    # Exercise the request path too, when a Temporal CLI is at hand, so its classes land in the archive.
    cli="${TEMPORAL_CLI_PATH:-$CACHE/temporal-cli/$TEMPORAL_CLI_VERSION/temporal}"
    [ -x "$cli" ] || cli="$(command -v temporal 2>/dev/null || true)"
    if [ -n "$cli" ] && [ -x "$cli" ]; then
      wf="provision-warmup-$$"
      {
        "$cli" operator cluster health --address "127.0.0.1:$port" &&
          "$cli" workflow start --address "127.0.0.1:$port" --type Warmup --task-queue warmup --workflow-id "$wf" --input '{"a":1}' &&
          "$cli" workflow describe --address "127.0.0.1:$port" --workflow-id "$wf" &&
          "$cli" workflow signal --address "127.0.0.1:$port" --workflow-id "$wf" --name s &&
          "$cli" workflow terminate --address "127.0.0.1:$port" --workflow-id "$wf" --reason warmup
      } >>"$DIR/provision-java.log" 2>&1 || log "(warm-up requests failed; the archive covers start-up only)"
    fi
    stop_server
    if [ -s "$ARCHIVE.tmp" ]; then
      mv -f "$ARCHIVE.tmp" "$ARCHIVE"
      log "archive $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)); start-up without it: $cold_ms ms until the port accepts"
    else
      log "WARNING: the JVM wrote no CDS archive (see $DIR/provision-java.log); the server starts without it"
    fi
  else
    log "WARNING: the warm-up run did not open its port within 60 s (see $DIR/provision-java.log); no CDS archive"
  fi
else
  log "Java $JAVA_SPEC is older than 13: no AppCDS archive (start-up is slower but works)"
fi

# 4. Check and measure what the SDK will run: the wrapper must start and accept on its port, fast.
times=()
for _ in 1 2 3; do
  if ! start_server; then
    log "WARNING: the test server did not start (see $DIR/provision-java.log); @temporalio/testing will try its own download (needs internet)."
    exit 0
  fi
  stop_server
  times+=("$ms")
done
mv -f "$WRAPPER.tmp" "$WRAPPER"
log "ready: $WRAPPER (start-up until the gRPC port accepts: ${times[*]} ms; the SDK waits up to ~5000 ms)"
