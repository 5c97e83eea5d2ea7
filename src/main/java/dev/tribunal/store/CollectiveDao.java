package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Tables {@code collective_questions}, {@code collective_votes} and {@code collective_weights}: the collective
 * benchmark's questions (with what the pool made of them), its votes, and its judges' weights after each iteration.
 */
public final class CollectiveDao {

    private static final String QUESTION_SELECT = "SELECT " + BenchDao.QUESTION_COLUMNS + ", run_id, iteration, "
            + "attempt, state, quality_mean, quality_median, cost FROM questions JOIN collective_questions ON question_id = id";
    private static final String VOTE_COLUMNS = "id, run_id, question_id, model_id, answer_id, judge_id, score, critique, "
            + "prompt_version, raw_output, parse_status, reasked, latency_ms, input_tokens, output_tokens, cost, created_at";

    private final Sql sql;

    public CollectiveDao(Database database) {
        this.sql = database.sql();
    }

    /** Records that the stored question was written for this iteration and attempt, at this cost (state pending). */
    public void insertAttempt(long questionId, long runId, int iteration, int attempt, double cost) {
        sql.write(h -> h.createUpdate("INSERT INTO collective_questions (question_id, run_id, iteration, attempt, state, "
                        + "cost) VALUES (:q, :run, :iteration, :attempt, 'pending', :cost)")
                .bind("q", questionId).bind("run", runId).bind("iteration", iteration).bind("attempt", attempt)
                .bind("cost", cost).execute());
    }

    /** The question written for this iteration and attempt, if any. */
    public Optional<CollectiveQuestion> attempt(long runId, int iteration, int attempt) {
        return sql.read(h -> h.createQuery(QUESTION_SELECT + " WHERE run_id = :run AND iteration = :iteration AND "
                        + "attempt = :attempt")
                .bind("run", runId).bind("iteration", iteration).bind("attempt", attempt)
                .map(CollectiveDao::mapQuestion).findOne());
    }

    /** Every question written for the run, by iteration and attempt. */
    public List<CollectiveQuestion> questions(long runId) {
        return sql.read(h -> h.createQuery(QUESTION_SELECT + " WHERE run_id = :run ORDER BY iteration, attempt")
                .bind("run", runId).map(CollectiveDao::mapQuestion).list());
    }

    /** Sets what the pool made of the question; the means are null when it was not rated. */
    public void judgeQuestion(long questionId, String state, Double mean, Double median) {
        sql.write(h -> h.createUpdate("UPDATE collective_questions SET state = :state, quality_mean = :mean, "
                        + "quality_median = :median WHERE question_id = :q")
                .bind("state", state).bind("mean", mean).bind("median", median).bind("q", questionId).execute());
    }

    /** Stores the vote unless this judge already rated this question or answer with this prompt; joins a transaction. */
    public boolean insertVoteIfAbsent(CollectiveVote v) {
        long at = sql.stamp(v.createdAt()).toEpochMilli();
        return sql.write(h -> h.createUpdate("INSERT INTO collective_votes (run_id, question_id, model_id, answer_id, "
                        + "judge_id, score, critique, prompt_version, raw_output, parse_status, reasked, latency_ms, "
                        + "input_tokens, output_tokens, cost, created_at) VALUES (:run, :q, :m, :answer, :judge, :score, "
                        + ":critique, :prompt, :raw, :status, :reasked, :latency, :in, :out, :cost, :at) "
                        + "ON CONFLICT (question_id, model_id, judge_id, prompt_version) DO NOTHING")
                .bind("run", v.runId()).bind("q", v.questionId()).bind("m", v.modelId()).bind("answer", v.answerId())
                .bind("judge", v.judgeId()).bind("score", v.score()).bind("critique", v.critique())
                .bind("prompt", v.promptVersion()).bind("raw", v.rawOutput()).bind("status", v.parseStatus().code())
                .bind("reasked", v.reasked()).bind("latency", v.latencyMs()).bind("in", v.inputTokens())
                .bind("out", v.outputTokens()).bind("cost", v.cost()).bind("at", at).execute()) == 1;
    }

    /** Every vote of the run, by id. */
    public List<CollectiveVote> votes(long runId) {
        return sql.read(h -> h.createQuery("SELECT " + VOTE_COLUMNS + " FROM collective_votes WHERE run_id = :run "
                        + "ORDER BY id")
                .bind("run", runId).map(CollectiveDao::mapVote).list());
    }

    /** The votes on one question and its answers, by id. */
    public List<CollectiveVote> votesOn(long questionId) {
        return sql.read(h -> h.createQuery("SELECT " + VOTE_COLUMNS + " FROM collective_votes WHERE question_id = :q "
                        + "ORDER BY id")
                .bind("q", questionId).map(CollectiveDao::mapVote).list());
    }

    /**
     * Streams every collective vote with its question, answer and the names of the judge, author and model, by run,
     * question and id, through the store's cursor (one row in memory at a time). The sink must not write.
     */
    public void forEachRecord(Consumer<CollectiveVoteRecord> sink) {
        sql.stream(h -> h.createQuery("SELECT v.created_at, v.run_id, q.topic, q.difficulty, q.prompt, qa.name AS author, "
                        + "m.name AS model, a.content, j.name AS judge, v.score, v.critique, v.parse_status, "
                        + "v.prompt_version FROM collective_votes v JOIN questions q ON q.id = v.question_id "
                        + "LEFT JOIN contestants qa ON qa.id = q.generated_by LEFT JOIN answers a ON a.id = v.answer_id "
                        + "LEFT JOIN contestants m ON m.id = a.model_id JOIN contestants j ON j.id = v.judge_id "
                        + "ORDER BY v.run_id, v.question_id, v.id")
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> new CollectiveVoteRecord(Columns.instant(rs, "created_at"), rs.getLong("run_id"),
                        rs.getString("topic"), rs.getString("difficulty"), rs.getString("prompt"), rs.getString("author"),
                        rs.getString("model"), rs.getString("content"), rs.getString("judge"),
                        Columns.intOrNull(rs, "score"), rs.getString("critique"),
                        ParseStatus.of(rs.getString("parse_status")), rs.getString("prompt_version")))
                .useStream(rows -> rows.forEach(sink)));
    }

    /** Stores the judges' weights after the iteration (judge id → weight); storing an iteration twice adds nothing. */
    public void saveWeights(long runId, int iteration, Map<Long, Double> weights) {
        sql.write(h -> Batches.insert(h, "INSERT INTO collective_weights (run_id, iteration, judge_id, weight) VALUES "
                        + "(:run, :iteration, :judge, :weight) ON CONFLICT (run_id, iteration, judge_id) DO NOTHING",
                weights.entrySet(), (batch, e) -> batch.bind("run", runId).bind("iteration", iteration)
                        .bind("judge", e.getKey()).bind("weight", e.getValue())));
    }

    /** The weights stored after each iteration of the run: iteration → (judge id → weight), in iteration order. */
    public Map<Integer, Map<Long, Double>> weights(long runId) {
        Map<Integer, Map<Long, Double>> out = new LinkedHashMap<>();
        sql.read(h -> h.createQuery("SELECT iteration, judge_id, weight FROM collective_weights WHERE run_id = :run "
                        + "ORDER BY iteration, judge_id")
                .bind("run", runId)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getInt("iteration"), i -> new LinkedHashMap<>())
                        .put(rs.getLong("judge_id"), rs.getDouble("weight")))
                .list());
        return out;
    }

    private static CollectiveQuestion mapQuestion(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CollectiveQuestion(BenchDao.mapQuestion(rs, ctx), rs.getLong("run_id"), rs.getInt("iteration"),
                rs.getInt("attempt"), rs.getString("state"), Columns.doubleOrNull(rs, "quality_mean"),
                Columns.doubleOrNull(rs, "quality_median"), rs.getDouble("cost"));
    }

    private static CollectiveVote mapVote(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CollectiveVote(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("question_id"),
                rs.getLong("model_id"), Columns.longOrNull(rs, "answer_id"), rs.getLong("judge_id"),
                Columns.intOrNull(rs, "score"), rs.getString("critique"), rs.getString("prompt_version"),
                rs.getString("raw_output"), ParseStatus.of(rs.getString("parse_status")),
                Boolean.TRUE.equals(Columns.booleanOrNull(rs, "reasked")), Columns.longOrNull(rs, "latency_ms"),
                Columns.longOrNull(rs, "input_tokens"), Columns.longOrNull(rs, "output_tokens"),
                Columns.doubleOrNull(rs, "cost"), Columns.instant(rs, "created_at"));
    }
}
