-- Pithos data (database snf_pithos), from the model of model.sql, as 0.12.5 holds it: accounts are
-- nodes under the root node 0 named by the owner's email (both spellings of every pair), with the
-- containers 'pithos' (the objects) and 'trash'; versions' muser, sharing groups and permissions name
-- accounts by email too. At 0.13 the database then goes through the same alembic revisions as an
-- upgraded host (165ba3fbfe53 with every user's uuid, 2a309a9a3438, 27381099d477), psql variable
-- pithos_upgrade naming the file that runs them.
--   node ids: accounts 1..A, containers A+1..3A (pithos, trash alternately), objects 3A+1..
CREATE TEMPORARY TABLE m_node AS
WITH s AS (SELECT count(*)::int AS a FROM m_account)
SELECT a.n AS node, 0 AS parent, a.name AS path, a.n AS account, 'account'::text AS kind, NULL::int AS object
  FROM m_account a
UNION ALL
SELECT s.a + 2 * a.n - 1, a.n, a.name || '/pithos', a.n, 'container', NULL FROM m_account a, s
UNION ALL
SELECT s.a + 2 * a.n, a.n, a.name || '/trash', a.n, 'trash', NULL FROM m_account a, s
UNION ALL
SELECT 3 * s.a + o.n, s.a + 2 * o.account - 1, o.account_name || '/pithos/' || o.name, o.account, 'object', o.n
  FROM m_object o, s;
ANALYZE m_node;

-- One version per object (cluster 0, the current one); about 10% also have an older one in the history
-- (cluster 1), which counts in the statistics but not in the usage.
CREATE TEMPORARY TABLE m_version AS
SELECT o.n AS serial, m.node, o.size, 1356998400 + o.n * 60 AS mtime, o.account_name AS muser, 0 AS cluster, o.account
  FROM m_object o JOIN m_node m ON m.object = o.n
UNION ALL
SELECT (SELECT count(*) FROM m_object) + o.n, m.node, o.size / 2, 1325376000 + o.n * 60, o.account_name, 1, o.account
  FROM m_object o JOIN m_node m ON m.object = o.n
 WHERE pg_temp.u('history', o.n) < 0.1;

INSERT INTO nodes (node, parent, latest_version, path)
SELECT node, parent, object, path FROM m_node ORDER BY node;
SELECT setval('nodes_node_seq', greatest(1, (SELECT max(node) FROM nodes)));

INSERT INTO versions (serial, node, hash, size, type, source, mtime, muser, uuid, checksum, cluster)
SELECT v.serial, v.node, md5('block:' || v.serial) || md5('block2:' || v.serial), v.size, 'application/octet-stream',
       NULL, v.mtime, v.muser, pg_temp.uuid('object-uuid', v.node), md5('sum:' || v.serial), v.cluster
  FROM m_version v
 ORDER BY v.serial;
SELECT setval('versions_serial_seq', greatest(1, (SELECT max(serial) FROM versions)));

-- Statistics per node and cluster: population and bytes of the versions below (an account counts its
-- containers' objects, a container its objects).
INSERT INTO statistics (node, population, size, mtime, cluster)
WITH per_account AS (
    SELECT account, cluster, count(*) AS population, sum(size) AS size FROM m_version GROUP BY account, cluster)
SELECT m.node, coalesce(g.population, 0), coalesce(g.size, 0), 1356998400 + m.account * 60, c.cluster
  FROM m_node m
 CROSS JOIN (VALUES (0), (1)) AS c(cluster)
  LEFT JOIN per_account g ON g.account = m.account AND g.cluster = c.cluster AND m.kind IN ('account', 'container')
 WHERE m.kind <> 'object' AND (c.cluster = 0 OR g.account IS NOT NULL)
 ORDER BY m.node, c.cluster;

-- Policies: every container has quota 0 and versioning auto; an account has a quota row only where
-- one was set (model.sql).
INSERT INTO policy (node, key, value)
SELECT m.node, p.key, p.value
  FROM m_node m, (VALUES ('quota', '0'), ('versioning', 'auto')) AS p(key, value)
 WHERE m.kind IN ('container', 'trash')
UNION ALL
SELECT a.n, 'quota', a.quota::text FROM m_account a WHERE a.quota IS NOT NULL
 ORDER BY 1, 2;

-- Some objects are public.
INSERT INTO public (public_id, path, active)
SELECT row_number() OVER (ORDER BY m.node), m.path, true
  FROM m_node m WHERE m.kind = 'object' AND pg_temp.u('public', m.object) < 0.05
 ORDER BY m.node;
SELECT setval('public_public_id_seq', greatest(1, (SELECT max(public_id) FROM public)));

-- Sharing: groups, and the permissions of the shared objects.
INSERT INTO groups (owner, name, member) SELECT owner, name, member FROM m_group ORDER BY 1, 2, 3;
INSERT INTO xfeatures (feature_id, path) SELECT feature_id, path FROM m_shared ORDER BY feature_id;
SELECT setval('xfeatures_feature_id_seq', greatest(1, (SELECT max(feature_id) FROM xfeatures)));
INSERT INTO xfeaturevals (feature_id, key, value) SELECT feature_id, key, value FROM m_permission ORDER BY 1, 2, 3;

\if :is013
-- What Astakos' user_catalogs answers for every name: the user's uuid.
CREATE TEMPORARY TABLE user_catalog (displayname text PRIMARY KEY, uuid text NOT NULL);
INSERT INTO user_catalog SELECT email, uuid FROM m_user;
GRANT SELECT ON user_catalog TO synnefo;
\i :pithos_upgrade
\endif
