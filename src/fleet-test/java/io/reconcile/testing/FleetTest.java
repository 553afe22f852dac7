package io.reconcile.testing;

import io.reconcile.fleet.FleetSpec;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real fleet: the fleet starts before the first test, is injected into
 * test methods, constructors and lifecycle methods as an {@link io.reconcile.fleet.Fleet} parameter,
 * and is removed after the last test.
 *
 * <pre>{@code
 * @FleetTest(release = "0.12", ganeti = 2)
 * class UpgradeTest {
 *   @Test void upgrades(Fleet fleet) { ... fleet.inventory() ... }
 * }
 * }</pre>
 *
 * Needs Docker and the fleet images (scripts/test provides both): fails under CI=true without them,
 * skipped elsewhere. See docs/testing.md.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FleetExtension.class)
public @interface FleetTest {
  /** "0.12" or "0.13". */
  String release() default "0.12";

  int cyclades() default 1;

  int pithos() default 1;

  int ganeti() default 1;

  int users() default FleetSpec.DEFAULT_USERS;

  long seed() default FleetSpec.DEFAULT_SEED;

  /** The hosts publish no port and are reached only through a bastion host (see FleetSpec#bastion). */
  boolean bastion() default false;

  /**
   * Share one fleet per spec with every other {@code shared} class in the test JVM instead of starting
   * one for this class. Only for classes that change nothing on the hosts or in the databases.
   */
  boolean shared() default false;
}
