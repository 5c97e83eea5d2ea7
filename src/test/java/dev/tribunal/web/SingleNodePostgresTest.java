package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.config.ClusterConfig;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.PostgresSchema;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node promised alone on its PostgreSQL database ({@code cluster.single_node}) keeps the arena in memory as on
 * SQLite (rounds written behind, tallies, revealed critiques, vote times, per-voter limits): the arena works the same,
 * and what it acknowledged is stored (skipped without PostgreSQL unless CI=true).
 */
class SingleNodePostgresTest {

    @TempDir
    Path dir;

    @Test
    void aNodeAloneOnPostgresKeepsTheArenaInMemoryAndLosesNoVote() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Database db = Database.open(schema.url())) {
                new DemoLoader(db).load(Path.of("data/demo"));
            }
            Set<String> voted = new HashSet<>();
            try (RunningService node = RunningService.on(schema.url(), RunningService.settings(dir.resolve("no-web")),
                    ClusterConfig.defaults().withSingleNode(true), Clock.systemUTC(), db -> LiveSettings.none())) {
                HttpSession browser = new HttpSession(node.address());
                for (int i = 0; i < 30; i++) {
                    HttpResponse<String> dealt = browser.post(node.address().resolve("/api/rounds").toString(), null);
                    assertThat(dealt.statusCode()).as(dealt.body()).isEqualTo(201);
                    String id = HttpSession.json(dealt).get("round_id").asText();
                    HttpResponse<String> vote = browser.postJson(
                            node.address().resolve("/api/rounds/" + id + "/vote").toString(), "{\"choice\":\"A\"}");
                    assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
                    voted.add(id);
                }
                // a second vote on a round is refused from memory as from the store
                String first = voted.iterator().next();
                assertThat(browser.postJson(node.address().resolve("/api/rounds/" + first + "/vote").toString(),
                        "{\"choice\":\"B\"}").statusCode()).isEqualTo(409);
            }
            // after a graceful stop every acknowledged vote is in the database
            try (Database db = Database.open(schema.url())) {
                for (String id : voted) assertThat(db.votes().byRound(id)).as(id).isPresent();
            }
        }
    }
}
