package io.reconcile.db;

import io.reconcile.db.quota.Quantities;
import java.math.BigInteger;

/**
 * SQL that inserts test rows into the fleet's 0.13 schema ({@code new Rows()}) or its 0.12.5 schema
 * ({@link #at012()}): every NOT NULL column, the others only where they matter.
 */
public final class Rows {
  public static final String INF = Quantities.INFINITE.toString();
  private final StringBuilder sql = new StringBuilder();
  private final boolean at013;

  public Rows() {
    this(true);
  }

  private Rows(boolean at013) {
    this.at013 = at013;
  }

  /** Rows for the 0.12.5 schema: no uuids, no quotas, no projects, no quotaholder, network types. */
  public static Rows at012() {
    return new Rows(false);
  }

  public String sql() {
    return sql.toString();
  }

  private Rows add(String statement) {
    sql.append(statement).append(";\n");
    return this;
  }

  private void require013(String what) {
    if (!at013) {
      throw new IllegalStateException(what + " does not exist in the 0.12.5 schema");
    }
  }

  // ---- Astakos (snf_apps)

  /** A user; {@code uuid} null for none (always at 0.12.5). The username is 30 hex digits, as 0.12.5 made them. */
  public Rows user(int id, String email, boolean active, String joined, boolean verified, String uuid) {
    add(("INSERT INTO auth_user (id, username, first_name, last_name, email, password, is_staff, is_active, is_superuser,"
        + " last_login, date_joined) VALUES (%d, %s, '', '', '%s', '', false, %s, false, now(), '%s')")
        .formatted(id, "lpad(to_hex(" + id + "), 30, 'a')", email, active, joined));
    if (!at013 && uuid != null) {
      throw new IllegalStateException("0.12.5 users have no uuid");
    }
    return add(("INSERT INTO im_astakosuser (user_ptr_id, affiliation, level, invitations, updated, is_verified, provider,"
        + " email_verified, has_credits, has_signed_terms%s) VALUES (%d, '', 0, 0, now(), true, 'local', %s, false, true%s)")
        .formatted(at013 ? ", uuid, disturbed_quota" : "", id, verified,
            at013 ? ", " + (uuid == null ? "NULL" : "'" + uuid + "'") + ", false" : ""));
  }

  public Rows service(int id, String name) {
    return add(("INSERT INTO im_service (id, name, url, icon%s) VALUES (%d, '%s', 'https://%s.example.org/', ''%s)")
        .formatted(at013 ? ", \"order\"" : "", id, name, name.replace("+", ""), at013 ? ", " + id : ""));
  }

  public Rows resource(int id, int service, String name, String uplimit, String group, String unit) {
    require013("im_resource");
    return add("INSERT INTO im_resource (id, name, service_id, unit, \"group\", uplimit) VALUES (%d, '%s', %d, %s, '%s', %s)"
        .formatted(id, name, service, unit == null ? "NULL" : "'" + unit + "'", group, uplimit));
  }

  /** A small registry: services cyclades (1) and pithos (2) with vm (1), network.private (2), diskspace (3). */
  public Rows registry() {
    return service(1, "cyclades").service(2, "pithos")
        .resource(1, 1, "vm", "2", "compute", null)
        .resource(2, 1, "network.private", "1", "network", null)
        .resource(3, 2, "diskspace", "5368709120", "storage", "bytes");
  }

  public Rows userQuota(int user, int resource, String capacity, String quantity, String importLimit, String exportLimit) {
    require013("im_astakosuserquota");
    return add(("INSERT INTO im_astakosuserquota (capacity, quantity, import_limit, export_limit, resource_id, user_id)"
        + " VALUES (%s, %s, %s, %s, %d, %d)").formatted(capacity, quantity, importLimit, exportLimit, resource, user));
  }

  /** An application {@code id} of chain {@code chain} (approved = state 1, else replaced = 2), owned by {@code owner}. */
  public Rows application(int id, int chain, int owner, boolean approved) {
    require013("im_projectapplication");
    return add(("INSERT INTO im_projectapplication (id, applicant_id, state, owner_id, chain, name, end_date, member_join_policy,"
        + " member_leave_policy, issue_date) VALUES (%d, %d, %d, %d, %d, 'p%d', '2030-01-01', 1, 1, now())")
        .formatted(id, owner, approved ? 1 : 2, owner, chain, chain));
  }

  /** A project (chain = project id = application id = {@code id}) owned by {@code owner}. */
  public Rows project(int id, int owner) {
    add("INSERT INTO im_chain (chain) VALUES (%d)".formatted(id));
    application(id, id, owner, true);
    return add(("INSERT INTO im_project (id, application_id, creation_date, name, is_modified, is_active, state)"
        + " VALUES (%d, %d, now(), 'p%d', false, true, 1)").formatted(id, id, id));
  }

  /** A membership; an active one synced to the project's application (id = project id). */
  public Rows membership(int person, int project, boolean active) {
    return membership(person, project, active, active ? Integer.valueOf(project) : null);
  }

  /** A membership whose application (set_sync's) is {@code application}, null for none. */
  public Rows membership(int person, int project, boolean active, Integer application) {
    return add(("INSERT INTO im_projectmembership (person_id, request_date, project_id, state, is_pending, is_active,"
        + " application_id) VALUES (%d, now(), %d, 1, false, %s, %s)")
        .formatted(person, project, active, application == null ? "NULL" : application.toString()));
  }

  public Rows grant(int resource, int application, String capacity, String importLimit, String exportLimit) {
    return add(("INSERT INTO im_projectresourcegrant (resource_id, project_application_id, project_capacity, project_import_limit,"
        + " project_export_limit, member_capacity, member_import_limit, member_export_limit) VALUES (%d, %d, %s, %s, %s, %s, %s, %s)")
        .formatted(resource, application, INF, INF, INF, capacity, importLimit, exportLimit));
  }

  /** The quotaholder's own entity, as its fixture has it: owner itself, key ''. */
  public Rows system() {
    return add("INSERT INTO quotaholder_app_entity (entity, owner_id, key) VALUES ('system', 'system', '')");
  }

  /** A user's or service's entity: owner system, key '1'. */
  public Rows entity(String entity) {
    return add("INSERT INTO quotaholder_app_entity (entity, owner_id, key) VALUES ('%s', 'system', '1')".formatted(entity));
  }

  public Rows policy(String name, String quantity, String capacity, String importLimit, String exportLimit) {
    return add("INSERT INTO quotaholder_app_policy (policy, quantity, capacity, import_limit, export_limit) VALUES ('%s', %s, %s, %s, %s)"
        .formatted(name, quantity, capacity, importLimit, exportLimit));
  }

  /** A holding whose usage is {@code imported}; every pending counter equal to its settled one. */
  public Rows holding(String entity, String resource, String policy, BigInteger imported) {
    return add(("INSERT INTO quotaholder_app_holding (entity_id, resource, policy_id, flags, imported, importing, exported,"
        + " exporting, returned, \"returning\", released, releasing) VALUES ('%s', '%s', '%s', 0, %s, %s, 0, 0, 0, 0, 0, 0)")
        .formatted(entity, resource, policy, imported, imported));
  }

  // ---- Cyclades (snf_cyclades)

  public Rows flavor(int id, int cpu, int ramMib, int diskGib) {
    return add("INSERT INTO db_flavor (id, cpu, ram, disk, disk_template, deleted) VALUES (%d, %d, %d, %d, 'plain', false)"
        .formatted(id, cpu, ramMib, diskGib));
  }

  public Rows vm(int id, String userid, int flavor, boolean deleted) {
    return add(("INSERT INTO db_virtualmachine (id, name, userid, created, updated, imageid, hostid, flavor_id, deleted, suspended,"
        + " buildpercentage, backendtime) VALUES (%d, 'vm%d', '%s', now(), now(), 'img', 'host', %d, %s, false, 100, now())")
        .formatted(id, id, userid, flavor, deleted));
  }

  /** A private network of {@code userid} (a public one for null): 0.12.5 type, or 0.13 flavor and mode. */
  public Rows network(int id, String userid, boolean deleted) {
    String kind = at013 ? "flavor, mode" : "type";
    String value = at013 ? "'MAC_FILTERED', 'bridged'" : "'PRIVATE_MAC_FILTERED'";
    return add(("INSERT INTO db_network (id, name, userid, subnet, dhcp, %s, mac_prefix, public, created, updated, deleted, state)"
        + " VALUES (%d, 'net%d', %s, '10.0.%d.0/24', true, %s, 'aa:00:0', %s, now(), now(), %s, 'ACTIVE')")
        .formatted(kind, id, id, userid == null ? "NULL" : "'" + userid + "'", id % 250, value, userid == null, deleted));
  }

  public Rows key(int id, String user) {
    return add("INSERT INTO userdata_publickeypair (id, \"user\", name, content, fingerprint) VALUES (%d, '%s', 'key%d', 'ssh-ed25519 AAAA', 'fp%d')"
        .formatted(id, user, id, id));
  }

  // ---- Pithos (snf_pithos)

  /** A node with one version of {@code size} bytes in cluster {@code cluster} (0 normal, 1 history, 2 deleted). */
  public Rows node(int node, int parent, String path, long size, int cluster) {
    add("INSERT INTO nodes (node, parent, path) VALUES (%d, %d, '%s')".formatted(node, parent, path));
    add(("INSERT INTO versions (node, hash, size, type, mtime, muser, uuid, checksum, cluster)"
        + " VALUES (%d, 'h%d', %d, '', 1, '%s', '', '', %d)").formatted(node, node, size, path.split("/")[0], cluster));
    return add("UPDATE nodes SET latest_version = (SELECT max(serial) FROM versions WHERE node = %d) WHERE node = %d".formatted(node, node));
  }

  public Rows accountQuota(int node, String value) {
    return add("INSERT INTO policy (node, key, value) VALUES (%d, 'quota', '%s')".formatted(node, value));
  }

  /** An object shared: read (key 0) or write (key 1) permissions for {@code values} ('*', 'account', 'account:group'). */
  public Rows permissions(int feature, String path, int key, String... values) {
    add("INSERT INTO xfeatures (feature_id, path) VALUES (%d, '%s') ON CONFLICT DO NOTHING".formatted(feature, path));
    for (String value : values) {
      add("INSERT INTO xfeaturevals (feature_id, key, value) VALUES (%d, %d, '%s')".formatted(feature, key, value));
    }
    return this;
  }

  public Rows group(String owner, String name, String member) {
    return add("INSERT INTO \"groups\" (owner, name, member) VALUES ('%s', '%s', '%s')".formatted(owner, name, member));
  }

  public Rows publicObject(String path) {
    return add("INSERT INTO public (path, active) VALUES ('%s', true)".formatted(path));
  }
}
