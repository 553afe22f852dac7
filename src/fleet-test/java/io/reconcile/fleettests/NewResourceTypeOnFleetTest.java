package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import io.reconcile.fleet.Fleet;
import io.reconcile.testing.FleetTest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contributor adds a host resource type, `link` (src/fleet-test/contributor: spec, parser, resource, its
 * action, its type), the way docs/architecture.md ("A new resource type") tells them: the package beside the
 * others, one registration line in {@code ResourceTypes}. The sources of reconcile plus that package and that
 * line are compiled here, and the result runs against a real host: without the line the type is unknown
 * (exit 65); with it, check, apply and drift work as for the built-in types. The edit outside the new package
 * is counted on the copied tree, so a type that needed more (a switch, a sealed list, a second registry)
 * would not compile or would fail here until this count says so.
 */
@FleetTest(release = "0.13", cyclades = 0, pithos = 0, ganeti = 1, users = 10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewResourceTypeOnFleetTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path CONTRIBUTION = Path.of("src/fleet-test/contributor");
  private static final Path REGISTRY = Path.of("io/reconcile/resource/ResourceTypes.java");
  private static final String REGISTRATION = "      new io.reconcile.resource.link.LinkType(),";
  private static final String LINK = "/etc/apache2/sites-enabled/reconcile-test";

  @TempDir static Path work;
  private Fleet fleet;
  private String contributorClassPath;

  @BeforeAll
  void buildReconcileWithTheNewType(Fleet fleet) throws IOException {
    this.fleet = fleet;
    Path tree = work.resolve("src");
    copy(SOURCES, tree);
    copy(CONTRIBUTION, tree);
    register(tree.resolve(REGISTRY));
    Path classes = work.resolve("classes");
    compile(tree, classes);
    copy(RESOURCES, classes);
    contributorClassPath = classes + File.pathSeparator + dependencyJars();
    Files.createDirectories(work.resolve("states"));
    Files.createDirectories(work.resolve("templates"));
    Files.writeString(work.resolve("states/10-link.yml"), """
        resources:
          - link: %s
            target: ../sites-available/synnefo-ssl
            hosts: ganeti
        """.formatted(LINK));
  }

  @Test
  @Order(1)
  void outsideItsPackageTheTypeTouchedOneLineInOneFile() throws IOException {
    Map<Path, Integer> changed = new TreeMap<>();
    try (Stream<Path> files = Files.walk(work.resolve("src"))) {
      for (Path copy : files.filter(Files::isRegularFile).toList()) {
        Path relative = work.resolve("src").relativize(copy);
        if (relative.startsWith("io/reconcile/resource/link")) {
          continue;
        }
        int lines = changedLines(SOURCES.resolve(relative), copy);
        if (lines > 0) {
          changed.put(relative, lines);
        }
      }
    }
    assertThat(changed).isEqualTo(Map.of(REGISTRY, 1));
  }

  @Test
  @Order(2)
  void withoutItsRegistrationTheTypeIsBadInput() throws Exception {
    ChildRun run = reconcile(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "--check");
    assertThat(run.code()).as(run.toString()).isEqualTo(65);
    assertThat(run.err()).contains("10-link.yml").contains("unknown resource type");
    assertThat(fleet.exec("ganeti1", "test", "-e", LINK).exitStatus()).isNotZero();
  }

  @Test
  @Order(3)
  void checkReportsTheMissingLinkAndApplyMakesIt() throws Exception {
    ChildRun check = reconcile(contributorClassPath, "--check");
    assertThat(check.code()).as(check.toString()).isEqualTo(2);
    assertThat(check.json().get("summary").get("changes").asInt()).isEqualTo(1);
    assertThat(check.out()).contains("link:" + LINK);
    assertThat(fleet.exec("ganeti1", "test", "-L", LINK).exitStatus()).as("check changed nothing").isNotZero();

    ChildRun apply = reconcile(contributorClassPath);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(fleet.exec("ganeti1", "readlink", LINK).stdoutText()).isEqualTo("../sites-available/synnefo-ssl\n");
    ChildRun again = reconcile(contributorClassPath, "--check");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.json().get("summary").get("changes").asInt()).isZero();
  }

  @Test
  @Order(4)
  void aLinkRepointedByHandIsRepointedAndTheOldOneKept() throws Exception {
    fleet.run("ganeti1", "ln", "-sfn", "/tmp/elsewhere", LINK);
    ChildRun apply = reconcile(contributorClassPath);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(fleet.exec("ganeti1", "readlink", LINK).stdoutText()).isEqualTo("../sites-available/synnefo-ssl\n");
    assertThat(apply.out()).contains("link to /tmp/elsewhere");
    String backups = fleet.exec("ganeti1", "sh", "-c",
        "find /var/backups/reconcile -path '*" + LINK + "' -exec readlink {} \\;").stdoutText();
    assertThat(backups).isEqualTo("/tmp/elsewhere\n");
  }

  @Test
  @Order(5)
  void aFileWhereTheLinkShouldBeIsLeftAsItIs() throws Exception {
    fleet.run("ganeti1", "sh", "-c", "rm -f " + LINK + " && echo kept > " + LINK);
    ChildRun apply = reconcile(contributorClassPath);
    assertThat(apply.code()).as(apply.toString()).isNotZero();
    assertThat(apply.out()).contains("exists and is not a symbolic link");
    assertThat(fleet.exec("ganeti1", "cat", LINK).stdoutText()).isEqualTo("kept\n");
  }

  private ChildRun reconcile(String classPath, String... flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("--inventory", fleet.inventory().toString(),
        "--known-hosts", fleet.knownHosts().toString(), "--states", work.resolve("states").toString(),
        "--templates", work.resolve("templates").toString(), "--format", "json", "--progress", "none"));
    args.addAll(Arrays.asList(flags));
    return ChildRun.of(classPath, work, Map.of(), args.toArray(String[]::new));
  }

  /** Inserts the registration as the first entry of the host types' list. */
  private static void register(Path registry) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(registry));
    int list = lines.indexOf(lines.stream().filter(l -> l.contains("HOST_TYPES = ImmutableList.of(")).findFirst()
        .orElseThrow(() -> new AssertionError("no HOST_TYPES list in " + registry)));
    lines.add(list + 1, REGISTRATION);
    Files.write(registry, lines);
  }

  /** Lines that differ between the two files: all but their common first and common last lines. */
  private static int changedLines(Path original, Path copy) throws IOException {
    List<String> after = Files.readAllLines(copy);
    List<String> before = Files.exists(original) ? Files.readAllLines(original) : List.of();
    int common = Math.min(before.size(), after.size());
    int first = 0;
    while (first < common && before.get(first).equals(after.get(first))) {
      first++;
    }
    int last = 0;
    while (last < common - first
        && before.get(before.size() - 1 - last).equals(after.get(after.size() - 1 - last))) {
      last++;
    }
    return Math.max(before.size(), after.size()) - first - last;
  }

  private static void compile(Path tree, Path classes) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(tree)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn",
        "-classpath", dependencyJars(), "-d", classes.toString()));
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertThat(status).as("reconcile with the new type compiles:\n" + errors).isZero();
  }

  /** The libraries reconcile needs (its own classes are what this test builds). */
  private static String dependencyJars() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> entry.endsWith(".jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.filter(Files::isRegularFile).forEach(file -> {
        Path target = to.resolve(from.relativize(file).toString());
        try {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
