-- Usage reset of the services (test fleet), see reset_usage in fleet-db.sh: holdings of user entities
-- (uuids) for the resources in :resources take the counted usage, 0 where nothing was counted.
UPDATE quotaholder_app_holding h
   SET imported = coalesce(c.usage, 0), importing = coalesce(c.usage, 0), exported = 0, exporting = 0,
       returned = 0, "returning" = 0, released = 0, releasing = 0
  FROM quotaholder_app_holding h2
  LEFT JOIN counted c ON c.entity = h2.entity_id AND c.resource = h2.resource
 WHERE h.id = h2.id
   AND h.resource = ANY (string_to_array(:'resources', ','))
   AND h.entity_id IN (SELECT uuid FROM im_astakosuser WHERE uuid IS NOT NULL);
SELECT count(DISTINCT entity) AS users FROM counted;
