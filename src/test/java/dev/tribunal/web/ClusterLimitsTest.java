package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.PostgresSchema;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-voter limits hold across the nodes of a cluster on PostgreSQL (skipped without one unless CI=true). */
class ClusterLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aVoterSpreadOverThreeNodesGetsTheLimitOnceNotThreeTimes() {
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Database db = Database.open(schema.url())) {
                new DemoLoader(db).load(Path.of("data/demo"));
            }
            List<RunningService> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    nodes.add(RunningService.on(schema.url(),
                            RunningService.settings(dir.resolve("web")).withLimits(4, 1000, 100_000), Clock.systemUTC()));
                }
                HttpSession browser = new HttpSession(nodes.get(0).address());
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> r = browser.post(nodes.get(i % 3).address().resolve("/api/rounds").toString(), null);
                    statuses.add(r.statusCode());
                }
                // four rounds a minute for this voter, whichever node deals them
                assertThat(statuses).containsExactly(201, 201, 201, 201, 429, 429);
                // another voter is not held back
                assertThat(new HttpSession(nodes.get(2).address()).post("/api/rounds", null).statusCode()).isEqualTo(201);
            } finally {
                nodes.forEach(RunningService::close);
            }
        }
    }
}
