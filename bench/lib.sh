# What the benchmark scripts share: logging, prerequisites, the processes they start and stop, a private MariaDB
# server, and the portal's jar. Sourced by bench/*/run.sh after `set -euo pipefail`; ROOT and WORK must be set.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_jdk25() {
    if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
        die "set JAVA_HOME to a JDK 25"
    fi
    export PATH="$JAVA_HOME/bin:$PATH"
}

# Installs the Debian packages of the commands that are missing. Arguments: command=package ...
require_commands() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%=*}" >/dev/null || missing+=("${pair#*=}")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]}"
        local sudo=sudo
        [ "$(id -u)" = 0 ] && sudo=
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Every process a script starts is added to PIDS, and stopped when the script ends, however it ends.
PIDS=()
stop_started() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_started EXIT

wait_for() { # url seconds pid
    local deadline=$((SECONDS + $2))
    until curl -sf -o /dev/null "$1"; do
        kill -0 "$3" 2>/dev/null || die "the server stopped while starting (see the logs in $WORK)"
        [ $SECONDS -lt $deadline ] || die "no answer from $1 after $2 s"
        sleep 1
    done
}

# A MariaDB server of the script's own: data in a fresh $WORK/mariadb, loopback port DB_PORT, a database `portal`
# and its user portal/bench. Extra arguments are server options. Defines sql() and DB_PID.
start_mariadb() {
    DB_DIR=$WORK/mariadb
    rm -rf "$DB_DIR"
    mkdir -p "$DB_DIR"
    local user_option=()
    [ "$(id -u)" = 0 ] && user_option=(--user=root)
    mariadb-install-db --no-defaults --datadir="$DB_DIR/data" "${user_option[@]}" \
        --auth-root-authentication-method=normal >"$DB_DIR/install.log" 2>&1
    mariadbd --no-defaults --datadir="$DB_DIR/data" --socket="$DB_DIR/mysqld.sock" --port="$DB_PORT" \
        --bind-address=127.0.0.1 --skip-name-resolve --pid-file="$DB_DIR/mysqld.pid" --log-error="$DB_DIR/error.log" \
        --innodb-buffer-pool-size=256M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        "${user_option[@]}" "$@" &
    DB_PID=$!
    PIDS+=("$DB_PID")
    for _ in $(seq 1 60); do sql 'select 1' >/dev/null 2>&1 && break; sleep 1; done
    sql "create database portal; create user 'portal'@'127.0.0.1' identified by 'bench';
         grant all on portal.* to 'portal'@'127.0.0.1'"
}
sql() { mariadb --no-defaults --socket="$DB_DIR/mysqld.sock" -uroot -N -B -e "$1"; }

# The portal's production-mode jar: JAR if set, else this tree's (built unless SKIP_BUILD=1), copied to
# $WORK/portal.jar so that a build during the run cannot change it under the running portal.
portal_jar() {
    if [ -z "${JAR:-}" ]; then
        if [ "${SKIP_BUILD:-}" != 1 ]; then
            log "building the portal's jar"
            (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true)
        fi
        JAR=$(ls "$ROOT"/target/developer-portal-*.jar | grep -v original | head -1)
    fi
    cp "$JAR" "$WORK/portal.jar"
}

# The environment the portal's jar runs with against the private MariaDB; DB_URL_OPTIONS are added to the URL.
portal_environment() { # base url
    export PORTAL_DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/portal${DB_URL_OPTIONS:+?$DB_URL_OPTIONS}"
    export PORTAL_DB_USERNAME=portal PORTAL_DB_PASSWORD=bench
    export PORTAL_BASE_URL="$1"
    PORTAL_CREDENTIALS_HMAC_KEY=$(head -c 32 /dev/urandom | base64 -w0)
    PORTAL_IDP_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 -w0)
    export PORTAL_CREDENTIALS_HMAC_KEY PORTAL_IDP_CLIENT_SECRET
}
