-- Cyclades data (database snf_cyclades), from the model of model.sql. Owners are emails before 0.13
-- (both spellings of every case-duplicate pair own VMs, networks and keys; some owners are unknown
-- to Astakos) and uuids after it (cyclades-astakos-migrate-013 --migrate-users).

INSERT INTO db_backend (id, clustername, port, username, password_hash, drained, offline, mfree, mtotal, dfree,
                        dtotal, pinst_cnt, ctotal, updated, hash, index)
VALUES (1, 'ganeti1.example.synnefo.org', 5080, 'synnefo', NULL, false, false, 65536, 131072, 2048000, 4096000,
        0, 32, timestamptz '2013-01-01 00:00:00+00', md5('backend:1'), 0);
SELECT setval('db_backend_id_seq', 1);

INSERT INTO db_flavor (id, cpu, ram, disk, disk_template, deleted)
SELECT id, cpu, ram, disk, disk_template, false FROM m_flavor ORDER BY id;
SELECT setval('db_flavor_id_seq', (SELECT max(id) FROM db_flavor));

-- Networks: two public ones and the users' private ones, with their 0.12.5 type; at 0.13 the flavor,
-- mode and tags migration 0061 made of it (13:snf-cyclades-app/synnefo/db/migrations/0061_network_flavors.py).
CREATE TEMPORARY TABLE s_network AS
SELECT 1 AS id, 'public'::text AS name, NULL::text AS owner, '203.0.113.0/24'::text AS subnet, NULL::text AS subnet6,
       '203.0.113.1'::text AS gateway, NULL::text AS gateway6, 'PUBLIC_ROUTED'::text AS type, 'aa:00:00'::text AS mac_prefix,
       'snf_public'::text AS link, true AS public, timestamptz '2011-06-01 00:00:00+00' AS created, false AS deleted
UNION ALL
SELECT 2, 'public-v6', NULL, '198.51.100.0/24', '2001:db8::/64', '198.51.100.1', '2001:db8::1', 'PUBLIC_ROUTED', 'aa:00:00',
       'snf_public', true, timestamptz '2011-06-01 00:00:00+00', false
UNION ALL
SELECT n.id, 'private-' || n.j, n.owner, '10.' || (n.id / 256 % 256) || '.' || (n.id % 256) || '.0/24', NULL, NULL, NULL,
       n.type, 'aa:' || lpad(to_hex(n.id / 256 % 256), 2, '0') || ':' || lpad(to_hex(n.id % 256), 2, '0'),
       CASE WHEN n.type = 'PRIVATE_MAC_FILTERED' THEN 'prv0' ELSE 'prv' || n.id % 100 END, false,
       timestamptz '2012-02-01 00:00:00+00' + n.id * interval '13 minutes', n.deleted
  FROM m_network n;
\if :is013
INSERT INTO db_network (id, name, userid, subnet, subnet6, gateway, gateway6, dhcp, flavor, mode, tags, mac_prefix,
                        link, public, created, updated, deleted, state, action, pool_id, serial_id)
SELECT n.id, n.name, n.owner, n.subnet, n.subnet6, n.gateway, n.gateway6, true, f.flavor, f.mode, f.tags, n.mac_prefix,
       n.link, n.public, n.created, n.created, n.deleted, CASE WHEN n.deleted THEN 'DELETED' ELSE 'ACTIVE' END, NULL,
       NULL, NULL
  FROM s_network n
  JOIN (VALUES ('PUBLIC_ROUTED', 'IP_LESS_ROUTED', 'routed', 'ip-less-routed'),
               ('PRIVATE_MAC_FILTERED', 'MAC_FILTERED', 'bridged', 'private-filtered'),
               ('PRIVATE_PHYSICAL_VLAN', 'PHYSICAL_VLAN', 'bridged', 'physical-vlan')) AS f(type, flavor, mode, tags)
    ON f.type = n.type
 ORDER BY n.id;
\else
INSERT INTO db_network (id, name, userid, subnet, subnet6, gateway, gateway6, dhcp, type, mac_prefix, link,
                        public, created, updated, deleted, state, action, pool_id)
SELECT n.id, n.name, n.owner, n.subnet, n.subnet6, n.gateway, n.gateway6, true, n.type, n.mac_prefix, n.link,
       n.public, n.created, n.created, n.deleted, CASE WHEN n.deleted THEN 'DELETED' ELSE 'ACTIVE' END, NULL, NULL
  FROM s_network n
 ORDER BY n.id;
\endif
SELECT setval('db_network_id_seq', (SELECT max(id) FROM db_network));

INSERT INTO db_virtualmachine (id, name, userid, backend_id, backend_hash, created, updated, imageid, hostid,
                               flavor_id, deleted, suspended, action, operstate, backendjobid, backendopcode,
                               backendjobstatus, backendlogmsg, backendtime, buildpercentage)
SELECT v.id, 'vm-' || v.j || '-' || v.id, v.owner, 1, md5('backend:1'), v.created, v.created + interval '5 minutes',
       (ARRAY['debian_base-6.0-7-x86_64', 'ubuntu-12.04-x86_64', 'centos-6.3-x86_64', 'windows-2008'])
           [1 + pg_temp.pick('image', v.id, 4)],
       'snf-' || v.id, v.flavor_id, v.deleted, false, NULL, v.operstate, v.id,
       CASE WHEN v.deleted THEN 'OP_INSTANCE_REMOVE' ELSE 'OP_INSTANCE_CREATE' END,
       'success', '', v.created + interval '5 minutes', 100
  FROM m_vm v
 ORDER BY v.id;
SELECT setval('db_virtualmachine_id_seq', greatest(1, (SELECT max(id) FROM db_virtualmachine)));

INSERT INTO userdata_publickeypair (id, "user", name, content, fingerprint)
SELECT k.id, k.owner, 'key-' || k.j,
       'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ' || k.material || md5(k.material) || ' key-' || k.j,
       regexp_replace(k.material, '(..)(?!$)', '\1:', 'g')
  FROM m_key k
 ORDER BY k.id;
SELECT setval('userdata_publickeypair_id_seq', greatest(1, (SELECT max(id) FROM userdata_publickeypair)));

-- What the admin set up next to the backend (helper cycpithos; 12:docs/quick-install-admin-guide.rst:1880-1890):
-- `snf-manage backend-add` gives every public network a BackendNetwork on the backend (its MAC prefix
-- the network's plus the backend index in hex, 12:snf-cyclades-app/synnefo/db/models.py:616-629), and
-- `snf-manage pool-create --type=mac-prefix --base=aa:00:0 --size=65536` / `--type=bridge --base=prv
-- --size=20` the pools private networks take their prefix or bridge from (initialised on first use).
INSERT INTO db_backendnetwork (network_id, backend_id, created, updated, deleted, mac_prefix, operstate,
                               backendtime)
SELECT n.id, b.id, n.created, n.created, false, n.mac_prefix || to_hex(b.index), 'ACTIVE', timestamp '0001-01-01'
  FROM db_network n CROSS JOIN db_backend b
 WHERE n.public
 ORDER BY n.id, b.id;
INSERT INTO db_macprefixpooltable (available_map, reserved_map, size, base, "offset")
VALUES ('', '', 65536, 'aa:00:0', NULL);
INSERT INTO db_bridgepooltable (available_map, reserved_map, size, base, "offset") VALUES ('', '', 20, 'prv', NULL);
