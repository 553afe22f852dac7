-- release: 0.12
-- syncdb of the Django 1.2 contrib apps every Synnefo web project installs (snf-webproject's
-- INSTALLED_APPS: contenttypes, sessions, sites, messages, admin; auth through the apps): their tables
-- in the host's DATABASES['default'] (12:snf-webproject/synnefo/webproject/settings/__init__.py:41-46).
-- auth_user.username is varchar(30) until Astakos 0015 widens it (schema-0.12.5.txt).
-- Like syncdb, it creates only what is missing: it runs again on every `snf-manage syncdb`.
CREATE TABLE IF NOT EXISTS django_content_type (
    id serial PRIMARY KEY,
    name varchar(100) NOT NULL,
    app_label varchar(100) NOT NULL,
    model varchar(100) NOT NULL,
    UNIQUE (app_label, model)
);
CREATE TABLE IF NOT EXISTS auth_permission (
    id serial PRIMARY KEY,
    name varchar(50) NOT NULL,
    content_type_id integer NOT NULL REFERENCES django_content_type (id) DEFERRABLE INITIALLY DEFERRED,
    codename varchar(100) NOT NULL,
    UNIQUE (content_type_id, codename)
);
CREATE TABLE IF NOT EXISTS auth_group (
    id serial PRIMARY KEY,
    name varchar(80) NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS auth_group_permissions (
    id serial PRIMARY KEY,
    group_id integer NOT NULL REFERENCES auth_group (id) DEFERRABLE INITIALLY DEFERRED,
    permission_id integer NOT NULL REFERENCES auth_permission (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (group_id, permission_id)
);
CREATE TABLE IF NOT EXISTS auth_user (
    id serial PRIMARY KEY,
    username varchar(30) NOT NULL UNIQUE,
    first_name varchar(30) NOT NULL,
    last_name varchar(30) NOT NULL,
    email varchar(75) NOT NULL,
    password varchar(128) NOT NULL,
    is_staff boolean NOT NULL,
    is_active boolean NOT NULL,
    is_superuser boolean NOT NULL,
    last_login timestamp with time zone NOT NULL,
    date_joined timestamp with time zone NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_user_groups (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    group_id integer NOT NULL REFERENCES auth_group (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (user_id, group_id)
);
CREATE TABLE IF NOT EXISTS auth_user_user_permissions (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    permission_id integer NOT NULL REFERENCES auth_permission (id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (user_id, permission_id)
);
CREATE TABLE IF NOT EXISTS auth_message (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    message text NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_message_user_id ON auth_message (user_id);
CREATE TABLE IF NOT EXISTS django_session (
    session_key varchar(40) PRIMARY KEY,
    session_data text NOT NULL,
    expire_date timestamp with time zone NOT NULL
);
CREATE TABLE IF NOT EXISTS django_site (
    id serial PRIMARY KEY,
    domain varchar(100) NOT NULL,
    name varchar(50) NOT NULL
);
CREATE TABLE IF NOT EXISTS django_admin_log (
    id serial PRIMARY KEY,
    action_time timestamp with time zone NOT NULL,
    user_id integer NOT NULL REFERENCES auth_user (id) DEFERRABLE INITIALLY DEFERRED,
    content_type_id integer REFERENCES django_content_type (id) DEFERRABLE INITIALLY DEFERRED,
    object_id text,
    object_repr varchar(200) NOT NULL,
    action_flag smallint NOT NULL CHECK (action_flag >= 0),
    change_message text NOT NULL
);
CREATE INDEX IF NOT EXISTS django_admin_log_user_id ON django_admin_log (user_id);
-- django.contrib.sites' initial site, as syncdb's post_syncdb handler creates it.
INSERT INTO django_site (domain, name) SELECT 'example.com', 'example.com'
 WHERE NOT EXISTS (SELECT 1 FROM django_site);
