-- release: 0.13
-- Astakos 0.13, South migration im:0017 (13:snf-astakos-app/astakos/im/migrations/0017_*.py:12-24):
-- im_resource.uplimit, and the user quotas become numeric(38,0) NOT NULL (IntDecimalField).
ALTER TABLE im_resource ADD COLUMN uplimit numeric(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE im_resource ALTER COLUMN uplimit DROP DEFAULT;
ALTER TABLE im_astakosuserquota ALTER COLUMN capacity TYPE numeric(38, 0), ALTER COLUMN capacity SET NOT NULL,
    ALTER COLUMN import_limit TYPE numeric(38, 0), ALTER COLUMN import_limit SET NOT NULL,
    ALTER COLUMN export_limit TYPE numeric(38, 0), ALTER COLUMN export_limit SET NOT NULL,
    ALTER COLUMN quantity TYPE numeric(38, 0), ALTER COLUMN quantity SET NOT NULL;
