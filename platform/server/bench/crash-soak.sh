#!/usr/bin/env bash
# The crash soak: deposits from four clients into a node that is killed with kill -9 at a random
# moment and started again with the same command, N times; then every acknowledged deposit is
# looked for (tracking code, files byte for byte) and references are checked for repeats. Also
# times the restarts after a crash beside restarts after a clean stop. See
# ma.rokhsa.it.support.CrashCycles (CrashRestartIT runs the same for three cycles).
#
#   platform/server/bench/crash-soak.sh [db] [cycles] [clean restarts] [seed]
#
# db: h2 (the embedded default) or postgresql (a fresh database on PGHOST/PGPORT/PGUSER, default
# 127.0.0.1:5432 postgres, dropped afterwards).
set -euo pipefail
cd "$(dirname "$0")/../../.."

db="${1:-h2}"; cycles="${2:-200}"; clean="${3:-10}"; seed="${4:-$(date +%s)}"
target=platform/server/target
work=$(mktemp -d "${TMPDIR:-/tmp}/rokhsa-crash-soak-XXXX")
pghost="${PGHOST:-127.0.0.1}"; pgport="${PGPORT:-5432}"; pguser="${PGUSER:-postgres}"
pgdb=""
case "$db" in
  postgresql)
    pgdb="rokhsa_soak_$(date +%s)"
    psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "CREATE DATABASE $pgdb"
    export ROKHSA_DB_URL="jdbc:postgresql://$pghost:$pgport/$pgdb" ROKHSA_DB_USER="$pguser" ;;
  h2) unset ROKHSA_DB_URL ;;
  *) echo "db: h2 or postgresql" >&2; exit 2 ;;
esac
cleanup() {
  pkill -9 -f "$work/" 2>/dev/null || true
  [ -z "$pgdb" ] || psql -h "$pghost" -p "$pgport" -U "$pguser" -qc "DROP DATABASE IF EXISTS $pgdb" || true
}
trap cleanup EXIT
# Builds the node and the test classes, and writes their class path (the reactor resolves the
# platform's own modules only within a build that packages them).
mkdir -p "$target"
./mvnw -q -pl platform/server -am -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
java -Dpayara.microJar="$target/payara-micro.jar" -Drokhsa.war="$target/rokhsa.war" \
  -Drokhsa.root="$PWD" -Drokhsa.it.dir="$work" -Drokhsa.dev-signing="$PWD/plugins/src/dev-signing" \
  -Drokhsa.it.boot-timeout-seconds=600 \
  -cp "$target/test-classes:$(cat "$work/classpath.txt")" ma.rokhsa.bench.CrashSoak \
  "$db" "$cycles" "$clean" "$seed" "$work" | tee "$work/report.md"
