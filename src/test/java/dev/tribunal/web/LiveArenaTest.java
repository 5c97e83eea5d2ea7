package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.ParseStatus;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arena with live LLM judges (an OpenAI-compatible stub server) through HTTP, on a real SQLite store. */
class LiveArenaTest extends LiveServiceTest {

    private static final String PAIR = """
            {"input": "What is the capital of Australia?", "response_a": "Canberra.",
             "response_b": "Sydney, the largest city.", "reference": "Canberra"}""";

    private HttpSession start(double liveShare, String... names) {
        return start(new StubJudges(names), liveShare);
    }

    @Test
    void aSubmittedSampleIsJudgedByTwoLiveJudgesInParallelThenVotedAndRevealed() {
        HttpSession browser = start(0.3, "alice", "bob");
        long samplesBefore = service.db().samples().count();

        HttpResponse<String> created = browser.postJson("/api/samples", PAIR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode round = HttpSession.json(created);
        String id = round.get("round_id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/rounds/" + id);
        assertThat(round.at("/sample/input").asText()).isEqualTo("What is the capital of Australia?");
        assertThat(round.at("/sample/response_b").asText()).isEqualTo("Sydney, the largest city.");
        assertThat(round.at("/sample/reference").asText()).isEqualTo("Canberra");
        assertThat(Set.of(round.at("/judges/A/critique").asText(), round.at("/judges/B/critique").asText()))
                .isEqualTo(Set.of(StubJudges.critiqueBy("alice"), StubJudges.critiqueBy("bob")));
        assertThat(round.at("/judges/A/verdict").asText()).isEqualTo("A>B");
        // anonymous until the vote: the critiques name the stub's models, but no judge name or organisation is sent
        assertThat(created.body()).doesNotContain("alice-judge", "bob-judge", "Alice Judge", "Bob Judge", "Labs");
        assertThat(judges.server().requests()).isEqualTo(2);
        assertThat(judges.server().maxInFlight()).as("both judges asked at once").isEqualTo(2);
        assertThat(judges.server().credentials()).containsOnly("Bearer " + StubJudges.API_KEY);

        JsonNode reveal = HttpSession.json(browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}"));
        assertThat(Set.of(reveal.at("/judges/A/name").asText(), reveal.at("/judges/B/name").asText()))
                .isEqualTo(Set.of("alice-judge", "bob-judge"));
        String judgeA = reveal.at("/judges/A/name").asText();
        String title = judgeA.startsWith("alice") ? "Alice" : "Bob";
        assertThat(reveal.at("/judges/A/display_name").asText()).isEqualTo(title + " Judge");
        assertThat(reveal.at("/judges/A/organisation").asText()).isEqualTo(title + " Labs");
        assertThat(round.at("/judges/A/critique").asText()).isEqualTo(StubJudges.critiqueBy(title.toLowerCase()));

        // stored: the sample (custom, the submitter as the voter hash only), both evaluations with their figures
        assertThat(service.db().samples().count()).isEqualTo(samplesBefore + 1);
        var stored = service.storedRound(id);
        Sample sample = service.db().samples().byId(stored.sampleId()).orElseThrow();
        assertThat(sample.source()).isEqualTo(SampleSource.CUSTOM);
        assertThat(sample.submitterHash()).isEqualTo(RunningService.voterHash(browser));
        assertThat(sample.reference()).isEqualTo("Canberra");
        List<Evaluation> evaluations = service.db().evaluations().forSample(sample.id());
        assertThat(evaluations).hasSize(2).allSatisfy(e -> {
            assertThat(e.parseStatus()).isEqualTo(ParseStatus.OK);
            assertThat(e.verdict()).isEqualTo("A>B");
            assertThat(e.promptVersion()).isEqualTo("pairwise-v1");
            assertThat(e.requestKey()).hasSize(64);
            assertThat(e.rawOutput()).contains("\"verdict\":\"A>B\"");
            assertThat(e.latencyMs()).isGreaterThanOrEqualTo(150);
            assertThat(e.inputTokens()).isPositive();
            assertThat(e.outputTokens()).isPositive();
            // price 1 per million input tokens, 2 per million output tokens
            assertThat(e.cost()).isEqualTo((e.inputTokens() * 1.0 + e.outputTokens() * 2.0) / 1e6);
        });
        assertThat(Set.of(stored.evalAId(), stored.evalBId()))
                .isEqualTo(Set.of(evaluations.get(0).id(), evaluations.get(1).id()));
        assertThat(service.db().contestants().find(ContestantKind.JUDGE, "alice-judge").orElseThrow().organisation())
                .isEqualTo("Alice Labs");
    }

    @Test
    void aSingleResponseIsGradedWithScores() {
        HttpSession browser = start(0.3, "alice", "bob");
        HttpResponse<String> created = browser.postJson("/api/samples", """
                {"input": "Say hello.", "response": "Hello!", "rubric": "Is it friendly?"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode round = HttpSession.json(created);
        assertThat(round.at("/sample/kind").asText()).isEqualTo("single");
        assertThat(round.at("/judges/A/score").asInt()).isEqualTo(4);
        assertThat(round.at("/judges/B/score").asInt()).isEqualTo(4);
        assertThat(judges.server().bodies()).allSatisfy(b -> assertThat(b.toString()).contains("Is it friendly?"));
    }

    @Test
    void withoutLiveJudgesASubmissionIsA503SayingHowToAddThem() throws Exception {
        service = RunningService.start(Files.createDirectories(dir.resolve("without")));
        HttpSession browser = service.newBrowser();
        long before = service.db().samples().count();
        JsonNode problem = assertProblem(browser.postJson("/api/samples", PAIR), 503, "no live judges");
        assertThat(problem.get("type").asText()).isEqualTo("/problems/no-live-judges");
        assertThat(problem.get("detail").asText()).contains("llm.endpoints", "llm.judges", "config/tribunal.yaml",
                "config/examples/");
        assertThat(service.db().samples().count()).isEqualTo(before);
        // one judge is not enough either
        service.close();
        service = null;
        HttpSession lonely = start(0.3, "alice");
        assertProblem(lonely.postJson("/api/samples", PAIR), 503, "no live judges");
        assertThat(judges.server().requests()).isZero();
    }

    @Test
    void everyBadFieldIsA400NamingItAndNothingIsStoredOrAsked() {
        HttpSession browser = start(0.3, "alice", "bob");
        long before = service.db().samples().count();
        String longText = "x".repeat(8_001);
        record Bad(String body, String detail) {
        }
        List<Bad> bad = List.of(
                new Bad("{\"response\": \"r\"}", "Missing field 'input'"),
                new Bad("{\"input\": \"i\"}", "Missing field 'response'"),
                new Bad("{\"input\": \"i\", \"response\": \"r\", \"response_a\": \"a\", \"response_b\": \"b\"}",
                        "either 'response'"),
                new Bad("{\"input\": \"i\", \"response_a\": \"a\"}", "Missing field 'response_b'"),
                new Bad("{\"input\": \"i\", \"response_b\": \"b\"}", "Missing field 'response_a'"),
                new Bad("{\"input\": \"" + longText + "\", \"response\": \"r\"}", "Field 'input' has 8001 characters"),
                new Bad("{\"input\": \"i\", \"response\": \"" + "y".repeat(16_001) + "\"}", "Field 'response' has"),
                new Bad("{\"input\": \"i\", \"response\": \"r\", \"rubric\": \"" + longText + "\"}", "Field 'rubric'"),
                new Bad("{\"input\": \"i\", \"response\": \"r\", \"reference\": 5}", "Field 'reference' must be a string"),
                new Bad("{\"input\": \"   \", \"response\": \"r\"}", "Field 'input' is empty"),
                new Bad("{\"input\": \"i\", \"response\": \"r\", \"model\": \"gpt\"}", "Unknown field 'model'"),
                new Bad("[1]", "must be a JSON object"));
        for (Bad b : bad) {
            JsonNode problem = assertProblem(browser.postJson("/api/samples", b.body()), 400, b.detail());
            assertThat(problem.get("type").asText()).isEqualTo("/problems/invalid-request");
        }
        assertThat(service.db().samples().count()).isEqualTo(before);
        assertThat(judges.server().requests()).isZero();
    }

    @Test
    void anUnparseableReplyIsStoredAsSuchAndShownAsItCame() {
        String mumble = "I would rather not pick one; both have merits.";
        HttpSession browser = start(0.3, "alice", "mumble");
        judges.answer("mumble", body -> StubReply.text(mumble));
        JsonNode round = HttpSession.json(browser.postJson("/api/samples", PAIR));
        JsonNode shown = round.at("/judges/A/critique").asText().equals(mumble) ? round.at("/judges/A")
                : round.at("/judges/B");
        assertThat(shown.get("critique").asText()).isEqualTo(mumble);
        assertThat(shown.get("verdict").isNull()).isTrue();
        assertThat(judges.server().requests()).as("one retry for the unparseable reply").isEqualTo(3);

        var stored = service.storedRound(round.get("round_id").asText());
        List<Evaluation> evaluations = service.db().evaluations().forSample(stored.sampleId());
        Evaluation bad = evaluations.stream().filter(e -> e.parseStatus() == ParseStatus.UNPARSEABLE).findFirst()
                .orElseThrow();
        assertThat(bad.verdict()).isNull();
        assertThat(bad.rawOutput()).isEqualTo(mumble);
        assertThat(bad.critique()).isEqualTo(mumble);
        // a vote on it counts against that judge like any other
        JsonNode reveal = HttpSession.json(browser.postJson("/api/rounds/" + round.get("round_id").asText() + "/vote",
                "{\"choice\":\"" + (shown == round.at("/judges/A") ? "B" : "A") + "\"}"));
        assertThat(reveal.get("choice").asText()).isIn("A", "B");
    }

    @Test
    void aFailingProviderIsReplacedByAnotherJudgeAndWithNoneLeftNothingIsStored() throws Exception {
        String echo = "upstream exploded while using key " + StubJudges.API_KEY;
        HttpSession browser = start(0.3, "alice", "broken", "carol");
        judges.answer("broken", body -> StubReply.status(500, echo));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> bodies = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> created = browser.postJson("/api/samples", PAIR);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                bodies.add(created.body());
                JsonNode reveal = HttpSession.json(browser.postJson(
                        "/api/rounds/" + HttpSession.json(created).get("round_id").asText() + "/vote",
                        "{\"choice\":\"tie\"}"));
                assertThat(Set.of(reveal.at("/judges/A/name").asText(), reveal.at("/judges/B/name").asText()))
                        .isEqualTo(Set.of("alice-judge", "carol-judge"));
            }
            assertThat(judges.server().bodies()).anySatisfy(b -> assertThat(b.path("model").asText())
                    .isEqualTo("broken-model"));   // with 6 draws of 2 from 3, broken was asked (p = 1 - (1/3)^6)

            judges.answer("alice", body -> StubReply.status(503, echo));
            judges.answer("carol", body -> StubReply.status(500, echo));
            long before = service.db().samples().count();
            long evaluationsBefore = service.db().evaluations().count();
            // a new sample (the same one again would be answered from the gateway's cache)
            JsonNode problem = assertProblem(browser.postJson("/api/samples", PAIR.replace("Australia", "Canada")), 502,
                    "nothing was stored");
            assertThat(problem.get("type").asText()).isEqualTo("/problems/judges-failed");
            bodies.add(problem.toString());
            assertThat(service.db().samples().count()).isEqualTo(before);
            assertThat(service.db().evaluations().count()).isEqualTo(evaluationsBefore);
        } finally {
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture saw the failures").contains("live judge failed");
        assertThat(logs).doesNotContain(StubJudges.API_KEY);
        assertThat(String.join("\n", bodies)).doesNotContain(StubJudges.API_KEY);
    }

    @Test
    void regeneratingALiveSampleHasTwoOtherLiveJudgesEvaluateItNow() {
        HttpSession browser = start(0.3, "alice", "bob", "carol", "dave");
        JsonNode first = HttpSession.json(browser.postJson("/api/samples", PAIR));
        String id = first.get("round_id").asText();
        assertThat(judges.server().requests()).isEqualTo(2);

        HttpResponse<String> regenerated = browser.post("/api/rounds/" + id + "/regenerate", null);
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(201);
        assertThat(judges.server().requests()).as("two more judges asked now").isEqualTo(4);
        JsonNode second = HttpSession.json(regenerated);
        assertThat(second.at("/sample/input").asText()).isEqualTo(first.at("/sample/input").asText());

        Set<String> firstJudges = revealedJudges(browser, id);
        Set<String> secondJudges = revealedJudges(browser, second.get("round_id").asText());
        Set<String> all = new HashSet<>(firstJudges);
        all.addAll(secondJudges);
        assertThat(all).containsExactlyInAnyOrder("alice-judge", "bob-judge", "carol-judge", "dave-judge");
        var stored = service.storedRound(id);
        assertThat(service.db().evaluations().forSample(stored.sampleId())).hasSize(4);
    }

    @Test
    void liveShareOneAlwaysDealsALiveSampleOnceThereIsOne() {
        HttpSession browser = start(1.0, "alice", "bob");
        browser.postJson("/api/samples", PAIR);
        for (int i = 0; i < 15; i++) {
            JsonNode round = HttpSession.json(browser.post("/api/rounds", null));
            assertThat(round.at("/sample/input").asText()).isEqualTo("What is the capital of Australia?");
        }
    }

    @Test
    void liveShareZeroKeepsDealingTheDemo() {
        HttpSession browser = start(0.0, "alice", "bob");
        browser.postJson("/api/samples", PAIR);
        for (int i = 0; i < 15; i++) {
            JsonNode round = HttpSession.json(browser.post("/api/rounds", null));
            assertThat(round.at("/sample/input").asText()).isNotEqualTo("What is the capital of Australia?");
        }
    }

    @Test
    void theApiKeyIsInNoResponseAndNowhereInTheDatabase() throws Exception {
        HttpSession browser = start(0.3, "alice", "bob");
        HttpResponse<String> created = browser.postJson("/api/samples", PAIR);
        String id = HttpSession.json(created).get("round_id").asText();
        HttpResponse<String> voted = browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"B\"}");
        HttpResponse<String> export = browser.get("/api/export/votes");
        assertThat(judges.server().credentials()).containsOnly("Bearer " + StubJudges.API_KEY);
        for (HttpResponse<String> r : List.of(created, voted, export, browser.get("/api/rounds/" + id))) {
            assertThat(r.body()).doesNotContain(StubJudges.API_KEY);
        }
        service.storedRound(id);
        service.close();
        service = null;
        for (Path file : Files.list(dir).filter(f -> f.getFileName().toString().contains(".db")).toList()) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain(StubJudges.API_KEY).contains("What is the capital of Australia?");
        }
    }

    private static Set<String> revealedJudges(HttpSession browser, String roundId) {
        JsonNode reveal = HttpSession.json(browser.postJson("/api/rounds/" + roundId + "/vote", "{\"choice\":\"tie\"}"));
        return Set.of(reveal.at("/judges/A/name").asText(), reveal.at("/judges/B/name").asText());
    }
}
