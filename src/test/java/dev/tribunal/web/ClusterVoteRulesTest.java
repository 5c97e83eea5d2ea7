package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.arena.VoteRules;
import dev.tribunal.imports.DemoLoader;
import dev.tribunal.store.Database;
import dev.tribunal.store.PostgresSchema;
import dev.tribunal.store.VoteFlag;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database (skipped without one unless CI=true), each keeping its voters' vote times
 * and the rounds it dealt in memory: the daily cap counts the votes taken on the other node, and the dealer's copy
 * of a round another node voted on does not let a second vote in.
 */
class ClusterVoteRulesTest {

    private static final int CAP = 3;

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
        ServiceSettings settings = RunningService.settings(dir.resolve("no-web"))
                .withVoteRules(new VoteRules(Duration.ZERO, CAP, 20, 0, false));
        for (int i = 0; i < 2; i++) nodes.add(RunningService.on(schema.url(), settings, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        nodes.forEach(RunningService::close);
        if (schema != null) schema.close();
    }

    @Test
    void theDailyCapCountsTheVotesTakenOnOtherNodes() {
        HttpSession browser = new HttpSession(nodes.get(0).address());
        String first = vote(browser, 0);   // node 0 now keeps this voter's vote times
        String second = vote(browser, 1);
        String third = vote(browser, 1);
        String fourth = vote(browser, 0);   // node 0 tops its copy up with the two votes node 1 took
        String fifth = vote(browser, 1);

        Database db = nodes.get(0).db();
        for (String counted : List.of(first, second, third)) {
            assertThat(db.votes().byRound(counted).orElseThrow().flag()).isNull();
        }
        for (String capped : List.of(fourth, fifth)) {
            assertThat(db.votes().byRound(capped).orElseThrow().flag()).isEqualTo(VoteFlag.DAILY_CAP);
        }
    }

    @Test
    void aRoundVotedOnAnotherNodeIsRefusedByItsDealer() {
        HttpSession browser = new HttpSession(nodes.get(0).address());
        String id = HttpSession.json(browser.post(on(0, "/api/rounds"), null)).get("round_id").asText();
        assertThat(browser.postJson(on(1, "/api/rounds/" + id + "/vote"), "{\"choice\":\"A\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> again = browser.postJson(on(0, "/api/rounds/" + id + "/vote"), "{\"choice\":\"B\"}");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(HttpSession.json(browser.get(on(0, "/api/rounds/" + id))).get("voted").asBoolean()).isTrue();
        assertThat(nodes.get(0).db().votes().byRound(id).orElseThrow().choice().code()).isEqualTo("A");
    }

    /** A round dealt and voted on one node; returns its id. */
    private static String vote(HttpSession browser, int node) {
        String id = HttpSession.json(browser.post(on(node, "/api/rounds"), null)).get("round_id").asText();
        HttpResponse<String> voted = browser.postJson(on(node, "/api/rounds/" + id + "/vote"), "{\"choice\":\"tie\"}");
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);
        return id;
    }

    private static String on(int node, String path) {
        return nodes.get(node).address().resolve(path).toString();
    }
}
