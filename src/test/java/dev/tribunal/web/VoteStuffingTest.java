package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribunal.cli.ServeCommand;
import dev.tribunal.config.TribunalConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
    void theVoterSecretIsInAnOwnerOnlyKeyFileAndNoCookieOrAddressIsOnDiskOrInTheLogs() throws Exception {
        String client = "203.0.113.77";
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> cookies = new ArrayList<>();
        System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (ServeCommand.Running running = serve("trusted_proxy_header: X-Forwarded-For")) {
            assertThat(running.db().settings().get("voter_secret")).isEmpty();
            for (int i = 0; i < 3; i++) {
                HttpSession browser = new HttpSession(running.service().address());
                HttpResponse<String> round = browser.post("/api/rounds", null, "X-Forwarded-For", client);
                assertThat(round.statusCode()).isEqualTo(201);
                String id = HttpSession.json(round).get("round_id").asText();
                assertThat(browser.post("/api/rounds/" + id + "/vote", "{\"choice\":\"tie\"}", "Content-Type",
                        "application/json", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
                browser.post("/api/rounds/" + id + "/vote", "{bad json", "Content-Type", "application/json",
                        "X-Forwarded-For", client);
                cookies.add(browser.cookies().getCookieStore().getCookies().getFirst().getValue());
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Path key = dir.resolve("voter.key");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(key)).isEqualTo(32);
        List<String> secrets = new ArrayList<>(cookies);
        cookies.forEach(c -> secrets.add(c.substring(0, c.indexOf('.'))));   // the id alone
        secrets.add(client);
        String log = logs.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the capture saw the logs").contains("flywaydb");
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("tribunal.db")).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) assertThat(bytes).as(file + " holds " + secret).doesNotContain(secret);
            }
        }
        for (String secret : secrets) assertThat(log).as("the logs hold " + secret).doesNotContain(secret);
    }

    private ServeCommand.Running serve() throws Exception {
        return serve("");
    }

    /** {@code tribunal serve} on a copy of the template, with these extra {@code server} keys ("k: v, …"). */
    private ServeCommand.Running serve(String serverKeys) throws Exception {
        Path config = dir.resolve("tribunal.yaml");
        String url = TemplateDatabase.copyInto(dir);
        Files.writeString(config, """
                server: {host: 127.0.0.1, port: 0%s}
                database: {url: "%s"}
                demo: {load: false}
                """.formatted(serverKeys.isEmpty() ? "" : ", " + serverKeys, url));
        return ServeCommand.start(TribunalConfig.load(config, Map.of()), Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    private static String randomId(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
