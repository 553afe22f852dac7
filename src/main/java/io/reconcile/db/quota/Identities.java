package io.reconcile.db.quota;

/**
 * How the services' owner names map to Astakos users: a service names a user by uuid (after 0.13) or
 * by email in any case (before). SQL for the Astakos database.
 */
public final class Identities {
  /**
   * CTE {@code identity_keys(key, uuid, user_id)}: every lower-cased uuid and email of a user that has a
   * uuid. A key with several uuids (emails equal but for case) is ambiguous until users-unique ran. (No
   * email equals a uuid, so the two halves never repeat a row.)
   */
  public static final String KEYS = """
      identity_keys AS (
          SELECT lower(a.uuid) AS key, a.uuid, a.user_ptr_id AS user_id FROM im_astakosuser a WHERE coalesce(a.uuid, '') <> ''
          UNION ALL
          SELECT lower(u.email), a.uuid, a.user_ptr_id
            FROM auth_user u JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE coalesce(a.uuid, '') <> '')""";

  private Identities() {}
}
