#!/usr/bin/env bash
# One command per launcher: bare database figures, then the packaged launcher under the LoadGenerator
# (N sustained runs + one run at half the median rate with the ingest-to-queryable probe), and a table
# with the ratios. Every run first sends --warmup seconds at its own rate, unmeasured, in the same
# generator JVM: a fresh generator spends its first seconds compiling its own code on the cores the
# server needs, and a run that starts measuring at once reports that. The server is warmed up too: saturated
# load in 20 s rounds (unmeasured, loss still checked) until its JIT compiler threads use under a tenth of a
# core, at most --server-warmup seconds; a fresh JVM compiles for its first one to two minutes under this load,
# on the cores the runs measure. Every run's row says how much of a core the server's JIT took during it.
# Usage (from anywhere):
#   benchmarks/run-ingest.sh selfhosted|cloud [--seconds 60] [--runs 3] [--warmup 15] [--connections 128]
#                                             [--batch 100] [--bare-events 300000] [--queue-depth 1200]
#                                             [--server-warmup 240] [--latency-rate N]
# --latency-rate fixes the rate of the latency run (default: half the median of the runs), so that two
# jars or two sittings can be compared at the same load.
# --queue-depth (cloud) is agentlens.ingest.max-queue-depth: entries waiting in the stream shards above which
# the gateway answers 503 with Retry-After (the load generator waits it, as the SDKs do), so the backlog stays
# bounded and accepted = stored. The queue splits a request over its 4 shards by session, and the generator
# spreads each request's 100 events over 2,000 sessions, so 1,200 entries are ~300 requests (~30,000 events).
# Needs a JDK 17; cloud needs PostgreSQL and Redis (found like the tests: AGENTLENS_TEST_* or localhost).
# SKIP_BUILD=1 reuses the jars; SERVER_JAVA_OPTS adds JVM options to the server (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=${1:-}
[[ $launcher == selfhosted || $launcher == cloud ]] || { echo "usage: $0 selfhosted|cloud [options]" >&2; exit 2; }
shift
seconds=60 runs=3 warmup=15 connections=128 batch=100 bare_events=300000 queue_depth=1200 server_warmup=240
latency_rate=
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2 ;; --runs) runs=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;; --bare-events) bare_events=$2 ;;
    --queue-depth) queue_depth=$2 ;; --server-warmup) server_warmup=$2 ;; --latency-rate) latency_rate=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

log() { printf '[run-ingest] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-ingest-XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [[ -n ${BENCH_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
    for r in ${BENCH_ROLES:-}; do psql -h 127.0.0.1 -U postgres -qc "drop role if exists $r" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z ${SKIP_BUILD:-} ]]; then
  log "building the launchers and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q -pl benchmarks,app-cloud -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

backend=$([[ $launcher == selfhosted ]] && echo sqlite || echo postgres)
log "bare $backend: $bare_events events, the same rows without store logic"
java -Xmx4g -cp "$CP" ai.agentlens.benchmarks.StorageBenchmark "$backend" "$bare_events" 1 0 > "$work/bare.txt"
bare=$(sed -n 's/^MEDIAN eventStore=\([0-9]*\) ev\/s bare=\([0-9]*\) ev\/s.*/\2/p' "$work/bare.txt")
store=$(sed -n 's/^MEDIAN eventStore=\([0-9]*\) ev\/s.*/\1/p' "$work/bare.txt")

if [[ $launcher == selfhosted ]]; then
  keys=$(java -jar app-selfhosted/target/agentlens-selfhosted.jar keys create --org default --data-dir "$work/data" | tail -1)
  AGENTLENS_DATA_DIR=$work/data AGENTLENS_PORT=$port \
    java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar app-selfhosted/target/agentlens-selfhosted.jar > "$work/server.log" 2>&1 &
else
  # why: the setup also logs (Flyway) on standard output; only its export lines are for the shell
  eval "$(java -cp "$CP" ai.agentlens.bench.CloudBenchSetup 4 | grep "^export ")"
  keys=$BENCH_KEYS
  AGENTLENS_REDIS_URL=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379} AGENTLENS_PORT=$port \
    java -Xmx2g ${SERVER_JAVA_OPTS:-} -Dagentlens.ingest.max-queue-depth="$queue_depth" -Dagentlens.audit.signing-key-file="$work/audit-signing.key" -Dagentlens.redis.key-prefix="bench-$(date +%s):" -jar app-cloud/target/agentlens-cloud.jar \
    > "$work/server.log" 2>&1 &
fi
server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null || { cat "$work/server.log" >&2; log "server did not become ready"; exit 1; }

load() { # seconds [extra options]
  local s=$1; shift
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "http://127.0.0.1:$port" --key "$keys" \
    --seconds "$s" --connections "$connections" --batch "$batch" "$@"
}
field() { sed -n "$1" "$2" | head -1; }
# CPU ticks of the server's JIT compiler threads so far (one process reading /proc; no fork per thread)
jit_ticks() {
  python3 - "$server_pid" <<'PY'
import os, sys
total = 0
for t in os.listdir(f"/proc/{sys.argv[1]}/task"):
    try:
        s = open(f"/proc/{sys.argv[1]}/task/{t}/stat").read()
    except OSError:
        continue  # why: a thread may end between listdir and open
    if "CompilerThre" in s[s.index("(") : s.rindex(")")]:
        f = s[s.rindex(")") + 2 :].split()
        total += int(f[11]) + int(f[12])
print(total)
PY
}
hz=$(getconf CLK_TCK)
jit_share() { # ticks before, ticks after, seconds -> cores
  awk -v a="$1" -v b="$2" -v s="$3" -v hz="$hz" 'BEGIN {printf "%.2f", (b - a) / hz / s}'
}

warmed=0 warm_jit=n/a
while (( warmed < server_warmup )); do
  before=$(jit_ticks) t0=$(date +%s.%N)
  load 20 > "$work/server-warmup.txt"
  warm_jit=$(jit_share "$before" "$(jit_ticks)" "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')")
  warmed=$((warmed + 20))
  grep -q 'zero loss' "$work/server-warmup.txt" || { cat "$work/server-warmup.txt" >&2; log "server warm-up lost events"; exit 1; }
  log "server warm-up: ${warmed} s, JIT compilers used $warm_jit of a core in the last round"
  awk -v j="$warm_jit" 'BEGIN {exit !(j < 0.1)}' && break
done

rates=()
printf '| run | accepted ev/s | stored ev/s | 202 p95 ms | 503s | drained after load, s | loss | server JIT, cores |\n|---|---|---|---|---|---|---|---|\n' > "$work/table.md"
for i in $(seq 1 "$runs"); do
  log "run $i of $runs: ${warmup} s warm-up, then ${seconds} s closed loop"
  before=$(jit_ticks) t0=$(date +%s.%N)
  load "$seconds" --warmup "$warmup" > "$work/run$i.txt"
  jit=$(jit_share "$before" "$(jit_ticks)" "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')")
  acc=$(field 's/^accepted events: [0-9]* (\([0-9]*\) events\/s)/\1/p' "$work/run$i.txt")
  sto=$(field 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$work/run$i.txt")
  p95=$(field 's/^202 latency ms: .*p95 \([0-9.]*\) .*/\1/p' "$work/run$i.txt")
  loss=$(grep -q 'zero loss' "$work/run$i.txt" && echo "zero" || echo "MISMATCH")
  drain=$(field 's/^drained \([0-9.]*\) s after the load.*/\1/p' "$work/run$i.txt")
  refused=$(field 's/^statuses: .*503=\([0-9]*\).*/\1/p' "$work/run$i.txt")
  rates+=("$sto")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$i" "$acc" "$sto" "$p95" "${refused:-0}" "${drain:-n/a}" "$loss" "$jit" >> "$work/table.md"
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
half=${latency_rate:-$((median / 2))}
at=$([[ -n $latency_rate ]] && echo "the fixed rate" || echo "half rate")
log "$at: $half events/s with the ingest-to-queryable probe (${warmup} s warm-up at that rate first)"
load "$seconds" --rate "$half" --probe --warmup "$warmup" > "$work/half.txt"
half_p95=$(field 's/^202 latency ms: .*p95 \([0-9.]*\) .*/\1/p' "$work/half.txt")
probe_p95=$(field 's/^ingest-to-queryable ms: .*p95 \([0-9.]*\) .*/\1/p' "$work/half.txt")

echo
echo "## $launcher: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)$([[ $launcher == cloud ]] && echo ", max-queue-depth $queue_depth stream entries"), server warmed up $warmed s (JIT $warm_jit of a core in its last round)"
echo
cat "$work/table.md"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| median stored events/s | $median |"
echo "| bare $backend events/s (same sitting) | $bare |"
echo "| EventStore.append events/s (same sitting) | $store |"
echo "| launcher / bare | $(awk -v a="$median" -v b="$bare" 'BEGIN {printf "%.2f", a/b}') |"
echo "| 202 p95 at $at ($half ev/s), ms | $half_p95 |"
echo "| ingest-to-queryable p95 at $at, ms | ${probe_p95:-n/a} |"
