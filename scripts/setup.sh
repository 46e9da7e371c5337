#!/usr/bin/env bash
# SecureRag — idempotent installer of the local stack (Debian 12 "bookworm").
#
# Installs, from Debian's own packages only:
#   postgresql-15 + postgresql-client-15, redis-server, rabbitmq-server
#   pgvector 0.8.x for PostgreSQL 15, built from Debian trixie's *source* package
#   chromium (only with --with-browser / --tests)
#
# The Debian-default server instances are NOT wanted: the AppHost starts private
# instances (own data folder, free port) as child processes. This script keeps the
# default instances from starting during install, then stops and disables them.
#
# Usage: scripts/setup.sh [--with-browser|--tests] [--check]
#   --check          install nothing; exit 0 only if everything is present.
#   --with-browser   also install Debian's chromium (alias: --tests).
#
# A second run installs nothing and takes well under a second.
set -euo pipefail

MODE=install
WITH_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --check) MODE=check ;;
    --with-browser|--tests) WITH_BROWSER=1 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
as_root() {  # run a command as root: directly when root, else through sudo
  if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
    echo "[setup] ERROR: not root and no sudo; cannot run: $*" >&2; exit 1
  fi
  $SUDO "$@"
}

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
VECTOR_CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
VECTOR_WANTED_RE='^0\.8\.'          # 0.8.x is needed for hnsw.iterative_scan
TRIXIE_SRC_FILE="/etc/apt/sources.list.d/securerag-trixie-src.sources"

SERVER_PKGS=(postgresql-15 postgresql-client-15 redis-server rabbitmq-server)
BROWSER_PKGS=(chromium)
BUILD_PKGS=(postgresql-server-dev-15 build-essential dpkg-dev)

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

pkg_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

missing_pkgs() {  # prints the packages among "$@" that are not installed
  local p
  for p in "$@"; do pkg_installed "$p" || printf '%s\n' "$p"; done
}

vector_version() {  # default_version from vector.control, empty when absent
  [ -f "$VECTOR_CONTROL" ] || return 0
  sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$VECTOR_CONTROL" | head -n1
}

# ---------------------------------------------------------------- --check ----
if [ "$MODE" = check ]; then
  want=("${SERVER_PKGS[@]}")
  [ "$WITH_BROWSER" = 1 ] && want+=("${BROWSER_PKGS[@]}")
  mapfile -t miss < <(missing_pkgs "${want[@]}")
  ok=1
  if [ "${#miss[@]}" -gt 0 ]; then log "missing packages: ${miss[*]}"; ok=0; fi
  vv="$(vector_version)"
  if [ -z "$vv" ]; then log "missing: pgvector ($VECTOR_CONTROL)"; ok=0
  elif ! [[ "$vv" =~ $VECTOR_WANTED_RE ]]; then log "pgvector is $vv, want 0.8.x"; ok=0
  elif ! [ -f "/usr/lib/postgresql/${PG_MAJOR}/lib/vector.so" ]; then log "missing: vector.so"; ok=0
  fi
  if [ "$ok" = 1 ]; then log "everything is present"; exit 0; fi
  exit 1
fi

# ---------------------------------------------------------------- helpers ----
APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
}

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_OURS=0
cleanup() {
  if [ "$POLICY_RC_OURS" = 1 ]; then as_root rm -f "$POLICY_RC" || true; fi
  if [ -n "${BUILD_DIR:-}" ] && [ -d "$BUILD_DIR" ]; then rm -rf "$BUILD_DIR" || true; fi
}
trap cleanup EXIT

block_service_autostart() {
  # Debian's maintainer scripts start services through invoke-rc.d, which obeys
  # policy-rc.d: exit 101 = "action forbidden". Keep an existing one untouched.
  if [ ! -e "$POLICY_RC" ]; then
    printf '#!/bin/sh\n# temporary, written by SecureRag scripts/setup.sh\nexit 101\n' \
      | as_root tee "$POLICY_RC" >/dev/null
    as_root chmod 755 "$POLICY_RC"
    POLICY_RC_OURS=1
  fi
}

apt_install() {  # apt_install PKG... (only the missing ones are passed in)
  [ "$#" -gt 0 ] || return 0
  apt_update_once
  block_service_autostart
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

have_systemd() { [ -d /run/systemd/system ]; }

DEFAULT_SERVICES=(postgresql redis-server rabbitmq-server)

default_services_enabled() {  # cheap: true when any default instance would start at boot
  local s
  for s in "${DEFAULT_SERVICES[@]}"; do
    if have_systemd; then
      systemctl is-enabled --quiet "$s" 2>/dev/null && return 0
    else
      compgen -G "/etc/rc[2-5].d/S[0-9][0-9]$s" >/dev/null && return 0
    fi
  done
  grep -qsx 'auto' /etc/postgresql/*/*/start.conf && return 0
  return 1
}

disable_default_services() {
  local s conf
  for s in "${DEFAULT_SERVICES[@]}"; do
    if have_systemd; then
      as_root systemctl disable --now "$s" >/dev/null 2>&1 || true
    elif [ -x "/etc/init.d/$s" ] && command -v update-rc.d >/dev/null; then
      as_root update-rc.d "$s" disable >/dev/null 2>&1 || true
    fi
  done
  # Debian's per-cluster switch: "manual" = the postgresql service leaves it alone.
  for conf in /etc/postgresql/*/*/start.conf; do
    [ -f "$conf" ] || continue
    if grep -qx 'auto' "$conf"; then
      log "setting $(dirname "$conf") to manual start"
      as_root sed -i 's/^auto$/manual/' "$conf"
    fi
  done
}

stop_default_instances() {
  # Cheap checks, run every time. Only Debian's default instances are touched:
  # clusters known to pg_lsclusters, and processes of the 'redis'/'rabbitmq'
  # system users (the AppHost's private instances never run as those users).
  if command -v pg_lsclusters >/dev/null; then
    local ver name port status
    while read -r ver name port status _; do
      if [ "$status" = online ]; then
        log "stopping default PostgreSQL cluster $ver/$name (port $port)"
        as_root pg_ctlcluster "$ver" "$name" stop || true
      fi
    done < <(pg_lsclusters -h 2>/dev/null || true)
  fi
  if pgrep -u redis -x redis-server >/dev/null 2>&1; then
    log "stopping default redis-server"
    if have_systemd; then as_root systemctl stop redis-server || true
    else as_root service redis-server stop || true; fi
  fi
  if pgrep -u rabbitmq >/dev/null 2>&1; then
    log "stopping default rabbitmq-server"
    if have_systemd; then as_root systemctl stop rabbitmq-server || true
    else as_root service rabbitmq-server stop || true; fi
    # its epmd outlives it; kill what is left of the 'rabbitmq' user's processes
    local pids
    pids="$(pgrep -u rabbitmq || true)"
    if [ -n "$pids" ]; then
      # shellcheck disable=SC2086
      as_root kill $pids 2>/dev/null || true
    fi
  fi
}

debian_mirror_uri() {
  # The URI of the machine's own Debian archive (the entry that serves the
  # release's main suite), read from the apt sources at run time.
  local codename f uri=""
  # shellcheck source=/dev/null
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
    if [ ! -f "$f" ] || [ "$f" = "$TRIXIE_SRC_FILE" ]; then continue; fi
    uri="$(awk -v cn="$codename" '
      BEGIN { RS=""; FS="\n" }
      {
        types=""; uris=""; suites=""
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^[[:space:]]*#/) continue
          if (line ~ /^Types:/)  { sub(/^Types:[[:space:]]*/, "", line);  types = line }
          if (line ~ /^URIs:/)   { sub(/^URIs:[[:space:]]*/, "", line);   uris = line }
          if (line ~ /^Suites:/) { sub(/^Suites:[[:space:]]*/, "", line); suites = line }
        }
        if ((" " types " ") ~ / deb(-src)? / && (" " suites " ") ~ (" " cn " ")) {
          split(uris, u, /[[:space:]]+/); print u[1]; exit
        }
      }' "$f")"
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri="$(awk -v cn="$codename" '
      $1 ~ /^deb(-src)?$/ {
        i = 2
        if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
        if ($(i+1) == cn) { print $i; exit }
      }' "$f")"
    [ -n "$uri" ] && { echo "$uri"; return 0; }
  done
  return 1
}

write_trixie_src() {
  local uri content
  uri="$(debian_mirror_uri)" || die "could not find the Debian mirror URI in the apt sources"
  content="# Written by SecureRag scripts/setup.sh: trixie SOURCE packages only (pgvector).
# deb-src only — never install binary packages from trixie on this system.
Types: deb-src
URIs: ${uri}
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"
  if [ ! -f "$TRIXIE_SRC_FILE" ] || [ "$(cat "$TRIXIE_SRC_FILE")" != "${content%$'\n'}" ]; then
    log "adding $TRIXIE_SRC_FILE (deb-src trixie main from $uri)"
    printf '%s' "$content" | as_root tee "$TRIXIE_SRC_FILE" >/dev/null
    APT_UPDATED=0   # the new index has to be fetched
  fi
}

need_pgvector() {  # true when pgvector still has to be built
  local vv
  vv="$(vector_version)"
  [ -n "$vv" ] || return 0
  if ! [[ "$vv" =~ $VECTOR_WANTED_RE ]]; then
    log "pgvector $vv is installed, 0.8.x is required: rebuilding"
    return 0
  fi
  [ -f "/usr/lib/postgresql/${PG_MAJOR}/lib/vector.so" ] || return 0
  return 1
}

build_pgvector() {  # build deps and the trixie deb-src entry are in place
  local vv
  log "building pgvector for PostgreSQL ${PG_MAJOR} from Debian trixie's source package"
  BUILD_DIR="$(mktemp -d)"
  # apt-get source downloads as the unprivileged '_apt' user when run as root.
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$BUILD_DIR"; fi
  (
    cd "$BUILD_DIR"
    # apt checks the files against the signed trixie Sources index.
    apt-get source -q pgvector/trixie >/dev/null
    cd pgvector-*/
    # OPTFLAGS="" drops pgvector's default -march=native (portable build).
    make -s PG_CONFIG="$PG_CONFIG" OPTFLAGS="" -j"$(nproc)"
    as_root make -s PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install
  )
  vv="$(vector_version)"
  [ -n "$vv" ] || die "pgvector build finished but $VECTOR_CONTROL is missing"
  [[ "$vv" =~ $VECTOR_WANTED_RE ]] || die "built pgvector $vv, 0.8.x is required"
  log "pgvector $vv installed"
}

# ---------------------------------------------------------------- install ----
want=("${SERVER_PKGS[@]}")
[ "$WITH_BROWSER" = 1 ] && want+=("${BROWSER_PKGS[@]}")
BUILD_VECTOR=0
if need_pgvector; then
  BUILD_VECTOR=1
  want+=("${BUILD_PKGS[@]}")
  write_trixie_src          # before the (single) apt-get update
fi
mapfile -t miss < <(missing_pkgs "${want[@]}")
if [ "${#miss[@]}" -gt 0 ]; then
  apt_install "${miss[@]}"
elif [ "$BUILD_VECTOR" = 1 ]; then
  apt_update_once           # apt-get source needs the trixie Sources index
fi

if [ "$BUILD_VECTOR" = 1 ]; then build_pgvector; fi
if default_services_enabled; then
  log "disabling the Debian-default postgresql/redis-server/rabbitmq-server services"
  disable_default_services
fi
stop_default_instances

# ---------------------------------------------------------------- report -----
ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "absent"; }
echo "SecureRag local stack:"
echo "  postgresql-15   $("$PG_BIN/postgres" --version 2>/dev/null | awk '{print $3}') (package $(ver postgresql-15))"
echo "  psql            $(psql --version 2>/dev/null | awk '{print $3}')"
echo "  pgvector        $(vector_version)"
echo "  redis-server    $(redis-server --version 2>/dev/null | sed -n 's/.* v=\([^ ]*\).*/\1/p') (package $(ver redis-server))"
echo "  rabbitmq-server $(ver rabbitmq-server)"
echo "  erlang-base     $(ver erlang-base)"
if pkg_installed chromium; then
  echo "  chromium        $(chromium --version 2>/dev/null | awk '{print $2}' || ver chromium)"
fi
