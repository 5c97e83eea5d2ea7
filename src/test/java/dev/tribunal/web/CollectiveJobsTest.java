package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.bench.collective.CollectiveStub;
import dev.tribunal.llm.LlmConfig;
import dev.tribunal.llm.LlmGateway;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.llm.Yaml;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collective benchmark as a server job on the stub pool: started over the admin API, followed as a job of kind
 * collective, its report (boards, weights, cost and latency per model) and its board on the models leaderboard;
 * bad parameters refused as problems naming the field, before any provider call.
 */
class CollectiveJobsTest {

    private static final String AUTH = "Bearer " + RunningService.ADMIN_TOKEN;

    @TempDir
    Path dir;
    private CollectiveStub stub;
    private LlmConfig llm;
    private final List<LlmGateway> gateways = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stub = new CollectiveStub();
        llm = Yaml.llmConfig(Files.readString(stub.config(dir, 8, "")));
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

    private static HttpResponse<String> admin(HttpSession http, String body) {
        return http.post("/api/admin/jobs", body, "Authorization", AUTH, "Content-Type", "application/json");
    }

    @Test
    void aCollectiveJobRunsAndShowsItsBoardsWeightsAndCosts() throws Exception {
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            HttpResponse<String> started = admin(http, "{\"kind\": \"collective\", \"models\": [\"m1\", \"m2\", \"m3\", "
                    + "\"m4\", \"m5\"], \"topics\": [\"math\", \"history\"], \"iterations\": 6, \"weights\": \"peer-rank\", "
                    + "\"rounds\": 20}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = HttpSession.json(started).get("id").asLong();

            JsonNode job = await(http, id);
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
            assertThat(job.get("kind").asText()).isEqualTo("collective");
            assertThat(job.get("params").get("weights").asText()).isEqualTo("peer-rank");
            assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong()).isPositive();
            assertThat(job.get("answers").get("done").asLong()).isPositive();
            assertThat(job.get("judgments").get("done").asLong()).isPositive();

            JsonNode report = HttpSession.json(http.get("/api/jobs/" + id + "/collective"));
            assertThat(report.get("rows")).hasSize(5);
            assertThat(report.get("rows").get(0).get("model").asText()).isEqualTo("m1");
            assertThat(report.get("judge_weights").get("m5").asDouble()).isZero();
            for (JsonNode m : report.get("models")) {
                assertThat(m.get("cost_per_answer").asDouble()).as(m.toString()).isPositive();
                assertThat(m.get("mean_latency_ms").isNumber()).isTrue();
            }

            String source = job.get("leaderboards").get(0).get("source").asText();
            assertThat(source).isEqualTo("collective:" + id);
            JsonNode board = HttpSession.json(http.get("/api/leaderboards/models?source="
                    + URLEncoder.encode(source, StandardCharsets.UTF_8)));
            assertThat(board.get("rows")).hasSize(5);
            assertThat(board.get("rows").get(0).get("name").asText()).isEqualTo("m1");
            assertThat(board.get("next_update_at").isNull()).as("the hourly refresh leaves it alone").isTrue();

            // every rating is a collective vote, exported like the people's: named judges, the day only, no request
            HttpResponse<String> export = http.get("/api/export/collective-votes?format=jsonl");
            assertThat(export.statusCode()).isEqualTo(200);
            List<JsonNode> votes = export.body().lines().map(CollectiveJobsTest::parse).toList();
            long kept = report.get("questions_kept").asLong();
            long questions = kept + report.get("questions_rejected").asLong();
            assertThat(votes).hasSize((int) (questions * 4 + kept * 5 * 4));
            JsonNode rating = votes.stream().filter(v -> v.get("rates").asText().equals("answer")).findFirst().orElseThrow();
            assertThat(rating.get("day").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(rating.get("score").asInt()).isBetween(1, 5);
            assertThat(rating.get("answer").asText()).startsWith("[quality=");
            assertThat(rating.get("judge").asText()).isNotEqualTo(rating.get("model").asText());
            assertThat(rating.has("raw_output") || rating.has("cost") || rating.has("request_key")).isFalse();
            HttpResponse<String> csv = http.get("/api/export/collective-votes?format=csv");
            assertThat(csv.body().lines().findFirst()).contains("day,run,rates,topic,difficulty,question,"
                    + "question_author,model,answer,judge,score,critique,parse_status,prompt_version");
        }
    }

    @Test
    void aStoppedCollectiveJobResumesAndARestartResumesItWithoutRepeatingACall() throws Exception {
        stub.latency(150);
        String body = "{\"kind\": \"collective\", \"models\": [\"m1\", \"m2\", \"m3\", \"m4\", \"m5\"], "
                + "\"iterations\": 4, \"weights\": \"autobench\", \"rounds\": 20}";
        long id;
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            id = HttpSession.json(admin(http, body)).get("id").asLong();
            awaitUntil(http, id, j -> j.get("done").asLong() >= 8);
            assertThat(http.post("/api/admin/jobs/" + id + "/stop", null, "Authorization", AUTH).statusCode()).isEqualTo(200);
            JsonNode stopped = awaitUntil(http, id, j -> !j.get("executing_here").asBoolean());
            assertThat(stopped.get("state").asText()).isEqualTo("stopped");
            assertThat(http.get("/api/jobs/" + id + "/collective").statusCode()).isEqualTo(200);

            assertThat(http.post("/api/admin/jobs/" + id + "/resume", null, "Authorization", AUTH).statusCode())
                    .isEqualTo(202);
            awaitUntil(http, id, j -> j.get("done").asLong() > stopped.get("done").asLong());
            // the server stops with the run under way: it stays running, and the next start resumes it
        }
        try (dev.tribunal.store.Database db = dev.tribunal.store.Database.open("jdbc:sqlite:" + dir.resolve("jobs.db"))) {
            assertThat(new dev.tribunal.store.BenchRunDao(db).run(id).orElseThrow().state()).isEqualTo("running");
        }
        try (RunningService again = service()) {
            HttpSession http = again.newBrowser();
            JsonNode done = awaitUntil(http, id, j -> j.get("state").asText().equals("done"));
            assertThat(done.get("kind").asText()).isEqualTo("collective");
            assertThat(HttpSession.json(http.get("/api/jobs/" + id + "/collective")).get("iterations").asInt()).isEqualTo(4);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.db"));
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT request_key) FROM llm_calls "
                     + "WHERE outcome = 'ok'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each answer stored once").isEqualTo(rs.getInt(2));
            assertThat(stub.requests()).as("no call made twice").isEqualTo(rs.getInt(1));
        }
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        try (RunningService service = service()) {
            HttpSession http = service.newBrowser();
            HttpResponse<String> unknown = admin(http, "{\"kind\": \"collective\", \"models\": [\"m1\", \"gpt-9\"]}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(HttpSession.json(unknown).get("detail").asText()).contains("'models'", "gpt-9", "llm.models");
            HttpResponse<String> rule = admin(http, "{\"kind\": \"collective\", \"models\": [\"m1\", \"m2\"], "
                    + "\"weights\": \"loudest\"}");
            assertThat(rule.statusCode()).isEqualTo(400);
            assertThat(HttpSession.json(rule).get("detail").asText()).contains("weights");
            HttpResponse<String> baselineField = admin(http, "{\"kind\": \"collective\", \"models\": [\"m1\", \"m2\"], "
                    + "\"baseline\": \"m1\"}");
            assertThat(baselineField.statusCode()).isEqualTo(400);
            assertThat(HttpSession.json(baselineField).get("detail").asText()).contains("baseline");
            assertThat(http.get("/api/jobs/99/collective").statusCode()).isEqualTo(404);
            assertThat(stub.requests()).isZero();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode await(HttpSession http, long id) throws InterruptedException {
        return awaitUntil(http, id, j -> !j.get("state").asText().equals("running"));
    }

    private static JsonNode awaitUntil(HttpSession http, long id, java.util.function.Predicate<JsonNode> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            JsonNode job = HttpSession.json(http.get("/api/jobs/" + id));
            if (until.test(job)) return job;
            if (System.nanoTime() > deadline) throw new AssertionError("job never got there: " + job);
            Thread.sleep(50);
        }
    }
}
