#!/bin/sh
<#noparse>
# Managed by reconcile (templates/cyclades/cyclades-owners-to-uuids.ftl).
# Guide section 6.3: Cyclades' owners (VMs, networks, key pairs) become Astakos uuids, through
# snf-manage cyclades-astakos-migrate-013 --migrate-users, which asks Astakos' user catalog (HTTP, with
# CYCLADES_ASTAKOS_SERVICE_TOKEN) for the uuid of every owner that is an email.
#   cyclades-owners-to-uuids done   exit 0 when no owner Astakos knows is still an email (a dry run
#                                   migrates nobody); owners Astakos does not know are left to the
#                                   cyclades-owners-known invariant, which exports them, then deletes them
#   cyclades-owners-to-uuids run    the migration; fails with the reason when a lookup failed for any
#                                   other reason than an unknown user (a refused token, Astakos down)
# The real command exits 0 whatever happened; it prints "<email> -> <uuid|None>" per owner and
# "ERROR: User id migration failed (<reason>)" per failure, "No uuid for X" for unknown users
# (13:snf-cyclades-app/synnefo/api/management/commands/cyclades-astakos-migrate-013.py:147-170).
set -eu
migrate() { # snf-manage arguments...
  out=$(snf-manage cyclades-astakos-migrate-013 --migrate-users "$@" 2>&1) || {
    printf '%s\n' "$out" >&2; echo "cyclades-astakos-migrate-013 --migrate-users failed" >&2; return 1; }
  other=$(printf '%s\n' "$out" | sed -n 's/^ERROR: User id migration failed (\(.*\))$/\1/p' | grep -v '^No uuid for ' || true)
  if [ -n "$other" ]; then
    echo "the user migration failed: $(printf '%s\n' "$other" | head -n 1)" >&2
    return 1
  fi
}
case "${1:-}" in
  done)
    migrate --dry || exit 1
    # a dry run lists "<email> -> <uuid>" for every owner it would migrate, "<email> -> None" for the unknown
    ! printf '%s\n' "$out" | grep -F ' -> ' | grep -qv ' -> None$' ;;
  run)
    migrate
    printf '%s\n' "$out" | grep '^Migrated ' || true
    ;;
  *) echo "usage: cyclades-owners-to-uuids done|run" >&2; exit 2 ;;
esac
</#noparse>
