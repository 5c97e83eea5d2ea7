package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error a client can cause, however malformed its request, is a short {@code application/problem+json} in
 * our words: no library class names, no parser internals, no HTML page. Raw sockets, because no HTTP client
 * library sends these requests.
 */
class ClientErrorsTest {

    /** What a problem must never contain: the marks of a library speaking instead of us. */
    private static final List<String> INTERNALS = List.of("Exception", "Source:", "org.", "java.",
            "StreamReadConstraints", "jetty", "javalin");

    @TempDir
    Path dir;

    private WebServer server;

    @BeforeEach
    void start() {
        RouteGroup echo = routes -> routes.post("/api/echo", ctx -> {
            JsonRequest body = JsonRequest.read(ctx, 64 * 1024, false).allowOnly("choice", "n");
            ctx.json(Map.of("choice", body.requiredOneOf("choice", List.of("A", "B"))));
        });
        server = new WebServer(new WebSettings("127.0.0.1", 0, 64 * 1024, dir, false), ApiJson.mapper(),
                List.of(echo), Duration.ofSeconds(2)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUriTooLongForTheServerIsA414Problem() {
        assertProblem(send("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414, "URI");
    }

    @Test
    void headersTooLargeForTheServerAreA431Problem() {
        assertProblem(send("GET /api/echo HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n"),
                431, "headers");
    }

    @Test
    void aRequestThatIsNotHttpIsA400Problem() {
        assertProblem(send("G@RBAGE / HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "HTTP");
        assertProblem(send("HELLO THERE\r\n\r\n"), 505, "HTTP/1.1");   // no version: HTTP/0.9
        assertProblem(send("GET / HTTP/7.0\r\nHost: localhost\r\n\r\n"), 505, "HTTP/1.1");
        assertProblem(send("GET /api/echo HTTP/1.1\r\n\r\n"), 400, "Host");
        assertProblem(send("GET /api/echo HTTP/1.1\r\nHost: localhost\r\nBad Header Line\r\n\r\n"), 400, "HTTP");
        assertProblem(send("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"),
                400, "HTTP");
    }

    @Test
    void badPercentEncodingInThePathOrQueryIsA400Problem() {
        assertProblem(send("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "");
        assertProblem(send("GET /api/samples?q=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "");
        assertProblem(send("GET /api/nothing/..%2f..%2fetc HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsEverywhere() {
        assertProblem(send("GET /api/nothing-here HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "/api/nothing-here");
        assertProblem(send("DELETE /api/echo HTTP/1.1\r\nHost: localhost\r\n\r\n"), 405, "DELETE");
        assertProblem(send("GET /no-such-page HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "/no-such-page");
    }

    @Test
    void malformedJsonIsA400ProblemInOurWords() {
        assertThat(postJson("{\"choice\":").detail()).contains("not valid JSON").contains("line 1");
        assertThat(postJson("{\"choice\":\"A\"} {}").detail()).contains("not valid JSON");
        assertThat(postJson("{\"choice\":\"A\",\"choice\":\"B\"}").detail()).contains("'choice'");
        assertThat(postJson("{choice: 1}").detail()).contains("not valid JSON");
        assertThat(postJson("{\"choice\": tru}").detail()).contains("not valid JSON");
        assertThat(postJson("{\"choice\": \"\u0001\"}").detail()).contains("not valid JSON");
        assertThat(postJson("[".repeat(5_000) + "]".repeat(5_000)).detail()).contains("not valid JSON").contains("deep");
        assertThat(postJson("{\"n\": " + "9".repeat(5_000) + "}").detail()).contains("not valid JSON").contains("digits");
        assertThat(postJson("{\"choice\": \"" + "\\q" + "\"}").detail()).contains("not valid JSON");
    }

    @Test
    void whatTheClientSentIsQuotedShortlyIfAtAll() {
        String longName = "n".repeat(5_000);
        assertProblem(send("GET /api/" + longName + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "/api/nnnn");
        assertProblem(send("GET /" + longName + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404, "/nnnn");
        assertThat(postJson("{\"" + longName + "\": 1}").detail()).contains("Unknown field 'nnnn");
        assertThat(postJson("{\"choice\": \"" + longName + "\"}").detail()).contains("must be one of A, B");
        assertThat(postJson("{\"choice\": \"A\", \"n\": 1, \"n\": 2}").detail()).contains("'n' appears twice");
    }

    @Test
    void invalidUtf8IsA400Problem() {
        byte[] head = ("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 16\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = {'{', '"', 'c', 'h', 'o', 'i', 'c', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ' '};
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        assertThat(assertProblem(RawHttp.exchange(server.port(), request), 400, "not valid JSON").detail())
                .contains("UTF-8");
    }

    @Test
    void aStalledBodyIsA408Problem() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(60_000);
            // promises 16 bytes, sends 5, and waits
            socket.getOutputStream().write(("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 16\r\n\r\n{\"cho").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertProblem(RawHttp.read(socket.getInputStream()), 408, "did not arrive in time");
        }
    }

    private RawHttp.Answer send(String request) {
        return RawHttp.exchange(server.port(), request);
    }

    private Detail postJson(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return assertProblem(send("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1)),
                400, "");
    }

    record Detail(String detail) {
    }

    static Detail assertProblem(RawHttp.Answer answer, int status, String detailContains) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.body().length()).as("a short problem: " + answer.body()).isLessThan(600);
        for (String internal : INTERNALS) {
            assertThat(answer.body()).as("no internals").doesNotContainIgnoringCase(internal);
        }
        assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("jackson");
        JsonNode problem;
        try {
            problem = ApiJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains(detailContains);
        return new Detail(problem.get("detail").asText());
    }
}
