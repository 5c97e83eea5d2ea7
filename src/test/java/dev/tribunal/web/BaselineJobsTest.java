package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.baseline.BenchStub;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.llm.Yaml;
import dev.tribunal.store.BenchRun;
import dev.tribunal.store.BenchRunDao;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline benchmark as a server job, end to end on the stub provider: three models of known quality against a
 * baseline, a fair judge and one with a position bias; started, followed and stopped over the API; the boards on the
 * models board; the comparisons, judged by both judges, dealt as arena rounds; and none of their judges named by
 * anything public before the vote.
 */
class BaselineJobsTest {

    private static final String SET = "arena-hard-v0.1";
    private static final int QUESTIONS = 6;
    private static final String AUTH = "Bearer " + RunningService.ADMIN_TOKEN;
    /** 6 questions x 4 models answering, then 6 x 3 models x 2 judges x 2 games. */
    private static final int CALLS = QUESTIONS * 4 + QUESTIONS * 3 * 2 * 2;

    @TempDir
    Path dir;
    private BenchStub stub;
    private LlmConfig llm;
    private final List<LlmGateway> gateways = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = new BenchStub();
        llm = Yaml.llmConfig(Files.readString(stub.config(dir, 8)));
    }

    @AfterEach
    void stop() {
        gateways.forEach(LlmGateway::close);
        stub.close();
    }

    private RunningService service() {
        return RunningService.on("jdbc:sqlite:" + dir.resolve("jobs.db"), RunningService.settings(dir.resolve("no-web")),
                Clock.systemUTC(), db -> {
                    LlmGateway gateway = new LlmGateway(llm, new LlmCallDao(db));
                    gateways.add(gateway);
                    return LiveSettings.none().withGateway(gateway);
                });
    }

    private static String job(int limit) {
        return "{\"questions\": \"" + SET + "\", \"limit\": " + limit + ", \"baseline\": \"baseline\", "
                + "\"models\": [\"strong\", \"medium\", \"weak\"], \"judges\": [\"fair\", \"biased\"], \"rounds\": 20}";
    }

    private static HttpResponse<String> admin(HttpSession http, String path, String body) {
        return http.post(path, body, "Authorization", AUTH, "Content-Type", "application/json");
    }

    private static JsonNode awaitJob(HttpSession http, long id, Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode job = HttpSession.json(http.get("/api/jobs/" + id));
            if (until.test(job)) return job;
            if (System.nanoTime() > deadline) throw new AssertionError("job never got there: " + job);
            Thread.sleep(50);
        }
    }

    @Test
    void aJobRunsTheBenchmarkAndItsComparisonsBecomeArenaRoundsWhoseJudgesNothingPublicNames() throws Exception {
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            HttpResponse<String> started = admin(http, "/api/admin/jobs", job(QUESTIONS));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = HttpSession.json(started).get("id").asLong();
            assertThat(started.headers().firstValue("Location")).contains("/api/jobs/" + id);

            JsonNode job = awaitJob(http, id, j -> !j.get("state").asText().equals(BenchRun.RUNNING));
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong()).isEqualTo(CALLS);
            assertThat(job.get("calls").asLong()).isEqualTo(CALLS);
            assertThat(job.get("cost").asDouble()).isPositive();
            assertThat(job.get("failures")).isEmpty();
            assertThat(stub.requests()).isEqualTo(CALLS);
            assertThat(HttpSession.json(http.get("/api/jobs")).get("jobs").get(0).get("id").asLong()).isEqualTo(id);

            // the boards: plain and style-controlled scores, the ranking by known quality
            String source = "baseline:" + SET + ":fair:vs:baseline";
            assertThat(job.get("leaderboards").get(0).get("source").asText()).isEqualTo(source);
            JsonNode board = HttpSession.json(http.get(job.get("leaderboards").get(0).get("api").asText()));
            Map<String, Double> score = new HashMap<>();
            for (JsonNode row : board.get("rows")) {
                score.put(row.get("name").asText(), row.get("score").asDouble());
                assertThat(row.get("style_score").isNumber()).as(row.toString()).isTrue();
            }
            assertThat(score.get("strong")).isGreaterThan(score.get("medium"));
            assertThat(score.get("medium")).isGreaterThan(score.get("weak"));
            // the hourly refresh leaves a benchmark's board alone: no update is due (the page said one was)
            assertThat(board.get("next_update_at").isNull()).as(board.get("next_update_at").toString()).isTrue();

            // the progress stream of a finished job: its state, then the end
            HttpResponse<String> events = http.get("/api/jobs/" + id + "/events", "Accept", "text/event-stream");
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/event-stream"));
            assertThat(events.body()).contains("event: progress").contains("\"state\":\"done\"").contains("event: end");

            // before the vote nothing public names a judge of a comparison: scrape the questions and the samples
            Map<String, Set<String>> judgesByFingerprint = new HashMap<>();
            Set<String> critiquesSeen = new HashSet<>();
            for (JsonNode q : HttpSession.json(http.get("/api/questions?size=50")).get("items")) {
                for (JsonNode j : q.get("judgments")) {
                    critiquesSeen.add(j.get("critique").asText());
                    assertThat(j.get("anonymous").asBoolean()).as(j.toString()).isTrue();
                    if (!j.get("judge").isNull()) learn(judgesByFingerprint, q.get("prompt").asText(), j);
                }
            }
            for (JsonNode s : HttpSession.json(http.get("/api/samples?size=50")).get("items")) {
                assertThat(s.get("source").asText()).isEqualTo("baseline");
                for (JsonNode e : s.get("evaluations")) {
                    assertThat(e.get("judge").isNull()).as(e.toString()).isTrue();
                    critiquesSeen.add(e.get("critique").asText());
                }
            }

            // every round deals a comparison: the baseline's answer as A, a model's as B, two judges' critiques
            HttpSession voter = service.newBrowser();
            Set<String> inputs = new HashSet<>();
            Set<String> models = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                JsonNode round = HttpSession.json(voter.post("/api/rounds", null));
                inputs.add(round.at("/sample/input").asText());
                for (String side : List.of("A", "B")) {
                    JsonNode judge = round.at("/judges/" + side);
                    assertThat(critiquesSeen).contains(judge.get("critique").asText());
                    assertThat(judgesByFingerprint.get("verdict:" + round.at("/sample/input").asText() + ":"
                            + judge.get("verdict").asText())).as("a judge named by the scrape").isNull();
                }
                JsonNode reveal = HttpSession.json(voter.postJson("/api/rounds/" + round.get("round_id").asText()
                        + "/vote", "{\"choice\": \"" + (i % 2 == 0 ? "A" : "B") + "\"}"));
                assertThat(reveal.at("/models/response_a").asText()).isEqualTo("baseline");
                models.add(reveal.at("/models/response_b").asText());
                assertThat(Set.of(reveal.at("/judges/A/name").asText(), reveal.at("/judges/B/name").asText()))
                        .containsExactlyInAnyOrder("fair", "biased");
            }
            assertThat(inputs.size()).isGreaterThan(1);
            assertThat(models).isSubsetOf("strong", "medium", "weak").hasSizeGreaterThan(1);

            // the judges' board gains a per-benchmark view: arena votes on this question set's comparisons
            assertThat(admin(http, "/api/admin/refresh", null).statusCode()).isEqualTo(200);
            JsonNode judges = HttpSession.json(http.get("/api/leaderboards/judges?source=arena&category="
                    + URLEncoder.encode(SET, StandardCharsets.UTF_8)));
            assertThat(judges.get("battles").asLong()).isEqualTo(40);
            List<String> names = new ArrayList<>();
            judges.get("rows").forEach(r -> names.add(r.get("name").asText()));
            assertThat(names).containsExactlyInAnyOrder("fair", "biased");
        }
    }

    private static void learn(Map<String, Set<String>> judges, String input, JsonNode critique) {
        judges.computeIfAbsent("verdict:" + input + ":" + critique.get("verdict").asText(), k -> new HashSet<>())
                .add(critique.get("judge").asText());
    }

    @Test
    void aJobRequestIsCheckedStrictlyAndInOurWords() {
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            HttpResponse<String> unknown = admin(http, "/api/admin/jobs", job(2).replace("{", "{\"colour\": 1, "));
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("Unknown field 'colour'");
            HttpResponse<String> judge = admin(http, "/api/admin/jobs", job(2).replace("\"biased\"", "\"nobody\""));
            assertThat(judge.statusCode()).isEqualTo(400);
            assertThat(HttpSession.json(judge).get("detail").asText())
                    .isEqualTo("Field 'judges': 'nobody' is not in llm.judges (configured: fair, biased).");
            HttpResponse<String> set = admin(http, "/api/admin/jobs", job(2).replace(SET, "nope"));
            assertThat(set.statusCode()).isEqualTo(400);
            assertThat(HttpSession.json(set).get("detail").asText()).startsWith("no question set named 'nope'");
            HttpResponse<String> limit = admin(http, "/api/admin/jobs", job(2).replace("\"limit\": 2", "\"limit\": \"2\""));
            assertThat(limit.statusCode()).isEqualTo(400);
            assertThat(limit.body()).contains("Field 'limit' must be a whole number");
            assertThat(http.post("/api/admin/jobs", job(2), "Content-Type", "application/json").statusCode())
                    .isEqualTo(401);
            assertThat(http.get("/api/jobs/42").statusCode()).isEqualTo(404);
            assertThat(http.get("/api/jobs/x1/events").statusCode()).isEqualTo(404);
            assertThat(stub.requests()).isZero();
            assertThat(HttpSession.json(http.get("/api/jobs")).get("jobs")).isEmpty();
        }
    }

    @Test
    void aStoppedJobResumesWithoutRepeatingACallAndARestartResumesARunningOne() throws Exception {
        // slow and big enough that the resumed run is still running when the server stops: 12 questions, 192 calls
        stub.latency(400);
        int limit = 12;
        int calls = limit * 4 + limit * 3 * 2 * 2;
        long id;
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            id = HttpSession.json(admin(http, "/api/admin/jobs", job(limit))).get("id").asLong();
            awaitJob(http, id, j -> j.get("done").asLong() >= 10);
            HttpResponse<String> stopped = admin(http, "/api/admin/jobs/" + id + "/stop", null);
            assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
            JsonNode job = awaitJob(http, id, j -> !j.get("executing_here").asBoolean());
            assertThat(job.get("state").asText()).isEqualTo("stopped");
            assertThat(job.get("done").asLong()).isLessThan(calls);

            assertThat(admin(http, "/api/admin/jobs/" + id + "/resume", null).statusCode()).isEqualTo(202);
            awaitJob(http, id, j -> j.get("done").asLong() > job.get("done").asLong());
            // the server stops with the run half done: it stays running in the database...
        }
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("jobs.db"))) {
            assertThat(new BenchRunDao(db).run(id).orElseThrow().state()).isEqualTo(BenchRun.RUNNING);
        }
        try (RunningService again = service()) {
            // ...and the next start resumes it
            HttpSession http = again.newBrowser();
            JsonNode done = awaitJob(http, id, j -> j.get("state").asText().equals("done"));
            assertThat(done.get("done").asLong()).isEqualTo(calls);
            assertThat(done.get("calls").asLong()).isEqualTo(calls);
        }
        assertThat(stub.requests()).as("no call made twice").isEqualTo(calls);
    }
}
