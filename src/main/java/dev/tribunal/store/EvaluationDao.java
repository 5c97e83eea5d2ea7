package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code evaluations}: judges' outputs on samples. */
public final class EvaluationDao {

    static final String COLUMNS = "id, sample_id, judge_id, verdict, score, critique, prompt_version, request_key, "
            + "raw_output, parse_status, latency_ms, input_tokens, output_tokens, cost, created_at, reasked";
    private static final String INSERT = "INSERT INTO evaluations (sample_id, judge_id, verdict, score, critique, "
            + "prompt_version, request_key, raw_output, parse_status, latency_ms, input_tokens, output_tokens, cost, "
            + "created_at, reasked) VALUES (:sampleId, :judgeId, :verdict, :score, :critique, :promptVersion, :requestKey, "
            + ":rawOutput, :parseStatus, :latencyMs, :inputTokens, :outputTokens, :cost, :createdAt, :reasked)";

    private final Sql sql;

    EvaluationDao(Sql sql) {
        this.sql = sql;
    }

    /**
     * Stores a new evaluation; {@link DuplicateKeyException} when the judge already has one for this sample
     * and prompt version, {@link MissingReferenceException} for an unknown sample or judge.
     */
    public Evaluation insert(Evaluation e) {
        Instant at = sql.stamp(e.createdAt());
        long id = sql.write(h -> bind(h.createQuery(INSERT + " RETURNING id"), e, at).mapTo(Long.class).one());
        return e.stored(id, at);
    }

    /** Returns the stored evaluation with this one's (sample, judge, prompt version), inserting this one if none. */
    public Evaluation insertIfAbsent(Evaluation e) {
        Instant at = sql.stamp(e.createdAt());
        return sql.write(h -> {
            bind(h.createUpdate(INSERT + " ON CONFLICT (sample_id, judge_id, prompt_version) DO NOTHING"), e, at).execute();
            return find(h, e.sampleId(), e.judgeId(), e.promptVersion()).orElseThrow();
        });
    }

    /**
     * Stores the evaluations in one transaction, in batches, skipping those whose (sample, judge, prompt
     * version) is already stored. Returns how many were inserted.
     */
    public int insertAllIfAbsent(List<Evaluation> evaluations) {
        return sql.write(h -> Batches.insert(h, INSERT + " ON CONFLICT (sample_id, judge_id, prompt_version) DO NOTHING",
                evaluations, (batch, e) -> bind(batch, e, sql.stamp(e.createdAt()))));
    }

    public Optional<Evaluation> byId(long id) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM evaluations WHERE id = :id")
                .bind("id", id).map(EvaluationDao::map).findOne());
    }

    public Optional<Evaluation> find(long sampleId, long judgeId, String promptVersion) {
        return sql.read(h -> find(h, sampleId, judgeId, promptVersion));
    }

    /** Every evaluation of the sample, any status, by id. */
    public List<Evaluation> forSample(long sampleId) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM evaluations WHERE sample_id = :s ORDER BY id")
                .bind("s", sampleId).map(EvaluationDao::map).list());
    }

    public long count() {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM evaluations").mapTo(Long.class).one());
    }

    private static Optional<Evaluation> find(Handle h, long sampleId, long judgeId, String promptVersion) {
        return h.createQuery("SELECT " + COLUMNS + " FROM evaluations WHERE sample_id = :s AND judge_id = :j "
                        + "AND prompt_version = :p")
                .bind("s", sampleId).bind("j", judgeId).bind("p", promptVersion).map(EvaluationDao::map).findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S st, Evaluation e, Instant at) {
        return st.bind("sampleId", e.sampleId()).bind("judgeId", e.judgeId()).bind("verdict", e.verdict())
                .bind("score", e.score()).bind("critique", e.critique()).bind("promptVersion", e.promptVersion())
                .bind("requestKey", e.requestKey()).bind("rawOutput", e.rawOutput())
                .bind("parseStatus", e.parseStatus().code()).bind("latencyMs", e.latencyMs())
                .bind("inputTokens", e.inputTokens()).bind("outputTokens", e.outputTokens()).bind("cost", e.cost())
                .bind("createdAt", at.toEpochMilli()).bind("reasked", e.reasked());
    }

    static Evaluation map(ResultSet rs, StatementContext ctx) throws SQLException {
        return mapPrefixed(rs, "");
    }

    static Evaluation mapPrefixed(ResultSet rs, String p) throws SQLException {
        return new Evaluation(rs.getLong(p + "id"), rs.getLong(p + "sample_id"), rs.getLong(p + "judge_id"),
                rs.getString(p + "verdict"), Columns.intOrNull(rs, p + "score"), rs.getString(p + "critique"),
                rs.getString(p + "prompt_version"), rs.getString(p + "request_key"), rs.getString(p + "raw_output"),
                ParseStatus.of(rs.getString(p + "parse_status")), Columns.longOrNull(rs, p + "latency_ms"),
                Columns.longOrNull(rs, p + "input_tokens"), Columns.longOrNull(rs, p + "output_tokens"),
                Columns.doubleOrNull(rs, p + "cost"), Columns.instant(rs, p + "created_at"),
                Columns.booleanOrNull(rs, p + "reasked"));
    }
}
