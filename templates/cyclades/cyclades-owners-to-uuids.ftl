#!/bin/sh
<#noparse>
# Managed by reconcile (templates/cyclades/cyclades-owners-to-uuids.ftl).
# Guide section 6.3: Cyclades' owners (VMs, networks, key pairs) become Astakos uuids.
#   cyclades-owners-to-uuids done   exit 0 when no owner is an email any more
#   cyclades-owners-to-uuids run    migrate the owners Astakos knows; owners it does not know (the guide:
#                                   "if no user exists ... --delete-user") are exported to
#                                   /var/backups/reconcile/cyclades-unknown-owners/TIME/ and deleted
set -eu
email_owners="SELECT count(*) FROM (SELECT userid FROM db_virtualmachine UNION ALL SELECT userid FROM db_network
  UNION ALL SELECT \"user\" FROM userdata_publickeypair) o WHERE userid LIKE '%@%'"
case "${1:-}" in
  done)
    [ "$(printf '%s\n' "$email_owners" | snf-manage dbshell -At)" = 0 ] ;;
  run)
    snf-manage cyclades-astakos-migrate-013 --migrate-users
    owners=$(snf-manage cyclades-astakos-migrate-013 --validate | sed -n 's/^Invalid user (not in Astakos): //p')
    [ -n "$owners" ] || exit 0
    dir=/var/backups/reconcile/cyclades-unknown-owners/$(date -u +%Y%m%dT%H%M%SZ)
    mkdir -p -m 0700 "$dir"
    printf '%s\n' "$owners" > "$dir/owners.txt"
    for table in db_virtualmachine:userid db_network:userid userdata_publickeypair:user; do
      printf "\\\\copy (SELECT * FROM %s WHERE \"%s\" LIKE '%%@%%') TO '%s/%s.csv' CSV HEADER\n" \
        "${table%%:*}" "${table#*:}" "$dir" "${table%%:*}" | snf-manage dbshell -q
    done
    printf '%s\n' "$owners" | while IFS= read -r owner; do
      snf-manage cyclades-astakos-migrate-013 --delete-user="$owner"
    done
    echo "unknown owners exported to $dir and deleted"
    ;;
  *) echo "usage: cyclades-owners-to-uuids done|run" >&2; exit 2 ;;
esac
</#noparse>
