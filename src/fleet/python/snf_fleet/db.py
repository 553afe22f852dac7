"""The Django database of a Synnefo host: DATABASES['default'] of the settings (test fleet).

Django 1.2 accepts the short engine names ('postgresql_psycopg2') and the dotted ones. The fleet fakes
PostgreSQL only: any other engine (the packaged default is sqlite3, 13:snf-webproject/synnefo/webproject/
settings/default/database.py) fails with ImproperlyConfigured, where the real service would fail on the
missing sqlite tables.
"""
import psycopg2

POSTGRESQL_ENGINES = ('postgresql_psycopg2', 'postgresql', 'django.db.backends.postgresql_psycopg2',
                      'django.db.backends.postgresql')


class ImproperlyConfigured(Exception):
    pass


def connection_parameters(settings):
    try:
        default = settings.DATABASES['default']
    except (AttributeError, KeyError, TypeError):
        raise ImproperlyConfigured("settings.DATABASES has no 'default' database")
    engine = default.get('ENGINE', '')
    if engine not in POSTGRESQL_ENGINES:
        raise ImproperlyConfigured("DATABASES['default'] ENGINE is %r: the test fleet fakes PostgreSQL only "
                                   "(a real host would use that database and find no Synnefo tables)" % engine)
    params = {'dbname': default.get('NAME', ''), 'user': default.get('USER', ''),
              'password': default.get('PASSWORD', ''), 'host': default.get('HOST', ''),
              'connect_timeout': 10, 'options': '-c client_min_messages=warning'}
    if default.get('PORT'):
        params['port'] = str(default['PORT'])
    return {k: v for k, v in params.items() if v != ''}


def connect(settings):
    """A new psycopg2 connection (a transaction opens at the first statement; commit or roll back)."""
    return psycopg2.connect(**connection_parameters(settings))


def rows(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.fetchall()


def row(conn, sql, args=()):
    result = rows(conn, sql, args)
    return result[0] if result else None


def execute(conn, sql, args=()):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        return cur.rowcount
