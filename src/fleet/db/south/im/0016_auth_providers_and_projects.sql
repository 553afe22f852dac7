-- release: 0.13
-- Astakos 0.13, South data migration im:0016 (13:snf-astakos-app/astakos/im/migrations/
-- 0016_auth_providers_and_projects.py:16-84), in the order it works:
--   1. active users without activation_sent get it (now) and email_verified = true (:16-21);
--   2. every user without a uuid gets str(uuid4()) (:23-29);
--   3. one AstakosUserAuthProvider per user: module = provider and identifier = third_party_identifier
--      for a provider other than '' / 'local', else module 'local', auth_backend 'astakos' (:32-42);
--   4. and 5. (the ids of ASTAKOS_MIGRATION_0045_DELETE_DUPLICATE_USER_IDS deleted, the prompt for the
--      remaining case duplicates, username = lower(email)) are the Python part of this migration,
--      0016_auth_providers_and_projects.py, which the runner runs after this file in the same transaction.
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
