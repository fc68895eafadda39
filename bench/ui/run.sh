#!/usr/bin/env bash
# The client list's speed and memory: the portal's production-mode jar on a private MariaDB, a team of 100,000
# clients, headless Chromium. The README ("Client list speed and memory") explains what it measures and how to read
# the table.
#
# Environment (all optional):
#   JAR=path/to/portal.jar   measure this jar (another commit's, for a before/after) instead of building this one
#   SKIP_BUILD=1             use the portal jar already in target/ instead of building it
#   CLIENTS=100000 SESSIONS=20 RUNS=5   clients in the big team, sessions per heap figure, timed runs (median)
#   HEAP=512m                -Xmx of the portal
#   PORTAL_PORT=18471 DB_PORT=13347    loopback ports
#   WORK=target/bench/ui     where the database, the logs and the harness's classes go (two runs side by side need two)
#   HISTOGRAMS=1             also write the portal's class histogram at each heap figure to $WORK/histograms
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-$ROOT/target/bench/ui}
CLIENTS=${CLIENTS:-100000}
SESSIONS=${SESSIONS:-20}
RUNS=${RUNS:-5}
HEAP=${HEAP:-512m}
PORTAL_PORT=${PORTAL_PORT:-18471}
DB_PORT=${DB_PORT:-13347}

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
    die "set JAVA_HOME to a JDK 25"
fi
export PATH="$JAVA_HOME/bin:$PATH"
missing=()
command -v mariadbd >/dev/null || missing+=(mariadb-server)
command -v mariadb >/dev/null || missing+=(mariadb-client)
command -v curl >/dev/null || missing+=(curl)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    [ "$(id -u)" = 0 ] && SUDO= || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
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

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() { # url seconds pid
    local deadline=$((SECONDS + $2))
    until curl -sf -o /dev/null "$1"; do
        kill -0 "$3" 2>/dev/null || die "the server stopped while starting (see the logs in $WORK)"
        [ $SECONDS -lt $deadline ] || die "no answer from $1 after $2 s"
        sleep 1
    done
}

# -------------------------------------------------------------------------------------------------------- MariaDB
DB_DIR=$WORK/mariadb
rm -rf "$DB_DIR"
mkdir -p "$DB_DIR"
DB_USER_OPTION=()
[ "$(id -u)" = 0 ] && DB_USER_OPTION=(--user=root)
log "starting a private MariaDB on 127.0.0.1:$DB_PORT"
mariadb-install-db --no-defaults --datadir="$DB_DIR/data" "${DB_USER_OPTION[@]}" \
    --auth-root-authentication-method=normal >"$DB_DIR/install.log" 2>&1
mariadbd --no-defaults --datadir="$DB_DIR/data" --socket="$DB_DIR/mysqld.sock" --port="$DB_PORT" \
    --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$DB_DIR/mysqld.pid" --log-error="$DB_DIR/error.log" \
    --innodb-buffer-pool-size=256M --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci "${DB_USER_OPTION[@]}" &
DB_PID=$!
PIDS+=("$DB_PID")
sql() { mariadb --no-defaults --socket="$DB_DIR/mysqld.sock" -uroot -N -B -e "$1"; }
for _ in $(seq 1 60); do sql 'select 1' >/dev/null 2>&1 && break; sleep 1; done
sql "create database portal; create user 'portal'@'127.0.0.1' identified by 'bench';
     grant all on portal.* to 'portal'@'127.0.0.1'"

# ---------------------------------------------------------------------------------------------------- the portal
if [ -z "${JAR:-}" ]; then
    if [ "${SKIP_BUILD:-}" != 1 ]; then
        log "building the portal's jar (production mode)"
        (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true)
    fi
    JAR=$(ls "$ROOT"/target/developer-portal-*.jar | grep -v original | head -1)
fi
# A copy, so that a build during the run cannot change the jar under the running portal.
cp "$JAR" "$WORK/portal.jar"
export PORTAL_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/portal"
export PORTAL_DB_USERNAME=portal PORTAL_DB_PASSWORD=bench
export PORTAL_BASE_URL="http://127.0.0.1:$PORTAL_PORT"
PORTAL_CREDENTIALS_HMAC_KEY=$(head -c 32 /dev/urandom | base64 -w0)
PORTAL_IDP_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 -w0)
export PORTAL_CREDENTIALS_HMAC_KEY PORTAL_IDP_CLIENT_SECRET
log "starting the portal on 127.0.0.1:$PORTAL_PORT, -Xmx$HEAP"
java -Xmx"$HEAP" -jar "$WORK/portal.jar" --server.address=127.0.0.1 --server.port="$PORTAL_PORT" \
    --management.server.port=$((PORTAL_PORT + 10)) --logging.level.root=warn >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
wait_for "$PORTAL_BASE_URL/sandbox/.well-known/openid-configuration" 900 "$PORTAL_PID"

log "creating a team of $CLIENTS clients and a team of one"
bench setup "out=$WORK/bench.properties" "clients=$CLIENTS" "--spring.datasource.url=$PORTAL_DB_URL" \
    >"$WORK/setup.log" 2>&1 || die "setup failed, see $WORK/setup.log"
sql "analyze table portal.oauth_client, portal.oauth_client_scope" >/dev/null
log "measuring ($SESSIONS sessions per heap figure, $RUNS timed runs)"
bench measure "base=$PORTAL_BASE_URL" "pid=$PORTAL_PID" "env=$WORK/bench.properties" "sessions=$SESSIONS" \
    "runs=$RUNS" ${HISTOGRAMS:+"histograms=$WORK/histograms"} >"$WORK/measure.log" 2>&1 || die "measuring failed, see $WORK/measure.log"
sed -n '/^| Measure/,$p' "$WORK/measure.log"
echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), -Xmx$HEAP, jar $(basename "$JAR")"
