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

# Exports the libpq environment of the Pithos backend database, PITHOS_BACKEND_DB_CONNECTION
# (postgresql://user:password@host:port/db); SAFE_URL is the URL without the password.
pithos_db_env() {
  local url
  url=$(/usr/lib/synnefo/snf-settings get PITHOS_BACKEND_DB_CONNECTION) || {
    echo "PITHOS_BACKEND_DB_CONNECTION is not set in /etc/synnefo/*.conf" >&2; return 1; }
  [[ "$url" =~ ^postgresql(\+[a-z0-9]+)?://([^:@/]+)(:([^@]*))?@([^:/]+)(:([0-9]+))?/([^?]+) ]] || {
    echo "PITHOS_BACKEND_DB_CONNECTION is not a postgresql:// URL: ${url%%:*}:..." >&2; return 1; }
  export PGUSER=${BASH_REMATCH[2]} PGPASSWORD=${BASH_REMATCH[4]} PGHOST=${BASH_REMATCH[5]} \
    PGPORT=${BASH_REMATCH[7]:-5432} PGDATABASE=${BASH_REMATCH[8]} PGCONNECT_TIMEOUT=10 \
    PGOPTIONS="-c client_min_messages=warning"
  SAFE_URL="postgresql://$PGUSER:***@$PGHOST:$PGPORT/$PGDATABASE"
}

# The Astakos database, for the services' commands that talk to Astakos and its quotaholder (the real
# ones use HTTP): ASTAKOS_DB_NAME (default snf_apps) on the server of the current environment.
astakos_db() { echo "${ASTAKOS_DB_NAME:-snf_apps}"; }

# Sets the usage of RESOURCES (comma-separated full names) in the quotaholder from "uuid<TAB>resource<TAB>usage"
# lines on stdin: every user holding of those resources gets its counted usage (0 when absent), as the
# services' reset-usage commands do.
reset_usage() { # RESOURCES
  PGDATABASE=$(astakos_db) snf_psql -1 -v resources="$1" \
    -c "CREATE TEMPORARY TABLE counted (entity text, resource text, usage numeric)" \
    -c "\\copy counted FROM STDIN" \
    -f /usr/lib/synnefo/reset-usage.sql
}
