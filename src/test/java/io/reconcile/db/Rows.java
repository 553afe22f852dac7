package io.reconcile.db;

import java.math.BigInteger;

/** SQL that inserts test rows into the fleet's 0.12 schema (only the columns that matter are chosen). */
final class Rows {
  static final String INF = Quantities.INFINITE.toString();
  private final StringBuilder sql = new StringBuilder();

  String sql() {
    return sql.toString();
  }

  private Rows add(String statement) {
    sql.append(statement).append(";\n");
    return this;
  }

  // ---- Astakos (snf_apps)

  Rows user(int id, String email, boolean active, String joined, boolean verified, String uuid) {
    add(("INSERT INTO auth_user (id, username, first_name, last_name, email, password, is_staff, is_active, is_superuser,"
        + " last_login, date_joined) VALUES (%d, 'user%d', '', '', '%s', '', false, %s, false, now(), '%s')")
        .formatted(id, id, email, active, joined));
    return add(("INSERT INTO im_astakosuser (user_ptr_id, level, invitations, updated, is_verified, email_verified, has_credits,"
        + " has_signed_terms, moderated, is_rejected, uuid) VALUES (%d, 0, 0, now(), true, %s, false, true, true, false, %s)")
        .formatted(id, verified, uuid == null ? "NULL" : "'" + uuid + "'"));
  }

  Rows service(int id, String name) {
    return add("INSERT INTO im_service (id, name, icon, \"order\") VALUES (%d, '%s', '', %d)".formatted(id, name, id));
  }

  Rows resource(int id, int service, String name, String uplimit, String group, String unit) {
    return add("INSERT INTO im_resource (id, name, service_id, unit, \"group\", uplimit) VALUES (%d, '%s', %d, %s, '%s', %s)"
        .formatted(id, name, service, unit == null ? "NULL" : "'" + unit + "'", group, uplimit));
  }

  /** The 0.12 registry: services cyclades and pithos with vm, network.private, diskspace. */
  Rows registry012() {
    return service(1, "cyclades").service(2, "pithos")
        .resource(1, 1, "vm", "2", "compute", null)
        .resource(2, 1, "network.private", "1", "network", null)
        .resource(3, 2, "diskspace", "5368709120", "storage", "bytes");
  }

  Rows userQuota(int user, int resource, String capacity, String quantity, String importLimit, String exportLimit) {
    return add(("INSERT INTO im_astakosuserquota (capacity, quantity, import_limit, export_limit, resource_id, user_id)"
        + " VALUES (%s, %s, %s, %s, %d, %d)").formatted(capacity, quantity, importLimit, exportLimit, resource, user));
  }

  /** A project (application id = project id = {@code id}) owned by {@code owner}. */
  Rows project(int id, int owner) {
    add("INSERT INTO im_chain (chain) VALUES (%d)".formatted(id));
    add(("INSERT INTO im_projectapplication (id, applicant_id, state, owner_id, chain, name, end_date, member_join_policy,"
        + " member_leave_policy, issue_date) VALUES (%d, %d, 'approved', %d, %d, 'p%d', '2030-01-01', 1, 1, now())")
        .formatted(id, owner, owner, id, id));
    return add("INSERT INTO im_project (id, application_id, creation_date, name, state) VALUES (%d, %d, now(), 'p%d', 1)"
        .formatted(id, id, id));
  }

  Rows membership(int person, int project, boolean active) {
    return add(("INSERT INTO im_projectmembership (person_id, request_date, project_id, state, is_active)"
        + " VALUES (%d, now(), %d, 1, %s)").formatted(person, project, active));
  }

  Rows grant(int resource, int project, String capacity, String importLimit, String exportLimit) {
    return add(("INSERT INTO im_projectresourcegrant (resource_id, project_application_id, member_capacity, member_import_limit,"
        + " member_export_limit) VALUES (%d, %d, %s, %s, %s)").formatted(resource, project, capacity, importLimit, exportLimit));
  }

  Rows entity(String entity) {
    return add("INSERT INTO quotaholder_app_entity (entity, owner_id, key) VALUES ('%s', 'system', '1')".formatted(entity));
  }

  Rows policy(String name, String quantity, String capacity, String importLimit, String exportLimit) {
    return add("INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit) VALUES ('%s', %s, %s, %s, %s)"
        .formatted(name, quantity, capacity, importLimit, exportLimit));
  }

  /** A holding whose usage is {@code imported}; every pending counter equal to its settled one. */
  Rows holding(String entity, String resource, String policy, BigInteger imported) {
    return add(("INSERT INTO quotaholder_app_holding (entity_id, resource, policy_id, flags, imported, importing, exported,"
        + " exporting, returned, \"returning\", released, releasing) VALUES ('%s', '%s', '%s', 0, %s, %s, 0, 0, 0, 0, 0, 0)")
        .formatted(entity, resource, policy, imported, imported));
  }

  // ---- Cyclades (snf_cyclades)

  Rows flavor(int id, int cpu, int ramMib, int diskGib) {
    return add("INSERT INTO db_flavor (id, cpu, ram, disk, disk_template, deleted) VALUES (%d, %d, %d, %d, 'plain', false)"
        .formatted(id, cpu, ramMib, diskGib));
  }

  Rows vm(int id, String userid, int flavor, boolean deleted) {
    return add(("INSERT INTO db_virtualmachine (id, name, userid, created, updated, imageid, hostid, flavor_id, deleted, suspended,"
        + " buildpercentage, backendtime) VALUES (%d, 'vm%d', '%s', now(), now(), 'img', 'host', %d, %s, false, 100, now())")
        .formatted(id, id, userid, flavor, deleted));
  }

  Rows network(int id, String userid, boolean deleted) {
    return add(("INSERT INTO db_network (id, name, userid, subnet, dhcp, type, mac_prefix, public, created, updated, deleted, state)"
        + " VALUES (%d, 'net%d', %s, '10.0.%d.0/24', true, 'PRIVATE_MAC_FILTERED', 'aa:00:0', %s, now(), now(), %s, 'ACTIVE')")
        .formatted(id, id, userid == null ? "NULL" : "'" + userid + "'", id % 250, userid == null, deleted));
  }

  Rows key(int id, String user) {
    return add("INSERT INTO userdata_publickeypair (id, \"user\", name, content, fingerprint) VALUES (%d, '%s', 'key%d', 'ssh-ed25519 AAAA', 'fp%d')"
        .formatted(id, user, id, id));
  }

  // ---- Pithos (snf_pithos)

  /** A node with one version of {@code size} bytes in cluster {@code cluster} (0 normal, 1 history, 2 deleted). */
  Rows node(int node, int parent, String path, long size, int cluster) {
    add("INSERT INTO nodes (node, parent, path) VALUES (%d, %d, '%s')".formatted(node, parent, path));
    add("INSERT INTO versions (node, hash, size, type, mtime, muser, cluster) VALUES (%d, 'h%d', %d, '', 1, '%s', %d)"
        .formatted(node, node, size, path.split("/")[0], cluster));
    return add("UPDATE nodes SET latest_version = (SELECT max(serial) FROM versions WHERE node = %d) WHERE node = %d".formatted(node, node));
  }

  Rows accountQuota(int node, String value) {
    return add("INSERT INTO policy (node, key, value) VALUES (%d, 'quota', '%s')".formatted(node, value));
  }
}
