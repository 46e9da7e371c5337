#!/usr/bin/env bash
# Quality of a guardrail rail on a {"text","label"} JSONL file, through the product's own scanning code:
#   bench/guardrail-eval.sh <file.jsonl> --rail input|context|output [--held-out] [--verbose]
# Prints 95% confidence intervals, then: TPR=<x> FPR=<y> pos=<n> neg=<m> p50_us=<t> overlap=<k>
# (overlap: texts the rail's classifier was trained on; --held-out scores only the others).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/GuardrailEval/GuardrailEval.csproj"
dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet "$root/bench/GuardrailEval/bin/Release/net10.0/GuardrailEval.dll" eval "$@"
