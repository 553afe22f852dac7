package io.reconcile.resource.service;

import static io.reconcile.ssh.ShellQuote.quote;


/** Start at boot or not (update-rc.d, or systemctl enable/disable). */
public record ServiceBoot(String service, boolean enabled) implements ServiceAction {
  @Override
  public String script(String backupDir) {
    String name = quote(service);
    String systemd = "systemctl " + (enabled ? "enable" : "disable") + " -- " + name;
    String sysv = enabled
        ? "update-rc.d " + name + " defaults && update-rc.d " + name + " enable"
        : "update-rc.d " + name + " disable";
    return "set -e\nif [ -d /run/systemd/system ]; then " + systemd + "; else " + sysv + "; fi\n";
  }

  @Override
  public String description() {
    return (enabled ? "enable " : "disable ") + service;
  }
}
