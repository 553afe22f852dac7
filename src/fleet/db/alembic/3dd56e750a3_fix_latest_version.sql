-- release: 0.12
-- revision: 3dd56e750a3
-- down_revision: 230f8ce9c90f
-- description: Fix latest_version
-- Pithos alembic revision 3dd56e750a3, the 0.12.5 head (.../versions/3dd56e750a3_fix_latest_version.py:
-- 19-35): every node's latest_version becomes the serial of its newest version (mtime descending).
UPDATE nodes n SET latest_version = (SELECT v.serial FROM versions v WHERE v.node = n.node
                                      ORDER BY v.mtime DESC LIMIT 1);
