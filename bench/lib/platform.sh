# SecureRag — starting the platform for an end-to-end benchmark. Sourced, not run.
#
#   start_platform <bench-name> [NAME=VALUE ...]
#       Starts the AppHost from its build output ($CONFIG, default Release) on a fresh data directory, with the given
#       settings added to its environment and requests logged at Warning, as outside Development (Information writes
#       four records per request served, which the measurement would count), and waits until every resource is
#       healthy (up to 180 s). Sets APPHOST (its pid), DATA (the data directory) and CREDENTIAL (the one-time bootstrap
#       credential). Stops the AppHost and removes the data directory when the script exits.
#   instance_pid <instance>       the pid of a service instance under this AppHost, e.g. gateway-0 or ingestion-0
#   instance_http <instance>      that instance's http endpoint, as the AppHost gave it
#
# Instances are found by the environment the AppHost gave them, since another platform on the machine may run the
# same services and, without console forwarding, the AppHost prints no resource table.

start_platform() {
  local name="$1"; shift
  local root dll
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dll="$root/AppHost/bin/${CONFIG:-Release}/net10.0/AppHost.dll"
  [ -f "$dll" ] || { echo "$name: $dll not found; build first: dotnet build SecureRag.sln -c ${CONFIG:-Release}" >&2; exit 2; }
  DATA="$(mktemp -d "/tmp/securerag-$name-XXXXXX")"
  PLATFORM_LOG="$DATA.log"
  trap stop_platform EXIT
  env Logging__LogLevel__Microsoft.AspNetCore=Warning "$@" AppHost__DataDirectory="$DATA" AppHost__ForwardConsoleOutput=false dotnet "$dll" >"$PLATFORM_LOG" 2>&1 &
  APPHOST=$!
  for _ in $(seq 1 1800); do
    grep -q 'resources healthy' "$PLATFORM_LOG" && break
    kill -0 "$APPHOST" 2>/dev/null || { echo "$name: the AppHost exited:" >&2; tail -n 40 "$PLATFORM_LOG" >&2; exit 1; }
    sleep 0.1
  done
  grep -q 'resources healthy' "$PLATFORM_LOG" || { echo "$name: the AppHost is not healthy after 180 s:" >&2; tail -n 40 "$PLATFORM_LOG" >&2; exit 1; }
  CREDENTIAL="$(cat "$DATA/bootstrap-owner.credential")"
}

stop_platform() {
  if [ -n "${APPHOST:-}" ] && kill -0 "$APPHOST" 2>/dev/null; then kill -TERM "$APPHOST" 2>/dev/null || true; wait "$APPHOST" 2>/dev/null || true; fi
  rm -rf "${DATA:?}" "${PLATFORM_LOG:-}"
}

instance_pid() {
  local pid
  for pid in $(pgrep -P "$APPHOST" dotnet || true); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "OTEL_RESOURCE_ATTRIBUTES=service.instance.id=$1"; then echo "$pid"; return; fi
  done
}

instance_http() {
  local pid
  pid="$(instance_pid "$1")"
  [ -n "$pid" ] && tr '\0' '\n' < "/proc/$pid/environ" | sed -n 's/^Kestrel__Endpoints__http__Url=//p' | head -n 1
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# One line of the CPU seconds each named instance, the AppHost and Redis have used so far.
cpu_report() {
  local line="cpu_s:" name pid
  for name in "$@"; do
    pid="$(instance_pid "$name")"
    [ -n "$pid" ] && line="$line $name=$(cpu_seconds "$pid")"
  done
  line="$line apphost=$(cpu_seconds "$APPHOST")"
  pid="$(pgrep -P "$APPHOST" redis-server | head -n 1 || true)"
  [ -n "$pid" ] && line="$line redis=$(cpu_seconds "$pid")"
  echo "$line"
}
