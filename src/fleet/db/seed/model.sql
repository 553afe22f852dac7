-- The test fleet's generated Synnefo population, as temporary tables of this psql session.
--
-- Every value is a pure function of (seed, kind, index) through md5, so each database's session
-- (snf_apps, snf_cyclades, snf_pithos) computes the very same population on its own, whatever the
-- evaluation order. psql variables: seed, users (N), is013 (true|false).
-- src/fleet/README.md ("Database seed") documents the rules below with the counts for N = 500.

SET fleet.seed = :'seed';
SET max_parallel_workers_per_gather = 0;
SET jit = off;  -- compiling these one-off queries costs more than running them

CREATE FUNCTION pg_temp.h(kind text, i bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT ('x' || substr(md5(current_setting('fleet.seed') || ':' || kind || ':' || i), 1, 15))::bit(60)::bigint
$$;
-- Uniform in [0, 1).
CREATE FUNCTION pg_temp.u(kind text, i bigint) RETURNS float8 LANGUAGE sql STABLE AS $$
    SELECT pg_temp.h(kind, i)::float8 / 1152921504606846976.0
$$;
-- Uniform in 0 .. n-1.
CREATE FUNCTION pg_temp.pick(kind text, i bigint, n int) RETURNS int LANGUAGE sql STABLE AS $$
    SELECT (pg_temp.h(kind, i) % n)::int
$$;
-- A version-4 uuid as str(uuid.uuid4()) writes it.
CREATE FUNCTION pg_temp.uuid(kind text, i bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT regexp_replace(md5(current_setting('fleet.seed') || ':' || kind || ':' || i),
                          '^(.{8})(.{4}).(.{3}).(.{3})(.{12})$', '\1-\2-4\3-a\4-\5')
$$;
-- 30 hex digits: a 0.12.5 username (12:snf-astakos-app/astakos/im/models.py:143).
CREATE FUNCTION pg_temp.hex30(kind text, i bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT substr(md5(current_setting('fleet.seed') || ':' || kind || ':' || i), 1, 30)
$$;

-- Sizes: N users, P case-duplicate pairs, O cyclades owners unknown to astakos (0.12 only), J projects
-- (0.13 only: 0.12.5 has none).
CREATE TEMPORARY TABLE m_size AS
SELECT :users::int AS n,
       greatest(1, :users::int / 50) AS pairs,
       greatest(1, :users::int / 250) AS orphans,
       greatest(2, :users::int / 100) AS projects,
       :is013::boolean AS is013;
ANALYZE m_size;

-- Users 1..N. The last P users are the second spellings of users spread over 1..N-P: same email,
-- different case. In 0.13 they are gone (removed before the upgrade).
-- confirmed: the user confirmed the email (email_verified at 0.12.5); an administrator activated some
-- who did not (active, email_verified false): migration 0016 verifies every active user, so at 0.13
-- verified = confirmed or active. Only verified users own resources.
CREATE TEMPORARY TABLE m_user AS
WITH base AS (
    SELECT i,
           CASE WHEN i > s.n - s.pairs THEN (i - (s.n - s.pairs)) * ((s.n - s.pairs) / s.pairs) END AS dup_of,
           -- the first spellings: i = k * ((N-P) / P) for k = 1..P
           i <= s.pairs * ((s.n - s.pairs) / s.pairs) AND i % ((s.n - s.pairs) / s.pairs) = 0 AS has_dup,
           s.is013
      FROM m_size s, generate_series(1, s.n) AS i
), named AS (
    SELECT b.*,
           coalesce(b.dup_of, b.i) AS person,
           (ARRAY['anna','nikos','maria','giorgos','eleni','kostas','sofia','dimitris','katerina','yannis',
                  'irene','petros','helen','alex','chris','john','mary','paul','lena','theo'])
               [1 + pg_temp.pick('first', coalesce(b.dup_of, b.i), 20)] AS first_name,
           (ARRAY['papadopoulos','georgiou','nikolaou','ioannou','smith','jones','doe','brown','miller','wilson',
                  'papas','dimou','karras','vlachos','stavrou','lee','martin','garcia','clark','young'])
               [1 + pg_temp.pick('last', coalesce(b.dup_of, b.i), 20)] AS last_name,
           (ARRAY['example.org','example.com','mail.example.net','uni.example.edu'])
               [1 + pg_temp.pick('domain', coalesce(b.dup_of, b.i), 4)] AS domain
      FROM base b
), spelled AS (
    SELECT n.*,
           n.first_name || '.' || n.last_name || n.person AS local,
           n.dup_of IS NOT NULL OR n.has_dup OR pg_temp.u('verified', n.i) >= 0.08 AS confirmed
      FROM named n
)
SELECT s.i AS id,
       s.dup_of,
       s.first_name,
       s.last_name,
       CASE
         -- second spellings: never all lower case
         WHEN s.dup_of IS NOT NULL AND s.i % 3 = 0 THEN initcap(s.local) || '@' || s.domain
         WHEN s.dup_of IS NOT NULL AND s.i % 3 = 1 THEN upper(s.local) || '@' || s.domain
         WHEN s.dup_of IS NOT NULL THEN s.local || '@' || upper(s.domain)
         -- some unique users have mixed-case emails too (no conflict, must survive as they are)
         WHEN s.i % 13 = 0 AND NOT s.has_dup
           THEN initcap(s.local) || '@' || s.domain
         ELSE s.local || '@' || s.domain
       END AS email,
       pg_temp.uuid('uuid', s.i) AS uuid,
       pg_temp.hex30('username', s.i) AS username012,
       s.confirmed,
       NOT s.confirmed AND pg_temp.u('admin-activated', s.i) < 0.25 AS admin_activated,
       timestamptz '2011-06-01 09:00:00+00' + s.i * interval '37 minutes' AS joined,
       s.dup_of IS NOT NULL AS second_spelling,
       s.dup_of IS NOT NULL OR s.has_dup AS in_pair
  FROM spelled s
 WHERE NOT (s.is013 AND s.dup_of IS NOT NULL);
ALTER TABLE m_user ADD PRIMARY KEY (id);
-- active: most confirmed users and the administrator-activated ones; verified as 0016 leaves it.
-- owner: how Cyclades names the user, the email before 0.13 and the uuid after it. Pithos is seeded
-- with emails in both releases: at 0.13 its own alembic revisions turn them into uuids (pithos.sql).
ALTER TABLE m_user ADD COLUMN active boolean, ADD COLUMN verified boolean, ADD COLUMN owner text;
UPDATE m_user u SET active = u.admin_activated OR (u.confirmed AND (u.second_spelling OR pg_temp.u('active', u.id) >= 0.05)),
                    verified = u.confirmed OR u.admin_activated,
                    owner = CASE WHEN s.is013 THEN u.uuid ELSE u.email END
  FROM m_size s;
ANALYZE m_user;

-- Cyclades owners that do not exist in astakos (0.12 only): the guide's "invalid usernames".
CREATE TEMPORARY TABLE m_orphan AS
SELECT k AS id, 'ghost' || k || '@old.example.org' AS owner
  FROM m_size s, generate_series(1, s.orphans) AS k
 WHERE NOT s.is013;

-- Every resource owner: verified users and orphans; "key" numbers the owner for hashing.
CREATE TEMPORARY TABLE m_owner AS
SELECT id::bigint AS key, id AS user_id, owner, email, in_pair, second_spelling, dup_of FROM m_user WHERE verified
UNION ALL
SELECT 1000000000::bigint + id, NULL, owner, owner, false, false, NULL FROM m_orphan;

CREATE TEMPORARY TABLE m_flavor AS
SELECT row_number() OVER (ORDER BY cpu, ram, disk)::int AS id, cpu, ram, disk, 'drbd'::text AS disk_template
  FROM unnest(ARRAY[1, 2, 4]) AS cpu, unnest(ARRAY[1024, 2048, 4096]) AS ram, unnest(ARRAY[10, 20, 40]) AS disk;

-- Virtual machines: 0-3 per owner, at least one for both spellings of a pair and for orphans.
CREATE TEMPORARY TABLE m_vm AS
WITH counts AS (
    SELECT o.*, CASE WHEN o.in_pair OR o.user_id IS NULL THEN 1 + pg_temp.pick('vms', o.key, 2)
                     ELSE pg_temp.pick('vms', o.key, 4) END AS n
      FROM m_owner o
)
SELECT row_number() OVER (ORDER BY c.key, j)::int AS id,
       c.owner, c.user_id, j,
       1 + pg_temp.pick('flavor', c.key * 10 + j, 27) AS flavor_id,
       (NOT c.in_pair OR j > 1) AND pg_temp.u('vm-deleted', c.key * 10 + j) < 0.15 AS deleted,
       timestamptz '2012-01-01 00:00:00+00' + (c.key * 10 + j) * interval '11 minutes' AS created
  FROM counts c, generate_series(1, c.n) AS j;
ALTER TABLE m_vm ADD COLUMN operstate text;
ANALYZE m_vm;
UPDATE m_vm SET operstate = CASE WHEN deleted THEN 'DESTROYED'
                                 WHEN pg_temp.u('vm-state', id) < 0.7 THEN 'STARTED' ELSE 'STOPPED' END;

-- Private networks: 30% of the users have 1-2, both spellings of a pair have one or more. Their 0.12.5
-- type (the default PRIVATE_PHYSICAL_VLAN, or PRIVATE_MAC_FILTERED for a third).
CREATE TEMPORARY TABLE m_network AS
WITH counts AS (
    SELECT o.*, CASE WHEN o.in_pair OR pg_temp.u('nets', o.key) < 0.3 THEN 1 + pg_temp.pick('nets-n', o.key, 2)
                     ELSE 0 END AS n
      FROM m_owner o WHERE o.user_id IS NOT NULL
)
SELECT 2 + row_number() OVER (ORDER BY c.key, j)::int AS id,   -- 1 and 2 are the public networks
       c.owner, c.user_id, j,
       (NOT c.in_pair OR j > 1) AND pg_temp.u('net-deleted', c.key * 10 + j) < 0.1 AS deleted,
       CASE WHEN pg_temp.u('net-type', c.key * 10 + j) < 0.33 THEN 'PRIVATE_MAC_FILTERED'
            ELSE 'PRIVATE_PHYSICAL_VLAN' END AS type
  FROM counts c, generate_series(1, c.n) AS j;

-- SSH keys: 40% of the owners have 1-2, both spellings of a pair and orphans have one or more.
CREATE TEMPORARY TABLE m_key AS
WITH counts AS (
    SELECT o.*, CASE WHEN o.in_pair OR o.user_id IS NULL OR pg_temp.u('keys', o.key) < 0.4
                     THEN 1 + pg_temp.pick('keys-n', o.key, 2) ELSE 0 END AS n
      FROM m_owner o
)
SELECT row_number() OVER (ORDER BY c.key, j)::int AS id, c.owner, c.user_id, j,
       md5('key:' || c.key || ':' || j) AS material
  FROM counts c, generate_series(1, c.n) AS j;

-- Pithos accounts: 80% of the verified users, both spellings of every pair; named by the email. Quota
-- policy rows (12:snf-pithos-backend/pithos/backends/modular.py:740,1165-1168): most accounts have
-- none (the default PITHOS_BACKEND_QUOTA, 50 GiB, applies); about 6% have 0 (unlimited), 8% exactly
-- the default, 8% more (100 GiB or 1 TiB). 0-3 objects in the container 'pithos'.
CREATE TEMPORARY TABLE m_account AS
SELECT row_number() OVER (ORDER BY o.key)::int AS n, o.email AS name, o.user_id, o.in_pair, o.second_spelling,
       o.dup_of,
       CASE WHEN o.in_pair THEN 1 + pg_temp.pick('objects', o.key, 3) ELSE pg_temp.pick('objects', o.key, 4) END
         AS objects,
       CASE WHEN pg_temp.u('pithos-quota', o.key) < 0.06 THEN 0::bigint
            WHEN pg_temp.u('pithos-quota', o.key) < 0.14 THEN 53687091200
            WHEN pg_temp.u('pithos-quota', o.key) < 0.22
              THEN (ARRAY[107374182400, 1099511627776])[1 + pg_temp.pick('pithos-quota-v', o.key, 2)]
       END AS quota
  FROM m_owner o
 WHERE o.user_id IS NOT NULL AND (o.in_pair OR pg_temp.u('pithos', o.key) < 0.8);
ALTER TABLE m_account ADD PRIMARY KEY (n);
-- Objects. A second spelling's first object has the same path as its first spelling's first object
-- (pithos/notes.txt): both accounts hold it, so merging them meets a path that exists on both sides.
CREATE TEMPORARY TABLE m_object AS
SELECT row_number() OVER (ORDER BY a.n, k)::int AS n, a.n AS account, a.name AS account_name, k,
       CASE WHEN a.in_pair AND k = 1 THEN 'notes.txt'
            ELSE (ARRAY['documents/report', 'photos/img', 'backup/archive', 'notes'])
                     [1 + pg_temp.pick('object-name', a.n * 10 + k, 4)] || '-' || a.n || '-' || k || '.bin'
       END AS name,
       (1 + pg_temp.pick('object-size', a.n * 10 + k, 512))::bigint * 1048576 AS size
  FROM m_account a, generate_series(1, a.objects) AS k;
ALTER TABLE m_account ADD COLUMN usage bigint NOT NULL DEFAULT 0;
UPDATE m_account a SET usage = t.size FROM (SELECT account, sum(size) AS size FROM m_object GROUP BY account) AS t
 WHERE t.account = a.n;
ANALYZE m_account; ANALYZE m_object;

-- Sharing groups: ~5% of the accounts (and every second spelling) have a group 'team' of 1-2 other
-- accounts' owners; the first spelling of every pair is a member of some group by its second spelling.
CREATE TEMPORARY TABLE m_group AS
WITH s AS (SELECT count(*)::int AS a FROM m_account),
owners AS (
    SELECT a.* FROM m_account a WHERE a.second_spelling OR pg_temp.u('group', a.n) < 0.05)
SELECT o.name AS owner, 'team'::text AS name, m.name AS member
  FROM owners o
 CROSS JOIN s
 CROSS JOIN LATERAL generate_series(1, 1 + pg_temp.pick('group-n', o.n, 2)) AS j
  JOIN m_account m ON m.n = (o.n + j * 7 - 1) % s.a + 1 AND m.n <> o.n
UNION
SELECT a.name, 'team', f.name FROM m_account a JOIN m_account f ON f.user_id = a.dup_of WHERE a.second_spelling;

-- Sharing permissions (xfeatures / xfeaturevals, 12:snf-pithos-backend/pithos/backends/lib/sqlalchemy/
-- xfeatures.py): ~6% of the objects and the first object of every second spelling. Read (key 0) by
-- another account, by the owner's group 'owner:team' where it has one, by everybody ('*') for some;
-- write (key 1) by another account for some.
CREATE TEMPORARY TABLE m_shared AS
SELECT row_number() OVER (ORDER BY o.n)::int AS feature_id, o.n AS object, o.account,
       a.name || '/pithos/' || o.name AS path
  FROM m_object o JOIN m_account a ON a.n = o.account
 WHERE pg_temp.u('shared', o.n) < 0.06 OR (a.second_spelling AND o.k = 1);
CREATE TEMPORARY TABLE m_permission AS
WITH s AS (SELECT count(*)::int AS a FROM m_account)
SELECT x.feature_id, 0 AS key, r.name AS value
  FROM m_shared x
 CROSS JOIN s
  JOIN m_account r ON r.n = (x.account + 3 + pg_temp.pick('reader', x.feature_id, 50)) % s.a + 1 AND r.n <> x.account
UNION
SELECT x.feature_id, 0, a.name || ':team'
  FROM m_shared x JOIN m_account a ON a.n = x.account
 WHERE EXISTS (SELECT 1 FROM m_group g WHERE g.owner = a.name)
UNION
SELECT x.feature_id, 0, '*' FROM m_shared x WHERE pg_temp.u('shared-all', x.feature_id) < 0.2
UNION
SELECT x.feature_id, 1, w.name
  FROM m_shared x
 CROSS JOIN s
  JOIN m_account w ON w.n = (x.account + 11 + pg_temp.pick('writer-n', x.feature_id, 50)) % s.a + 1 AND w.n <> x.account
 WHERE pg_temp.u('writer', x.feature_id) < 0.3;

-- Per-user Cyclades quotas of 20-snf-cyclades-app-api.conf (VMS_USER_QUOTA, NETWORKS_USER_QUOTA), keyed
-- as Cyclades names the owner: about 2% / 1% of the users, plus both spellings of the first pair (VMs)
-- and of the second (networks).
CREATE TEMPORARY TABLE m_cyclades_quota AS
SELECT 'vm' AS resource, u.id AS user_id, u.owner, 3 + pg_temp.pick('vmq-v', u.id, 6) AS value
  FROM m_user u
 WHERE u.verified AND (pg_temp.u('vmq', u.id) < 0.02
       OR u.id IN (SELECT min(id) FROM m_user WHERE second_spelling)
       OR u.id IN (SELECT dup_of FROM m_user WHERE second_spelling ORDER BY id LIMIT 1))
UNION ALL
SELECT 'network.private', u.id, u.owner, 2 + pg_temp.pick('netq-v', u.id, 4)
  FROM m_user u
 WHERE u.verified AND (pg_temp.u('netq', u.id) < 0.01
       OR u.id IN (SELECT id FROM m_user WHERE second_spelling ORDER BY id OFFSET 1 LIMIT 1)
       OR u.id IN (SELECT dup_of FROM m_user WHERE second_spelling ORDER BY id OFFSET 1 LIMIT 1));

ANALYZE m_owner; ANALYZE m_network; ANALYZE m_key; ANALYZE m_group; ANALYZE m_shared; ANALYZE m_permission;
ANALYZE m_cyclades_quota;
