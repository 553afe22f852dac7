# Shell helpers (test fleet) for Synnefo's Django database, sourced by snf-manage and its commands.

# Exports the libpq environment of DATABASES['default'] from /etc/synnefo.
snf_db_env() {
  local settings
  settings=$(/usr/lib/synnefo/snf-settings db) || {
    echo "DATABASES is not set in /etc/synnefo/*.conf" >&2; return 1; }
  eval "$settings"
  export PGHOST=${DB_HOST:-localhost} PGPORT=${DB_PORT:-5432} PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD \
    PGDATABASE=$DB_NAME PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning"
}

# psql that stops at the first error and prints nothing it is not asked for.
snf_psql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Value of one query, unaligned, tuples only.
snf_query() { psql -X -q -v ON_ERROR_STOP=1 -At -c "$1"; }
