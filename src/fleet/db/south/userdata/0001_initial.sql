-- release: 0.12
-- Cyclades user data (South app userdata) as its 0.12.5 migrations 0001-0003 leave it: SSH public keys,
-- owned by the user's email in the column "user" (no _id; 12:snf-cyclades-app/synnefo/ui/userdata/
-- migrations/0003_*.py:23,55).
CREATE TABLE userdata_publickeypair (
    id serial PRIMARY KEY,
    "user" varchar(100) NOT NULL,
    name varchar(255) NOT NULL,
    content text NOT NULL,
    fingerprint varchar(100) NOT NULL
);
