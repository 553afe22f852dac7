package io.reconcile.fleet;

/**
 * HTTP requests made on a fleet host (python3's urllib there), to Astakos' front end or its gunicorn, and the
 * credentials such requests carry.
 */
final class AstakosHttp {
  /** Astakos as the other hosts reach it: the Apache front end by the astakos host's name (src/fleet/README.md). */
  static final String FRONT_END = "https://astakos1";
  static final String SETTINGS = "/etc/synnefo/20-snf-astakos-app-settings.conf";

  // Certificates are not checked: the front end has Debian's snakeoil pair, and the services' Python 2.7
  // clients of the time did not check them either.
  private static final String SCRIPT = """
      import sys, ssl, urllib.request as u
      m, url, token, body = sys.argv[1:5]
      r = u.Request(url, data=body.encode() if body else None, method=m, headers={'X-Auth-Token': token} if token else {})
      try:
          with u.urlopen(r, context=ssl._create_unverified_context(), timeout=20) as resp:
              print(resp.status, resp.read().decode())
      except u.HTTPError as e: print(e.code, e.read().decode())
      except OSError as e: print('unreachable', e)
      """;

  private AstakosHttp() {}

  /** "STATUS BODY" of one request made on {@code host}, or "unreachable REASON" when no server answered. */
  static String request(Fleet fleet, String host, String method, String url, String token, String body) {
    return fleet.run(host, "python3", "-c", SCRIPT, method, url, token, body).strip();
  }

  /** The quotaholder token of the 0.13 astakos host (QUOTAHOLDER_TOKEN of its settings). */
  static String quotaholderToken(Fleet fleet) {
    return fleet.run("astakos1", "sh", "-c", "sed -n \"s/^QUOTAHOLDER_TOKEN = '\\(.*\\)'/\\1/p\" " + SETTINGS).strip();
  }

  /** A user of the seed, with a fresh token (as a login gives it). */
  record User(String token, String uuid, String email) {}

  /** The first active user that has a quotaholder entity, given {@code token} valid for a day. */
  static User userWithEntity(Fleet fleet, String token) {
    String[] user = fleet.psql(FleetDatabase.ASTAKOS, "UPDATE im_astakosuser a SET auth_token = '" + token + "',"
        + " auth_token_expires = now() + interval '1 day' FROM auth_user u WHERE u.id = a.user_ptr_id AND a.user_ptr_id ="
        + " (SELECT min(a2.user_ptr_id) FROM im_astakosuser a2 JOIN auth_user u2 ON u2.id = a2.user_ptr_id WHERE u2.is_active"
        + " AND a2.uuid IN (SELECT entity FROM quotaholder_app_entity WHERE key = '1'))"
        + " RETURNING a.auth_token, a.uuid, u.username").strip().lines().findFirst().orElseThrow().split("\\|");
    return new User(user[0], user[1], user[2]);
  }

  /** The Astakos token of a registered service (im_service.auth_token). */
  static String serviceToken(Fleet fleet, String service) {
    return fleet.psql(FleetDatabase.ASTAKOS, "SELECT auth_token FROM im_service WHERE name = '" + service + "'").strip();
  }
}
