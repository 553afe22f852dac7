package io.reconcile.resource.link;

import com.google.common.collect.ImmutableList;
import io.reconcile.host.Change;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;
import io.reconcile.state.Declaration;
import java.util.Optional;

/**
 * A link on one host, compared through the file fact (which never follows a link). Anything but a link
 * at the path is refused: replacing a file or directory by a link would lose what it holds.
 */
record LinkResource(Declaration declaration, String path, String target) implements ShellResource {
  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.file(path);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    FileFact fact = facts.file(path);
    Optional<String> found = fact.linkTarget();
    if (found.equals(Optional.of(target))) {
      return Optional.empty();
    }
    String after = "link to " + target;
    if (fact.exists() && found.isEmpty()) {
      return Optional.of(Change.refused("not a link", after, Optional.empty(),
          path + " exists and is not a symbolic link: left as it is"));
    }
    String before = found.map(old -> "link to " + old).orElse("absent");
    return Optional.of(new Change(before, after, Optional.empty(), ImmutableList.of(new MakeLink(path, target))));
  }
}
