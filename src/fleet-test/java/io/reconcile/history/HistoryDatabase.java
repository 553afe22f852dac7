package io.reconcile.history;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.reconcile.testing.DockerRequirement;
import java.time.Duration;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL 15 for history tests: the test fleet's astakos image (built locally by scripts/test,
 * never pulled), whose init starts PostgreSQL with role {@value #USER} (md5 auth from anywhere). Port
 * 5432 is published on 127.0.0.1 only. Each {@link #newDatabase()} is a fresh, empty database.
 */
public final class HistoryDatabase implements AutoCloseable {
  public static final String IMAGE = io.reconcile.fleet.FleetImages.image("astakos", "0.12");
  public static final String USER = "synnefo";
  public static final String PASSWORD = "example_db_password";
  private static final int PORT = 5432;

  private final GenericContainer<?> container;

  private HistoryDatabase(GenericContainer<?> container) {
    this.container = container;
  }

  /** Starts the container; fails under CI, skips elsewhere, when Docker or the image is missing. */
  @SuppressWarnings("resource") // closed by close()
  public static HistoryDatabase start() {
    DockerRequirement.requireDocker();
    if (!imageExists()) {
      DockerRequirement.unavailable("image " + IMAGE + " is missing");
    }
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withExposedPorts(PORT)
        .withCreateContainerCmdModifier(cmd -> {
          cmd.withName("ops-history-pg-" + UUID.randomUUID().toString().substring(0, 8));
          // Explicit binding: Testcontainers would publish on all interfaces.
          cmd.getHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(PORT)));
        })
        .waitingFor(Wait.forLogMessage(".*fleet-init: ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    container.start();
    return new HistoryDatabase(container);
  }

  private static boolean imageExists() {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
      return true;
    } catch (com.github.dockerjava.api.exception.NotFoundException e) {
      return false;
    }
  }

  /** A new empty database owned by {@value #USER}; its JDBC URL. */
  public String newDatabase() throws Exception {
    String name = "history_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var result = container.execInContainer("su", "postgres", "-c", "createdb -O " + USER + " " + name);
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("createdb failed: " + result.getStderr());
    }
    return "jdbc:postgresql://127.0.0.1:" + container.getMappedPort(PORT) + "/" + name;
  }

  @Override
  public void close() {
    container.stop();
  }
}
