"""pithos-migrate: alembic 0.3.4 over the Pithos backend database, as snf-pithos-backend runs it
(13:B/migrate.py:100-116, 13:BL/alembic/env.py:6-15, alembic@rel_0_3_4:alembic/command.py,migration.py).

- The database is PITHOS_BACKEND_DB_CONNECTION of the settings, else BACKEND_DB_CONNECTION (Plankton),
  else None; `-c <ini>` is accepted (the real wrapper prepends the package's alembic.ini).
- Revisions are the SQL files snf-pithos-backend ships in /usr/share/synnefo/pithos-alembic (headers
  revision, down_revision, description, needs); each runs in the transaction of the whole command, with
  alembic_version updated after it. Every command loads all revisions, and 27381099d477 imports
  pithos.api.short_url, so without snf-pithos-app every command fails (alembic@rel_0_3_4:alembic/script.py:410).
- `current` prints `Current revision for <url, password masked>: None|<down> -> <rev>[ (head)], <doc>` and
  creates alembic_version when missing (migration.py:155); `upgrade` from no revision starts at the base
  revision, which fails on a database the backend already created (stamp it instead).
- 165ba3fbfe53 resolves every account name over HTTP: POST <PITHOS_USER_CATALOG_URL with 'user_catalogs'
  -> 'service/api/user_catalogs'> with PITHOS_SERVICE_TOKEN, in the real revision's order, printing
  `\\n<name> --> <uuid|None>` per new name (13:AV/165ba3fbfe53_update_path_account.py:33-49,103-209);
  PITHOS_AUTHENTICATION_USERS maps names to themselves; names without a uuid stay.
"""
import glob
import importlib.util
import os
import re
import sys

from snf_fleet import settings as settings_loader
from snf_fleet.lib.versions import series
from snf_fleet.pithos_backend import schema
from snf_fleet.pithos_backend.dbwrapper import DBWrapper, safe_url

VERSIONS = '/usr/share/synnefo/pithos-alembic'


def log(message):
    print('INFO  [alembic.migration] %s' % message, file=sys.stderr)


class Revision:
    def __init__(self, path):
        self.path = path
        with open(path, encoding='utf-8') as f:
            self.sql = f.read()
        headers = dict(re.findall(r'^-- (revision|down_revision|description|needs): *(.*)$', self.sql, re.M))
        self.revision, self.description = headers['revision'], headers.get('description', '')
        self.down = None if headers.get('down_revision', 'None') == 'None' else headers['down_revision']
        self.needs = headers.get('needs')


def chain():
    """The revisions from base to head (following down_revision)."""
    revisions = [Revision(p) for p in sorted(glob.glob(os.path.join(VERSIONS, '*.sql')))]
    by_down = {r.down: r for r in revisions}
    ordered, down = [], None
    while down in by_down:
        ordered.append(by_down[down])
        down = ordered[-1].revision
    if any(r.revision == '27381099d477' for r in ordered) and importlib.util.find_spec('snf_fleet.pithos') is None:
        raise ImportError('No module named pithos.api.short_url')
    return ordered


def describe(revision, head):
    return '%s -> %s%s, %s' % (revision.down, revision.revision, ' (head)' if revision is head else '',
                               revision.description)


def database_url(settings):
    for name in ('PITHOS_BACKEND_DB_CONNECTION', 'BACKEND_DB_CONNECTION'):
        if hasattr(settings, name):
            return getattr(settings, name)
    return None


def connect(url):
    if url is None:
        raise SystemExit("sqlalchemy.exc.ArgumentError: Could not parse rfc1738 URL from string 'None'")
    db = DBWrapper(url)
    log('Context impl %s.' % ('PostgresqlImpl' if db.dialect == 'postgresql' else 'SQLiteImpl'))
    log('Will assume %s DDL.' % ('transactional' if db.dialect == 'postgresql' else 'non-transactional'))
    return db


def current_revision(db):
    if not db.table_exists('alembic_version'):
        db.execute('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)')
        return None
    row = db.one('SELECT version_num FROM alembic_version')
    return row[0] if row else None


def set_revision(db, revision):
    db.execute('DELETE FROM alembic_version')
    db.execute('INSERT INTO alembic_version (version_num) VALUES (%s)', (revision,))


def account_names(db):
    """The names the revision looks up, in its order: node paths' accounts, modifying users, public paths,
    permission paths, permission holders ('*' skipped, the account of 'account:group'), group owners and
    members."""
    names = []
    queries = [("SELECT path FROM nodes ORDER BY node", lambda v: v.partition('/')[0]),
               ('SELECT DISTINCT muser FROM versions', None),
               ('SELECT path FROM public ORDER BY public_id', lambda v: v.partition('/')[0]),
               ('SELECT path FROM xfeatures ORDER BY feature_id', lambda v: v.partition('/')[0]),
               ("SELECT value FROM xfeaturevals WHERE value != '*'", lambda v: v.partition(':')[0])]
    labels = ['Migrating node paths...', 'Migrating version modification users...', 'Migrating public paths...',
              'Migrating permission paths...', 'Migrating permission holders...']
    for (sql, account_of), label in zip(queries, labels):
        names.append((label, [account_of(r[0]) if account_of else r[0] for r in db.all(sql)]))
    group_names = []
    for owner, member in db.all('SELECT owner, member FROM groups'):
        group_names += [owner, member]
    names.append(('Migrating group owners & members...', group_names))
    return names


def user_catalog(db, settings):
    """{name: uuid} of the names Astakos resolved, asked over HTTP in the revision's order."""
    from snf_fleet.lib import astakos
    from snf_fleet.pithos import config
    pithos = config.load(settings)
    url = pithos.USER_CATALOG_URL.replace('user_catalogs', 'service/api/user_catalogs')
    catalog = {}
    for label, names in account_names(db):
        print(label)
        for name in names:
            if name in catalog:
                continue
            catalog[name] = astakos.get_user_uuid(pithos.SERVICE_TOKEN, name, url, pithos.AUTHENTICATION_USERS)
            print('\n%s --> %s' % (name, catalog[name]))
    return {name: uuid for name, uuid in catalog.items() if uuid}


def run_revision(db, revision, settings):
    log('Running upgrade %s -> %s' % (revision.down, revision.revision))
    if revision.needs == 'user_catalog':
        catalog = user_catalog(db, settings)
        db.execute('CREATE TEMPORARY TABLE user_catalog (displayname text PRIMARY KEY, uuid text NOT NULL)')
        for name, uuid in catalog.items():
            db.execute('INSERT INTO user_catalog (displayname, uuid) VALUES (%s, %s)', (name, uuid))
    db.execute(revision.sql)
    set_revision(db, revision.revision)


def resolve(revisions, name):
    if name == 'head':
        return revisions[-1]
    for revision in revisions:
        if revision.revision == name or (len(name) >= 4 and revision.revision.startswith(name)):
            return revision
    raise SystemExit("No such revision '%s'" % name)


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    if '-c' in args:
        i = args.index('-c')
        del args[i:i + 2]
    settings = settings_loader.load()
    command = args[0] if args else None
    if command == 'initdb':
        print('Initializing db.')
        db = connect(database_url(settings))
        schema.ensure_tables(db, series('pithos_backend'))
        revisions = chain()
        current_revision(db)
        set_revision(db, revisions[-1].revision)
        db.commit()
        print('DB initialized.')
        return 1
    if command not in ('current', 'stamp', 'upgrade', 'history'):
        print('usage: pithos-migrate [-h] [-c CONFIG] {current,stamp,upgrade,history,initdb} ...', file=sys.stderr)
        return 2
    revisions = chain()
    if command == 'history':
        for revision in reversed(revisions):
            print(describe(revision, revisions[-1]))
        return 0
    url = database_url(settings)
    db = connect(url)
    try:
        current = current_revision(db)
        if command == 'current':
            found = next((r for r in revisions if r.revision == current), None)
            print('Current revision for %s: %s' % (safe_url(url), describe(found, revisions[-1]) if found
                                                   else current))
        elif command == 'stamp':
            if len(args) != 2:
                raise SystemExit('usage: pithos-migrate stamp REVISION')
            set_revision(db, resolve(revisions, args[1]).revision)
        else:
            if len(args) != 2:
                raise SystemExit('usage: pithos-migrate upgrade REVISION')
            target = resolve(revisions, args[1])
            start = 0 if current is None else [r.revision for r in revisions].index(current) + 1
            for revision in revisions[start:revisions.index(target) + 1]:
                run_revision(db, revision, settings)
        db.commit()
    except Exception:
        db.rollback()
        raise
    finally:
        db.close()
    return 0
