#!/usr/bin/env bash
# Prints extractive_p50_ms=<x> embed_chunks_per_s=<n>: the extractive generator through gRPC (8 passages of 400
# tokens, the service hosted in-process on a loopback port) and the hashed embedder over 512-token chunks.
# Usage: bench/inference.sh [generations] [chunks]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Inference.Bench -c Release --nologo -v quiet >/dev/null
exec dotnet bench/Inference.Bench/bin/Release/net10.0/Inference.Bench.dll "$@"
