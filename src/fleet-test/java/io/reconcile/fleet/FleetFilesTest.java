package io.reconcile.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFilesTest {
  private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC6FPoeML991sWTEo6KgA6iDsXboI0t+5V5lMwmfK19k";
  private static final String KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH7Tg5AYFUbpWLIv1vWNVnsO9qIm4QYJMStcKqTw0inH";

  @TempDir
  Path dir;

  private Fleet fleet() {
    return new Fleet("t", FleetSpec.of(Release.V0_12).withGaneti(1).withPithos(0).withCyclades(0), dir,
        ImmutableList.of(
            new FleetHost("astakos1", Role.ASTAKOS, "reconcile-t-astakos1", 40001, KEY_A),
            new FleetHost("ganeti1", Role.GANETI, "reconcile-t-ganeti1", 40002, KEY_B)));
  }

  @Test
  void inventoryHasEveryRoleGroupOneLinePerHostAndTheDatabases() {
    String key = dir.resolve("id_ed25519").toString();

    assertThat(FleetFiles.inventory(fleet()).lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
        "",
        "[astakos]",
        "astakos1 ansible_host=127.0.0.1 ansible_port=40001 ansible_user=root ansible_ssh_private_key_file=" + key,
        "",
        "[cyclades]",
        "",
        "[pithos]",
        "",
        "[ganeti]",
        "ganeti1 ansible_host=127.0.0.1 ansible_port=40002 ansible_user=root ansible_ssh_private_key_file=" + key,
        "",
        "[astakos:vars]",
        "astakos_db_url=jdbc:postgresql://db:5432/snf_apps",
        "astakos_db_user=synnefo",
        "astakos_db_password=example_db_password",
        "cyclades_db_url=jdbc:postgresql://db:5432/snf_cyclades",
        "cyclades_db_user=synnefo",
        "cyclades_db_password=example_db_password",
        "pithos_db_url=jdbc:postgresql://db:5432/snf_pithos",
        "pithos_db_user=synnefo",
        "pithos_db_password=example_db_password");
  }

  @Test
  void knownHostsNamesEachHostByLoopbackAndPort() {
    assertThat(FleetFiles.knownHosts(fleet()).lines()).containsExactly(
        "[127.0.0.1]:40001 " + KEY_A,
        "[127.0.0.1]:40002 " + KEY_B);
  }

  @Test
  void writtenFilesReadBackAsTheSameFleet() throws Exception {
    Fleet fleet = fleet();

    FleetFiles.write(fleet);

    assertThat(FleetFiles.read(dir)).isEqualTo(fleet);
    assertThat(Files.readString(fleet.inventory())).isEqualTo(FleetFiles.inventory(fleet));
    assertThat(Files.readString(fleet.knownHosts())).isEqualTo(FleetFiles.knownHosts(fleet));
  }

  @Test
  void hostKeyCommentsAreDropped() {
    assertThat(FleetLauncher.withoutComment(KEY_A + " root@astakos1\n")).isEqualTo(KEY_A);
  }

  private Fleet bastionFleet() {
    FleetSpec spec = FleetSpec.of(Release.V0_12).withGaneti(1).withPithos(0).withCyclades(0).withBastion(true);
    return new Fleet("t", spec, dir,
        ImmutableList.of(
            new FleetHost("astakos1", Role.ASTAKOS, "reconcile-t-astakos1", FleetHost.NOT_PUBLISHED, KEY_A),
            new FleetHost("ganeti1", Role.GANETI, "reconcile-t-ganeti1", FleetHost.NOT_PUBLISHED, KEY_B)),
        java.util.Optional.of(new FleetBastion("bastion1", "reconcile-t-bastion1", 40009, KEY_B)));
  }

  @Test
  void behindABastionHostsHaveNoConnectionVariablesAndSshConfigJumps() throws Exception {
    Fleet fleet = bastionFleet();

    assertThat(FleetFiles.inventory(fleet)).contains("\nastakos1\n").contains("\nganeti1\n")
        .doesNotContain("ansible_port");
    assertThat(FleetFiles.knownHosts(fleet).lines()).containsExactly(
        "[127.0.0.1]:40009 " + KEY_B, "astakos1 " + KEY_A, "ganeti1 " + KEY_B);
    assertThat(FleetFiles.sshConfig(fleet)).contains("Host bastion1\n  HostName 127.0.0.1\n  Port 40009\n")
        .contains("Host * !bastion1\n  ProxyJump bastion1\n");
    FleetFiles.write(fleet);
    assertThat(FleetFiles.read(dir)).isEqualTo(fleet);
    assertThat(Files.readString(fleet.sshConfig())).isEqualTo(FleetFiles.sshConfig(fleet));
  }
}
