package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.bench.collective.CollectiveStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collective run killed half-way with a real {@code kill -9} of its JVM, then started again: it completes with
 * the same board as a run never interrupted, every provider answer recorded once (no finished call repeated), and
 * every vote exactly once.
 */
class CollectiveResumeTest {

    private static final String COLLECTIVE = "collective:\n  stability_window: 0\n";

    @TempDir
    Path dir;

    @Test
    void aRunKilledHalfWayCompletesOnRestartWithoutRepeatingAFinishedCall() throws Exception {
        Path whole = Files.createDirectories(dir.resolve("whole"));
        Path killed = Files.createDirectories(dir.resolve("killed"));
        CommandRun reference;
        int total;
        try (CollectiveStub stub = new CollectiveStub()) {
            reference = CommandRun.of(args(stub.config(whole, 4, COLLECTIVE)).toArray());
            assertThat(reference.exitCode()).as(reference.err()).isZero();
            total = stub.requests();
        }
        try (CollectiveStub stub = new CollectiveStub().latency(30)) {
            List<String> args = args(stub.config(killed, 4, COLLECTIVE));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.tribunal.cli.Main"));
            command.addAll(args);
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(killed.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (stub.requests() < total / 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(child.isAlive()).as("the child is still working half-way").isTrue();
            assertThat(new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor()).isZero();
            child.waitFor(30, TimeUnit.SECONDS);
            assertThat(child.exitValue()).isEqualTo(137);
            assertThat(stub.requests()).isLessThan(total);

            CommandRun again = CommandRun.of(args.toArray());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.json().get("rows")).isEqualTo(reference.json().get("rows"));
            assertThat(again.json().get("judge_weights")).isEqualTo(reference.json().get("judge_weights"));
            // the stub saw each call once, plus at most the calls in flight when the child died (4 per endpoint)
            assertThat(stub.requests()).isBetween(total, total + 5 * 4);

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + killed.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                List<Integer> okPerKey = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM llm_calls WHERE outcome = 'ok' GROUP BY request_key")) {
                    while (rs.next()) okPerKey.add(rs.getInt(1));
                }
                assertThat(okPerKey).hasSize(total).containsOnly(1);
                long kept = again.json().get("questions_kept").asLong();
                assertThat(count(st, "SELECT COUNT(*) FROM collective_votes WHERE model_id <> 0")).isEqualTo(kept * 5 * 4);
                assertThat(count(st, "SELECT COUNT(*) FROM answers")).isEqualTo(kept * 5);
            }
        }
    }

    private static List<String> args(Path config) {
        return List.of("benchmark", "collective", "--config", config.toString(), "--models", "m1,m2,m3,m4,m5",
                "--iterations", "6", "--weights", "peer-rank", "--lease", "2", "--output", "json", "--no-progress");
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
