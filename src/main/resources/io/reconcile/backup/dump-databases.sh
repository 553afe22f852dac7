# dump-databases.sh: consistent dumps of PostgreSQL databases, kept on this host (the database side).
# Run by reconcile (io.reconcile.backup.DatabaseDumps) with `sh -s`, after these assignments:
#   root=DIR      where dumps are kept: DIR/<host>-<port>-<database>/
#   stamp=NAME    the dump's file name without extension: <run id>-<before|after>-<phase>
# Stdin: one line per database, fields separated by single spaces:
#   <prefix> <host> <port> <database> <user> <base64 of the password>
# (host, database and user are checked by reconcile to hold no space; the password travels only here.)
#
# Per database: the server's WAL insert position is read first (any write moves it at once); when it
# equals the one recorded with the latest dump and that dump is still there, nothing happened since and
# nothing is dumped. Otherwise pg_dump writes a plain SQL dump (one snapshot: consistent), gzip -n (no
# timestamp, so the same data gives the same bytes), tested with gzip -t; when its SHA-256 equals the
# latest dump's, it is discarded as unchanged. Output protocol, one line per database on stdout:
#   dumped <prefix> <path> <sha256> <bytes>
#   unchanged <prefix> <path of the latest dump>
# A failure prints "failed <prefix> <reason>" and the script exits 1 after the databases before it.
# shellcheck disable=SC2154 # root and stamp are assigned by the caller, before this text
: "${root:?}" "${stamp:?}"
umask 077
status=0
while read -r prefix host port database user password64; do
  [ -n "$prefix" ] || continue
  PGPASSWORD=$(printf '%s' "$password64" | base64 -d) || { echo "failed $prefix bad password encoding"; status=1; break; }
  export PGPASSWORD
  dir="$root/$host-$port-$database"
  if ! mkdir -p "$dir" 2>/dev/null; then echo "failed $prefix cannot create $dir"; status=1; break; fi
  latest="$dir/latest"
  lsn=$(psql -X -q -A -t -w -h "$host" -p "$port" -U "$user" -d "$database" -c 'SELECT pg_current_wal_insert_lsn()' </dev/null 2>/dev/null) ||
    lsn=unknown
  previous_lsn="" previous_path="" previous_sum=""
  if [ -f "$latest" ]; then
    previous_lsn=$(sed -n 1p "$latest") previous_path=$(sed -n 2p "$latest") previous_sum=$(sed -n 3p "$latest")
  fi
  if [ "$lsn" != unknown ] && [ "$lsn" = "$previous_lsn" ] && [ -f "$previous_path" ]; then
    echo "unchanged $prefix $previous_path"
    continue
  fi
  tmp="$dir/.$stamp.sql.gz.partial"
  rm -f "$tmp" "$tmp.failed"
  { pg_dump -w -h "$host" -p "$port" -U "$user" -d "$database" </dev/null 2>"$tmp.err" || echo > "$tmp.failed"; } | gzip -n > "$tmp"
  if [ -e "$tmp.failed" ] || ! gzip -t "$tmp" 2>/dev/null; then
    echo "failed $prefix pg_dump of $database at $host:$port: $(tail -n 1 "$tmp.err" 2>/dev/null)"
    rm -f "$tmp" "$tmp.failed" "$tmp.err"
    status=1
    break
  fi
  rm -f "$tmp.err"
  sum=$(sha256sum < "$tmp" | cut -d ' ' -f 1)
  if [ "$sum" = "$previous_sum" ] && [ -f "$previous_path" ]; then
    rm -f "$tmp"
    printf '%s\n%s\n%s\n' "$lsn" "$previous_path" "$sum" > "$latest"
    echo "unchanged $prefix $previous_path"
    continue
  fi
  path="$dir/$stamp.sql.gz"
  mv -f "$tmp" "$path"
  printf '%s  %s\n' "$sum" "$stamp.sql.gz" > "$path.sha256"
  printf '%s\n%s\n%s\n' "$lsn" "$path" "$sum" > "$latest.new" && mv -f "$latest.new" "$latest"
  echo "dumped $prefix $path $sum $(wc -c < "$path")"
done
exit "$status"
