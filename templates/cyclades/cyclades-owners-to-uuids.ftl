#!/bin/sh
<#noparse>
# Managed by reconcile (templates/cyclades/cyclades-owners-to-uuids.ftl).
# Guide section 6.3: Cyclades' owners (VMs, networks, key pairs) become Astakos uuids.
#   cyclades-owners-to-uuids done   exit 0 when no owner is an email any more
#   cyclades-owners-to-uuids run    snf-manage cyclades-astakos-migrate-013 --migrate-users, which asks
#                                   Astakos' user catalog (HTTP, CYCLADES_ASTAKOS_SERVICE_TOKEN) for each
#                                   email; owners Astakos does not know ("No uuid for X": the guide's "if
#                                   no user exists ... --delete-user") are exported to
#                                   /var/backups/reconcile/cyclades-unknown-owners/TIME/, then deleted.
# The real command exits 0 whatever happened and reports each failure as a line
# "ERROR: User id migration failed (<reason>)" (13:snf-cyclades-app/synnefo/api/management/commands/
# cyclades-astakos-migrate-013.py:147-170): any reason but "No uuid for X" (a refused token, Astakos
# down) stops here with that reason, before anything is deleted.
set -eu
email_owners="SELECT count(*) FROM (SELECT userid FROM db_virtualmachine UNION ALL SELECT userid FROM db_network
  UNION ALL SELECT \"user\" FROM userdata_publickeypair) o(userid) WHERE userid LIKE '%@%'"
case "${1:-}" in
  done)
    [ "$(printf '%s\n' "$email_owners" | snf-manage dbshell -At)" = 0 ] ;;
  run)
    out=$(snf-manage cyclades-astakos-migrate-013 --migrate-users 2>&1) || {
      printf '%s\n' "$out" >&2; echo "cyclades-astakos-migrate-013 --migrate-users failed" >&2; exit 1; }
    failures=$(printf '%s\n' "$out" | sed -n 's/^ERROR: User id migration failed (\(.*\))$/\1/p')
    others=$(printf '%s\n' "$failures" | grep -v '^No uuid for ' || true)
    if [ -n "$others" ]; then
      printf '%s\n' "$out" | grep -v ' -> ' >&2 || true
      echo "the user migration failed for other reasons than unknown users (first: $(printf '%s\n' "$others" | head -n 1))" >&2
      exit 1
    fi
    owners=$(printf '%s\n' "$failures" | sed -n 's/^No uuid for //p')
    [ -n "$owners" ] || exit 0
    dir=/var/backups/reconcile/cyclades-unknown-owners/$(date -u +%Y%m%dT%H%M%SZ)
    # shellcheck disable=SC2174 # only the run's own directory needs 0700
    mkdir -p -m 0700 "$dir"
    printf '%s\n' "$owners" > "$dir/owners.txt"
    for table in db_virtualmachine:userid db_network:userid userdata_publickeypair:user; do
      printf "\\\\copy (SELECT * FROM %s WHERE \"%s\" LIKE '%%@%%') TO '%s/%s.csv' CSV HEADER\n" \
        "${table%%:*}" "${table#*:}" "$dir" "${table%%:*}" | snf-manage dbshell -q
    done
    printf '%s\n' "$owners" | while IFS= read -r owner; do
      # The real --delete-user lists the entries and asks for "yes of course" (same file, :245-255).
      deleted=$(printf 'yes of course\n' | snf-manage cyclades-astakos-migrate-013 --delete-user="$owner" 2>&1) || {
        printf '%s\n' "$deleted" >&2; exit 1; }
      printf '%s\n' "$deleted" | grep -qxF 'User entries removed.' || {
        printf '%s\n' "$deleted" >&2; echo "deleting the entries of $owner failed" >&2; exit 1; }
    done
    echo "unknown owners exported to $dir and deleted"
    ;;
  *) echo "usage: cyclades-owners-to-uuids done|run" >&2; exit 2 ;;
esac
</#noparse>
