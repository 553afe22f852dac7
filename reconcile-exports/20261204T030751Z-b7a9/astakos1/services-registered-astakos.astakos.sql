-- reconcile: undo of services-registered:astakos on host astakos1, run 20261204T030751Z-b7a9
-- database: snf_apps at db:5432 (as seen from astakos1)
-- Restores every row this apply deleted or rewrote and removes the rows it inserted, in one
-- transaction (statements in reverse order of the changes). To restore, on astakos1:
--   psql -h db -p 5432 -U synnefo -d snf_apps -v ON_ERROR_STOP=1 -f FILE
-- Rows are JSON (row_to_json), one per line; to restore some rows only, keep just their lines.
SET standard_conforming_strings = on;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":6,"entity_id":"pithos+","resource":"pithos+.diskspace","policy_id":"policy_4a71dddb75d3406bc8171b8fc64daac6","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_4a71dddb75d3406bc8171b8fc64daac6","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_entity: remove them
DELETE FROM quotaholder_app_entity AS t USING json_populate_recordset(NULL::quotaholder_app_entity, '[
{"entity":"pithos+","owner_id":"system","key":"1"}
]') AS r WHERE t."entity" = r."entity";
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":5,"entity_id":"cyclades","resource":"cyclades.network.private","policy_id":"policy_1f23e1d6c0bcdfa9c8f7375766a7b192","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_1f23e1d6c0bcdfa9c8f7375766a7b192","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":4,"entity_id":"cyclades","resource":"cyclades.vm","policy_id":"policy_60f939e7910e16a937e0f05754bc32aa","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_60f939e7910e16a937e0f05754bc32aa","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":3,"entity_id":"cyclades","resource":"cyclades.ram","policy_id":"policy_0bbc7873b0711cafc12aaef0cb508996","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_0bbc7873b0711cafc12aaef0cb508996","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":2,"entity_id":"cyclades","resource":"cyclades.cpu","policy_id":"policy_08aacd66a628293cd99e14be92953ce1","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_08aacd66a628293cd99e14be92953ce1","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_holding: remove them
DELETE FROM quotaholder_app_holding AS t USING json_populate_recordset(NULL::quotaholder_app_holding, '[
{"id":1,"entity_id":"cyclades","resource":"cyclades.disk","policy_id":"policy_537afca412bd7bb062a58cbf7ecf3f7e","flags":0,"imported":0,"importing":0,"exported":0,"exporting":0,"returned":0,"returning":0,"released":0,"releasing":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into quotaholder_app_policy: remove them
DELETE FROM quotaholder_app_policy AS t USING json_populate_recordset(NULL::quotaholder_app_policy, '[
{"policy":"policy_537afca412bd7bb062a58cbf7ecf3f7e","quantity":100000000000000000000000000000000,"capacity":100000000000000000000000000000000,"import_limit":100000000000000000000000000000000,"export_limit":100000000000000000000000000000000}
]') AS r WHERE t."policy" = r."policy";
-- 1 rows inserted into quotaholder_app_entity: remove them
DELETE FROM quotaholder_app_entity AS t USING json_populate_recordset(NULL::quotaholder_app_entity, '[
{"entity":"cyclades","owner_id":"system","key":"1"}
]') AS r WHERE t."entity" = r."entity";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":6,"name":"diskspace","service_id":2,"desc":"Pithos account diskspace","unit":"bytes","group":"storage","uplimit":53687091200}
]') AS r WHERE t."id" = r."id";
-- 1 rows of im_service rewritten: set them back
UPDATE im_service AS t SET "name" = r."name", "url" = r."url", "icon" = r."icon", "auth_token" = r."auth_token", "auth_token_created" = r."auth_token_created", "auth_token_expires" = r."auth_token_expires", "order" = r."order" FROM json_populate_recordset(NULL::im_service, '[
{"id":2,"name":"pithos","url":"https://pithos.example.synnefo.org/ui/","icon":"","auth_token":"f76662e8b2467765621e7af95da33ebc","auth_token_created":"2012-01-01T00:00:00+00:00","auth_token_expires":null,"order":0}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":5,"name":"network.private","service_id":1,"desc":"Private networks","unit":null,"group":"network","uplimit":5}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":4,"name":"vm","service_id":1,"desc":"Number of virtual machines","unit":null,"group":"compute","uplimit":3}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":3,"name":"ram","service_id":1,"desc":"Virtual machines","unit":"bytes","group":"compute","uplimit":12884901888}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":2,"name":"cpu","service_id":1,"desc":"Number of virtual machine processors","unit":null,"group":"compute","uplimit":12}
]') AS r WHERE t."id" = r."id";
-- 1 rows inserted into im_resource: remove them
DELETE FROM im_resource AS t USING json_populate_recordset(NULL::im_resource, '[
{"id":1,"name":"disk","service_id":1,"desc":"Virtual machine disk size","unit":"bytes","group":"compute","uplimit":128849018880}
]') AS r WHERE t."id" = r."id";
COMMIT;
