package io.reconcile.fleet;

import com.google.common.collect.ImmutableList;
import io.reconcile.ssh.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does the cloud work for a user? Runs src/fleet/probe/cloud-works on the fleet's astakos host as the user
 * whose Astakos token it reads from the database: authenticate, create a VM and a private network through
 * Cyclades, upload an object to Pithos (or, in {@link #overLimit}, create until Cyclades refuses). Each step
 * reports the status and body the services answered, so a broken upgrade shows the real error.
 */
public record CloudProbe(Fleet fleet, String astakosUrl, String cycladesUrl, String pithosUrl) {
  static final Path SCRIPT = Path.of("src/fleet/probe/cloud-works");
  /** Where Cyclades and Pithos listen (their gunicorn's bind, /etc/gunicorn.d/synnefo). */
  static final int SERVICE_PORT = 8080;

  /** The probe against the fleet's first astakos (its HTTPS front end), cyclades and pithos hosts. */
  public static CloudProbe of(Fleet fleet) {
    return new CloudProbe(fleet, "https://" + fleet.astakos().name(), url(fleet, Role.CYCLADES),
        url(fleet, Role.PITHOS));
  }

  private static String url(Fleet fleet, Role role) {
    return "http://" + fleet.hosts(role).get(0).name() + ":" + SERVICE_PORT;
  }

  /** One step of the probe: its name, the HTTP status (0 when the connection failed) and the answer. */
  public record Step(String name, int status, String body) {}

  /** What the probe did: its steps in order, its exit code and its last line. */
  public record Result(int exitCode, ImmutableList<Step> steps, String summary, String stderr) {
    public boolean works() {
      return exitCode == 0;
    }

    public Optional<Step> step(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).reduce((first, last) -> last);
    }
  }

  /** Authenticates as the user, creates a VM and a private network, uploads an object. */
  public Result run(String email, String flavorId) {
    return runWithToken(token(email), flavorId);
  }

  /** The same with a token given as it is (for example one Astakos does not know). */
  public Result runWithToken(String token, String flavorId) {
    return probe(token, "--flavor", flavorId);
  }

  /** Creates VMs ("vm") or private networks ("network") as the user until Cyclades refuses. */
  public Result overLimit(String email, String flavorId, String resource) {
    return probe(token(email), "--flavor", flavorId, "--over-limit", resource);
  }

  private Result probe(String token, String... extra) {
    List<String> command = new ArrayList<>(List.of("python3", "-c", script(), "--token", token,
        "--astakos", astakosUrl, "--cyclades", cycladesUrl, "--pithos", pithosUrl));
    command.addAll(List.of(extra));
    CommandResult result = fleet.exec(fleet.astakos().name(), command.toArray(String[]::new));
    return parse(result);
  }

  static Result parse(CommandResult result) {
    ImmutableList.Builder<Step> steps = ImmutableList.builder();
    String summary = "";
    for (String line : result.stdoutText().lines().toList()) {
      if (line.startsWith("cloud-works: ")) {
        summary = line;
        continue;
      }
      String[] parts = line.split(" ", 3);
      if (parts.length >= 2 && parts[1].matches("\\d+")) {
        steps.add(new Step(parts[0], Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : ""));
      }
    }
    return new Result(result.exitStatus(), steps.build(), summary, result.stderrText());
  }

  /**
   * The user's Astakos token (im_astakosuser.auth_token, the email matched exactly), valid for 30 more days
   * as the user's login leaves it (Astakos renews an expired token at login; the seeded ones have expired).
   */
  String token(String email) {
    String sql = "UPDATE im_astakosuser a SET auth_token_expires = now() + interval '30 days' FROM auth_user u"
        + " WHERE a.user_ptr_id = u.id AND u.email = '" + email.replace("'", "''") + "' RETURNING a.auth_token";
    // psql prints the returned row, then the command tag
    String token = fleet.psql(FleetDatabase.ASTAKOS, sql).lines().findFirst().orElse("").strip();
    if (token.isEmpty() || token.startsWith("UPDATE")) {
      throw new IllegalArgumentException("no Astakos token for " + email);
    }
    return token;
  }

  /**
   * The email of the first verified, active user with a Pithos account, at most MAXVMS VMs, at most MAXNETWORKS
   * private networks and no per-user Cyclades quota (accounts and owners: emails at 0.12, uuids at 0.13).
   */
  public static String userWithRoom(Fleet fleet, int maxVms, int maxNetworks) {
    return userWithRoom(fleet, maxVms, maxNetworks, fleet.spec().release() == Release.V0_13);
  }

  /** As above, on a fleet whose services know users by uuid ({@code uuids}: 0.13, or upgraded) or by email. */
  public static String userWithRoom(Fleet fleet, int maxVms, int maxNetworks, boolean uuids) {
    Set<String> accounts = rows(fleet, FleetDatabase.PITHOS, "SELECT path FROM nodes WHERE parent = 0 AND node <> 0");
    Set<String> full = rows(fleet, FleetDatabase.CYCLADES, "SELECT userid FROM db_virtualmachine WHERE NOT deleted"
        + " GROUP BY userid HAVING count(*) > " + maxVms + " UNION SELECT userid FROM db_network WHERE NOT deleted"
        + " AND userid IS NOT NULL GROUP BY userid HAVING count(*) > " + maxNetworks);
    String quotaFile = fleet.exec(fleet.astakos().name(), "cat", "/srv/seed-out/cyclades-user-quota.conf").stdoutText();
    String identity = uuids ? "a.uuid" : "u.email";
    return fleet.psql(FleetDatabase.ASTAKOS, "SELECT u.email || ' ' || " + identity + " FROM auth_user u"
            + " JOIN im_astakosuser a ON a.user_ptr_id = u.id WHERE u.is_active AND a.email_verified"
            + " AND a.auth_token IS NOT NULL ORDER BY u.id").lines()
        .map(line -> line.split(" ", 2))
        .filter(user -> accounts.contains(user[1]) && !full.contains(user[1]))
        .filter(user -> !quotaFile.contains("'" + user[1] + "'"))
        .map(user -> user[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("the seed has no user with room for the probe"));
  }

  private static Set<String> rows(Fleet fleet, FleetDatabase database, String sql) {
    return fleet.psql(database, sql).lines().collect(Collectors.toSet());
  }

  private static String script() {
    try {
      return Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + SCRIPT.toAbsolutePath(), e);
    }
  }
}
