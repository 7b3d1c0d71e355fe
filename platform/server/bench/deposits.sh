#!/usr/bin/env bash
# Deposits per second through the HTTP API, side by side with a baseline (GET /api/version) in the
# same run: see ma.rokhsa.bench.DepositLoad for the scenarios.
#
#   ./mvnw -q package -DskipTests && platform/server/bench/deposits.sh [db] [workers] [warmup s] [measure s]
#
# db: postgresql (default; a fresh database on PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432
# postgres, dropped afterwards), h2 (the embedded default: commits written before they return),
# or h2-delayed (the same H2 with WRITE_DELAY=500, H2's own default, for comparison: ADR 0013).
# Starts one node with bin/rokhsa-node (-Xmx1g, port 8191), runs the load from this machine,
# stops the node.
set -euo pipefail
cd "$(dirname "$0")/../../.."

db="${1:-postgresql}"; workers="${2:-8}"; warmup="${3:-10}"; measure="${4:-30}"
target=platform/server/target
[ -f "$target/payara-micro.jar" ] && [ -f "$target/rokhsa.war" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
work=$(mktemp -d "$PWD/$target/bench-deposits-XXXX")
password="bench-admin-$(date +%s)"
port=8191
pghost="${PGHOST:-127.0.0.1}"; pgport="${PGPORT:-5432}"; pguser="${PGUSER:-postgres}"
pgdb=""
h2="jdbc:h2:file:$work/data/db/rokhsa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
case "$db" in
  postgresql)
    pgdb="rokhsa_bench_$(date +%s)"
    psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "CREATE DATABASE $pgdb"
    export ROKHSA_DB_URL="jdbc:postgresql://$pghost:$pgport/$pgdb" ROKHSA_DB_USER="$pguser" ;;
  h2) export ROKHSA_DB_URL=embedded ;;
  h2-delayed) export ROKHSA_DB_URL="$h2;WRITE_DELAY=500" ;;
  *) echo "db: postgresql, h2 or h2-delayed" >&2; exit 2 ;;
esac
ROKHSA_PORT=$port ROKHSA_HEAP=1g ROKHSA_RUNTIME_DIR="$work/runtime" \
  platform/server/bin/rokhsa-node -Drokhsa.data.dir="$work/data" \
    -Drokhsa.admin.initial-password="$password" \
    -Drokhsa.plugins.trust-anchors=plugins/src/dev-signing/dev-signing-cert.pem \
    -Drokhsa.storage.quota-per-account-mib=0 \
    > "$work/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  [ -z "$pgdb" ] || psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "DROP DATABASE IF EXISTS $pgdb" || true
}
trap cleanup EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "server exited; see $work/server.log" >&2; exit 1; }
  sleep 0.2
done
./mvnw -q -pl platform/server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" > /dev/null
echo "database: $db"
java -cp "$target/test-classes:$(cat "$work/classpath.txt")" ma.rokhsa.bench.DepositLoad \
  "http://127.0.0.1:$port/" "$password" 06.181.01.05 "$workers" "$warmup" "$measure"
echo
echo "stored files: $(find "$work/data/content" -type f 2>/dev/null | wc -l)," \
  "$(du -sh "$work/data/content" 2>/dev/null | cut -f1) — server log: $work/server.log"
