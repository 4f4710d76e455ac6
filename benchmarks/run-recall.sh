#!/usr/bin/env bash
# Recall latency below HTTP (issue 12): 100,000 embedded events (384 seeded random floats each) stored in one
# org through each backend's EmbeddingStore, then Recall timed with the reference's cap of 10,000 newest
# candidates and with every row (100,000) as candidates; in-process cosine ranking on both backends.
# PostgreSQL is found as the tests find it (AGENTLENS_TEST_DATABASE_URL, localhost:5432, …).
# Usage (from anywhere): benchmarks/run-recall.sh [events=100000] [rounds=30]
# Needs a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000} rounds=${2:-30}

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
echo "## recall: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for backend in sqlite postgres; do
  java -Xmx2g -cp "$CP" ai.agentlens.bench.RecallProbe "$events" "$rounds" "$backend" 10000,100000
done
