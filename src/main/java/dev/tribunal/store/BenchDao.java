package dev.tribunal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tables {@code questions}, {@code answers} and {@code judgments}: the benchmark side. */
public final class BenchDao {

    private static final String QUESTION_COLUMNS = "id, question_set, external_key, category, topic, difficulty, "
            + "prompt, reference, generated_by, quality, created_at";
    private static final String ANSWER_COLUMNS = "id, question_id, model_id, content, tokens, latency_ms, cost, created_at";
    private static final String JUDGMENT_COLUMNS = "id, question_id, judge_id, answer_a_id, answer_b_id, game, verdict, "
            + "score, critique, prompt_version, raw_output, parse_status, latency_ms, input_tokens, output_tokens, cost, "
            + "created_at";

    private final Sql sql;

    BenchDao(Sql sql) {
        this.sql = sql;
    }

    /** {@link DuplicateKeyException} when the external key exists. */
    public Question insertQuestion(Question q) {
        Instant at = sql.stamp(q.createdAt());
        long id = sql.write(h -> h.createQuery("INSERT INTO questions (question_set, external_key, category, topic, "
                        + "difficulty, prompt, reference, generated_by, quality, created_at) VALUES (:set, :key, "
                        + ":category, :topic, :difficulty, :prompt, :reference, :generatedBy, :quality, :at) RETURNING id")
                .bind("set", q.questionSet()).bind("key", q.externalKey()).bind("category", q.category())
                .bind("topic", q.topic()).bind("difficulty", q.difficulty()).bind("prompt", q.prompt())
                .bind("reference", q.reference()).bind("generatedBy", q.generatedBy()).bind("quality", q.quality())
                .bind("at", at.toEpochMilli()).mapTo(Long.class).one());
        return q.stored(id, at);
    }

    /** The questions of a set, by id. */
    public List<Question> questions(String questionSet) {
        return sql.read(h -> h.createQuery("SELECT " + QUESTION_COLUMNS + " FROM questions WHERE question_set = :set "
                        + "ORDER BY id")
                .bind("set", questionSet)
                .map((rs, ctx) -> new Question(rs.getLong("id"), rs.getString("question_set"),
                        rs.getString("external_key"), rs.getString("category"), rs.getString("topic"),
                        rs.getString("difficulty"), rs.getString("prompt"), rs.getString("reference"),
                        Columns.longOrNull(rs, "generated_by"), Columns.doubleOrNull(rs, "quality"),
                        Columns.instant(rs, "created_at")))
                .list());
    }

    /** {@link DuplicateKeyException} when the model already answered the question. */
    public Answer insertAnswer(Answer a) {
        Instant at = sql.stamp(a.createdAt());
        long id = sql.write(h -> h.createQuery("INSERT INTO answers (question_id, model_id, content, tokens, latency_ms, "
                        + "cost, created_at) VALUES (:q, :m, :content, :tokens, :latency, :cost, :at) RETURNING id")
                .bind("q", a.questionId()).bind("m", a.modelId()).bind("content", a.content())
                .bind("tokens", a.tokens()).bind("latency", a.latencyMs()).bind("cost", a.cost())
                .bind("at", at.toEpochMilli()).mapTo(Long.class).one());
        return a.stored(id, at);
    }

    /** Every answer to the question, by id. */
    public List<Answer> answers(long questionId) {
        return sql.read(h -> h.createQuery("SELECT " + ANSWER_COLUMNS + " FROM answers WHERE question_id = :q ORDER BY id")
                .bind("q", questionId)
                .map((rs, ctx) -> new Answer(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("model_id"),
                        rs.getString("content"), Columns.longOrNull(rs, "tokens"), Columns.longOrNull(rs, "latency_ms"),
                        Columns.doubleOrNull(rs, "cost"), Columns.instant(rs, "created_at")))
                .list());
    }

    public Optional<Answer> answer(long questionId, long modelId) {
        return answers(questionId).stream().filter(a -> a.modelId() == modelId).findFirst();
    }

    /** {@link DuplicateKeyException} when this judge already judged these answers in this game and prompt version. */
    public Judgment insertJudgment(Judgment j) {
        Instant at = sql.stamp(j.createdAt());
        long id = sql.write(h -> h.createQuery("INSERT INTO judgments (question_id, judge_id, answer_a_id, answer_b_id, "
                        + "game, verdict, score, critique, prompt_version, raw_output, parse_status, latency_ms, "
                        + "input_tokens, output_tokens, cost, created_at) VALUES (:q, :judge, :a, :b, :game, :verdict, "
                        + ":score, :critique, :prompt, :raw, :status, :latency, :in, :out, :cost, :at) RETURNING id")
                .bind("q", j.questionId()).bind("judge", j.judgeId()).bind("a", j.answerAId()).bind("b", j.answerBId())
                .bind("game", j.game()).bind("verdict", j.verdict()).bind("score", j.score())
                .bind("critique", j.critique()).bind("prompt", j.promptVersion()).bind("raw", j.rawOutput())
                .bind("status", j.parseStatus().code()).bind("latency", j.latencyMs()).bind("in", j.inputTokens())
                .bind("out", j.outputTokens()).bind("cost", j.cost()).bind("at", at.toEpochMilli())
                .mapTo(Long.class).one());
        return j.stored(id, at);
    }

    /** Every judgment on answers to the question, by id. */
    public List<Judgment> judgments(long questionId) {
        return sql.read(h -> h.createQuery("SELECT " + JUDGMENT_COLUMNS + " FROM judgments WHERE question_id = :q "
                        + "ORDER BY id")
                .bind("q", questionId)
                .map((rs, ctx) -> new Judgment(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("judge_id"),
                        rs.getLong("answer_a_id"), Columns.longOrNull(rs, "answer_b_id"), rs.getInt("game"),
                        rs.getString("verdict"), Columns.doubleOrNull(rs, "score"), rs.getString("critique"),
                        rs.getString("prompt_version"), rs.getString("raw_output"),
                        ParseStatus.of(rs.getString("parse_status")), Columns.longOrNull(rs, "latency_ms"),
                        Columns.longOrNull(rs, "input_tokens"), Columns.longOrNull(rs, "output_tokens"),
                        Columns.doubleOrNull(rs, "cost"), Columns.instant(rs, "created_at")))
                .list());
    }
}
