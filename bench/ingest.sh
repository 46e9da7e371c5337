#!/usr/bin/env bash
# SecureRag — ingestion benchmark, end to end through the Gateway.
#
# Starts the AppHost from its build output (builds only the benchmark client: run `dotnet build SecureRag.sln -c Release`
# first) on a fresh data directory, exchanges the bootstrap credential for an operator key, creates a tenant, a knowledge
# base that approves automatically and an editor's API key through the public API, uploads the generated documents
# (multipart, as a client would) and waits until every one is indexed; then uploads one generated PDF and waits for it.
# Stops the AppHost afterwards. With SECURERAG_GATEWAY and SECURERAG_OWNER_KEY set, uses that running platform instead.
#
# Usage: bench/ingest.sh [--docs N] [--doc-bytes B] [--pdf-mb M] [--concurrency C] [--config Release|Debug]
#   defaults: 10,000 documents of about 5 KB, 16 uploads at a time, one 50 MB PDF.
# Prints:
#   docs_per_s=<n> mb_per_s=<x> peak_rss_mb=<m>   (peak resident memory of the Ingestion process, sampled every 100 ms)
#   pdf_mb=<x> pdf_seconds=<s> upload_seconds=<s> chunks=<n> state=<s> peak_rss_mb=<m>
set -euo pipefail

CONFIG=Release
DOCS=10000
DOC_BYTES=5120
PDF_MB=50
CONCURRENCY=16
while [ "$#" -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --doc-bytes) DOC_BYTES="$2"; shift 2 ;;
    --pdf-mb) PDF_MB="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --config) CONFIG="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ingest.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$ROOT/bench/Ingestion.Bench" -c Release --nologo -v quiet >/dev/null
BENCH=(dotnet "$ROOT/bench/Ingestion.Bench/bin/Release/net10.0/Ingestion.Bench.dll")
ARGS=(--docs "$DOCS" --doc-bytes "$DOC_BYTES" --pdf-mb "$PDF_MB" --concurrency "$CONCURRENCY")

if [ -n "${SECURERAG_GATEWAY:-}" ] && [ -n "${SECURERAG_OWNER_KEY:-}" ]; then
  exec "${BENCH[@]}" e2e "$SECURERAG_GATEWAY" --owner-key "$SECURERAG_OWNER_KEY" "${ARGS[@]}"
fi

# The benchmark is one tenant and one user uploading fast: lift the per-user and per-tenant request limits for it.
source "$ROOT/bench/lib/platform.sh"
start_platform ingest-bench Auth__DefaultLimits__UserRequestsPerMinute=1000000 Auth__DefaultLimits__ApiKeyRequestsPerMinute=1000000 \
  Auth__DefaultLimits__TenantRequestsPerMinute=1000000
GATEWAY="$(instance_http gateway-0)"
INGESTION_PID="$(instance_pid ingestion-0)"
[ -n "$GATEWAY" ] || { echo "ingest.sh: no Gateway process or endpoint under the AppHost" >&2; exit 1; }
"${BENCH[@]}" e2e "$GATEWAY" --bootstrap "$CREDENTIAL" "${ARGS[@]}" ${INGESTION_PID:+--ingestion-pid "$INGESTION_PID"}
