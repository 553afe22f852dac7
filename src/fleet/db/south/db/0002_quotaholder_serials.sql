-- release: 0.13
-- Cyclades 0.13: resources are committed to the quotaholder; every VM and network keeps the serial
-- of its last commission.
CREATE TABLE db_quotaholderserial (
    serial bigint PRIMARY KEY CHECK (serial >= 0),
    pending boolean NOT NULL,
    accepted boolean NOT NULL,
    rejected boolean NOT NULL
);
ALTER TABLE db_virtualmachine
    ADD COLUMN serial_id bigint REFERENCES db_quotaholderserial (serial) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE db_network
    ADD COLUMN serial_id bigint REFERENCES db_quotaholderserial (serial) DEFERRABLE INITIALLY DEFERRED;
