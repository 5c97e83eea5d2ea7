package dev.tribunal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.config.ClusterConfig;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.Job;
import dev.tribunal.store.PostgresSchema;
import dev.tribunal.web.HttpSession;
import dev.tribunal.web.LiveSettings;
import dev.tribunal.web.RunningService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes on one PostgreSQL database (skipped without one unless CI=true) run the leaderboard refresh, an hourly
 * job here due every second, once per interval between them: never two at once, each run a full interval after the
 * one before. Meanwhile a voter whose requests the nodes share gets its limit once, not once per node.
 */
class ClusterJobsTest {

    private static final Duration EVERY = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void theRecurringRefreshRunsOncePerIntervalWithThreeNodesRunning() throws Exception {
        List<Job> runs;
        List<String> nodesSeen = new ArrayList<>();
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Database db = Database.open(schema.url())) {
                new DemoLoader(db).load(Path.of("data/demo"));
            }
            List<RunningService> nodes = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    ClusterConfig cluster = ClusterConfig.defaults().withNodeId("node-" + i)
                            .withTimings(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5),
                                    Duration.ofSeconds(1));
                    nodes.add(RunningService.on(schema.url(), RunningService.settings(dir.resolve("web"))
                            .withRefreshEvery(EVERY).withArenaRefreshEvery(EVERY).withLimits(4, 1000, 100_000), cluster,
                            Clock.systemUTC(), db -> LiveSettings.none()));
                }
                long end = System.nanoTime() + 5_000_000_000L;
                HttpSession voter = new HttpSession(nodes.getFirst().address());
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    statuses.add(voter.post(nodes.get(i % 3).address().resolve("/api/rounds").toString(), null)
                            .statusCode());
                }
                // four rounds a minute for this voter, whichever node deals them; another voter is not held back
                assertThat(statuses).containsExactly(201, 201, 201, 201, 429, 429);
                assertThat(new HttpSession(nodes.get(2).address()).post("/api/rounds", null).statusCode()).isEqualTo(201);
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                // at least three runs to compare: the first computes every board of the demo, which takes seconds
                // on a loaded machine (the later ones find their inputs unchanged)
                long patience = System.nanoTime() + 60_000_000_000L;
                while (refreshes(nodes.getFirst().db()).size() < 3 && System.nanoTime() < patience) Thread.sleep(200);
                for (RunningService node : nodes) {
                    JsonNode health = HttpSession.json(node.newBrowser().get("/api/health"));
                    assertThat(health.get("role").asText()).isEqualTo("all");
                    nodesSeen.add(health.get("node").asText());
                }
            } finally {
                nodes.forEach(RunningService::close);
            }
            try (Database db = Database.open(schema.url())) {
                runs = refreshes(db);
            }
        }
        assertThat(nodesSeen).containsExactly("node-1", "node-2", "node-3");
        assertThat(runs).as("refreshes").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < runs.size(); i++) {
            Job before = runs.get(i - 1);
            Job next = runs.get(i);
            // a fixed delay after the previous run ended (times are stored to the millisecond; allow for clocks)
            assertThat(Duration.between(before.updatedAt(), next.createdAt()))
                    .as("gap between run %d (%s) and run %d (%s)", before.id(), before.claimedBy(), next.id(),
                            next.claimedBy())
                    .isGreaterThanOrEqualTo(EVERY.minusMillis(50));
        }
    }

    private static List<Job> refreshes(Database db) {
        return db.jobs().recent(1000).stream().filter(j -> j.kind().equals(RefreshScheduler.JOB_KIND))
                .sorted(Comparator.comparing(Job::createdAt)).toList();
    }
}
