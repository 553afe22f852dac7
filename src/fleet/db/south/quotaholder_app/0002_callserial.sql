-- release: 0.13
-- Quotaholder 0.13: serials of the commissions each client issued, for reconciliation.
CREATE TABLE quotaholder_app_callserial (
    id serial PRIMARY KEY,
    serial bigint NOT NULL,
    clientkey varchar(4096) NOT NULL,
    UNIQUE (serial, clientkey)
);
