package io.reconcile.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets masked by meaning (what the text says is secret) and by value, in every encoding the tool writes. */
class SecretMaskerTest {
  private static final String TOKEN = "Tk-new-4c1f";
  private static final String OLD_TOKEN = "Tk-old-9e2a";

  private static SecretMasker knowing(String name, String value) {
    return SecretMasker.of(List.of(Map.of(name, value)), Set.of());
  }

  @Test
  void aRotatedTokenIsMaskedOnTheRemovedLineThoughOnlyTheHostHadIt() {
    String diff = """
        --- /etc/synnefo/20-snf-astakos-app-settings.conf (before)
        +++ /etc/synnefo/20-snf-astakos-app-settings.conf (after)
        @@ -1,2 +1,2 @@
        -QUOTAHOLDER_TOKEN = '%s'
        +QUOTAHOLDER_TOKEN = '%s'
         QUOTAHOLDER_URL = 'https://accounts.example.org/quotaholder/v'
        """.formatted(OLD_TOKEN, TOKEN);

    String masked = knowing("quotaholder_token", TOKEN).mask(diff);

    assertThat(masked).doesNotContain(OLD_TOKEN, TOKEN)
        .contains("-QUOTAHOLDER_TOKEN = '********'\n+QUOTAHOLDER_TOKEN = '********'\n")
        .contains(" QUOTAHOLDER_URL = 'https://accounts.example.org/quotaholder/v'");
  }

  @Test
  void assignmentsAreMaskedByTheNameInEveryShapeTheToolWrites() {
    SecretMasker masker = SecretMasker.byMeaning();
    assertThat(masker.mask("db_password=s3cret-1 other=1")).isEqualTo("db_password=******** other=1");
    assertThat(masker.mask("  \"quotaholder_token\": \"s3cret-2\",")).isEqualTo("  \"quotaholder_token\": \"********\",");
    assertThat(masker.mask("    'api_key': 's3cret-3', 'name': 'x'")).isEqualTo("    'api_key': '********', 'name': 'x'");
    assertThat(masker.mask("SECRET_KEY = 'a\\'b\\\\c' # comment")).isEqualTo("SECRET_KEY = '********' # comment");
    assertThat(masker.mask("https://h/x?user=u&token=s3cret-4&z=1")).isEqualTo("https://h/x?user=u&token=********&z=1");
    assertThat(masker.mask("<password>s3cret-5</password>")).isEqualTo("<password>********</password>");
    assertThat(masker.mask("<service token=\"s3cret-6\" name=\"a\"/>")).isEqualTo("<service token=\"********\" name=\"a\"/>");
    assertThat(masker.mask("postgresql://synnefo:s3cret-7@db:5432/snf_pithos"))
        .isEqualTo("postgresql://synnefo:********@db:5432/snf_pithos");
    assertThat(masker.mask("export DB_PASSWD=\"s3cret-8\"")).isEqualTo("export DB_PASSWD=\"********\"");
  }

  @Test
  void namesThatDoNotMarkASecretAreLeftAlone() {
    SecretMasker masker = SecretMasker.byMeaning();
    for (String text : List.of("monkey = 3", "KEYBOARD = 'us'", "ansible_ssh_private_key_file=/home/op/.ssh/id",
        "astakos_db_password_file=/etc/reconcile/pw", "file:/etc/synnefo/20-snf-astakos-app-settings.conf: sha256:a -> sha256:b",
        "tokens counted: 3 of 4", "  ~ file:/etc/ssl/private/server.key: absent -> sha256:4c1d root:root 0600",
        "  ~ line:rotate-token: line absent or different -> line present", "ssh_host_ed25519_key.pub",
        "reconcile: invalid input: secrets.yml:3: templates/secret.conf.ftl:2: template error")) {
      assertThat(masker.mask(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void declaredNamesAreSecretAssignmentsToo() {
    SecretMasker masker = SecretMasker.of(List.of(), Set.of("pithos_backend_db_connection"));
    assertThat(masker.mask("PITHOS_BACKEND_DB_CONNECTION = 'sqlite:///x'")).isEqualTo("PITHOS_BACKEND_DB_CONNECTION = '********'");
  }

  @Test
  void aValueIsMaskedAsPythonJsonUrlAndXmlWriteIt() {
    String value = "it's \"a\" \\ <b> & ü/=?";
    SecretMasker masker = knowing("app_token", value);
    List<String> encoded = List.of(
        "SETTING = 'it\\'s \"a\" \\\\ <b> & ü/=?'",
        "{\"setting\": \"it's \\\"a\\\" \\\\ <b> & \\u00fc/=?\"}",
        "{\"setting\": \"it's \\\"a\\\" \\\\ <b> & ü/=?\"}",
        "https://h/?q=it%27s+%22a%22+%5C+%3Cb%3E+%26+%C3%BC%2F%3D%3F",
        "https://h/it%27s%20%22a%22%20%5C%20%3Cb%3E%20%26%20%C3%BC%2F%3D%3F",
        "<v>it&apos;s &quot;a&quot; \\ &lt;b&gt; &amp; ü/=?</v>",
        "<v>it&#39;s &quot;a&quot; \\ &lt;b&gt; &amp; ü/=?</v>");
    for (String text : encoded) {
      assertThat(masker.mask(text)).as(text).contains("********").doesNotContain("<b>", "&lt;b&gt;", "%3Cb%3E");
    }
  }

  @Test
  void aMultiLineSecretIsMaskedLineByLineAndInsideATripleQuotedAssignment() {
    String key = "-----BEGIN KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASC\nAT8wggE7AgEAAkEAq7BFUpkGp3+LQmlQ\n-----END KEY-----";
    SecretMasker masker = knowing("tls_key", key);
    String file = "CERT = '''\n" + key + "\n'''\nOTHER = 1\n";
    assertThat(masker.mask(file)).doesNotContain("MIIBVgIBADANBgkqhkiG9w0BAQEFAASC", "AT8wggE7AgEAAkEAq7BFUpkGp3+LQmlQ")
        .endsWith("OTHER = 1\n");

    String unknown = "--- f\n+++ f\n@@ -1,3 +1,2 @@\n-SIGNING_SECRET = \"\"\"\n-first line of it\n-second\"\"\"\n+SIGNING_SECRET = None\n OTHER = 1\n";
    assertThat(SecretMasker.byMeaning().mask(unknown))
        .isEqualTo("--- f\n+++ f\n@@ -1,3 +1,2 @@\n-SIGNING_SECRET = \"\"\"\n-********\n-********\"\"\"\n+SIGNING_SECRET = ********\n OTHER = 1\n");
  }
}
