-- release: 0.12
-- Astakos users, services and resources.
CREATE TABLE im_astakosuser (
    user_ptr_id integer PRIMARY KEY REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    affiliation varchar(255),
    provider varchar(255),
    third_party_identifier varchar(255),
    level integer NOT NULL,
    invitations integer NOT NULL,
    auth_token varchar(32) UNIQUE,
    auth_token_created timestamp with time zone,
    auth_token_expires timestamp with time zone,
    updated timestamp with time zone NOT NULL,
    is_verified boolean NOT NULL,
    email_verified boolean NOT NULL,
    has_credits boolean NOT NULL,
    has_signed_terms boolean NOT NULL,
    date_signed_terms timestamp with time zone,
    activation_sent timestamp with time zone,
    moderated boolean NOT NULL,
    is_rejected boolean NOT NULL,
    uuid varchar(255) UNIQUE
);
CREATE TABLE im_service (
    id serial PRIMARY KEY,
    name varchar(255) NOT NULL UNIQUE,
    url varchar(255),
    icon varchar(255) NOT NULL,
    "order" integer NOT NULL CHECK ("order" >= 0),
    auth_token varchar(32),
    auth_token_created timestamp with time zone,
    auth_token_expires timestamp with time zone
);
CREATE TABLE im_resource (
    id serial PRIMARY KEY,
    name varchar(255) NOT NULL,
    "desc" text,
    service_id integer NOT NULL REFERENCES im_service (id) DEFERRABLE INITIALLY DEFERRED,
    unit varchar(255),
    "group" varchar(255),
    uplimit numeric(38, 0) NOT NULL,
    UNIQUE (name, service_id)
);
CREATE TABLE im_astakosuserquota (
    id serial PRIMARY KEY,
    capacity numeric(38, 0) NOT NULL,
    quantity numeric(38, 0) NOT NULL,
    export_limit numeric(38, 0) NOT NULL,
    import_limit numeric(38, 0) NOT NULL,
    resource_id integer NOT NULL REFERENCES im_resource (id) DEFERRABLE INITIALLY DEFERRED,
    user_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (resource_id, user_id)
);
CREATE INDEX im_astakosuserquota_user_id ON im_astakosuserquota (user_id);
