-- release: 0.12
-- Projects: applications (with resource grants), approved projects and their memberships.
CREATE TABLE im_chain (
    chain serial PRIMARY KEY
);
CREATE TABLE im_projectapplication (
    id serial PRIMARY KEY,
    applicant_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    state varchar(50) NOT NULL,
    owner_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    chain integer NOT NULL,
    precursor_application_id integer REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    name varchar(80) NOT NULL,
    homepage varchar(255),
    description text,
    start_date timestamp with time zone,
    end_date timestamp with time zone NOT NULL,
    member_join_policy integer NOT NULL,
    member_leave_policy integer NOT NULL,
    limit_on_members_number integer,
    comments text,
    issue_date timestamp with time zone NOT NULL,
    response_date timestamp with time zone,
    UNIQUE (chain, id)
);
CREATE TABLE im_project (
    id serial PRIMARY KEY,
    application_id integer NOT NULL UNIQUE REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    last_approval_date timestamp with time zone,
    deactivation_reason varchar(255),
    deactivation_date timestamp with time zone,
    creation_date timestamp with time zone NOT NULL,
    name varchar(80) UNIQUE,
    state integer NOT NULL
);
CREATE TABLE im_projectmembership (
    id serial PRIMARY KEY,
    person_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    request_date date NOT NULL,
    project_id integer NOT NULL REFERENCES im_project (id) DEFERRABLE INITIALLY DEFERRED,
    acceptance_date timestamp with time zone,
    leave_request_date date,
    state integer NOT NULL,
    is_active boolean NOT NULL,
    UNIQUE (person_id, project_id)
);
CREATE INDEX im_projectmembership_project_id ON im_projectmembership (project_id);
CREATE TABLE im_projectresourcegrant (
    id serial PRIMARY KEY,
    resource_id integer NOT NULL REFERENCES im_resource (id) DEFERRABLE INITIALLY DEFERRED,
    project_application_id integer REFERENCES im_projectapplication (id) DEFERRABLE INITIALLY DEFERRED,
    project_capacity numeric(38, 0),
    project_import_limit numeric(38, 0),
    project_export_limit numeric(38, 0),
    member_capacity numeric(38, 0) NOT NULL,
    member_import_limit numeric(38, 0) NOT NULL,
    member_export_limit numeric(38, 0) NOT NULL,
    UNIQUE (resource_id, project_application_id)
);
