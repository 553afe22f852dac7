package io.reconcile.host;

import io.reconcile.ssh.ShellQuote;
import com.google.common.collect.ImmutableMap;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shell script that gathers all of a host's facts in a single round trip, and the parser of its
 * output. Sections are delimited by a random marker, and file contents travel base64-encoded, so no
 * host data can forge a section. Every value is passed as a quoted argument to a small function.
 */
public final class ObservationScript {
  /** Files larger than this are compared by digest only (no content, no diff). */
  static final long MAX_CONTENT_BYTES = 1024 * 1024;

  private static final String FUNCTIONS = """
      rf() { if [ -L "$1" ]; then stat -c '%F|%U|%G|%a|%s' -- "$1" || return 0; readlink -- "$1" | base64 -w0; echo; \
      elif [ -e "$1" ]; then stat -c '%F|%U|%G|%a|%s' -- "$1" || return 0; \
      if [ -f "$1" ]; then sha256sum < "$1" | cut -c1-64; \
      [ "$(stat -c %s -- "$1")" -gt MAXBYTES ] || { base64 -w0 < "$1"; echo; }; fi; else echo absent; fi; }
      rs() { if [ -d /run/systemd/system ]; then \
      systemctl cat -- "$1.service" >/dev/null 2>&1; k=$?; systemctl is-active --quiet -- "$1"; r=$?; \
      systemctl is-enabled --quiet -- "$1" 2>/dev/null; e=$?; \
      else [ -x "/etc/init.d/$1" ]; k=$?; r=3; [ $k -eq 0 ] && { service "$1" status >/dev/null 2>&1; r=$?; }; \
      e=1; for l in /etc/rc[2345].d/S[0-9][0-9]"$1"; do [ -e "$l" ] && e=0; done; fi; echo "$k $r $e"; }
      rg() { ( sh -c "$1" ) </dev/null >/dev/null 2>&1; echo $?; }
      rp() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "${1%:*}" "${1##*:}" 2>/dev/null; echo $?; }
      """.replace("MAXBYTES", Long.toString(MAX_CONTENT_BYTES));

  private final ObservationRequest request;
  private final String marker;

  public ObservationScript(ObservationRequest request) {
    this.request = request;
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    this.marker = "@@reconcile-" + HexFormat.of().formatHex(nonce) + "@@";
  }

  public String script() {
    StringBuilder s = new StringBuilder(FUNCTIONS);
    s.append("m=").append(ShellQuote.quote(marker)).append('\n');
    if (!request.packages().isEmpty()) {
      s.append("echo \"$m pkg\"\n");
      s.append("dpkg-query -W -f='${Package}\\t${Version}\\t${Status}\\n'");
      request.packages().forEach(p -> s.append(' ').append(ShellQuote.quote(p)));
      s.append(" 2>/dev/null\n");
    }
    int i = 0;
    for (String path : request.files()) {
      s.append("echo \"$m file ").append(i++).append("\"; rf ").append(ShellQuote.quote(path)).append('\n');
    }
    i = 0;
    for (String name : request.services()) {
      s.append("echo \"$m svc ").append(i++).append("\"; rs ").append(ShellQuote.quote(name)).append('\n');
    }
    i = 0;
    for (String guard : request.guards()) {
      s.append("echo \"$m guard ").append(i++).append("\"; rg ").append(ShellQuote.quote(guard)).append('\n');
    }
    i = 0;
    for (String port : request.ports()) {
      s.append("echo \"$m port ").append(i++).append("\"; rp ").append(ShellQuote.quote(port)).append('\n');
    }
    s.append("echo \"$m end\"\n");
    return s.toString();
  }

  /** Parses the script's stdout; a missing end marker means the output was cut short. */
  public HostFacts parse(String stdout) {
    Map<String, List<String>> sections = new HashMap<>();
    List<String> current = null;
    boolean ended = false;
    for (String line : stdout.split("\n", -1)) {
      if (line.startsWith(marker + " ")) {
        String key = line.substring(marker.length() + 1);
        if (key.equals("end")) {
          ended = true;
          break;
        }
        current = new ArrayList<>();
        sections.put(key, current);
      } else if (current != null) {
        current.add(line);
      }
    }
    if (!ended) {
      throw new IllegalStateException("observation output was cut short");
    }
    return new HostFacts(packages(sections.getOrDefault("pkg", List.of())), files(sections), services(sections), guards(sections),
        ports(sections));
  }

  private ImmutableMap<String, PackageFact> packages(List<String> lines) {
    Map<String, String> installed = new HashMap<>();
    for (String line : lines) {
      String[] fields = line.split("\t");
      // Status is "want flag status": only "installed" counts (not config-files, half-installed, ...)
      if (fields.length == 3 && fields[2].endsWith(" installed")) {
        installed.put(fields[0], fields[1]);
      }
    }
    ImmutableMap.Builder<String, PackageFact> facts = ImmutableMap.builder();
    for (String name : request.packages()) {
      facts.put(name, new PackageFact(name, Optional.ofNullable(installed.get(name))));
    }
    return facts.build();
  }

  private ImmutableMap<String, FileFact> files(Map<String, List<String>> sections) {
    ImmutableMap.Builder<String, FileFact> facts = ImmutableMap.builder();
    int i = 0;
    for (String path : request.files()) {
      facts.put(path, file(path, section(sections, "file " + i++)));
    }
    return facts.build();
  }

  private static FileFact file(String path, List<String> lines) {
    if (lines.isEmpty() || lines.get(0).equals("absent")) {
      return FileFact.absent(path);
    }
    String[] stat = lines.get(0).split("\\|", -1);
    if (stat.length != 5) {
      throw new IllegalStateException("cannot read stat output for " + path + ": " + lines.get(0));
    }
    if (stat[0].startsWith("symbolic link")) { // not followed: what it points to is neither read nor shown
      String target = lines.size() > 1 ? new String(Base64.getDecoder().decode(lines.get(1)),
          StandardCharsets.UTF_8).strip() : "?";
      return new FileFact(path, true, false, stat[1], stat[2], Integer.parseInt(stat[3], 8), Long.parseLong(stat[4]),
          "",
          Optional.empty(), Optional.of(target));
    }
    boolean regular = stat[0].startsWith("regular");
    String sha256 = regular && lines.size() > 1 ? lines.get(1) : "";
    Optional<byte[]> content = regular && lines.size() > 2 && !(lines.get(2).isEmpty() && !stat[4].equals("0"))
        ? Optional.of(Base64.getDecoder().decode(lines.get(2)))
        : Optional.empty();
    return new FileFact(path, true, regular, stat[1], stat[2], Integer.parseInt(stat[3], 8), Long.parseLong(stat[4]),
        sha256, content,
        Optional.empty());
  }

  private ImmutableMap<String, ServiceFact> services(Map<String, List<String>> sections) {
    ImmutableMap.Builder<String, ServiceFact> facts = ImmutableMap.builder();
    int i = 0;
    for (String name : request.services()) {
      String[] codes = firstLine(section(sections, "svc " + i++)).split(" ");
      facts.put(name, new ServiceFact(name, codes[0].equals("0"), codes[1].equals("0"), codes[2].equals("0")));
    }
    return facts.build();
  }

  private ImmutableMap<String, Integer> guards(Map<String, List<String>> sections) {
    ImmutableMap.Builder<String, Integer> facts = ImmutableMap.builder();
    int i = 0;
    for (String guard : request.guards()) {
      facts.put(guard, Integer.parseInt(firstLine(section(sections, "guard " + i++)).strip()));
    }
    return facts.build();
  }

  private ImmutableMap<String, Boolean> ports(Map<String, List<String>> sections) {
    ImmutableMap.Builder<String, Boolean> facts = ImmutableMap.builder();
    int i = 0;
    for (String port : request.ports()) {
      facts.put(port, firstLine(section(sections, "port " + i++)).strip().equals("0"));
    }
    return facts.build();
  }

  private static List<String> section(Map<String, List<String>> sections, String key) {
    List<String> lines = sections.get(key);
    if (lines == null) {
      throw new IllegalStateException("observation output lacks section '" + key + "'");
    }
    return lines;
  }

  private static String firstLine(List<String> lines) {
    return lines.isEmpty() ? "" : lines.get(0);
  }
}
