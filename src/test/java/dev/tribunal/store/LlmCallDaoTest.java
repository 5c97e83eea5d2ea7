package dev.tribunal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code llm_calls} cache and ledger, each test on SQLite and on PostgreSQL (a fresh schema, dropped
 * afterwards; skipped without a server unless CI=true).
 */
class LlmCallDaoTest {

    @TempDir
    Path dir;
    private PostgresSchema schema;
    private Database database;
    private LlmCallDao calls;

    private void open(String dialect) {
        if (dialect.equals("postgresql")) {
            schema = PostgresSchema.create();
            database = Database.open(schema.url());
        } else {
            database = Database.open("jdbc:sqlite:" + dir.resolve("calls.db"));
        }
        calls = new LlmCallDao(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
        if (schema != null) schema.close();
    }

    private static LlmCall row(String key, String endpoint, String outcome, String text, double cost) {
        return new LlmCall(null, key, endpoint, "model-x", outcome, outcome.equals(LlmCall.ERROR) ? "timeout" : null,
                outcome.equals(LlmCall.CACHED) ? 0 : 1, 120, 30, 850, cost, text, "{\"messages\":[]}", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void theNewestOkRowIsTheCachedAnswer(String dialect) {
        open(dialect);
        String key = "a".repeat(64);
        calls.insert(row(key, "e1", LlmCall.OK, "old answer", 0.01));
        calls.insert(row(key, "e1", LlmCall.CACHED, null, 0));
        calls.insert(row(key, "e1", LlmCall.OK, "new answer", 0.01));
        calls.insert(row(key, "e1", LlmCall.ERROR, null, 0));
        LlmCall answer = calls.findAnswer(key).orElseThrow();
        assertThat(answer.responseText()).isEqualTo("new answer");
        assertThat(answer.inputTokens()).isEqualTo(120);
        assertThat(answer.latencyMs()).isEqualTo(850);
        assertThat(calls.findAnswer("b".repeat(64))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void onlyErrorsAreNoAnswer(String dialect) {
        open(dialect);
        String key = "c".repeat(64);
        calls.insert(row(key, "e1", LlmCall.ERROR, null, 0));
        assertThat(calls.findAnswer(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void ledgerReadsBackInOrderWithTimesAndTotals(String dialect) {
        open(dialect);
        Instant before = Instant.now().minusSeconds(1);
        LlmCall stored = calls.insert(row("d".repeat(64), "e1", LlmCall.OK, "x", 0.25));
        calls.insert(row("e".repeat(64), "e1", LlmCall.OK, "y", 0.5));
        calls.insert(row("e".repeat(64), "e1", LlmCall.CACHED, null, 0));
        calls.insert(row("f".repeat(64), "e2", LlmCall.OK, "z", 4));
        List<LlmCall> rows = calls.since(before);
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst()).isEqualTo(stored);
        assertThat(rows).extracting(LlmCall::outcome).containsExactly("ok", "ok", "cached", "ok");
        assertThat(rows.get(2).errorKind()).isNull();
        assertThat(calls.totalCost("e1")).isEqualTo(0.75);
        assertThat(calls.totalCost("nobody")).isZero();
        assertThat(calls.since(Instant.now().plusSeconds(60))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBatchIsStoredWholeOrNotAtAll(String dialect) {
        open(dialect);
        calls.insertAll(List.of(row("h".repeat(64), "e3", LlmCall.OK, "one", 1), row("i".repeat(64), "e3", LlmCall.OK,
                "two", 2)));
        assertThat(calls.findAnswer("i".repeat(64)).orElseThrow().responseText()).isEqualTo("two");
        assertThatThrownBy(() -> calls.insertAll(List.of(row("j".repeat(64), "e3", LlmCall.OK, "three", 4),
                row("k".repeat(64), "e3", "maybe", null, 8)))).isInstanceOf(InvalidRowException.class);
        assertThat(calls.findAnswer("j".repeat(64))).isEmpty();
        assertThat(calls.totalCost("e3")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anUnknownOutcomeIsRefused(String dialect) {
        open(dialect);
        assertThatThrownBy(() -> calls.insert(row("g".repeat(64), "e1", "maybe", null, 0)))
                .isInstanceOf(InvalidRowException.class);
    }
}
