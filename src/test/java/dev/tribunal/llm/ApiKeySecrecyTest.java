package dev.tribunal.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tribunal.llm.stub.AnthropicStubServer;
import dev.tribunal.llm.stub.OpenAiStubServer;
import dev.tribunal.llm.stub.StubReply;
import dev.tribunal.store.LlmCall;
import dev.tribunal.store.LlmCallDao;
import dev.tribunal.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key is sent to the provider and nowhere else: not to logs, the ledger, or exception messages. */
class ApiKeySecrecyTest {

    private static final String KEY = "sk-distinctive-Zq8vW3kP0xTribunal";

    @TempDir
    Path dir;

    @Test
    void keyReachesTheProviderButNoLogLedgerRowOrException() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("test.db");
        Database database = Database.open(url);
        LlmCallDao ledger = new LlmCallDao(database);
        String echo = "Incorrect API key provided: " + KEY;
        List<Throwable> thrown = new ArrayList<>();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try (OpenAiStubServer openAi = new OpenAiStubServer(); AnthropicStubServer anthropic = new AnthropicStubServer()) {
            System.setOut(capture);
            System.setErr(capture);
            LlmConfig config = Yaml.llmConfig("""
                    llm:
                      endpoints:
                        - {name: openai, provider: openai, base_url: "%s", model: m, api_key_env: SECRET_KEY,
                           retries: 1, backoff_initial: 1ms, backoff_max: 2ms, timeout: 1s}
                        - {name: claude, provider: anthropic, base_url: "%s", model: m, api_key_env: SECRET_KEY,
                           retries: 1, backoff_initial: 1ms, backoff_max: 2ms}
                    """.formatted(openAi.baseUrl(), anthropic.baseUrl()));
            LlmGateway gateway = new LlmGateway(config, ledger, Map.of("SECRET_KEY", KEY)::get);
            openAi.enqueue(StubReply.text("fine"), StubReply.status(401, echo), StubReply.status(400, echo),
                    StubReply.status(500, echo), StubReply.status(500, echo), StubReply.rateLimited("0"),
                    StubReply.rateLimited("0"), StubReply.hanging(), StubReply.hanging());
            anthropic.enqueue(StubReply.text("fine"), StubReply.status(401, echo), StubReply.status(529, echo),
                    StubReply.status(529, echo));
            gateway.complete("openai", LlmRequest.of(LlmMessage.user("hello")));
            for (int i = 0; i < 5; i++) {
                thrown.add(catchThrowableOfType(LlmException.class,
                        () -> gateway.complete("openai", LlmRequest.of(LlmMessage.user("fail")).withCache(false))));
            }
            gateway.complete("claude", LlmRequest.of(LlmMessage.user("hello")));
            for (int i = 0; i < 2; i++) {
                thrown.add(catchThrowableOfType(LlmException.class,
                        () -> gateway.complete("claude", LlmRequest.of(LlmMessage.user("fail")).withCache(false))));
            }
            assertThat(openAi.credentials()).allMatch(c -> c.equals("Bearer " + KEY));
            assertThat(anthropic.credentials()).allMatch(c -> c.equals(KEY));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture did see the gateway's warnings").contains("LlmGateway");
        assertThat(logs).doesNotContain(KEY);

        assertThat(thrown).hasSize(7).doesNotContainNull();
        assertThat(thrown).extracting(t -> ((LlmException) t).kind()).containsExactly(ErrorKind.AUTH,
                ErrorKind.BAD_REQUEST, ErrorKind.SERVER_ERROR, ErrorKind.RATE_LIMITED, ErrorKind.TIMEOUT, ErrorKind.AUTH,
                ErrorKind.SERVER_ERROR);
        for (Throwable t : thrown) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(KEY);
        }
        assertThat(thrown.get(0).getMessage()).contains("[redacted]");

        List<LlmCall> rows = ledger.since(Instant.EPOCH);
        assertThat(rows).hasSize(9);
        assertThat(rows).allSatisfy(row -> assertThat(row.toString()).doesNotContain(KEY));
        database.close();
        // and no column of any table holds it
        String everything = dumpAllTables(url);
        assertThat(everything).contains("fine|").doesNotContain(KEY).doesNotContain("Bearer");
    }

    private static String dumpAllTables(String url) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) dump.append(rs.getString(i)).append('|');
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
