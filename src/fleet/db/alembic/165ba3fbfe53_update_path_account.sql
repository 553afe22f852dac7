-- release: 0.13
-- revision: 165ba3fbfe53
-- down_revision: 3dd56e750a3
-- description: update path account
-- needs: astakos_users
-- Pithos 0.13: accounts are named by the owner's uuid instead of the email. pithos-migrate loads
-- astakos_users(email_lower, uuid) from the Astakos database into this session first.
DO $$
DECLARE
    conflict text;
BEGIN
    SELECT string_agg(paths, '; ') INTO conflict FROM (
        SELECT a.uuid || ' <- ' || string_agg(n.path, ', ' ORDER BY n.path) AS paths
          FROM nodes n JOIN astakos_users a ON a.email_lower = lower(n.path)
         WHERE n.node <> 0 AND n.parent = 0
         GROUP BY a.uuid
        HAVING count(*) > 1
         LIMIT 20) AS c;
    IF conflict IS NOT NULL THEN
        RAISE EXCEPTION 'several Pithos accounts belong to the same Astakos user: %', conflict
            USING HINT = 'Merge or delete the duplicate accounts first (upgrade guide 6.2).';
    END IF;
END
$$;
CREATE TEMPORARY TABLE account_map ON COMMIT DROP AS
    SELECT n.path AS old, a.uuid AS new
      FROM nodes n JOIN astakos_users a ON a.email_lower = lower(n.path)
     WHERE n.node <> 0 AND n.parent = 0 AND n.path <> a.uuid;
-- Every node below an account (containers, objects) carries the account as its path prefix.
UPDATE nodes n SET path = m.new || substr(n.path, length(m.old) + 1)
  FROM account_map m
 WHERE n.path = m.old OR n.path LIKE replace(replace(m.old, '_', '\_'), '%', '\%') || '/%';
UPDATE versions v SET muser = m.new FROM account_map m WHERE v.muser = m.old;
UPDATE public p SET path = m.new || substr(p.path, length(m.old) + 1)
  FROM account_map m
 WHERE p.path LIKE replace(replace(m.old, '_', '\_'), '%', '\%') || '/%';
UPDATE groups g SET owner = m.new FROM account_map m WHERE g.owner = m.old;
UPDATE groups g SET member = m.new FROM account_map m WHERE g.member = m.old;
