package io.reconcile.db.usersunique;

import io.reconcile.db.engine.RowChanges;
import io.reconcile.db.engine.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What Pithos shares by account name, beside the account's own nodes: sharing groups ({@code groups}:
 * owner, name, member) and permissions ({@code xfeatures}: a path; {@code xfeaturevals}: read 0 or write
 * 1 for '*', an account, or 'account:group'; 12:snf-pithos-backend/pithos/backends/lib/sqlalchemy/
 * {groups,xfeatures}.py). Merging an account carries them to the keeping account's name; deleting one
 * removes them. Works on the temporary table reconcile_accounts(dup_path, keep_path) of the merge, or
 * on the deleted names; every row written or removed goes through {@link RowChanges} (exported first).
 */
final class PithosSharing {
  /** A path at or below a dup account: the account segment is the dup's name. */
  private static final String BELOW =
      "(t.path = m.dup_path OR left(t.path, length(m.dup_path) + 1) = m.dup_path || '/')";
  /** A permission holder that is a dup account, or one of its groups. */
  private static final String HOLDER =
      "(t.value = m.dup_path OR left(t.value, length(m.dup_path) + 1) = m.dup_path || ':')";

  private final RowChanges pithos;

  PithosSharing(RowChanges pithos) {
    this.pithos = pithos;
  }

  /** Groups, permission paths and permission holders of the dups take the keeping account's name. */
  void merge() throws SQLException {
    mergeGroups();
    mergeFeatures();
    renameHolders();
  }

  /** The dups' groups, their objects' permissions and their permissions on others' objects go. */
  void delete(String[] dupPaths) throws SQLException {
    String below = "EXISTS (SELECT 1 FROM unnest(?::text[]) AS m(dup_path) WHERE " + BELOW + ")";
    String holder = "EXISTS (SELECT 1 FROM unnest(?::text[]) AS m(dup_path) WHERE " + HOLDER + ")";
    pithos.delete("xfeaturevals",
        "t.feature_id IN (SELECT t.feature_id FROM xfeatures t WHERE " + below + ") OR " + holder, dupPaths, dupPaths);
    pithos.delete("xfeatures", below, (Object) dupPaths);
    pithos.delete(Sql.quote("groups"), "t.owner = ANY(?) OR t.member = ANY(?)", dupPaths, dupPaths);
  }

  /** Sharing groups owned by, or naming, a dup now name the keeping account. */
  private void mergeGroups() throws SQLException {
    Connection c = pithos.connection();
    Sql.update(c, """
        CREATE TEMPORARY TABLE reconcile_groups ON COMMIT DROP AS
        SELECT DISTINCT coalesce(o.keep_path, g.owner) AS owner, g.name, coalesce(mm.keep_path, g.member) AS member
          FROM "groups" g
          LEFT JOIN reconcile_accounts o ON o.dup_path = g.owner
          LEFT JOIN reconcile_accounts mm ON mm.dup_path = g.member
         WHERE o.dup_path IS NOT NULL OR mm.dup_path IS NOT NULL""");
    pithos.delete(Sql.quote("groups"),
        "t.owner IN (SELECT dup_path FROM reconcile_accounts)"
            + " OR t.member IN (SELECT dup_path FROM reconcile_accounts)");
    pithos.insert(Sql.quote("groups"), List.of("owner", "name", "member"), """
        INSERT INTO "groups" AS t (owner, name, member) SELECT owner, name, member FROM reconcile_groups
        ON CONFLICT DO NOTHING RETURNING row_to_json(t)::text""");
  }

  /**
   * Permissions of paths below a dup move to the same path below the keeping account. Where that path
   * has permissions already (or several dups move to it), one feature stays (the existing one, else the
   * dup's lowest) and the others' holders join it.
   */
  private void mergeFeatures() throws SQLException {
    Connection c = pithos.connection();
    Sql.update(c, """
        CREATE TEMPORARY TABLE reconcile_features ON COMMIT DROP AS
        WITH moved AS (
            SELECT t.feature_id, m.keep_path || substr(t.path, length(m.dup_path) + 1) AS target
              FROM xfeatures t JOIN reconcile_accounts m ON BELOW)
        SELECT mv.feature_id, mv.target,
               coalesce((SELECT x.feature_id FROM xfeatures x WHERE x.path = mv.target),
                        (SELECT min(o.feature_id) FROM moved o WHERE o.target = mv.target)) AS into_feature
          FROM moved mv""".replace("BELOW", BELOW));
    pithos.insert("xfeaturevals", List.of("feature_id", "key", "value"), """
        INSERT INTO xfeaturevals AS t (feature_id, key, value)
        SELECT f.into_feature, v.key, v.value
          FROM xfeaturevals v JOIN reconcile_features f ON f.feature_id = v.feature_id
         WHERE f.into_feature <> f.feature_id
        ON CONFLICT DO NOTHING RETURNING row_to_json(t)::text""");
    String joined = "t.feature_id IN (SELECT feature_id FROM reconcile_features WHERE into_feature <> feature_id)";
    pithos.delete("xfeaturevals", joined);
    pithos.delete("xfeatures", joined);
    pithos.rewrite("xfeatures", List.of("feature_id"),
        "t.feature_id IN (SELECT feature_id FROM reconcile_features WHERE into_feature = feature_id)", new Object[0],
        "UPDATE xfeatures AS t SET path = f.target FROM reconcile_features f"
            + " WHERE t.feature_id = f.feature_id AND f.into_feature = f.feature_id");
  }

  /** Holders naming a dup (or its groups) name the keeping account instead (a holder already there stays as it is). */
  private void renameHolders() throws SQLException {
    Sql.update(pithos.connection(), """
        CREATE TEMPORARY TABLE reconcile_holders ON COMMIT DROP AS
        SELECT t.feature_id, t.key, t.value, m.keep_path || substr(t.value, length(m.dup_path) + 1) AS renamed
          FROM xfeaturevals t JOIN reconcile_accounts m ON HOLDER""".replace("HOLDER", HOLDER));
    pithos.delete("xfeaturevals",
        "(t.feature_id, t.key, t.value) IN (SELECT feature_id, key, value FROM reconcile_holders)");
    pithos.insert("xfeaturevals", List.of("feature_id", "key", "value"), """
        INSERT INTO xfeaturevals AS t (feature_id, key, value)
        SELECT DISTINCT feature_id, key, renamed FROM reconcile_holders
        ON CONFLICT DO NOTHING RETURNING row_to_json(t)::text""");
  }
}
