package dev.tribunal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged vote is lost when the server dies: {@code tribunal serve} runs in its own JVM, eight browsers
 * vote as fast as they can, and the process is killed with a real {@code kill -9} in the middle. Every vote that got
 * its 200 must be in the database afterwards (the vote is committed before the answer is sent).
 */
class VoteDurabilityTest {

    private static final Pattern RUNNING = Pattern.compile("Tribunal is running at (http\\S+)");

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedVoteIsLostUnderKillMinus9() throws Exception {
        Path db = dir.resolve("votes.db");
        Path config = Files.writeString(dir.resolve("serve.yaml"), """
                server: {host: 127.0.0.1, port: 0}
                database: {url: "jdbc:sqlite:%s"}
                demo: {load: true, path: "%s"}
                arena:
                  votes_per_minute: 1000000
                  votes_per_day: 100000000
                  rounds_per_minute: 1000000
                  per_address: {new_voters_per_hour: 0, rounds_per_minute: 0, votes_per_minute: 0, samples_per_hour: 0}
                """.formatted(db, Path.of("data/demo").toAbsolutePath()));
        Path log = dir.resolve("serve.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tribunal.cli.Main", "serve", "--config",
                config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            URI url = awaitStart(server, log);
            AtomicBoolean voting = new AtomicBoolean(true);
            try (ExecutorService browsers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int b = 0; b < 8; b++) {
                    running.add(browsers.submit(() -> {
                        HttpSession browser = new HttpSession(url);
                        while (voting.get()) {
                            try {
                                HttpResponse<String> round = browser.post("/api/rounds", null);
                                if (round.statusCode() != 201) continue;
                                String id = HttpSession.json(round).get("round_id").asText();
                                HttpResponse<String> vote = browser.postJson("/api/rounds/" + id + "/vote",
                                        "{\"choice\":\"A\"}");
                                if (vote.statusCode() == 200) acknowledged.add(id);
                            } catch (RuntimeException e) {
                                return null;   // the server is gone
                            }
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() < 300 && System.nanoTime() < deadline) Thread.sleep(20);
                assertThat(new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor()).isZero();
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                voting.set(false);
                for (Future<?> f : running) f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(server.exitValue()).isEqualTo(137);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM votes v JOIN battles b ON b.vote_id = v.round_id "
                     + "WHERE v.round_id = ?")) {
            for (String id : acknowledged) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) != 1) missing.add(id);
                }
            }
        }
        assertThat(missing).as("acknowledged votes (with their battles) missing after kill -9").isEmpty();
    }

    private static URI awaitStart(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("the server stopped:\n" + Files.readString(log));
            Matcher m = RUNNING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return URI.create(m.group(1));
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not start:\n" + Files.readString(log));
    }
}
