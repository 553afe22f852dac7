package io.reconcile.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.reconcile.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejected input names the file, the line and what was expected there. */
class InventoryErrorsTest {
  @TempDir Path dir;

  private String file() {
    return dir.resolve("prod.ini").toString();
  }

  /** Parses the text and returns the "file:line: message" of the error it must raise. */
  private String errorOf(String text) throws IOException {
    Files.writeString(dir.resolve("prod.ini"), text);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> new InventoryParser().parse(dir.resolve("prod.ini")));
    assertThat(e).as("expected an InvalidInputException").isNotNull();
    assertThat(e.file()).isEqualTo(file());
    return e.describe();
  }

  @Test
  void unknownSectionType() throws IOException {
    assertThat(errorOf("[web]\nweb1\n\n[web:host]\n")).isEqualTo(file()
        + ":4: section [web:host] has unknown type 'host': expected :children, :vars or none");
  }

  @Test
  void sectionHeaderWithSpaces() throws IOException {
    assertThat(errorOf("[web servers]\n")).isEqualTo(file() + ":1: invalid section header '[web servers]':"
        + " expected [group], [group:children] or [group:vars] with no spaces in the name");
  }

  @Test
  void hostVariableWithoutEquals() throws IOException {
    assertThat(errorOf("[web]\nweb1 http_port=80 maxRequestsPerChild\n")).isEqualTo(file()
        + ":2: expected key=value host variable after the host name, got 'maxRequestsPerChild'");
  }

  @Test
  void malformedHostName() throws IOException {
    assertThat(errorOf("[web]\nweb/1\n")).isEqualTo(file() + ":2: 'web/1' is not a valid host: expected a host"
        + " name, IPv4 address or [IPv6 address]:port, optionally with ranges such as web[01:20]");
  }

  @Test
  void unclosedQuoteOnHostLine() throws IOException {
    assertThat(errorOf("[web]\nweb1\nweb2 motd='hello\n")).isEqualTo(file() + ":3: no closing single quote");
  }

  @Test
  void badRange() throws IOException {
    assertThat(errorOf("[ganeti]\nganeti[01:5].example.org\n")).isEqualTo(file()
        + ":2: bad host range in 'ganeti[01:5].example.org': begin and end must have the same number of digits"
        + " when begin has leading zeros");
    assertThat(errorOf("[ganeti]\nganeti[20:01].example.org\n")).isEqualTo(file()
        + ":2: bad host range in 'ganeti[20:01].example.org': begin must not be greater than end");
  }

  @Test
  void nonNumericAndOutOfRangePortAfterHost() throws IOException {
    assertThat(errorOf("[db]\ndb1:ssh\n")).isEqualTo(file()
        + ":2: port 'ssh' in 'db1:ssh' is not a number; expected host:port");
    assertThat(errorOf("[db]\ndb1\ndb2:65536\n")).isEqualTo(file()
        + ":3: port 65536 in 'db2:65536' is out of range 1-65535");
  }

  @Test
  void badAnsiblePortIsReportedWhereItWasSet() throws IOException {
    assertThat(errorOf("[db]\ndb1 ansible_port=ssh\n")).isEqualTo(file()
        + ":2: host 'db1': ansible_port 'ssh' is not a port number: expected 1-65535");
    // Set for a group: reported at the [db:vars] line, not at the host.
    assertThat(errorOf("[db]\ndb1\n\n[db:vars]\nansible_port=70000\n")).isEqualTo(file()
        + ":5: host 'db1': ansible_port '70000' is not a port number: expected 1-65535");
  }

  @Test
  void overriddenBadPortIsNotAnError() throws IOException {
    Files.writeString(dir.resolve("prod.ini"), "[db]\ndb1 ansible_port=2222\n[db:vars]\nansible_port=nope\n");
    assertThat(new InventoryParser().parse(dir.resolve("prod.ini")).hosts().get(0).connection().port())
        .contains(2222);
  }

  @Test
  void badBoolean() throws IOException {
    assertThat(errorOf("[db]\ndb1 ansible_become=maybe\n")).isEqualTo(file()
        + ":2: host 'db1': ansible_become 'maybe' is not a boolean: expected yes/no, true/false, on/off or 1/0");
  }

  @Test
  void emptyConnectionValue() throws IOException {
    assertThat(errorOf("[db]\ndb1 ansible_host=''\n")).isEqualTo(file() + ":2: host 'db1': ansible_host is empty");
  }

  @Test
  void varsLineWithoutEquals() throws IOException {
    assertThat(errorOf("[web]\nweb1\n[web:vars]\nhttp_port 80\n")).isEqualTo(file()
        + ":4: expected key=value in [web:vars]: the line has no '=' (its text is not shown)");
  }

  @Test
  void aValueThatLostItsKeyIsNeverRepeated() throws IOException {
    assertThat(errorOf("[web]\nweb1 db_password= s3cret-1\n")).isEqualTo(file() + ":2: expected key=value host variable after"
        + " the host name: 'db_password=' is followed by a space, which ends its value (empty), and then by a word without '='"
        + " (not shown); quote a value that has spaces");
    assertThat(errorOf("[web]\nweb1\n[web:vars]\ndb_password s3cret-2\n")).doesNotContain("s3cret");
    assertThat(errorOf("[web]\nweb1\n[web:vars]\n=s3cret-3\n")).endsWith(":4: expected key=value in [web:vars]: the line has"
        + " no key before '=' (its text is not shown)");
  }

  @Test
  void nonNumericGroupPriority() throws IOException {
    assertThat(errorOf("[web]\nweb1\n[web:vars]\nansible_group_priority=high\n")).isEqualTo(file()
        + ":4: ansible_group_priority must be a whole number, got 'high'");
  }

  @Test
  void childrenSectionNamingAnUndeclaredGroup() throws IOException {
    assertThat(errorOf("[prod:children]\nweb\ndb\n[web]\nweb1\n")).isEqualTo(file()
        + ":3: [prod:children] names group 'db', which is never declared: expected a [db] or [db:children] section");
  }

  @Test
  void varsForAGroupThatIsNeverDeclared() throws IOException {
    assertThat(errorOf("[web]\nweb1\n\n[wbe:vars]\nx=1\n")).isEqualTo(file()
        + ":4: [wbe:vars] sets variables of group 'wbe', which is never declared:"
        + " expected a [wbe] or [wbe:children] section");
  }

  @Test
  void childrenLineWithTwoNames() throws IOException {
    assertThat(errorOf("[web]\n[prod:children]\nweb db\n")).isEqualTo(file()
        + ":3: expected one group name per line in [prod:children], got 'web db'");
  }

  @Test
  void childrenCycle() throws IOException {
    assertThat(errorOf("[a:children]\nb\n[b:children]\nc\n[c:children]\na\n")).isEqualTo(file()
        + ":6: making 'a' a child of 'c' creates a cycle (a -> b -> c -> a): group children must not loop");
  }

  @Test
  void cycleThroughAGroupNamedBeforeItsSectionIsReportedWhereItCloses() throws IOException {
    // 'b' is named at line 2 before its section exists; the loop is closed by 'a' at line 7.
    assertThat(errorOf("[a:children]\nb\n[x]\n[b:children]\nx\n[x:children]\na\n")).isEqualTo(file()
        + ":7: making 'a' a child of 'x' creates a cycle (a -> b -> x -> a): group children must not loop");
  }

  @Test
  void groupAsItsOwnChildAndAllAsAChild() throws IOException {
    assertThat(errorOf("[a:children]\na\n")).isEqualTo(file() + ":2: group 'a' cannot be a child of itself");
    assertThat(errorOf("[a:children]\nall\n")).isEqualTo(file()
        + ":2: group 'all' cannot be a child group: it already contains every group");
  }

  @Test
  void missingFileAndInvalidUtf8AreWholeFileErrors() throws IOException {
    Path missing = dir.resolve("nope.ini");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> new InventoryParser().parse(missing));
    assertThat(e.line()).isZero();
    assertThat(e.describe()).startsWith(missing + ": cannot read inventory: ");

    Files.write(dir.resolve("prod.ini"), new byte[] {'[', 'w', ']', '\n', (byte) 0xff, '\n'});
    e = catchThrowableOfType(InvalidInputException.class,
        () -> new InventoryParser().parse(dir.resolve("prod.ini")));
    assertThat(e.describe()).isEqualTo(file() + ": inventory is not valid UTF-8");
  }
}
