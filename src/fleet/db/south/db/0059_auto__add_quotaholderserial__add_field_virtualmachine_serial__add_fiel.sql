-- release: 0.13
-- Cyclades 0.13, South migration db:0059 (13:snf-cyclades-app/synnefo/db/migrations/0059_*.py:12-24): the
-- serials of the commissions Cyclades issues to the quotaholder, and the last one of each VM and network.
CREATE TABLE db_quotaholderserial (
    serial bigint PRIMARY KEY,
    pending boolean NOT NULL,
    accepted boolean NOT NULL,
    rejected boolean NOT NULL
);
CREATE INDEX db_quotaholderserial_pending ON db_quotaholderserial (pending);
ALTER TABLE db_virtualmachine
    ADD COLUMN serial_id bigint REFERENCES db_quotaholderserial (serial) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX db_virtualmachine_serial_id ON db_virtualmachine (serial_id);
ALTER TABLE db_network
    ADD COLUMN serial_id bigint REFERENCES db_quotaholderserial (serial) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX db_network_serial_id ON db_network (serial_id);
