-- release: 0.13
-- Cyclades 0.13, South migration db:0060 (13:snf-cyclades-app/synnefo/db/migrations/0060_*.py:12-21):
-- network.type is renamed flavor (it stays varchar(50)), mode and tags are new, link shrinks to 32.
ALTER TABLE db_network RENAME COLUMN type TO flavor;
ALTER TABLE db_network ADD COLUMN mode varchar(16);
ALTER TABLE db_network ADD COLUMN tags varchar(128);
ALTER TABLE db_network ALTER COLUMN link TYPE varchar(32);
