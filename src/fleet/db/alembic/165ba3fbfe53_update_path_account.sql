-- release: 0.13
-- revision: 165ba3fbfe53
-- down_revision: 3dd56e750a3
-- description: update account in paths
-- needs: user_catalog
-- Pithos alembic revision 165ba3fbfe53 (13:snf-pithos-backend/pithos/backends/lib/sqlalchemy/alembic/
-- versions/165ba3fbfe53_update_path_account.py:103-209): account names (emails) become the users' uuids
-- in nodes.path (the part before the first '/'), versions.muser, public.path, xfeatures.path,
-- xfeaturevals.value ('*' is left; in 'account:group' only the account) and groups.owner / member.
-- The real revision asks Astakos over HTTP for each name (user_catalogs with PITHOS_SERVICE_TOKEN,
-- :16-49). This file is the database part: whoever runs it first fills the temporary table
--   user_catalog(displayname text PRIMARY KEY, uuid text NOT NULL)
-- with every name it resolved, spelled as this database spells it (pithos-migrate does). Names without
-- a row stay as they are, as with the real one. Two accounts equal but for case resolve to one uuid and
-- collide on idx_nodes_path: the upgrade fails (rolled back) until one of them is merged or deleted.
UPDATE nodes n SET path = c.uuid || substr(n.path, length(c.displayname) + 1)
  FROM user_catalog c
 WHERE n.node <> 0 AND split_part(n.path, '/', 1) = c.displayname;
UPDATE versions v SET muser = c.uuid FROM user_catalog c WHERE v.muser = c.displayname;
UPDATE public p SET path = c.uuid || substr(p.path, length(c.displayname) + 1)
  FROM user_catalog c
 WHERE split_part(p.path, '/', 1) = c.displayname;
UPDATE xfeatures x SET path = c.uuid || substr(x.path, length(c.displayname) + 1)
  FROM user_catalog c
 WHERE split_part(x.path, '/', 1) = c.displayname;
UPDATE xfeaturevals x SET value = c.uuid || substr(x.value, length(c.displayname) + 1)
  FROM user_catalog c
 WHERE x.value <> '*' AND split_part(x.value, ':', 1) = c.displayname;
UPDATE groups g SET owner = coalesce(o.uuid, g.owner), member = coalesce(m.uuid, g.member)
  FROM groups k
  LEFT JOIN user_catalog o ON o.displayname = k.owner
  LEFT JOIN user_catalog m ON m.displayname = k.member
 WHERE (k.owner, k.name, k.member) = (g.owner, g.name, g.member) AND (o.uuid IS NOT NULL OR m.uuid IS NOT NULL);
