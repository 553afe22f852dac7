package io.reconcile.fleettests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.reconcile.fleet.FleetDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference files parse into what they say, and a comparison reports each kind of difference. */
class SchemaComparisonTest {
  private static final Map<FleetDatabase, Map<String, TableShape>> R012 = ReferenceSchema.read("schema-0.12.5.txt");
  private static final Map<FleetDatabase, Map<String, TableShape>> R013 = ReferenceSchema.read("schema-0.13.txt");

  @Test
  void theReferencesSayWhatTheFactsSay() {
    TableShape user012 = R012.get(FleetDatabase.ASTAKOS).get("im_astakosuser");
    assertThat(user012.columns()).doesNotContainKey("uuid").containsKey("provider");
    assertThat(user012.primaryKey()).containsExactly("user_ptr_id");
    assertThat(user012.uniques()).containsExactly(ImmutableSet.of("provider", "third_party_identifier"));
    assertThat(R013.get(FleetDatabase.ASTAKOS).get("im_astakosuser").uniques())
        .containsExactly(ImmutableSet.of("uuid"));
    assertThat(R012.get(FleetDatabase.ASTAKOS))
        .doesNotContainKeys("im_resource", "quotaholder_app_entity", "im_project");
    assertThat(R012.get(FleetDatabase.ASTAKOS).get("auth_user").columns().get("username"))
        .isEqualTo(new TableShape.Column("varchar(30)", false, Optional.empty(), false));
    assertThat(R013.get(FleetDatabase.ASTAKOS).get("auth_user").columns().get("username").type())
        .isEqualTo("varchar(75)");
    assertThat(R012.get(FleetDatabase.CYCLADES).get("db_backend").columns().get("port").nonNegative()).isTrue();
    assertThat(R012.get(FleetDatabase.PITHOS).get("policy").primaryKey()).containsExactlyInAnyOrder("node", "key");
    assertThat(R012.get(FleetDatabase.PITHOS).get("xfeaturevals").primaryKey())
        .containsExactlyInAnyOrder("feature_id", "key", "value");
    assertThat(R012.get(FleetDatabase.PITHOS).get("nodes").foreignKeys())
        .containsExactly(new TableShape.ForeignKey("parent", "nodes", "node", Optional.of(true)));
    assertThat(R012.get(FleetDatabase.PITHOS).get("nodes").uniques()).containsExactly(ImmutableSet.of("path"));
    assertThat(R012.get(FleetDatabase.PITHOS).get("alembic_version").optional()).isTrue();
    assertThat(R012.get(FleetDatabase.PITHOS).get("public").columns()).doesNotContainKey("url");
    assertThat(R013.get(FleetDatabase.PITHOS).get("public").uniques()).contains(ImmutableSet.of("url"));
    assertThat(R013.get(FleetDatabase.ASTAKOS).get("im_projectmembership").foreignKeys())
        .extracting(TableShape.ForeignKey::describe)
        .containsExactlyInAnyOrder("application_id -> im_projectapplication.id",
            "pending_application_id -> im_projectapplication.id", "person_id -> im_astakosuser.user_ptr_id",
            "project_id -> im_project.id");
  }

  @Test
  void aLiveSchemaEqualToTheReferenceHasNoDifferencesAndEachDeviationIsReported() {
    Map<String, TableShape> reference = R012.get(FleetDatabase.PITHOS);
    assertThat(SchemaComparison.differences("snf_pithos", reference, reference)).isEmpty();

    Map<String, TableShape> live = new LinkedHashMap<>(reference);
    TableShape nodes = reference.get("nodes");
    Map<String, TableShape.Column> columns = new LinkedHashMap<>(nodes.columns());
    columns.remove("latest_version");
    columns.put("path", new TableShape.Column("varchar(1024)", true, Optional.empty(), false));
    columns.put("extra", new TableShape.Column("text", true, Optional.empty(), false));
    TableShape.ForeignKey noCascade = new TableShape.ForeignKey("parent", "nodes", "node", Optional.of(false));
    live.put("nodes", new TableShape("nodes", ImmutableMap.copyOf(columns), ImmutableSet.of("node", "path"),
        ImmutableSet.of(), ImmutableSet.of(noCascade), false));
    live.remove("groups");
    live.put("alembic_version", reference.get("alembic_version"));
    TableShape empty = new TableShape("qh_serials", ImmutableMap.of(), ImmutableSet.of(), ImmutableSet.of(), ImmutableSet.of(),
        false);
    live.put("qh_serials", empty);
    live.put("south_migrationhistory", live.get("qh_serials"));

    List<String> differences = SchemaComparison.differences("snf_pithos", reference, live);

    assertThat(differences).containsExactly(
        "snf_pithos: nodes.latest_version is missing (integer null)",
        "snf_pithos: nodes.path is varchar(1024) null, reference varchar(2048) not null",
        "snf_pithos: nodes.extra is not in the reference (text null)",
        "snf_pithos: nodes primary key is [node, path], reference [node]",
        "snf_pithos: nodes has no unique [path]",
        "snf_pithos: nodes has no foreign key parent -> nodes.node ON DELETE CASCADE",
        "snf_pithos: nodes has a foreign key parent -> nodes.node that the reference does not",
        "snf_pithos: table groups is missing",
        "snf_pithos: table qh_serials is not in the reference");
  }
}
