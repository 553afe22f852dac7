package io.reconcile.fleet;

import io.reconcile.ssh.CommandResult;
import java.util.List;

/**
 * The guide's package and schema steps on a fleet, by the packages' own commands (sections 3.1, 3.2,
 * 6.4): the 0.13 packages (keeping edited conffiles), {@code snf-manage syncdb} and {@code migrate} on the
 * astakos and cyclades hosts, {@code pithos-migrate stamp 3dd56e750a3} and {@code upgrade head} on the
 * pithos host. For tests of the database side; the bundle does the same through its states.
 */
public final class FleetMigrations {
  private static final String APT = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q"
      + " -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold ";

  private FleetMigrations() {}

  /** Every installed snf-* package of {@code host} at 0.13-1. */
  public static CommandResult upgradePackages(Fleet fleet, String host) {
    return fleet.exec(host, "sh", "-c", APT + "$(dpkg-query -W -f '${Package}\\n' 'snf-*' | sed 's/$/=0.13-1/')");
  }

  /** syncdb + migrate of the host's Django database. */
  public static CommandResult migrateDjango(Fleet fleet, String host) {
    return fleet.exec(host, "sh", "-c", "snf-manage syncdb --noinput && snf-manage migrate --noinput");
  }

  /**
   * Pithos' alembic stamped at the 0.12.5 head, then upgraded to 0.13's. 165ba3fbfe53 asks Astakos' user
   * catalog over HTTP (with the PITHOS_SERVICE_TOKEN install-role.sh set): the operator points Pithos at it
   * and Astakos serves.
   */
  public static CommandResult migratePithos(Fleet fleet, String host) {
    fleet.run("astakos1", "service", "gunicorn", "start");
    return fleet.exec(host, "sh", "-c", "printf '%s\\n' \"PITHOS_USER_CATALOG_URL = 'https://astakos1/user_catalogs'\""
        + " > /etc/synnefo/30-fleet-catalog.conf && chgrp www-data /etc/synnefo/30-fleet-catalog.conf"
        + " && chmod 640 /etc/synnefo/30-fleet-catalog.conf"
        + " && pithos-migrate stamp 3dd56e750a3 && pithos-migrate upgrade head");
  }

  /** All of it on astakos1, cyclades1, pithos1; the first failure is thrown with its output. */
  public static void upgradeAndMigrate(Fleet fleet) {
    for (String host : List.of("astakos1", "cyclades1", "pithos1")) {
      FleetException.stdoutOrThrow(upgradePackages(fleet, host), "apt-get install of 0.13 on " + host);
    }
    FleetException.stdoutOrThrow(migrateDjango(fleet, "astakos1"), "snf-manage syncdb and migrate on astakos1");
    FleetException.stdoutOrThrow(migrateDjango(fleet, "cyclades1"), "snf-manage syncdb and migrate on cyclades1");
    FleetException.stdoutOrThrow(migratePithos(fleet, "pithos1"), "pithos-migrate on pithos1");
  }
}
