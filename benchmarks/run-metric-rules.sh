#!/usr/bin/env bash
# Ingest throughput with 20 enabled metric guardrail rules vs none, in one sitting (issue 11): the packaged
# self-hosted launcher under the LoadGenerator, a warm-up, then pairs of closed-loop runs — one with no rule,
# one with 20 global metric rules created through POST /api/guardrails (deleted again after it) — and the
# ratio of the median stored rates. Alternating the two kinds of run keeps drift (JIT, a growing database,
# other load) out of the ratio. Usage (from anywhere):
#   benchmarks/run-metric-rules.sh [--seconds 30] [--pairs 3] [--warmup 15] [--connections 64] [--batch 100]
# SERVER_JAVA_OPTS adds JVM options to the server (e.g. -XX:StartFlightRecording=filename=/tmp/m.jfr,settings=profile).
# Needs a JDK 17, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 pairs=3 warmup=15 connections=64 batch=100
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) seconds=$2 ;; --pairs) pairs=$2 ;; --warmup) warmup=$2 ;;
    --connections) connections=$2 ;; --batch) batch=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

log() { printf '[run-metric-rules] %s\n' "$*" >&2; }
work=$(mktemp -d /tmp/agentlens-metric-rules-XXXXXX)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  log "building the launcher and the benchmarks (no install; -am builds what they need)"
  ./mvnw -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port

key=$(java -jar app-selfhosted/target/agentlens-selfhosted.jar keys create --org default --data-dir "$work/data" | tail -1)
AGENTLENS_DATA_DIR=$work/data AGENTLENS_PORT=$port \
  java -Xmx2g ${SERVER_JAVA_OPTS:-} -jar app-selfhosted/target/agentlens-selfhosted.jar > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -fs "$url/api/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$url/api/ready" >/dev/null || { cat "$work/server.log" >&2; log "server did not become ready"; exit 1; }

load() { # seconds
  java -Xmx1g -cp "$CP" ai.agentlens.bench.LoadGenerator --url "$url" --key "$key" \
    --seconds "$1" --connections "$connections" --batch "$batch"
}
stored_rate() { sed -n 's/.*accepted-and-stored rate \([0-9]*\) events\/s/\1/p' "$1" | head -1; }
# CPU ticks (user + system) of the whole server and of its guardrail evaluation threads: on a busy machine
# the throughput ratio is noisy, the share of the server's CPU that evaluation takes is not
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
guard_ticks() {
  local t sum=0
  for t in /proc/"$server_pid"/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == guardrails-* ]]; then
      sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)))
    fi
  done
  echo "$sum"
}

# 20 global metric rules over every metric condition, not dry-run, actions that do not stop ingest;
# thresholds that the load reaches (so triggers, cooldowns, history and audit are part of the cost) and
# ones it does not
rules=(
  '"conditionType":"error_rate_threshold","conditionConfig":{"threshold":1,"windowMinutes":5}'
  '"conditionType":"error_rate_threshold","conditionConfig":{"threshold":30,"windowMinutes":5}'
  '"conditionType":"error_rate_threshold","conditionConfig":{"threshold":50,"windowMinutes":15}'
  '"conditionType":"error_rate_threshold","conditionConfig":{"threshold":90,"windowMinutes":60}'
  '"conditionType":"cost_limit","conditionConfig":{"maxCostUsd":0.01,"scope":"session"}'
  '"conditionType":"cost_limit","conditionConfig":{"maxCostUsd":10,"scope":"session"}'
  '"conditionType":"cost_limit","conditionConfig":{"maxCostUsd":1,"scope":"daily"}'
  '"conditionType":"cost_limit","conditionConfig":{"maxCostUsd":1000,"scope":"daily"}'
  '"conditionType":"health_score_threshold","conditionConfig":{"minScore":50,"windowDays":7}'
  '"conditionType":"health_score_threshold","conditionConfig":{"minScore":99,"windowDays":1}'
  '"conditionType":"health_score_threshold","conditionConfig":{"minScore":30,"windowDays":30}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"event_count","operator":"gt","value":100}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"event_count","operator":"gt","value":1000000}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"error_count","operator":"gte","value":1}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"error_count","operator":"gt","value":10000,"windowMinutes":60}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"session_count","operator":"gt","value":5}'
  '"conditionType":"custom_metric","conditionConfig":{"metricName":"session_count","operator":"lt","value":1}'
  '"conditionType":"custom_metric","conditionConfig":{"metricKeyPath":"usage.inputTokens","operator":"gt","value":100}'
  '"conditionType":"custom_metric","conditionConfig":{"metricKeyPath":"latencyMs","operator":"gt","value":5000}'
  '"conditionType":"error_rate_threshold","conditionConfig":{"threshold":5,"windowMinutes":1}'
)
ids=()
create_rules() {
  ids=()
  local i=0
  for r in "${rules[@]}"; do
    i=$((i + 1))
    local action=$([[ $((i % 2)) == 0 ]] && echo alert || echo log_and_continue)
    local body="{\"name\":\"bench-$i\",\"dryRun\":false,\"cooldownMinutes\":1,\"actionType\":\"$action\",$r}"
    local out
    out=$(curl -fsS -X POST "$url/api/guardrails" -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/json' -d "$body") || { log "rule $i refused: $body"; exit 1; }
    ids+=("$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$out")")
  done
}
delete_rules() {
  for id in "${ids[@]}"; do
    curl -fsS -o /dev/null -X DELETE "$url/api/guardrails/$id" -H "Authorization: Bearer $key"
  done
  ids=()
}

log "warm-up ${warmup} s (no rule)"
load "$warmup" > "$work/warmup.txt"
none=() twenty=() shares=() ratios=()
printf '| pair | no rule, stored ev/s | 20 metric rules, stored ev/s | ratio | evaluation share of server CPU |\n|---|---|---|---|---|\n' > "$work/table.md"
for p in $(seq 1 "$pairs"); do
  log "pair $p of $pairs: ${seconds} s with no rule"
  load "$seconds" > "$work/none$p.txt"
  a=$(stored_rate "$work/none$p.txt")
  create_rules
  log "pair $p of $pairs: ${seconds} s with ${#ids[@]} metric rules"
  s0=$(server_ticks) g0=$(guard_ticks)
  load "$seconds" > "$work/rules$p.txt"
  s1=$(server_ticks) g1=$(guard_ticks)
  b=$(stored_rate "$work/rules$p.txt")
  delete_rules
  share=$(awk -v g=$((g1 - g0)) -v s=$((s1 - s0)) 'BEGIN {printf "%.1f", (s > 0 ? 100 * g / s : 0)}')
  shares+=("$share")
  none+=("$a") twenty+=("$b")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b/a}')
  ratios+=("$ratio")
  printf '| %s | %s | %s | %.2f | %s %% |\n' "$p" "$a" "$b" "$ratio" "$share" >> "$work/table.md"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m0=$(median "${none[@]}") m20=$(median "${twenty[@]}") mr=$(median "${ratios[@]}") ms=$(median "${shares[@]}")
dropped=$(grep -c 'guardrail evaluation queue full' "$work/server.log" || true)

echo
echo "## metric rules, self-hosted: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/table.md"
echo
echo "| figure | value |"
echo "|---|---|"
echo "| median stored events/s, no rule | $m0 |"
echo "| median stored events/s, 20 metric rules | $m20 |"
echo "| ratio of the medians | $(awk -v a="$m0" -v b="$m20" 'BEGIN {printf "%.2f", b/a}') |"
echo "| median of the pair ratios (target >= 0.9) | $(awk -v r="$mr" 'BEGIN {printf "%.2f", r}') |"
echo "| median share of the server's CPU spent evaluating rules (CPU-bound bound on the loss) | $ms % |"
echo "| server log lines: evaluation queue full (dropped evaluations) | $dropped |"
