"""The Pithos backend's database connection: an SQLAlchemy-style URL (PITHOS_BACKEND_DB_CONNECTION) opened
with psycopg2 (postgresql://) or the standard library's sqlite3 (sqlite:///...), as the real backend opens
it through SQLAlchemy (12:BL/dbwrapper.py). SQL is written with %s placeholders; sqlite gets '?'."""
import re
from urllib.parse import unquote, urlsplit

_POSTGRES = re.compile(r'^postgres(?:ql)?(?:\+\w+)?$')


class DatabaseUrlError(ValueError):
    """A URL neither postgresql:// nor sqlite:// (SQLAlchemy: 'Could not determine dialect')."""


def safe_url(url):
    """The URL with its password masked, as alembic prints it (alembic@rel_0_3_4:alembic/command.py:173)."""
    return re.sub(r'(://[^:/@]+:)[^@]*@', r'\1***@', url)


class DBWrapper:
    """One connection in one transaction at a time; commit()/rollback() end it."""

    def __init__(self, url):
        self.url = url
        scheme = url.split(':', 1)[0]
        if _POSTGRES.match(scheme):
            import psycopg2
            parts = urlsplit(url)
            self.conn = psycopg2.connect(
                host=parts.hostname or 'localhost', port=parts.port or 5432,
                user=unquote(parts.username or ''), password=unquote(parts.password or ''),
                dbname=parts.path.lstrip('/'), connect_timeout=10)
            self.dialect = 'postgresql'
        elif scheme == 'sqlite':
            import sqlite3
            # sqlite:////abs/path -> /abs/path; sqlite:///rel -> rel (SQLAlchemy's rule)
            path = url[len('sqlite:///'):] if url.startswith('sqlite:///') else ':memory:'
            self.conn = sqlite3.connect(path or ':memory:')
            self.conn.execute('PRAGMA foreign_keys = ON')
            self.dialect = 'sqlite'
        else:
            raise DatabaseUrlError("Could not determine dialect for '%s'." % scheme)

    def execute(self, sql, args=()):
        cur = self.conn.cursor()
        if self.dialect == 'postgresql':
            cur.execute(sql, tuple(args) if args else None)  # no arguments: no %-interpolation
        else:
            cur.execute(sql.replace('%s', '?'), tuple(args))
        return cur

    def one(self, sql, args=()):
        return self.execute(sql, args).fetchone()

    def all(self, sql, args=()):
        return self.execute(sql, args).fetchall()

    def insert(self, sql, args, key):
        """Runs an INSERT and returns the new row's KEY column."""
        if self.dialect == 'postgresql':
            return self.one(sql + ' RETURNING ' + key, args)[0]
        return self.execute(sql, args).lastrowid

    def table_exists(self, name):
        if self.dialect == 'postgresql':
            return self.one('SELECT to_regclass(%s) IS NOT NULL', (name,))[0]
        return self.one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = %s", (name,))[0] > 0

    def commit(self):
        self.conn.commit()

    def rollback(self):
        self.conn.rollback()

    def close(self):
        self.conn.close()
