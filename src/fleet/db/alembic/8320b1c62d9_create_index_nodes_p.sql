-- release: 0.12
-- revision: 8320b1c62d9
-- down_revision: None
-- description: create index nodes.parent
-- Pithos alembic revision 8320b1c62d9 (13:snf-pithos-backend/pithos/backends/lib/sqlalchemy/alembic/
-- versions/8320b1c62d9_create_index_nodes_p.py): the index 0.12.5's create_tables already makes, so on
-- a database the backend created it fails as the real one does; such a database is stamped at
-- 3dd56e750a3 instead (the guide, 6.4).
CREATE INDEX idx_nodes_parent ON nodes (parent);
