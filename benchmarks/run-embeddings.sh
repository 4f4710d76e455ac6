#!/usr/bin/env bash
# Embedding figures (issue 12), one command:
#  (a) throughput of the in-process model (all-MiniLM-L6-v2 quantized, ONNX), batches of 32, one thread as the
#      embedding worker runs it (EmbeddingThroughputBenchmark);
#  (b) the embedding worker under a 10,000 events/s burst, in process (EmbeddingBacklogBenchmark): what the
#      listener call costs the ingest worker, the backlog's peak, drops, and the time it drains after the burst;
#  (c) with --server: the packaged self-hosted launcher under the LoadGenerator at --rate events/s, once with
#      AGENTLENS_EMBEDDING_PROVIDER=none and once with onnx, alternating --pairs times: the stored-rate ratio
#      (target >= 0.9), the backlog's peak from /metrics and how long it takes to drain after the load stops.
#      Needs a server that has an EmbeddingStore; without one the worker stays off and (c) says so.
# Usage (from anywhere):
#   benchmarks/run-embeddings.sh [--batches 100] [--rate 10000] [--seconds 10] [--server] [--pairs 2]
# Needs a JDK 17 (and curl, python3 for --server). Set SKIP_BUILD=1 to reuse the last build.
set -euo pipefail
cd "$(dirname "$0")/.."

batches=100 rate=10000 seconds=10 server=0 pairs=2
while [[ $# -gt 0 ]]; do
  case $1 in
    --batches) batches=$2; shift ;; --rate) rate=$2; shift ;; --seconds) seconds=$2; shift ;;
    --pairs) pairs=$2; shift ;; --server) server=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[run-embeddings] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-embeddings-XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  log "building the launcher and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q ${MVNW_OPTS:-} -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)

echo "## embeddings: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "(a) in-process model throughput, $batches batches of 32"
echo "(a) $(java -Xmx1g -cp "$CP" ai.agentlens.benchmarks.EmbeddingThroughputBenchmark "$batches" 32 10 | tail -1)"
log "(b) worker under a $rate events/s burst for $seconds s, in process"
echo "(b) $(java -Xmx2g -cp "$CP" ai.agentlens.benchmarks.EmbeddingBacklogBenchmark "$rate" "$seconds" 10000 600 | tail -1)"

[[ $server == 1 ]] || exit 0

token=bench-$RANDOM$RANDOM
start_server() { # provider
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  url=http://127.0.0.1:$port
  rm -rf "$work/data"
  key=$(java -jar app-selfhosted/target/agentlens-selfhosted.jar keys create --org default --data-dir "$work/data" | tail -1)
  AGENTLENS_DATA_DIR=$work/data AGENTLENS_PORT=$port AGENTLENS_EMBEDDING_PROVIDER=$1 AGENTLENS_METRICS_TOKEN=$token \
    java -Xmx2g -jar app-selfhosted/target/agentlens-selfhosted.jar > "$work/server-$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fs "$url/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/api/ready" >/dev/null || { cat "$work/server-$1.log" >&2; log "server did not become ready"; exit 1; }
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }
metric() { curl -fs -H "Authorization: Bearer $token" "$url/metrics" | awk -v m="$1" '$1 == m {print $2}' | head -1; }
stored_rate() { sed -n 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$1" | head -1; }

printf '| pair | embeddings off, stored ev/s | on, stored ev/s | ratio | backlog peak | dropped | drain after load |\n|---|---|---|---|---|---|---|\n'
for p in $(seq 1 "$pairs"); do
  start_server none
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "$url" --key "$key" --seconds "$seconds" \
    --rate "$rate" --connections 32 --batch 100 > "$work/off$p.txt"
  off=$(stored_rate "$work/off$p.txt"); stop_server
  start_server onnx
  peak=0
  ( while sleep 0.5; do metric agentlens_embedding_backlog; done ) > "$work/backlog$p.txt" &
  sampler=$!
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "$url" --key "$key" --seconds "$seconds" \
    --rate "$rate" --connections 32 --batch 100 > "$work/on$p.txt"
  on=$(stored_rate "$work/on$p.txt")
  t0=$(date +%s.%N) drained=""
  for _ in $(seq 1 1200); do
    b=$(metric agentlens_embedding_backlog); b=${b%.*}
    [[ ${b:-1} == 0 ]] && { drained=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f s", b-a}'); break; }
    sleep 0.5
  done
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -g "$work/backlog$p.txt" | tail -1)
  embedded=$(metric agentlens_embedding_embedded_total)
  dropped=$(metric agentlens_embedding_dropped_total)
  [[ ${embedded%.*} -gt 0 ]] || drained="nothing embedded: this server has no EmbeddingStore"
  stop_server
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$p" "$off" "$on" \
    "$(awk -v a="$off" -v b="$on" 'BEGIN {printf "%.2f", b/a}')" "${peak%.*}" "${dropped%.*}" "${drained:-not within 600 s}"
done
