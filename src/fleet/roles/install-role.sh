#!/bin/bash
# Runs inside a throw-away container (started by build-images.sh, offline, with the local repository
# at /srv/repo and src/fleet/db at /srv/fleet-db) and turns it into a role image:
#   install-role.sh dbhost -          PostgreSQL 15 with the Synnefo role and databases
#   install-role.sh ROLE RELEASE      the role's packages at RELEASE, configured like a deployed host
set -euo pipefail
role=$1 release=$2
export DEBIAN_FRONTEND=noninteractive
say() { echo "install-role[$role $release]: $*"; }
# The 0.13 fleet's quotaholder token (a test value; the bundle's tests set their own).
FLEET_QUOTAHOLDER_TOKEN=fleet-quotaholder-token-0d4c
# Astakos as every host reaches it: its Apache front end, by the astakos host's name (src/fleet/README.md).
ASTAKOS_FRONT_END=https://astakos1

synnefo_version() { case "$1" in 0.12) echo 0.12.5-1 ;; 0.13) echo 0.13-1 ;; esac; }
kamaki_version() { case "$1" in 0.12) echo 0.7.9-1 ;; 0.13) echo 0.8-1 ;; esac; }

# The guide's package list per role (docs/synnefo-facts.md §6), pinned to the release.
role_packages() {
  local v k
  v=$(synnefo_version "$release") k=$(kamaki_version "$release")
  case "$role" in
    astakos)
      echo "kamaki=$k snf-common=$v snf-webproject=$v snf-quotaholder-app=$v snf-astakos-app=$v"
      # The front end (quick-install guide: apt-get install apache2); ssl-cert makes the snakeoil pair.
      echo "apache2 ssl-cert"
      ;;
    cyclades)
      echo "kamaki=$k snf-common=$v snf-webproject=$v snf-pithos-backend=$v snf-cyclades-app=$v"
      # VMAPI (0.13) needs memcached; 0.12 hosts never had it.
      [ "$release" = 0.13 ] && echo "memcached python-memcache"
      ;;
    pithos) echo "kamaki=$k snf-common=$v snf-webproject=$v snf-pithos-backend=$v snf-pithos-app=$v snf-pithos-webclient=$v" ;;
    ganeti) echo "kamaki=$k snf-common=$v snf-cyclades-gtools=$v snf-pithos-backend=$v" ;;
    *) echo "unknown role $role" >&2; exit 2 ;;
  esac
}

# Sets NAME = VALUE (Python source) in a settings file as an operator edits it: the active or commented-out
# assignment (a commented block as a whole) is replaced, else the line is appended (set-setting.py).
set_setting() { # FILE NAME VALUE
  python3 /srv/fleet-roles/set-setting.py "$1" "$2" "$3"
}

setup_dbhost() {
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql-15
  local conf=/etc/postgresql/15/main
  cat > "$conf/conf.d/fleet.conf" <<'EOF'
# Test fleet: reachable from the fleet network; durability traded for speed (disposable data).
listen_addresses = '*'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
max_connections = 200
EOF
  cat >> "$conf/pg_hba.conf" <<'EOF'
# Test fleet: Synnefo services on other hosts of the fleet network
host    all             synnefo         0.0.0.0/0               md5
host    all             synnefo         ::/0                    md5
EOF
  service postgresql restart
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'EOF'
CREATE ROLE synnefo LOGIN PASSWORD 'example_db_password';
CREATE DATABASE snf_apps OWNER synnefo;
CREATE DATABASE snf_cyclades OWNER synnefo;
CREATE DATABASE snf_pithos OWNER synnefo;
EOF
  service postgresql stop
}

# Points the Django database of this host at NAME (configure_common writes the operator's DATABASES).
set_db_name() { sed -i "/^#/! s/'NAME': '[^']*'/'NAME': '$1'/" /etc/synnefo/10-snf-webproject-database.conf; }

# --- snf-common, snf-webproject: what every operator sets (facts section 5, "Keep from 0.12.5") -------------
# The packages ship these files with every line commented out; the guide has the admin uncomment and edit
# DATABASES and SECRET_KEY (13:docs/quick-install-admin-guide.rst:545-573). Values differ per role.
database_of_role() {
  case "$role" in cyclades) echo snf_cyclades ;; pithos) echo snf_pithos ;; *) echo snf_apps ;; esac
}

configure_common() {
  local admins=/etc/synnefo/00-snf-common-admins.conf
  set_setting "$admins" ADMINS "(
    ('Fleet Admin', 'admin@example.synnefo.org'),
)"
  set_setting "$admins" EMAIL_HOST "'mail.example.synnefo.org'"
  set_setting "$admins" EMAIL_SUBJECT_PREFIX "'[$role] '"
  set_setting "$admins" DEFAULT_FROM_EMAIL "'Synnefo Cloud <no-reply@example.synnefo.org>'"
  [ -f /etc/synnefo/10-snf-webproject-database.conf ] || return 0
  set_setting /etc/synnefo/10-snf-webproject-database.conf DATABASES "{
    'default': {
        # 'postgresql_psycopg2', 'postgresql','mysql', 'sqlite3' or 'oracle'
        'ENGINE': 'postgresql_psycopg2',
        'NAME': '$(database_of_role)',
        'USER': 'synnefo',
        'PASSWORD': 'example_db_password',
        'HOST': 'db',
        'PORT': '5432',
    }
}"
  # A key with the characters real ones have (quotes excepted), one per role.
  set_setting /etc/synnefo/10-snf-webproject-deploy.conf SECRET_KEY "'sy6)mw6a7x%n)-fleet-$role#zzk4jo6f2=uqu!1o%)'"
}

# --- astakos: the operator's Astakos settings (13:docs/quick-install-admin-guide.rst:575-616,640-647) -------
configure_astakos_settings() {
  local conf=/etc/synnefo/20-snf-astakos-app-settings.conf
  set_setting "$conf" ASTAKOS_BASEURL "'$ASTAKOS_FRONT_END'"
  set_setting "$conf" ASTAKOS_COOKIE_DOMAIN "'.example.synnefo.org'"
  set_setting "$conf" ASTAKOS_COOKIE_NAME "'_pithos2_a'"
  # Login: 0.12.5's default modules, kept explicit (0.13's default drops shibboleth); no invitations or
  # moderation; reCAPTCHA on (0.13's default turns it off).
  set_setting "$conf" ASTAKOS_IM_MODULES "['local', 'shibboleth']"
  set_setting "$conf" ASTAKOS_INVITATIONS_ENABLED False
  set_setting "$conf" ASTAKOS_MODERATION_ENABLED False
  set_setting "$conf" ASTAKOS_RECAPTCHA_PUBLIC_KEY "'example_recaptcha_public_key!@#\$%^&*('"
  set_setting "$conf" ASTAKOS_RECAPTCHA_PRIVATE_KEY "'example_recaptcha_private_key!@#\$%^&*('"
  set_setting "$conf" ASTAKOS_RECAPTCHA_USE_SSL True
  set_setting "$conf" ASTAKOS_RECAPTCHA_ENABLED True
  if [ "$release" = 0.12 ]; then
    set_setting "$conf" ASTAKOS_DEFAULT_FROM_EMAIL "'Synnefo Cloud <no-reply@example.synnefo.org>'"
    set_setting "$conf" ASTAKOS_DEFAULT_ADMIN_EMAIL "'admin@example.synnefo.org'"
  else
    # The converged 0.13 host: the renamed email settings (guide 3.4) and the quotaholder, which runs in
    # this host's gunicorn and which Astakos reaches through the front end, as the guide sets it up.
    set_setting "$conf" SERVER_EMAIL "'Synnefo Cloud <no-reply@example.synnefo.org>'"
    set_setting "$conf" ADMINS "(('Fleet Admin', 'admin@example.synnefo.org'),)"
    set_setting "$conf" ASTAKOS_EMAILCHANGE_ENABLED True
    set_setting "$conf" QUOTAHOLDER_TOKEN "'$FLEET_QUOTAHOLDER_TOKEN'"
    set_setting "$conf" ASTAKOS_QUOTAHOLDER_URL "'$ASTAKOS_FRONT_END/quotaholder/v'"
    set_setting "$conf" ASTAKOS_QUOTAHOLDER_TOKEN "'$FLEET_QUOTAHOLDER_TOKEN'"
  fi
  local cloudbar=/etc/synnefo/20-snf-astakos-app-cloudbar.conf
  set_setting "$cloudbar" CLOUDBAR_LOCATION "'$ASTAKOS_FRONT_END/static/im/cloudbar/'"
  set_setting "$cloudbar" CLOUDBAR_SERVICES_URL "'$ASTAKOS_FRONT_END/im/get_services'"
  set_setting "$cloudbar" CLOUDBAR_MENU_URL "'$ASTAKOS_FRONT_END/im/get_menu'"
}

# Astakos' Apache front end as the quick-install guide sets it up ("Apache2 setup"): HTTPS with the snakeoil
# certificate, proxying to gunicorn, which keeps the package's --bind=127.0.0.1:8080 on this host.
# Lines marked @0.12@ in the site are what a 0.12 front end had and 0.13 must not (upgrade guide 3.4).
setup_front_end() {
  if [ "$release" = 0.12 ]; then
    sed 's/^@0.12@//' /srv/fleet-roles/apache-synnefo-ssl
  else
    sed '/^@0.12@/d' /srv/fleet-roles/apache-synnefo-ssl
  fi > /etc/apache2/sites-available/synnefo-ssl
  cp /srv/fleet-roles/apache-synnefo /etc/apache2/sites-available/synnefo
  a2enmod -q ssl rewrite headers proxy_http
  a2dissite -q 000-default
  # The sites keep the guide's names (an Apache 2.2 layout); 2.4 includes sites-enabled/*.conf only, so the
  # links a2ensite would make get the suffix by hand (a2ensite refuses names without .conf).
  for site in synnefo synnefo-ssl; do
    ln -sfn "../sites-available/$site" "/etc/apache2/sites-enabled/$site.conf"
  done
  apache2ctl configtest
}

# --- cyclades, pithos, ganeti: what their operator set (helper cycpithos) ---------------------------------
# The 0.12.5 guide has the admin create 20-snf-cyclades-app-api.conf, which the 0.12.5 deb does not ship
# (12:docs/quick-install-admin-guide.rst:1680), so at 0.13 dpkg finds it "created by you". Cyclades and Pithos
# listen on the fleet network (the admin writes /etc/gunicorn.d/synnefo); Astakos is behind its front end.
ASTAKOS_AUTH_URL="'$ASTAKOS_FRONT_END/im/authenticate'"
QUOTAHOLDER_URL="'$ASTAKOS_FRONT_END/quotaholder/v'"
AMQP_HOSTS='["amqp://synnefo:example_rabbitmq_passw0rd@astakos1:5672"]'
listen_on_fleet() { sed -i "s/'--bind=127.0.0.1:8080'/'--bind=0.0.0.0:8080'/" /etc/gunicorn.d/synnefo; }
# A service's Astakos token in the default seed (seed/apps.sql: md5('<seed>:service:<name>')).
seed_token() { printf '1:service:%s' "$1" | md5sum | cut -c1-32; }

configure_cyclades_pithos_ganeti() {
  local pithos_db="'postgresql://synnefo:example_db_password@db:5432/snf_pithos'"
  case "$role" in
    cyclades)
      set_db_name snf_cyclades
      listen_on_fleet
      # memcached (0.13): bookworm's /etc/memcached.conf names the pid file of its systemd unit
      # (/var/run/memcached/memcached.pid); its sysvinit script writes and stops by /var/run/memcached.pid.
      # The operator of a sysvinit host makes them agree, so that `service memcached stop` stops it.
      if [ -f /etc/memcached.conf ]; then
        sed -i 's|^-P .*|-P /var/run/memcached.pid|' /etc/memcached.conf
      fi
      # created by the 0.12 admin (root:www-data 0640 like the packaged files); shipped by the 0.13 package
      [ -f /etc/synnefo/20-snf-cyclades-app-api.conf ] ||
        install -m 640 -o root -g www-data /dev/null /etc/synnefo/20-snf-cyclades-app-api.conf
      set_setting /etc/synnefo/20-snf-cyclades-app-api.conf ASTAKOS_URL "$ASTAKOS_AUTH_URL"
      set_setting /etc/synnefo/20-snf-cyclades-app-api.conf SECRET_ENCRYPTION_KEY '"oEs0pt7Di1mkxA0P6FiK"'
      set_setting /etc/synnefo/20-snf-cyclades-app-queues.conf AMQP_HOSTS "$AMQP_HOSTS"
      set_setting /etc/synnefo/20-snf-cyclades-app-backend.conf BACKEND_PREFIX_ID '"fleet-"'
      set_setting /etc/synnefo/20-snf-cyclades-app-plankton.conf BACKEND_DB_CONNECTION "$pithos_db"
      set_setting /etc/synnefo/20-snf-cyclades-app-plankton.conf BACKEND_BLOCK_PATH "'/srv/pithos/data/'"
      if [ "$release" = 0.13 ]; then
        set_setting /etc/synnefo/20-snf-cyclades-app-api.conf CYCLADES_ASTAKOS_SERVICE_TOKEN "'$(seed_token cyclades)'"
        set_setting /etc/synnefo/20-snf-cyclades-app-quotas.conf CYCLADES_USE_QUOTAHOLDER True
        set_setting /etc/synnefo/20-snf-cyclades-app-quotas.conf CYCLADES_QUOTAHOLDER_URL "$QUOTAHOLDER_URL"
        set_setting /etc/synnefo/20-snf-cyclades-app-quotas.conf CYCLADES_QUOTAHOLDER_TOKEN "'$FLEET_QUOTAHOLDER_TOKEN'"
      fi
      ;;
    pithos)
      set_db_name snf_pithos
      listen_on_fleet
      local conf=/etc/synnefo/20-snf-pithos-app-settings.conf
      set_setting "$conf" PITHOS_BACKEND_DB_CONNECTION "$pithos_db"
      set_setting "$conf" PITHOS_BACKEND_BLOCK_PATH "'/srv/pithos/data'"
      set_setting "$conf" PITHOS_AUTHENTICATION_URL "$ASTAKOS_AUTH_URL"
      set_setting "$conf" PITHOS_AUTHENTICATION_USERS None
      set_setting "$conf" PITHOS_SERVICE_TOKEN "'$(seed_token pithos)'"
      install -d -o www-data -g www-data /srv/pithos/data
      if [ "$release" = 0.13 ]; then
        set_setting "$conf" PITHOS_USER_CATALOG_URL "'$ASTAKOS_FRONT_END/user_catalogs'"
        set_setting "$conf" PITHOS_USE_QUOTAHOLDER True
        set_setting "$conf" PITHOS_QUOTAHOLDER_URL "$QUOTAHOLDER_URL"
        set_setting "$conf" PITHOS_QUOTAHOLDER_TOKEN "'$FLEET_QUOTAHOLDER_TOKEN'"
      fi
      ;;
    ganeti)
      set_setting /etc/synnefo/20-snf-cyclades-gtools-backend.conf AMQP_HOSTS "$AMQP_HOSTS"
      set_setting /etc/synnefo/20-snf-cyclades-gtools-backend.conf BACKEND_PREFIX_ID '"fleet-"'
      # The event daemon runs on the Ganeti master; the admin enables it there.
      sed -i 's/^SNF_EVENTD_ENABLE=.*/SNF_EVENTD_ENABLE=true/' /etc/default/snf-ganeti-eventd
      ;;
  esac
}

# Deployment-specific configuration a 0.12 / 0.13 operator would have made on this role.
configure_role() {
  case "$role" in
    astakos)
      setup_front_end
      install -d /usr/local/share/fleet-seed
      cp -r /srv/fleet-db/. /usr/local/share/fleet-seed/
      ln -sf /usr/local/share/fleet-seed/fleet-seed-db /usr/local/sbin/fleet-seed-db
      install -d /srv/seed-out
      configure_astakos_settings
      ;;
    cyclades|pithos|ganeti) configure_cyclades_pithos_ganeti ;;
  esac
}

if [ "$role" = dbhost ]; then
  setup_dbhost
else
  apt-get update -q
  # shellcheck disable=SC2046
  apt-get install -y -q $(role_packages)
  configure_common
  configure_role
fi

# Commit a quiet image: stop what the package scripts started (fleet-init starts it again at boot).
for script in /etc/rc2.d/S[0-9][0-9]*; do
  "$script" stop >/dev/null 2>&1 || true
done
apt-get clean
rm -rf /var/log/gunicorn/* /var/log/synnefo/*
say "done: $(dpkg-query -W -f '${Package}=${Version} ' 'snf-*' kamaki gunicorn 2>/dev/null || true)"
