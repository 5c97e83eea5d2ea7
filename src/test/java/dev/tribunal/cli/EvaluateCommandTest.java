package dev.tribunal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.Database;
import dev.tribunal.store.LlmCallDao;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {

    @TempDir
    Path dir;
    private OpenAiStubServer stub;
    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        stub = new OpenAiStubServer();
        config = dir.resolve("tribunal.yaml");
        Files.writeString(config, """
                database:
                  url: jdbc:sqlite:%s
                llm:
                  endpoints:
                    - {name: local, provider: openai_compatible, base_url: "%s", model: m,
                       price_input_per_million: 1, price_output_per_million: 1}
                  judges:
                    - {name: local-judge, endpoint: local}
                """.formatted(dir.resolve("t.db"), stub.baseUrl()));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void comparesTwoResponsesAndRecordsTheCall() {
        stub.enqueue(StubReply.text("{\"critique\": \"B adds nothing wrong, A is wrong.\", \"verdict\": \"B>>A\"}")
                .usage(300, 20));
        int code = run("evaluate", "--config", config.toString(), "--judge", "local-judge", "--input", "2+2?",
                "--response", "5", "--response-b", "4");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("verdict  B>>A", "parse    ok (prompt pairwise-v1, 1 call)",
                "300 in / 20 out tokens", "cost 0.000320", "B adds nothing wrong, A is wrong.");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"))) {
            assertThat(new LlmCallDao(db).since(Instant.EPOCH)).hasSize(1);
        }
    }

    @Test
    void gradesOneResponse() {
        stub.enqueue(StubReply.text("{\"critique\": \"Correct.\", \"score\": 5}"));
        assertThat(run("evaluate", "--config", config.toString(), "--judge", "local-judge", "--input", "2+2?",
                "--response", "4")).isZero();
        assertThat(out.toString()).contains("score    5 / 5", "single-v1", "Correct.");
    }

    @Test
    void anUnparseableReplyExitsOneAndSaysSo() {
        stub.respondWith(body -> StubReply.text("Hard to say."));
        assertThat(run("evaluate", "--config", config.toString(), "--judge", "local-judge", "--input", "q",
                "--response", "a", "--response-b", "b")).isEqualTo(1);
        assertThat(out.toString()).contains("could not be parsed", "unparseable", "2 calls", "Hard to say.");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        assertThat(run("evaluate", "--config", config.toString(), "--judge", "nobody", "--input", "q",
                "--response", "a")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("tribunal evaluate: no judge named 'nobody' in llm.judges");
        assertThat(run("evaluate", "--config", dir.resolve("missing.yaml").toString(), "--judge", "j",
                "--input", "q", "--response", "a")).isEqualTo(2);
        assertThat(err.toString()).contains("configuration file not found");
        assertThat(stub.requests()).isZero();
    }

    @Test
    void providerFailureExitsOne() {
        stub.respondWith(body -> StubReply.status(401, "bad key"));
        assertThat(run("evaluate", "--config", config.toString(), "--judge", "local-judge", "--input", "q",
                "--response", "a")).isEqualTo(1);
        assertThat(err.toString()).startsWith("tribunal evaluate: local: auth: HTTP 401");
    }
}
