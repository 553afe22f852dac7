package io.reconcile.bundle;

import io.reconcile.resource.ResourceTypes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.reconcile.db.types.DatabaseTypes;
import io.reconcile.resource.file.FileResource;
import io.reconcile.host.GuardedResource;
import io.reconcile.host.HostResource;
import io.reconcile.inventory.HostPattern;
import io.reconcile.inventory.Inventory;
import io.reconcile.plan.DesiredState;
import io.reconcile.plan.DesiredStateBuilder;
import io.reconcile.plan.HostTarget;
import io.reconcile.plan.ResourceRenderer;
import io.reconcile.state.StateBundle;
import io.reconcile.state.StateFiles;
import io.reconcile.state.StateLoader;
import io.reconcile.template.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade bundle (states/, templates/) rendered for the example inventory: every settings file it
 * writes is Python that loads, and sets exactly the settings the bundle manages (docs/decisions/0005), so
 * that everything else stays as the operator had it.
 */
class BundleSettingsTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  /** The settings the bundle's own files set, per service (the guide's sections 3.3-3.6, 6.4). */
  static final ImmutableMap<String, Set<String>> MANAGED = ImmutableMap.of(
      "/etc/synnefo/99-reconcile-astakos.conf", Set.of("ADMINS", "ASTAKOS_EMAILCHANGE_ENABLED", "QUOTAHOLDER_TOKEN",
          "ASTAKOS_QUOTAHOLDER_URL", "ASTAKOS_QUOTAHOLDER_TOKEN", "ASTAKOS_SERVICES"),
      "/etc/synnefo/99-reconcile-cyclades.conf", Set.of("CYCLADES_ASTAKOS_SERVICE_TOKEN", "CYCLADES_PROXY_USER_SERVICES",
          "CYCLADES_USE_QUOTAHOLDER", "CYCLADES_QUOTAHOLDER_URL", "CYCLADES_QUOTAHOLDER_TOKEN", "VMAPI_CACHE_BACKEND",
          "VMAPI_BASE_URL"),
      "/etc/synnefo/99-reconcile-pithos.conf", Set.of("PITHOS_QUOTAHOLDER_URL", "PITHOS_QUOTAHOLDER_TOKEN",
          "PITHOS_USE_QUOTAHOLDER", "PITHOS_USER_CATALOG_URL", "PITHOS_USER_FEEDBACK_URL", "PITHOS_USER_LOGIN_URL",
          "PITHOS_PROXY_USER_SERVICES"),
      "/etc/synnefo/05-reconcile-pithos-0.12.5-backend.conf", Set.of("PITHOS_BACKEND_DB_CONNECTION",
          "PITHOS_BACKEND_BLOCK_PATH"));

  @TempDir Path dir;

  private DesiredState render(String extraVars) throws IOException {
    Path inventory = dir.resolve("prod.ini");
    Path password = Files.writeString(dir.resolve("db.password"), "example\n");
    String passwordFiles = """

        [astakos:vars]
        astakos_db_password_file=%1$s
        cyclades_db_password_file=%1$s
        pithos_db_password_file=%1$s
        """.formatted(password);
    Files.writeString(inventory, Files.readString(REPO.resolve("inventory/prod.ini")) + passwordFiles + extraVars);
    Inventory parsed = Inventory.parse(inventory);
    StateBundle bundle = new StateLoader(ResourceTypes.parsers())
        .load(new StateFiles(REPO.resolve("states"), REPO.resolve("templates")));
    List<HostTarget> hosts = parsed.hosts().stream().map(h -> new HostTarget(h.name(), h.vars())).toList();
    ImmutableMap<String, ImmutableList<String>> groups = parsed.groups().keySet().stream()
        .collect(ImmutableMap.toImmutableMap(g -> g, parsed::hostNamesOf));
    return new DesiredStateBuilder(new ResourceRenderer(new TemplateRenderer(REPO.resolve("templates"))),
        pattern -> new HashSet<>(HostPattern.parse(pattern).select(parsed).names()), groups, hosts).build(bundle, hosts);
  }

  /** Every present file the bundle writes under /etc/synnefo, by path, with the content of its last declaration. */
  private static Map<String, String> settingsFiles(DesiredState desired) {
    Map<String, String> files = new LinkedHashMap<>();
    for (DesiredState.PhaseState phase : desired.phases()) {
      for (List<HostResource> resources : phase.resourcesByHost().values()) {
        for (HostResource resource : resources) {
          HostResource inner = resource instanceof GuardedResource guarded ? guarded.resource() : resource;
          if (inner instanceof FileResource file && file.path().startsWith("/etc/synnefo/") && file.content().length > 0) {
            files.put(file.path(), new String(file.content(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return files;
  }

  /** Runs the file as snf-common does (exec into one namespace) and returns the names it sets with their values. */
  private JsonNode loadAsPython(String content) throws Exception {
    Path file = Files.writeString(dir.resolve("settings.conf"), content);
    Process python = new ProcessBuilder("python3", "-c", """
        import json, sys
        ns = {}
        exec(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'), ns)
        ns.pop('__builtins__', None)
        print(json.dumps({k: v if isinstance(v, str) else (json.dumps(v) if isinstance(v, dict) else repr(v)) for k, v in ns.items()}))
        """, file.toString()).redirectErrorStream(true).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }

  @Test
  void everySettingsFileTheBundleWritesLoadsAndSetsOnlyManagedNames() throws Exception {
    Map<String, String> files = settingsFiles(render(""));
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(MANAGED.keySet());
    for (Map.Entry<String, String> file : files.entrySet()) {
      Set<String> names = new HashSet<>();
      loadAsPython(file.getValue()).fieldNames().forEachRemaining(names::add);
      assertThat(names).as(file.getKey()).isEqualTo(MANAGED.get(file.getKey()));
    }
  }

  @Test
  void valuesAreWrittenAsPythonLiteralsWhateverTheyHold() throws Exception {
    String hostile = "to'k\\\"en' ; QUOTAHOLDER_URL = 'http://evil' #";
    DesiredState desired = render("""

        [all:vars]
        quotaholder_token=%s
        """.formatted(hostile));
    JsonNode astakos = loadAsPython(settingsFiles(desired).get("/etc/synnefo/99-reconcile-astakos.conf"));
    assertThat(astakos.get("ASTAKOS_QUOTAHOLDER_TOKEN").asText()).isEqualTo(hostile);
    assertThat(astakos.get("ASTAKOS_QUOTAHOLDER_URL").asText()).isEqualTo("https://accounts.example.synnefo.org/quotaholder/v");
  }

  @Test
  void astakosServicesInTheSettingsAreWhatServicesRegisteredEnforces() throws Exception {
    JsonNode astakos = loadAsPython(settingsFiles(render("")).get("/etc/synnefo/99-reconcile-astakos.conf"));
    Map<String, String> inSettings = new java.util.TreeMap<>();
    JsonNode services = new ObjectMapper().readTree(astakos.get("ASTAKOS_SERVICES").asText().replace("'", "\""));
    services.fields().forEachRemaining(service -> service.getValue().get("resources").forEach(r -> inSettings.put(
        service.getKey() + "." + r.get("name").asText(), r.get("uplimit").asText() + " " + r.path("group").asText()
            + " " + r.path("unit").asText(null) + " " + r.path("desc").asText())));
    StateBundle bundle = new StateLoader(ResourceTypes.parsers())
        .load(new StateFiles(REPO.resolve("states"), REPO.resolve("templates")));
    Map<String, String> declared = new java.util.TreeMap<>();
    bundle.phases().stream().flatMap(p -> p.declarations().stream()).map(d -> d.spec())
        .filter(io.reconcile.db.servicesregistered.ServicesSpec.class::isInstance).map(io.reconcile.db.servicesregistered.ServicesSpec.class::cast)
        .flatMap(spec -> spec.services().stream())
        .forEach(service -> service.resources().forEach(r -> declared.put(service.name() + "." + r.name(),
            r.uplimit() + " " + r.group().orElse("") + " " + r.unit().orElse(null) + " " + r.desc().orElse(""))));
    assertThat(inSettings).isEqualTo(declared);
    assertThat(declared).containsEntry("pithos+.diskspace", "53687091200 storage bytes Pithos account diskspace")
        .as("the old defaults: MAX_VMS_PER_USER, MAX_NETWORKS_PER_USER")
        .hasEntrySatisfying("cyclades.vm", v -> assertThat(v).startsWith("3 "))
        .hasEntrySatisfying("cyclades.network.private", v -> assertThat(v).startsWith("5 "));
  }
}
