-- Astakos data (database snf_apps), from the model of model.sql; at 0.13 also projects and the
-- quotaholder (in snf_apps, where snf-quotaholder-app's syncdb put them). 0.12.5 has neither.

-- Users ---------------------------------------------------------------------------------------------
-- 0.12.5 usernames are 30 random hex digits; 0016 made them lower(email) (none of them is an email).
INSERT INTO auth_user (id, username, first_name, last_name, email, password, is_staff, is_active,
                       is_superuser, last_login, date_joined)
SELECT u.id, CASE WHEN s.is013 THEN lower(u.email) ELSE u.username012 END,
       initcap(u.first_name), initcap(u.last_name), u.email,
       'sha1$' || substr(md5('salt' || u.id), 1, 5) || '$' || md5('password' || u.id) || substr(md5('p2' || u.id), 1, 8),
       u.id = 1, u.active, u.id = 1,
       u.joined + interval '1 day', u.joined
  FROM m_user u, m_size s
 ORDER BY u.id;
SELECT setval('auth_user_id_seq', (SELECT max(id) FROM auth_user));

-- 0.12.5 saves clear activation_sent of active users (12:snf-astakos-app/astakos/im/models.py:154): it
-- stays only where the activation mail went out and was never answered. 0016 gave every active user
-- one and verified their email (at its run, here 2013-05-20 10:00).
CREATE TEMPORARY TABLE m_astakosuser AS
SELECT u.id AS user_ptr_id, ''::varchar(255) AS affiliation, 0 AS level, 100 AS invitations,
       md5(current_setting('fleet.seed') || ':token:' || u.id) AS auth_token, u.joined AS auth_token_created,
       u.joined + interval '30 days' AS auth_token_expires, u.joined AS updated, u.verified AS is_verified,
       'local'::varchar(255) AS provider, NULL::varchar(255) AS third_party_identifier,
       CASE WHEN s.is013 THEN u.verified ELSE u.confirmed END AS email_verified, false AS has_credits,
       u.confirmed AS has_signed_terms, CASE WHEN u.confirmed THEN u.joined END AS date_signed_terms,
       CASE WHEN u.active AND s.is013 THEN timestamptz '2013-05-20 10:00:00+00'
            WHEN NOT u.active AND NOT u.confirmed THEN u.joined END AS activation_sent,
       u.uuid
  FROM m_user u, m_size s;

\if :is013
INSERT INTO im_astakosuser (user_ptr_id, affiliation, level, invitations, auth_token, auth_token_created,
                            auth_token_expires, updated, is_verified, provider, third_party_identifier,
                            email_verified, has_credits, has_signed_terms, date_signed_terms, activation_sent,
                            uuid, disturbed_quota)
SELECT user_ptr_id, affiliation, level, invitations, auth_token, auth_token_created, auth_token_expires, updated,
       is_verified, provider, third_party_identifier, email_verified, has_credits, has_signed_terms,
       date_signed_terms, activation_sent, uuid, false
  FROM m_astakosuser ORDER BY user_ptr_id;
-- 0016: one local auth provider per user.
INSERT INTO im_astakosuserauthprovider (id, affiliation, user_id, module, identifier, active, auth_backend,
                                        info_data, created)
SELECT row_number() OVER (ORDER BY user_ptr_id), NULL, user_ptr_id, 'local', NULL, true, 'astakos', '',
       timestamptz '2013-05-20 10:00:00+00'
  FROM m_astakosuser ORDER BY user_ptr_id;
SELECT setval('im_astakosuserauthprovider_id_seq', (SELECT max(id) FROM im_astakosuserauthprovider));
\else
INSERT INTO im_astakosuser (user_ptr_id, affiliation, level, invitations, auth_token, auth_token_created,
                            auth_token_expires, updated, is_verified, provider, third_party_identifier,
                            email_verified, has_credits, has_signed_terms, date_signed_terms, activation_sent)
SELECT user_ptr_id, affiliation, level, invitations, auth_token, auth_token_created, auth_token_expires, updated,
       is_verified, provider, third_party_identifier, email_verified, has_credits, has_signed_terms,
       date_signed_terms, activation_sent
  FROM m_astakosuser ORDER BY user_ptr_id;
\endif

-- Services: the names the operator registered; 0.13 renamed pithos to pithos+ (guide 5), 0015 added
-- "order" (0), 0019 cleared the tokens' expiry.
\if :is013
INSERT INTO im_service (id, name, url, icon, auth_token, auth_token_created, auth_token_expires, "order")
SELECT s.id, CASE WHEN s.name = 'pithos' THEN 'pithos+' ELSE s.name END, s.url, '', t.token,
       timestamptz '2012-01-01 00:00:00+00', NULL, 0
  FROM (VALUES (1, 'cyclades', 'https://cyclades.example.synnefo.org/ui/'),
               (2, 'pithos', 'https://pithos.example.synnefo.org/ui/')) AS s(id, name, url),
       LATERAL (SELECT md5(current_setting('fleet.seed') || ':service:' || s.name) AS token) AS t;
\else
INSERT INTO im_service (id, name, url, icon, auth_token, auth_token_created, auth_token_expires)
SELECT s.id, s.name, s.url, '', md5(current_setting('fleet.seed') || ':service:' || s.name),
       timestamptz '2012-01-01 00:00:00+00', timestamptz '2014-01-01 00:00:00+00'
  FROM (VALUES (1, 'cyclades', 'https://cyclades.example.synnefo.org/ui/'),
               (2, 'pithos', 'https://pithos.example.synnefo.org/ui/')) AS s(id, name, url);
\endif
SELECT setval('im_service_id_seq', 2);

\if :is013
-- Resources as states/60-quotas.yml registers them (services-registered): the old defaults kept
-- (MAX_VMS_PER_USER 3, MAX_NETWORKS_PER_USER 5, PITHOS_BACKEND_QUOTA 50 GiB), ASTAKOS_SERVICES' others.
INSERT INTO im_resource (id, name, "desc", service_id, unit, "group", uplimit) VALUES
    (1, 'disk', 'Virtual machine disk size', 1, 'bytes', 'compute', 32212254720),
    (2, 'cpu', 'Number of virtual machine processors', 1, NULL, 'compute', 6),
    (3, 'ram', 'Virtual machines', 1, 'bytes', 'compute', 6442450944),
    (4, 'vm', 'Number of virtual machines', 1, NULL, 'compute', 3),
    (5, 'network.private', 'Private networks', 1, NULL, 'network', 5),
    (6, 'diskspace', 'Pithos account diskspace', 2, 'bytes', 'storage', 53687091200);
SELECT setval('im_resource_id_seq', 6);
CREATE TEMPORARY TABLE m_resource AS
SELECT r.id, sv.name AS service, sv.name || '.' || r.name AS full_name, r.uplimit
  FROM im_resource r JOIN im_service sv ON sv.id = r.service_id;

-- Initial quotas migrated as quotas-initial does it (the real exports' rows, infinite = 10^30): every
-- Pithos account with a quota row (0, unlimited at 0.12.5, as the declared 10^32) and every Cyclades
-- per-user quota.
CREATE TEMPORARY TABLE m_userquota AS
SELECT a.user_id, 6 AS resource_id,
       CASE WHEN a.quota = 0 THEN 100000000000000000000000000000000 ELSE a.quota END::numeric(38, 0) AS capacity
  FROM m_account a WHERE a.quota IS NOT NULL
UNION ALL
SELECT c.user_id, CASE c.resource WHEN 'vm' THEN 4 ELSE 5 END, c.value FROM m_cyclades_quota c;
INSERT INTO im_astakosuserquota (id, capacity, quantity, export_limit, import_limit, resource_id, user_id)
SELECT row_number() OVER (ORDER BY user_id, resource_id), capacity, 0, 1e30, 1e30, resource_id, user_id
  FROM m_userquota
 ORDER BY user_id, resource_id;
SELECT setval('im_astakosuserquota_id_seq', greatest(1, (SELECT max(id) FROM im_astakosuserquota)));

-- Projects (new in 0.13): J chains, one approved application each; project 2 was modified: its first
-- application (id J+1, REPLACED) granted vm +2, the approved one grants what its id asks. Projects 1
-- and (J >= 3) J ended 2013-03-01 and were terminated (project-control --terminate-expired).
INSERT INTO im_chain (chain) SELECT k FROM m_size s, generate_series(1, s.projects) AS k;
SELECT setval('im_chain_chain_seq', (SELECT max(chain) FROM im_chain));
CREATE TEMPORARY TABLE m_application AS
SELECT k AS id, k AS chain, 1 AS state, o.id AS owner_id,
       CASE WHEN k = 2 THEN s.projects + 1 END AS precursor_application_id,
       CASE WHEN k = 1 OR (k = s.projects AND k > 2) THEN timestamptz '2013-03-01 00:00:00+00'
            ELSE timestamptz '2099-12-31 00:00:00+00' END AS end_date
  FROM m_size s, generate_series(1, s.projects) AS k,
       -- the first verified user from a random id on
       LATERAL (SELECT coalesce(
                    (SELECT min(id) FROM m_user WHERE verified AND id >= 1 + pg_temp.pick('project-owner', k, s.n)),
                    (SELECT min(id) FROM m_user WHERE verified)) AS id) AS o
UNION ALL
SELECT s.projects + 1, 2, 2, (SELECT min(id) FROM m_user WHERE verified), NULL, timestamptz '2099-12-31 00:00:00+00'
  FROM m_size s;
INSERT INTO im_projectapplication (id, applicant_id, state, owner_id, chain, precursor_application_id, name,
                                   homepage, description, start_date, end_date, member_join_policy,
                                   member_leave_policy, limit_on_members_number, comments, issue_date,
                                   response_date, response)
SELECT a.id, a.owner_id, a.state, a.owner_id, a.chain, a.precursor_application_id,
       'project' || a.chain || '.example.org', 'https://project' || a.chain || '.example.org/',
       'Test-fleet project ' || a.chain, timestamptz '2012-06-01 00:00:00+00', a.end_date, 1, 1, NULL, NULL,
       timestamptz '2013-05-21 00:00:00+00' + a.id * interval '1 hour',
       timestamptz '2013-05-22 00:00:00+00' + a.id * interval '1 hour', NULL
  FROM m_application a ORDER BY a.id;
SELECT setval('im_projectapplication_id_seq', (SELECT max(id) FROM im_projectapplication));
INSERT INTO im_project (id, application_id, last_approval_date, deactivation_reason, deactivation_date,
                        creation_date, name, is_modified, is_active, state)
SELECT a.chain, a.id, a.end_date - interval '200 days',
       CASE WHEN a.end_date < now() THEN 'TERMINATED' END, CASE WHEN a.end_date < now() THEN a.end_date + interval '1 day' END,
       timestamptz '2013-05-22 00:00:00+00', 'project' || a.chain || '.example.org', false, a.end_date >= now(),
       CASE WHEN a.end_date < now() THEN 100 ELSE 1 END
  FROM m_application a WHERE a.state = 1 ORDER BY a.chain;
INSERT INTO im_projectresourcegrant (id, resource_id, project_application_id, project_capacity,
                                     project_import_limit, project_export_limit, member_capacity,
                                     member_import_limit, member_export_limit)
SELECT row_number() OVER (ORDER BY a.id, g.resource_id), g.resource_id, a.id, 1e32, 1e32, 1e32, g.capacity, 0, 0
  FROM m_application a, m_size s
  JOIN (VALUES (0, 4, 1::numeric), (1, 4, 1), (1, 5, 1), (2, 6, 10737418240), (3, 4, 2))
       AS g(kind, resource_id, capacity) ON true
 WHERE g.kind = CASE WHEN a.id > s.projects THEN 3 ELSE a.id % 3 END
 ORDER BY a.id, g.resource_id;
SELECT setval('im_projectresourcegrant_id_seq', (SELECT max(id) FROM im_projectresourcegrant));
-- Memberships: ~20% of the verified users, 90% of them accepted. Accepted ones carry the application
-- they were synced to (set_sync, 13:snf-astakos-app/astakos/im/models.py:2482-2520): the project's,
-- or for half of project 2's members still the replaced one, their sync to the new one pending
-- (is_pending, no pending application or serial: what reset_sync leaves, :2527-2540, and what
-- set_sync_projects requires, :2646-2653).
-- Terminated projects' memberships are PROJECT_DEACTIVATED (100), without application, inactive.
CREATE TEMPORARY TABLE m_membership AS
SELECT row_number() OVER (ORDER BY u.id)::int AS id, u.id AS person_id, u.joined::date AS request_date,
       1 + pg_temp.pick('member-p', u.id, s.projects) AS project_id,
       pg_temp.u('member-active', u.id) >= 0.1 AS accepted, pg_temp.u('member-pending', u.id) < 0.5 AS late
  FROM m_user u, m_size s
 WHERE u.verified AND pg_temp.u('member', u.id) < 0.2;
INSERT INTO im_projectmembership (id, person_id, request_date, project_id, state, is_pending, is_active,
                                  application_id, pending_application_id, pending_serial, acceptance_date,
                                  leave_request_date)
SELECT m.id, m.person_id, m.request_date, m.project_id,
       CASE WHEN p.state = 100 THEN 100 WHEN m.accepted THEN 1 ELSE 0 END,
       p.state = 1 AND m.accepted AND p.id = 2 AND m.late,
       p.state = 1 AND m.accepted,
       CASE WHEN p.state <> 1 OR NOT m.accepted THEN NULL
            WHEN p.id = 2 AND m.late THEN (SELECT projects + 1 FROM m_size) ELSE p.application_id END,
       NULL, NULL, CASE WHEN m.accepted THEN m.request_date + 2 END, NULL
  FROM m_membership m JOIN im_project p ON p.id = m.project_id
 ORDER BY m.id;
SELECT setval('im_projectmembership_id_seq', greatest(1, (SELECT max(id) FROM im_projectmembership)));

-- Effective quotas (13:snf-astakos-app/astakos/im/models.py:844-897): default (0, uplimit, 10^32,
-- 10^32), replaced by the user's quota row, plus the member grants of the application of every active
-- membership; for the users with a verified email.
CREATE TEMPORARY TABLE m_eff AS
WITH base AS (
    SELECT u.id AS user_id, u.uuid, r.id AS resource_id, r.full_name,
           coalesce(q.quantity, 0) AS quantity, coalesce(q.capacity, r.uplimit) AS capacity,
           coalesce(q.import_limit, 1e32) AS import_limit, coalesce(q.export_limit, 1e32) AS export_limit
      FROM m_user u CROSS JOIN m_resource r
      LEFT JOIN im_astakosuserquota q ON q.user_id = u.id AND q.resource_id = r.id
     WHERE u.verified
), grants AS (
    SELECT m.person_id AS user_id, g.resource_id, sum(g.member_capacity) AS capacity,
           sum(g.member_import_limit) AS import_limit, sum(g.member_export_limit) AS export_limit
      FROM im_projectmembership m
      JOIN im_projectresourcegrant g ON g.project_application_id = m.application_id
     WHERE m.is_active
     GROUP BY m.person_id, g.resource_id
)
SELECT b.user_id, b.uuid, b.resource_id, b.full_name, b.quantity,
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
-- 'system' (key '') is the fixture syncdb loaded. astakos-init --load-service-resources registered the
-- services (owner system, key '1') with an infinite holding (10^32) of each of their resources
-- (13:snf-astakos-app/astakos/im/endpoints/qh.py:285-323); astakos-quota --sync every verified user
-- (:233-242) with holdings whose policies are the effective quotas; the usage resets their usage.
INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT name, 'system', '1' FROM im_service ORDER BY name;
CREATE TEMPORARY TABLE m_holding AS
SELECT r.service AS entity, r.full_name AS resource, 1e32::numeric(38, 0) AS quantity, 1e32::numeric(38, 0) AS capacity,
       1e32::numeric(38, 0) AS import_limit, 1e32::numeric(38, 0) AS export_limit, 0::numeric AS imported
  FROM m_resource r
UNION ALL
SELECT e.uuid, e.full_name, e.quantity, e.capacity, e.import_limit, e.export_limit, us.usage
  FROM m_eff e JOIN m_usage us ON us.user_id = e.user_id AND us.full_name = e.full_name;
ALTER TABLE m_holding ADD COLUMN policy text;
UPDATE m_holding SET policy = 'policy_' || substr(md5(current_setting('fleet.seed') || ':policy:' || entity || ':' || resource), 1, 20);

INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT DISTINCT entity, 'system', '1' FROM m_holding
 WHERE entity NOT IN (SELECT entity FROM quotaholder_app_entity) ORDER BY entity;
INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit)
SELECT policy, quantity, capacity, import_limit, export_limit FROM m_holding ORDER BY policy;
INSERT INTO quotaholder_app_holding (id, entity_id, resource, policy_id, flags, imported, importing, exported,
                                     exporting, returned, "returning", released, releasing)
SELECT row_number() OVER (ORDER BY entity, resource), entity, resource, policy, 0, imported, imported, 0, 0, 0, 0, 0, 0
  FROM m_holding
 ORDER BY entity, resource;
SELECT setval('quotaholder_app_holding_id_seq', greatest(1, (SELECT max(id) FROM quotaholder_app_holding)));
\endif

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
