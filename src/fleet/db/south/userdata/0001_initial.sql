-- release: 0.12
-- Cyclades user data: SSH public keys (user holds the owner's email before 0.13).
CREATE TABLE userdata_publickeypair (
    id serial PRIMARY KEY,
    "user" varchar(100) NOT NULL,
    name varchar(255) NOT NULL,
    content text NOT NULL,
    fingerprint varchar(100) NOT NULL
);
CREATE INDEX userdata_publickeypair_user ON userdata_publickeypair ("user");
