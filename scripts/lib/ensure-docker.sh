# shellcheck shell=bash
# Sourced by scripts/fleet and scripts/test: makes sure the tools, a running Docker engine and the fleet
# images exist. Idempotent and quiet when everything is already there (CI machines start without dockerd
# and possibly without the packages, developer machines usually have everything).
#
#   source scripts/lib/ensure-docker.sh
#   ensure_fleet_ready            # packages + dockerd + images
#
# Progress goes to stderr so callers can keep stdout for their own output.

_ensure_log() { printf 'ensure-docker: %s\n' "$*" >&2; }

# apt-get install the packages whose command is missing ("command:package" pairs).
ensure_packages() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    _ensure_log "missing ${missing[*]} and not root: install them first"
    return 1
  fi
  _ensure_log "installing ${missing[*]}"
  # Quiet apt; its output goes to stderr only when it fails.
  local out
  out=$(mktemp)
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    _ensure_log "apt-get install failed"
    return 1
  fi
  rm -f "$out"
}

ensure_tools() {
  ensure_packages dockerd:docker.io debootstrap:debootstrap dpkg-deb:dpkg-dev apt-ftparchive:apt-utils \
    ssh:openssh-client ssh-keygen:openssh-client
  # Java and Maven are usually there; only install when missing.
  ensure_packages javac:openjdk-17-jdk-headless mvn:maven
}

# Start dockerd in the background when no engine answers (no systemd on these machines).
ensure_dockerd() {
  docker info >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    _ensure_log "docker does not answer and we are not root: start the Docker engine first"
    return 1
  fi
  # A dockerd that was killed (e.g. when the previous session ended) leaves its pid file behind, and a
  # new dockerd refuses to start while it exists.
  local pidfile=/var/run/docker.pid
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    rm -f "$pidfile"
  fi
  _ensure_log "starting dockerd (log: /var/log/dockerd.log)"
  # setsid: keep dockerd alive when the calling script (or its process group) ends.
  setsid dockerd >/var/log/dockerd.log 2>&1 < /dev/null &
  local i
  for i in $(seq 1 60); do
    docker info >/dev/null 2>&1 && { _ensure_log "dockerd ready after ${i}s"; return 0; }
    sleep 1
  done
  _ensure_log "dockerd did not become ready in 60s; last lines of /var/log/dockerd.log:"
  tail -n 20 /var/log/dockerd.log >&2
  return 1
}

# Build the fleet images (src/fleet/build-images.sh only builds what is missing).
ensure_fleet_images() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if [ ! -x "$root/src/fleet/build-images.sh" ]; then
    _ensure_log "$root/src/fleet/build-images.sh is missing"
    return 1
  fi
  "$root/src/fleet/build-images.sh" >&2
}

ensure_fleet_ready() {
  ensure_tools && ensure_dockerd && ensure_fleet_images
}
