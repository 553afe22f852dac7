package io.reconcile.resource.file;

import io.reconcile.host.Change;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostAction;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Declaration;
import io.reconcile.state.Ensure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole file with rendered content (or absent), compared by digest, ownership and mode. A symbolic link
 * at the path is never followed: refused, or with {@code replaceLink} replaced by the file (the link
 * itself, kept as a link in the backup; its target is neither read nor changed).
 */
public record FileResource(
    Declaration declaration, String path, Ensure ensure, byte[] content, Optional<String> owner,
    Optional<String> group, Optional<Integer> mode, boolean secret, boolean replaceLink) implements ShellResource {

  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.file(path);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    FileFact fact = facts.file(path);
    if (ensure == Ensure.ABSENT) {
      return fact.exists()
          ? Optional.of(new Change("present", "absent", fact.content().map(old -> FileContent.diff(path, old, new byte[0], secret)),
              ImmutableList.of(new DeleteFile(path))))
          : Optional.empty();
    }
    String wantedDigest = FileContent.sha256(content);
    if (fact.linkTarget().isPresent()) {
      return Optional.of(link(fact, wantedDigest));
    }
    if (!fact.exists()) {
      return Optional.of(new Change("absent", describe(wantedDigest, owner.orElse("root"), group.orElse("root"), mode.orElse(0644)),
          Optional.of(FileContent.diff(path, new byte[0], content, secret)),
          ImmutableList.of(new WriteFile(path, content, owner, group, mode))));
    }
    boolean contentDiffers = !fact.regular() || !fact.sha256().equals(wantedDigest);
    List<String> differences = new ArrayList<>();
    if (contentDiffers) {
      differences.add("content");
    }
    owner.filter(o -> !o.equals(fact.owner())).ifPresent(o -> differences.add("owner"));
    group.filter(g -> !g.equals(fact.group())).ifPresent(g -> differences.add("group"));
    mode.filter(m -> m != fact.mode()).ifPresent(m -> differences.add("mode"));
    if (differences.isEmpty()) {
      return Optional.empty();
    }
    String before = describe(fact.sha256(), fact.owner(), fact.group(), fact.mode());
    String after = describe(wantedDigest, owner.orElse(fact.owner()), group.orElse(fact.group()), mode.orElse(fact.mode()));
    if (!contentDiffers) {
      return Optional.of(new Change(before, after, Optional.empty(),
          ImmutableList.of(new SetAttributes(path, owner, group, mode))));
    }
    // Keep what the operator had for anything the declaration leaves open.
    HostAction write = new WriteFile(path, content, owner.or(() -> Optional.of(fact.owner())),
        group.or(() -> Optional.of(fact.group())), mode.or(() -> Optional.of(fact.mode())));
    Optional<String> diff = Optional.of(fact.content()
        .map(old -> FileContent.diff(path, old, content, secret))
        .orElse("--- " + path + "\n+++ " + path + "\n(file too large to diff: " + fact.size() + " bytes)\n"));
    return Optional.of(new Change(before, after, diff, ImmutableList.of(write)));
  }

  private Change link(FileFact fact, String wantedDigest) {
    String before = "symbolic link to " + fact.linkTarget().orElseThrow();
    String after = describe(wantedDigest, owner.orElse("root"), group.orElse("root"), mode.orElse(0644));
    if (!replaceLink) {
      return Change.refused(before, after, Optional.empty(), fact.linkRefusal(
          "make it a regular file, declare the path it leads to, or set 'replace_link: true' to replace the link"
              + " with this file"));
    }
    return new Change(before, after, Optional.of(FileContent.diff(path, new byte[0], content, secret)),
        ImmutableList.of(new WriteFile(path, content, owner, group, mode, true)));
  }

  private static String describe(String digest, String owner, String group, int mode) {
    return "sha256:" + (digest.length() >= 12 ? digest.substring(0, 12) : digest) + " " + owner + ":" + group + " " + String.format("%04o", mode);
  }
}
