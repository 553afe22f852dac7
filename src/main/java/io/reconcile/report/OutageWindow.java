package io.reconcile.report;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long an apply run kept the cloud's web services down: from the first script that stopped one to
 * the last that brought one back, when at the end of the run every service it stopped was back
 * (docs/operations.md, "Outage window", defines each end).
 *
 * @param firstStopped when the first stopping script was sent; empty when the outage began before the run
 *     (it brought back a service it had not stopped)
 * @param lastServing when the last script that brought a service back returned done; empty while a
 *     service the run stopped is still down at its end
 * @param downAtEnd "service on host" for each service the run stopped and left down
 */
public record OutageWindow(Optional<Instant> firstStopped, Optional<String> firstStoppedBy,
    Optional<Instant> lastServing, Optional<String> lastServingBy, ImmutableList<String> downAtEnd) {

  /** The window of these events, or none when no web service was stopped or brought back. */
  public static Optional<OutageWindow> of(Collection<ServiceEvent> events) {
    List<ServiceEvent> inOrder = events.stream().sorted(Comparator.comparing(ServiceEvent::at)).toList();
    Map<String, ServiceEvent> firstOfEach = new LinkedHashMap<>();
    Map<String, ServiceEvent> lastOfEach = new LinkedHashMap<>();
    for (ServiceEvent e : inOrder) {
      if (e.kind() != ServiceEvent.Kind.RELOADED) { // a reload brings nothing back that was down
        firstOfEach.putIfAbsent(e.service() + " on " + e.host(), e);
        lastOfEach.put(e.service() + " on " + e.host(), e);
      }
    }
    if (firstOfEach.isEmpty()) {
      return Optional.empty();
    }
    // A service brought back that this run had not stopped was down before it began: so was the cloud.
    boolean downBefore = firstOfEach.values().stream().anyMatch(e -> e.kind() == ServiceEvent.Kind.STARTED);
    Optional<ServiceEvent> firstStop = downBefore ? Optional.empty()
        : inOrder.stream().filter(e -> e.kind() == ServiceEvent.Kind.STOPPED).findFirst();
    ImmutableList<String> down = lastOfEach.entrySet().stream()
        .filter(e -> e.getValue().kind() == ServiceEvent.Kind.STOPPED)
        .map(Map.Entry::getKey).sorted().collect(ImmutableList.toImmutableList());
    // A reload counts while the cloud is down (it is how a closed front end opens again), never on its own.
    Instant downSince = firstStop.map(ServiceEvent::at).orElse(Instant.MIN);
    Optional<ServiceEvent> lastBack = !down.isEmpty() ? Optional.empty() : inOrder.stream()
        .filter(e -> e.kind() == ServiceEvent.Kind.STARTED
            || e.kind() == ServiceEvent.Kind.RELOADED && !e.at().isBefore(downSince))
        .reduce((earlier, later) -> later);
    return Optional.of(new OutageWindow(firstStop.map(ServiceEvent::at), firstStop.map(ServiceEvent::describe),
        lastBack.map(ServiceEvent::at), lastBack.map(ServiceEvent::describe), down));
  }

  /** From the first stop to the last return, when the run saw both. */
  public Optional<Duration> duration() {
    return firstStopped.flatMap(from -> lastServing.map(to -> Duration.between(from, to)));
  }

  public OutageWindow masked(SecretMasker masker) {
    return new OutageWindow(firstStopped, firstStoppedBy.map(masker::mask), lastServing,
        lastServingBy.map(masker::mask), downAtEnd.stream().map(masker::mask).collect(ImmutableList.toImmutableList()));
  }
}
