-- release: 0.13
-- Astakos 0.13, South data migration im:0016 (13:snf-astakos-app/astakos/im/migrations/
-- 0016_auth_providers_and_projects.py:16-84), in the order it works:
--   1. active users without activation_sent get it (now) and email_verified = true (:16-21);
--   2. every user without a uuid gets str(uuid4()) (:23-29);
--   3. one AstakosUserAuthProvider per user: module = provider and identifier = third_party_identifier
--      for a provider other than '' / 'local', else module 'local', auth_backend 'astakos' (:32-42);
--   4. users whose emails are equal but for case (:64-77) -- see below;
--   5. username = lower(email) where the username is not an email by Django's email_re (:80-84): every
--      0.12.5 username (30 hex digits) changes; one that is already an email is kept as it is.
-- Step 4 differs from the real one in the fleet's SQL version: the real migration first deletes the ids
-- listed in the setting ASTAKOS_MIGRATION_0045_DELETE_DUPLICATE_USER_IDS (:45-62), then prints
-- "Duplicate email found in database" and "<id>: <email> (is_active: <bool>)" for each remaining group
-- and asks through Python's input() which id to keep (--noinput does not stop it). Settings and prompts
-- need the Python snf-manage (branch `services`); until then this file FAILS while duplicates remain:
-- exit 1 of `snf-manage migrate`, the whole migration rolled back (South runs it in one transaction),
-- the duplicate emails named in the error. email_re is written here as a PostgreSQL regex of its
-- dot-atom form (the quoted-string local part is left out: no Synnefo username has one).
UPDATE im_astakosuser a SET activation_sent = now(), email_verified = true
  FROM auth_user u
 WHERE u.id = a.user_ptr_id AND u.is_active AND a.activation_sent IS NULL;

UPDATE im_astakosuser SET uuid = gen_random_uuid()::text WHERE coalesce(uuid, '') = '';

INSERT INTO im_astakosuserauthprovider (affiliation, user_id, module, identifier, active, auth_backend, info_data,
                                        created)
SELECT NULL, a.user_ptr_id,
       CASE WHEN coalesce(a.provider, '') NOT IN ('', 'local') THEN a.provider ELSE 'local' END,
       CASE WHEN coalesce(a.provider, '') NOT IN ('', 'local') THEN a.third_party_identifier END,
       true, 'astakos', '', now()
  FROM im_astakosuser a
 ORDER BY a.user_ptr_id;

DO $$
DECLARE
    groups integer;
    listing text;
    first_email text;
BEGIN
    SELECT count(*), string_agg(lines, E'\n' ORDER BY key), min(key)
      INTO groups, listing, first_email
      FROM (SELECT lower(u.email) AS key,
                   'Duplicate email found in database' || E'\n' ||
                   string_agg(u.id || ': ' || u.email || ' (is_active: '
                              || CASE WHEN u.is_active THEN 'True' ELSE 'False' END || ')', E'\n' ORDER BY u.id)
                   AS lines
              FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id
             GROUP BY lower(u.email)
            HAVING count(*) > 1) AS d;
    IF groups > 0 THEN
        RAISE EXCEPTION E'%\nEmail % is not unique (% emails are shared by several users). Please resolve conflicts and run migrate again.',
            listing, first_email, groups
            USING HINT = 'Delete all but one user of each email (upgrade guide, section 2), then migrate again.';
    END IF;
END
$$;

UPDATE auth_user u SET username = lower(u.email)
  FROM im_astakosuser a
 WHERE a.user_ptr_id = u.id
   AND u.username !~* '^[-!#$%&''*+/=?^_`{}|~0-9a-z]+(\.[-!#$%&''*+/=?^_`{}|~0-9a-z]+)*@([a-z0-9]+(-*[a-z0-9]+)*\.)+[a-z]{2,6}$';
