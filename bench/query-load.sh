#!/usr/bin/env bash
# SecureRag — query load, end to end through the Gateway.
#
# Starts the AppHost from its build output (builds only the benchmark client: run `dotnet build SecureRag.sln -c Release`
# first) on a fresh data directory, exchanges the bootstrap credential for an operator key, creates a tenant and a
# knowledge base, loads it through the public upload API (the real ingestion pipeline) until it holds the requested
# number of chunks, creates an app with the embedded extractive generator and its key, then drives
# POST /v1/apps/{app}/query from this second process with distinct generated questions (the Gateway has no answer
# cache): after a warm-up, first back to back (saturation), then at a fixed offered rate. Stops the AppHost afterwards.
# With SECURERAG_GATEWAY and SECURERAG_OWNER_KEY set, uses that running platform instead.
#
# Usage: bench/query-load.sh [--chunks 100000] [--questions 1000] [--warmup-seconds 30] [--rate 50] [--seconds 60]
#                            [--saturation-seconds 20] [--callers 16] [--upload-concurrency 8] [--config Release|Debug]
# Prints:
#   rps=<n>                                   answered queries per second, callers back to back
#   p50_ms=<x> p99_ms=<y> errors=<e>          at the fixed rate, latency from each request's scheduled start
#   steps: <step>=<share>% ...                share of the pipeline's time per step (from the spans, via Server-Timing)
#   chunks=<n> questions=<q> requests=<r>
set -euo pipefail

CONFIG=Release
ARGS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --config) CONFIG="$2"; shift 2 ;;
    --chunks|--questions|--rate|--seconds|--saturation-seconds|--callers|--upload-concurrency) ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "query-load.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$ROOT/bench/Query.Bench" -c Release --nologo -v quiet >/dev/null
BENCH=(dotnet "$ROOT/bench/Query.Bench/bin/Release/net10.0/Query.Bench.dll")

if [ -n "${SECURERAG_GATEWAY:-}" ] && [ -n "${SECURERAG_OWNER_KEY:-}" ]; then
  exec "${BENCH[@]}" "$SECURERAG_GATEWAY" --owner-key "$SECURERAG_OWNER_KEY" "${ARGS[@]}"
fi

# One app key asking as fast as it can: lift the request limits and token quotas of the standard plan for it.
source "$ROOT/bench/lib/platform.sh"
start_platform query-bench Auth__DefaultLimits__UserRequestsPerMinute=0 Auth__DefaultLimits__ApiKeyRequestsPerMinute=0 \
  Auth__DefaultLimits__TenantRequestsPerMinute=0 Auth__DefaultLimits__ApiKeyTokensPerDay=0 Auth__DefaultLimits__UserTokensPerDay=0 \
  Auth__DefaultLimits__TenantTokensPerDay=0
GATEWAY="$(instance_http gateway-0)"
[ -n "$GATEWAY" ] || { echo "query-load.sh: no Gateway process or endpoint under the AppHost" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"${BENCH[@]}" "$GATEWAY" --bootstrap "$CREDENTIAL" "${ARGS[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
