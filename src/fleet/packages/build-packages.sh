#!/bin/bash
# Builds the fake Synnefo .debs of the test fleet into OUTDIR with dpkg-deb.
#
# One directory per package (packages/<name>/):
#   control[.<series>]   DEBIAN/control of one build; <series> (0.12, 0.13) also selects the files below
#   files/               installed by every build of the package
#   files-<series>/      installed only by that series' build
#   db-files             lines "SOURCE DEST": copy src/fleet/db/SOURCE/* to DEST, keeping only files whose
#                        "-- release: X" (SQL) or "# release: X" (Python) header is not newer than the series
#                        (migrations accumulate)
#   python-files         lines "PATH [SERIES]": copy src/fleet/python/PATH (a file or a directory) to
#                        usr/lib/python3/dist-packages/PATH (with SERIES, only into that series' build:
#                        what the package first shipped at 0.13); a package with python-files also gets
#                        snf_fleet/versions/<component>.py (__version__, as synnefo.versions.<component>),
#                        component = the name without "snf-", "-" as "_" (snf-astakos-app: astakos_app)
#   preinst postinst prerm postrm   maintainer scripts (shared by all series)
# Every file under etc/ is a dpkg conffile, as debhelper makes it.
set -euo pipefail
OUT=${1:?usage: build-packages.sh OUTDIR}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB=$(cd "$HERE/../db" && pwd)
PY=$(cd "$HERE/../python" && pwd)
PYDIST=usr/lib/python3/dist-packages
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=1364774400 # 2013-04-01: reproducible archive timestamps

release_of() { sed -n '1s/^\(--\|#\) release: *//p' "$1"; }

copy_db_files() { # PKGDIR SERIES ROOT
  local pkg=$1 series=$2 root=$3 src dest f rel
  [ -f "$pkg/db-files" ] || return 0
  while read -r src dest; do
    [ -n "$src" ] || continue
    mkdir -p "$root/$dest"
    for f in "$DB/$src"/*; do
      rel=$(release_of "$f")
      if [ -z "$series" ] || [ -z "$rel" ] || [[ ! "$rel" > "$series" ]]; then
        cp "$f" "$root/$dest/"
      fi
    done
  done < "$pkg/db-files"
}

copy_python_files() { # PKGDIR SERIES NAME VERSION ROOT
  local pkg=$1 series=$2 name=$3 version=$4 root=$5 path only component
  [ -f "$pkg/python-files" ] || return 0
  while read -r path only; do
    [ -n "$path" ] || continue
    [ -z "$only" ] || [ "$only" = "$series" ] || continue
    mkdir -p "$root/$PYDIST"
    (cd "$PY" && cp -r --parents "$path" "$root/$PYDIST/")
  done < "$pkg/python-files"
  mkdir -p "$root/$PYDIST"
  find "$root/$PYDIST" -name __pycache__ -type d -prune -exec rm -rf {} +
  component=${name#snf-}
  component=${component//-/_}
  mkdir -p "$root/$PYDIST/snf_fleet/versions"
  printf '__version__ = %s\n' "'${version%-*}'" > "$root/$PYDIST/snf_fleet/versions/$component.py"
}

build_one() { # PKGDIR CONTROLFILE
  local pkg=$1 control=$2 name series version root
  name=$(basename "$pkg")
  series=${control##*/control}
  series=${series#.}
  version=$(sed -n 's/^Version: *//p' "$control")
  root=$WORK/${name}_$version
  mkdir -p "$root/DEBIAN"
  [ -d "$pkg/files" ] && cp -a "$pkg/files/." "$root/"
  [ -n "$series" ] && [ -d "$pkg/files-$series" ] && cp -a "$pkg/files-$series/." "$root/"
  copy_db_files "$pkg" "$series" "$root"
  copy_python_files "$pkg" "$series" "$name" "$version" "$root"
  for script in preinst postinst prerm postrm; do
    [ -f "$pkg/$script" ] && install -m 755 "$pkg/$script" "$root/DEBIAN/$script"
  done
  if [ -d "$root/etc" ]; then
    (cd "$root" && find etc -type f | sort | sed 's|^|/|') > "$root/DEBIAN/conffiles"
  fi
  chmod -R u=rwX,go=rX "$root"
  # As the real packages' rules (d13:debian/rules:41-43): /etc/synnefo 0750, its files 0640, root:www-data.
  if [ -d "$root/etc/synnefo" ]; then
    chown -R 0:33 "$root/etc/synnefo"
    chmod 0750 "$root/etc/synnefo"
    find "$root/etc/synnefo" -type f -exec chmod 0640 {} +
  fi
  { cat "$control"; echo "Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)"; } > "$root/DEBIAN/control"
  dpkg-deb -Zxz -b "$root" "$OUT/${name}_${version}_all.deb" > /dev/null
  echo "built ${name}_${version}_all.deb"
}

for pkg in "$HERE"/*/; do
  pkg=${pkg%/}
  for control in "$pkg"/control "$pkg"/control.*; do
    [ -f "$control" ] && build_one "$pkg" "$control"
  done
done
