-- release: 0.13
-- syncdb of snf-quotaholder-app (new in 0.13; it has no South migrations, so `snf-manage syncdb`
-- creates its tables in DATABASES['default'] of the host it is installed on, the Astakos database in
-- the guide). Columns as 13:snf-quotaholder-app/quotaholder_django/quotaholder_app/models.py:43-199
-- declare them (intDecimalField = numeric(38,0); Django sets defaults in Python, not in SQL).
CREATE TABLE IF NOT EXISTS quotaholder_app_holder (
    attribute varchar(4096) PRIMARY KEY,
    intval bigint NOT NULL,
    strval varchar(4096) NOT NULL
);
CREATE TABLE IF NOT EXISTS quotaholder_app_entity (
    entity varchar(4096) PRIMARY KEY,
    owner_id varchar(4096) NOT NULL REFERENCES quotaholder_app_entity (entity) DEFERRABLE INITIALLY DEFERRED,
    key varchar(4096) NOT NULL
);
CREATE INDEX IF NOT EXISTS quotaholder_app_entity_owner_id ON quotaholder_app_entity (owner_id);
CREATE TABLE IF NOT EXISTS quotaholder_app_policy (
    policy varchar(4096) PRIMARY KEY,
    quantity numeric(38, 0) NOT NULL,
    capacity numeric(38, 0) NOT NULL,
    import_limit numeric(38, 0) NOT NULL,
    export_limit numeric(38, 0) NOT NULL
);
CREATE TABLE IF NOT EXISTS quotaholder_app_holding (
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
CREATE INDEX IF NOT EXISTS quotaholder_app_holding_entity_id ON quotaholder_app_holding (entity_id);
CREATE INDEX IF NOT EXISTS quotaholder_app_holding_policy_id ON quotaholder_app_holding (policy_id);
CREATE TABLE IF NOT EXISTS quotaholder_app_commission (
    serial serial PRIMARY KEY,
    entity_id varchar(4096) NOT NULL REFERENCES quotaholder_app_entity (entity) DEFERRABLE INITIALLY DEFERRED,
    name varchar(4096),
    clientkey varchar(4096) NOT NULL,
    issue_time varchar(24) NOT NULL
);
CREATE INDEX IF NOT EXISTS quotaholder_app_commission_entity_id ON quotaholder_app_commission (entity_id);
CREATE TABLE IF NOT EXISTS quotaholder_app_provision (
    id serial PRIMARY KEY,
    serial_id integer NOT NULL REFERENCES quotaholder_app_commission (serial) DEFERRABLE INITIALLY DEFERRED,
    entity_id varchar(4096) NOT NULL REFERENCES quotaholder_app_entity (entity) DEFERRABLE INITIALLY DEFERRED,
    resource varchar(4096) NOT NULL,
    quantity numeric(38, 0) NOT NULL
);
CREATE INDEX IF NOT EXISTS quotaholder_app_provision_serial_id ON quotaholder_app_provision (serial_id);
CREATE TABLE IF NOT EXISTS quotaholder_app_provisionlog (
    id serial PRIMARY KEY,
    serial bigint NOT NULL,
    source varchar(4096) NOT NULL,
    target varchar(4096) NOT NULL,
    name varchar(4096) NOT NULL,
    issue_time varchar(4096) NOT NULL,
    log_time varchar(4096) NOT NULL,
    resource varchar(4096) NOT NULL,
    source_quantity numeric(38, 0) NOT NULL,
    source_capacity numeric(38, 0) NOT NULL,
    source_import_limit numeric(38, 0) NOT NULL,
    source_export_limit numeric(38, 0) NOT NULL,
    source_imported numeric(38, 0) NOT NULL,
    source_exported numeric(38, 0) NOT NULL,
    source_returned numeric(38, 0) NOT NULL,
    source_released numeric(38, 0) NOT NULL,
    target_quantity numeric(38, 0) NOT NULL,
    target_capacity numeric(38, 0) NOT NULL,
    target_import_limit numeric(38, 0) NOT NULL,
    target_export_limit numeric(38, 0) NOT NULL,
    target_imported numeric(38, 0) NOT NULL,
    target_exported numeric(38, 0) NOT NULL,
    target_returned numeric(38, 0) NOT NULL,
    target_released numeric(38, 0) NOT NULL,
    delta_quantity numeric(38, 0) NOT NULL,
    reason varchar(4096) NOT NULL
);
CREATE TABLE IF NOT EXISTS quotaholder_app_callserial (
    id serial PRIMARY KEY,
    serial bigint NOT NULL,
    clientkey varchar(4096) NOT NULL,
    UNIQUE (serial, clientkey)
);
