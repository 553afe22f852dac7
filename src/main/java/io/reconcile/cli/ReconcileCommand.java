package io.reconcile.cli;

import io.reconcile.resource.ResourceTypes;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.history.RunRecord;
import io.reconcile.history.RunScope;
import io.reconcile.inventory.HostPattern;
import io.reconcile.inventory.HostSelection;
import io.reconcile.inventory.Inventory;
import io.reconcile.inventory.InventoryHost;
import io.reconcile.plan.Cancellation;
import io.reconcile.plan.DesiredState;
import io.reconcile.plan.DesiredStateBuilder;
import io.reconcile.plan.HostTarget;
import io.reconcile.plan.Reconciler;
import io.reconcile.plan.ResourceRenderer;
import io.reconcile.plan.RunSettings;
import io.reconcile.report.ExitCodes;
import io.reconcile.report.JsonReport;
import io.reconcile.report.RunReport;
import io.reconcile.report.SecretMasker;
import io.reconcile.report.TextReport;
import io.reconcile.savedplan.SavedPlan;
import io.reconcile.ssh.SshClientConfig;
import io.reconcile.ssh.SshTarget;
import io.reconcile.ssh.SshTransport;
import io.reconcile.ssh.TransportOptions;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import io.reconcile.template.TemplateRenderer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `reconcile --inventory FILE [--check] [--diff] ...`: the contract of docs/contracts.md. */
@Command(name = "reconcile", mixinStandardHelpOptions = true, version = "reconcile 0.1.0", sortOptions = false,
    subcommands = {HistoryCommand.class, ShowCommand.class},
    description = "Drive Synnefo hosts to the declared state: observe over SSH, plan, and apply only the differences.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:converged (check found no drift, or apply succeeded)", "2:check found drift",
        "4:a host failed or was unreachable (the others were still processed)", "64:usage error",
        "65:invalid inventory, state, template or variable; no host was contacted (or a saved plan that no"
            + " longer holds for a host: that host untouched)",
        "75:another run of this inventory and state directory is in progress (see --wait-for-lock); nothing was done",
        "130:interrupted (SIGINT, SIGTERM): work in flight finished, the rest skipped, the run recorded"})
public final class ReconcileCommand implements Callable<Integer> {
  enum Format { text, json }

  private static final int DEFAULT_CONNECT_TIMEOUT = 10; // Ansible's default timeout
  private static final int DEFAULT_FORKS = 50;
  private static final int DEFAULT_DPKG_LOCK = 120;

  @Spec CommandSpec spec;

  // Not `required`: picocli would then demand it for `reconcile history` too; call() checks it.
  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Ansible inventory, INI or YAML (default: ansible.cfg's [defaults] inventory)")
  Path inventory;

  @Option(names = "--states", paramLabel = "DIR", description = "state declarations (default: states/ of the project)")
  Path states;

  @Option(names = "--templates", paramLabel = "DIR", description = "FreeMarker templates (default: templates/ of the project)")
  Path templates;

  @Option(names = {"--check", "-C"}, description = "observe and plan only; change nothing")
  boolean check;

  @Option(names = {"--diff", "-D"}, description = "show unified diffs of files and lines")
  boolean diff;

  @Option(names = {"--limit", "-l"}, paramLabel = "PATTERN", description = "only hosts matching this Ansible pattern")
  String limit;

  @Option(names = {"--tags", "-t"}, split = ",", paramLabel = "TAG", description = "only declarations with one of these tags")
  List<String> tags = new ArrayList<>();

  @Option(names = "--skip-tags", split = ",", paramLabel = "TAG", description = "leave out declarations with any of these tags")
  List<String> skipTags = new ArrayList<>();

  @Option(names = {"--forks", "-f"}, paramLabel = "N",
      description = "hosts handled at once (default: ansible.cfg's forks, else 50)")
  Integer forks;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--report-json", paramLabel = "FILE", description = "also write the JSON report to FILE")
  Path reportJson;

  @Option(names = "--export-dir", paramLabel = "DIR",
      description = "where database rows are exported before apply deletes or rewrites them"
          + " (default: exports/ in the state directory)")
  Path exportDir;

  @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts to verify host keys (default: ~/.ssh/known_hosts)")
  Path knownHosts;

  @Option(names = "--accept-new-host-keys", description = "trust and record keys of hosts never seen before (never a changed key)")
  boolean acceptNewHostKeys;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS",
      description = "limit for the TCP connect, and again for the SSH handshake and login, to each host"
          + " (default: ansible.cfg's timeout, else the ssh config's ConnectTimeout, else 10)")
  Integer connectTimeout;

  @Option(names = {"--ssh-config", "-F"}, paramLabel = "FILE",
      description = "OpenSSH client configuration, as ssh -F (default: ~/.ssh/config when it exists)")
  Path sshConfig;

  @Option(names = "--command-timeout", paramLabel = "SECONDS",
      description = "limit for every remote script (observation, apt, file writes, services, commands) below its own limit"
          + " (default: their own: observation 2 min, apt 30 min, a declared command its timeout)")
  Integer commandTimeout;

  @Option(names = "--dpkg-lock-timeout", paramLabel = "SECONDS",
      description = "how long apt waits for another process holding the dpkg lock before the host fails (default: 120)")
  Integer dpkgLockTimeout;

  @Mixin OperationsOptions operations;

  @Mixin PlanOptions plans;
  @Mixin WaitOptions waits;

  private final Consumer<SecretMasker> maskerSink;
  private final Cancellation cancellation;
  private ConnectionDefaults connectionDefaults = ConnectionDefaults.NONE;
  private Optional<Path> configuredExportDir = Optional.empty();

  ReconcileCommand(Consumer<SecretMasker> maskerSink, Cancellation cancellation) {
    this.maskerSink = maskerSink;
    this.cancellation = cancellation;
  }

  @Override
  public Integer call() throws Exception {
    fillFrom(AnsibleConfigLocator.find(System.getenv(), Path.of("").toAbsolutePath(),
        Path.of(System.getProperty("user.home"))).map(AnsibleConfig::read).orElse(AnsibleConfig.NONE));
    Optional<SavedPlan> saved = plans.saved();
    saved.ifPresent(this::takeRunFrom);
    if (plans.planOut != null && !check) {
      throw new ParameterException(spec.commandLine(), "--plan-out saves the plan of a --check run");
    }
    if (inventory == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--inventory=FILE'"
          + " (or an inventory in ansible.cfg's [defaults])");
    }
    if (forks < 1) {
      throw new ParameterException(spec.commandLine(), "--forks must be at least 1");
    }
    if ((connectTimeout != null && connectTimeout < 1) || (commandTimeout != null && commandTimeout < 1)
        || dpkgLockTimeout < 0) {
      throw new ParameterException(spec.commandLine(),
          "--connect-timeout and --command-timeout must be at least 1 second, --dpkg-lock-timeout at least 0");
    }
    waits.validate(spec);
    try (SshTransport transport = SshTransport.create(transportOptions())) {
      transport.startInBackground(); // while inventory, states and templates load; contacts no host
      return run(transport, saved);
    }
  }

  /** A saved plan says what the run is: its inventory, states, templates, --limit and --tags. */
  private void takeRunFrom(SavedPlan saved) {
    if (check || states != null || templates != null || limit != null || !tags.isEmpty() || !skipTags.isEmpty()
        || (inventory != null && !inventory.toAbsolutePath().equals(saved.inventory()))) {
      throw new ParameterException(spec.commandLine(),
          "--plan applies a saved plan as it was made: it takes no --check,"
          + " --states, --templates, --limit, --tags, --skip-tags or other --inventory");
    }
    inventory = saved.inventory();
    states = saved.states();
    templates = saved.templates();
    limit = saved.limit().orElse(null);
    tags = saved.tags();
    skipTags = saved.skipTags();
  }

  private int run(SshTransport transport, Optional<SavedPlan> saved) throws Exception {
    Optional<String> historyPassword = historyPassword();
    Inventory parsed = Inventory.parse(inventory);
    List<ImmutableMap<String, String>> hostVars = parsed.hosts().stream().map(InventoryHost::vars).toList();
    maskerSink.accept(SecretSources.inventory(hostVars, historyPassword));
    ImmutableList<InventoryHost> selected = select(parsed);
    ImmutableMap<String, SshTarget> sshTargets = sshTargets().of(selected);
    transport.readKeysInBackground(sshTargets.values().stream()
        .flatMap(t -> Stream.concat(t.privateKey().stream(), t.options().identityFiles().stream())).distinct()
            .toList());
    ProjectLayout layout = ProjectLayout.resolve(inventory, Optional.ofNullable(states), Optional.ofNullable(templates));
    saved.ifPresent(plan -> plans.requireInputsUnchanged(plan, inventory, layout));
    StateBundle bundle = new StateLoader(ResourceTypes.parsers()).load(new StateFiles(layout.states(), layout.templates())).withTags(ImmutableSet.copyOf(tags))
        .withoutTags(ImmutableSet.copyOf(skipTags));
    SecretMasker masker = SecretSources.states(hostVars, historyPassword, bundle);
    maskerSink.accept(masker);

    List<HostTarget> targets = selected.stream().map(h -> new HostTarget(h.name(), h.vars())).toList();
    List<HostTarget> everyHost = parsed.hosts().stream().map(h -> new HostTarget(h.name(), h.vars())).toList();
    DesiredState desired = new DesiredStateBuilder(new ResourceRenderer(new TemplateRenderer(layout.templates())),
        hostsMatching(parsed), groups(parsed), everyHost).build(bundle, targets);

    String runId = RunIds.next();
    Path stateDir = operations.history.stateDirectory(System.getenv());
    Path exports = ExportDirectory.of(Optional.ofNullable(exportDir), configuredExportDir, stateDir);
    try (RunLock lock = RunLock.acquire(stateDir, inventory, "run " + runId + " (" + (check ? "check" : "apply") + ")",
        Duration.ofSeconds(waits.waitForLock));
        RunDeadline deadline = RunDeadline.start(Optional.ofNullable(waits.runTimeout).map(Duration::ofSeconds),
            cancellation)) {
      return run(transport, runId, desired, targets, sshTargets, masker, exports, deadline, saved, layout);
    } catch (RunLock.BusyException e) {
      spec.commandLine().getErr().println("reconcile: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return RunLock.BUSY;
    }
  }

  private int run(SshTransport transport, String runId, DesiredState desired, List<HostTarget> targets,
      ImmutableMap<String, SshTarget> sshTargets, SecretMasker masker, Path exports, RunDeadline deadline,
      Optional<SavedPlan> saved, ProjectLayout layout) {
    RunReport report;
    int exitCode;
    try (SshHostConnector connector = new SshHostConnector(transport, sshTargets,
        Optional.ofNullable(commandTimeout).map(Duration::ofSeconds), deadline.at())) {
      Reconciler reconciler = new Reconciler(connector,
          new RunSettings(forks, runId, "/var/backups/reconcile", exports, Duration.ofSeconds(dpkgLockTimeout),
              waits.database()),
          operations.progress(spec.commandLine().getErr(), masker), cancellation);
      if (check) {
        Reconciler.CheckedPlan checked = reconciler.checkAndPlan(desired, targets);
        report = checked.report().masked(masker);
        plans.save(checked, masker, runId, inventory, layout, Optional.ofNullable(limit), tags, skipTags,
            spec.commandLine().getErr());
        exitCode = report.exitCode();
      } else if (saved.isPresent()) {
        Reconciler.PlannedApply applied = reconciler.applyPlan(desired, targets, saved.get().byHost());
        report = applied.report().masked(masker);
        // A stale host is a plan that no longer holds: bad input, as the plan says nothing true of it.
        exitCode = applied.staleHosts().isEmpty() ? report.exitCode() : ExitCodes.INVALID_INPUT;
      } else {
        report = reconciler.apply(desired, targets).masked(masker);
        exitCode = report.exitCode();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    String json = format == Format.json || reportJson != null ? new JsonReport().render(report) : "";
    out.print(format == Format.json ? json : new TextReport(diff).render(report));
    out.flush();
    if (reportJson != null) {
      ReportFiles.write(reportJson, json);
    }
    operations.finish(RunRecord.of(report, desired, RunScope.of(tags, skipTags, Optional.ofNullable(limit)),
        inventory, exports,
        masker), spec.commandLine().getErr());
    return exitCode;
  }

  /** The history password, to mask it from the start; one that cannot be read is reported when the run is recorded. */
  private Optional<String> historyPassword() {
    try {
      return operations.history.password(System.getenv());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private ImmutableList<InventoryHost> select(Inventory parsed) {
    if (limit == null) {
      return parsed.hosts();
    }
    HostSelection selection;
    try {
      selection = HostPattern.parse(limit).select(parsed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--limit '" + limit + "': " + e.getMessage());
    }
    if (selection.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--limit '" + limit + "' matches no host of " + inventory);
    }
    return selection.hosts();
  }

  private static Function<String, Set<String>> hostsMatching(Inventory parsed) {
    return pattern -> new HashSet<>(HostPattern.parse(pattern).select(parsed).names());
  }

  private static ImmutableMap<String, ImmutableList<String>> groups(Inventory parsed) {
    return parsed.groups().keySet().stream().collect(ImmutableMap.toImmutableMap(g -> g, parsed::hostNamesOf));
  }

  private TransportOptions transportOptions() {
    // Like OpenSSH's ConnectTimeout, which also bounds the wait for the server's banner: a host that
    // accepts the connection but never answers (frozen, overloaded) is unreachable after this long.
    Duration connect = Duration.ofSeconds(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout);
    TransportOptions options = TransportOptions.defaults()
        .withAcceptNewHostKeys(acceptNewHostKeys)
        .withConnectTimeout(connect)
        .withAuthTimeout(connect);
    return knownHosts == null ? options : options.withKnownHosts(knownHosts);
  }

  /**
   * ansible.cfg's settings for what the command line leaves out: [defaults] and [ssh_connection] as Ansible
   * means them, [reconcile] for reconcile's own flags; then the built-in defaults.
   */
  private void fillFrom(AnsibleConfig cfg) {
    inventory = inventory != null ? inventory : cfg.inventory().orElse(null);
    forks = forks != null ? forks : cfg.forks().orElse(DEFAULT_FORKS);
    connectTimeout = connectTimeout != null ? connectTimeout
        : cfg.reconcileSeconds("connect_timeout").or(cfg::timeout).orElse(null);
    commandTimeout = commandTimeout != null ? commandTimeout
        : cfg.reconcileSeconds("command_timeout").orElse(null);
    dpkgLockTimeout = dpkgLockTimeout != null ? dpkgLockTimeout
        : cfg.reconcileSeconds("dpkg_lock_timeout").orElse(DEFAULT_DPKG_LOCK);
    states = states != null ? states : cfg.reconcilePath("states").orElse(null);
    templates = templates != null ? templates : cfg.reconcilePath("templates").orElse(null);
    knownHosts = knownHosts != null ? knownHosts : cfg.reconcilePath("known_hosts").orElse(null);
    sshConfig = sshConfig != null ? sshConfig : cfg.reconcilePath("ssh_config").or(cfg::sshConfig).orElse(null);
    configuredExportDir = cfg.reconcilePath("export_dir");
    // host_key_checking = False turns checking off in Ansible; reconcile never does: new hosts are trusted
    // and recorded, a changed key still fails (as --accept-new-host-keys).
    acceptNewHostKeys = acceptNewHostKeys || cfg.reconcileFlag("accept_new_host_keys").orElse(false)
        || cfg.hostKeyChecking().map(checking -> !checking).orElse(false);
    connectionDefaults = new ConnectionDefaults(cfg.remoteUser(), cfg.remotePort(), cfg.privateKeyFile(),
        cfg.proxyJump());
  }

  /** The ssh client configuration: --ssh-config, else ~/.ssh/config when there is one. */
  private SshTargets sshTargets() {
    Map<String, String> env = System.getenv();
    Path file = sshConfig != null ? sshConfig : Path.of(System.getProperty("user.home"), ".ssh", "config");
    SshClientConfig config = sshConfig != null || Files.isRegularFile(file)
        ? SshClientConfig.read(file, env) : SshClientConfig.none(env);
    return new SshTargets(config, connectionDefaults,
        new SshTargets.Overrides(knownHosts != null, acceptNewHostKeys, connectTimeout != null));
  }
}
