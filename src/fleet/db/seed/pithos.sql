-- Pithos data (database snf_pithos), from the model of model.sql. Accounts are nodes under the root
-- node 0 named by the owner's email before 0.13 (both spellings of every pair) and by uuid after it;
-- each has the containers 'pithos' (with the objects) and 'trash'. Object names carry the account number,
-- so the two spellings of a duplicate pair never hold the same path and users-unique can merge them.
--   node ids: accounts 1..A, containers A+1..3A (pithos, trash alternately), objects 3A+1..
CREATE TEMPORARY TABLE m_node AS
WITH s AS (SELECT count(*)::int AS a FROM m_account)
SELECT a.n AS node, 0 AS parent, a.owner AS path, a.n AS account, 'account'::text AS kind, NULL::int AS object
  FROM m_account a
UNION ALL
SELECT s.a + 2 * a.n - 1, a.n, a.owner || '/pithos', a.n, 'container', NULL FROM m_account a, s
UNION ALL
SELECT s.a + 2 * a.n, a.n, a.owner || '/trash', a.n, 'trash', NULL FROM m_account a, s
UNION ALL
SELECT 3 * s.a + o.n, s.a + 2 * o.account - 1,
       o.owner || '/pithos/' || (ARRAY['documents/report', 'photos/img', 'backup/archive', 'notes'])
           [1 + pg_temp.pick('object-name', o.n, 4)] || '-' || o.account || '-' || o.k || '.bin',
       o.account, 'object', o.n
  FROM m_object o, s;

INSERT INTO nodes (node, parent, latest_version, path)
SELECT node, parent, object, path FROM m_node ORDER BY node;
SELECT setval('nodes_node_seq', greatest(1, (SELECT max(node) FROM nodes)));

INSERT INTO versions (serial, node, hash, size, type, source, mtime, muser, uuid, checksum, cluster)
SELECT o.n, m.node, md5('block:' || o.n) || md5('block2:' || o.n), o.size, 'application/octet-stream', NULL,
       1356998400 + o.n * 60, o.owner, pg_temp.uuid('object-uuid', o.n), md5('sum:' || o.n), 0
  FROM m_object o JOIN m_node m ON m.object = o.n
 ORDER BY o.n;
SELECT setval('versions_serial_seq', greatest(1, (SELECT max(serial) FROM versions)));

INSERT INTO statistics (node, population, size, mtime, cluster)
SELECT m.node,
       CASE WHEN m.kind = 'trash' THEN 0 ELSE a.objects END,
       CASE WHEN m.kind = 'trash' THEN 0 ELSE a.usage END,
       1356998400 + a.n * 60, 0
  FROM m_node m JOIN m_account a ON a.n = m.account
 WHERE m.kind <> 'object'
 ORDER BY m.node;

INSERT INTO policy (node, key, value)
SELECT m.node, p.key, CASE WHEN m.kind = 'account' AND p.key = 'quota' THEN a.quota::text ELSE p.value END
  FROM m_node m JOIN m_account a ON a.n = m.account,
       (VALUES ('quota', '0'), ('versioning', 'auto')) AS p(key, value)
 WHERE m.kind <> 'object'
 ORDER BY m.node, p.key;

-- Some objects are public; some accounts share with a group of another account's owner.
INSERT INTO public (public_id, path, active)
SELECT row_number() OVER (ORDER BY m.node), m.path, true
  FROM m_node m WHERE m.kind = 'object' AND pg_temp.u('public', m.object) < 0.05
 ORDER BY m.node;
SELECT setval('public_public_id_seq', greatest(1, (SELECT max(public_id) FROM public)));
INSERT INTO groups (owner, name, member)
SELECT a.owner, 'team', b.owner
  FROM m_account a JOIN m_account b ON b.n = a.n % (SELECT count(*) FROM m_account) + 1
 WHERE pg_temp.u('group', a.n) < 0.03 AND a.n <> b.n
 ORDER BY a.n;
