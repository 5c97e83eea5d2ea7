package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leaderboard API reads snapshots: sources, categories, JSON and CSV, problems. */
class LeaderboardApiTest {

    @TempDir
    static Path dir;

    private static RunningService service;
    private static HttpSession http;

    @BeforeAll
    static void start() {
        service = RunningService.start(dir);
        http = service.newBrowser();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void judgesBeforeAnyArenaVoteAreRankedByAgreementWithTheHumans() {
        JsonNode board = HttpSession.json(http.get("/api/leaderboards/judges"));
        assertThat(board.get("kind").asText()).isEqualTo("judges");
        assertThat(board.get("source").asText()).isEqualTo("human-agreement");
        assertThat(board.get("battles").asLong()).isEqualTo(16_000);
        assertThat(board.get("rows")).extracting(r -> r.get("name").asText())
                .containsExactlyInAnyOrder("gpt4", "claude", "gpt35", "bard", "vicuna-13b");
    }

    @Test
    void modelsDefaultToHumanVotesAndListTheOtherSources() {
        JsonNode board = HttpSession.json(http.get("/api/leaderboards/models"));
        assertThat(board.get("kind").asText()).isEqualTo("models");
        assertThat(board.get("source").asText()).isEqualTo("human");
        assertThat(board.get("category").isNull()).isTrue();
        assertThat(board.get("sources")).extracting(JsonNode::asText).containsExactly("human", "judge:bard",
                "judge:claude", "judge:gpt35", "judge:gpt4", "judge:vicuna-13b");
        // the human votes also cover the four Guanaco models, which wrote no demo answers
        assertThat(board.get("rows")).hasSize(9);
        assertThat(board.get("battles").asLong()).isEqualTo(7040);
        JsonNode row = board.get("rows").get(0);
        assertThat(row.get("rank").asInt()).isEqualTo(1);
        assertThat(row.get("rank_ub").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("licence").asText()).isNotBlank();
        assertThat(row.get("organisation").asText()).isNotBlank();
        assertThat(row.get("ci_lower").asDouble()).isLessThanOrEqualTo(row.get("rating").asDouble());
        assertThat(row.get("ci_upper").asDouble()).isGreaterThanOrEqualTo(row.get("rating").asDouble());
        double previous = Double.MAX_VALUE;
        for (JsonNode r : board.get("rows")) {
            assertThat(r.get("rating").asDouble()).isLessThanOrEqualTo(previous);
            previous = r.get("rating").asDouble();
        }
        long battles = 0;
        for (JsonNode r : board.get("rows")) battles += (long) r.get("battles").asDouble();
        assertThat(battles).isEqualTo(2 * board.get("battles").asLong());
    }

    @Test
    void aJudgeSourceAndACategoryHaveTheirOwnBoards() {
        JsonNode board = HttpSession.json(http.get("/api/leaderboards/models?source=judge:gpt4&category=generic"));
        assertThat(board.get("source").asText()).isEqualTo("judge:gpt4");
        assertThat(board.get("category").asText()).isEqualTo("generic");
        JsonNode all = HttpSession.json(http.get("/api/leaderboards/models?source=judge:gpt4"));
        assertThat(board.get("battles").asLong()).isPositive().isLessThan(all.get("battles").asLong());
    }

    @Test
    void csvByQueryOrAcceptHeader() throws Exception {
        HttpResponse<String> byQuery = http.get("/api/leaderboards/models?format=csv");
        HttpResponse<String> byHeader = http.get("/api/leaderboards/models", "Accept", "text/csv");
        assertThat(byQuery.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(byHeader.body()).isEqualTo(byQuery.body());
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(byQuery.body())).getRecords();
        JsonNode json = HttpSession.json(http.get("/api/leaderboards/models"));
        assertThat(records).hasSize(json.get("rows").size());
        assertThat(records.getFirst().get("name")).isEqualTo(json.at("/rows/0/name").asText());
        assertThat(Double.parseDouble(records.getFirst().get("rating"))).isEqualTo(json.at("/rows/0/rating").asDouble());
        assertThat(records.getFirst().get("preliminary")).isIn("true", "false");
    }

    @Test
    void healthSaysTheDatabaseAnswersAndHowOldTheSnapshotsAre() {
        HttpResponse<String> response = http.get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = HttpSession.json(response);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isEqualTo("test");
        assertThat(health.get("database_reachable").asBoolean()).isTrue();
        assertThat(health.get("database").asText()).isEqualTo("sqlite");
        for (String kind : List.of("judges", "models")) {
            JsonNode snapshot = health.at("/snapshots/" + kind);
            assertThat(snapshot.get("status").asText()).isEqualTo("ok");
            assertThat(snapshot.get("age_seconds").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(java.time.Instant.parse(snapshot.get("computed_at").asText())).isBefore(java.time.Instant.now());
        }
    }

    @Test
    void unknownBoardsAndFormatsAreProblems() {
        assertProblem(http.get("/api/leaderboards/models?source=nobody"), 404, "human, judge:bard");
        assertProblem(http.get("/api/leaderboards/models?category=poetry"), 404, "poetry");
        assertProblem(http.get("/api/leaderboards/models?format=xml"), 400, "'format'");
    }
}
