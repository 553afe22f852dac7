-- release: 0.13
-- Astakos 0.13, South data migration im:0019 (13:snf-astakos-app/astakos/im/migrations/
-- 0019_clear_service_auth_token.py:12-14): service tokens stop expiring.
UPDATE im_service SET auth_token_expires = NULL;
