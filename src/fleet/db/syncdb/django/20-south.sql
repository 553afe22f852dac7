-- release: 0.12
-- South's own table, created by syncdb once 'south' is installed (python-django-south, a Depends of
-- snf-webproject and snf-cyclades-app: 12:debian/control). `snf-manage migrate` records every applied
-- migration here as (app_name, migration = the file name without .py, applied).
CREATE TABLE IF NOT EXISTS south_migrationhistory (
    id serial PRIMARY KEY,
    app_name varchar(255) NOT NULL,
    migration varchar(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);
