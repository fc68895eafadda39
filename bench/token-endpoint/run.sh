#!/usr/bin/env bash
# The token endpoint side by side with Keycloak: rotating refresh grants of a confidential client
# (client_secret_basic), the same wrk load against each server, one server at a time, the same heap limit.
# The README ("Token endpoint against Keycloak") explains what it measures and how to read the table.
#
# Environment (all optional):
#   WARMUP=60 DURATION=20 RUNS=3   seconds of warm-up, seconds per measured run, measured runs (median reported)
#   THREADS=2 CONNECTIONS=16       wrk threads and keep-alive connections
#   HEAP=512m                      -Xmx of both servers
#   CODE_DURATION=5 CODES=3200     the portal's code-exchange run and the codes prepared for it (codes live 2 min)
#   SKIP_BUILD=1                   use the portal jar already in target/ instead of building it
#   JAR=path/to/portal.jar         measure this jar (another commit's, for a before/after) instead of this tree's
#   ONLY=portal, ONLY=keycloak     measure one side only (while working on it; the table then has no ratio)
#   KC_PORT=18180 PORTAL_PORT=18181 DB_PORT=13316   loopback ports
#   PORTAL_JAVA_OPTS="-XX:StartFlightRecording=..."  extra JVM options of the portal (a profiler, for example)
#   DB_URL_OPTIONS="useServerPrepStmts=true"         MariaDB driver options for the portal's connection URL
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/token-endpoint
WORK=$ROOT/target/bench/token-endpoint
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-20}
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
HEAP=${HEAP:-512m}
CODE_DURATION=${CODE_DURATION:-5}
CODES=${CODES:-3200}
TOKENS=${TOKENS:-$((CONNECTIONS * 6))}
KC_VERSION=26.4.0
KC_PORT=${KC_PORT:-18180}
PORTAL_PORT=${PORTAL_PORT:-18181}
DB_PORT=${DB_PORT:-13316}
KC_CLIENT=bench
KC_SECRET=bench-client-secret-not-for-production
USER_PASSWORD='correct horse battery staple'
CALLBACK_ENCODED='https%3A%2F%2Fledger.example.com%2Fcallback'
VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
CLK_TCK=$(getconf CLK_TCK)

# shellcheck source=../lib.sh
. "$ROOT/bench/lib.sh"

# ---------------------------------------------------------------------------------------------------- prerequisites
require_jdk25
require_commands wrk=wrk mariadbd=mariadb-server mariadb=mariadb-client curl=curl
mkdir -p "$WORK"

cpu_ticks() { # pid...: user + system ticks so far
    local total=0 pid
    for pid in "$@"; do
        total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')))
    done
    echo $total
}

rss_mb() { # pid...
    local total=0 pid
    for pid in "$@"; do
        total=$((total + $(awk '/^VmRSS/{print $2}' "/proc/$pid/status")))
    done
    echo $((total / 1024))
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# wrk with token.lua; prints its RESULT line. Arguments: mode, seconds, url, basic auth value, tokens in, tokens out.
run_wrk() {
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 10s -s "$HERE/token.lua" "$3" \
        -- "$1" "$5" "$6" "$4" "$THREADS" "$CALLBACK_ENCODED" "$VERIFIER" | grep '^RESULT'
}

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" $2"; }

# Warm-up, then RUNS measured runs of refresh grants; the newest tokens carry over from run to run.
# Arguments: name, url, basic auth value, token file, server pids... Sets RESULT_<name>_* for the table.
measure() {
    local name=$1 url=$2 auth=$3 tokens=$4
    shift 4
    local pids=("$@") rates=() p50s=() p99s=() cpus=() errors=0 line requests seconds before after
    log "$name: warm-up ${WARMUP} s"
    line=$(run_wrk refresh "$WARMUP" "$url" "$auth" "$tokens" "$tokens.next")
    mv "$tokens.next" "$tokens"
    log "$name: warm-up $line"
    GRANTS_TOTAL=0
    [ -z "${STATUS_HOOK:-}" ] || "$STATUS_HOOK" >"$WORK/status.before"
    for run in $(seq 1 "$RUNS"); do
        before=$(cpu_ticks "${pids[@]}")
        line=$(run_wrk refresh "$DURATION" "$url" "$auth" "$tokens" "$tokens.next")
        after=$(cpu_ticks "${pids[@]}")
        mv "$tokens.next" "$tokens"
        log "$name: run $run $line"
        requests=$(field requests "$line")
        seconds=$(awk -v d="$(field duration_us "$line")" 'BEGIN {print d / 1e6}')
        rates+=("$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')")
        p50s+=("$(awk -v v="$(field p50_us "$line")" 'BEGIN {printf "%.1f", v / 1000}')")
        p99s+=("$(awk -v v="$(field p99_us "$line")" 'BEGIN {printf "%.1f", v / 1000}')")
        cpus+=("$(awk -v t=$((after - before)) -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", t / hz}')")
        errors=$((errors + $(field socket_errors "$line") + $(field status_errors "$line") + $(field exhausted "$line")))
        GRANTS_TOTAL=$((GRANTS_TOTAL + requests))
        [ "$(field left "$line")" -gt 0 ] || die "$name: every refresh chain broke (see $WORK)"
    done
    [ -z "${STATUS_HOOK:-}" ] || "$STATUS_HOOK" >"$WORK/status.after"
    printf -v "RESULT_${name}_RATE" '%s' "$(median "${rates[@]}")"
    printf -v "RESULT_${name}_P50" '%s' "$(median "${p50s[@]}")"
    printf -v "RESULT_${name}_P99" '%s' "$(median "${p99s[@]}")"
    printf -v "RESULT_${name}_CPU" '%s' "$(median "${cpus[@]}")"
    printf -v "RESULT_${name}_PER_CPU" '%s' "$(awk -v r="$(median "${rates[@]}")" -v c="$(median "${cpus[@]}")" \
        -v d="$DURATION" 'BEGIN {if (c > 0) printf "%.0f", r * d / c; else print "-"}')"
    printf -v "RESULT_${name}_ERRORS" '%s' "$errors"
    printf -v "RESULT_${name}_RSS" '%s' "$(rss_mb "${pids[@]}")"
}

for side in KC PORTAL; do
    for what in RATE P50 P99 CPU PER_CPU ERRORS RSS; do printf -v "RESULT_${side}_$what" '%s' -; done
done
CODE_RATE=- CODE_P50=- CODE_P99=- CODE_ERRORS=- CODE_EXHAUSTED=0 CODE_CPU=- CODE_PER_CPU=- CODE_RSS=- PER_GRANT=-

# ---------------------------------------------------------------------------------------------------- Keycloak
if [ "${ONLY:-keycloak}" = keycloak ]; then
KC_HOME=$WORK/keycloak-$KC_VERSION
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    log "fetching Keycloak $KC_VERSION"
    (cd "$ROOT" && ./mvnw -B -ntp -q dependency:unpack \
        -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$WORK")
    chmod +x "$KC_HOME"/bin/*.sh
fi
rm -rf "$KC_HOME/data"
mkdir -p "$KC_HOME/data/import"
cp "$HERE/keycloak-realm.json" "$KC_HOME/data/import/bench-realm.json"
log "starting Keycloak $KC_VERSION (dev-file H2) on 127.0.0.1:$KC_PORT, -Xmx$HEAP"
# Keycloak's thread-local reset needs java.lang opened on JDK 24 and later (it says so itself when it is not).
JAVA_OPTS_KC_HEAP="-Xmx$HEAP" JAVA_OPTS_APPEND="--add-opens java.base/java.lang=ALL-UNNAMED" "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
    --http-management-port=$((KC_PORT + 10)) --import-realm --log-level=warn >"$WORK/keycloak.log" 2>&1 &
KC_PID=$!
PIDS+=("$KC_PID")
wait_for "http://127.0.0.1:$KC_PORT/realms/bench/.well-known/openid-configuration" 900 "$KC_PID"
KC_TOKEN_URL="http://127.0.0.1:$KC_PORT/realms/bench/protocol/openid-connect/token"
: >"$WORK/keycloak-refresh.txt"
for i in $(seq 1 "$TOKENS"); do
    answer=$(curl -sS -u "$KC_CLIENT:$KC_SECRET" -d grant_type=password -d username=bench \
        --data-urlencode "password=$USER_PASSWORD" "$KC_TOKEN_URL")
    token=$(sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p' <<<"$answer")
    [ -n "$token" ] || die "Keycloak's password grant answered: $answer"
    echo "$token" >>"$WORK/keycloak-refresh.txt"
done
[ "$(grep -c . "$WORK/keycloak-refresh.txt")" -eq "$TOKENS" ] || die "Keycloak gave fewer than $TOKENS refresh tokens"
measure KC "$KC_TOKEN_URL" "Basic $(printf '%s:%s' "$KC_CLIENT" "$KC_SECRET" | base64 -w0)" \
    "$WORK/keycloak-refresh.txt" "$KC_PID"
kill "$KC_PID"
wait "$KC_PID" 2>/dev/null || true
fi

# ---------------------------------------------------------------------------------------------------- the portal
if [ "${ONLY:-portal}" = portal ]; then
# ---------------------------------------------------------------------------------------------------- the portal
log "starting a private MariaDB on 127.0.0.1:$DB_PORT (innodb_flush_log_at_trx_commit=1)"
start_mariadb --innodb-flush-log-at-trx-commit=1
portal_jar
JAR=$WORK/portal.jar
portal_environment "http://127.0.0.1:$PORTAL_PORT"
# One client from one address at full speed: the rate limits are raised far out of the way, but every request
# still passes through them, so their cost is part of the figures.
LIMITS=()
for key in per-client per-address; do
    LIMITS+=("--portal.authserver.rate-limit.$key.requests-per-second=1000000"
        "--portal.authserver.rate-limit.$key.burst=1000000")
done
log "starting the portal on 127.0.0.1:$PORTAL_PORT, -Xmx$HEAP"
# Tomcat closes a keep-alive connection after 100 requests by default; Keycloak does not, so neither does the portal.
java -Xmx"$HEAP" ${PORTAL_JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORTAL_PORT" "${LIMITS[@]}" \
    --server.tomcat.max-keep-alive-requests=-1 --management.server.port=$((PORTAL_PORT + 10)) \
    --logging.level.root=warn >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
PIDS+=("$PORTAL_PID")
wait_for "http://127.0.0.1:$PORTAL_PORT/sandbox/.well-known/openid-configuration" 900 "$PORTAL_PID"

setup() {
    (cd "$ROOT" && ./mvnw -B -ntp -q -Pbench -DskipTests -Dspotless.check.skip=true test-compile exec:exec \
        -Dbench.main=org.devportal.bench.TokenEndpointSetup -Djmh.args="$*")
}
log "registering the benchmark client and getting $TOKENS authorizations"
setup prepare "base=$PORTAL_BASE_URL" "tokens=$TOKENS" "out=$WORK/portal" \
    "--spring.datasource.url=$PORTAL_DB_URL" >"$WORK/setup.log" 2>&1 || die "setup failed, see $WORK/setup.log"
# shellcheck disable=SC1091
. "$WORK/portal/client.env"
PORTAL_AUTH="Basic $(printf '%s:%s' "$CLIENT_ID" "$CLIENT_SECRET" | base64 -w0)"
PORTAL_TOKEN_URL="http://127.0.0.1:$PORTAL_PORT/sandbox/oauth/token"

# What MariaDB did per grant over the measured runs (the few statements of this script included).
status() {
    sql "show global status where variable_name in ('Questions', 'Com_select', 'Com_insert', 'Com_update',
        'Com_delete', 'Com_commit', 'Com_rollback', 'Com_set_option', 'Com_stmt_prepare', 'Com_stmt_execute',
        'Com_stmt_close', 'Innodb_data_fsyncs')"
}
STATUS_HOOK=status measure PORTAL "$PORTAL_TOKEN_URL" "$PORTAL_AUTH" "$WORK/portal/refresh.txt" "$PORTAL_PID" "$DB_PID"
PER_GRANT=$(join <(sort "$WORK/status.before") <(sort "$WORK/status.after") |
    awk -v g="$GRANTS_TOTAL" '{printf "%s %.2f, ", $1, ($3 - $2) / g}' | sed 's/, $//')

log "portal: getting $CODES authorization codes for the code-exchange run"
setup codes "base=$PORTAL_BASE_URL" "client=$CLIENT_ID" "email=$CLIENT_EMAIL" "count=$CODES" sessions=4 \
    "out=$WORK/portal/codes.txt" >>"$WORK/setup.log" 2>&1 || die "getting codes failed, see $WORK/setup.log"
before=$(cpu_ticks "$PORTAL_PID" "$DB_PID")
line=$(run_wrk code "$CODE_DURATION" "$PORTAL_TOKEN_URL" "$PORTAL_AUTH" "$WORK/portal/codes.txt" "")
after=$(cpu_ticks "$PORTAL_PID" "$DB_PID")
log "portal: code exchange $line"
CODE_RATE=$(awk -v r="$(field requests "$line")" -v d="$(field duration_us "$line")" 'BEGIN {printf "%.0f", r / d * 1e6}')
CODE_P50=$(awk -v v="$(field p50_us "$line")" 'BEGIN {printf "%.1f", v / 1000}')
CODE_P99=$(awk -v v="$(field p99_us "$line")" 'BEGIN {printf "%.1f", v / 1000}')
CODE_ERRORS=$(($(field socket_errors "$line") + $(field status_errors "$line")))
CODE_EXHAUSTED=$(field exhausted "$line")
CODE_CPU=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", t / hz}')
CODE_PER_CPU=$(awk -v r="$(field requests "$line")" -v c="$CODE_CPU" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "-"}')
CODE_RSS=$(rss_mb "$PORTAL_PID" "$DB_PID")

fi

# ---------------------------------------------------------------------------------------------------- the table
ratio() {
    if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]]; then awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f×", a / b}'; else echo -; fi
}
cat <<TABLE

Token endpoint, refresh_token grants that rotate, client_secret_basic: wrk $THREADS threads, $CONNECTIONS connections,
${WARMUP} s warm-up, $RUNS × ${DURATION} s measured (medians), -Xmx$HEAP; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg).

| | req/s | p50 | p99 | errors | CPU-s per run | grants per CPU-s | RSS |
|---|---|---|---|---|---|---|---|
| Keycloak $KC_VERSION (dev-file H2 in its JVM) | $RESULT_KC_RATE | $RESULT_KC_P50 ms | $RESULT_KC_P99 ms | $RESULT_KC_ERRORS | $RESULT_KC_CPU | $RESULT_KC_PER_CPU | $RESULT_KC_RSS MB |
| Portal (its JVM + MariaDB) | $RESULT_PORTAL_RATE | $RESULT_PORTAL_P50 ms | $RESULT_PORTAL_P99 ms | $RESULT_PORTAL_ERRORS | $RESULT_PORTAL_CPU | $RESULT_PORTAL_PER_CPU | $RESULT_PORTAL_RSS MB |
| Portal ÷ Keycloak | $(ratio "$RESULT_PORTAL_RATE" "$RESULT_KC_RATE") | | $(ratio "$RESULT_PORTAL_P99" "$RESULT_KC_P99") | | | $(ratio "$RESULT_PORTAL_PER_CPU" "$RESULT_KC_PER_CPU") | |

Portal, authorization_code exchange (PKCE), 1 × ${CODE_DURATION} s after the refresh runs: $CODE_RATE req/s, p50 $CODE_P50 ms,
p99 $CODE_P99 ms, $CODE_ERRORS errors$([ "$CODE_EXHAUSTED" = 0 ] || echo " ($CODE_EXHAUSTED requests found no code left: raise CODES)"),
$CODE_CPU CPU-s, $CODE_PER_CPU grants per CPU-s, RSS $CODE_RSS MB; $(ratio "$CODE_RATE" "$RESULT_PORTAL_RATE") the portal's refresh req/s.

MariaDB per refresh grant over the measured runs: $PER_GRANT.
TABLE
