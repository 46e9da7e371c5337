#!/usr/bin/env bash
# bench/dashboard.sh — the dashboard with a full telemetry store.
#
# Starts the AppHost's hosting library with an empty model and its dashboard (temporary data folder, free loopback
# ports), sends it twice as many spans as it holds (200,000 spans in traces of 10, 100,000 log records: the oldest half
# is dropped on the way) and times each page over HTTP (3 warm-up loads, then 20; request to last byte).
# Prints:  spans_held=… logs_held=… managed_heap_mb=… and one line per page:  page=<name> p50_ms=… p95_ms=… max_ms=…
#          cpu_ms=<CPU time of the process per load, less sensitive to other load on the machine> kb=<page size>
#
# Usage: bench/dashboard.sh [--spans N] [--logs N] [--max-spans N] [--max-logs N] [--spans-per-trace N] [--requests N]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
dotnet build bench/Dashboard.Bench -c Release -nologo -v quiet >/dev/null
exec dotnet bench/Dashboard.Bench/bin/Release/net10.0/Dashboard.Bench.dll "$@"
