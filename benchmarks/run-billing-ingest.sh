#!/usr/bin/env bash
# Ingest throughput on cloud with billing checks enabled vs disabled, in one sitting (issue 14): one fresh
# PostgreSQL database with N Team orgs (a limited plan, so the quota gate, the overage cap and the 80 %
# warning check really run; N orgs so the per-org rate limit of 50,000 events/min is not the ceiling), two
# packaged app-cloud processes on it — one with agentlens.billing.enabled=true (the default), one with
# false — each on its own Redis key prefix (own queue and rate-limit buckets), a warm-up of each, then pairs of
# closed-loop runs alternating which goes first, and the ratio of the median stored rates (target >= 0.95).
# Only one process is under load at a time. Usage (from anywhere):
#   benchmarks/run-billing-ingest.sh [--seconds 30] [--pairs 3] [--warmup 15] [--connections 64] [--batch 100] [--orgs 32]
# Needs a JDK 17, curl, python3, psql, PostgreSQL and Redis (found like the tests: AGENTLENS_TEST_* or localhost).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 pairs=3 warmup=15 connections=64 batch=100 orgs=32
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2 ;; --pairs) pairs=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;; --orgs) orgs=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

log() { printf '[run-billing-ingest] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-billing-XXXXXX)
on_pid="" off_pid=""
cleanup() {
  for p in $on_pid $off_pid; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  if [[ -n ${BENCH_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
    for r in ${BENCH_ROLES:-}; do psql -h 127.0.0.1 -U postgres -qc "drop role if exists $r" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  log "building the launchers and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q -pl benchmarks,app-cloud -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
on_port=$(free_port) off_port=$(free_port)

# why: the setup also logs (Flyway) on standard output; only its export lines are for the shell
eval "$(java -cp "$CP" ai.agentlens.bench.CloudBenchSetup "$orgs" team | grep "^export ")"
redis=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379}
stamp=$(date +%s)
start() { # port enabled log
  AGENTLENS_REDIS_URL=$redis AGENTLENS_PORT=$1 \
    java -Xmx1500m -Dagentlens.redis.key-prefix="bench-billing-$2-$stamp:" -Dagentlens.billing.enabled="$2" \
    -jar app-cloud/target/agentlens-cloud.jar > "$3" 2>&1 &
}
start "$on_port" true "$work/on.log"; on_pid=$!
start "$off_port" false "$work/off.log"; off_pid=$!
for port in $on_port $off_port; do
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null || { cat "$work"/*.log >&2; log "server on $port did not become ready"; exit 1; }
done

load() { # port seconds
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "http://127.0.0.1:$1" --key "$BENCH_KEYS" \
    --seconds "$2" --connections "$connections" --batch "$batch"
}
stored_rate() { sed -n 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$1" | head -1; }

log "warm-up ${warmup} s each"
load "$on_port" "$warmup" > "$work/warm-on.txt"
load "$off_port" "$warmup" > "$work/warm-off.txt"
ons=() offs=() ratios=()
printf '| pair | first | billing on, stored ev/s | billing off, stored ev/s | on / off |\n|---|---|---|---|---|\n' > "$work/table.md"
for p in $(seq 1 "$pairs"); do
  if (( p % 2 )); then order="on off"; else order="off on"; fi
  for which in $order; do
    port=$([[ $which == on ]] && echo "$on_port" || echo "$off_port")
    log "pair $p of $pairs: ${seconds} s with billing $which"
    load "$port" "$seconds" > "$work/$which$p.txt"
  done
  a=$(stored_rate "$work/on$p.txt") b=$(stored_rate "$work/off$p.txt")
  ons+=("$a") offs+=("$b")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')
  ratios+=("$ratio")
  printf '| %s | %s | %s | %s | %.2f |\n' "$p" "${order%% *}" "$a" "$b" "$ratio" >> "$work/table.md"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mon=$(median "${ons[@]}") moff=$(median "${offs[@]}") mr=$(median "${ratios[@]}")

echo
echo "## billing checks, cloud: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/table.md"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| orgs (Team plan), connections, batch | $orgs, $connections, $batch |"
echo "| median stored events/s, billing on | $mon |"
echo "| median stored events/s, billing off | $moff |"
echo "| median of the pair ratios on / off (target >= 0.95) | $(awk -v r="$mr" 'BEGIN {printf "%.2f", r}') |"
echo "| HTTP statuses of the last run, billing on | $(sed -n 's/^statuses: //p' "$work/on$pairs.txt") |"
echo "| HTTP statuses of the last run, billing off | $(sed -n 's/^statuses: //p' "$work/off$pairs.txt") |"
