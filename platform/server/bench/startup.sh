#!/usr/bin/env bash
# Start of the platform, side by side with a baseline: the same Payara Micro deploying a trivial
# WAR. N runs (default 5) of each:
#   baseline      the trivial WAR, fresh runtime directory;
#   first-start   Rokhsa on an empty database: migrations, then all 1,632 tenants created from
#                 tenant-config/;
#   restart       Rokhsa again on the database the first start left (tenants compared, unchanged).
# Reports the time from process start to the first 200 on /health/ready and the resident memory
# (VmRSS) then and 10 s later, with the median of each.
#
#   ./mvnw -q install -DskipTests && platform/server/bench/startup.sh [runs]
#
# Extra JVM options for both: JAVA_OPTS (default -Xmx1g). Database: the embedded default, or
# whatever ROKHSA_DB_URL names.
set -euo pipefail
cd "$(dirname "$0")/../../.."

runs="${1:-5}"
target=platform/server/target
micro="$target/payara-micro.jar"
war="$target/rokhsa.war"
work="$target/bench"
java_opts="${JAVA_OPTS:--Xmx1g}"
[ -f "$micro" ] && [ -f "$war" ] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/baseline"
echo '<!doctype html><title>baseline</title>' > "$work/baseline/index.html"
(cd "$work/baseline" && jar --create --file ../baseline.war index.html)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # name war data_dir -> "ms rss_ready rss_settled"
  local name=$1 app=$2 data=$3 port run_dir start pid ms
  port=$(free_port)
  run_dir=$(mktemp -d "$work/$name-XXXX")
  start=$(date +%s%N)
  # The shipped plugins are signed with the development key: trust it, as ./mvnw -Prun does.
  # shellcheck disable=SC2086
  java $java_opts -Drokhsa.data.dir="$data" \
    -Drokhsa.plugins.trust-anchors=plugins/src/dev-signing/dev-signing-cert.pem -jar "$micro" --deploy "$app" --port "$port" \
    --nocluster --unpackdir "$run_dir/runtime" > "$run_dir/server.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $run_dir/server.log" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local ready settled
  ready=$(rss_mb "$pid")
  sleep 10
  settled=$(rss_mb "$pid")
  kill "$pid"; wait "$pid" || true
  echo "$ms $ready $settled"
}

names="baseline first-start restart"
report() { printf '%-12s %4s %12s %14s %16s\n' "$@"; }
record() { # name run result
  echo "$3" >> "$work/$1.results"
  read -r ms ready settled <<< "$3"
  report "$1" "$2" "$ms" "$ready" "$settled"
}
report app run "ready (ms)" "RSS ready (MB)" "RSS +10 s (MB)"
for name in $names; do : > "$work/$name.results"; done
for i in $(seq 1 "$runs"); do
  record baseline "$i" "$(measure baseline "$work/baseline.war" "$(mktemp -d "$work/data-XXXX")")"
  data=$(mktemp -d "$work/data-XXXX")
  record first-start "$i" "$(measure first-start "$war" "$data")"
  record restart "$i" "$(measure restart "$war" "$data")"
done
echo
printf '%-12s %12s %14s %16s\n' median "ready (ms)" "RSS ready (MB)" "RSS +10 s (MB)"
for name in $names; do
  printf '%-12s %12s %14s %16s\n' "$name" \
    "$(cut -d' ' -f1 "$work/$name.results" | median)" \
    "$(cut -d' ' -f2 "$work/$name.results" | median)" \
    "$(cut -d' ' -f3 "$work/$name.results" | median)"
done
