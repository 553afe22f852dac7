-- release: 0.13
-- Astakos 0.13, South migration im:0021 (13:snf-astakos-app/astakos/im/migrations/0021_*.py): a project's
-- name may be NULL (it stays unique).
ALTER TABLE im_project ALTER COLUMN name DROP NOT NULL;
