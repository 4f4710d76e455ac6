#!/usr/bin/env bash
# Export and import throughput below HTTP (issue 15): N events (default 1,000,000) of one org stored through
# each backend's EventStore, then OrgExport writes the org to a JSONL file and OrgImport reads it into a second
# org through the ingestion write path (rate limit out of reach). Prints records/s for each step and backend.
# Targets: export >= 50,000 records/s, import >= 20,000 records/s. Then PurgeIngestBenchmark: N events of 400 days
# ago in a Pro org, ingestion into another org through the EventStore (4 threads, batches of 100) for 20 s without a
# purge, while the retention PurgeJob deletes them (paced to PURGE_SHARE=0.2 of the time, batches of
# PURGE_BATCH=1000, stopped after PURGE_SECONDS=60), and 20 s without again; target: the rate during the purge
# >= 0.8 of the mean without. PostgreSQL is found as the tests find it
# (AGENTLENS_TEST_DATABASE_URL, localhost:5432, …). A small N (e.g. 20000) checks that the script works.
# Usage (from anywhere): benchmarks/run-export-import.sh [events=1000000] [backends="sqlite postgres"]
# Needs a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000} backends=${2:-"sqlite postgres"}

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  ./mvnw -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=benchmarks/target/classes:$(cat benchmarks/target/cp.txt)
echo "## export/import: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for backend in $backends; do
  java -Xmx2g -cp "$CP" ai.agentlens.bench.ExportImportBenchmark "$events" "$backend"
  java -Xmx2g -cp "$CP" ai.agentlens.bench.PurgeIngestBenchmark "$events" "$backend" 20 4 \
    "${PURGE_BATCH:-1000}" "${PURGE_SHARE:-0.2}" "${PURGE_SECONDS:-60}"
done
