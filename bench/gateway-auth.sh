#!/usr/bin/env bash
# SecureRag — the Gateway's security layer under load.
#
# Starts the AppHost from its build output (builds only the benchmark client: run `dotnet build SecureRag.sln -c Release`
# first) with two Gateway replicas and the Gateway's benchmark routes (Development only), creates a tenant with 1,000
# API keys through the public API, then drives GET /v1/me (authenticated, rate-limited per key, user and tenant in
# Redis, audited on refusal) from this second process, rotating over every key:
#   1. back to back from 64 callers for 15 s (saturation);
#   2. at a fixed offered rate of 2,000/s for 30 s, first against /bench/me (the same handler with the security layer
#      switched off), then against /v1/me; latency from each request's scheduled start;
#   3. key revocation through replica 0, timed until replica 1 refuses the key (20 rounds).
# Limits are set high enough that nothing is refused, but they are real limits: every request runs the limit script.
# Services log requests at Warning, as ASP.NET Core's production template does (the default Information writes four
# lines per request); traces stay on for every request. BENCH_EXTRA_ENV adds settings of your own (NAME=VALUE ...).
#
# Usage: bench/gateway-auth.sh [--keys 1000] [--settle-seconds 20] [--callers 64] [--saturation-seconds 15] [--rate 2000] [--seconds 30]
#                              [--revocations 20] [--config Release|Debug]
# Prints:
#   rps=<n>
#   p50_ms=<x> p99_ms=<y> overhead_p50_ms=<z>
#   unsecured_p50_ms=<x> unsecured_p99_ms=<y> rate=<r> seconds=<s> errors=<e>
#   redis_commands_per_request=<r> auth_cache_hit_rate=<h> auth_renewals=<n> rate_limit_checks=<n> keys=<k>
#   revocation_p50_ms=<x> revocation_max_ms=<y> rounds=<n>
set -euo pipefail

CONFIG=Release
ARGS=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --config) CONFIG="$2"; shift 2 ;;
    --keys|--settle-seconds|--callers|--saturation-seconds|--rate|--seconds|--revocations) ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gateway-auth.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$ROOT/bench/Gateway.Bench" -c Release --nologo -v quiet >/dev/null
source "$ROOT/bench/lib/platform.sh"
# The revocation rounds present revoked keys on purpose, all from loopback: the failed-attempt limiter is off (0).
# shellcheck disable=SC2086
start_platform gateway-bench ${BENCH_EXTRA_ENV:-} Gateway__Replicas=2 Gateway__AuthFailuresPerMinute=0 Gateway__Benchmark__Enabled=true \
  Auth__DefaultLimits__ApiKeyRequestsPerMinute=1000000 Auth__DefaultLimits__UserRequestsPerMinute=10000000 \
  Auth__DefaultLimits__TenantRequestsPerMinute=100000000
FIRST="$(instance_http gateway-0)"
SECOND="$(instance_http gateway-1)"
[ -n "$FIRST" ] && [ -n "$SECOND" ] || { echo "gateway-auth.sh: the two Gateway replicas were not found under the AppHost" >&2; exit 1; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
INSTANCES=(gateway-0 gateway-1 auth-0 audit-0)
cpu_report "${INSTANCES[@]}" >&2
dotnet "$ROOT/bench/Gateway.Bench/bin/Release/net10.0/Gateway.Bench.dll" "$FIRST" --bootstrap "$CREDENTIAL" --second-gateway "$SECOND" "${ARGS[@]}"
cpu_report "${INSTANCES[@]}" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
