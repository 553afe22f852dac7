-- release: 0.13
-- Astakos 0.13, South migration im:0022 (13:snf-astakos-app/astakos/im/migrations/0022_*.py:11-24): every
-- application's chain gets its im_chain row; im_project.id becomes a one-to-one key to im_chain (no
-- longer a serial), im_projectapplication.chain a foreign key to it.
INSERT INTO im_chain (chain)
SELECT DISTINCT a.chain FROM im_projectapplication a
 WHERE NOT EXISTS (SELECT 1 FROM im_chain c WHERE c.chain = a.chain);
ALTER TABLE im_project ALTER COLUMN id DROP DEFAULT;
ALTER TABLE im_project ADD CONSTRAINT im_project_id_fkey_im_chain
    FOREIGN KEY (id) REFERENCES im_chain (chain) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE im_projectapplication ADD CONSTRAINT im_projectapplication_chain_fkey_im_chain
    FOREIGN KEY (chain) REFERENCES im_chain (chain) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX im_projectapplication_chain ON im_projectapplication (chain);
