-- release: 0.13
-- Tables the 0.13 Pithos backend adds on first use, outside alembic: config(key, value)
-- (13:snf-pithos-backend/pithos/backends/lib/sqlalchemy/config.py:41-47) and the quotaholder serials it
-- issued, qh_serials(serial) (quotaholder_serials.py:41-46).
CREATE TABLE IF NOT EXISTS config (
    key varchar(256) PRIMARY KEY,
    value varchar(256)
);
CREATE TABLE IF NOT EXISTS qh_serials (
    serial bigserial PRIMARY KEY
);
