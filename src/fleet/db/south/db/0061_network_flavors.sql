-- release: 0.13
-- Cyclades 0.13, South data migration db:0061 (13:snf-cyclades-app/synnefo/db/migrations/
-- 0061_network_flavors.py:11-32): the 0.12.5 network types become flavors with a mode and tags.
UPDATE db_network SET flavor = m.flavor, mode = m.mode, tags = m.tags
  FROM (VALUES ('PUBLIC_ROUTED', 'IP_LESS_ROUTED', 'routed', 'ip-less-routed'),
               ('PRIVATE_MAC_FILTERED', 'MAC_FILTERED', 'bridged', 'private-filtered'),
               ('PRIVATE_PHYSICAL_VLAN', 'PHYSICAL_VLAN', 'bridged', 'physical-vlan'),
               ('CUSTOM_ROUTED', 'CUSTOM', 'routed', NULL),
               ('CUSTOM_BRIDGED', 'CUSTOM', 'bridged', NULL)) AS m(type, flavor, mode, tags)
 WHERE db_network.flavor = m.type;
