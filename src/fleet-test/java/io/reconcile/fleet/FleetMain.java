package io.reconcile.fleet;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/fleet}'s Java side:
 * <pre>
 * fleet up NAME --release 0.12|0.13 [--ganeti N] [--cyclades N] [--pithos N] [--users N] [--seed S] [--bastion]
 * fleet down NAME
 * </pre>
 * {@code up} prints the inventory path as the last line of stdout. Exit status: 0 ok, 1 the fleet
 * failed, 64 usage error.
 */
@Command(
    name = "fleet",
    description = "Start or remove a test fleet of Synnefo hosts in Docker.",
    mixinStandardHelpOptions = true,
    subcommands = {FleetMain.Up.class, FleetMain.Down.class},
    exitCodeOnInvalidInput = FleetMain.USAGE,
    exitCodeOnExecutionException = 1)
public final class FleetMain implements Runnable {
  static final int USAGE = 64;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec commandSpec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new FleetMain())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          cmd.getErr().println("fleet: " + e.getMessage());
          return 1;
        });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(commandSpec.commandLine(), "missing command: up or down");
  }

  @Command(name = "up", description = "Start fleet NAME (replacing an earlier one of that name); prints its inventory path.",
      exitCodeOnInvalidInput = USAGE, exitCodeOnExecutionException = 1)
  static final class Up implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--release", required = true, paramLabel = "0.12|0.13")
    String release;

    @Option(names = "--ganeti", paramLabel = "N", description = "ganeti nodes (default 1)")
    int ganeti = 1;

    @Option(names = "--cyclades", paramLabel = "N", description = "cyclades hosts (default 1)")
    int cyclades = 1;

    @Option(names = "--pithos", paramLabel = "N", description = "pithos hosts (default 1)")
    int pithos = 1;

    @Option(names = "--users", paramLabel = "N", description = "users in the seeded database (default 500)")
    int users = FleetSpec.DEFAULT_USERS;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generated data (default 1)")
    long seed = FleetSpec.DEFAULT_SEED;

    @Option(names = "--bastion",
        description = "hosts publish no port; reach them through bastion1 (ssh -F DIR/ssh_config)")
    boolean bastion;

    @Override
    public Integer call() {
      FleetSpec spec;
      try {
        Fleet.requireValidName(name);
        spec = new FleetSpec(Release.parse(release), ganeti, cyclades, pithos, users, seed, bastion);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandSpec.commandLine(), e.getMessage());
      }
      Fleet fleet = Fleet.up(name, spec);
      commandSpec.commandLine().getOut().println(fleet.inventory());
      return 0;
    }
  }

  @Command(name = "down", description = "Remove fleet NAME: its containers, network and files.",
      exitCodeOnInvalidInput = USAGE, exitCodeOnExecutionException = 1)
  static final class Down implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try {
        Fleet.requireValidName(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandSpec.commandLine(), e.getMessage());
      }
      Fleet.down(name);
      return 0;
    }
  }
}
