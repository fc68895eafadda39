#!/usr/bin/env bash
# The cluster check: the deployment of docker-compose.galera.yml, on this machine, without Docker.
#
# Starts a three-node MariaDB Galera cluster on loopback ports, two portal nodes from the built jar at the same
# moment, and HAProxy in front of them with the routing of deploy/haproxy/haproxy.cfg. Then it checks, over HTTP
# (org.devportal.bench.ClusterCheck): Liquibase migrated exactly once, sign-in and the UI through HAProxy, a grant
# refreshed across nodes, reuse detected across nodes, a steady rotating-refresh load over both nodes with zero
# errors, the secret-expiry job once per interval, and, under load, the loss of a Galera node and then of a
# portal node. Last, it backs the database up with mariadb-dump, restores it into a fresh server, and starts a
# portal on the copy.
#
# The check's one client sends far more than any real integration, so the nodes' rate limits (per node) are
# raised out of its way; every request still passes through them.
#
# It installs what it needs from Debian when it is missing (mariadb-server, galera-4, haproxy, rsync), keeps all
# state under one temporary folder, stops everything it started, and exits non-zero if any check failed.
# Environment: CLUSTER_LOAD_SECONDS (30), CLUSTER_WORKERS (8), CLUSTER_KEEP_STATE=1 to keep the folder,
# CLUSTER_HOLD=1 to start the cluster and keep it running, without the checks, until Ctrl-C;
# CLUSTER_SKIP_BUILD=1 to use the jar and classes already built.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*"; }

# --- Tools -------------------------------------------------------------------------------------------------------
is_jdk25() { [[ -x "$1/bin/javac" ]] && "$1/bin/java" -version 2>&1 | grep -q 'version "25'; }
if [[ -z "${JAVA_HOME:-}" ]] || ! is_jdk25 "$JAVA_HOME"; then
    JAVA_HOME=""
    for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/openjdk; do
        if is_jdk25 "$candidate"; then JAVA_HOME=$candidate; break; fi
    done
fi
[[ -n "$JAVA_HOME" ]] || { echo "No JDK 25 found; set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

missing=()
command -v mariadbd >/dev/null || missing+=(mariadb-server)
[[ -e /usr/lib/galera/libgalera_smm.so ]] || missing+=(galera-4)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v rsync >/dev/null || missing+=(rsync)
command -v mariadb-dump >/dev/null || missing+=(mariadb-client)
command -v curl >/dev/null || missing+=(curl)
if (( ${#missing[@]} )); then
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # The package's own service is not wanted; the check starts its servers itself.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get install -y -qq "${missing[@]}" >/dev/null
    rm -f /usr/sbin/policy-rc.d
fi

# --- State and clean-up ----------------------------------------------------------------------------------------
STATE=$(mktemp -d /tmp/portal-cluster.XXXXXX)
chmod 755 "$STATE"
PIDS=()
cleanup() {
    local code=$?
    for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ "${CLUSTER_KEEP_STATE:-0}" == 1 || $code -ne 0 ]]; then
        echo "State and logs kept in $STATE"
    else
        rm -rf "$STATE"
    fi
    exit $code
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- Build -----------------------------------------------------------------------------------------------------
if [[ "${CLUSTER_SKIP_BUILD:-0}" != 1 || ! -f target/test-classes/org/devportal/bench/ClusterCheck.class ]]; then
    log "Building the portal jar and the check"
    ./mvnw -B -ntp -q -Pbench -DskipTests package
fi
./mvnw -B -ntp -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$STATE/classpath"
JAR=$(ls target/developer-portal-*.jar | grep -v original | head -1)

# --- Galera ----------------------------------------------------------------------------------------------------
DB_USER=portal
DB_PASSWORD=$(openssl rand -hex 16)
declare -A DB_PORT GCOMM_PORT
for n in 1 2 3; do DB_PORT[$n]=$(free_port); GCOMM_PORT[$n]=$(free_port); done
GCOMM="gcomm://127.0.0.1:${GCOMM_PORT[1]},127.0.0.1:${GCOMM_PORT[2]},127.0.0.1:${GCOMM_PORT[3]}"

start_galera() { # node, extra arguments
    local n=$1 dir=$STATE/db$1
    mkdir -p "$dir"
    cat > "$dir/my.cnf" <<CNF
[mariadbd]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=${DB_PORT[$n]}
bind-address=127.0.0.1
user=mysql
innodb_flush_log_at_trx_commit=1
innodb_buffer_pool_size=64M
max_connections=200
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=portal-check
wsrep_cluster_address=$GCOMM
wsrep_node_address=127.0.0.1
wsrep_node_name=db$n
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${GCOMM_PORT[$n]};ist.recv_addr=127.0.0.1:$(free_port);gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(free_port)
# Reads wait until this node has applied every write set the cluster committed before them, so a refresh
# that fails over to another node never reads a token older than the one its client holds.
wsrep_sync_wait=1
CNF
    if [[ ! -d $dir/data ]]; then
        chown -R mysql:mysql "$dir"
        mariadb-install-db --defaults-file="$dir/my.cnf" --auth-root-authentication-method=normal >/dev/null
    fi
    chown -R mysql:mysql "$dir"
    mariadbd --defaults-file="$dir/my.cnf" "${@:2}" >/dev/null 2>&1 &
    echo $! > "$dir/pid"
    PIDS+=($!)
}
sql() { mariadb --socket="$STATE/db$1/mysqld.sock" -uroot -N -e "$2"; }
wait_synced() {
    for _ in $(seq 180); do
        [[ "$(sql "$1" "show status like 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" == Synced ]] && return 0
        sleep 1
    done
    echo "Galera node $1 did not reach Synced; see $STATE/db$1/error.log" >&2
    return 1
}

log "Starting a three-node Galera cluster"
start_galera 1 --wsrep-new-cluster
wait_synced 1
start_galera 2
wait_synced 2
start_galera 3
wait_synced 3
echo "cluster size: $(sql 1 "show status like 'wsrep_cluster_size'" | cut -f2)"
sql 1 "create database portal character set utf8mb4 collate utf8mb4_unicode_ci;
       create user '$DB_USER'@'127.0.0.1' identified by '$DB_PASSWORD';
       grant all on portal.* to '$DB_USER'@'127.0.0.1';"

# Both portal nodes write through the same Galera node and fail over in the same order (Connector/J
# sequential mode): Galera aborts one of two concurrent writes of a row made on different nodes, so one writer
# at a time avoids those conflicts, and the token transaction retries the few that happen.
JDBC="jdbc:mariadb:sequential://127.0.0.1:${DB_PORT[1]},127.0.0.1:${DB_PORT[2]},127.0.0.1:${DB_PORT[3]}/portal"

# --- Portal nodes and HAProxy ------------------------------------------------------------------------------------
LB_PORT=$(free_port)
STATS_PORT=$(free_port)
PORT_A=$(free_port)
PORT_B=$(free_port)
BASE="http://127.0.0.1:$LB_PORT"
HMAC_KEY=$(openssl rand -base64 32)
IDP_SECRET=$(openssl rand -base64 32)
LEEWAY=PT1S
LOCK=PT1.8S

start_portal() { # name, port, database URL
    PORTAL_DB_URL="$3" PORTAL_DB_USERNAME=$DB_USER PORTAL_DB_PASSWORD=$DB_PASSWORD PORTAL_BASE_URL=$BASE \
    PORTAL_CREDENTIALS_HMAC_KEY=$HMAC_KEY PORTAL_IDP_CLIENT_SECRET=$IDP_SECRET PORTAL_TRUSTED_PROXIES='127\.0\.0\.1' \
        java -Xmx512m -jar "$JAR" --server.port="$2" --management.server.port=0 \
            --portal.authserver.refresh-leeway=$LEEWAY \
            --portal.authserver.rate-limit.per-client.requests-per-second=1000000 \
            --portal.authserver.rate-limit.per-client.burst=1000000 \
            --portal.authserver.rate-limit.per-address.requests-per-second=1000000 \
            --portal.authserver.rate-limit.per-address.burst=1000000 \
            --portal.credentials.expiry-check-interval=PT2S --portal.credentials.expiry-check-delay=PT5S \
            --portal.credentials.expiry-check-lock=$LOCK \
            --logging.level.liquibase.changelog=info \
            --logging.level.org.devportal.credentials.SecretExpiryJob=debug \
            --logging.level.net.javacrumbs.shedlock=debug \
            --logging.level.org.devportal.authserver.TokenRequestTransaction=debug \
            > "$STATE/portal-$1.log" 2>&1 &
    echo $! > "$STATE/portal-$1.pid"
    PIDS+=($!)
}
wait_ready() { # name, port
    for _ in $(seq 600); do
        if curl -fs -o /dev/null "http://127.0.0.1:$2/actuator/health"; then return 0; fi
        if ! kill -0 "$(cat "$STATE/portal-$1.pid")" 2>/dev/null; then
            echo "Portal node $1 stopped; the end of its log:" >&2; tail -30 "$STATE/portal-$1.log" >&2; return 1
        fi
        sleep 1
    done
    echo "Portal node $1 did not become ready" >&2; return 1
}

log "Starting two portal nodes at the same moment on the empty database"
started=$(date +%s)
start_portal a "$PORT_A" "$JDBC"
start_portal b "$PORT_B" "$JDBC"
wait_ready a "$PORT_A"
wait_ready b "$PORT_B"
echo "both nodes ready after $(( $(date +%s) - started )) s"

log "Starting HAProxy"
HAPROXY_BIND=127.0.0.1:$LB_PORT HAPROXY_STATS=127.0.0.1:$STATS_PORT \
PORTAL_NODE_1=127.0.0.1:$PORT_A PORTAL_NODE_2=127.0.0.1:$PORT_B \
    haproxy -f deploy/haproxy/haproxy.cfg -db > "$STATE/haproxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 30); do curl -fs -o /dev/null "$BASE/actuator/health" && break; sleep 1; done

if [[ "${CLUSTER_HOLD:-0}" == 1 ]]; then
    echo "The cluster is up: HAProxy at $BASE (statistics at http://127.0.0.1:$STATS_PORT/), nodes at"
    echo "127.0.0.1:$PORT_A and 127.0.0.1:$PORT_B, Galera on ports ${DB_PORT[1]} ${DB_PORT[2]} ${DB_PORT[3]}; state in $STATE."
    echo "Press Ctrl-C to stop it."
    sleep infinity
fi

# --- The checks --------------------------------------------------------------------------------------------------
log "Checking"
status=0
java -cp "target/test-classes:target/classes:$(cat "$STATE/classpath")" org.devportal.bench.ClusterCheck \
    lb="$BASE" nodeA="http://127.0.0.1:$PORT_A" nodeB="http://127.0.0.1:$PORT_B" \
    stats="http://127.0.0.1:$STATS_PORT/;csv" \
    jdbc="$JDBC" dbUser=$DB_USER dbPassword="$DB_PASSWORD" hmacKey="$HMAC_KEY" idpSecret="$IDP_SECRET" \
    logA="$STATE/portal-a.log" logB="$STATE/portal-b.log" \
    galeraPid="$(cat "$STATE/db1/pid")" portalPid="$(cat "$STATE/portal-b.pid")" \
    workers="${CLUSTER_WORKERS:-8}" load="${CLUSTER_LOAD_SECONDS:-30}" leeway=$LEEWAY lock=$LOCK || status=1

# --- Backup and restore ------------------------------------------------------------------------------------------
log "Backing up with mariadb-dump and restoring into a fresh server"
# The identity provider's signing key, as the cluster publishes it (asking for it stores it, if nothing was signed).
kid_cluster=$(curl -fs "http://127.0.0.1:$PORT_A/idp/oauth2/jwks" | grep -o '"kid":"[^"]*"' || true)
mariadb-dump --socket="$STATE/db2/mysqld.sock" -uroot --single-transaction --routines --triggers \
    --databases portal > "$STATE/portal.sql"
RESTORE_PORT=$(free_port)
mkdir -p "$STATE/restore"
cat > "$STATE/restore/my.cnf" <<CNF
[mariadbd]
datadir=$STATE/restore/data
socket=$STATE/restore/mysqld.sock
port=$RESTORE_PORT
bind-address=127.0.0.1
user=mysql
log-error=$STATE/restore/error.log
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
CNF
chown -R mysql:mysql "$STATE/restore"
mariadb-install-db --defaults-file="$STATE/restore/my.cnf" --auth-root-authentication-method=normal >/dev/null
mariadbd --defaults-file="$STATE/restore/my.cnf" >/dev/null 2>&1 &
PIDS+=($!)
for _ in $(seq 60); do mariadb --socket="$STATE/restore/mysqld.sock" -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done
mariadb --socket="$STATE/restore/mysqld.sock" -uroot < "$STATE/portal.sql"
mariadb --socket="$STATE/restore/mysqld.sock" -uroot -e "
    create user '$DB_USER'@'127.0.0.1' identified by '$DB_PASSWORD'; grant all on portal.* to '$DB_USER'@'127.0.0.1';"
PORT_C=$(free_port)
start_portal c "$PORT_C" "jdbc:mariadb://127.0.0.1:$RESTORE_PORT/portal"
restored=FAIL
if wait_ready c "$PORT_C"; then
    clients_cluster=$(sql 2 "select count(*) from portal.oauth_client")
    clients_copy=$(mariadb --socket="$STATE/restore/mysqld.sock" -uroot -N -e "select count(*) from portal.oauth_client")
    kid_copy=$(curl -fs "http://127.0.0.1:$PORT_C/idp/oauth2/jwks" | grep -o '"kid":"[^"]*"' || true)
    if [[ "$clients_cluster" == "$clients_copy" && -n "$kid_copy" && "$kid_cluster" == "$kid_copy" ]]; then
        restored=PASS
    fi
    echo "$restored  The portal starts on a restored dump ($clients_copy clients, as in the cluster: $clients_cluster;" \
        "signing key ${kid_copy:-missing}, the cluster's ${kid_cluster:-missing})"
else
    echo "FAIL  The portal starts on a restored dump"
fi
[[ $restored == PASS ]] || status=1

log "Summary"
if (( status == 0 )); then echo "Cluster check passed in $(( $(date +%s) - started )) s"; else echo "Cluster check FAILED"; fi
exit $status
