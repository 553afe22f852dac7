package io.reconcile.savedplan;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The digest of every file that shapes the desired state (the inventory, each state file, each template),
 * so that a plan applied after its inputs changed is refused before any host is touched.
 */
public final class InputDigests {
  private InputDigests() {}

  /** "inventory" -> digest, "states/NAME" -> digest, "templates/NAME" -> digest. */
  public static ImmutableSortedMap<String, String> of(Path inventory, Path states, Path templates) {
    ImmutableSortedMap.Builder<String, String> digests = ImmutableSortedMap.naturalOrder();
    digests.put("inventory", digest(inventory));
    addTree(digests, "states", states);
    addTree(digests, "templates", templates);
    return digests.build();
  }

  /** @throws InvalidInputException naming the first input that differs from when the plan was made */
  public static void requireUnchanged(Path planFile, ImmutableSortedMap<String, String> planned,
      ImmutableSortedMap<String, String> now) {
    Optional<String> moved = Stream.concat(planned.keySet().stream(), now.keySet().stream()).distinct().sorted()
        .filter(name -> !Objects.equals(planned.get(name), now.get(name)))
        .findFirst();
    moved.ifPresent(name -> {
      String what = !now.containsKey(name) ? "is gone" : !planned.containsKey(name) ? "is new" : "changed";
      throw new InvalidInputException(planFile.toString(), 0, "plan is stale: " + name + " " + what
          + " since the plan was made; make a new plan with --check --plan-out");
    });
  }

  private static void addTree(ImmutableSortedMap.Builder<String, String> digests, String prefix, Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile).forEach(file -> digests.put(prefix + "/" + dir.relativize(file),
          digest(file)));
    } catch (IOException e) {
      throw new InvalidInputException(dir.toString(), 0, "cannot read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(dir.toString(), 0, "cannot read: " + e.getCause().getMessage());
    }
  }

  private static String digest(Path file) {
    try {
      return "sha256:" + Hashing.sha256().hashBytes(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
