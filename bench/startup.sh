#!/usr/bin/env bash
# SecureRag — AppHost start-up benchmark.
#
# Starts the AppHost from its build output (builds nothing: run `dotnet build SecureRag.sln -c Release` first),
# measures the seconds from launch until it reports every resource healthy, stops it with SIGTERM and checks that
# none of its processes is left.
#
# Usage: bench/startup.sh [--data DIR] [--config Release|Debug] [--timeout SECONDS]
#   --data DIR    data directory to use (kept); default: a fresh temporary one (a first start: initdb etc.), removed.
# Prints:  startup_s=<seconds until healthy, measured here>   apphost_s=<what the AppHost reported>
set -euo pipefail

CONFIG=Release
DATA=""
TIMEOUT=120
while [ "$#" -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    --config) CONFIG="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DLL="$ROOT/AppHost/bin/$CONFIG/net10.0/AppHost.dll"
[ -f "$DLL" ] || { echo "startup.sh: $DLL not found; build first: dotnet build SecureRag.sln -c $CONFIG" >&2; exit 2; }

OWN_DATA=0
if [ -z "$DATA" ]; then DATA="$(mktemp -d /tmp/securerag-bench-XXXXXX)"; OWN_DATA=1; fi
LOG="$(mktemp /tmp/securerag-bench-log-XXXXXX)"
APPHOST=""

descendants() {  # every live descendant of $1
  local children c
  children="$(ps -o pid= --ppid "$1" 2>/dev/null || true)"
  for c in $children; do echo "$c"; descendants "$c"; done
}

cleanup() {
  if [ -n "$APPHOST" ] && kill -0 "$APPHOST" 2>/dev/null; then kill -TERM "$APPHOST" 2>/dev/null || true; wait "$APPHOST" 2>/dev/null || true; fi
  rm -f "$LOG"
  if [ "$OWN_DATA" = 1 ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT

start=$(date +%s.%N)
AppHost__DataDirectory="$DATA" AppHost__ForwardConsoleOutput=false dotnet "$DLL" >"$LOG" 2>&1 &
APPHOST=$!

ready=""
while [ -z "$ready" ]; do
  ready="$(grep -m1 -o 'all [0-9]* resources healthy in [0-9.]* s' "$LOG" || true)"
  [ -n "$ready" ] && break
  if ! kill -0 "$APPHOST" 2>/dev/null; then
    echo "startup.sh: the AppHost exited before it was healthy:" >&2; tail -n 40 "$LOG" >&2; exit 1
  fi
  if [ "$(echo "$(date +%s.%N) - $start > $TIMEOUT" | bc)" = 1 ]; then
    echo "startup.sh: not healthy after ${TIMEOUT}s:" >&2; tail -n 40 "$LOG" >&2; exit 1
  fi
  sleep 0.05
done
end=$(date +%s.%N)

children="$(descendants "$APPHOST" | sort -u)"
kill -TERM "$APPHOST"
stop_start=$(date +%s.%N)
wait "$APPHOST" || true
APPHOST=""
stop_s="$(echo "$(date +%s.%N) - $stop_start" | bc)"

left=""
for p in $children; do
  if [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != "Z" ]; then left="$left $p"; fi
done
# Servers (and epmd) run with their working directory in the data directory.
for p in $(ls /proc | grep -E '^[0-9]+$'); do
  case "$(readlink "/proc/$p/cwd" 2>/dev/null)" in "$DATA"|"$DATA"/*) left="$left $p" ;; esac
done
if [ -n "$left" ]; then
  echo "startup.sh: processes left behind:" >&2
  for p in $left; do echo "  $p $(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")" >&2; done
  exit 1
fi

printf 'startup_s=%.2f\n' "$(echo "$end - $start" | bc)"
echo "apphost_s=$(echo "$ready" | sed 's/.* in \([0-9.]*\) s/\1/')"
printf 'stop_s=%.2f\n' "$stop_s"
echo "processes_left=0"
