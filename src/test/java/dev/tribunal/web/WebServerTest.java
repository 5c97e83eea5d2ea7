package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's plumbing through real HTTP: problems for every kind of bad request, static pages, cookies. */
class WebServerTest {

    @TempDir
    Path web;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private WebServer server;
    private HttpSession http;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(web.resolve("index.html"), "<h1>arena</h1>");
        Files.writeString(web.resolve("leaderboard.html"), "<h1>leaderboard</h1>");
        Files.writeString(web.resolve("app.js"), "export const x = 1;");
        VoterIdentity voters = new VoterIdentity("0123456789abcdef0123".getBytes(), false);
        RouteGroup echo = routes -> routes.post("/api/echo", ctx -> {
            JsonRequest body = JsonRequest.read(ctx, 200, false).allowOnly("choice");
            String choice = body.requiredOneOf("choice", List.of("A", "B"));
            received.add(choice);
            ctx.json(Map.of("choice", choice, "voter", voters.known(ctx).orElseGet(() -> voters.issue(ctx))));
        });
        server = new WebServer(new WebSettings("127.0.0.1", 0, 200, web, false), ApiJson.mapper(), List.of(echo)).start();
        http = new HttpSession(server.address());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsAValidBodyAndSetsAnHttpOnlyLaxVoterCookie() {
        HttpResponse<String> response = http.postJson("/api/echo", "{\"choice\":\"A\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(VoterIdentity.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String id = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        JsonNode body = HttpSession.json(response);
        assertThat(body.get("voter").asText()).isNotEqualTo(id).doesNotContain(id);
        // the same browser keeps its identity
        HttpResponse<String> again = http.postJson("/api/echo", "{\"choice\":\"B\"}");
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(HttpSession.json(again).get("voter")).isEqualTo(body.get("voter"));
    }

    @Test
    void badBodiesAreProblemsNamingTheFieldAndChangeNothing() {
        assertProblem(http.postJson("/api/echo", "{\"choice\":"), 400, "not valid JSON");
        assertProblem(http.postJson("/api/echo", "{\"choice\":\"A\",\"extra\":1}"), 400, "'extra'");
        assertProblem(http.postJson("/api/echo", "{}"), 400, "'choice'");
        assertProblem(http.postJson("/api/echo", "{\"choice\":5}"), 400, "'choice' must be a string");
        assertProblem(http.postJson("/api/echo", "{\"choice\":\"C\"}"), 400, "'choice' must be one of A, B");
        assertProblem(http.postJson("/api/echo", "[1]"), 400, "JSON object");
        assertProblem(http.postJson("/api/echo", "{\"choice\":\"A\",\"choice\":\"B\"}"), 400, "choice");
        assertProblem(http.postJson("/api/echo", "{\"choice\":\"A\"} {}"), 400, "not valid JSON");
        assertProblem(http.post("/api/echo", "{\"choice\":\"A\"}", "Content-Type", "text/plain"), 415, "application/json");
        assertProblem(http.postJson("/api/echo", "{\"choice\":\"" + "A".repeat(300) + "\"}"), 413, "200 bytes");
        assertThat(received).isEmpty();
    }

    @Test
    void unknownApiRoutesAndMethodsAreProblems() {
        assertProblem(http.get("/api/nothing-here"), 404, "/api/nothing-here");
        assertProblem(http.get("/api/echo"), 405, "GET");
    }

    @Test
    void servesPagesAndStaticFilesFromTheWebDirectory() {
        HttpResponse<String> index = http.get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("arena");
        assertThat(http.get("/leaderboard").body()).contains("leaderboard");
        assertThat(http.get("/app.js").body()).contains("export const x");
        // web/ is used whole when it exists: a page missing from it is not taken from the jar's copy
        assertThat(http.get("/battles").statusCode()).isEqualTo(404);
        assertThat(http.get("/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void servesWebJars() {
        HttpResponse<String> chart = http.get("/webjars/chart.js/4.4.9/dist/chart.umd.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart");
    }

    static JsonNode assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = HttpSession.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).startsWith("/");
        assertThat(problem.get("detail").asText()).contains(detailContains);
        return problem;
    }
}
