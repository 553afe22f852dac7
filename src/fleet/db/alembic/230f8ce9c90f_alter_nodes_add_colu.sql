-- release: 0.12
-- revision: 230f8ce9c90f
-- down_revision: 8320b1c62d9
-- description: alter nodes add column latest version
-- Pithos alembic revision 230f8ce9c90f (.../versions/230f8ce9c90f_alter_nodes_add_colu.py): nodes gets
-- latest_version, set to the serial of its oldest version (mtime ascending; 3dd56e750a3 corrects it).
ALTER TABLE nodes ADD COLUMN latest_version integer;
UPDATE nodes n SET latest_version = (SELECT v.serial FROM versions v WHERE v.node = n.node ORDER BY v.mtime LIMIT 1);
