#!/usr/bin/env bash
# Soak (issue 19): the packaged launcher at a steady rate (by default about half its sustained rate) for N
# minutes, in 60-s load chunks back to back, sampling every 10 s the process's resident memory (RSS), the heap
# outside eden (survivors + old generation from jstat: what the last collections kept, plus what was promoted
# since), the heap committed (jstat), heap in use (Micrometer), threads, open files and the database's size. The
# heap is committed and touched at start (-Xms = -Xmx, AlwaysPreTouch), so RSS growth is memory outside the heap.
# Every 5 minutes, between two load chunks, a full GC is forced and the old generation read: the live heap.
# Prints the samples' slopes per hour after the warm-up (least squares) and the 202 p95
# per chunk, first third against last third: no upward trend beyond warm-up and a stable p95 is the pass.
# Usage (from anywhere):
#   benchmarks/run-soak.sh selfhosted|cloud [--minutes 30] [--rate 6000|3000] [--warmup-minutes 5]
# Needs a JDK 17, curl, python3; cloud needs PostgreSQL and Redis (found like the tests). SKIP_BUILD=1 reuses
# the last build; SOAK_NMT=1 turns on Native Memory Tracking and prints what grew outside the heap after the
# warm-up (NMT baseline at the end of the warm-up, summary.diff at the end). Self-hosted runs with
# MALLOC_ARENA_MAX=2 as the Docker image does; MALLOC_ARENA_MAX= (empty) for glibc's default.
set -euo pipefail
cd "$(dirname "$0")/.."

launcher=${1:-}
[[ $launcher == selfhosted || $launcher == cloud ]] || { echo "usage: $0 selfhosted|cloud [options]" >&2; exit 2; }
shift
minutes=30 warmup=5 rate=$([[ $launcher == selfhosted ]] && echo 6000 || echo 3000)
while [[ $# -gt 0 ]]; do
  case $1 in
    --minutes) minutes=$2 ;; --rate) rate=$2 ;; --warmup-minutes) warmup=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

log() { printf '[run-soak] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-soak-XXXXXX)
server_pid="" sampler_pid=""
cleanup() {
  [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
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
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token=soak-$RANDOM$RANDOM
# why: with the whole heap committed and touched at start, RSS growth can only be memory outside the heap
# (a JVM growing its heap towards -Xmx raises RSS for half an hour and looks like a leak)
HEAP="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"
# why: RSS growth outside the fixed heap needs Native Memory Tracking to be attributed (a few % CPU)
[[ ${SOAK_NMT:-} == 1 ]] && HEAP="$HEAP -XX:NativeMemoryTracking=summary"
export AGENTLENS_METRICS_TOKEN=$token AGENTLENS_EMBEDDING_PROVIDER=${AGENTLENS_EMBEDDING_PROVIDER:-none}

if [[ $launcher == selfhosted ]]; then
  key=$(java -jar app-selfhosted/target/agentlens-selfhosted.jar keys create --org default --data-dir "$work/data" | tail -1)
  # why: as the Docker image ships it; without it glibc's per-thread arenas grow RSS ~40 MiB/h (docs/reliability.md);
  # MALLOC_ARENA_MAX= (empty) runs with glibc's default to see that
  AGENTLENS_DATA_DIR=$work/data AGENTLENS_PORT=$port MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2} \
    java $HEAP -jar app-selfhosted/target/agentlens-selfhosted.jar > "$work/server.log" 2>&1 &
  db_size() { du -sb "$work/data" | cut -f1; }
else
  # why: the setup also logs (Flyway) on standard output; only its export lines are for the shell
  eval "$(java -cp "$CP" ai.agentlens.bench.CloudBenchSetup 4 | grep "^export ")"
  key=$BENCH_KEYS
  AGENTLENS_REDIS_URL=${AGENTLENS_TEST_REDIS_URL:-redis://127.0.0.1:6379} AGENTLENS_PORT=$port \
    java $HEAP -Dagentlens.redis.key-prefix="soak-$(date +%s):" -jar app-cloud/target/agentlens-cloud.jar \
    > "$work/server.log" 2>&1 &
  db_size() { psql -h 127.0.0.1 -U postgres -Atc "select pg_database_size('$BENCH_DB')"; }
fi
server_pid=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/api/ready" >/dev/null || { cat "$work/server.log" >&2; log "server did not become ready"; exit 1; }

metric_sum() { # name [label filter]
  curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" \
    | awk -v m="$1" -v f="${2:-}" 'index($1, m) == 1 && (f == "" || index($1, f) > 0) {s += $NF} END {printf "%.0f", s}'
}
start=$(date +%s)
sample() {
  local t0=$start
  while sleep 10; do
    local rss threads fds
    rss=$(awk '/^VmRSS/ {print $2 * 1024}' "/proc/$server_pid/status")
    threads=$(awk '/^Threads/ {print $2}' "/proc/$server_pid/status")
    fds=$(ls "/proc/$server_pid/fd" | wc -l)
    printf '%s %s %s %s %s %s %s %s\n' "$(( $(date +%s) - t0 ))" "$rss" \
      "$(jstat -gc "$server_pid" | awk 'NR == 2 {printf "%.0f", ($3 + $4 + $8) * 1024}')" \
      "$(jstat -gc "$server_pid" | awk 'NR == 2 {printf "%.0f", ($1 + $2 + $5 + $7) * 1024}')" \
      "$(metric_sum jvm_memory_used_bytes 'area="heap"')" \
      "$threads" "$fds" "$(db_size)"
  done
}
sample > "$work/samples.txt" &
sampler_pid=$!

log "$minutes minutes at $rate events/s ($launcher), 60-s chunks; warm-up: the first $warmup minutes"
for i in $(seq 1 "$minutes"); do
  java -Xmx512m -cp "$CP" ai.agentlens.bench.LoadGenerator --url "http://127.0.0.1:$port" --key "$key" \
    --seconds 60 --rate "$rate" --connections 16 --batch 100 > "$work/chunk$i.txt"
  p95=$(sed -n 's/^202 latency ms: .*p95 \([0-9.]*\) .*/\1/p' "$work/chunk$i.txt" | head -1)
  acc=$(sed -n 's/^accepted events: [0-9]* (\([0-9]*\) events\/s)/\1/p' "$work/chunk$i.txt" | head -1)
  loss=$(grep -q 'zero loss' "$work/chunk$i.txt" && echo 0 || echo 1)
  echo "$i $acc $p95 $loss" >> "$work/chunks.txt"
  if (( i % 5 == 0 )); then
    # why: the heap's live set is only known right after a full collection; forced between two load
    # chunks every 5 minutes, so no chunk's p95 carries the pause
    jcmd "$server_pid" GC.run > /dev/null
    echo "$(( $(date +%s) - start )) $(jstat -gc "$server_pid" | awk 'NR == 2 {printf "%.0f", $8 * 1024}')" \
      >> "$work/livegc.txt"
  fi
  if [[ ${SOAK_NMT:-} == 1 && $i == "$warmup" ]]; then
    jcmd "$server_pid" VM.native_memory baseline > /dev/null
  fi
  log "minute $i: $acc events/s accepted, 202 p95 $p95 ms$([[ $loss == 0 ]] || echo ', STORED != ACCEPTED')"
done
kill "$sampler_pid" 2>/dev/null || true; sampler_pid=""
if [[ ${SOAK_NMT:-} == 1 ]]; then
  jcmd "$server_pid" VM.native_memory summary.diff scale=KB > "$work/nmt.txt" 2>&1 || true
fi

echo
echo "## soak, $launcher: $(date -u +%FT%TZ), $minutes min at $rate events/s, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
touch "$work/livegc.txt"
python3 - "$work/samples.txt" "$work/chunks.txt" "$warmup" "$work/livegc.txt" <<'PY'
import sys, statistics
samples = [list(map(float, l.split())) for l in open(sys.argv[1]) if len(l.split()) == 8]
live = [list(map(float, l.split())) for l in open(sys.argv[4]) if len(l.split()) == 2]
chunks = [l.split() for l in open(sys.argv[2])]
warm = float(sys.argv[3]) * 60
names = ["RSS MiB", "heap outside eden MiB", "heap committed MiB", "heap in use MiB", "threads", "open files",
         "database MiB"]
scale = [2**20, 2**20, 2**20, 2**20, 1, 1, 2**20]
kept = [s for s in samples if s[0] >= warm]
def row(name, xs, ys):
    if len(xs) < 3:
        print(f"| {name} | too few samples | | | | |"); return
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0
    print(f"| {name} | {ys[0]:.1f} | {ys[-1]:.1f} | {min(ys):.1f} | {max(ys):.1f} | {slope:+.1f} |")
print()
print("| series (every 10 s after the warm-up) | first | last | min | max | slope per hour |")
print("|---|---|---|---|---|---|")
for k, name in enumerate(names):
    row(name, [s[0] / 3600 for s in kept], [s[k + 1] / scale[k] for s in kept])
gc = [g for g in live if g[0] >= warm]
row("live heap after a full GC MiB (every 5 min)", [g[0] / 3600 for g in gc], [g[1] / 2**20 for g in gc])
p95 = [float(c[2]) for c in chunks if len(c) > 2 and c[2]]
third = max(1, len(p95) // 3)
print()
print("| figure | value |")
print("|---|---|")
print(f"| minutes with stored != accepted | {sum(int(c[3]) for c in chunks if len(c) > 3)} of {len(chunks)} |")
print(f"| accepted events/s, median of the minutes | {statistics.median(float(c[1]) for c in chunks if len(c) > 1 and c[1]):.0f} |")
print(f"| 202 p95 ms, median of the first third / last third of the minutes | {statistics.median(p95[:third]):.1f} / {statistics.median(p95[-third:]):.1f} |")
print(f"| 202 p95 ms, worst minute | {max(p95):.1f} |")
PY
if [[ -s $work/nmt.txt ]]; then
  echo
  echo "Native memory since the end of the warm-up (NMT summary.diff; committed KB, change in brackets):"
  echo
  echo '```'
  grep -E '^(Total|-  *[A-Za-z ]+ \(reserved)' "$work/nmt.txt" | sed 's/^-  *//'
  echo '```'
fi
