-- release: 0.12
-- Cyclades (South app db) as its 0.12.5 migrations 0001-0058 leave it: the frozen models of
-- 12:snf-cyclades-app/synnefo/db/migrations/0058_*.py (schema-0.12.5.txt). Owners (userid) are emails
-- before 0.13. PositiveIntegerField = integer with a CHECK (>= 0), as Django creates it.
CREATE TABLE db_backend (
    id serial PRIMARY KEY,
    clustername varchar(128) NOT NULL UNIQUE,
    port integer NOT NULL CHECK (port >= 0),
    username varchar(64),
    password_hash varchar(128),
    drained boolean NOT NULL,
    offline boolean NOT NULL,
    mfree integer NOT NULL CHECK (mfree >= 0),
    mtotal integer NOT NULL CHECK (mtotal >= 0),
    dfree integer NOT NULL CHECK (dfree >= 0),
    dtotal integer NOT NULL CHECK (dtotal >= 0),
    pinst_cnt integer NOT NULL CHECK (pinst_cnt >= 0),
    ctotal integer NOT NULL CHECK (ctotal >= 0),
    updated timestamp with time zone NOT NULL,
    hash varchar(40) NOT NULL,
    index integer NOT NULL UNIQUE CHECK (index >= 0)
);
CREATE TABLE db_flavor (
    id serial PRIMARY KEY,
    cpu integer NOT NULL,
    ram integer NOT NULL,
    disk integer NOT NULL,
    disk_template varchar(32) NOT NULL,
    deleted boolean NOT NULL,
    UNIQUE (cpu, ram, disk, disk_template)
);
CREATE TABLE db_virtualmachine (
    id serial PRIMARY KEY,
    name varchar(255) NOT NULL,
    userid varchar(100) NOT NULL,
    backend_id integer REFERENCES db_backend (id) DEFERRABLE INITIALLY DEFERRED,
    backend_hash varchar(128),
    created timestamp with time zone NOT NULL,
    updated timestamp with time zone NOT NULL,
    imageid varchar(100) NOT NULL,
    hostid varchar(100) NOT NULL,
    flavor_id integer NOT NULL REFERENCES db_flavor (id) DEFERRABLE INITIALLY DEFERRED,
    deleted boolean NOT NULL,
    suspended boolean NOT NULL,
    action varchar(30),
    operstate varchar(30),
    backendjobid integer CHECK (backendjobid >= 0),
    backendopcode varchar(30),
    backendjobstatus varchar(30),
    backendlogmsg text,
    backendtime timestamp with time zone NOT NULL,
    buildpercentage integer NOT NULL
);
CREATE INDEX db_virtualmachine_userid ON db_virtualmachine (userid);
CREATE INDEX db_virtualmachine_backend_id ON db_virtualmachine (backend_id);
CREATE INDEX db_virtualmachine_flavor_id ON db_virtualmachine (flavor_id);
CREATE INDEX db_virtualmachine_deleted ON db_virtualmachine (deleted);
CREATE TABLE db_virtualmachinemetadata (
    id serial PRIMARY KEY,
    meta_key varchar(50) NOT NULL,
    meta_value varchar(500) NOT NULL,
    vm_id integer NOT NULL REFERENCES db_virtualmachine (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (meta_key, vm_id)
);
CREATE INDEX db_virtualmachinemetadata_vm_id ON db_virtualmachinemetadata (vm_id);
CREATE TABLE db_virtualmachinediagnostic (
    id serial PRIMARY KEY,
    machine_id integer NOT NULL REFERENCES db_virtualmachine (id) DEFERRABLE INITIALLY DEFERRED,
    created timestamp with time zone NOT NULL,
    source varchar(100) NOT NULL,
    level varchar(20) NOT NULL,
    message varchar(255) NOT NULL,
    details text,
    source_date timestamp with time zone
);
CREATE INDEX db_virtualmachinediagnostic_machine_id ON db_virtualmachinediagnostic (machine_id);
CREATE TABLE db_ippooltable (
    id serial PRIMARY KEY,
    available_map text NOT NULL,
    reserved_map text NOT NULL,
    size integer NOT NULL,
    base varchar(32),
    "offset" integer
);
CREATE TABLE db_bridgepooltable (
    id serial PRIMARY KEY,
    available_map text NOT NULL,
    reserved_map text NOT NULL,
    size integer NOT NULL,
    base varchar(32),
    "offset" integer
);
CREATE TABLE db_macprefixpooltable (
    id serial PRIMARY KEY,
    available_map text NOT NULL,
    reserved_map text NOT NULL,
    size integer NOT NULL,
    base varchar(32),
    "offset" integer
);
CREATE TABLE db_network (
    id serial PRIMARY KEY,
    name varchar(128) NOT NULL,
    userid varchar(128),
    subnet varchar(32) NOT NULL,
    subnet6 varchar(64),
    gateway varchar(32),
    gateway6 varchar(64),
    dhcp boolean NOT NULL,
    type varchar(50) NOT NULL,
    mac_prefix varchar(32) NOT NULL,
    link varchar(128),
    public boolean NOT NULL,
    created timestamp with time zone NOT NULL,
    updated timestamp with time zone NOT NULL,
    deleted boolean NOT NULL,
    state varchar(32) NOT NULL,
    action varchar(32),
    pool_id integer UNIQUE REFERENCES db_ippooltable (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX db_network_userid ON db_network (userid);
CREATE TABLE db_backendnetwork (
    id serial PRIMARY KEY,
    network_id integer NOT NULL REFERENCES db_network (id) DEFERRABLE INITIALLY DEFERRED,
    backend_id integer NOT NULL REFERENCES db_backend (id) DEFERRABLE INITIALLY DEFERRED,
    created timestamp with time zone NOT NULL,
    updated timestamp with time zone NOT NULL,
    deleted boolean NOT NULL,
    operstate varchar(30) NOT NULL,
    backendjobid integer CHECK (backendjobid >= 0),
    backendopcode varchar(30),
    backendjobstatus varchar(30),
    backendlogmsg text,
    backendtime timestamp with time zone NOT NULL,
    mac_prefix varchar(32) NOT NULL,
    UNIQUE (network_id, backend_id)
);
CREATE INDEX db_backendnetwork_network_id ON db_backendnetwork (network_id);
CREATE INDEX db_backendnetwork_backend_id ON db_backendnetwork (backend_id);
CREATE TABLE db_networkinterface (
    id serial PRIMARY KEY,
    machine_id integer NOT NULL REFERENCES db_virtualmachine (id) DEFERRABLE INITIALLY DEFERRED,
    network_id integer NOT NULL REFERENCES db_network (id) DEFERRABLE INITIALLY DEFERRED,
    created timestamp with time zone NOT NULL,
    updated timestamp with time zone NOT NULL,
    index integer NOT NULL,
    mac varchar(32) NOT NULL UNIQUE,
    ipv4 varchar(15),
    ipv6 varchar(100),
    firewall_profile varchar(30),
    dirty boolean NOT NULL
);
CREATE INDEX db_networkinterface_machine_id ON db_networkinterface (machine_id);
CREATE INDEX db_networkinterface_network_id ON db_networkinterface (network_id);
