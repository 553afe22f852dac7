package io.reconcile.resource.line;

import io.reconcile.host.Change;
import io.reconcile.host.FileFact;
import io.reconcile.host.HostFacts;
import io.reconcile.host.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.state.Declaration;
import io.reconcile.state.Ensure;
import io.reconcile.state.Location;
import io.reconcile.state.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineResourceTest {
  private static LineResource backrefs(String match, String text) {
    LineSpec spec = new LineSpec("/etc/x.conf", Ensure.PRESENT, Optional.of(text), Optional.of(Pattern.compile(match)),
        false, true);
    Declaration declaration = new Declaration(new ResourceId("line", "x"), spec, "all", ImmutableSet.of(),
        ImmutableList.of(), ImmutableList.of(), Optional.empty(), ImmutableMap.of(), new Location("states/x.yml", 1));
    return new LineResource(declaration, spec.path(), spec.ensure(), spec.text(), spec.match(), false, true);
  }

  @Test
  void aLineInAMissingFileWithoutCreateIsARefusalWithNothingToRun() {
    LineSpec spec = new LineSpec("/etc/x.conf", Ensure.PRESENT, Optional.of("a = 1"), Optional.empty(), false, false);
    Declaration declaration = new Declaration(new ResourceId("line", "x"), spec, "all", ImmutableSet.of(),
        ImmutableList.of(), ImmutableList.of(), Optional.empty(), ImmutableMap.of(), new Location("states/x.yml", 1));
    LineResource line = new LineResource(declaration, spec.path(), spec.ensure(), spec.text(), spec.match(), false,
        false);
    HostFacts facts = new HostFacts(ImmutableMap.of(), ImmutableMap.of("/etc/x.conf", FileFact.absent("/etc/x.conf")),
        ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());
    Change change = line.compare(facts).orElseThrow();
    assertThat(change.actions()).isEmpty();
    assertThat(change.refusal()).contains(new Refusal("/etc/x.conf does not exist (set 'create: true' to create it)"));
  }

  @Test
  void backrefsRewriteEveryMatchingLineWithItsGroupsAndKeepTheRest() {
    LineResource rename = backrefs("^(\\s*)ASTAKOS_DEFAULT_FROM_EMAIL(\\s*=.*)$", "\\1SERVER_EMAIL\\2");
    List<String> before = List.of("# mail", "ASTAKOS_DEFAULT_FROM_EMAIL = 'Cloud <no-reply@example.org>'", "OTHER = 1",
        "  ASTAKOS_DEFAULT_FROM_EMAIL=(", "    'x')");
    assertThat(rename.edit(before)).containsExactly("# mail", "SERVER_EMAIL = 'Cloud <no-reply@example.org>'", "OTHER = 1",
        "  SERVER_EMAIL=(", "    'x')");
  }

  @Test
  void backrefsChangeNothingWhenNoLineMatchesAndAddNothing() {
    LineResource rename = backrefs("^ASTAKOS_DEFAULT_FROM_EMAIL(\\s*=.*)$", "SERVER_EMAIL\\1");
    List<String> renamed = List.of("SERVER_EMAIL = 'Cloud <no-reply@example.org>'");
    assertThat(rename.edit(renamed)).isEqualTo(renamed);
    assertThat(rename.edit(List.of())).isEmpty();
  }

  @Test
  void aBackslashNotFollowedByADigitIsKeptAsWritten() {
    LineResource line = backrefs("^(PATH) = .*$", "\\1 = 'C:\\\\x\\n'");
    assertThat(line.edit(List.of("PATH = 1"))).containsExactly("PATH = 'C:\\\\x\\n'");
  }
}
