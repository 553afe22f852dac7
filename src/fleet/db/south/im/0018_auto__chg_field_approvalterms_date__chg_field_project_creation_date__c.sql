-- release: 0.13
-- Astakos 0.13, South migration im:0018 (13:snf-astakos-app/astakos/im/migrations/0018_*.py:12-36): the
-- precursor application is no longer one-to-one (its unique constraint goes, the foreign key stays),
-- im_projectapplication.response_date. The date fields become auto_now_add: Python only, no DDL.
DO $$
DECLARE
    name text;
BEGIN
    FOR name IN
        SELECT c.conname FROM pg_constraint c
         WHERE c.conrelid = 'im_projectapplication'::regclass AND c.contype = 'u'
           AND c.conkey = ARRAY[(SELECT attnum FROM pg_attribute
                                  WHERE attrelid = c.conrelid AND attname = 'precursor_application_id')]
    LOOP
        EXECUTE format('ALTER TABLE im_projectapplication DROP CONSTRAINT %I', name);
    END LOOP;
END
$$;
CREATE INDEX im_projectapplication_precursor_application_id ON im_projectapplication (precursor_application_id);
ALTER TABLE im_projectapplication ADD COLUMN response_date timestamp with time zone;
