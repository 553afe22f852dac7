package io.reconcile.resource.line;

import io.reconcile.host.Change;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostAction;
import io.reconcile.resource.file.WriteFile;
import io.reconcile.host.HostFacts;
import io.reconcile.host.ObservationRequest;
import io.reconcile.host.ShellResource;
import io.reconcile.resource.file.FileContent;

import com.google.common.collect.ImmutableList;
import io.reconcile.state.Declaration;
import io.reconcile.state.Ensure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a file (text rendered for this host). The new content is computed here from the observed
 * content and written as a whole file, so owner and mode are kept and the write is atomic.
 */
public record LineResource(Declaration declaration, String path, Ensure ensure, Optional<String> text,
    Optional<Pattern> match, boolean create, boolean backrefs) implements ShellResource {
  private static final Pattern GROUP_REFERENCE = Pattern.compile("\\\\([0-9])");

  @Override
  public void request(ObservationRequest.Builder observation) {
    observation.file(path);
  }

  @Override
  public Optional<Change> compare(HostFacts facts) {
    FileFact fact = facts.file(path);
    if (!fact.exists()) {
      if (ensure == Ensure.ABSENT || backrefs) {
        return Optional.empty();
      }
      byte[] created = FileContent.join(List.of(FileContent.asLine(text.orElseThrow())));
      Optional<String> diff = Optional.of(FileContent.diff(path, new byte[0], created, false));
      return Optional.of(create
          ? new Change("file absent", "line present", diff, ImmutableList.of(
              new WriteFile(path, created, Optional.empty(), Optional.empty(), Optional.of(0644))))
          : Change.refused("file absent", "line present", diff,
              path + " does not exist (set 'create: true' to create it)"));
    }
    if (fact.linkTarget().isPresent()) {
      return Optional.of(Change.refused("symbolic link to " + fact.linkTarget().get(), summary(), Optional.empty(),
          fact.linkRefusal("declare the path it leads to")));
    }
    if (fact.content().isEmpty()) {
      return Optional.of(Change.refused("unknown", summary(), Optional.empty(),
          path + " is not a regular text file small enough to edit"));
    }
    byte[] old = fact.content().get();
    List<String> before = FileContent.lines(old);
    List<String> after = edit(before);
    if (after.equals(before)) {
      return Optional.empty();
    }
    byte[] updated = FileContent.join(after);
    String beforeText = ensure == Ensure.PRESENT ? "line absent or different" : "line present";
    return Optional.of(new Change(beforeText, summary(), Optional.of(FileContent.diff(path, old, updated, false)),
        ImmutableList.of(new WriteFile(path, updated, Optional.of(fact.owner()), Optional.of(fact.group()), Optional.of(fact.mode())))));
  }

  private String summary() {
    return ensure == Ensure.PRESENT ? "line present" : "line absent";
  }

  /** The file's lines with this declaration applied; equal to the input when already true. */
  List<String> edit(List<String> lines) {
    Optional<String> wanted = text.map(FileContent::asLine);
    List<String> out = new ArrayList<>();
    if (ensure == Ensure.ABSENT) {
      for (String line : lines) {
        boolean hit = match.map(p -> p.matcher(line).find()).orElseGet(() -> line.equals(wanted.orElseThrow()));
        if (!hit) {
          out.add(line);
        }
      }
      return out;
    }
    if (backrefs) {
      return substituted(lines);
    }
    String line = wanted.orElseThrow();
    boolean placed = false;
    for (String existing : lines) {
      boolean hit = match.map(p -> p.matcher(existing).find()).orElse(false);
      if (hit) {
        if (!placed) {
          out.add(line);
          placed = true;
        }
      } else {
        out.add(existing);
      }
    }
    if (!placed && !out.contains(line)) {
      out.add(line);
    }
    return out;
  }

  /** Backrefs: every matching line becomes the text with its \\N replaced by the match's groups. */
  private List<String> substituted(List<String> lines) {
    Pattern pattern = match.orElseThrow();
    String template = FileContent.asLine(text.orElseThrow());
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      java.util.regex.Matcher hit = pattern.matcher(line);
      if (!hit.find()) {
        out.add(line);
        continue;
      }
      java.util.regex.Matcher reference = GROUP_REFERENCE.matcher(template);
      StringBuilder replaced = new StringBuilder();
      while (reference.find()) {
        int group = Integer.parseInt(reference.group(1));
        String value = group <= hit.groupCount() && hit.group(group) != null ? hit.group(group) : "";
        reference.appendReplacement(replaced, java.util.regex.Matcher.quoteReplacement(value));
      }
      reference.appendTail(replaced);
      out.add(replaced.toString());
    }
    return out;
  }
}
