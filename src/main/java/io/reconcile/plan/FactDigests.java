package io.reconcile.plan;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.hash.Hashing;
import io.reconcile.host.Change;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.PackageFact;
import io.reconcile.host.ServiceFact;
import io.reconcile.host.ShellResource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Digests of what a decision rests on, one per observed item (a package, a file, a service, a guard, a
 * port): a saved plan keeps them, and applying it compares them again, so a host whose facts moved since
 * the review is refused, naming the item that moved. A file's digest covers its content digest, owner,
 * group and mode; never the content itself, so no secret is in it.
 */
final class FactDigests {
  private FactDigests() {}

  /** Item ("file /etc/x") -> "sha256:..." for everything this shell resource is decided on. */
  static ImmutableSortedMap<String, String> of(ShellResource resource, HostFacts facts) {
    ObservationRequest.Builder builder = ObservationRequest.builder();
    resource.request(builder);
    ObservationRequest request = builder.build();
    ImmutableSortedMap.Builder<String, String> digests = ImmutableSortedMap.naturalOrder();
    request.packages().forEach(p -> digests.put("package " + p, digest(describe(facts.pkg(p)))));
    request.files().forEach(f -> digests.put("file " + f, digest(describe(facts.file(f)))));
    request.services().forEach(s -> digests.put("service " + s, digest(describe(facts.service(s)))));
    request.guards().forEach(g -> digests.put("guard " + g, digest("exit " + facts.guard(g))));
    request.ports().forEach(p -> digests.put("port " + p, digest("listening " + facts.listening(p))));
    return digests.build();
  }

  /** A database invariant's item: what its read-only look found (the change it would make, or none). */
  static ImmutableSortedMap<String, String> ofDatabase(String id, Optional<Change> change) {
    return ImmutableSortedMap.of("database " + id, digest(change
        .map(c -> c.before() + "\n" + c.after() + "\n" + c.diff().orElse("")).orElse("holds")));
  }

  /** The first item whose digest differs between the two, named for the operator ("file /etc/x"). */
  static Optional<String> firstDifference(Map<String, String> planned, Map<String, String> now) {
    return Stream.concat(planned.keySet().stream(), now.keySet().stream()).distinct().sorted()
        .filter(item -> !Objects.equals(planned.get(item), now.get(item)))
        .findFirst();
  }

  private static String describe(PackageFact fact) {
    return fact.describe();
  }

  private static String describe(FileFact fact) {
    return fact.exists() + " " + fact.regular() + " " + fact.owner() + ":" + fact.group() + " " + fact.modeText() + " "
        + fact.size() + " " + fact.sha256();
  }

  private static String describe(ServiceFact fact) {
    return fact.known() + " " + fact.running() + " " + fact.enabled();
  }

  static String digest(String text) {
    return "sha256:" + Hashing.sha256().hashString(text, StandardCharsets.UTF_8);
  }
}
