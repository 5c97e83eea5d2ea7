package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.BrowseDao;
import dev.tribunal.store.Contestant;
import dev.tribunal.store.ContestantKind;
import dev.tribunal.store.Database;
import dev.tribunal.store.Evaluation;
import dev.tribunal.store.Sample;
import dev.tribunal.store.SampleSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browse API through real HTTP on a real SQLite database: JSON shape, filters, paging, bad parameters. */
class BrowseRoutesTest {

    @TempDir
    Path dir;

    private Database db;
    private WebServer server;
    private HttpSession http;

    @BeforeEach
    void start() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        Contestant judge = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "gpt-4o", null, "OpenAI", null));
        for (int i = 1; i <= 3; i++) {
            Sample s = db.samples().insert(Sample.pair("Question " + i, "answer a" + i, "answer b" + i, "mistral",
                    "claude", SampleSource.DEMO, i == 3 ? "math" : "writing"));
            db.evaluations().insert(Evaluation.verdict(s.id(), judge.id(), "A>B", "A is **better** " + i, "v1"));
        }
        db.samples().insert(Sample.single("Just one", "the response", "qwen", SampleSource.CUSTOM, null));
        server = new WebServer(new WebSettings("127.0.0.1", 0, 10_000, dir.resolve("no-web"), false), ApiJson.mapper(),
                List.of(new BrowseRoutes(new BrowseDao(db)))).start();
        http = new HttpSession(server.address());
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    @Test
    void listsSamplesNewestFirstWithEvaluationsVotesAndModels() {
        HttpResponse<String> response = http.get("/api/samples?size=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode page = HttpSession.json(response);
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        JsonNode single = page.get("items").get(0);
        assertThat(single.get("kind").asText()).isEqualTo("single");
        assertThat(single.get("response").asText()).isEqualTo("the response");
        assertThat(single.get("models").get("response").asText()).isEqualTo("qwen");
        assertThat(single.get("source").asText()).isEqualTo("custom");
        assertThat(single.get("evaluations")).isEmpty();
        JsonNode pair = page.get("items").get(1);
        assertThat(pair.get("input").asText()).isEqualTo("Question 3");
        assertThat(pair.get("response_a").asText()).isEqualTo("answer a3");
        assertThat(pair.get("models").get("response_b").asText()).isEqualTo("claude");
        JsonNode evaluation = pair.get("evaluations").get(0);
        assertThat(evaluation.get("judge").asText()).isEqualTo("gpt-4o");
        assertThat(evaluation.get("organisation").asText()).isEqualTo("OpenAI");
        assertThat(evaluation.get("verdict").asText()).isEqualTo("A>B");
        assertThat(evaluation.get("critique").asText()).isEqualTo("A is **better** 3");
        assertThat(evaluation.get("status").asText()).isEqualTo("ok");
        assertThat(evaluation.get("anonymous").asBoolean()).isFalse();
        assertThat(evaluation.get("votes").get("rounds").asLong()).isZero();
        assertThat(pair.get("votes").asLong()).isZero();
        assertThat(evaluation.get("votes").has("both_bad")).isTrue();

        JsonNode second = HttpSession.json(http.get("/api/samples?size=2&page=2"));
        assertThat(second.get("items")).extracting(n -> n.get("input").asText()).containsExactly("Question 2", "Question 1");
    }

    @Test
    void filtersAndListsFacets() {
        JsonNode math = HttpSession.json(http.get("/api/samples?category=math&judge=gpt-4o&model=mistral&q=QUESTION"));
        assertThat(math.get("total").asLong()).isEqualTo(1);
        assertThat(math.get("items").get(0).get("input").asText()).isEqualTo("Question 3");
        assertThat(HttpSession.json(http.get("/api/samples?q=%2A%2Abetter%2A%2A%202")).get("total").asLong()).isEqualTo(1);

        JsonNode facets = HttpSession.json(http.get("/api/browse/facets"));
        assertThat(facets.get("judges")).extracting(n -> n.get("name").asText()).containsExactly("gpt-4o");
        assertThat(facets.get("judges").get(0).get("display_name").asText()).isEqualTo("gpt-4o");
        assertThat(facets.get("models")).extracting(n -> n.get("name").asText()).containsExactly("claude", "mistral", "qwen");
        assertThat(facets.get("categories")).extracting(JsonNode::asText).containsExactly("math", "writing");
        assertThat(HttpSession.json(http.get("/api/questions")).get("total").asLong()).isZero();
    }

    @Test
    void badPagingOrFiltersAreProblemsNamingTheParameter() {
        assertProblem(http.get("/api/samples?page=0"), 400, "'page'");
        assertProblem(http.get("/api/samples?page=two"), 400, "'page'");
        assertProblem(http.get("/api/samples?size=51"), 400, "'size' must be a whole number from 1 to 50");
        assertProblem(http.get("/api/questions?size=-1"), 400, "'size'");
        assertProblem(http.get("/api/samples?q=" + "x".repeat(201)), 400, "'q'");
    }

    @Test
    void aSearchOverItsBudgetIsStoppedWithAProblemInOurWords() {
        List<Sample> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(Sample.pair("Filler question " + i, "a", "b", "m1", "m2", SampleSource.DEMO, null)
                    .withExternalKey("filler-" + i));
        }
        db.samples().insertAllIfAbsent(many);
        try (WebServer tight = new WebServer(new WebSettings("127.0.0.1", 0, 10_000, dir.resolve("no-web"), false),
                ApiJson.mapper(), List.of(new BrowseRoutes(new BrowseDao(db, java.time.Duration.ofNanos(1)),
                new QueryLimits(java.time.Duration.ofNanos(1), 2, 1)))).start()) {
            HttpResponse<String> response = new HttpSession(tight.address()).get("/api/samples?q=nowhere");
            JsonNode problem = assertProblem(response, 503, "narrow it");
            assertThat(problem.get("type").asText()).isEqualTo("/problems/search-too-long");
            assertThat(response.body()).doesNotContainIgnoringCase("sqlite").doesNotContainIgnoringCase("interrupt")
                    .doesNotContainIgnoringCase("exception");
        }
        // the connections stay usable for requests within their budget
        assertThat(HttpSession.json(http.get("/api/samples?q=answer%20a3")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void controlCharactersInFiltersAreProblemsNamingTheParameter() {
        // q=%00 used to match every sample
        assertProblem(http.get("/api/samples?q=%00"), 400, "'q' must not contain control characters");
        assertProblem(http.get("/api/samples?q=better%0A3"), 400, "'q'");
        assertProblem(http.get("/api/samples?judge=gpt-4o%01"), 400, "'judge'");
        assertProblem(http.get("/api/samples?model=%7F"), 400, "'model'");
        assertProblem(http.get("/api/questions?category=math%1F"), 400, "'category'");
        assertThat(HttpSession.json(http.get("/api/samples?q=Question%203")).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void critiquesTheArenaCanDealAreShownWithoutTheirJudgeOrTheirOwnVotes() {
        Contestant second = db.contestants().insert(Contestant.of(ContestantKind.JUDGE, "bard", null, "Google", null));
        long questionOne = HttpSession.json(http.get("/api/samples?q=Question%201")).at("/items/0/id").asLong();
        db.evaluations().insert(Evaluation.verdict(questionOne, second.id(), "B>A", "B is fine", "v1"));

        JsonNode sample = HttpSession.json(http.get("/api/samples?q=Question%201")).at("/items/0");
        assertThat(sample.get("votes").asLong()).isZero();
        assertThat(sample.get("evaluations")).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("anonymous").asBoolean()).isTrue();
            assertThat(e.get("judge").isNull()).isTrue();
            assertThat(e.get("organisation").isNull()).isTrue();
            assertThat(e.get("votes").isNull()).isTrue();
            assertThat(e.get("critique").asText()).isNotBlank();
        });
        assertThat(HttpSession.json(http.get("/api/samples?judge=bard")).get("total").asLong()).isZero();
        JsonNode retired = HttpSession.json(http.get("/api/samples?q=Question%202")).at("/items/0/evaluations/0");
        assertThat(retired.get("anonymous").asBoolean()).isFalse();
        assertThat(retired.get("judge").asText()).isEqualTo("gpt-4o");
    }
}
