package io.reconcile.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs a Docker engine (e.g. one using Testcontainers directly): fails under
 * CI=true when there is none, is skipped with a reason elsewhere. {@link FleetTest} implies it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Extension.class)
public @interface RequiresDocker {

  /** The check behind the annotation. */
  final class Extension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      DockerRequirement.requireDocker();
    }
  }
}
