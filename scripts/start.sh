#!/usr/bin/env bash
# Sets up what is missing (Debian packages, pgvector) and starts the whole platform with the AppHost.
# Ctrl+C stops everything. Extra arguments go to the AppHost (e.g. --Gateway:Replicas=2).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec dotnet run --project AppHost -- "$@"
