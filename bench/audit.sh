#!/usr/bin/env bash
# bench/audit.sh — throughput of the audit trail and the time to verify it.
#
# Starts a private PostgreSQL 15 and RabbitMQ (temporary folder, free loopback ports), then PUBLISHERS copies of
# bench/AuditBench, each in its own schema like a service, which raise EVENTS audit events in all through their own
# transactional outboxes; their relays publish them to the Audit service's queue. Then the Audit service (Release
# build) stores them in batches, and `dotnet Audit.dll verify` checks the whole chain.
# Prints:  events_per_s=<stored per second>  verify_s=<seconds for the verify command, process start included>
# and, on stderr, the relays' own rate (outboxes to broker).
#
# Usage: bench/audit.sh   (EVENTS=100000, PUBLISHERS=4 by default; KEEP=1 keeps the temporary folder;
#                          needs scripts/setup.sh's packages, curl, bc and python3)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EVENTS="${EVENTS:-100000}"
PUBLISHERS="${PUBLISHERS:-4}"   # services raising audit events at once, each through its own outbox and relay
PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_SERVER="$(ls -d /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin | head -n1)/rabbitmq-server"
WORK="$(mktemp -d /tmp/audit-bench.XXXXXX)"
PIDS=()
RAISERS=()

log() { printf '[audit-bench] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
  if [ -n "${KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log "building (Release)"
dotnet build -c Release "$ROOT/services/Audit" -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
dotnet build -c Release "$ROOT/bench/AuditBench" -v q -nologo >>"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
AUDIT_DLL="$ROOT/services/Audit/bin/Release/net10.0/Audit.dll"
BENCH_DLL="$ROOT/bench/AuditBench/bin/Release/net10.0/AuditBench.dll"

PG_PORT=$(free_port); AMQP_PORT=$(free_port); DIST_PORT=$(free_port); EPMD_PORT=$(free_port); HTTP_PORT=$(free_port)
AUDIT_PW=$(secret); BENCH_PW=$(secret); RABBIT_PW=$(secret)

log "starting PostgreSQL on $PG_PORT"
mkdir -p "$WORK/pg"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$WORK" "$WORK/pg"; fi
as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
psql_admin() { as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql_admin -d postgres -c "CREATE DATABASE securerag" -c "CREATE ROLE audit LOGIN PASSWORD '$AUDIT_PW'"
psql_admin -d securerag -c "CREATE SCHEMA audit AUTHORIZATION audit"
for p in $(seq 1 "$PUBLISHERS"); do
  psql_admin -d securerag -c "CREATE ROLE auditbench$p LOGIN PASSWORD '$BENCH_PW'" -c "CREATE SCHEMA auditbench$p AUTHORIZATION auditbench$p"
done

log "starting RabbitMQ on $AMQP_PORT"
mkdir -p "$WORK/rabbit/home" "$WORK/rabbit/mnesia" "$WORK/rabbit/log"
printf '[].' >"$WORK/rabbit/enabled_plugins"
printf 'default_user = bench\ndefault_pass = %s\nloopback_users = none\nlog.console = false\nlog.file.level = warning\n' "$RABBIT_PW" >"$WORK/rabbit/rabbitmq.conf"
/usr/bin/epmd -port "$EPMD_PORT" -address 127.0.0.1 & PIDS+=($!)
env -i PATH=/usr/bin:/bin HOME="$WORK/rabbit/home" LANG=C.UTF-8 ERL_EPMD_PORT="$EPMD_PORT" \
  RABBITMQ_NODENAME="audit-bench-$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" \
  RABBITMQ_DIST_PORT="$DIST_PORT" RABBITMQ_MNESIA_BASE="$WORK/rabbit/mnesia" RABBITMQ_LOG_BASE="$WORK/rabbit/log" \
  RABBITMQ_CONFIG_FILE="$WORK/rabbit/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/rabbit/enabled_plugins" \
  RABBITMQ_CONF_ENV_FILE="$WORK/rabbit/rabbitmq-env.conf" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}" \
  "$RABBIT_SERVER" >"$WORK/rabbit/stdout.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$AMQP_PORT") 2>/dev/null && break; sleep 0.5; done

export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export ConnectionStrings__messaging="amqp://bench:$RABBIT_PW@127.0.0.1:$AMQP_PORT"
export Audit__ChainKey="$(head -c 32 /dev/urandom | base64)"
if [ -n "${KEEP:-}" ]; then echo "$Audit__ChainKey" >"$WORK/chain-key"; fi
export Audit__Checkpoint__Path="$WORK/checkpoint/audit-head.json"
AUDIT_DB="Host=127.0.0.1;Port=$PG_PORT;Username=audit;Password=$AUDIT_PW;Database=securerag;Search Path=audit"

start_audit() {
  ConnectionStrings__securerag="$AUDIT_DB" Audit__Checkpoint__Interval=00:00:05 ASPNETCORE_URLS="http://127.0.0.1:$HTTP_PORT" \
    dotnet "$AUDIT_DLL" >>"$WORK/audit.log" 2>&1 & AUDIT_PID=$!; PIDS+=($AUDIT_PID)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$HTTP_PORT/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  tail -n 50 "$WORK/audit.log" >&2; exit 1
}
bench() {  # bench <publisher> <first event> <events> raise|stored
  ConnectionStrings__securerag="Host=127.0.0.1;Port=$PG_PORT;Username=auditbench$1;Password=$BENCH_PW;Database=securerag;Search Path=auditbench$1" \
    Bench__FirstEvent="$2" Bench__Events="$3" Bench__AuditDatabase="$AUDIT_DB" Messaging__RelayBatchSize=1000 \
    Logging__LogLevel__Default=Warning dotnet "$BENCH_DLL" "$4" | tail -n1
}

# The first start declares the Audit service's durable queue and its binding; then the service stops, so the relay
# fills the queue and the service's storage rate is measured on its own, not bounded by the relay's.
log "starting the Audit service once, to declare its queue"
start_audit; kill "$AUDIT_PID"; wait "$AUDIT_PID" 2>/dev/null || true

log "raising $EVENTS audit events through the outboxes of $PUBLISHERS publishers"
START=$(date +%s.%N)
EACH=$((EVENTS / PUBLISHERS))
for p in $(seq 1 "$PUBLISHERS"); do
  COUNT=$([ "$p" -eq "$PUBLISHERS" ] && echo $((EVENTS - EACH * (PUBLISHERS - 1))) || echo "$EACH")
  bench "$p" $(((p - 1) * EACH)) "$COUNT" raise >"$WORK/publisher-$p.out" & RAISERS+=($!)
done
for pid in "${RAISERS[@]}"; do wait "$pid"; done
RELAY="relay_events_per_s=$(echo "$EVENTS / ($(date +%s.%N) - $START)" | bc -l | xargs printf '%.0f')"

log "starting the Audit service to store them"
start_audit
STORED=$(bench 1 0 "$EVENTS" stored)

log "verifying the chain"
START=$(date +%s.%N)
ConnectionStrings__securerag="$AUDIT_DB" Logging__LogLevel__Default=Warning dotnet "$AUDIT_DLL" verify >&2
END=$(date +%s.%N)
log "$RELAY (outboxes to broker: the ServiceDefaults relays, measured on their own)"
echo "$STORED verify_s=$(echo "$END - $START" | bc -l | xargs printf '%.2f')"
