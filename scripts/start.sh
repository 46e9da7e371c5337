#!/usr/bin/env bash
# Sets up what is missing (Debian packages, pgvector) and starts the whole platform with the AppHost.
# Ctrl+C stops everything. Extra arguments go to the AppHost (e.g. --Gateway:Replicas=2).
# The AppHost prints the dashboard's login link first (Dashboard: http://127.0.0.1:18888/login?t=...) and again in
# the table of resources once everything is healthy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec dotnet run --project AppHost -- "$@"
