package io.reconcile.testing;

import com.google.common.hash.Hashing;
import io.reconcile.fleet.Fleet;
import io.reconcile.fleet.FleetSpec;
import io.reconcile.fleet.Release;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the fleet a {@link FleetTest} class asks for and hands it to the tests. A class fleet lives in
 * the class's extension store and a shared one in the root store: JUnit closes them (Fleet.down) when
 * the class, or the whole run, is done.
 *
 * <p>Set {@value #EXISTING_FLEET} (environment variable or system property) to the name of a fleet that
 * scripts/fleet already started to run the tests against it instead; it must have the spec the class
 * asks for, and it is left running.
 */
public final class FleetExtension implements BeforeAllCallback, ParameterResolver {
  public static final String EXISTING_FLEET = "RECONCILE_TEST_FLEET";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FleetExtension.class);
  private static final String FLEET_KEY = "fleet";

  @Override
  public void beforeAll(ExtensionContext context) {
    FleetTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FleetTest.class)
        .orElseThrow(() -> new IllegalStateException("FleetExtension needs @FleetTest on " + context.getRequiredTestClass()));
    FleetSpec spec = specOf(settings);
    Optional<String> existing = existingFleetName();
    if (existing.isPresent()) {
      context.getStore(NAMESPACE).put(FLEET_KEY, new Lease(existingFleet(existing.get(), spec), false));
      return;
    }
    DockerRequirement.requireFleetImages(spec);
    if (settings.shared()) {
      Lease shared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
          spec, s -> new Lease(Fleet.up(fleetName("shared-" + shortHash(spec.toString())), spec), true), Lease.class);
      context.getStore(NAMESPACE).put(FLEET_KEY, new Lease(shared.fleet(), false));
    } else {
      String name = fleetName(context.getRequiredTestClass().getSimpleName());
      context.getStore(NAMESPACE).put(FLEET_KEY, new Lease(Fleet.up(name, spec), true));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == Fleet.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    // Method contexts see their class's store entries.
    return extensionContext.getStore(NAMESPACE).get(FLEET_KEY, Lease.class).fleet();
  }

  static FleetSpec specOf(FleetTest settings) {
    return new FleetSpec(Release.parse(settings.release()), settings.ganeti(), settings.cyclades(),
        settings.pithos(), settings.users(), settings.seed(), settings.bastion());
  }

  /**
   * A fleet name that is the same on every run from one checkout (so a rerun replaces what a killed run
   * left behind) and differs between checkouts (so worktrees testing at the same time do not collide).
   */
  static String fleetName(String base) {
    String checkout = shortHash(Path.of("").toAbsolutePath().toString());
    String prefix = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return (prefix.length() > 30 ? prefix.substring(0, 30) : prefix) + "-" + checkout;
  }

  private static String shortHash(String text) {
    return Hashing.sha256().hashUnencodedChars(text).toString().substring(0, 6);
  }

  private static Optional<String> existingFleetName() {
    return Optional.ofNullable(System.getProperty(EXISTING_FLEET, System.getenv(EXISTING_FLEET))).filter(s -> !s.isBlank());
  }

  private static Fleet existingFleet(String name, FleetSpec wanted) {
    Fleet fleet = Fleet.load(name);
    if (!fleet.spec().equals(wanted)) {
      throw new IllegalStateException(EXISTING_FLEET + "=" + name + " has spec " + fleet.spec()
          + " but the test class needs " + wanted);
    }
    return fleet;
  }

  /** A fleet handed to tests; only the lease that started the fleet removes it. */
  private record Lease(Fleet fleet, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        fleet.close();
      }
    }
  }
}
