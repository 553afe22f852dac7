-- release: 0.12
-- Astakos (South app im) as its 0.12.5 migrations 0001-0013 leave it: the columns of the frozen models
-- of 12:snf-astakos-app/astakos/im/migrations/0014_*.py (schema-0.12.5.txt). No uuid, no quotas, no
-- projects, no resources: 0.13's 0015 adds them. Django style: FKs deferrable, no SQL defaults (Django
-- fills them in Python), an index for every FK and db_index field.
CREATE TABLE im_astakosuser (
    user_ptr_id integer PRIMARY KEY REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    affiliation varchar(255) NOT NULL,
    level integer NOT NULL,
    invitations integer NOT NULL,
    auth_token varchar(32),
    auth_token_created timestamp with time zone,
    auth_token_expires timestamp with time zone,
    updated timestamp with time zone NOT NULL,
    is_verified boolean NOT NULL,
    provider varchar(255) NOT NULL,
    third_party_identifier varchar(255),
    email_verified boolean NOT NULL,
    has_credits boolean NOT NULL,
    has_signed_terms boolean NOT NULL,
    date_signed_terms timestamp with time zone,
    activation_sent timestamp with time zone
);
CREATE TABLE im_invitation (
    id serial PRIMARY KEY,
    inviter_id integer REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    realname varchar(255) NOT NULL,
    username varchar(255) NOT NULL UNIQUE,
    code bigint NOT NULL,
    is_consumed boolean NOT NULL,
    created timestamp with time zone NOT NULL,
    consumed timestamp with time zone
);
CREATE INDEX im_invitation_inviter_id ON im_invitation (inviter_id);
CREATE INDEX im_invitation_code ON im_invitation (code);
CREATE TABLE im_approvalterms (
    id serial PRIMARY KEY,
    date timestamp with time zone NOT NULL,
    location varchar(255) NOT NULL
);
CREATE INDEX im_approvalterms_date ON im_approvalterms (date);
CREATE TABLE im_emailchange (
    id serial PRIMARY KEY,
    new_email_address varchar(75) NOT NULL,
    user_id integer NOT NULL UNIQUE REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    requested_at timestamp with time zone NOT NULL,
    activation_key varchar(40) NOT NULL UNIQUE
);
CREATE TABLE im_service (
    id serial PRIMARY KEY,
    name varchar(255) NOT NULL UNIQUE,
    url varchar(100) NOT NULL,
    icon varchar(100) NOT NULL,
    auth_token varchar(32),
    auth_token_created timestamp with time zone,
    auth_token_expires timestamp with time zone
);
CREATE TABLE im_additionalmail (
    id serial PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    email varchar(75) NOT NULL
);
CREATE INDEX im_additionalmail_owner_id ON im_additionalmail (owner_id);
