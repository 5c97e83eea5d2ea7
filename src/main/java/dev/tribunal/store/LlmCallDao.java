package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Table {@code llm_calls}: the LLM gateway's response cache and its ledger of every call. The newest
 * {@code ok} row of a request key is the cached answer (ids grow with time, so "newest" is the largest id).
 */
public final class LlmCallDao {

    private static final String COLUMNS = "id, request_key, endpoint, model, outcome, error_kind, attempts, "
            + "input_tokens, output_tokens, latency_ms, cost, response_text, request_json, created_at";

    private static final String INSERT = "INSERT INTO llm_calls (request_key, endpoint, model, outcome, error_kind, "
            + "attempts, input_tokens, output_tokens, latency_ms, cost, response_text, request_json, created_at) "
            + "VALUES (:requestKey, :endpoint, :model, :outcome, :errorKind, :attempts, :inputTokens, :outputTokens, "
            + ":latencyMs, :cost, :responseText, :requestJson, :createdAt)";

    private final Sql sql;

    public LlmCallDao(Database database) {
        this.sql = database.sql();
    }

    /** Stores the row and returns it as stored (with its id and time). */
    public LlmCall insert(LlmCall call) {
        Instant at = sql.stamp(call.createdAt());
        long id = sql.write(h -> bind(h.createQuery(INSERT + " RETURNING id"), call, at).mapTo(Long.class).one());
        return new LlmCall(id, call.requestKey(), call.endpoint(), call.model(), call.outcome(), call.errorKind(),
                call.attempts(), call.inputTokens(), call.outputTokens(), call.latencyMs(), call.cost(),
                call.responseText(), call.requestJson(), at);
    }

    /** Stores the rows in one transaction (all or none): the gateway's group commit. */
    public void insertAll(List<LlmCall> calls) {
        sql.write(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT);
            for (LlmCall call : calls) bind(batch, call, sql.stamp(call.createdAt())).add();
            return batch.execute();
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, LlmCall call, Instant at) {
        return statement.bind("requestKey", call.requestKey()).bind("endpoint", call.endpoint())
                .bind("model", call.model()).bind("outcome", call.outcome()).bind("errorKind", call.errorKind())
                .bind("attempts", call.attempts()).bind("inputTokens", call.inputTokens())
                .bind("outputTokens", call.outputTokens()).bind("latencyMs", call.latencyMs()).bind("cost", call.cost())
                .bind("responseText", call.responseText()).bind("requestJson", call.requestJson())
                .bind("createdAt", at.toEpochMilli());
    }

    /** The newest successful answer to this request, if any. */
    public Optional<LlmCall> findAnswer(String requestKey) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_calls WHERE request_key = :key "
                        + "AND outcome = 'ok' ORDER BY id DESC LIMIT 1")
                .bind("key", requestKey).map(LlmCallDao::row).findOne());
    }

    /** Rows created at or after {@code since}, oldest first. */
    public List<LlmCall> since(Instant since) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_calls WHERE created_at >= :since "
                        + "ORDER BY id")
                .bind("since", since.toEpochMilli()).map(LlmCallDao::row).list());
    }

    /** Everything spent on an endpoint (cached and failed rows cost 0). */
    public double totalCost(String endpoint) {
        return sql.read(h -> h.createQuery("SELECT COALESCE(SUM(cost), 0) FROM llm_calls WHERE endpoint = :e")
                .bind("e", endpoint).mapTo(Double.class).one());
    }

    private static LlmCall row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LlmCall(rs.getLong("id"), rs.getString("request_key"), rs.getString("endpoint"),
                rs.getString("model"), rs.getString("outcome"), rs.getString("error_kind"), rs.getInt("attempts"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("latency_ms"),
                rs.getDouble("cost"), rs.getString("response_text"), rs.getString("request_json"),
                Columns.instant(rs, "created_at"));
    }
}
