-- release: 0.12
-- Cyclades: flavors, virtual machines and networks (userid holds the owner's email before 0.13).
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
    buildpercentage integer NOT NULL,
    backendtime timestamp with time zone NOT NULL
);
CREATE INDEX db_virtualmachine_userid ON db_virtualmachine (userid);
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
    reservations text
);
CREATE INDEX db_network_userid ON db_network (userid);
