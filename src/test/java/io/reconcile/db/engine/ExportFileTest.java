package io.reconcile.db.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The undo script's format: header without secrets, sections in reverse order, rows one per line, quoting. */
class ExportFileTest {
  static final DatabaseEndpoint APPS = new DatabaseEndpoint("astakos", "db", 5432, "snf_apps", "", "synnefo", "s3cret-pw");
  static final ExportFile.Header HEADER = new ExportFile.Header("20260101-120000-ab12", "users-unique:astakos", "astakos1", APPS);

  @Test
  void undoesTheChangesInReverseOrderOneJsonRowPerLine() {
    ExportFile export = new ExportFile();
    export.rewritten("im_projectmembership", List.of("id"), List.of("id", "person_id", "project_id"),
        List.of("{\"id\":7,\"person_id\":3,\"project_id\":1}"));
    export.deleted("auth_user", List.of("{\"id\":3,\"email\":\"bob@example.org\"}", "{\"id\":5,\"email\":\"o'brien@example.org\"}"));
    export.inserted("quotaholder_app_entity", List.of("entity"), List.of("{\"entity\":\"system\"}"));

    assertThat(export.render(HEADER)).isEqualTo("""
        -- reconcile: undo of users-unique:astakos on host astakos1, run 20260101-120000-ab12
        -- database: snf_apps at db:5432 (as seen from astakos1)
        -- Restores every row this apply deleted or rewrote and removes the rows it inserted, in one
        -- transaction (statements in reverse order of the changes). To restore, on astakos1:
        --   psql -h db -p 5432 -U synnefo -d snf_apps -v ON_ERROR_STOP=1 -f FILE
        -- Rows are JSON (row_to_json), one per line; to restore some rows only, keep just their lines.
        SET standard_conforming_strings = on;
        BEGIN;
        SET CONSTRAINTS ALL DEFERRED;
        -- 1 rows inserted into quotaholder_app_entity: remove them
        DELETE FROM quotaholder_app_entity AS t USING json_populate_recordset(NULL::quotaholder_app_entity, '[
        {"entity":"system"}
        ]') AS r WHERE t."entity" = r."entity";
        -- 2 rows deleted from auth_user: insert them again
        INSERT INTO auth_user SELECT * FROM json_populate_recordset(NULL::auth_user, '[
        {"id":3,"email":"bob@example.org"},
        {"id":5,"email":"o''brien@example.org"}
        ]');
        -- 1 rows of im_projectmembership rewritten: set them back
        UPDATE im_projectmembership AS t SET "person_id" = r."person_id", "project_id" = r."project_id" FROM json_populate_recordset(NULL::im_projectmembership, '[
        {"id":7,"person_id":3,"project_id":1}
        ]') AS r WHERE t."id" = r."id";
        COMMIT;
        """);
    assertThat(export.render(HEADER)).doesNotContain("s3cret-pw");
  }

  @Test
  void largeSectionsAreSplitIntoStatementsOfAtMostAChunk() {
    ExportFile export = new ExportFile();
    export.deleted("versions", java.util.Collections.nCopies(ExportFile.CHUNK + 1, "{\"serial\":1}"));

    assertThat(export.render(HEADER).lines().filter(l -> l.startsWith("INSERT INTO versions"))).hasSize(2);
  }

  @Test
  void nothingChangedIsAnEmptyExport() {
    ExportFile export = new ExportFile();
    export.deleted("auth_user", List.of());

    assertThat(export.isEmpty()).isTrue();
  }

  @Test
  void theFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
    ExportFile export = new ExportFile();
    export.deleted("auth_user", List.of("{\"id\":3}"));

    Path file = export.write(dir.resolve("astakos1/users-unique-astakos.astakos.sql"), HEADER);

    assertThat(file).content().contains("INSERT INTO auth_user");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var files = Files.list(dir.resolve("astakos1"))) {
      assertThat(files).as("no partial file left").containsExactly(file);
    }
  }
}
