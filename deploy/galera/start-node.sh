#!/bin/bash
# Starts one node of the Galera cluster in docker-compose.galera.yml. A node bootstraps a new cluster only
#   - on the very first start of the bootstrap node (GALERA_BOOTSTRAP_NODE=yes, empty data directory), or
#   - when its grastate.dat says safe_to_bootstrap: 1 (it was the last node to leave a cluster that stopped
#     cleanly: it has every commit);
# otherwise it joins the others. After a crash of the whole cluster no node is marked safe: see the README,
# "Galera", for choosing the most advanced node and marking it.
set -euo pipefail
state=/var/lib/mysql/grastate.dat
args=(--wsrep-node-name="$GALERA_NODE_NAME" --wsrep-node-address="$GALERA_NODE_NAME"
      --wsrep-sst-auth="root:${MARIADB_ROOT_PASSWORD}")
if [[ ! -e "$state" && "${GALERA_BOOTSTRAP_NODE:-no}" == yes ]] \
        || { [[ -e "$state" ]] && grep -q '^safe_to_bootstrap: *1' "$state"; }; then
    echo "Bootstrapping a new Galera cluster on $GALERA_NODE_NAME"
    args+=(--wsrep-new-cluster)
fi
exec docker-entrypoint.sh mariadbd "${args[@]}"
