"""Tables the Pithos backend creates itself when they are missing, as its SQLAlchemy workers do on first use
(12:BL/node.py:105-200 nodes/policy/statistics/versions/attributes; 12:BL/groups.py, public.py,
xfeatures.py; 13:BL/config.py config, 13:BL/quotaholder_serials.py qh_serials; at 0.13 public also has
url). Columns as in src/fleet/db/reference/schema-*.txt. alembic_version is never created here."""

ROOTNODE = 0

_NODE_TABLES = [
    ('nodes', """CREATE TABLE nodes (node {serial} PRIMARY KEY,
        parent integer REFERENCES nodes(node) ON DELETE CASCADE ON UPDATE CASCADE,
        latest_version integer, path varchar(2048) NOT NULL DEFAULT '')""",
     ['CREATE UNIQUE INDEX idx_nodes_path ON nodes (path)', 'CREATE INDEX idx_nodes_parent ON nodes (parent)']),
    ('policy', """CREATE TABLE policy (node integer NOT NULL REFERENCES nodes(node) ON DELETE CASCADE
        ON UPDATE CASCADE, key varchar(128) NOT NULL, value varchar(256), PRIMARY KEY (node, key))""", []),
    ('statistics', """CREATE TABLE statistics (node integer NOT NULL REFERENCES nodes(node) ON DELETE CASCADE
        ON UPDATE CASCADE, population integer NOT NULL DEFAULT 0, size bigint NOT NULL DEFAULT 0,
        mtime numeric(16,6), cluster integer NOT NULL DEFAULT 0, PRIMARY KEY (node, cluster))""", []),
    ('versions', """CREATE TABLE versions (serial {serial} PRIMARY KEY,
        node integer REFERENCES nodes(node) ON DELETE CASCADE ON UPDATE CASCADE, hash varchar(256),
        size bigint NOT NULL DEFAULT 0, type varchar(256) NOT NULL DEFAULT '', source integer,
        mtime numeric(16,6), muser varchar(256) NOT NULL DEFAULT '', uuid varchar(64) NOT NULL DEFAULT '',
        checksum varchar(256) NOT NULL DEFAULT '', cluster integer NOT NULL DEFAULT 0)""",
     ['CREATE INDEX idx_versions_node_mtime ON versions (node, mtime)',
      'CREATE INDEX idx_versions_node_uuid ON versions (uuid)']),
    ('attributes', """CREATE TABLE attributes (serial integer NOT NULL REFERENCES versions(serial)
        ON DELETE CASCADE ON UPDATE CASCADE, domain varchar(256) NOT NULL, key varchar(128) NOT NULL,
        value varchar(256), PRIMARY KEY (serial, domain, key))""", []),
]

_PERMISSION_TABLES = [
    ('groups', """CREATE TABLE groups (owner varchar(256) NOT NULL, name varchar(256) NOT NULL,
        member varchar(256) NOT NULL, PRIMARY KEY (owner, name, member))""",
     ['CREATE INDEX idx_groups_member ON groups (member)']),
    ('public', """CREATE TABLE public (public_id {serial} PRIMARY KEY, path varchar(2048) NOT NULL,
        active boolean NOT NULL DEFAULT true{public_url})""",
     ['CREATE UNIQUE INDEX idx_public_path ON public (path)']),
    ('xfeatures', """CREATE TABLE xfeatures (feature_id {serial} PRIMARY KEY, path varchar(2048))""",
     ['CREATE UNIQUE INDEX idx_features_path ON xfeatures (path)']),
    ('xfeaturevals', """CREATE TABLE xfeaturevals (feature_id integer NOT NULL REFERENCES xfeatures(feature_id)
        ON DELETE CASCADE, key integer NOT NULL, value varchar(256) NOT NULL,
        PRIMARY KEY (feature_id, key, value))""", []),
]

_TABLES_013 = [
    ('config', 'CREATE TABLE config (key varchar(256) NOT NULL PRIMARY KEY, value varchar(256))', []),
    ('qh_serials', 'CREATE TABLE qh_serials (serial bigint NOT NULL PRIMARY KEY)', []),
]


def ensure_tables(db, series):
    """Creates the missing backend tables (each worker checks its own) and the root node."""
    serial = 'serial' if db.dialect == 'postgresql' else 'integer'
    public_url = ', url varchar(2048)' if series == '0.13' else ''
    tables = _NODE_TABLES + _PERMISSION_TABLES + (_TABLES_013 if series == '0.13' else [])
    for name, ddl, indexes in tables:
        if db.table_exists(name):
            continue
        db.execute(ddl.format(serial=serial, public_url=public_url))
        for index in indexes:
            db.execute(index)
        if name == 'public' and series == '0.13':
            db.execute('CREATE UNIQUE INDEX idx_public_url ON public (url)')
    if db.one('SELECT count(*) FROM nodes WHERE node = %s', (ROOTNODE,))[0] == 0:
        db.execute("INSERT INTO nodes (node, parent, path) VALUES (%s, %s, '')", (ROOTNODE, ROOTNODE))
