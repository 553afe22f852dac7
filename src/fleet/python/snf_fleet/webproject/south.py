"""South's migrate on the fleet's migration files (test fleet, our own code).

Layout (src/fleet/README.md): /usr/share/synnefo/migrations/<app>/NNNN_name.sql and/or NNNN_name.py, shipped
by the app packages; a migration is its name (the file stem). Each runs in its own transaction: the .sql
file first, then the .py file's forwards(db, settings) (db: the psycopg2 connection of that transaction),
and the row (app_name, migration, applied) of south_migrationhistory, as South 0.7 does (a failure rolls
the whole migration back, prints "Error in migration: app:name" and ends the command with the exception).
"""
import datetime
import importlib.util
import os

MIGRATIONS = '/usr/share/synnefo/migrations'
SYNCDB = '/usr/share/synnefo/syncdb'


class GhostMigrations(Exception):
    def __init__(self, ghosts):
        super().__init__(ghosts)
        self.ghosts = ghosts

    def __str__(self):
        lines = [' ! These migrations are in the database but not on disk:']
        lines += ['    <%s: %s>' % g for g in self.ghosts]
        lines += [" ! I'm not trusting myself; either fix this yourself by fiddling",
                  ' ! with the south_migrationhistory table, or pass --delete-ghost-migrations',
                  ' ! to South to have it delete ALL of these records (this may not be good).']
        return '\n'.join(lines)


def apps():
    if not os.path.isdir(MIGRATIONS):
        return []
    return sorted(a for a in os.listdir(MIGRATIONS) if os.path.isdir(os.path.join(MIGRATIONS, a)))


def migrations(app):
    directory = os.path.join(MIGRATIONS, app)
    return sorted({os.path.splitext(f)[0] for f in os.listdir(directory)
                   if f[:4].isdigit() and f.endswith(('.sql', '.py'))})


def applied(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('south_migrationhistory') IS NOT NULL")
        if not cur.fetchone()[0]:
            conn.rollback()
            raise RuntimeError('DatabaseError: relation "south_migrationhistory" does not exist '
                               '(run snf-manage syncdb first)')
        cur.execute('SELECT app_name, migration FROM south_migrationhistory')
        done = set(cur.fetchall())
    conn.rollback()
    return done


def ghosts(done, app_list):
    return sorted((a, m) for a, m in done if a in app_list and m not in migrations(a))


def load_python(path):
    spec = importlib.util.spec_from_file_location('snf_fleet_migration_%d' % abs(hash(path)), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(conn, settings, app, name, fake=False):
    """Runs one migration in its own transaction and records it."""
    base = os.path.join(MIGRATIONS, app, name)
    try:
        with conn.cursor() as cur:
            if not fake and os.path.exists(base + '.sql'):
                with open(base + '.sql', encoding='utf-8') as f:
                    cur.execute(f.read())
            if not fake and os.path.exists(base + '.py'):
                load_python(base + '.py').forwards(conn, settings)
            cur.execute('INSERT INTO south_migrationhistory (app_name, migration, applied) VALUES (%s, %s, %s)',
                        (app, name, datetime.datetime.now()))
        conn.commit()
    except BaseException:
        conn.rollback()
        print('Error in migration: %s:%s' % (app, name), flush=True)
        raise
