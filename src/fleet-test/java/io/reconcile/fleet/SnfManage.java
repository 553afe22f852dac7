package io.reconcile.fleet;

import io.reconcile.ssh.CommandResult;

/** snf-manage on a fleet host (docker exec, as root). */
final class SnfManage {
  private SnfManage() {}

  static CommandResult run(Fleet fleet, String host, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "snf-manage";
    System.arraycopy(args, 0, command, 1, args.length);
    return fleet.exec(host, command);
  }
}
