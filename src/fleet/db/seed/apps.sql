-- Astakos and quotaholder data (database snf_apps), from the model of model.sql.

-- Users ---------------------------------------------------------------------------------------------
INSERT INTO auth_user (id, username, first_name, last_name, email, password, is_staff, is_active,
                       is_superuser, last_login, date_joined)
SELECT u.id,
       -- 0.12 usernames were opaque strings; 0.13 made them the lower-cased email
       CASE WHEN s.is013 THEN lower(u.email) ELSE 'u' || substr(md5(current_setting('fleet.seed') || ':username:' || u.id), 1, 29) END,
       initcap(u.first_name), initcap(u.last_name), u.email,
       'sha1$' || substr(md5('salt' || u.id), 1, 5) || '$' || md5('password' || u.id) || substr(md5('p2' || u.id), 1, 8),
       u.id = 1, u.active, u.id = 1,
       u.joined + interval '1 day', u.joined
  FROM m_user u, m_size s
 ORDER BY u.id;

INSERT INTO im_astakosuser (user_ptr_id, affiliation, provider, third_party_identifier, level, invitations,
                            auth_token, auth_token_created, auth_token_expires, updated, is_verified,
                            email_verified, has_credits, has_signed_terms, date_signed_terms, activation_sent,
                            moderated, is_rejected, uuid)
SELECT u.id, NULL, 'local', NULL, 4, 0,
       md5(current_setting('fleet.seed') || ':token:' || u.id), u.joined, u.joined + interval '30 days', u.joined,
       u.verified, u.verified, false, u.verified, CASE WHEN u.verified THEN u.joined END, u.joined,
       u.verified, false,
       CASE WHEN u.has_uuid THEN u.uuid END
  FROM m_user u
 ORDER BY u.id;
SELECT setval('auth_user_id_seq', (SELECT max(id) FROM auth_user));

-- Services and resources ------------------------------------------------------------------------------
INSERT INTO im_service (id, name, url, icon, "order", auth_token, auth_token_created, auth_token_expires)
SELECT 1, 'cyclades', 'https://cyclades.example.synnefo.org/ui/', '', 0,
       md5(current_setting('fleet.seed') || ':service:cyclades'), timestamptz '2012-01-01 00:00:00+00',
       timestamptz '2014-01-01 00:00:00+00'
UNION ALL
SELECT 2, CASE WHEN s.is013 THEN 'pithos+' ELSE 'pithos' END, 'https://pithos.example.synnefo.org/ui/', '', 1,
       md5(current_setting('fleet.seed') || ':service:pithos'), timestamptz '2012-01-01 00:00:00+00',
       timestamptz '2014-01-01 00:00:00+00'
  FROM m_size s;
SELECT setval('im_service_id_seq', 2);

-- 0.12 had three resources; 0.13's astakos-init --load-service-resources added disk, cpu and ram.
INSERT INTO im_resource (id, name, "desc", service_id, unit, "group", uplimit)
SELECT r.id, r.name, r."desc", r.service_id, r.unit, r."group", r.uplimit FROM m_size s, (VALUES
    (1, 'vm', 'Number of virtual machines', 1, NULL, 'compute', 2::numeric, false),
    (2, 'network.private', 'Private networks', 1, NULL, 'network', 1, false),
    (3, 'diskspace', 'Pithos account diskspace', 2, 'bytes', 'storage', 5368709120, false),
    (4, 'disk', 'Virtual machine disk size', 1, 'bytes', 'compute', 32212254720, true),
    (5, 'cpu', 'Number of virtual machine processors', 1, NULL, 'compute', 6, true),
    (6, 'ram', 'Virtual machines', 1, 'bytes', 'compute', 6442450944, true)
  ) AS r(id, name, "desc", service_id, unit, "group", uplimit, since013)
 WHERE s.is013 OR NOT r.since013;
SELECT setval('im_resource_id_seq', (SELECT max(id) FROM im_resource));

CREATE TEMPORARY TABLE m_resource AS
SELECT r.id, sv.name || '.' || r.name AS full_name, r.uplimit
  FROM im_resource r JOIN im_service sv ON sv.id = r.service_id;

-- Initial quotas: about 10% of the users have one; 0.13 also holds the quotas migrated from Pithos
-- (account quota other than the 50 GiB default) and from the Cyclades settings.
CREATE TEMPORARY TABLE m_userquota AS
SELECT u.id AS user_id, 1 + pg_temp.pick('uq-r', u.id, 3) AS resource_id
  FROM m_user u
 WHERE pg_temp.u('uq', u.id) < 0.1;
ALTER TABLE m_userquota ADD COLUMN capacity numeric(38, 0);
UPDATE m_userquota SET capacity = CASE resource_id WHEN 1 THEN 4 WHEN 2 THEN 3 ELSE 21474836480 END;
INSERT INTO m_userquota (user_id, resource_id, capacity)
SELECT a.user_id, 3, a.quota FROM m_account a, m_size s
 WHERE s.is013 AND a.quota <> 53687091200
   AND NOT EXISTS (SELECT 1 FROM m_userquota q WHERE q.user_id = a.user_id AND q.resource_id = 3);
UPDATE m_userquota q SET capacity = a.quota FROM m_account a, m_size s
 WHERE s.is013 AND a.user_id = q.user_id AND q.resource_id = 3 AND a.quota <> 53687091200;
INSERT INTO m_userquota (user_id, resource_id, capacity)
SELECT c.user_id, CASE c.resource WHEN 'vm' THEN 1 ELSE 2 END, c.value FROM m_cyclades_quota c, m_size s
 WHERE s.is013 AND NOT EXISTS (SELECT 1 FROM m_userquota q
                                WHERE q.user_id = c.user_id AND q.resource_id = CASE c.resource WHEN 'vm' THEN 1 ELSE 2 END);
UPDATE m_userquota q SET capacity = c.value FROM m_cyclades_quota c, m_size s
 WHERE s.is013 AND c.user_id = q.user_id AND q.resource_id = CASE c.resource WHEN 'vm' THEN 1 ELSE 2 END;

INSERT INTO im_astakosuserquota (id, capacity, quantity, export_limit, import_limit, resource_id, user_id)
SELECT row_number() OVER (ORDER BY user_id, resource_id), capacity, 0, 1e32, 1e32, resource_id, user_id
  FROM m_userquota
 ORDER BY user_id, resource_id;
SELECT setval('im_astakosuserquota_id_seq', greatest(1, (SELECT max(id) FROM im_astakosuserquota)));

-- Projects: J projects, the first and (from J = 3) the last expired; each grants its members extra
-- resources; about 20% of the users are members of one project, 90% of them active.
INSERT INTO im_chain (chain) SELECT k FROM m_size s, generate_series(1, s.projects) AS k;
SELECT setval('im_chain_chain_seq', (SELECT max(chain) FROM im_chain));
INSERT INTO im_projectapplication (id, applicant_id, state, owner_id, chain, precursor_application_id, name,
                                   homepage, description, start_date, end_date, member_join_policy,
                                   member_leave_policy, limit_on_members_number, comments, issue_date,
                                   response_date)
SELECT k, o.id, 'approved', o.id, k, NULL, 'project' || k || '.example.org',
       'https://project' || k || '.example.org/', 'Test-fleet project ' || k,
       timestamptz '2012-06-01 00:00:00+00',
       CASE WHEN k = 1 OR (k = s.projects AND k > 2) THEN timestamptz '2013-03-01 00:00:00+00'
            ELSE timestamptz '2099-12-31 00:00:00+00' END,
       1, 1, NULL, NULL, timestamptz '2012-05-01 00:00:00+00', timestamptz '2012-05-15 00:00:00+00'
  FROM m_size s, generate_series(1, s.projects) AS k,
       -- the first verified user from a random id on
       LATERAL (SELECT coalesce(
                    (SELECT min(id) FROM m_user WHERE verified AND NOT second_spelling
                        AND id >= 1 + pg_temp.pick('project-owner', k, s.n - s.pairs)),
                    (SELECT min(id) FROM m_user WHERE verified AND NOT second_spelling)) AS id) AS o
 ORDER BY k;
SELECT setval('im_projectapplication_id_seq', (SELECT max(id) FROM im_projectapplication));
INSERT INTO im_project (id, application_id, last_approval_date, deactivation_reason, deactivation_date,
                        creation_date, name, state)
SELECT id, id, response_date, NULL, NULL, response_date, name, 1 FROM im_projectapplication ORDER BY id;
SELECT setval('im_project_id_seq', (SELECT max(id) FROM im_project));
INSERT INTO im_projectresourcegrant (id, resource_id, project_application_id, project_capacity,
                                     project_import_limit, project_export_limit, member_capacity,
                                     member_import_limit, member_export_limit)
SELECT row_number() OVER (ORDER BY a.id, g.resource_id), g.resource_id, a.id, NULL, NULL, NULL, g.capacity, 0, 0
  FROM im_projectapplication a
  JOIN (VALUES (0, 1, 1::numeric), (1, 1, 1), (1, 2, 1), (2, 3, 10737418240)) AS g(kind, resource_id, capacity)
    ON g.kind = a.id % 3
 ORDER BY a.id, g.resource_id;
SELECT setval('im_projectresourcegrant_id_seq', (SELECT max(id) FROM im_projectresourcegrant));
INSERT INTO im_projectmembership (id, person_id, request_date, project_id, acceptance_date, leave_request_date,
                                  state, is_active)
SELECT row_number() OVER (ORDER BY u.id), u.id, u.joined::date, 1 + pg_temp.pick('member-p', u.id, s.projects),
       u.joined + interval '2 days', NULL,
       CASE WHEN pg_temp.u('member-active', u.id) >= 0.1 THEN 1 ELSE 0 END,
       pg_temp.u('member-active', u.id) >= 0.1
  FROM m_user u, m_size s
 WHERE u.verified AND pg_temp.u('member', u.id) < 0.2
 ORDER BY u.id;
SELECT setval('im_projectmembership_id_seq', greatest(1, (SELECT max(id) FROM im_projectmembership)));
-- 0.13 runs project-control --terminate-expired periodically: its expired projects are terminated.
UPDATE im_project p SET state = 100, deactivation_date = a.end_date + interval '1 day', deactivation_reason = 'TERMINATED'
  FROM im_projectapplication a, m_size s
 WHERE s.is013 AND a.id = p.application_id AND a.end_date < now();
UPDATE im_projectmembership m SET is_active = false
  FROM im_project p WHERE p.id = m.project_id AND p.state = 100;

-- Effective quotas (synnefo-0.13-facts.md): default (0, uplimit, 1e32, 1e32), replaced by an initial
-- quota, plus the member grants of every active membership; for the users with a verified email.
CREATE TEMPORARY TABLE m_eff AS
WITH base AS (
    SELECT u.id AS user_id, u.uuid, u.has_uuid, r.id AS resource_id, r.full_name,
           coalesce(q.quantity, 0) AS quantity, coalesce(q.capacity, r.uplimit) AS capacity,
           coalesce(q.import_limit, 1e32) AS import_limit, coalesce(q.export_limit, 1e32) AS export_limit
      FROM m_user u CROSS JOIN m_resource r
      LEFT JOIN im_astakosuserquota q ON q.user_id = u.id AND q.resource_id = r.id
     WHERE u.verified
), grants AS (
    SELECT m.person_id AS user_id, g.resource_id, sum(g.member_capacity) AS capacity,
           sum(g.member_import_limit) AS import_limit, sum(g.member_export_limit) AS export_limit
      FROM im_projectmembership m
      JOIN im_project p ON p.id = m.project_id
      JOIN im_projectresourcegrant g ON g.project_application_id = p.application_id
     WHERE m.is_active
     GROUP BY m.person_id, g.resource_id
)
SELECT b.user_id, b.uuid, b.has_uuid, b.resource_id, b.full_name, b.quantity,
       b.capacity + coalesce(g.capacity, 0) AS capacity,
       b.import_limit + coalesce(g.import_limit, 0) AS import_limit,
       b.export_limit + coalesce(g.export_limit, 0) AS export_limit
  FROM base b LEFT JOIN grants g ON g.user_id = b.user_id AND g.resource_id = b.resource_id;

-- Usage as the services count it (model.sql builds the same VMs, networks and accounts).
CREATE TEMPORARY TABLE m_counted AS
SELECT u.id AS user_id,
       coalesce(v.vms, 0) AS vms, coalesce(v.cpu, 0) AS cpu, coalesce(v.ram, 0) AS ram, coalesce(v.disk, 0) AS disk,
       coalesce(n.networks, 0) AS networks, coalesce(a.diskspace, 0) AS diskspace
  FROM m_user u
  LEFT JOIN (SELECT v.user_id, count(*) AS vms, sum(f.cpu) AS cpu, sum(f.ram::numeric * 1048576) AS ram,
                    sum(f.disk::numeric * 1073741824) AS disk
               FROM m_vm v JOIN m_flavor f ON f.id = v.flavor_id
              WHERE NOT v.deleted AND v.user_id IS NOT NULL
              GROUP BY v.user_id) AS v ON v.user_id = u.id
  LEFT JOIN (SELECT user_id, count(*) AS networks FROM m_network WHERE NOT deleted GROUP BY user_id) AS n
         ON n.user_id = u.id
  LEFT JOIN (SELECT user_id, sum(usage) AS diskspace FROM m_account GROUP BY user_id) AS a ON a.user_id = u.id
 WHERE u.verified;
CREATE TEMPORARY TABLE m_usage AS
SELECT c.user_id, r.full_name,
       (CASE r.full_name
          WHEN 'cyclades.vm' THEN c.vms
          WHEN 'cyclades.cpu' THEN c.cpu
          WHEN 'cyclades.ram' THEN c.ram
          WHEN 'cyclades.disk' THEN c.disk
          WHEN 'cyclades.network.private' THEN c.networks
          ELSE c.diskspace
        END)::numeric AS usage
  FROM m_counted c CROSS JOIN m_resource r;
ANALYZE m_eff;
ANALYZE m_usage;

-- Quotaholder -------------------------------------------------------------------------------------------
INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT 'system', 'system', '1'
UNION ALL SELECT name, 'system', '1' FROM im_service;

-- 0.12: entities for 85% of the verified users that have a uuid; 5% of their holdings missing; for
-- 20% of them one resource's capacity differs from the effective quota; usage partly stale.
-- 0.13: every verified user, every resource, policy = effective quota, usage = counted usage.
CREATE TEMPORARY TABLE m_holding AS
SELECT e.uuid AS entity, e.full_name AS resource, e.uuid || ':' || e.full_name AS policy,
       e.quantity,
       e.capacity + CASE WHEN NOT s.is013 AND pg_temp.u('qh-drift', e.user_id) < 0.2
                              AND e.resource_id = 1 + pg_temp.pick('qh-drift-r', e.user_id, 3) THEN 1 ELSE 0 END
         AS capacity,
       e.import_limit, e.export_limit,
       CASE WHEN s.is013 OR pg_temp.u('qh-usage', e.user_id) >= 0.3 THEN us.usage
            ELSE us.usage + 1 + pg_temp.pick('qh-usage-v', e.user_id, 3) END AS imported
  FROM m_eff e
  JOIN m_usage us ON us.user_id = e.user_id AND us.full_name = e.full_name
 CROSS JOIN m_size s
 WHERE s.is013
    OR (e.has_uuid AND pg_temp.u('qh-entity', e.user_id) < 0.85
        AND pg_temp.u('qh-missing', e.user_id * 10 + e.resource_id) >= 0.05);

INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT DISTINCT entity, 'system', '1' FROM m_holding ORDER BY entity;
INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit)
SELECT policy, quantity, capacity, import_limit, export_limit FROM m_holding ORDER BY policy;
INSERT INTO quotaholder_app_holding (id, entity_id, resource, policy_id, flags, imported, importing, exported,
                                     exporting, returned, "returning", released, releasing)
SELECT row_number() OVER (ORDER BY entity, resource), entity, resource, policy, 0, imported, imported, 0, 0, 0, 0, 0, 0
  FROM m_holding
 ORDER BY entity, resource;
SELECT setval('quotaholder_app_holding_id_seq', greatest(1, (SELECT max(id) FROM quotaholder_app_holding)));

-- The per-user Cyclades quotas, as the lines fleet-seed-db writes to cyclades-user-quota.conf.
\pset format unaligned
\pset tuples_only on
\o :quota_file
SELECT line FROM (
    SELECT 0 AS part, 0 AS n, '# Per-user Cyclades quotas of the test fleet (fleet-seed-db, seed '
           || current_setting('fleet.seed') || ', ' || (SELECT n FROM m_size) || ' users)' AS line
    UNION ALL SELECT 1, 0, 'VMS_USER_QUOTA = {'
    UNION ALL SELECT 2, user_id, '    ''' || owner || ''': ' || value || ',' FROM m_cyclades_quota WHERE resource = 'vm'
    UNION ALL SELECT 3, 0, '}'
    UNION ALL SELECT 4, 0, 'NETWORKS_USER_QUOTA = {'
    UNION ALL SELECT 5, user_id, '    ''' || owner || ''': ' || value || ',' FROM m_cyclades_quota WHERE resource = 'network.private'
    UNION ALL SELECT 6, 0, '}'
) AS l ORDER BY part, n;
\o
\pset tuples_only off
\pset format aligned
