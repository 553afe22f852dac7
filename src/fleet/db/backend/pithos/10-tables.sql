-- release: 0.12
-- The tables the Pithos backend creates itself when it first opens its database (SQLAlchemy
-- create_all: only what is missing): 12:snf-pithos-backend/pithos/backends/lib/sqlalchemy/node.py:105-200
-- (nodes, policy, statistics, versions, attributes and the root node 0), groups.py:45-51, public.py:43-48,
-- xfeatures.py:46-60. Alembic does not create them, so a 0.12.5 database that nobody ran pithos-migrate
-- on has no alembic_version. An Integer primary key of its own is a SERIAL on PostgreSQL.
CREATE TABLE IF NOT EXISTS nodes (
    node serial PRIMARY KEY,
    parent integer REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    latest_version integer,
    path varchar(2048) NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_nodes_path ON nodes (path);
CREATE INDEX IF NOT EXISTS idx_nodes_parent ON nodes (parent);
CREATE TABLE IF NOT EXISTS policy (
    node integer NOT NULL REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    key varchar(128) NOT NULL,
    value varchar(256),
    PRIMARY KEY (node, key)
);
CREATE TABLE IF NOT EXISTS statistics (
    node integer NOT NULL REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    population integer NOT NULL,
    size bigint NOT NULL,
    mtime numeric(16, 6),
    cluster integer NOT NULL,
    PRIMARY KEY (node, cluster)
);
CREATE TABLE IF NOT EXISTS versions (
    serial serial PRIMARY KEY,
    node integer REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    hash varchar(256),
    size bigint NOT NULL,
    type varchar(256) NOT NULL,
    source integer,
    mtime numeric(16, 6),
    muser varchar(256) NOT NULL,
    uuid varchar(64) NOT NULL,
    checksum varchar(256) NOT NULL,
    cluster integer NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_versions_node_mtime ON versions (node, mtime);
CREATE INDEX IF NOT EXISTS idx_versions_node_uuid ON versions (uuid);
CREATE TABLE IF NOT EXISTS attributes (
    serial integer NOT NULL REFERENCES versions (serial) ON UPDATE CASCADE ON DELETE CASCADE,
    domain varchar(256) NOT NULL,
    key varchar(128) NOT NULL,
    value varchar(256),
    PRIMARY KEY (serial, domain, key)
);
CREATE TABLE IF NOT EXISTS groups (
    owner varchar(256) NOT NULL,
    name varchar(256) NOT NULL,
    member varchar(256) NOT NULL,
    PRIMARY KEY (owner, name, member)
);
CREATE INDEX IF NOT EXISTS idx_groups_member ON groups (member);
CREATE TABLE IF NOT EXISTS public (
    public_id serial PRIMARY KEY,
    path varchar(2048) NOT NULL,
    active boolean NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_public_path ON public (path);
CREATE TABLE IF NOT EXISTS xfeatures (
    feature_id serial PRIMARY KEY,
    path varchar(2048)
);
CREATE UNIQUE INDEX IF NOT EXISTS idx_features_path ON xfeatures (path);
CREATE TABLE IF NOT EXISTS xfeaturevals (
    feature_id integer NOT NULL REFERENCES xfeatures (feature_id) ON DELETE CASCADE,
    key integer NOT NULL,
    value varchar(256) NOT NULL,
    PRIMARY KEY (feature_id, key, value)
);
-- The root node every account hangs from (Node() inserts it when missing).
INSERT INTO nodes (node, parent, path) SELECT 0, 0, '' WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE node = 0);
