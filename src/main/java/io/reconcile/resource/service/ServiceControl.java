package io.reconcile.resource.service;

import static io.reconcile.ssh.ShellQuote.quote;

import java.util.Optional;

/**
 * `service NAME start|stop|restart|reload` (systemctl on systemd hosts); with {@code listen}, done only
 * once `host:port` accepts connections (a daemon forks before it listens).
 */
public record ServiceControl(String service, String verb, Optional<String> listen) implements ServiceAction {
  /** Seconds a started service gets to accept connections on its declared port. */
  static final int LISTEN_WAIT_SECONDS = 10;

  public ServiceControl(String service, String verb) {
    this(service, verb, Optional.empty());
  }

  @Override
  public String script(String backupDir) {
    String name = quote(service);
    String script = "set -e\nif [ -d /run/systemd/system ]; then systemctl " + verb + " -- " + name
        + "; else service " + name + " " + verb + "; fi\n";
    return listen.map(hostPort -> script
        + "p=" + quote(hostPort) + "; i=0\n"
        + "until timeout 2 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"${p%:*}\" \"${p##*:}\" 2>/dev/null; do\n"
        + "  i=$((i+1)); [ $i -le " + LISTEN_WAIT_SECONDS * 10
        + " ] || { echo \"not accepting connections on $p\" >&2; exit 1; }; sleep 0.1\n"
        + "done\n").orElse(script);
  }

  @Override
  public String description() {
    return "service " + service + " " + verb;
  }
}
