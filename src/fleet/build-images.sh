#!/bin/bash
# Builds the offline Synnefo test fleet: the local apt repository and the Docker images
# reconcile-fleet/base:bookworm, reconcile-fleet/dbhost:bookworm and reconcile-fleet/<role>:<release>.
#
# Idempotent: every artefact records a hash of the sources it was made from and is rebuilt only when
# it is missing or those sources changed. --force rebuilds the repository and all images (the
# debootstrap and Debian-download caches are kept; delete the cache directory to redo them).
# See README.md next to this file.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: build-images.sh [--force] [--help]
  --force   rebuild the apt repository and every image even when up to date
Cache: ${RECONCILE_FLEET_CACHE:-/var/cache/reconcile-fleet} (debootstrap rootfs, Debian .debs, repo/).
USAGE
}

FORCE=0
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-images.sh: unknown argument: $arg" >&2; usage >&2; exit 64 ;;
  esac
done

FLEET_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${RECONCILE_FLEET_CACHE:-/var/cache/reconcile-fleet}
# Image namespace: RECONCILE_FLEET_IMAGES=reconcile-fleet-X gives a checkout images and a repository
# link (repo-X) of its own, so checkouts with different sources do not rebuild each other's images.
IMAGES=${RECONCILE_FLEET_IMAGES:-reconcile-fleet}
[[ "$IMAGES" =~ ^reconcile-fleet(-[a-z0-9]+)?$ ]] || { echo "build-images.sh: RECONCILE_FLEET_IMAGES must be reconcile-fleet or reconcile-fleet-<a-z0-9>" >&2; exit 64; }
REPO=$CACHE/repo${IMAGES#reconcile-fleet}  # symlink to the current repository, see ensure_repo
SUITE=bookworm
MIRROR=http://deb.debian.org/debian
BASE_INCLUDE=openssh-server,sudo,procps,postgresql-client-15
# Real Debian packages the fleet installs from the local repository; their dependency closure is
# downloaded for the versions in the debootstrap rootfs.
DEBIAN_EXTRA="postgresql-15 memcached python3-memcache"
BASE_IMAGE=$IMAGES/base:$SUITE
DBHOST_IMAGE=$IMAGES/dbhost:$SUITE
ROLES="astakos cyclades pithos ganeti"
RELEASES="0.12 0.13"
LABEL=io.reconcile.fleet.inputs

log() { echo "build-images: $*"; }
die() { echo "build-images: error: $*" >&2; exit 1; }

# Runs "$@" and reports how long it took.
timed() {
  local what=$1; shift
  local start=$SECONDS
  log "$what ..."
  "$@"
  log "$what: done in $((SECONDS - start))s"
}

# Short hash of the given files/directories (relative to FLEET_DIR) plus extra words.
inputs_hash() {
  local words=$1; shift
  { echo "$words"; (cd "$FLEET_DIR" && find "$@" -type f -print0 | sort -z | xargs -0 sha256sum); } |
    sha256sum | cut -c1-16
}

image_inputs() { docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }

needs_image() { # IMAGE HASH
  [ "$FORCE" = 1 ] && return 0
  [ "$(image_inputs "$1")" != "$2" ]
}

require_tools() {
  local missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v dpkg-deb >/dev/null || missing+=(dpkg-dev)
  command -v apt-ftparchive >/dev/null || missing+=(apt-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
  command -v docker >/dev/null || die "docker CLI not found"
  docker info >/dev/null 2>&1 || die "no Docker engine answers (start one, e.g. scripts/lib/ensure-docker.sh)"
}

# --- debootstrap rootfs (pristine, cached) -----------------------------------------------------
ROOTFS_KEY=$(echo "$SUITE $MIRROR $BASE_INCLUDE" | sha256sum | cut -c1-12)
ROOTFS=$CACHE/debootstrap/$SUITE-minbase-$ROOTFS_KEY

ensure_rootfs() {
  [ -f "$ROOTFS/.fleet-complete" ] && return 0
  rm -rf "$ROOTFS" "$ROOTFS.tmp"
  mkdir -p "$(dirname "$ROOTFS")"
  debootstrap --variant=minbase --include="$BASE_INCLUDE" "$SUITE" "$ROOTFS.tmp" "$MIRROR" \
    > "$CACHE/debootstrap.log" 2>&1 || { tail -20 "$CACHE/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE/debootstrap.log)"; }
  touch "$ROOTFS.tmp/.fleet-complete"
  mv "$ROOTFS.tmp" "$ROOTFS"
}

# --- real Debian packages for the local repository ---------------------------------------------
DEBS_KEY=$(echo "$ROOTFS_KEY $DEBIAN_EXTRA no-recommends" | sha256sum | cut -c1-12)
DEBIAN_DEBS=$CACHE/debian-debs/$DEBS_KEY

# Downloads DEBIAN_EXTRA and everything they need that the base rootfs lacks, as apt inside a copy
# of that rootfs resolves it (so the versions match the image).
ensure_debian_debs() {
  [ -f "$DEBIAN_DEBS/.fleet-complete" ] && return 0
  ensure_rootfs
  local work=$CACHE/work/download-root
  rm -rf "$work" "$DEBIAN_DEBS"
  mkdir -p "$(dirname "$work")" "$DEBIAN_DEBS"
  cp -a "$ROOTFS" "$work"
  cp /etc/resolv.conf "$work/etc/resolv.conf"
  echo "deb $MIRROR $SUITE main" > "$work/etc/apt/sources.list"
  chroot "$work" apt-get update -q > "$CACHE/download.log" 2>&1 &&
    chroot "$work" apt-get install -y -q --no-install-recommends --download-only $DEBIAN_EXTRA >> "$CACHE/download.log" 2>&1 ||
    { tail -20 "$CACHE/download.log" >&2; die "downloading $DEBIAN_EXTRA failed (log: $CACHE/download.log)"; }
  cp "$work"/var/cache/apt/archives/*.deb "$DEBIAN_DEBS/"
  rm -rf "$work"
  touch "$DEBIAN_DEBS/.fleet-complete"
  log "downloaded $(ls "$DEBIAN_DEBS" | wc -l) Debian packages into $DEBIAN_DEBS"
}

# --- local apt repository ------------------------------------------------------------------------
# $CACHE/repo is a symlink to repos/<inputs hash>. A rebuild makes a new directory and swaps the
# link, so running fleets (Docker resolved the link when it mounted it) keep the repository their
# apt lists were made from. The newest three are kept.
REPO_HASH=$(inputs_hash "$DEBS_KEY" packages db)
REPOS=$CACHE/repos

ensure_repo() {
  local target=$REPOS/$REPO_HASH
  if [ "$FORCE" = 1 ] || [ ! -f "$target/.fleet-complete" ]; then
    ensure_debian_debs
    rm -rf "$target" "$target.tmp"
    mkdir -p "$target.tmp/debian"
    cp "$DEBIAN_DEBS"/*.deb "$target.tmp/debian/"
    "$FLEET_DIR/packages/build-packages.sh" "$target.tmp"
    (cd "$target.tmp" &&
      apt-ftparchive packages . > Packages &&
      gzip -9nc Packages > Packages.gz &&
      apt-ftparchive -o APT::FTPArchive::Release::Origin=reconcile-fleet \
        -o APT::FTPArchive::Release::Label=reconcile-fleet release . > Release)
    touch "$target.tmp/.fleet-complete"
    mv "$target.tmp" "$target"
    log "repository $target: $(grep -c '^Package:' "$target/Packages") packages"
  else
    log "repository $target is up to date"
  fi
  if [ "$(readlink "$REPO" 2>/dev/null)" != "repos/$REPO_HASH" ]; then
    [ -d "$REPO" ] && [ ! -L "$REPO" ] && rm -rf "$REPO"   # the former in-place layout
    ln -sfn "repos/$REPO_HASH" "$REPO.new"
    mv -T "$REPO.new" "$REPO"
  fi
  # Keep the newest three, and every repository a namespace's link still points to.
  local linked
  linked=$(for link in "$CACHE"/repo "$CACHE"/repo-*; do if [ -L "$link" ]; then readlink "$link"; fi; done)
  ls -1dt "$REPOS"/*/ | tail -n +4 | while read -r old; do
    if [ "${old%/}" != "$target" ] && ! grep -qxF "repos/$(basename "$old")" <<<"$linked"; then rm -rf "$old"; fi
  done
  return 0
}

# --- images ----------------------------------------------------------------------------------------
BASE_HASH=$(inputs_hash "$ROOTFS_KEY" base)

build_base() {
  ensure_rootfs
  local work=$CACHE/work/base-root
  rm -rf "$work"
  mkdir -p "$(dirname "$work")"
  cp -a "$ROOTFS" "$work"
  rm -f "$work/.fleet-complete"
  install -m 755 "$FLEET_DIR/base/fleet-init" "$work/usr/local/sbin/fleet-init"
  install -m 755 "$FLEET_DIR/base/fleet-apply-seed" "$work/usr/local/sbin/fleet-apply-seed"
  install -m 755 "$FLEET_DIR/base/runlevel" "$work/sbin/runlevel"
  install -m 755 "$FLEET_DIR/base/policy-rc.d" "$work/usr/sbin/policy-rc.d"
  install -m 644 "$FLEET_DIR/base/sources.list" "$work/etc/apt/sources.list"
  rm -f "$work"/etc/apt/sources.list.d/*
  install -m 644 "$FLEET_DIR/base/apt-fleet.conf" "$work/etc/apt/apt.conf.d/90fleet"
  install -m 644 "$FLEET_DIR/base/dpkg-nodoc.cfg" "$work/etc/dpkg/dpkg.cfg.d/90fleet-nodoc"
  install -m 644 "$FLEET_DIR/base/sshd-fleet.conf" "$work/etc/ssh/sshd_config.d/fleet.conf"
  # Host keys are made per container by fleet-init, never shared through the image.
  rm -f "$work"/etc/ssh/ssh_host_*
  chroot "$work" useradd --create-home --shell /bin/bash --password '*' deploy
  echo 'deploy ALL=(ALL) NOPASSWD:ALL' > "$work/etc/sudoers.d/deploy"
  chmod 440 "$work/etc/sudoers.d/deploy"
  echo fleet-host > "$work/etc/hostname"
  # What the nodoc rule above keeps out of later installs, removed from the bootstrap too.
  find "$work/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
  find "$work/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$work"/usr/share/man/* "$work"/usr/share/info/* "$work"/var/cache/apt/archives/*.deb \
    "$work"/var/cache/apt/*.bin "$work"/var/lib/apt/lists/* "$work"/var/log/bootstrap.log
  find "$work/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  tar -C "$work" --numeric-owner -cf - . |
    docker import \
      --change 'ENTRYPOINT ["/usr/local/sbin/fleet-init"]' \
      --change 'CMD []' \
      --change 'ENV LANG=C.UTF-8' \
      --change "LABEL $LABEL=$BASE_HASH" \
      - "$BASE_IMAGE" > /dev/null
  rm -rf "$work"
}

# Runs roles/install-role.sh ROLE RELEASE in a container from FROM (offline, repo mounted) and
# commits the result as IMAGE.
build_with_container() { # FROM IMAGE HASH ROLE RELEASE
  local from=$1 image=$2 hash=$3 role=$4 release=$5
  local name="fleetbuild-$role-${release//./}-$$"
  docker rm -f "$name" >/dev/null 2>&1 || true
  if ! docker run --name "$name" --network none \
      -v "$REPOS/$REPO_HASH:/srv/repo:ro" -v "$FLEET_DIR/roles:/srv/fleet-roles:ro" -v "$FLEET_DIR/db:/srv/fleet-db:ro" \
      --entrypoint /bin/bash "$from" /srv/fleet-roles/install-role.sh "$role" "$release" \
      > "$CACHE/build-$role-$release.log" 2>&1; then
    tail -30 "$CACHE/build-$role-$release.log" >&2
    docker rm -f "$name" >/dev/null 2>&1 || true
    die "building $image failed (log: $CACHE/build-$role-$release.log)"
  fi
  docker commit \
    --change 'ENTRYPOINT ["/usr/local/sbin/fleet-init"]' \
    --change 'CMD []' \
    --change "LABEL $LABEL=$hash io.reconcile.fleet.role=$role io.reconcile.fleet.release=$release" \
    "$name" "$image" > /dev/null
  docker rm "$name" > /dev/null
}

main() {
  local total=$SECONDS
  mkdir -p "$CACHE"
  # One build at a time on this machine (several worktrees and scripts may call this).
  exec 9>"$CACHE/.build.lock"
  flock -n 9 || { log "waiting for another build-images.sh to finish"; flock 9; }
  require_tools
  timed "apt repository" ensure_repo

  if needs_image "$BASE_IMAGE" "$BASE_HASH"; then
    timed "debootstrap rootfs ($SUITE minbase + $BASE_INCLUDE)" ensure_rootfs
    timed "image $BASE_IMAGE" build_base
  else
    log "image $BASE_IMAGE is up to date"
  fi

  local roles_hash dbhost_hash
  roles_hash=$(inputs_hash "$BASE_HASH $REPO_HASH" roles)
  dbhost_hash=$roles_hash
  if needs_image "$DBHOST_IMAGE" "$dbhost_hash"; then
    timed "image $DBHOST_IMAGE" build_with_container "$BASE_IMAGE" "$DBHOST_IMAGE" "$dbhost_hash" dbhost -
  else
    log "image $DBHOST_IMAGE is up to date"
  fi

  local role release image from
  for release in $RELEASES; do
    for role in $ROLES; do
      image=$IMAGES/$role:$release
      from=$BASE_IMAGE
      [ "$role" = astakos ] && from=$DBHOST_IMAGE
      if needs_image "$image" "$roles_hash"; then
        timed "image $image" build_with_container "$from" "$image" "$roles_hash" "$role" "$release"
      else
        log "image $image is up to date"
      fi
    done
  done
  log "all done in $((SECONDS - total))s"
}

main
