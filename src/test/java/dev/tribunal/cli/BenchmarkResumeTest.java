package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.bench.baseline.BenchStub;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed half-way with a real {@code kill -9} of its JVM, then started again: it completes without repeating a
 * finished call (no request key answered twice by the provider) and with every judgment exactly once.
 */
class BenchmarkResumeTest {

    private static final int QUESTIONS = 10;

    @TempDir
    Path dir;

    @Test
    void aRunKilledHalfWayCompletesOnRestartWithoutRepeatingAFinishedCall() throws Exception {
        try (BenchStub stub = new BenchStub().latency(40)) {
            Path config = stub.config(dir, 4);
            List<String> args = List.of("benchmark", "baseline", "--config", config.toString(), "--questions",
                    "arena-hard-v0.1", "--limit", String.valueOf(QUESTIONS), "--baseline", "baseline", "--models",
                    "strong,medium,weak", "--judge", "fair", "--judge", "biased", "--lease", "2", "--no-progress");
            int total = QUESTIONS * 4 + QUESTIONS * 3 * 2 * 2;

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.tribunal.cli.Main"));
            command.addAll(args);
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (stub.requests() < total / 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(child.isAlive()).as("the child is still working half-way").isTrue();
            int status = new ProcessBuilder("kill", "-9", Long.toString(child.pid())).start().waitFor();
            assertThat(status).isZero();
            child.waitFor(30, TimeUnit.SECONDS);
            assertThat(child.exitValue()).isEqualTo(137);
            int beforeRestart = stub.requests();
            assertThat(beforeRestart).isLessThan(total);

            CommandRun again = CommandRun.of(args.toArray());
            assertThat(again.exitCode()).as(again.err()).isZero();

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
                 Statement st = c.createStatement()) {
                // every provider answer is an 'ok' row: a finished call repeated would be a second one with its key
                List<Integer> okPerKey = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM llm_calls WHERE outcome = 'ok' GROUP BY request_key")) {
                    while (rs.next()) okPerKey.add(rs.getInt(1));
                }
                assertThat(okPerKey).hasSize(total).containsOnly(1);
                assertThat(count(st, "SELECT COUNT(*) FROM judgments")).isEqualTo(QUESTIONS * 3 * 2 * 2);
                assertThat(count(st, "SELECT COUNT(DISTINCT answer_a_id || ':' || answer_b_id || ':' || judge_id || ':' || game) "
                        + "FROM judgments")).isEqualTo(QUESTIONS * 3 * 2 * 2);
                assertThat(count(st, "SELECT COUNT(*) FROM answers")).isEqualTo(QUESTIONS * 4);
            }
            // the stub saw each call once, plus at most the calls in flight when the child died (4 per endpoint)
            assertThat(stub.requests()).isBetween(total, total + 6 * 4);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
