-- release: 0.13
-- Astakos 0.13, South migration im:0023 (13:snf-astakos-app/astakos/im/migrations/0023_*.py:12): per-user
-- settings.
CREATE TABLE im_usersetting (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES im_astakosuser (user_ptr_id) DEFERRABLE INITIALLY DEFERRED,
    setting varchar(255) NOT NULL,
    value integer NOT NULL,
    UNIQUE (user_id, setting)
);
CREATE INDEX im_usersetting_user_id ON im_usersetting (user_id);
