package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.store.BattleFilter;
import dev.tribunal.store.ContestantKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arena's problems and limits on its real endpoints: nothing is stored by a refused request. */
class ArenaLimitsTest {

    @TempDir
    Path dir;

    /**
     * Issue 12, item 2: a sample of allowed length in Chinese (3 bytes a character) or in emoji (4 bytes, two UTF-16
     * units) was refused by the 64 KB body limit or counted twice; the limit is one number of characters whatever
     * the script. Without live judges the answer is then the 503 that says so, not a 413 or a 400.
     */
    @Test
    void aSampleOfAllowedLengthPassesWhateverTheScript() {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            JsonNode limits = HttpSession.json(browser.get("/api/samples/limits"));
            assertThat(limits.get("live_judges").asBoolean()).isFalse();
            int input = limits.at("/max_chars/input").asInt();
            int response = limits.at("/max_chars/response").asInt();
            assertThat(limits.at("/max_chars/rubric").asInt()).isEqualTo(input);
            assertThat(limits.at("/max_chars/reference").asInt()).isEqualTo(response);
            String cjk = "{\"input\":\"" + "漢".repeat(input) + "\",\"response_a\":\"" + "字".repeat(response)
                    + "\",\"response_b\":\"" + "語".repeat(response) + "\",\"reference\":\"" + "文".repeat(response)
                    + "\",\"rubric\":\"" + "規".repeat(input) + "\"}";
            assertProblem(browser.postJson("/api/samples", cjk), 503, "no live judges");
            String emoji = "{\"input\":\"" + "🙂".repeat(input) + "\",\"response\":\"" + "👍".repeat(response) + "\"}";
            assertProblem(browser.postJson("/api/samples", emoji), 503, "no live judges");
            // one character more is refused, naming the field and the limit in characters
            String over = "{\"input\":\"" + "🙂".repeat(input + 1) + "\",\"response\":\"ok\"}";
            assertProblem(browser.postJson("/api/samples", over), 400, "'input' has " + (input + 1) + " characters");
        }
    }

    @Test
    void tooManyRoundsPerMinuteIsA429WithRetryAfter() {
        try (RunningService service = RunningService.start(dir,
                RunningService.settings(dir.resolve("web")).withLimits(3, 1000, 100_000))) {
            HttpSession browser = service.newBrowser();
            List<String> dealt = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> round = browser.post("/api/rounds", null);
                assertThat(round.statusCode()).isEqualTo(201);
                dealt.add(HttpSession.json(round).get("round_id").asText());
            }
            HttpResponse<String> refused = browser.post("/api/rounds", null);
            assertProblem(refused, 429, "3 per minute");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            dealt.forEach(service::storedRound);
            assertThat(service.db().rounds().countCreatedSince(RunningService.voterHash(browser), Instant.EPOCH))
                    .isEqualTo(3);
            // another voter has its own allowance
            assertThat(service.newBrowser().post("/api/rounds", null).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void tooManyVotesPerMinuteOrPerDayIsA429() {
        try (RunningService service = RunningService.start(dir,
                RunningService.settings(dir.resolve("web")).withLimits(1000, 2, 3))) {
            HttpSession browser = service.newBrowser();
            assertThat(vote(browser).statusCode()).isEqualTo(200);
            assertThat(vote(browser).statusCode()).isEqualTo(200);
            HttpResponse<String> perMinute = vote(browser);
            assertProblem(perMinute, 429, "2 per minute and 3 per day");
            assertThat(Long.parseLong(perMinute.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(service.db().votes().count()).isEqualTo(2);
            assertThat(service.db().battles().count(BattleFilter.of(ContestantKind.JUDGE).withSource("arena"))).isEqualTo(2);
        }
    }

    @Test
    void aVoteOnAnExpiredRoundIsGone() {
        MutableClock clock = new MutableClock(Instant.now());
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir),
                RunningService.settings(dir.resolve("web")).withRoundLifetime(Duration.ofMinutes(30)), clock)) {
            HttpSession browser = service.newBrowser();
            String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            clock.advance(Duration.ofMinutes(31));
            assertProblem(browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}"), 410, "expired");
            assertThat(service.db().votes().count()).isZero();
            // the hourly job removes it; a voted round stays
            String voted = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            browser.postJson("/api/rounds/" + voted + "/vote", "{\"choice\":\"A\"}");
            service.storedRound(id);
            clock.advance(Duration.ofMinutes(31));
            assertThat(service.service().scheduler().removeExpiredRounds()).isEqualTo(1);
            assertThat(service.db().rounds().byId(id)).isEmpty();
            assertThat(service.db().rounds().byId(voted)).isPresent();
        }
    }

    @Test
    void badVoteBodiesAreProblemsNamingTheFieldAndStoreNothing() {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
            String vote = "/api/rounds/" + id + "/vote";
            assertProblem(browser.postJson(vote, "{\"choice\":"), 400, "not valid JSON");
            assertProblem(browser.postJson(vote, "{\"choice\":\"A\",\"judge\":\"gpt4\"}"), 400, "'judge'");
            assertProblem(browser.postJson(vote, "{}"), 400, "'choice'");
            assertProblem(browser.postJson(vote, "{\"choice\":1}"), 400, "'choice' must be a string");
            assertProblem(browser.postJson(vote, "{\"choice\":\"C\"}"), 400, "A, B, tie, both_bad");
            assertProblem(browser.post(vote, "choice=A", "Content-Type", "application/x-www-form-urlencoded"), 415,
                    "application/json");
            assertProblem(browser.postJson(vote, "{\"choice\":\"" + "A".repeat(20_000) + "\"}"), 413, "bytes");
            assertProblem(browser.postJson("/api/rounds", "{\"sample\":1}"), 400, "'sample'");
            assertThat(service.db().votes().count()).isZero();
            // the round still takes its one vote
            assertThat(browser.postJson(vote, "{\"choice\":\"tie\"}").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> vote(HttpSession browser) {
        String id = HttpSession.json(browser.post("/api/rounds", null)).get("round_id").asText();
        return browser.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"B\"}");
    }
}
