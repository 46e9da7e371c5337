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

DLL="$ROOT/AppHost/bin/$CONFIG/net10.0/AppHost.dll"
[ -f "$DLL" ] || { echo "ingest.sh: $DLL not found; build first: dotnet build SecureRag.sln -c $CONFIG" >&2; exit 2; }
DATA="$(mktemp -d /tmp/securerag-ingest-bench-XXXXXX)"
LOG="$DATA.log"
APPHOST=""
cleanup() {
  if [ -n "$APPHOST" ] && kill -0 "$APPHOST" 2>/dev/null; then kill -TERM "$APPHOST" 2>/dev/null || true; wait "$APPHOST" 2>/dev/null || true; fi
  rm -rf "$DATA" "$LOG"
}
trap cleanup EXIT

# The benchmark is one tenant and one user uploading fast: lift the per-user and per-tenant request limits for it.
Auth__DefaultLimits__UserRequestsPerMinute=1000000 Auth__DefaultLimits__ApiKeyRequestsPerMinute=1000000 \
Auth__DefaultLimits__TenantRequestsPerMinute=1000000 \
AppHost__DataDirectory="$DATA" AppHost__ForwardConsoleOutput=false dotnet "$DLL" >"$LOG" 2>&1 &
APPHOST=$!

for _ in $(seq 1 1200); do
  grep -q 'resources healthy' "$LOG" && break
  kill -0 "$APPHOST" 2>/dev/null || { echo "ingest.sh: the AppHost exited:" >&2; tail -n 40 "$LOG" >&2; exit 1; }
  sleep 0.1
done
grep -q 'resources healthy' "$LOG" || { echo "ingest.sh: the AppHost is not healthy after 120 s:" >&2; tail -n 40 "$LOG" >&2; exit 1; }

# This AppHost's own processes (another platform on the machine may run the same services). Without console forwarding
# the AppHost prints no resource table, so the Gateway's address is read from the endpoint it gave the Gateway.
GATEWAY_PID="$(pgrep -P "$APPHOST" -f 'Gateway\.dll' | head -n 1 || true)"
INGESTION_PID="$(pgrep -P "$APPHOST" -f 'Ingestion\.dll' | head -n 1 || true)"
GATEWAY="$( { [ -n "$GATEWAY_PID" ] && tr '\0' '\n' < "/proc/$GATEWAY_PID/environ"; } | sed -n 's/^Kestrel__Endpoints__http__Url=//p' | head -n 1 || true)"
[ -n "$GATEWAY" ] || { echo "ingest.sh: no Gateway process or endpoint under the AppHost" >&2; exit 1; }
CREDENTIAL="$(cat "$DATA/bootstrap-owner.credential")"
"${BENCH[@]}" e2e "$GATEWAY" --bootstrap "$CREDENTIAL" "${ARGS[@]}" ${INGESTION_PID:+--ingestion-pid "$INGESTION_PID"}
