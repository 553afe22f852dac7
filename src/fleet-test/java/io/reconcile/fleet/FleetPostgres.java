package io.reconcile.fleet;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.reconcile.testing.DockerRequirement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL 15 of its own for database tests that need no fleet: the fleet's astakos image (built
 * locally, never pulled), whose init starts a cluster with the role {@value FleetDatabase#USER} and the three
 * Synnefo databases. Port 5432 is published on 127.0.0.1 only.
 */
public final class FleetPostgres {
  public static final String IMAGE = FleetImages.image("astakos", "0.12");
  public static final int PORT = 5432;

  private FleetPostgres() {}

  /**
   * Starts a container named {@code NAME-PREFIX-RANDOM}, ready when its init says so; fails under CI, skips
   * elsewhere, when Docker or the image is missing. The caller stops it.
   */
  @SuppressWarnings("resource") // returned to the caller, who stops it
  public static GenericContainer<?> start(String namePrefix) {
    DockerRequirement.requireDocker();
    if (!FleetDocker.connect().missingImages(List.of(IMAGE)).isEmpty()) {
      DockerRequirement.unavailable("image " + IMAGE + " is missing");
    }
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withExposedPorts(PORT)
        .withCreateContainerCmdModifier(cmd -> {
          cmd.withName(namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
          // Explicit binding: Testcontainers would publish on all interfaces.
          cmd.getHostConfig()
              .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT)));
        })
        .waitingFor(Wait.forLogMessage(".*fleet-init: ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    container.start();
    return container;
  }
}
