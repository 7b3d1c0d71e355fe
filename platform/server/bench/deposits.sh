#!/usr/bin/env bash
# Deposits per second through the HTTP API, on PostgreSQL, side by side with a baseline (GET
# /api/version) in the same run: see ma.rokhsa.bench.DepositLoad for the scenarios.
#
#   ./mvnw -q install -DskipTests && platform/server/bench/deposits.sh [workers] [warmup s] [measure s]
#
# Starts one Rokhsa server (-Xmx1g, port 8191) on a fresh PostgreSQL database (PGHOST/PGPORT/
# PGUSER, default 127.0.0.1:5432 postgres; dropped afterwards), runs the load from this machine,
# stops the server.
set -euo pipefail
cd "$(dirname "$0")/../../.."

workers="${1:-8}"; warmup="${2:-10}"; measure="${3:-30}"
target=platform/server/target
micro="$target/payara-micro.jar"; war="$target/rokhsa.war"
[ -f "$micro" ] && [ -f "$war" ] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 1; }
pghost="${PGHOST:-127.0.0.1}"; pgport="${PGPORT:-5432}"; pguser="${PGUSER:-postgres}"
db="rokhsa_bench_$(date +%s)"
psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "CREATE DATABASE $db"
work=$(mktemp -d "$PWD/$target/bench-deposits-XXXX")
password="bench-admin-$(date +%s)"
port=8191
ROKHSA_DB_URL="jdbc:postgresql://$pghost:$pgport/$db" ROKHSA_DB_USER="$pguser" \
  java -Xmx1g -Drokhsa.home="$PWD" -Drokhsa.data.dir="$work/data" \
    -Drokhsa.admin.initial-password="$password" \
    -Drokhsa.plugins.trust-anchors=plugins/src/dev-signing/dev-signing-cert.pem \
    -jar "$micro" --deploy "$war" --port "$port" --nocluster --unpackdir "$work/runtime" \
    > "$work/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "DROP DATABASE IF EXISTS $db" || true
}
trap cleanup EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "server exited; see $work/server.log" >&2; exit 1; }
  sleep 0.2
done
./mvnw -q -pl platform/server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" > /dev/null
java -cp "$target/test-classes:$(cat "$work/classpath.txt")" ma.rokhsa.bench.DepositLoad \
  "http://127.0.0.1:$port/" "$password" 06.181.01.05 "$workers" "$warmup" "$measure"
echo
echo "stored files: $(find "$work/data/content" -type f 2>/dev/null | wc -l)," \
  "$(du -sh "$work/data/content" 2>/dev/null | cut -f1) — server log: $work/server.log"
