#!/usr/bin/env bash
# Ingest throughput with the LLM request recorder (pairing + risk scoring + the request log) on vs off, in one
# sitting (issue 17, target >= 0.9): a packaged launcher under the LoadGenerator (whose batches hold
# llm_call/llm_response pairs), in pairs of runs — one with agentlens.llm-requests.record=false, one with the
# default — each on a fresh data directory with its own warm-up, alternating which goes first so drift (JIT of
# the load generator, page cache, other load) does not sit on one side. Prints the pairs, the ratio of the
# medians, the median pair ratio, the recorder thread's share of the server's CPU, and for the 'on' side how
# many LLM events it logged during the load, how long after the load it took to log the rest (the recorder
# reads the inbox the event store fills, so nothing is dropped: it lags and catches up), and — read from the
# database after the server stopped — the LLM events stored, the request rows and the inbox rows left (0).
# Usage (from anywhere):
#   benchmarks/run-llm-scoring.sh [selfhosted|cloud] [--seconds 30] [--pairs 3] [--warmup 15] [--connections 64] [--batch 100] [--rate R]
# --rate R offers R events/s instead of saturating (e.g. half the saturated rate): then the question is whether
# the recorder keeps up during the load (catch-up near 0 s), not the ratio.
# cloud runs the 'all' role on a fresh PostgreSQL database and Redis key prefix per run (found like the tests:
# AGENTLENS_TEST_* or localhost), with the gateway's queue bound of run-ingest.sh (--queue-depth, default 1200 stream entries).
# Needs a JDK 17, curl and python3 (cloud: psql). SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=selfhosted
if [[ ${1:-} == selfhosted || ${1:-} == cloud ]]; then launcher=$1; shift; fi

seconds=30 pairs=3 warmup=15 connections=64 batch=100 offered="" queue_depth=1200
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2 ;; --pairs) pairs=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;; --rate) offered=$2 ;;
    --queue-depth) queue_depth=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

token=bench-$RANDOM$RANDOM
log() { printf '[run-llm-scoring] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-llm-scoring-XXXXXX)
server_pid=""
stop_server() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
drop_database() { # cloud: the run's database and roles
  if [[ -n ${BENCH_DB:-} ]]; then
    psql -h 127.0.0.1 -U postgres -qc "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
    for r in ${BENCH_ROLES:-}; do psql -h 127.0.0.1 -U postgres -qc "drop role if exists $r" >/dev/null 2>&1 || true; done
  fi
  BENCH_DB="" BENCH_ROLES=""
}
cleanup() { stop_server; drop_database; rm -rf "$work"; }
trap cleanup EXIT

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  log "building the launcher and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q -pl benchmarks,app-cloud -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
JAR=app-selfhosted/target/agentlens-selfhosted.jar

start_server() { # record: true|false; sets url, key, server_pid, data
  local port
  data=$work/data-$RANDOM$RANDOM
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url=http://127.0.0.1:$port
  if [[ $launcher == selfhosted ]]; then
    key=$(java -jar "$JAR" keys create --org default --data-dir "$data" | tail -1)
    AGENTLENS_DATA_DIR=$data AGENTLENS_PORT=$port AGENTLENS_EMBEDDING_PROVIDER=none AGENTLENS_METRICS_TOKEN=$token \
      java -Xmx2g -Dagentlens.llm-requests.record="$1" -jar "$JAR" > "$work/server.log" 2>&1 &
  else
    # why: the setup also logs (Flyway) on standard output; only its export lines are for the shell
    eval "$(java -cp "$CP" ai.agentlens.bench.CloudBenchSetup 4 | grep "^export ")"
    key=$BENCH_KEYS
    AGENTLENS_REDIS_URL=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379} AGENTLENS_PORT=$port \
      AGENTLENS_EMBEDDING_PROVIDER=none AGENTLENS_METRICS_TOKEN=$token \
      java -Xmx2g -Dagentlens.llm-requests.record="$1" -Dagentlens.ingest.max-queue-depth="$queue_depth" \
      -Dagentlens.audit.signing-key-file="$work/audit-signing.key" \
      -Dagentlens.redis.key-prefix="bench-$RANDOM$RANDOM:" -jar app-cloud/target/agentlens-cloud.jar \
      > "$work/server.log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 1 120); do curl -fs "$url/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/api/ready" >/dev/null || { cat "$work/server.log" >&2; log "server did not become ready"; exit 1; }
}
load() { # seconds
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "$url" --key "$key" \
    --seconds "$1" --connections "$connections" --batch "$batch" ${offered:+--rate "$offered"}
}
stored_rate() { sed -n 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$1" | head -1; }
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
recorder_ticks() {
  local t sum=0
  for t in /proc/"$server_pid"/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == llm-request-rec* ]]; then
      sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$sum"
}
recorded() { # LLM events the recorder wrote since start (0 when it is off)
  curl -fsS "$url/metrics" -H "Authorization: Bearer $token" |
    awk '/^agentlens_llm_requests_recorded / {r = $2} END {printf "%d", r}'
}
catch_up() { # seconds until the recorder's count last moved (then 5 s still), at most 600 s
  local t0 last now still=0 moved
  t0=$(date +%s.%N) last=$(recorded) moved=$t0
  # why: one run can take over a second on a loaded database; 1.5 s still once ended the wait early
  while (( still < 10 )); do
    sleep 0.5
    now=$(recorded)
    if [[ $now == "$last" ]]; then still=$((still + 1)); else still=0 last=$now moved=$(date +%s.%N); fi
    (( $(date +%s) - ${t0%.*} > 600 )) && break
  done
  awk -v a="$t0" -v b="$moved" 'BEGIN {printf "%.1f", b - a}'
}
stored_llm() { # LLM events stored / request rows / inbox rows left, from the stopped server's database
  if [[ $launcher == cloud ]]; then
    psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -tAc "select (select count(*) from events where event_type in
      ('llm_call','llm_response')) || '/' || (select count(*) from llm_requests) || '/' || (select count(*) from
      llm_log_inbox)"
    return
  fi
  python3 - "$data/agentlens.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda s: c.execute(s).fetchone()[0]
print("%d/%d/%d" % (q("select count(*) from events where event_type in ('llm_call','llm_response')"),
                    q("select count(*) from llm_requests"), q("select count(*) from llm_log_inbox")))
PY
}
run() { # record, out-file; prints "rate share logged-during-load catch-up-s stored/rows/left"
  start_server "$1"
  load "$warmup" > "$work/warmup.txt"
  local s0 r0 s1 r1 rate share c0 c1 lag=- db=-
  s0=$(server_ticks) r0=$(recorder_ticks) c0=$(recorded)
  load "$seconds" > "$2"
  s1=$(server_ticks) r1=$(recorder_ticks) c1=$(recorded)
  rate=$(stored_rate "$2")
  share=$(awk -v r=$((r1 - r0)) -v s=$((s1 - s0)) 'BEGIN {printf "%.1f", (s > 0 ? 100 * r / s : 0)}')
  [[ $1 == true ]] && lag=$(catch_up)
  stop_server
  [[ $1 == true ]] && db=$(stored_llm)
  drop_database
  echo "$rate $share $((c1 - c0)) $lag $db"
}

off=() on=() ratios=() shares=()
printf '| pair | recorder off, stored ev/s | recorder on, stored ev/s | ratio | recorder share of server CPU | LLM events logged during the load | catch-up after the load | LLM events stored / request rows / inbox rows left |\n|---|---|---|---|---|---|---|---|\n' > "$work/table.md"
for p in $(seq 1 "$pairs"); do
  if (( p % 2 == 1 )); then
    log "pair $p of $pairs: recorder off, then on (${warmup} s warm-up + ${seconds} s each, fresh data)"
    read -r a _ _ _ _ < <(run false "$work/off$p.txt")
    read -r b share during lag db < <(run true "$work/on$p.txt")
  else
    log "pair $p of $pairs: recorder on, then off"
    read -r b share during lag db < <(run true "$work/on$p.txt")
    read -r a _ _ _ _ < <(run false "$work/off$p.txt")
  fi
  off+=("$a") on+=("$b") shares+=("$share")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b/a}')
  ratios+=("$ratio")
  printf '| %s | %s | %s | %.2f | %s %% | %s | %s s | %s |\n' "$p" "$a" "$b" "$ratio" "$share" "$during" "$lag" "$db" >> "$work/table.md"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m0=$(median "${off[@]}") m1=$(median "${on[@]}") mr=$(median "${ratios[@]}") ms=$(median "${shares[@]}")

echo
echo "## llm scoring, $launcher: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/table.md"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| median stored events/s, recorder off | $m0 |"
echo "| median stored events/s, recorder on | $m1 |"
echo "| ratio of the medians | $(awk -v a="$m0" -v b="$m1" 'BEGIN {printf "%.2f", b/a}') |"
echo "| median of the pair ratios (target >= 0.9) | $(awk -v r="$mr" 'BEGIN {printf "%.2f", r}') |"
echo "| median share of the server's CPU in the recorder thread | $ms % |"
