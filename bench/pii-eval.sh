#!/usr/bin/env bash
# Recall and precision of the output rail's personal-data detectors on a span-labelled JSONL file (pii-dev.jsonl's
# format), per type (e-mail, phone, card, IBAN, SSN, IP) and overall:
#   bench/pii-eval.sh <file.jsonl>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/bench/GuardrailEval/GuardrailEval.csproj"
dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
exec dotnet "$root/bench/GuardrailEval/bin/Release/net10.0/GuardrailEval.dll" pii "$@"
