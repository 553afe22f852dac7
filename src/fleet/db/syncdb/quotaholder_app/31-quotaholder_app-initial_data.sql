-- release: 0.13
-- The quotaholder's fixture initial_data.json, which syncdb loads after creating the tables: the entity
-- 'system', owner of itself, key '' (13:snf-quotaholder-app/quotaholder_django/quotaholder_app/fixtures/
-- initial_data.json). Django's loaddata saves fixture objects by primary key, so every syncdb puts the
-- row back as the fixture has it, even where it was changed.
INSERT INTO quotaholder_app_entity (entity, owner_id, key) VALUES ('system', 'system', '')
    ON CONFLICT (entity) DO UPDATE SET owner_id = 'system', key = '';
