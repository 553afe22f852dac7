-- The test fleet's generated Synnefo population, as temporary tables of this psql session.
--
-- Every value is a pure function of (seed, kind, index) through md5, so each database's session
-- (snf_apps, snf_cyclades, snf_pithos) computes the very same population on its own, whatever the
-- evaluation order. psql variables: seed, users (N), is013 (true|false).
-- README.md ("What the seed creates") documents the rules below with the counts for N = 500.

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
-- A version-4-looking uuid.
CREATE FUNCTION pg_temp.uuid(kind text, i bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT regexp_replace(md5(current_setting('fleet.seed') || ':' || kind || ':' || i),
                          '^(.{8})(.{4}).(.{3}).(.{3})(.{12})$', '\1-\2-4\3-a\4-\5')
$$;

-- Sizes: N users, P case-duplicate pairs, O cyclades owners unknown to astakos (0.12 only), J projects.
CREATE TEMPORARY TABLE m_size AS
SELECT :users::int AS n,
       greatest(1, :users::int / 50) AS pairs,
       greatest(1, :users::int / 250) AS orphans,
       greatest(2, :users::int / 100) AS projects,
       :is013::boolean AS is013;
ANALYZE m_size;

-- Users 1..N. The last P users are the second spellings of users spread over 1..N-P: same email,
-- different case. In 0.13 they are gone (deleted before the upgrade).
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
           n.first_name || '.' || n.last_name || n.person AS local
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
       -- 0.12 gave uuids to part of the users only; 0.13's migration fills the rest
       (s.is013 OR pg_temp.u('has-uuid', s.i) < 0.7) AS has_uuid,
       (s.dup_of IS NOT NULL OR s.has_dup OR pg_temp.u('verified', s.i) >= 0.08) AS verified,
       timestamptz '2011-06-01 09:00:00+00' + s.i * interval '37 minutes' AS joined,
       s.dup_of IS NOT NULL AS second_spelling,
       s.dup_of IS NOT NULL OR s.has_dup AS in_pair
  FROM spelled s
 WHERE NOT (s.is013 AND s.dup_of IS NOT NULL);
ALTER TABLE m_user ADD PRIMARY KEY (id);
-- Who owns things, in the services' terms: the email before 0.13, the uuid after.
ALTER TABLE m_user ADD COLUMN owner text, ADD COLUMN active boolean;
UPDATE m_user u SET owner = CASE WHEN s.is013 THEN u.uuid ELSE u.email END,
                    active = u.verified AND (u.second_spelling OR pg_temp.u('active', u.id) >= 0.05)
  FROM m_size s;
ANALYZE m_user;

-- Cyclades owners that do not exist in astakos (0.12 only): the guide's "invalid usernames".
CREATE TEMPORARY TABLE m_orphan AS
SELECT k AS id, 'ghost' || k || '@old.example.org' AS owner
  FROM m_size s, generate_series(1, s.orphans) AS k
 WHERE NOT s.is013;

-- Every resource owner: verified users and orphans; "key" numbers the owner for hashing.
CREATE TEMPORARY TABLE m_owner AS
SELECT id::bigint AS key, id AS user_id, owner, in_pair FROM m_user WHERE verified
UNION ALL
SELECT 1000000000::bigint + id, NULL, owner, false FROM m_orphan;

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

-- Private networks: 30% of the users have 1-2, both spellings of a pair have one or more.
CREATE TEMPORARY TABLE m_network AS
WITH counts AS (
    SELECT o.*, CASE WHEN o.in_pair OR pg_temp.u('nets', o.key) < 0.3 THEN 1 + pg_temp.pick('nets-n', o.key, 2)
                     ELSE 0 END AS n
      FROM m_owner o WHERE o.user_id IS NOT NULL
)
SELECT 2 + row_number() OVER (ORDER BY c.key, j)::int AS id,   -- 1 and 2 are the public networks
       c.owner, c.user_id, j,
       (NOT c.in_pair OR j > 1) AND pg_temp.u('net-deleted', c.key * 10 + j) < 0.1 AS deleted
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

-- Pithos accounts: 80% of the verified users, both spellings of every pair; 0-3 objects each in the
-- 'pithos' container; account quota policy: the default (50 GiB) or, for about 10%, another value.
CREATE TEMPORARY TABLE m_account AS
SELECT row_number() OVER (ORDER BY o.key)::int AS n, o.owner, o.user_id,
       pg_temp.pick('objects', o.key, 4) AS objects,
       CASE WHEN pg_temp.u('pithos-quota', o.key) < 0.1
            THEN (ARRAY[10, 20, 100])[1 + pg_temp.pick('pithos-quota-v', o.key, 3)]::bigint * 1073741824
            ELSE 53687091200 END AS quota
  FROM m_owner o
 WHERE o.user_id IS NOT NULL AND (o.in_pair OR pg_temp.u('pithos', o.key) < 0.8);
CREATE TEMPORARY TABLE m_object AS
SELECT row_number() OVER (ORDER BY a.n, k)::int AS n, a.n AS account, a.owner, k,
       (1 + pg_temp.pick('object-size', a.n * 10 + k, 512))::bigint * 1048576 AS size
  FROM m_account a, generate_series(1, a.objects) AS k;
ALTER TABLE m_account ADD COLUMN usage bigint NOT NULL DEFAULT 0;
UPDATE m_account a SET usage = t.size FROM (SELECT account, sum(size) AS size FROM m_object GROUP BY account) AS t
 WHERE t.account = a.n;

-- Per-user Cyclades quotas of 20-snf-cyclades-app-api.conf (VMS_USER_QUOTA, NETWORKS_USER_QUOTA):
-- about 2% / 1% of the users, plus both spellings of the first pair (VMs) and of the second (networks).
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

ANALYZE m_owner; ANALYZE m_network; ANALYZE m_key; ANALYZE m_account; ANALYZE m_object; ANALYZE m_cyclades_quota;
