#!/usr/bin/env bash
# The client list's speed and memory: the portal's production-mode jar on a private MariaDB, a team of 100,000
# clients, headless Chromium. The README ("Client list speed and memory") explains what it measures and how to read
# the table.
#
# Environment (all optional):
#   JAR=path/to/portal.jar   measure this jar (another commit's, for a before/after) instead of building this one
#   SKIP_BUILD=1             use the portal jar already in target/ instead of building it
#   CLIENTS=100000 SESSIONS=20 RUNS=5   clients in the big team, sessions per heap figure, timed runs (median)
#   WARMUP=10                untimed runs of the timed measures first (0: time a portal that has just started)
#   HEAP=512m                -Xmx of the portal
#   PORTAL_PORT=18471 DB_PORT=13347    loopback ports
#   WORK=target/bench/ui     where the database, the logs and the harness's classes go (two runs side by side need two)
#   HISTOGRAMS=1             also write the portal's class histogram at each heap figure to $WORK/histograms
#   HEAP_DUMPS=1             also write a heap dump (live objects) at each heap figure to $WORK/heapdumps
#   PORTAL_JAVA_OPTS="-XX:StartFlightRecording=..."  extra JVM options of the portal (a profiler, for example)
#   DB_OPTIONS="--slow-query-log=1 --long-query-time=0"  extra options of its MariaDB server (a query log, say)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench/ui}
CLIENTS=${CLIENTS:-100000}
SESSIONS=${SESSIONS:-20}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-10}
HEAP=${HEAP:-512m}
PORTAL_PORT=${PORTAL_PORT:-18471}
DB_PORT=${DB_PORT:-13347}

# shellcheck source=../lib.sh
. "$ROOT/bench/lib.sh"

require_jdk25
require_commands mariadbd=mariadb-server mariadb=mariadb-client curl=curl chromium=chromium \
    chromedriver=chromium-driver
mkdir -p "$WORK"
# Absolute: MariaDB resolves a relative data directory against its own base directory, not this one.
WORK=$(cd "$WORK" && pwd)

# The harness runs from a copy of its classes, so that a build in this tree during the run cannot take them away.
log "compiling the harness"
(cd "$ROOT" && ./mvnw -B -ntp -q -Pbench -DskipTests -Dspotless.check.skip=true test-compile \
    dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt") >"$WORK/compile.log" 2>&1 ||
    die "compiling the harness failed, see $WORK/compile.log"
rm -rf "$WORK/classes"
mkdir -p "$WORK/classes"
cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$WORK/classes/"
bench() {
    java -cp "$WORK/classes/test-classes:$WORK/classes/classes:$(cat "$WORK/classpath.txt")" \
        org.devportal.bench.ClientListBench "$@"
}

# -------------------------------------------------------------------------------------------------------- MariaDB
log "starting a private MariaDB on 127.0.0.1:$DB_PORT"
start_mariadb ${DB_OPTIONS:-}

# ---------------------------------------------------------------------------------------------------- the portal
portal_jar
portal_environment "http://127.0.0.1:$PORTAL_PORT"
log "starting the portal on 127.0.0.1:$PORTAL_PORT, -Xmx$HEAP"
# Soft references not read since the collection before are cleared at the next one, and the harness collects twice
# before each heap figure: the JDK's soft caches (reflection data, a few MB) are then gone from every figure instead
# of from some, which made a figure move by megabytes, or come out below zero, with when the collector chose to.
java -Xmx"$HEAP" -XX:SoftRefLRUPolicyMSPerMB=0 ${PORTAL_JAVA_OPTS:-} -jar "$WORK/portal.jar" --server.address=127.0.0.1 --server.port="$PORTAL_PORT" \
    --management.server.port=$((PORTAL_PORT + 10)) --logging.level.root=warn >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
wait_for "$PORTAL_BASE_URL/sandbox/.well-known/openid-configuration" 900 "$PORTAL_PID"

log "creating a team of $CLIENTS clients and a team of one"
bench setup "out=$WORK/bench.properties" "clients=$CLIENTS" "--spring.datasource.url=$PORTAL_DB_URL" \
    >"$WORK/setup.log" 2>&1 || die "setup failed, see $WORK/setup.log"
sql "analyze table portal.oauth_client, portal.oauth_client_scope" >/dev/null
log "measuring ($SESSIONS sessions per heap figure, $WARMUP warm-up and $RUNS timed runs)"
bench measure "base=$PORTAL_BASE_URL" "pid=$PORTAL_PID" "env=$WORK/bench.properties" "sessions=$SESSIONS" \
    "runs=$RUNS" "warmup=$WARMUP" ${HISTOGRAMS:+"histograms=$WORK/histograms"} \
    ${HEAP_DUMPS:+"heapdumps=$WORK/heapdumps"} >"$WORK/measure.log" 2>&1 || die "measuring failed, see $WORK/measure.log"
sed -n '/^| Measure/,$p' "$WORK/measure.log"
echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$HEAP, jar $(basename "$JAR")"
