#!/usr/bin/env bash
# Retrieval quality on a test collection in the shared format (docs.jsonl, queries.jsonl, qrels.tsv, optional
# exclude.tsv): indexes it into a fresh knowledge base of a private PostgreSQL through the Retrieval service's write
# RPCs (hashed embedder, 300-word chunks), runs every query through Search over gRPC under a principal assertion,
# scores each document by its best chunk (top 200 chunks) and prints, for lexical-only, dense-only and fused search,
#   lexical-only nDCG@10=<x> Recall@100=<y> queries=<n>
#   dense-only nDCG@10=<x> Recall@100=<y> queries=<n>
#   nDCG@10=<x> Recall@100=<y> queries=<n>        <- fused: the default configuration, last
# Usage: bench/retrieval-quality.sh <collection-dir>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: bench/retrieval-quality.sh <collection-dir>" >&2; exit 2; }
dir=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
dotnet build bench/Retrieval.Bench -c Release --nologo -v quiet >/dev/null
exec dotnet bench/Retrieval.Bench/bin/Release/net10.0/Retrieval.Bench.dll quality "$dir"
