#!/usr/bin/env bash
# LLM request log (issue 17): risk scoring cost per pair, and full-text search p95 over N stored requests on
# SQLite (FTS5) and PostgreSQL (tsvector + GIN). The issue's target is 1,000,000 requests; the load goes through
# the store port (runs of 250 pairs through recordAll, in `threads` threads; PostgreSQL's probe database commits with
# synchronous_commit=off to load faster), so start small: the default N is 10,000; progress every 100,000.
# PostgreSQL is found as the tests find it (AGENTLENS_TEST_DATABASE_URL, localhost:5432, …).
# Usage (from anywhere): benchmarks/run-llm-search.sh [requests=10000] [rounds=30] [threads=4]
# Needs a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-10000} rounds=${2:-30} threads=${3:-4}

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
echo "## llm requests: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" ai.agentlens.benchmarks.RiskScoringBenchmark 20000 5000
for backend in sqlite postgres; do
  java -Xmx2g -cp "$CP" ai.agentlens.bench.LlmSearchProbe "$requests" "$rounds" "$backend" "$threads"
done
