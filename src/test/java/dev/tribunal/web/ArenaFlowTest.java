package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.SampleSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole arena through HTTP: round, vote, reveal, one vote per round, regenerate, reload. */
class ArenaFlowTest {

    @TempDir
    Path dir;

    private RunningService service;
    private HttpSession browser;

    @BeforeEach
    void start() {
        service = RunningService.start(dir);
        browser = service.newBrowser();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aRoundCanBeVotedOnceAndThenRevealsTheJudges() {
        HttpResponse<String> created = browser.post("/api/rounds", null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode round = HttpSession.json(created);
        String id = round.get("round_id").asText();
        assertThat(id).matches("[A-Za-z0-9_-]{22,}");
        assertThat(round.at("/sample/kind").asText()).isEqualTo("pair");
        var stored = service.storedRound(id);
        var sample = service.db().samples().byId(stored.sampleId()).orElseThrow();
        assertThat(round.at("/sample/input").asText()).isEqualTo(sample.input());
        assertThat(round.at("/sample/response_a").asText()).isEqualTo(sample.responseA());
        assertThat(round.at("/sample/category").asText()).isEqualTo(sample.category());
        assertThat(round.at("/judges/A/verdict").asText()).isIn("A>B", "B>A", "A=B");
        // the demo's judges wrote about "Assistant 1" and "Assistant 2"
        assertThat(round.at("/judges/B/critique").asText()).contains("Assistant");

        HttpResponse<String> voted = browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}");
        assertThat(voted.statusCode()).isEqualTo(200);
        JsonNode reveal = HttpSession.json(voted);
        assertThat(reveal.get("round_id").asText()).isEqualTo(id);
        assertThat(reveal.get("choice").asText()).isEqualTo("A");
        String judgeA = reveal.at("/judges/A/name").asText();
        String judgeB = reveal.at("/judges/B/name").asText();
        assertThat(TemplateDatabase.JUDGES).contains(judgeA, judgeB);
        assertThat(judgeA).isNotEqualTo(judgeB);
        assertThat(reveal.at("/judges/A/organisation").asText())
                .isEqualTo(TemplateDatabase.ORGANISATIONS.get(TemplateDatabase.JUDGES.indexOf(judgeA)));
        assertThat(reveal.at("/models/response_a").asText()).isEqualTo(sample.modelA());
        assertThat(reveal.at("/models/response_b").asText()).isEqualTo(sample.modelB());
        assertThat(reveal.at("/pair_stats/votes").asLong()).isZero();   // the first vote on this pair; itself excluded

        // the vote is a battle between the judges, A's judge winning
        var battles = service.db().battles();
        assertThat(battles.count(BattleFilter.of(ContestantKind.JUDGE).withSource("arena"))).isEqualTo(1);
        battles.forEachRow(BattleFilter.of(ContestantKind.JUDGE).withSource("arena"), row -> {
            assertThat(row.a()).isEqualTo(judgeA);
            assertThat(row.b()).isEqualTo(judgeB);
            assertThat(row.outcome()).isEqualTo(1.0);
            assertThat(row.voteId()).isEqualTo(id);
        });

        JsonNode again = assertProblem(browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"B\"}"), 409,
                "already has a vote");
        assertThat(again.get("type").asText()).isEqualTo("/problems/already-voted");
        assertThat(service.db().votes().count()).isEqualTo(1);

        JsonNode reloaded = HttpSession.json(browser.get("/api/rounds/" + id));
        assertThat(reloaded.get("voted").asBoolean()).isTrue();
        assertThat(reloaded.get("sample")).isEqualTo(round.get("sample"));
        assertThat(reloaded.get("judges")).isEqualTo(round.get("judges"));
        assertThat(reloaded.at("/reveal/judges")).isEqualTo(reveal.get("judges"));
        assertThat(reloaded.at("/reveal/pair_stats")).isEqualTo(reveal.get("pair_stats"));
    }

    /**
     * Issue 12 (re-check): 274 of the demo's 8,000 PRD reviews are only the class number ("1", "2"); dealt as a
     * critique they gave the voter nothing to agree with. Such evaluations stay stored but are never dealt.
     */
    @Test
    void aCritiqueWithoutWordsIsNeverDealt() {
        long wordless = 0;
        for (long sample : service.db().samples().idsWithJudges(2, List.of(SampleSource.DEMO))) {
            wordless += service.db().evaluations().forSample(sample).stream()
                    .filter(e -> !e.critique().matches("(?s).*\\p{L}.*")).count();
        }
        assertThat(wordless).as("the demo has such reviews").isGreaterThan(200);
        for (int i = 0; i < 300; i++) {
            JsonNode round = HttpSession.json(browser.post("/api/rounds", null));
            for (String side : new String[] {"A", "B"}) {
                assertThat(round.at("/judges/" + side + "/critique").asText()).as("round %d, judge %s", i, side)
                        .containsPattern("\\p{L}{2,}");
            }
        }
    }

    @Test
    void anUnvotedRoundReloadsWithoutItsJudges() {
        JsonNode round = HttpSession.json(browser.post("/api/rounds", "{}", "Content-Type", "application/json"));
        JsonNode reloaded = HttpSession.json(browser.get("/api/rounds/" + round.get("round_id").asText()));
        assertThat(reloaded.get("voted").asBoolean()).isFalse();
        assertThat(reloaded.get("reveal").isNull()).isTrue();
        assertThat(reloaded.get("judges")).isEqualTo(round.get("judges"));
        assertThat(reloaded.get("expires_at")).isEqualTo(round.get("expires_at"));
    }

    @Test
    void pairStatsCountTheOtherVotesOnTheSameJudgesOrientedToThisRound() {
        String[] choices = {"A", "B", "tie", "both_bad"};
        java.util.Random random = new java.util.Random(3);
        // per judge: votes won so far against each other judge; per pair: ties and both-bad
        java.util.Map<String, Long> wins = new java.util.HashMap<>();
        java.util.Map<Set<String>, long[]> neither = new java.util.HashMap<>();
        int repeatedPairs = 0;
        for (int i = 0; i < 60; i++) {
            String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            String choice = choices[random.nextInt(4)];
            JsonNode reveal = HttpSession.json(browser.postJson("/api/rounds/" + id + "/vote",
                    "{\"choice\":\"" + choice + "\"}"));
            String a = reveal.at("/judges/A/name").asText();
            String b = reveal.at("/judges/B/name").asText();
            long[] tieBad = neither.computeIfAbsent(Set.of(a, b), k -> new long[2]);
            JsonNode stats = reveal.get("pair_stats");
            assertThat(stats.get("a").asLong()).isEqualTo(wins.getOrDefault(a + ">" + b, 0L));
            assertThat(stats.get("b").asLong()).isEqualTo(wins.getOrDefault(b + ">" + a, 0L));
            assertThat(stats.get("tie").asLong()).isEqualTo(tieBad[0]);
            assertThat(stats.get("both_bad").asLong()).isEqualTo(tieBad[1]);
            assertThat(stats.get("votes").asLong()).isEqualTo(stats.get("a").asLong() + stats.get("b").asLong()
                    + tieBad[0] + tieBad[1]);
            if (stats.get("votes").asLong() > 0) repeatedPairs++;
            switch (choice) {
                case "A" -> wins.merge(a + ">" + b, 1L, Long::sum);
                case "B" -> wins.merge(b + ">" + a, 1L, Long::sum);
                case "tie" -> tieBad[0]++;
                default -> tieBad[1]++;
            }
        }
        assertThat(repeatedPairs).as("ten pairs of judges in 60 rounds repeat").isGreaterThan(20);
    }

    @Test
    void regenerateDealsTheSameSampleToOtherJudges() {
        JsonNode round = HttpSession.json(browser.post("/api/rounds", null));
        String id = round.get("round_id").asText();
        HttpResponse<String> response = browser.post("/api/rounds/" + id + "/regenerate", null);
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode fresh = HttpSession.json(response);
        assertThat(fresh.get("round_id").asText()).isNotEqualTo(id);
        assertThat(fresh.get("sample")).isEqualTo(round.get("sample"));

        Set<String> before = judgesOf(id);
        Set<String> after = judgesOf(fresh.get("round_id").asText());
        assertThat(after).hasSize(2).isNotEqualTo(before);
        if (!java.util.Collections.disjoint(after, before)) {
            // five judges per sample, but a critique without a word (some stored reviews are only a class number) is
            // never dealt: a judge is shown again only when the sample has fewer than four worth showing
            Set<String> seen = new java.util.HashSet<>(before);
            String last = fresh.get("round_id").asText();
            for (int i = 0; i < 20; i++) {
                last = HttpSession.json(browser.post("/api/rounds/" + last + "/regenerate", null)).get("round_id")
                        .asText();
                seen.addAll(judgesOf(last));
            }
            assertThat(seen).as("judges with a critique of this sample").hasSizeLessThan(4);
        }
    }

    @Test
    void anotherBrowserCannotVoteOnMyRound() {
        String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
        HttpSession stranger = service.newBrowser();
        assertProblem(stranger.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}"), 403, "another browser");
        assertThat(service.db().votes().count()).isZero();
    }

    @Test
    void unknownRoundsAreProblems() {
        assertProblem(browser.postJson("/api/rounds/AAAAAAAAAAAAAAAAAAAAAAAA/vote", "{\"choice\":\"A\"}"), 404, "no round");
        assertProblem(browser.get("/api/rounds/AAAAAAAAAAAAAAAAAAAAAAAA"), 404, "no round");
        assertProblem(browser.get("/api/rounds/not%20an%20id"), 404, "no round");
        assertProblem(browser.post("/api/rounds/AAAAAAAAAAAAAAAAAAAAAAAA/regenerate", null), 404, "no round");
    }

    /** The judges of a round, read from the store (the API would not say before the vote). */
    private Set<String> judgesOf(String roundId) {
        var round = service.storedRound(roundId);
        Set<String> names = new HashSet<>();
        for (long evalId : new long[] {round.evalAId(), round.evalBId()}) {
            long judgeId = service.db().evaluations().byId(evalId).orElseThrow().judgeId();
            names.add(service.db().contestants().byId(judgeId).orElseThrow().name());
        }
        return names;
    }
}
