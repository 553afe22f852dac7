-- release: 0.13
-- Astakos 0.13, South migration im:0015 (13:snf-astakos-app/astakos/im/migrations/0015_*.py:13-224):
-- projects, resources, quotas, auth providers; im_service.order; im_astakosuser.uuid (NULL until 0016
-- fills it), disturbed_quota; affiliation and provider nullable; auth_user.username widened to 75.
-- The unique (third_party_identifier, provider) of 0.12.5's 0014 goes (in try/except there: dropped if
-- present, whatever its name).
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT c.conname FROM pg_constraint c
         WHERE c.conrelid = 'im_astakosuser'::regclass AND c.contype = 'u'
           AND (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                 WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey))
               = ARRAY['provider', 'third_party_identifier']
    LOOP
        EXECUTE format('ALTER TABLE im_astakosuser DROP CONSTRAINT %I', name);
    END LOOP;
END
$$;
CREATE TABLE im_chain (
    chain serial PRIMARY KEY
);
CREATE TABLE im_projectapplication (
    id serial PRIMARY KEY,
    applicant_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    state integer NOT NULL,
    owner_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    chain integer NOT NULL,
    precursor_application_id integer UNIQUE REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    name varchar(80) NOT NULL,
    homepage varchar(255),
    description text,
    start_date timestamp with time zone,
    end_date timestamp with time zone NOT NULL,
    member_join_policy integer NOT NULL,
    member_leave_policy integer NOT NULL,
    limit_on_members_number integer CHECK (limit_on_members_number >= 0),
    comments text,
    issue_date timestamp with time zone NOT NULL,
    UNIQUE (chain, id)
);
CREATE INDEX im_projectapplication_applicant_id ON im_projectapplication (applicant_id);
CREATE INDEX im_projectapplication_owner_id ON im_projectapplication (owner_id);
CREATE TABLE im_project (
    id serial PRIMARY KEY,
    application_id integer NOT NULL UNIQUE REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    last_approval_date timestamp with time zone,
    deactivation_reason varchar(255),
    deactivation_date timestamp with time zone,
    creation_date timestamp with time zone NOT NULL,
    name varchar(80) NOT NULL UNIQUE,
    is_modified boolean NOT NULL,
    is_active boolean NOT NULL,
    state integer NOT NULL
);
CREATE INDEX im_project_is_modified ON im_project (is_modified);
CREATE INDEX im_project_is_active ON im_project (is_active);
CREATE INDEX im_project_state ON im_project (state);
CREATE TABLE im_projectmembership (
    id serial PRIMARY KEY,
    person_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    request_date date NOT NULL,
    project_id integer NOT NULL REFERENCES im_project (id) DEFERRABLE INITIALLY DEFERRED,
    state integer NOT NULL,
    is_pending boolean NOT NULL,
    is_active boolean NOT NULL,
    application_id integer REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    pending_application_id integer REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    pending_serial bigint,
    acceptance_date date,
    leave_request_date date,
    UNIQUE (person_id, project_id)
);
CREATE INDEX im_projectmembership_person_id ON im_projectmembership (person_id);
CREATE INDEX im_projectmembership_project_id ON im_projectmembership (project_id);
CREATE INDEX im_projectmembership_state ON im_projectmembership (state);
CREATE INDEX im_projectmembership_is_active ON im_projectmembership (is_active);
CREATE INDEX im_projectmembership_application_id ON im_projectmembership (application_id);
CREATE TABLE im_resourcemetadata (
    id serial PRIMARY KEY,
    key varchar(255) NOT NULL UNIQUE,
    value varchar(255) NOT NULL
);
CREATE TABLE im_astakosuserauthprovider (
    id serial PRIMARY KEY,
    affiliation varchar(255),
    user_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    module varchar(255) NOT NULL,
    identifier varchar(255),
    active boolean NOT NULL,
    auth_backend varchar(255) NOT NULL,
    info_data text,
    created timestamp with time zone NOT NULL,
    UNIQUE (identifier, module, user_id)
);
CREATE INDEX im_astakosuserauthprovider_user_id ON im_astakosuserauthprovider (user_id);
CREATE TABLE im_serial (
    serial serial PRIMARY KEY
);
CREATE TABLE im_resource (
    id serial PRIMARY KEY,
    name varchar(255) NOT NULL,
    service_id integer NOT NULL REFERENCES im_service (id) DEFERRABLE INITIALLY DEFERRED,
    "desc" text,
    unit varchar(255),
    "group" varchar(255),
    UNIQUE (name, service_id)
);
CREATE INDEX im_resource_service_id ON im_resource (service_id);
CREATE TABLE im_resource_meta (
    id serial PRIMARY KEY,
    resource_id integer NOT NULL REFERENCES im_resource (id) DEFERRABLE INITIALLY DEFERRED,
    resourcemetadata_id integer NOT NULL REFERENCES im_resourcemetadata (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (resource_id, resourcemetadata_id)
);
CREATE TABLE im_sessioncatalog (
    id serial PRIMARY KEY,
    session_key varchar(40) NOT NULL,
    user_id integer REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE im_projectmembershiphistory (
    id serial PRIMARY KEY,
    person bigint NOT NULL,
    project bigint NOT NULL,
    date date NOT NULL,
    reason integer NOT NULL,
    serial bigint NOT NULL
);
CREATE TABLE im_astakosuserquota (
    id serial PRIMARY KEY,
    capacity bigint,
    quantity bigint,
    export_limit bigint,
    import_limit bigint,
    resource_id integer NOT NULL REFERENCES im_resource (id) DEFERRABLE INITIALLY DEFERRED,
    user_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (resource_id, user_id)
);
CREATE INDEX im_astakosuserquota_user_id ON im_astakosuserquota (user_id);
CREATE TABLE im_projectresourcegrant (
    id serial PRIMARY KEY,
    resource_id integer NOT NULL REFERENCES im_resource (id) DEFERRABLE INITIALLY DEFERRED,
    project_application_id integer REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    project_capacity numeric(38, 0) NOT NULL,
    project_import_limit numeric(38, 0) NOT NULL,
    project_export_limit numeric(38, 0) NOT NULL,
    member_capacity numeric(38, 0) NOT NULL,
    member_import_limit numeric(38, 0) NOT NULL,
    member_export_limit numeric(38, 0) NOT NULL,
    UNIQUE (resource_id, project_application_id)
);
CREATE TABLE im_pendingthirdpartyuser (
    id serial PRIMARY KEY,
    third_party_identifier varchar(255),
    provider varchar(255) NOT NULL,
    email varchar(75),
    first_name varchar(30),
    last_name varchar(30),
    affiliation varchar(255),
    username varchar(30) NOT NULL UNIQUE,
    token varchar(255),
    created timestamp with time zone,
    info text,
    UNIQUE (provider, third_party_identifier)
);
ALTER TABLE im_service ADD COLUMN "order" integer NOT NULL DEFAULT 0 CHECK ("order" >= 0);
ALTER TABLE im_service ALTER COLUMN "order" DROP DEFAULT;
CREATE INDEX im_service_name ON im_service (name);
ALTER TABLE im_astakosuser ADD COLUMN uuid varchar(255) UNIQUE;
ALTER TABLE im_astakosuser ADD COLUMN disturbed_quota boolean NOT NULL DEFAULT false;
ALTER TABLE im_astakosuser ALTER COLUMN disturbed_quota DROP DEFAULT;
CREATE INDEX im_astakosuser_disturbed_quota ON im_astakosuser (disturbed_quota);
ALTER TABLE im_astakosuser ALTER COLUMN affiliation DROP NOT NULL;
ALTER TABLE im_astakosuser ALTER COLUMN provider DROP NOT NULL;
ALTER TABLE auth_user ALTER COLUMN username TYPE varchar(75);
