-- release: 0.13
-- Astakos 0.13: every user gets a uuid (the public identifier from now on) and the username becomes
-- the lower-cased email. Users whose emails differ only in case cannot both survive: the migration
-- refuses them (upgrade guide, step 2: delete all but one first).
DO $$
DECLARE
    conflicts integer;
    sample text;
BEGIN
    SELECT count(*), string_agg(line, '; ')
      INTO conflicts, sample
      FROM (SELECT lower(email) || ' (ids ' || string_agg(id::text, ', ' ORDER BY id) || ')' AS line
              FROM auth_user
             GROUP BY lower(email)
            HAVING count(*) > 1
             ORDER BY lower(email)
             LIMIT 20) AS d;
    IF conflicts > 0 THEN
        SELECT count(*) INTO conflicts FROM (
            SELECT 1 FROM auth_user GROUP BY lower(email) HAVING count(*) > 1) AS all_d;
        RAISE EXCEPTION '% emails are shared by several users when compared case-insensitively: %',
            conflicts, sample
            USING HINT = 'Delete all but one user of each email (upgrade guide step 2), then migrate again.';
    END IF;
END
$$;
UPDATE im_astakosuser SET uuid = gen_random_uuid()::text WHERE uuid IS NULL OR uuid = '';
ALTER TABLE im_astakosuser ALTER COLUMN uuid SET NOT NULL;
UPDATE auth_user SET username = lower(email) WHERE username <> lower(email);
