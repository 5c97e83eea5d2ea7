package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The gateway's cache and ledger in {@code llm_calls} (portable SQL: the same on SQLite and PostgreSQL). */
public final class LlmCallDao {

    private static final String COLUMNS = "id, request_key, endpoint, model, outcome, error_kind, attempts, "
            + "input_tokens, output_tokens, latency_ms, cost, response_text, request_json, created_at_us";

    private final Jdbi jdbi;

    public LlmCallDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(LlmCall call) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO llm_calls (" + COLUMNS + ") VALUES (:id, :requestKey, "
                        + ":endpoint, :model, :outcome, :errorKind, :attempts, :inputTokens, :outputTokens, "
                        + ":latencyMs, :cost, :responseText, :requestJson, :createdAtUs)")
                .bindMethods(call)
                .bind("createdAtUs", ChronoUnit.MICROS.between(Instant.EPOCH, call.createdAt()))
                .execute());
    }

    /** The newest successful answer to this request, if any. */
    public Optional<LlmCall> findAnswer(String requestKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_calls WHERE request_key = :key "
                        + "AND outcome = 'ok' ORDER BY created_at_us DESC LIMIT 1")
                .bind("key", requestKey).map(LlmCallDao::row).findOne());
    }

    /** Rows from {@code since} on, oldest first. */
    public List<LlmCall> since(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_calls WHERE created_at_us >= :since "
                        + "ORDER BY created_at_us")
                .bind("since", ChronoUnit.MICROS.between(Instant.EPOCH, since)).map(LlmCallDao::row).list());
    }

    /** Everything spent on an endpoint (cached rows cost 0). */
    public double totalCost(String endpoint) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(SUM(cost), 0) FROM llm_calls WHERE endpoint = :e")
                .bind("e", endpoint).mapTo(Double.class).one());
    }

    private static LlmCall row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LlmCall(rs.getString("id"), rs.getString("request_key"), rs.getString("endpoint"),
                rs.getString("model"), rs.getString("outcome"), rs.getString("error_kind"), rs.getInt("attempts"),
                rs.getInt("input_tokens"), rs.getInt("output_tokens"), rs.getLong("latency_ms"), rs.getDouble("cost"),
                rs.getString("response_text"), rs.getString("request_json"),
                Instant.EPOCH.plus(rs.getLong("created_at_us"), ChronoUnit.MICROS));
    }
}
