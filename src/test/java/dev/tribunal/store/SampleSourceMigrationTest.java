package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V8 lets samples have source {@code baseline}. On SQLite that rebuilds the samples table, which evaluations and
 * rounds reference: a database with samples, evaluations, rounds and votes in it keeps every row and id, and its
 * references stay whole.
 */
class SampleSourceMigrationTest {

    @TempDir
    Path dir;

    @Test
    void sqliteKeepsEveryRowAndReference() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        migrateAndCheck(url, Dialect.SQLITE);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var rs = s.executeQuery("PRAGMA foreign_key_check")) {
            assertThat(rs.next()).as("dangling references").isFalse();
        }
    }

    @Test
    void postgresqlKeepsEveryRow() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            migrateAndCheck(schema.url(), Dialect.POSTGRESQL);
        }
    }

    private static void migrateAndCheck(String url, Dialect dialect) throws SQLException {
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration", "classpath:db/vendor/" + dialect.name().toLowerCase(Locale.ROOT))
                .placeholders(dialect.placeholders()).target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contestants (id, kind, name, display_name, created_at) VALUES (7, 'judge', 'j1', 'J1', 1),"
                    + " (8, 'judge', 'j2', 'J2', 1)");
            s.execute("INSERT INTO samples (id, kind, input, response_a, response_b, source, category, external_key, "
                    + "created_at) VALUES (41, 'pair', 'q', 'a', 'b', 'demo', 'writing', 'k41', 5), "
                    + "(42, 'pair', 'q2', 'a2', 'b2', 'custom', NULL, NULL, 6)");
            s.execute("INSERT INTO evaluations (id, sample_id, judge_id, verdict, critique, prompt_version, parse_status, "
                    + "created_at) VALUES (100, 41, 7, 'A>B', 'c1', 'v1', 'ok', 1), (101, 41, 8, 'B>A', 'c2', 'v1', 'ok', 1)");
            s.execute("INSERT INTO rounds (id, sample_id, eval_a_id, eval_b_id, created_at, expires_at) "
                    + "VALUES ('r1', 41, 100, 101, 1, 2)");
            s.execute("INSERT INTO votes (round_id, choice, voter_hash, created_at) VALUES ('r1', 'A', 'h', 1)");
        }
        ConnectionSettings settings = ConnectionSettings.of(url);
        try (Database db = Database.open(settings, java.time.Clock.systemUTC())) {
            assertThat(db.samples().byId(41)).map(Sample::externalKey).contains("k41");
            assertThat(db.samples().byId(42)).map(Sample::source).contains(SampleSource.CUSTOM);
            assertThat(db.evaluations().forSample(41)).extracting(Evaluation::id).containsExactlyInAnyOrder(100L, 101L);
            assertThat(db.rounds().byId("r1")).isPresent();
            assertThat(db.votes().byRound("r1")).isPresent();
            Sample added = db.samples().insert(Sample.pair("q3", "a", "b", "base", "m", SampleSource.BASELINE,
                    "arena-hard-v0.1").withExternalKey("baseline:1:2"));
            assertThat(added.id()).isNotIn(41L, 42L);
            assertThat(db.samples().byExternalKey("baseline:1:2")).map(Sample::source).contains(SampleSource.BASELINE);
            // the index and the unique key came back with the table
            assertThat(db.samples().list("writing", null, 0, 10)).extracting(Sample::id).containsExactly(41L);
            assertThat(List.of(db.samples().count())).containsExactly(3L);
        }
    }
}
