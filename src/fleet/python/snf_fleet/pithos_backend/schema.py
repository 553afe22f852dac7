"""Tables the Pithos backend creates itself when they are missing, as its SQLAlchemy workers do on first use
(12:BL/node.py:105-200 and groups/public/xfeatures; 13:BL/config.py, quotaholder_serials.py): the SQL that
snf-pithos-backend ships in /usr/share/synnefo/pithos-backend (src/fleet/db/backend/pithos, each file
only from its release on). alembic_version is never created here."""
import glob
import os

ROOTNODE = 0
SQL_DIR = '/usr/share/synnefo/pithos-backend'


def ensure_tables(db, series):
    """Runs the shipped table SQL (idempotent: IF NOT EXISTS) when one of its tables is missing."""
    expected = ['nodes', 'groups', 'public', 'xfeatures'] + (['config', 'qh_serials'] if series == '0.13' else [])
    if all(db.table_exists(t) for t in expected):
        return
    for path in sorted(glob.glob(os.path.join(SQL_DIR, '*.sql'))):
        with open(path, encoding='utf-8') as f:
            sql = f.read()
        if db.dialect == 'sqlite':  # an Integer primary key of its own is a rowid there
            db.conn.executescript(sql.replace('bigserial PRIMARY KEY', 'integer PRIMARY KEY')
                                  .replace('serial PRIMARY KEY', 'integer PRIMARY KEY'))
        else:
            db.execute(sql)
