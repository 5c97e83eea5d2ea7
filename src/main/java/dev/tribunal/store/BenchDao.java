package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Tables {@code questions}, {@code answers} and {@code judgments}: the benchmark side. */
public final class BenchDao {

    static final String QUESTION_COLUMNS = "id, question_set, external_key, category, topic, difficulty, "
            + "prompt, reference, generated_by, quality, created_at, position, turns_json, references_json";
    private static final String ANSWER_COLUMNS = "id, question_id, model_id, content, tokens, latency_ms, cost, "
            + "created_at, turns_json";
    private static final String JUDGMENT_COLUMNS = "id, question_id, judge_id, answer_a_id, answer_b_id, game, verdict, "
            + "score, critique, prompt_version, raw_output, parse_status, latency_ms, input_tokens, output_tokens, cost, "
            + "created_at";
    private static final String INSERT_QUESTION = "INSERT INTO questions (question_set, external_key, category, topic, "
            + "difficulty, prompt, reference, generated_by, quality, created_at, position, turns_json, references_json) "
            + "VALUES (:set, :key, :category, :topic, :difficulty, :prompt, :reference, :generatedBy, :quality, :at, "
            + ":position, :turns, :references)";
    private static final String INSERT_ANSWER = "INSERT INTO answers (question_id, model_id, content, tokens, latency_ms, "
            + "cost, created_at, turns_json) VALUES (:q, :m, :content, :tokens, :latency, :cost, :at, :turns)";
    private static final String INSERT_JUDGMENT = "INSERT INTO judgments (question_id, judge_id, answer_a_id, "
            + "answer_b_id, game, verdict, score, critique, prompt_version, raw_output, parse_status, latency_ms, "
            + "input_tokens, output_tokens, cost, created_at, reasked) VALUES (:q, :judge, :a, :b, :game, :verdict, "
            + ":score, :critique, :prompt, :raw, :status, :latency, :in, :out, :cost, :at, :reasked)";

    private final Sql sql;

    BenchDao(Sql sql) {
        this.sql = sql;
    }

    /** {@link DuplicateKeyException} when the external key exists. */
    public Question insertQuestion(Question q) {
        Instant at = sql.stamp(q.createdAt());
        long id = sql.write(h -> bindQuestion(h.createQuery(INSERT_QUESTION + " RETURNING id"), q, at)
                .mapTo(Long.class).one());
        return q.stored(id, at);
    }

    /**
     * Stores the questions in one transaction, skipping those whose external key is already stored (so importing a
     * set twice adds nothing); returns how many were inserted.
     */
    public int insertQuestions(Collection<Question> questions) {
        return sql.write(h -> Batches.insert(h, INSERT_QUESTION + " ON CONFLICT (external_key) DO NOTHING", questions,
                (batch, q) -> bindQuestion(batch, q, sql.stamp(q.createdAt()))));
    }

    private static <S extends SqlStatement<S>> S bindQuestion(S st, Question q, Instant at) {
        return st.bind("set", q.questionSet()).bind("key", q.externalKey()).bind("category", q.category())
                .bind("topic", q.topic()).bind("difficulty", q.difficulty()).bind("prompt", q.prompt())
                .bind("reference", q.reference()).bind("generatedBy", q.generatedBy()).bind("quality", q.quality())
                .bind("at", at.toEpochMilli()).bind("position", q.position()).bind("turns", JsonText.of(q.turns()))
                .bind("references", JsonText.of(q.references()));
    }

    /** The questions of a set in file order (position, then id). */
    public List<Question> questions(String questionSet) {
        return sql.read(h -> h.createQuery("SELECT " + QUESTION_COLUMNS + " FROM questions WHERE question_set = :set "
                        + "ORDER BY COALESCE(position, 0), id")
                .bind("set", questionSet).map(BenchDao::mapQuestion).list());
    }

    /** The first {@code limit} questions of a set in file order. */
    public List<Question> questions(String questionSet, int limit) {
        return sql.read(h -> h.createQuery("SELECT " + QUESTION_COLUMNS + " FROM questions WHERE question_set = :set "
                        + "ORDER BY COALESCE(position, 0), id LIMIT :limit")
                .bind("set", questionSet).bind("limit", limit).map(BenchDao::mapQuestion).list());
    }

    /** How many questions each set holds, by set name. */
    public List<QuestionSetSize> questionSets() {
        return sql.read(h -> h.createQuery("SELECT question_set, COUNT(*) AS n, "
                        + "SUM(CASE WHEN turns_json IS NULL THEN 0 ELSE 1 END) AS multi FROM questions "
                        + "GROUP BY question_set ORDER BY question_set")
                .map((rs, ctx) -> new QuestionSetSize(rs.getString("question_set"), rs.getLong("n"), rs.getLong("multi")))
                .list());
    }

    public Optional<Question> question(long id) {
        return sql.read(h -> h.createQuery("SELECT " + QUESTION_COLUMNS + " FROM questions WHERE id = :id")
                .bind("id", id).map(BenchDao::mapQuestion).findOne());
    }

    static Question mapQuestion(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Question(rs.getLong("id"), rs.getString("question_set"), rs.getString("external_key"),
                rs.getString("category"), rs.getString("topic"), rs.getString("difficulty"), rs.getString("prompt"),
                rs.getString("reference"), Columns.longOrNull(rs, "generated_by"), Columns.doubleOrNull(rs, "quality"),
                Columns.instant(rs, "created_at"), Columns.intOrNull(rs, "position"),
                JsonText.list(rs.getString("turns_json")), JsonText.list(rs.getString("references_json")));
    }

    /** {@link DuplicateKeyException} when the model already answered the question. */
    public Answer insertAnswer(Answer a) {
        Instant at = sql.stamp(a.createdAt());
        long id = sql.write(h -> bindAnswer(h.createQuery(INSERT_ANSWER + " RETURNING id"), a, at)
                .mapTo(Long.class).one());
        return a.stored(id, at);
    }

    /**
     * Stores the answer unless the model already answered the question, in the caller's transaction; returns the
     * stored answer (this one, or the one there was).
     */
    public Answer insertAnswerIfAbsent(Answer a) {
        Instant at = sql.stamp(a.createdAt());
        return sql.write(h -> {
            bindAnswer(h.createUpdate(INSERT_ANSWER + " ON CONFLICT (question_id, model_id) DO NOTHING"), a, at).execute();
            return answer(h, a.questionId(), a.modelId()).orElseThrow();
        });
    }

    /** Stores the answers, skipping (question, model) pairs already answered; returns how many were inserted. */
    public int insertAnswers(Collection<Answer> answers) {
        return sql.write(h -> Batches.insert(h, INSERT_ANSWER + " ON CONFLICT (question_id, model_id) DO NOTHING",
                answers, (batch, a) -> bindAnswer(batch, a, sql.stamp(a.createdAt()))));
    }

    private static <S extends SqlStatement<S>> S bindAnswer(S st, Answer a, Instant at) {
        return st.bind("q", a.questionId()).bind("m", a.modelId()).bind("content", a.content())
                .bind("tokens", a.tokens()).bind("latency", a.latencyMs()).bind("cost", a.cost())
                .bind("at", at.toEpochMilli()).bind("turns", JsonText.of(a.turns()));
    }

    /** Every answer to the question, by id. */
    public List<Answer> answers(long questionId) {
        return sql.read(h -> h.createQuery("SELECT " + ANSWER_COLUMNS + " FROM answers WHERE question_id = :q ORDER BY id")
                .bind("q", questionId).map(BenchDao::mapAnswer).list());
    }

    /** Every answer of these models to the questions of a set, by id. */
    public List<Answer> answersInSet(String questionSet, Collection<Long> modelIds) {
        if (modelIds.isEmpty()) return List.of();
        return sql.read(h -> h.createQuery("SELECT a.id, a.question_id, a.model_id, a.content, a.tokens, a.latency_ms, "
                        + "a.cost, a.created_at, a.turns_json FROM answers a JOIN questions q ON q.id = a.question_id "
                        + "WHERE q.question_set = :set AND a.model_id IN (<models>) ORDER BY a.id")
                .bind("set", questionSet).bindList("models", List.copyOf(modelIds)).map(BenchDao::mapAnswer).list());
    }

    public Optional<Answer> answer(long questionId, long modelId) {
        return sql.read(h -> answer(h, questionId, modelId));
    }

    private static Optional<Answer> answer(Handle h, long questionId, long modelId) {
        return h.createQuery("SELECT " + ANSWER_COLUMNS + " FROM answers WHERE question_id = :q AND model_id = :m")
                .bind("q", questionId).bind("m", modelId).map(BenchDao::mapAnswer).findOne();
    }

    private static Answer mapAnswer(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Answer(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("model_id"),
                rs.getString("content"), Columns.longOrNull(rs, "tokens"), Columns.longOrNull(rs, "latency_ms"),
                Columns.doubleOrNull(rs, "cost"), Columns.instant(rs, "created_at"),
                JsonText.list(rs.getString("turns_json")));
    }

    /** {@link DuplicateKeyException} when this judge already judged these answers in this game and prompt version. */
    public Judgment insertJudgment(Judgment j) {
        Instant at = sql.stamp(j.createdAt());
        long id = sql.write(h -> bindJudgment(h.createQuery(INSERT_JUDGMENT + " RETURNING id"), j, at)
                .mapTo(Long.class).one());
        return j.stored(id, at);
    }

    /**
     * Stores the judgment unless this judge already judged these answers in this game with this prompt; returns
     * whether it was inserted.
     */
    public boolean insertJudgmentIfAbsent(Judgment j) {
        Instant at = sql.stamp(j.createdAt());
        return sql.write(h -> bindJudgment(h.createUpdate(INSERT_JUDGMENT + " ON CONFLICT (answer_a_id, answer_b_id, "
                + "judge_id, game, prompt_version) DO NOTHING"), j, at).execute()) == 1;
    }

    private static <S extends SqlStatement<S>> S bindJudgment(S st, Judgment j, Instant at) {
        return st.bind("q", j.questionId()).bind("judge", j.judgeId()).bind("a", j.answerAId()).bind("b", j.answerBId())
                .bind("game", j.game()).bind("verdict", j.verdict()).bind("score", j.score())
                .bind("critique", j.critique()).bind("prompt", j.promptVersion()).bind("raw", j.rawOutput())
                .bind("status", j.parseStatus().code()).bind("latency", j.latencyMs()).bind("in", j.inputTokens())
                .bind("out", j.outputTokens()).bind("cost", j.cost()).bind("at", at.toEpochMilli())
                .bind("reasked", j.reasked());
    }

    /** Every judgment on answers to the question, by id. */
    public List<Judgment> judgments(long questionId) {
        return sql.read(h -> h.createQuery("SELECT " + JUDGMENT_COLUMNS + " FROM judgments WHERE question_id = :q "
                        + "ORDER BY id")
                .bind("q", questionId).map(BenchDao::mapJudgment).list());
    }

    /** Every pairwise judgment by this judge with this prompt on questions of a set, by id. */
    public List<Judgment> judgmentsInSet(String questionSet, long judgeId, String promptVersion) {
        return sql.read(h -> h.createQuery("SELECT j.id, j.question_id, j.judge_id, j.answer_a_id, j.answer_b_id, "
                        + "j.game, j.verdict, j.score, j.critique, j.prompt_version, j.raw_output, j.parse_status, "
                        + "j.latency_ms, j.input_tokens, j.output_tokens, j.cost, j.created_at FROM judgments j "
                        + "JOIN questions q ON q.id = j.question_id WHERE q.question_set = :set AND j.judge_id = :judge "
                        + "AND j.prompt_version = :prompt AND j.answer_b_id IS NOT NULL ORDER BY j.id")
                .bind("set", questionSet).bind("judge", judgeId).bind("prompt", promptVersion)
                .map(BenchDao::mapJudgment).list());
    }

    private static Judgment mapJudgment(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Judgment(rs.getLong("id"), rs.getLong("question_id"), rs.getLong("judge_id"),
                rs.getLong("answer_a_id"), Columns.longOrNull(rs, "answer_b_id"), rs.getInt("game"),
                rs.getString("verdict"), Columns.doubleOrNull(rs, "score"), rs.getString("critique"),
                rs.getString("prompt_version"), rs.getString("raw_output"),
                ParseStatus.of(rs.getString("parse_status")), Columns.longOrNull(rs, "latency_ms"),
                Columns.longOrNull(rs, "input_tokens"), Columns.longOrNull(rs, "output_tokens"),
                Columns.doubleOrNull(rs, "cost"), Columns.instant(rs, "created_at"));
    }
}
