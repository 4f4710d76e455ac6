#!/usr/bin/env bash
# Cloud scale-out, one command: app-cloud as separate processes — one `gateway`, then 1..N `worker`s —
# under the LoadGenerator (closed loop, the gateway's 503 + Retry-After keeps the backlog bounded). For each
# worker count it prints stored events/s, the drain time, the loss check and the CPU each component spent
# per stored event (gateway, workers, PostgreSQL, Redis, load generator; read from /proc), the inputs of
# the capacity model in docs/performance.md, and the share of PostgreSQL's active backends found waiting on
# a lock (sampled every 0.2 s, with the statement most waited in): what stops more workers from scaling. At the end every org's hash chains are verified through
# GET /api/audit/verify. Usage (from anywhere):
#   benchmarks/run-scaleout.sh [--workers 2] [--seconds 30] [--warmup 15] [--connections 64]
#                              [--batch 100] [--queue-depth 1200]
# Needs a JDK 17, PostgreSQL and Redis (found like the tests: AGENTLENS_TEST_* or localhost), and a quiet
# machine: every process's CPU is charged to the events stored while it ran.
# SKIP_BUILD=1 reuses the jars; SERVER_JAVA_OPTS adds JVM options to every server process; KEEP=1 keeps
# the work directory (server logs, load generator outputs); CLOUD_JAR runs another build of the launcher;
# VERIFY=0 skips the chain verification (minutes at ~200,000 events per org: one read per session).
set -euo pipefail
cd "$(dirname "$0")/.."

workers=2 seconds=30 warmup=15 connections=64 batch=100 queue_depth=1200
while [[ $# -gt 0 ]]; do
  case $1 in
    --workers) workers=$2 ;; --seconds) seconds=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;; --queue-depth) queue_depth=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
[[ $workers =~ ^[1-9][0-9]*$ ]] || { echo "--workers must be a whole number >= 1" >&2; exit 2; }

log() { printf '[run-scaleout] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-scaleout-XXXXXX)
pids=()
cleanup() {
  # why: under set -e a failed kill here would end the trap before the servers are stopped
  [[ -n ${sampler_pid:-} ]] && { kill "$sampler_pid" 2>/dev/null || true; }
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ -n ${BENCH_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
    for r in ${BENCH_ROLES:-}; do psql -h 127.0.0.1 -U postgres -qc "drop role if exists $r" >/dev/null 2>&1 || true; done
  fi
  # the stream and its consumer group under this run's key prefix
  if [[ -n ${prefix:-} ]] && command -v redis-cli >/dev/null; then
    redis-cli -u "${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379}" --scan --pattern "${prefix}*" |
      while read -r k; do redis-cli -u "${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379}" del "$k" >/dev/null; done
  fi
  if [[ -n ${KEEP:-} ]]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -z ${SKIP_BUILD:-} ]]; then
  log "building the cloud launcher and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q -pl benchmarks,app-cloud -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# why: the setup also logs (Flyway) on standard output; only its export lines are for the shell
eval "$(java -cp "$CP" ai.agentlens.bench.CloudBenchSetup 4 | grep "^export ")"
prefix="scaleout-$(date +%s):"
start_role() { # role port log
  AGENTLENS_ROLE=$1 AGENTLENS_PORT=$2 AGENTLENS_REDIS_URL=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379} \
    java -Xmx1g ${SERVER_JAVA_OPTS:-} -Dagentlens.ingest.max-queue-depth="$queue_depth" -Dagentlens.audit.verify-budget=900s \
    -Dagentlens.audit.signing-key-file="$work/audit-signing.key" \
    -Dagentlens.redis.key-prefix="$prefix" -jar "${CLOUD_JAR:-app-cloud/target/agentlens-cloud.jar}" > "$3" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$2/api/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  cat "$3" >&2; log "$1 on port $2 did not become ready"; exit 1
}

# CPU seconds (user + system) of processes, from /proc; PostgreSQL adds what its exited children used
tck=$(getconf CLK_TCK)
cpu_of() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
pg_cpu() {
  local master t
  master=$(pgrep -o -x postgres || true)
  t=$(cpu_of $(pgrep -x postgres || true))
  [[ -n $master ]] && t=$((t + $(awk '{print $16 + $17}' "/proc/$master/stat")))
  echo "$t"
}
# CPU ticks of the threads of processes whose name (comm, 15 characters) matches a regex
threads_cpu() { local re=$1 p; shift; for p in "$@"; do grep -H . /proc/"$p"/task/*/comm 2>/dev/null; done |
  awk -F: -v re="$re" '$2 ~ re {sub(/comm$/, "stat", $1); getline st < $1; close($1); split(st, f, " "); t += f[14] + f[15]} END {print t + 0}'; }
split_cpu() { echo "$(threads_cpu '^ingest-worker' "$@") $(threads_cpu '^embedding' "$@") $(threads_cpu '^llm-request' "$@")"; }
redis_cpu() { cpu_of $(pgrep -x redis-server || true); }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }

gw_port=$(free_port)
log "gateway on port $gw_port (max-queue-depth $queue_depth stream entries)"
start_role gateway "$gw_port" "$work/gateway.log"
gateway_pid=${pids[-1]}
worker_pids=()
t0=$(date -u -d '-1 hour' +%FT%TZ)

load() { # seconds: runs the load generator in the background and records its pid in load_pid
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "http://127.0.0.1:$gw_port" --key "$BENCH_KEYS" \
    --seconds "$1" --connections "$connections" --batch "$batch" > "$2" 2>&1 &
  load_pid=$!
}
field() { sed -n "$1" "$2" | head -1; }
lock_sampler() { # file: every 0.2 s, through one session, each active backend of the run's database: wait type|statement
  while sleep 0.2; do
    echo "select coalesce(wait_event_type, 'CPU'), left(regexp_replace(query, '\\s+', ' ', 'g'), 48) from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid();"
  done | psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -qAtF'|' > "$1" 2>/dev/null &
  sampler_pid=$!
}
lock_waits() { # file: the share of samples waiting on a lock, and the statement most waited in
  awk -F'|' 'NF >= 2 {n++; if ($1 == "Lock") {w++; top[$2]++}}
    END {best = ""; for (q in top) if (best == "" || top[q] > top[best]) best = q
         printf "%.0f %%%s", (n ? 100 * w / n : 0), (best == "" ? "" : " (" best "…)")}' "$1"
}
us() { awk -v t="$1" -v e="$2" -v k="$tck" 'BEGIN {printf "%.1f", (e > 0 ? t / k * 1e6 / e : 0)}'; }

printf '| workers | accepted ev/s | stored ev/s | 503s | drained after load, s | loss | gateway µs/ev | workers µs/ev | of which ingest / embeddings / LLM log | PostgreSQL µs/ev | PostgreSQL backends waiting on a lock | Redis µs/ev | load generator µs/ev | machine busy |\n' > "$work/table.md"
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' >> "$work/table.md"
for n in $(seq 1 "$workers"); do
  port=$(free_port)
  log "worker $n on port $port"
  start_role worker "$port" "$work/worker$n.log"
  worker_pids+=("${pids[-1]}")
  # why: each phase starts from the same table state, as autovacuum would give (it may be off here)
  psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -qc "vacuum analyze" >/dev/null
  log "warm-up ${warmup} s with $n worker(s)"
  load "$warmup" "$work/warm$n.txt"; wait "$load_pid"
  log "run with $n worker(s): ${seconds} s closed loop, then until the stored count catches up"
  read -r b0 a0 < <(machine_busy)
  g0=$(cpu_of "$gateway_pid") w0=$(cpu_of "${worker_pids[@]}") p0=$(pg_cpu) r0=$(redis_cpu)
  read -r i0 e0 m0 < <(split_cpu "${worker_pids[@]}")
  load "$seconds" "$work/run$n.txt"
  lock_sampler "$work/locks$n.txt"
  l1=0
  # why: an exited, not yet reaped process reads 0 ticks; keep the largest reading
  while kill -0 "$load_pid" 2>/dev/null; do c=$(cpu_of "$load_pid"); ((c > l1)) && l1=$c; sleep 0.5; done
  wait "$load_pid" || { cat "$work/run$n.txt" >&2; log "the load generator failed"; exit 1; }
  kill "$sampler_pid" 2>/dev/null || true
  read -r b1 a1 < <(machine_busy)
  g1=$(cpu_of "$gateway_pid") w1=$(cpu_of "${worker_pids[@]}") p1=$(pg_cpu) r1=$(redis_cpu)
  read -r i1 e1 m1 < <(split_cpu "${worker_pids[@]}")
  events=$(field 's/^accepted events: \([0-9]*\) .*/\1/p' "$work/run$n.txt")
  acc=$(field 's/^accepted events: [0-9]* (\([0-9]*\) events\/s)/\1/p' "$work/run$n.txt")
  sto=$(field 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$work/run$n.txt")
  drain=$(field 's/^drained \([0-9.]*\) s after the load.*/\1/p' "$work/run$n.txt")
  loss=$(grep -q 'zero loss' "$work/run$n.txt" && echo "zero" || echo "MISMATCH")
  refused=$(field 's/^statuses: .*503=\([0-9]*\).*/\1/p' "$work/run$n.txt")
  busy=$(awk -v b=$((b1 - b0)) -v a=$((a1 - a0)) 'BEGIN {printf "%.0f %%", 100 * b / a}')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$acc" "$sto" "${refused:-0}" "${drain:-n/a}" "$loss" \
    "$(us $((g1 - g0)) "$events")" "$(us $((w1 - w0)) "$events")" \
    "$(us $((i1 - i0)) "$events") / $(us $((e1 - e0)) "$events") / $(us $((m1 - m0)) "$events")" "$(us $((p1 - p0)) "$events")" \
    "$(lock_waits "$work/locks$n.txt")" \
    "$(us $((r1 - r0)) "$events")" "$(us "$l1" "$events")" "$busy" >> "$work/table.md"
done

[[ ${VERIFY:-1} == 0 ]] && { echo; echo "## cloud scale-out: $(date -u +%FT%TZ)"; echo; cat "$work/table.md"; exit 0; }
# why: as autovacuum would (it may be off here): without statistics the per-session reads of the range
# verification plan badly
psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -qc "vacuum analyze" >/dev/null
log "verifying every org's hash chains through GET /api/audit/verify"
t1=$(date -u -d '+1 hour' +%FT%TZ)
chains="| org key | sessions verified | events verified | valid |\n|---|---|---|---|\n"
ok=true
IFS=, read -ra keys <<< "$BENCH_KEYS"
for k in "${keys[@]}"; do
  report=$(curl -s --max-time 600 -H "Authorization: Bearer $k" "http://127.0.0.1:$gw_port/api/audit/verify?from=$t0&to=$t1")
  valid=$(sed -n 's/.*"valid":\([a-z]*\).*/\1/p' <<< "$report")
  [[ $valid == true ]] || ok=false
  chains+="| ${k:0:12}… | $(sed -n 's/.*"sessionsVerified":\([0-9]*\).*/\1/p' <<< "$report") | $(sed -n 's/.*"totalEvents":\([0-9]*\).*/\1/p' <<< "$report") | ${valid:-error: ${report:0:200}} |\n"
done

echo
echo "## cloud scale-out: $(date -u +%FT%TZ), $(nproc) cores, 1 gateway + 1..$workers workers, $connections connections × $batch events, ${seconds} s runs"
echo
cat "$work/table.md"
echo
echo "CPU per stored event: CPU seconds each component used from the start of the load until the stored count caught up, divided by the events stored. Events/s per core = 1,000,000 / (µs per event)."
echo
printf "%b" "$chains"
$ok || { log "a hash chain did not verify"; exit 1; }
