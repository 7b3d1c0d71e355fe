#!/usr/bin/env bash
# Signatures per second and p95 time to sign an authorization through the HTTP API, PKCS#12 and
# PKCS#11 (a SoftHSM2 token) side by side in one run, with the raw JDK signature operation of the
# same keys as the baseline (docs/benchmarks.md).
#
#   ./mvnw -q package -DskipTests
#   flock -o /tmp/rokhsa-it.lock platform/server/bench/signatures.sh [dossiers] [connections] [max s]
#
# dossiers: how many await each signatory (default 150); connections: wrk threads = connections
# (default 2); max s: how long wrk runs each load (default 60; a connection that has signed all
# its dossiers stops early, and the rate is counted over the time it took). Starts one demo node
# with bin/rokhsa-node (-Xmx1g, port 8192, embedded H2): the commune of Lbir Jdid (06.181.01.05) signs with the pkcs12 plugin, Azemmour (06.181.01.01) with
# pkcs11 on a fresh SoftHSM2 token. Over the API only: a key issued to a named signatory of each,
# then the dossiers deposited, instructed and decided (ma.rokhsa.bench.SignatureBench setup). wrk
# (Debian: apt-get install wrk) signs them one request a dossier (signatures.lua), one provider
# after the other, and reports what its own process cost (user+sys CPU): the client's share. Then
# the node stops and the baseline signs 1 MB with the same keys in one JVM thread.
# Needs softhsm2 (/usr/lib/softhsm/libsofthsm2.so), wrk, curl, a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/../../.."

count="${1:-150}"; connections="${2:-2}"; limit="${3:-60}"
pin=482913
port=8192
target=platform/server/target
[ -f "$target/payara-micro.jar" ] && [ -f "$target/rokhsa.war" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
library=/usr/lib/softhsm/libsofthsm2.so
[ -f "$library" ] || { echo "SoftHSM2 is missing: apt-get install -y softhsm2" >&2; exit 1; }
work=$(mktemp -d "$PWD/$target/bench-signatures-XXXX")
password="bench-admin-$(date +%s)"

# A fresh SoftHSM2 token, as the PKCS#11 plugin's tests make one.
export SOFTHSM2_CONF="$work/softhsm2.conf"
mkdir -p "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$work/tokens" > "$SOFTHSM2_CONF"
slot=$(softhsm2-util --init-token --free --label rokhsa-bench --pin "$pin" --so-pin 5678 \
  | sed -n 's/.*reassigned to slot \([0-9]*\).*/\1/p')
[ -n "$slot" ] || { echo "softhsm2-util made no token" >&2; exit 1; }

# The shipped tenant configuration, with Azemmour signing on the token.
cp -r tenant-config "$work/tenant-config"
printf 'signature:\n  provider: pkcs11\n' > "$work/tenant-config/territories/06.181.01.01.yaml"

ROKHSA_DEMO=true ROKHSA_DB_URL=embedded ROKHSA_PORT=$port ROKHSA_HEAP=1g \
ROKHSA_RUNTIME_DIR="$work/runtime" \
  platform/server/bin/rokhsa-node -Drokhsa.data.dir="$work/data" \
    -Drokhsa.admin.initial-password="$password" \
    -Drokhsa.plugins.trust-anchors=plugins/src/dev-signing/dev-signing-cert.pem \
    -Drokhsa.tenant-config.dir="$work/tenant-config" \
    -Drokhsa.plugin.signature-pkcs11.library="$library" \
    -Drokhsa.plugin.signature-pkcs11.slot="$slot" \
    > "$work/server.log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { echo "server exited; see $work/server.log" >&2; exit 1; }
  sleep 0.5
done

./mvnw -q -o -pl platform/server dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" > /dev/null
bench() { java -cp "$target/test-classes:$(cat "$work/classpath.txt")" ma.rokhsa.bench.SignatureBench "$@"; }

echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for tenant in 06.181.01.05 06.181.01.01; do
  bench setup "http://127.0.0.1:$port/" "$password" "$tenant" "$count" "$work/load" "$pin"
done

url="http://127.0.0.1:$port"
echo "HTTP baseline, GET /api/version (5 s, same connections):"
wrk -t"$connections" -c"$connections" -d5s "$url/api/version" | grep -E "Latency|Requests/sec"
for tenant in 06.181.01.05 06.181.01.01; do
  provider=pkcs12; [ "$tenant" = 06.181.01.01 ] && provider=pkcs11
  echo "HTTP signing, $provider ($tenant), $connections connections:"
  ROKHSA_IDS="$work/load/$tenant.ids" ROKHSA_TOKEN="$(cat "$work/load/$tenant.token")" \
  ROKHSA_TENANT="$tenant" ROKHSA_PIN="$pin" ROKHSA_THREADS="$connections" \
    /usr/bin/time -f "wrk itself: %U s user + %S s system CPU in %e s" \
    wrk -t"$connections" -c"$connections" -d"${limit}s" --timeout 60s \
      -s platform/server/bench/signatures.lua "$url" 2>&1 | grep -E "^signed|^first|^wrk itself"
done

# What one signed authorization weighs (the first of Lbir Jdid's).
first=$(head -1 "$work/load/06.181.01.05.ids")
size=$(curl -s -o "$work/authorization.pdf" -w '%{size_download}' \
  -H "Authorization: Bearer $(cat "$work/load/06.181.01.05.token")" \
  "$url/api/tenants/06.181.01.05/dossiers/$first/authorization")
echo "a signed authorization: $size bytes"

cleanup
trap - EXIT
keystore=$(find "$work/data" -name keystore.p12 | head -1)
bench baseline pkcs12 "$keystore" "$pin" 200
printf 'name = rokhsa-bench\nlibrary = %s\nslot = %s\n' "$library" "$slot" > "$work/sunpkcs11.cfg"
bench baseline pkcs11 "$work/sunpkcs11.cfg" "$pin" 200
echo "server log: $work/server.log"
