package io.reconcile.bench;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts of one simulated cyclades host, as a converged host of the benchmark workload
 * (bench/states/10-bench.yml) has them: the packages of Synnefo 0.13 at the versions a real 0.13 fleet
 * host reports, the two templated files rendered for this host, Debian's /etc/memcached.conf as the fleet
 * image ships it, memcached running, enabled and listening. A drifted host has an older kamaki and an
 * edited API settings file, so a check must find exactly two changes there.
 */
final class SimulatedHost {
  record File(String owner, String group, int mode, byte[] content) {}

  record Service(boolean running, boolean enabled) {}

  private final String name;
  private final Map<String, String> packages = new HashMap<>();
  private final Map<String, File> files = new HashMap<>();
  private final Map<String, Service> services = new HashMap<>();

  private SimulatedHost(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /**
   * @param templates bench/templates (FreeMarker), rendered with {@code vars} and inventory_hostname
   * @param memcachedConf the real /etc/memcached.conf of a fleet host
   */
  static SimulatedHost converged(String name, boolean drifted, Configuration templates, Map<String, String> vars,
      byte[] memcachedConf) {
    SimulatedHost host = new SimulatedHost(name);
    host.packages.put("kamaki", drifted ? "0.7.9-1" : "0.8-1");
    for (String synnefo : new String[] {"snf-common", "snf-webproject", "snf-pithos-backend", "snf-cyclades-app"}) {
      host.packages.put(synnefo, "0.13-1");
    }
    host.packages.put("memcached", "1.6.18-1");
    host.packages.put("python-memcache", "1.59-5");
    host.packages.put("gunicorn", "0.14.5-3");
    Map<String, Object> model = new HashMap<>(vars);
    model.put("inventory_hostname", name);
    host.files.put("/etc/synnefo/90-bench-cache.conf", new File("root", "root", 0644, render(templates, "bench-cache.conf.ftl", model)));
    byte[] api = render(templates, "bench-api.conf.ftl", model);
    if (drifted) {
      api = (new String(api, StandardCharsets.UTF_8) + "DEBUG = True\n").getBytes(StandardCharsets.UTF_8);
    }
    host.files.put("/etc/synnefo/91-bench-api.conf", new File("root", "root", 0640, api));
    host.files.put("/etc/memcached.conf", new File("root", "root", 0644, memcachedConf));
    host.services.put("memcached", new Service(true, true));
    host.services.put("gunicorn", new Service(true, true));
    host.services.put("snf-dispatcher", new Service(true, true));
    return host;
  }

  Optional<String> packageVersion(String name) {
    return Optional.ofNullable(packages.get(name));
  }

  Optional<File> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  Optional<Service> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Memcached's port answers; nothing else listens. */
  boolean listening(String hostPort) {
    return hostPort.equals("127.0.0.1:11211") || hostPort.equals("localhost:11211");
  }

  /** Guards are arbitrary shell commands; the benchmark workload has none, so none is simulated. */
  int guardStatus(String command) {
    throw new IllegalArgumentException("the simulated host does not run guard commands: " + command);
  }

  static Configuration templates(Path dir) {
    try {
      Configuration configuration = new Configuration(Configuration.VERSION_2_3_32);
      configuration.setDirectoryForTemplateLoading(dir.toFile());
      configuration.setDefaultEncoding("UTF-8");
      return configuration;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] render(Configuration templates, String template, Map<String, Object> model) {
    try {
      StringWriter out = new StringWriter();
      templates.getTemplate(template).process(model, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("cannot render " + template + ": " + e.getMessage(), e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
