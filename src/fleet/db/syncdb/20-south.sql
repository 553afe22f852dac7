-- South's own table (created by syncdb once 'south' is installed).
CREATE TABLE IF NOT EXISTS south_migrationhistory (
    id serial PRIMARY KEY,
    app_name varchar(255) NOT NULL,
    migration varchar(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);
