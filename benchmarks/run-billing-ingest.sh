#!/usr/bin/env bash
# Ingest throughput on cloud with billing checks enabled vs disabled, in one sitting (issue 14): one fresh
# PostgreSQL database with N Team orgs (a limited plan, so the quota gate, the overage cap and the 80 %
# warning check really run; N orgs so the per-org rate limit of 50,000 events/min is not the ceiling), two
# packaged app-cloud processes on it — one with agentlens.billing.enabled=true (the default), one with
# false — each on its own Redis key prefix (own queue and rate-limit buckets), a warm-up of each, then pairs of
# closed-loop runs alternating which goes first, and the ratio of the median stored rates (target >= 0.95).
# Only one process is under load at a time. With --role gateway (the default) both processes run app-cloud's
# gateway role alone (no worker, queue depth unbounded, their streams deleted after each run): the quota gate
# is on the gateway's path, and without a worker competing for the 2 cores the accepted rate is what the
# checks can change (a worker's stored rate swung 1.7x between runs of the same kind). --role all measures the
# stored rate of one process doing both. Each run also reports the server's CPU time per 1,000 events
# (/proc/<pid>/stat), a second figure that does not depend on saturation. Usage (from anywhere):
#   benchmarks/run-billing-ingest.sh [--role gateway|all] [--seconds 30] [--pairs 5] [--warmup 90]
#       [--connections 64] [--batch 100] [--orgs 1024]
# Defaults: 5 pairs, 90 s of warm-up, 1,024 orgs — a warm gateway accepts 120k+ events/s, past what 32 or
# 256 Team orgs may send (50,000 events/min each), and a run the rate limiter answers measures the limiter.
# Needs a JDK 17, curl, python3, psql, PostgreSQL and Redis (found like the tests: AGENTLENS_TEST_* or localhost).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 pairs=5 warmup=90 connections=64 batch=100 orgs=1024 role=gateway
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2 ;; --pairs) pairs=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;; --orgs) orgs=$2 ;; --role) role=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

[[ $role == gateway || $role == all ]] || { echo "--role must be gateway or all" >&2; exit 2; }
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
depth=() load_flags=()
if [[ $role == gateway ]]; then
  # why: nothing consumes a gateway's stream, so the 10,000-message depth guard would refuse after 0.1 s
  depth=(-Dagentlens.ingest.max-queue-depth=1000000000) load_flags=(--accept-only)
fi
start() { # port enabled log
  AGENTLENS_ROLE=$role AGENTLENS_REDIS_URL=$redis AGENTLENS_PORT=$1 \
    java -Xmx1500m -Dagentlens.redis.key-prefix="bench-billing-$2-$stamp:" -Dagentlens.billing.enabled="$2" \
    "${depth[@]}" -jar app-cloud/target/agentlens-cloud.jar > "$3" 2>&1 &
}
start "$on_port" true "$work/on.log"; on_pid=$!
start "$off_port" false "$work/off.log"; off_pid=$!
for port in $on_port $off_port; do
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null || { cat "$work"/*.log >&2; log "server on $port did not become ready"; exit 1; }
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pid_of() { [[ $1 == "$on_port" ]] && echo "$on_pid" || echo "$off_pid"; }
load() { # port seconds output: the generator's report plus "cpu-ms-per-1000: N"
  local pid before after
  pid=$(pid_of "$1") before=$(cpu_ticks "$pid")
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "http://127.0.0.1:$1" --key "$BENCH_KEYS" \
    --seconds "$2" --connections "$connections" --batch "$batch" "${load_flags[@]}" > "$3"
  after=$(cpu_ticks "$pid")
  local events
  events=$(sed -n 's/^accepted events: \([0-9]*\).*/\1/p' "$3")
  awk -v t=$((after - before)) -v hz="$ticks" -v n="$events" \
    'BEGIN {printf "cpu-ms-per-1000: %.1f\n", (n > 0 ? t * 1000 / hz / n * 1000 : 0)}' >> "$3"
  # why: a gateway-only stream is never consumed; dropping it keeps Redis memory flat across runs
  if [[ $role == gateway ]]; then
    redis-cli -u "$redis" --scan --pattern "bench-billing-*-$stamp:*" | xargs -r redis-cli -u "$redis" del > /dev/null
  fi
}
stored_rate() {
  if [[ $role == gateway ]]; then
    sed -n 's/^accepted events: [0-9]* (\([0-9]*\) events\/s)/\1/p' "$1" | head -1
  else
    sed -n 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$1" | head -1
  fi
}
cpu_per_1000() { sed -n 's/^cpu-ms-per-1000: //p' "$1"; }
rate_name=$([[ $role == gateway ]] && echo "accepted" || echo "stored")

log "warm-up ${warmup} s each"
load "$on_port" "$warmup" "$work/warm-on.txt"
load "$off_port" "$warmup" "$work/warm-off.txt"
ons=() offs=() ratios=() cpu_ratios=()
printf '| pair | first | billing on, %s ev/s | billing off, %s ev/s | on / off | CPU ms per 1,000 events on / off | off / on |\n|---|---|---|---|---|---|---|\n' \
  "$rate_name" "$rate_name" > "$work/table.md"
for p in $(seq 1 "$pairs"); do
  if (( p % 2 )); then order="on off"; else order="off on"; fi
  for which in $order; do
    port=$([[ $which == on ]] && echo "$on_port" || echo "$off_port")
    log "pair $p of $pairs: ${seconds} s with billing $which"
    load "$port" "$seconds" "$work/$which$p.txt"
  done
  a=$(stored_rate "$work/on$p.txt") b=$(stored_rate "$work/off$p.txt")
  ons+=("$a") offs+=("$b")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a/b}')
  ratios+=("$ratio")
  ca=$(cpu_per_1000 "$work/on$p.txt") cb=$(cpu_per_1000 "$work/off$p.txt")
  cpu_ratio=$(awk -v a="$ca" -v b="$cb" 'BEGIN {printf "%.3f", b/a}')
  cpu_ratios+=("$cpu_ratio")
  printf '| %s | %s | %s | %s | %.2f | %s / %s | %.2f |\n' "$p" "${order%% *}" "$a" "$b" "$ratio" "$ca" "$cb" "$cpu_ratio" \
    >> "$work/table.md"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mon=$(median "${ons[@]}") moff=$(median "${offs[@]}") mr=$(median "${ratios[@]}") mc=$(median "${cpu_ratios[@]}")

echo
echo "## billing checks, cloud role $role: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/table.md"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| orgs (Team plan), connections, batch | $orgs, $connections, $batch |"
echo "| median $rate_name events/s, billing on | $mon |"
echo "| median $rate_name events/s, billing off | $moff |"
echo "| ratio of the medians on / off | $(awk -v a="$mon" -v b="$moff" 'BEGIN {printf "%.2f", a/b}') |"
echo "| median of the pair ratios on / off (target >= 0.95) | $(awk -v r="$mr" 'BEGIN {printf "%.2f", r}') |"
echo "| median of the pair CPU ratios off / on (events per CPU second, on relative to off) | $(awk -v r="$mc" 'BEGIN {printf "%.2f", r}') |"
echo "| HTTP statuses of the last run, billing on | $(sed -n 's/^statuses: //p' "$work/on$pairs.txt") |"
echo "| HTTP statuses of the last run, billing off | $(sed -n 's/^statuses: //p' "$work/off$pairs.txt") |"
if grep -h '^statuses: ' "$work"/on*.txt "$work"/off*.txt | grep -q '429='; then
  echo
  echo "WARNING: some runs were answered 429 (rate limit): the figure measures the limiter; raise --orgs" >&2
  echo "**Some runs were answered \`429\` (rate limit): this sitting measures the limiter, not billing; raise \`--orgs\`.**"
fi
