-- Effective quotas of the users with a verified email (synnefo-0.13-facts.md) against their
-- quotaholder holdings: fills the temporary table quota_diff with every (user, resource) whose
-- 4-tuple differs from its holding's policy or has no holding. psql variable user_filter: SQL
-- condition on im_astakosuser a (true for all users).
CREATE TEMPORARY TABLE quota_eff AS
WITH res AS (
    SELECT r.id, s.name || '.' || r.name AS full_name, r.uplimit
      FROM im_resource r JOIN im_service s ON s.id = r.service_id
), users AS (
    SELECT a.user_ptr_id AS id, a.uuid FROM im_astakosuser a
     WHERE a.email_verified AND a.uuid IS NOT NULL AND (:user_filter)
), base AS (
    SELECT u.id, u.uuid, r.id AS resource_id, r.full_name,
           coalesce(q.quantity, 0) AS quantity, coalesce(q.capacity, r.uplimit) AS capacity,
           coalesce(q.import_limit, 1e32) AS import_limit, coalesce(q.export_limit, 1e32) AS export_limit
      FROM users u CROSS JOIN res r
      LEFT JOIN im_astakosuserquota q ON q.user_id = u.id AND q.resource_id = r.id
), grants AS (
    SELECT m.person_id, g.resource_id, sum(g.member_capacity) AS capacity,
           sum(g.member_import_limit) AS import_limit, sum(g.member_export_limit) AS export_limit
      FROM im_projectmembership m
      JOIN im_projectresourcegrant g ON g.project_application_id = m.application_id
     WHERE m.is_active
     GROUP BY m.person_id, g.resource_id
)
SELECT b.uuid, b.full_name, b.quantity,
       b.capacity + coalesce(g.capacity, 0) AS capacity,
       b.import_limit + coalesce(g.import_limit, 0) AS import_limit,
       b.export_limit + coalesce(g.export_limit, 0) AS export_limit
  FROM base b LEFT JOIN grants g ON g.person_id = b.id AND g.resource_id = b.resource_id;

CREATE TEMPORARY TABLE quota_diff AS
SELECT e.*, h.id AS holding_id
  FROM quota_eff e
  LEFT JOIN quotaholder_app_holding h ON h.entity_id = e.uuid AND h.resource = e.full_name
  LEFT JOIN quotaholder_app_policy p ON p.policy = h.policy_id
 WHERE h.id IS NULL
    OR (p.quantity, p.capacity, p.import_limit, p.export_limit)
       IS DISTINCT FROM (e.quantity, e.capacity, e.import_limit, e.export_limit);
