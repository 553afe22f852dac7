-- Cyclades data (database snf_cyclades), from the model of model.sql. Owners are emails before 0.13
-- (both spellings of every case-duplicate pair own VMs, networks and keys; some owners are unknown
-- to Astakos) and uuids after it.

INSERT INTO db_flavor (id, cpu, ram, disk, disk_template, deleted)
SELECT id, cpu, ram, disk, disk_template, false FROM m_flavor ORDER BY id;
SELECT setval('db_flavor_id_seq', (SELECT max(id) FROM db_flavor));

INSERT INTO db_network (id, name, userid, subnet, subnet6, gateway, gateway6, dhcp, type, mac_prefix, link,
                        public, created, updated, deleted, state, action, reservations)
VALUES (1, 'public', NULL, '203.0.113.0/24', NULL, '203.0.113.1', NULL, true, 'PUBLIC_ROUTED', 'aa:00:00',
        'snf_public', true, '2011-06-01', '2011-06-01', false, 'ACTIVE', NULL, ''),
       (2, 'public-v6', NULL, '198.51.100.0/24', '2001:db8::/64', '198.51.100.1', '2001:db8::1', true,
        'PUBLIC_ROUTED', 'aa:00:00', 'snf_public', true, '2011-06-01', '2011-06-01', false, 'ACTIVE', NULL, '');
INSERT INTO db_network (id, name, userid, subnet, subnet6, gateway, gateway6, dhcp, type, mac_prefix, link,
                        public, created, updated, deleted, state, action, reservations)
SELECT n.id, 'private-' || n.j, n.owner, '10.' || (n.id / 256 % 256) || '.' || (n.id % 256) || '.0/24', NULL,
       NULL, NULL, true, 'MAC_FILTERED',
       'aa:' || lpad(to_hex(n.id / 256 % 256), 2, '0') || ':' || lpad(to_hex(n.id % 256), 2, '0'), 'prv0', false,
       timestamptz '2012-02-01 00:00:00+00' + n.id * interval '13 minutes',
       timestamptz '2012-02-01 00:00:00+00' + n.id * interval '13 minutes',
       n.deleted, CASE WHEN n.deleted THEN 'DELETED' ELSE 'ACTIVE' END, NULL, ''
  FROM m_network n
 ORDER BY n.id;
SELECT setval('db_network_id_seq', (SELECT max(id) FROM db_network));

INSERT INTO db_virtualmachine (id, name, userid, backend_hash, created, updated, imageid, hostid, flavor_id,
                               deleted, suspended, action, operstate, backendjobid, backendopcode,
                               backendjobstatus, backendlogmsg, buildpercentage, backendtime)
SELECT v.id, 'vm-' || v.j || '-' || v.id, v.owner, NULL, v.created, v.created + interval '5 minutes',
       (ARRAY['debian_base-6.0-7-x86_64', 'ubuntu-12.04-x86_64', 'centos-6.3-x86_64', 'windows-2008'])
           [1 + pg_temp.pick('image', v.id, 4)],
       '', v.flavor_id, v.deleted, false, NULL, v.operstate, v.id,
       CASE WHEN v.deleted THEN 'OP_INSTANCE_REMOVE' ELSE 'OP_INSTANCE_CREATE' END,
       'success', '', 100, v.created + interval '5 minutes'
  FROM m_vm v
 ORDER BY v.id;
SELECT setval('db_virtualmachine_id_seq', greatest(1, (SELECT max(id) FROM db_virtualmachine)));

INSERT INTO userdata_publickeypair (id, "user", name, content, fingerprint)
SELECT k.id, k.owner, 'key-' || k.j,
       'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ' || k.material || md5(k.material) || ' ' || k.owner,
       regexp_replace(k.material, '(..)(?!$)', '\1:', 'g')
  FROM m_key k
 ORDER BY k.id;
SELECT setval('userdata_publickeypair_id_seq', greatest(1, (SELECT max(id) FROM userdata_publickeypair)));
