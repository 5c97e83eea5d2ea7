package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Round;
import dev.tribunal.store.SampleSource;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 3: browse requests must not freeze the server. Over 50,000 rounds waiting for their vote, more
 * browse floods than the machine has cores search the whole store over and over, while health, a new round, a
 * vote and the leaderboard must still answer — within a generous deadline that a frozen server misses (this is
 * not a speed test: on a healthy server they answer in milliseconds). Floods get their pages or a 503 problem.
 */
class NoStarvationTest {

    /** Far above a healthy answer, far below "stopped for minutes". */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void healthVotesAndLeaderboardsAnswerWhileBrowseIsFlooded() throws Exception {
        try (RunningService service = RunningService.start(dir)) {
            addUnvotedRounds(service.db(), 50_000);
            int floods = Runtime.getRuntime().availableProcessors() * 2 + 2;
            AtomicBoolean flooding = new AtomicBoolean(true);
            Map<Integer, Integer> floodStatuses = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < floods; i++) {
                HttpSession flood = service.newBrowser();
                threads.add(Thread.ofPlatform().daemon().start(() -> {
                    while (flooding.get()) {
                        try {
                            // words found nowhere: every sample's texts and critiques are read
                            HttpResponse<String> r = flood.send(flood.builder(
                                    "/api/samples?size=50&q=no%20such%20words%20anywhere").build());
                            floodStatuses.merge(r.statusCode(), 1, Integer::sum);
                        } catch (RuntimeException e) {
                            floodStatuses.merge(-1, 1, Integer::sum);
                        }
                    }
                }));
            }
            try {
                Thread.sleep(1_000);   // let the floods fill the server
                HttpSession visitor = service.newBrowser();
                for (int i = 0; i < 3; i++) {
                    assertThat(withinDeadline(visitor, "/api/health", null).statusCode()).isEqualTo(200);
                    HttpResponse<String> round = withinDeadline(visitor, "/api/rounds", "");
                    assertThat(round.statusCode()).isEqualTo(201);
                    String id = HttpSession.json(round).get("round_id").asText();
                    assertThat(withinDeadline(visitor, "/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}")
                            .statusCode()).isEqualTo(200);
                    assertThat(withinDeadline(visitor, "/api/leaderboards/judges", null).statusCode()).isEqualTo(200);
                }
            } finally {
                flooding.set(false);
                for (Thread t : threads) t.join(60_000);
            }
            // each flood request got its page, or a problem saying the server is busy: nothing else
            assertThat(floodStatuses.keySet()).isSubsetOf(200, 503);
            assertThat(floodStatuses.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        }
    }

    private static HttpResponse<String> withinDeadline(HttpSession http, String path, String jsonBody) {
        var builder = http.builder(path).timeout(DEADLINE);
        if (jsonBody != null) {
            builder.header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            return http.send(builder.build());
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new AssertionError(path + " did not answer within " + DEADLINE + " during the browse flood");
            }
            throw e;
        }
    }

    /**
     * Unvoted rounds that stay open for the whole test, on a few of the demo's samples: the other samples have no
     * open round, which is what made every browse read all of the rounds once per sample.
     */
    private static void addUnvotedRounds(Database db, int count) {
        List<long[]> pairs = new ArrayList<>();
        for (var sample : db.samples().list(null, SampleSource.DEMO, 0, 10_000)) {
            List<Evaluation> evaluations = db.evaluations().forSample(sample.id());
            if (evaluations.size() >= 2 && pairs.size() < 10) {
                pairs.add(new long[] {sample.id(), evaluations.get(0).id(), evaluations.get(1).id()});
            }
        }
        assertThat(pairs).isNotEmpty();
        Instant now = Instant.now();
        List<Round> rounds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long[] p = pairs.get(i % pairs.size());
            rounds.add(new Round("flood-" + i, p[0], p[1], p[2], "voter", now, now.plus(Duration.ofHours(2))));
        }
        db.rounds().insertAll(rounds);
    }
}
