package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.arena.StoredRounds;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.PostgresSchema;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in one JVM on one PostgreSQL database (skipped without one unless CI=true): any node serves any
 * request of the arena.
 */
class ClusterArenaTest {

    private static final int NODES = 3;

    @TempDir
    static Path dir;

    private static PostgresSchema schema;
    private static final List<RunningService> nodes = new ArrayList<>();

    @BeforeAll
    static void start() {
        schema = PostgresSchema.create();
        try (Database db = Database.open(schema.url())) {
            new DemoLoader(db).load(Path.of("data/demo"));
        }
        for (int i = 0; i < NODES; i++) {
            nodes.add(RunningService.on(schema.url(), RunningService.settings(dir.resolve("no-web")), Clock.systemUTC()));
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(RunningService::close);
        if (schema != null) schema.close();
    }

    private static String on(int node, String path) {
        URI base = nodes.get(node).address();
        return base.resolve(path).toString();
    }

    @Test
    void aRoundDealtOnOneNodeIsVotedOnAnotherAtOnce() {
        HttpSession browser = new HttpSession(nodes.get(0).address());
        HttpResponse<String> dealt = browser.post(on(0, "/api/rounds"), null);
        assertThat(dealt.statusCode()).isEqualTo(201);
        String id = HttpSession.json(dealt).get("round_id").asText();

        HttpResponse<String> voted = browser.postJson(on(1, "/api/rounds/" + id + "/vote"), "{\"choice\":\"A\"}");

        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        assertThat(nodes.get(2).db().votes().byRound(id)).isPresent();
        // the third node sees the vote too: a second vote is refused, and the round shows as voted
        assertThat(browser.postJson(on(2, "/api/rounds/" + id + "/vote"), "{\"choice\":\"B\"}").statusCode())
                .isEqualTo(409);
        assertThat(HttpSession.json(browser.get(on(2, "/api/rounds/" + id))).get("voted").asBoolean()).isTrue();
    }

    @Test
    void theOtherVotesOnAPairIncludeThoseTakenByOtherNodes() throws InterruptedException {
        HttpSession browser = new HttpSession(nodes.get(0).address());
        // ties on the first two nodes
        Map<String, Integer> ties = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            JsonNode reveal = tie(browser, i % 2, (i + 1) % 2);
            ties.merge(pair(reveal), 1, Integer::sum);
        }
        // a node shows other nodes' votes once its copy of a pair's tally is older than that (shown for interest only)
        Thread.sleep(StoredRounds.SHARED_TALLY_AGE_MS + 100);
        // the third node counts them among the others when the pair comes up there
        for (int i = 0; i < 200; i++) {
            JsonNode reveal = tie(browser, 2, 2);
            Integer before = ties.get(pair(reveal));
            if (before != null) {
                assertThat(reveal.at("/pair_stats/tie").asLong()).isGreaterThanOrEqualTo(before);
                return;
            }
        }
        throw new AssertionError("no pair of the first votes came up again");
    }

    private static JsonNode tie(HttpSession browser, int dealer, int taker) {
        String id = HttpSession.json(browser.post(on(dealer, "/api/rounds"), null)).get("round_id").asText();
        return HttpSession.json(browser.postJson(on(taker, "/api/rounds/" + id + "/vote"), "{\"choice\":\"tie\"}"));
    }

    private static String pair(JsonNode reveal) {
        String a = reveal.at("/judges/A/name").asText();
        String b = reveal.at("/judges/B/name").asText();
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    @Test
    void votesSpreadOverAllNodesUnderLoadAreAllStored() throws Exception {
        int voters = 24;
        int votesEach = 10;
        AtomicInteger acknowledged = new AtomicInteger();
        ConcurrentHashMap<String, Boolean> ids = new ConcurrentHashMap<>();
        int[] perNode = new int[NODES];
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<?>> all = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                int voter = v;
                all.add(pool.submit(() -> {
                    HttpSession browser = new HttpSession(nodes.get(0).address());
                    for (int i = 0; i < votesEach; i++) {
                        int dealer = (voter + i) % NODES;
                        int taker = (dealer + 1 + i % 2) % NODES;
                        HttpResponse<String> dealt = browser.post(on(dealer, "/api/rounds"), null);
                        assertThat(dealt.statusCode()).as(dealt.body()).isEqualTo(201);
                        String id = HttpSession.json(dealt).get("round_id").asText();
                        HttpResponse<String> voted = browser.postJson(on(taker, "/api/rounds/" + id + "/vote"),
                                "{\"choice\":\"B\"}");
                        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
                        acknowledged.incrementAndGet();
                        ids.put(id, true);
                        synchronized (perNode) {
                            perNode[taker]++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        }
        assertThat(acknowledged.get()).isEqualTo(voters * votesEach);
        assertThat(java.util.Arrays.stream(perNode).min().orElseThrow()).as("votes taken by the least used node")
                .isGreaterThan(voters * votesEach / (2 * NODES));
        Database db = nodes.get(0).db();
        assertThat(ids.keySet()).allSatisfy(id -> assertThat(db.votes().byRound(id)).isPresent());
    }
}
