package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.cli.ServeCommand;
import dev.tribunal.config.TribunalConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 2: a client that makes up a voter id, or drops its cookie for a fresh one on every request, is
 * not a new voter with a fresh allowance each time. Run through {@code tribunal serve} with the default limits.
 */
class VoteStuffingTest {

    @TempDir
    Path dir;

    @Test
    void aMadeUpCookieIsANewVisitorNotTheVoterItNames() {
        try (RunningService service = RunningService.start(dir)) {
            String madeUp = "tribunal_voter=" + randomId(new Random(1));
            HttpResponse<String> dealt = new HttpSession(service.address()).post("/api/rounds", null, "Cookie", madeUp);
            assertThat(dealt.statusCode()).isEqualTo(201);
            String id = HttpSession.json(dealt).get("round_id").asText();
            // another client sending the same made-up value is not the browser the round was dealt to
            HttpResponse<String> vote = new HttpSession(service.address()).post("/api/rounds/" + id + "/vote",
                    "{\"choice\":\"A\"}", "Cookie", madeUp, "Content-Type", "application/json");
            assertProblem(vote, 403, "another browser");
            assertThat(vote.headers().firstValue("Set-Cookie")).isPresent();
            assertThat(vote.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain(madeUp);
        }
    }

    @Test
    void freshIdentitiesFromOneAddressAreStoppedByTheDefaultLimits() throws Exception {
        try (ServeCommand.Running running = serve()) {
            int accepted = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                HttpSession fresh = new HttpSession(running.service().address());   // a new cookie jar every time
                HttpResponse<String> round = fresh.post("/api/rounds", null);
                if (round.statusCode() == 429) {
                    refused = round;
                    break;
                }
                assertThat(round.statusCode()).isEqualTo(201);
                String id = HttpSession.json(round).get("round_id").asText();
                HttpResponse<String> vote = fresh.postJson("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}");
                if (vote.statusCode() == 429) refused = vote;
                else accepted++;
            }
            assertThat(refused).as("one address got 100 fresh identities").isNotNull();
            JsonNode problem = assertProblem(refused, 429, "network address");
            assertThat(problem.toString()).doesNotContain("127.0.0.1");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(accepted).isLessThanOrEqualTo(30);
            assertThat(running.db().votes().count()).isEqualTo(accepted);
        }
    }

    @Test
    void theVoterSecretIsNotInTheDatabase() throws Exception {
        try (ServeCommand.Running running = serve()) {
            assertThat(running.db().settings().get("voter_secret")).isEmpty();
        }
    }

    private ServeCommand.Running serve() throws Exception {
        Path config = dir.resolve("tribunal.yaml");
        String url = TemplateDatabase.copyInto(dir);
        Files.writeString(config, """
                server: {host: 127.0.0.1, port: 0}
                database: {url: "%s"}
                demo: {load: false}
                """.formatted(url));
        return ServeCommand.start(TribunalConfig.load(config, Map.of()), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    private static String randomId(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
