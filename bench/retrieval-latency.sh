#!/usr/bin/env bash
# Retrieval latency: loads synthetic chunks (default 100,000; documents of 10 chunks, three knowledge bases, access
# lists over 20 groups) into a private PostgreSQL through IndexDocument, then runs hybrid, permission-trimmed Search
# over gRPC with 2,000 generated queries and 50 users (no result cache) and prints
#   qps=<n>                                   saturation throughput, 8 callers back to back for 15 s
#   chunks=<n> p50_ms=<x> p99_ms=<y>          at a fixed offered rate (default 100/s for 30 s), from scheduled start
# Usage: bench/retrieval-latency.sh [--chunks N] [--rate R] [--seconds S] [--queries Q] [--words W] [--set Retrieval:K=V]...
# BENCH_PG_DIR=<dir> keeps the loaded index there; a later run with the same --chunks starts from it without loading.
# BENCH_PG_SETTINGS='a=1;b=2' adds PostgreSQL settings (e.g. shared_preload_libraries=auto_explain to look at plans).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Retrieval.Bench -c Release --nologo -v quiet >/dev/null
exec dotnet bench/Retrieval.Bench/bin/Release/net10.0/Retrieval.Bench.dll latency "$@"
