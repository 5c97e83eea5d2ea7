package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribunal.export.ExportedVote;
import dev.tribunal.export.VoteExport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop gives the requests in flight the whole grace, however slowly their client sends or reads, and
 * still returns as soon as they are done. Raw sockets, so that the test controls when each byte moves.
 */
class GracefulStopTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int EXPORTED_VOTES = 10_000;
    private static final String LONG_TEXT = "x".repeat(1_000);

    @TempDir
    Path dir;

    private WebServer server;
    private Thread stopper;

    @BeforeEach
    void start() {
        RouteGroup echo = routes -> routes.post("/api/echo", ctx -> {
            String choice = JsonRequest.read(ctx, 200, false).allowOnly("choice").requiredOneOf("choice", List.of("A", "B"));
            ctx.json(Map.of("choice", choice));
        });
        // an export big enough (about 12 MB) that the server blocks on a client that stops reading
        VoteExport export = new VoteExport(sink -> {
            for (int i = 0; i < EXPORTED_VOTES; i++) {
                sink.accept(new ExportedVote(Instant.EPOCH, "voter-" + (i % 50), "A", "generic", "pair", LONG_TEXT,
                        null, "a", "b", null, null, "m1", "m2",
                        new ExportedVote.Judgement("j1", "Org", "A>B", null, "c1"),
                        new ExportedVote.Judgement("j2", "Org", "B>A", null, "c2")));
            }
        });
        server = new WebServer(new WebSettings("127.0.0.1", 0, 200, dir, false), ApiJson.mapper(),
                List.of(echo, new ExportRoutes(export, null, QueryLimits.defaults()))).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (stopper != null) stopper.join();
        server.close();
    }

    @Test
    void aBodyArrivingTwoSecondsIntoTheStopIsStillAnswered() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String body = "{\"choice\":\"B\"}";
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);   // the headers are in; the body is not
            beginStop();
            Thread.sleep(2_000);
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("{\"choice\":\"B\"}");
        }
    }

    @Test
    void aSlowlyReadExportStreamsToItsEnd() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(32 * 1024);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            socket.getOutputStream().write("GET /api/export/votes HTTP/1.0\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            received.write(in.readNBytes(64 * 1024));
            beginStop();
            Thread.sleep(2_500);   // the reader pauses: the server's writes wait for it
            in.transferTo(received);
            String response = received.toString(StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            String bodyText = response.substring(response.indexOf("\r\n\r\n") + 4);
            List<String> lines = bodyText.lines().toList();
            assertThat(lines).hasSize(EXPORTED_VOTES);
            assertThat(bodyText).endsWith("}\n");
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(lines.getLast()).at("/judge_b/critique").asText()).isEqualTo("c2");
        }
    }

    @Test
    void anIdleKeptAliveConnectionDoesNotHoldTheStopForTheWholeGrace() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String body = "{\"choice\":\"A\"}";
            socket.getOutputStream().write(("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // the connection stays open and idle; a stop with a long grace must not wait for it
            Thread stop = new Thread(() -> server.stopGracefully(Duration.ofMinutes(10)));
            stop.start();
            stop.join(Duration.ofMinutes(1));
            assertThat(stop.isAlive()).as("stop still waiting for an idle connection").isFalse();
        }
    }

    private void beginStop() {
        stopper = new Thread(() -> server.stopGracefully(GRACE), "graceful-stop");
        stopper.start();
    }

}
