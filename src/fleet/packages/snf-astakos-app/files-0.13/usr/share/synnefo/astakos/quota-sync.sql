-- Makes the quotaholder match quota_diff (quota-diff.sql): missing entities (owner 'system', key '1'),
-- one policy per (user, resource) named '<uuid>:<resource>', missing holdings with zero usage.
INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT 'system', 'system', '1' WHERE NOT EXISTS (SELECT 1 FROM quotaholder_app_entity WHERE entity = 'system');
INSERT INTO quotaholder_app_entity (entity, owner_id, key)
SELECT DISTINCT d.uuid, 'system', '1' FROM quota_diff d
 WHERE NOT EXISTS (SELECT 1 FROM quotaholder_app_entity e WHERE e.entity = d.uuid);
INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit)
SELECT uuid || ':' || full_name, quantity, capacity, import_limit, export_limit FROM quota_diff
ON CONFLICT (policy) DO UPDATE SET quantity = EXCLUDED.quantity, capacity = EXCLUDED.capacity,
    import_limit = EXCLUDED.import_limit, export_limit = EXCLUDED.export_limit;
UPDATE quotaholder_app_holding h SET policy_id = d.uuid || ':' || d.full_name
  FROM quota_diff d WHERE h.id = d.holding_id;
INSERT INTO quotaholder_app_holding (entity_id, resource, policy_id, flags, imported, importing, exported,
                                     exporting, returned, "returning", released, releasing)
SELECT uuid, full_name, uuid || ':' || full_name, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM quota_diff WHERE holding_id IS NULL;
