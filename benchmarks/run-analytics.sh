#!/usr/bin/env bash
# Analytics query latency at scale, one command per launcher: fills a fresh database with N events
# through the real write path (AnalyticsLoader: 100 orgs, 1,000 agents, the last 90 days), starts the
# packaged launcher on it and times the analytics routes over HTTP (AnalyticsQueryBenchmark).
# Usage (from anywhere):
#   benchmarks/run-analytics.sh selfhosted|cloud [events=10000000] [--requests 200] [--warmup 20]
#       [--orgs 100] [--agents 1000] [--threads N] [--keep] [--reuse FILE] [--no-build]
# --keep leaves the database (and writes its settings to a file named at the end); --reuse FILE
# skips the load and queries the database that file describes. Set MVNW_OPTS=-o to build offline.
# Needs a JDK 17; cloud needs PostgreSQL (psql as user postgres on localhost) and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=${1:-}
[[ $launcher == selfhosted || $launcher == cloud ]] || {
  echo "usage: $0 selfhosted|cloud [events] [options]" >&2; exit 2; }
shift
events=10000000
if [[ $# -gt 0 && $1 != --* ]]; then events=$1; shift; fi
requests=200 warmup=20 orgs=100 agents=1000 threads="" keep=0 reuse="" build=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --requests) requests=$2; shift ;; --warmup) warmup=$2; shift ;; --orgs) orgs=$2; shift ;;
    --agents) agents=$2; shift ;; --threads) threads=$2; shift ;; --reuse) reuse=$2; shift ;;
    --keep) keep=1 ;; --no-build) build=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[run-analytics] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-analytics-XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [[ -n $reuse ]]; then
    rm -rf "$work"
    return
  fi
  if [[ $keep == 1 ]]; then
    log "kept: settings in $work/bench.env (data: ${data_dir:-${BENCH_DB:-none}})"
    return
  fi
  if [[ -n ${BENCH_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
    for r in ${BENCH_ROLES:-}; do psql -h 127.0.0.1 -U postgres -qc "drop role if exists $r" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $build == 1 ]]; then
  log "building the launchers and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q ${MVNW_OPTS:-} -pl benchmarks,app-cloud -am -DskipTests -Djacoco.skip=true package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data_dir=""

if [[ -n $reuse ]]; then
  # shellcheck disable=SC1090
  source "$reuse"
  events=${BENCH_EVENTS:-$events}
  load_seconds=${BENCH_LOAD_SECONDS:-n/a}
  load_rate=${BENCH_LOAD_RATE:-n/a}
else
  extra=(--events "$events" --orgs "$orgs" --agents "$agents")
  [[ -n $threads ]] && extra+=(--threads "$threads")
  if [[ $launcher == selfhosted ]]; then
    data_dir=$work/data
    extra=(--data-dir "$data_dir" "${extra[@]}")
  fi
  log "loading $events events into a fresh $launcher database (progress every 15 s)"
  started=$(date +%s)
  java -Xmx3g -cp "$CP" ai.agentlens.bench.AnalyticsLoader "$launcher" "${extra[@]}" \
    2> >(grep --line-buffered '^\[loader\]' | tee "$work/loader.log" >&2) | grep '^export ' > "$work/bench.env"
  sleep 1 # why: the process substitution may still be writing the log's last line
  load_seconds=$(sed -n 's/^\[loader\] wrote .* events in \([0-9]*\) s: .*/\1/p' "$work/loader.log")
  load_rate=$(sed -n 's/^\[loader\] wrote .* events in [0-9]* s: \([0-9,]*\) events\/s/\1/p' "$work/loader.log")
  log "load with key creation took $(( $(date +%s) - started )) s" 
  { echo "export BENCH_EVENTS=$events BENCH_LOAD_SECONDS=$load_seconds BENCH_LOAD_RATE='$load_rate'"
    [[ -n $data_dir ]] && echo "export BENCH_DATA_DIR='$data_dir'"; } >> "$work/bench.env"
  # shellcheck disable=SC1090
  source "$work/bench.env"
fi

if [[ $launcher == selfhosted ]]; then
  data_dir=${BENCH_DATA_DIR:-$data_dir}
  size=$(du -sh "$data_dir" | cut -f1)
  AGENTLENS_DATA_DIR=$data_dir AGENTLENS_PORT=$port \
    java -Xmx2g -jar app-selfhosted/target/agentlens-selfhosted.jar > "$work/server.log" 2>&1 &
else
  # why: a bulk load outruns autovacuum's analyze; production tables grow slowly and have statistics
  psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -qc "analyze" >/dev/null
  size=$(psql -h 127.0.0.1 -U postgres -tAc "select pg_size_pretty(pg_database_size('$BENCH_DB'))")
  AGENTLENS_REDIS_URL=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379} AGENTLENS_PORT=$port \
    java -Xmx2g -Dagentlens.redis.key-prefix="bench-$(date +%s):" -jar app-cloud/target/agentlens-cloud.jar \
    > "$work/server.log" 2>&1 &
fi
server_pid=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null || { cat "$work/server.log" >&2; log "server did not become ready"; exit 1; }

log "querying: $warmup warm-up rounds, then $requests rounds over the orgs"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -Xmx512m -cp "$CP" ai.agentlens.bench.AnalyticsQueryBenchmark --url "http://127.0.0.1:$port" \
  --keys "$BENCH_KEYS" --requests "$requests" --warmup "$warmup" 2>/dev/null | grep '^|' > "$work/table.md"

echo
echo "## $launcher, $events events: $(date -u +%FT%TZ), $(nproc) cores, commit $(git rev-parse --short HEAD)"
echo
echo "Load: $load_seconds s ($load_rate events/s); database $size; load average before / after the queries:" \
  "$load_before / $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/table.md"
