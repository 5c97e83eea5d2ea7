package dev.tribunal.web;

import static dev.tribunal.web.WebServerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.config.PerAddressConfig;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 2: voter ids are issued and signed by the server only, and limits hold per network address as well
 * as per voter, so fresh identities from one address do not get fresh allowances; behind a proxy the address comes
 * from the configured header, and only when the connection comes from a trusted proxy.
 */
class ArenaGateTest {

    private static final String SAMPLE = "{\"input\": \"What is 2+2?\", \"response_a\": \"4\", \"response_b\": \"5\"}";

    @TempDir
    Path dir;

    @Test
    void anIssuedCookieIsSignedAndOnlyItsExactValueNamesTheVoter() {
        try (RunningService service = RunningService.start(dir)) {
            HttpSession browser = service.newBrowser();
            HttpResponse<String> first = browser.post("/api/rounds", null);
            assertThat(first.statusCode()).isEqualTo(201);
            String value = cookie(browser).getValue();
            assertThat(value).matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
            VoterIdentity identity = new VoterIdentity(RunningService.VOTER_SECRET, false);
            String hash = identity.hashOf(value).orElseThrow();
            // the stored hash is neither part of the cookie nor the cookie part of it
            String id = value.substring(0, 22);
            assertThat(hash).doesNotContain(id).isNotEqualTo(value.substring(23));
            assertThat(value).doesNotContain(hash);
            // the same browser stays the same voter: no new cookie, its rounds are its own
            HttpResponse<String> second = browser.post("/api/rounds", null);
            assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
            service.storedRound(HttpSession.json(first).get("round_id").asText());
            service.storedRound(HttpSession.json(second).get("round_id").asText());
            assertThat(service.db().rounds().countCreatedSince(hash, java.time.Instant.EPOCH)).isEqualTo(2);

            char last = value.charAt(value.length() - 1);
            String tampered = value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
            assertThat(identity.hashOf(tampered)).isEmpty();
            assertThat(identity.hashOf(id)).as("an id without its signature").isEmpty();
            assertThat(identity.hashOf(id + ".")).isEmpty();
            assertThat(new VoterIdentity("another-secret-0123456789".getBytes(StandardCharsets.UTF_8), false)
                    .hashOf(value)).as("signed with another secret").isEmpty();
        }
    }

    @Test
    void thePerAddressVoteLimitHoldsAcrossFreshIdentities() {
        try (RunningService service = RunningService.start(dir, RunningService.settings(dir.resolve("web"))
                .withAddressLimits(new PerAddressConfig(0, 0, 5, 0)))) {
            int accepted = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                HttpResponse<String> vote = roundAndVote(service.newBrowser());
                if (vote.statusCode() == 200) accepted++;
                else refused = vote;
            }
            assertThat(accepted).isEqualTo(5);
            assertProblem(refused, 429, "Too many votes from this network address: the limit is 5 per minute");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(refused.body()).doesNotContain("127.0.0.1");
            assertThat(service.db().votes().count()).isEqualTo(5);
        }
    }

    @Test
    void newIdentitiesPerAddressAreLimitedAndAMadeUpCookieTakesANewOne() {
        try (RunningService service = RunningService.start(dir, RunningService.settings(dir.resolve("web"))
                .withAddressLimits(new PerAddressConfig(3, 0, 0, 0)))) {
            HttpSession returning = service.newBrowser();
            for (int i = 0; i < 3; i++) {
                String cookie = i == 0 ? "tribunal_voter=AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"
                        : "tribunal_voter=made-up-voter-id-" + "x".repeat(10 + i);
                HttpSession fresh = i == 2 ? returning : service.newBrowser();
                HttpResponse<String> round = fresh.post("/api/rounds", null, "Cookie", cookie);
                assertThat(round.statusCode()).isEqualTo(201);
                assertThat(round.headers().firstValue("Set-Cookie")).as("a new id issued").isPresent();
            }
            HttpResponse<String> refused = service.newBrowser().post("/api/rounds", null);
            assertProblem(refused, 429, "Too many new voters from this network address: the limit is 3 per hour");
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
            // a voter with a cookie the server issued is not a new voter
            assertThat(returning.post("/api/rounds", null).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void theTrustedProxyHeaderIsBelievedOnlyFromATrustedProxy() {
        PerAddressConfig twoVotes = new PerAddressConfig(0, 0, 2, 0);
        ServiceSettings behindProxy = RunningService.settings(dir.resolve("web")).withAddressLimits(twoVotes);
        behindProxy = behindProxy.withWeb(behindProxy.web().withTrustedProxy("X-Forwarded-For", List.of("127.0.0.1")));
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), behindProxy, Clock.systemUTC())) {
            assertThat(roundAndVote(service.newBrowser(), "203.0.113.1").statusCode()).isEqualTo(200);
            assertThat(roundAndVote(service.newBrowser(), "203.0.113.1").statusCode()).isEqualTo(200);
            assertProblem(roundAndVote(service.newBrowser(), "203.0.113.1"), 429, "network address");
            // another client behind the proxy has its own allowance
            assertThat(roundAndVote(service.newBrowser(), "203.0.113.2").statusCode()).isEqualTo(200);
            // the client's own entries are to the left of what the proxy appended: the rightmost one counts
            assertProblem(roundAndVote(service.newBrowser(), "198.51.100.9, 203.0.113.1"), 429, "network address");
        }
        Path other = dir.resolve("other");
        ServiceSettings untrusted = RunningService.settings(dir.resolve("web")).withAddressLimits(twoVotes);
        untrusted = untrusted.withWeb(untrusted.web().withTrustedProxy("X-Forwarded-For", List.of("10.9.9.9")));
        try (RunningService service = RunningService.on(TemplateDatabase.copyInto(mkdir(other)), untrusted,
                Clock.systemUTC())) {
            // the connection does not come from a trusted proxy: the header is ignored, the peer is the client
            assertThat(roundAndVote(service.newBrowser(), "203.0.113.1").statusCode()).isEqualTo(200);
            assertThat(roundAndVote(service.newBrowser(), "203.0.113.2").statusCode()).isEqualTo(200);
            assertProblem(roundAndVote(service.newBrowser(), "203.0.113.3"), 429, "network address");
        }
    }

    @Test
    void submittedSamplesAreLimitedPerVoterAndPerAddressBeforeAnyJudgeIsAsked() {
        try (StubJudges judges = new StubJudges("alice", "bob")) {
            ServiceSettings settings = RunningService.settings(dir.resolve("web")).withSamplesPerHour(2)
                    .withAddressLimits(new PerAddressConfig(0, 0, 0, 3));
            try (RunningService service = RunningService.on(TemplateDatabase.copyInto(dir), settings, Clock.systemUTC(),
                    db -> judges.settings(db, 0.3))) {
                HttpSession first = service.newBrowser();
                assertThat(first.postJson("/api/samples", SAMPLE).statusCode()).isEqualTo(201);
                assertThat(first.postJson("/api/samples", SAMPLE).statusCode()).isEqualTo(201);
                assertProblem(first.postJson("/api/samples", SAMPLE), 429,
                        "Too many submitted samples from this voter: the limit is 2 per hour");
                HttpSession second = service.newBrowser();
                assertThat(second.postJson("/api/samples", SAMPLE).statusCode()).isEqualTo(201);
                HttpResponse<String> refused = second.postJson("/api/samples", SAMPLE);
                assertProblem(refused, 429, "Too many submitted samples from this network address: the limit is 3 per hour");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                // the same sample again is answered from the gateway's cache: two judges asked for the first only
                assertThat(judges.server().requests()).isEqualTo(2);
            }
        }
    }

    private static HttpResponse<String> roundAndVote(HttpSession browser, String... forwardedFor) {
        String[] headers = forwardedFor.length == 0 ? new String[0] : new String[] {"X-Forwarded-For", forwardedFor[0]};
        HttpResponse<String> round = browser.post("/api/rounds", null, headers);
        if (round.statusCode() != 201) return round;
        String id = HttpSession.json(round).get("round_id").asText();
        String[] voteHeaders = forwardedFor.length == 0 ? new String[] {"Content-Type", "application/json"}
                : new String[] {"Content-Type", "application/json", "X-Forwarded-For", forwardedFor[0]};
        return browser.post("/api/rounds/" + id + "/vote", "{\"choice\":\"A\"}", voteHeaders);
    }

    private static HttpCookie cookie(HttpSession browser) {
        return browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(VoterIdentity.COOKIE)).findFirst().orElseThrow();
    }

    private static Path mkdir(Path path) {
        try {
            return java.nio.file.Files.createDirectories(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
