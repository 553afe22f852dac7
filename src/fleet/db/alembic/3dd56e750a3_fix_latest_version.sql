-- release: 0.12
-- revision: 3dd56e750a3
-- down_revision: None
-- description: fix latest_version
-- Test fleet: this revision stands for the whole 0.12 Pithos schema (the first one the fleet's
-- pithos-migrate knows), so that "upgrade head" on an empty database creates it.
CREATE TABLE nodes (
    node serial PRIMARY KEY,
    parent integer REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    latest_version integer,
    path varchar(2048) NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX idx_nodes_path ON nodes (path);
CREATE INDEX idx_nodes_parent ON nodes (parent);
CREATE TABLE policy (
    node integer NOT NULL REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    key varchar(128) NOT NULL,
    value varchar(256),
    PRIMARY KEY (node, key)
);
CREATE TABLE statistics (
    node integer NOT NULL REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    population integer NOT NULL DEFAULT 0,
    size bigint NOT NULL DEFAULT 0,
    mtime numeric(16, 6),
    cluster integer NOT NULL DEFAULT 0,
    PRIMARY KEY (node, cluster)
);
CREATE TABLE versions (
    serial serial PRIMARY KEY,
    node integer REFERENCES nodes (node) ON UPDATE CASCADE ON DELETE CASCADE,
    hash varchar(256),
    size bigint NOT NULL DEFAULT 0,
    type varchar(256) NOT NULL DEFAULT '',
    source integer,
    mtime numeric(16, 6),
    muser varchar(256) NOT NULL DEFAULT '',
    uuid varchar(64) NOT NULL DEFAULT '',
    checksum varchar(256) NOT NULL DEFAULT '',
    cluster integer NOT NULL DEFAULT 0
);
CREATE INDEX idx_versions_node_mtime ON versions (node, mtime);
CREATE TABLE public (
    public_id serial PRIMARY KEY,
    path varchar(2048) NOT NULL,
    active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX idx_public_path ON public (path);
CREATE TABLE groups (
    owner varchar(256) NOT NULL,
    name varchar(256) NOT NULL,
    member varchar(256) NOT NULL,
    PRIMARY KEY (owner, name, member)
);
-- The root node every account hangs from.
INSERT INTO nodes (node, parent, path) VALUES (0, 0, '');
