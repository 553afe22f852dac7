-- release: 0.12
-- Quotaholder: entities (users by uuid, services, 'system'), policies and holdings.
CREATE TABLE quotaholder_app_entity (
    entity varchar(4096) PRIMARY KEY,
    owner_id varchar(4096) NOT NULL REFERENCES quotaholder_app_entity (entity) DEFERRABLE INITIALLY DEFERRED,
    key varchar(4096) NOT NULL
);
CREATE TABLE quotaholder_app_policy (
    policy varchar(4096) PRIMARY KEY,
    quantity numeric(38, 0) NOT NULL,
    capacity numeric(38, 0) NOT NULL,
    import_limit numeric(38, 0) NOT NULL,
    export_limit numeric(38, 0) NOT NULL
);
CREATE TABLE quotaholder_app_holding (
    id serial PRIMARY KEY,
    entity_id varchar(4096) NOT NULL REFERENCES quotaholder_app_entity (entity) DEFERRABLE INITIALLY DEFERRED,
    resource varchar(4096) NOT NULL,
    policy_id varchar(4096) NOT NULL REFERENCES quotaholder_app_policy (policy) DEFERRABLE INITIALLY DEFERRED,
    flags bigint NOT NULL,
    imported numeric(38, 0) NOT NULL,
    importing numeric(38, 0) NOT NULL,
    exported numeric(38, 0) NOT NULL,
    exporting numeric(38, 0) NOT NULL,
    returned numeric(38, 0) NOT NULL,
    "returning" numeric(38, 0) NOT NULL,
    released numeric(38, 0) NOT NULL,
    releasing numeric(38, 0) NOT NULL,
    UNIQUE (entity_id, resource)
);
CREATE INDEX quotaholder_app_holding_policy_id ON quotaholder_app_holding (policy_id);
