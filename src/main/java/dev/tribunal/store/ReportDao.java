package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the judge report card reads: every judge's verdicts on pairs of answers (arena evaluations and benchmark
 * judgments) and people's labels on pair samples ({@code pair_labels}). Streams through a cursor; the sink must not
 * write to the database.
 */
public final class ReportDao {

    private static final String INSERT_LABEL = "INSERT INTO pair_labels (sample_id, outcome, source, external_key, "
            + "created_at) VALUES (:sampleId, :outcome, :source, :externalKey, :createdAt)";

    private static final String INSERT_LABELLED = "INSERT INTO labelled_judgments (judge_id, pair_key, pair_id, "
            + "source, label, game, verdict, parse_status, prompt_version, origin, reasked, length_a, length_b, "
            + "latency_ms, cost, created_at) VALUES (:judge, :pairKey, :pairId, :source, :label, :game, :verdict, "
            + ":status, :prompt, :origin, :reasked, :lengthA, :lengthB, :latency, :cost, :at) "
            + "ON CONFLICT (judge_id, pair_key, game, prompt_version) DO NOTHING";

    private final Sql sql;

    ReportDao(Sql sql) {
        this.sql = sql;
    }

    /** Stores the labels in one transaction, skipping those whose external key is stored; returns how many were added. */
    public int insertLabelsIfAbsent(List<PairLabel> labels) {
        long now = sql.nowMillis();
        return sql.write(h -> Batches.insert(h, INSERT_LABEL + " ON CONFLICT (external_key) DO NOTHING", labels,
                (batch, l) -> batch.bind("sampleId", l.sampleId()).bind("outcome", l.outcome())
                        .bind("source", l.source()).bind("externalKey", l.externalKey()).bind("createdAt", now)));
    }

    /** People's labels on one pair sample: how many preferred response A, response B, or neither (a tie). */
    public LabelTally labelsOf(long sampleId) {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) AS n, "
                        + "COALESCE(SUM(CASE WHEN outcome > 0.5 THEN 1 ELSE 0 END), 0) AS a, "
                        + "COALESCE(SUM(CASE WHEN outcome < 0.5 THEN 1 ELSE 0 END), 0) AS b "
                        + "FROM pair_labels WHERE sample_id = :s")
                .bind("s", sampleId)
                .map((rs, ctx) -> new LabelTally(rs.getLong("a"), rs.getLong("b"),
                        rs.getLong("n") - rs.getLong("a") - rs.getLong("b")))
                .one());
    }

    /** People's labels on a pair sample, by which response they preferred. */
    public record LabelTally(long a, long b, long tie) {
        public long total() {
            return a + b + tie;
        }
    }

    public long labelCount() {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM pair_labels").mapTo(Long.class).one());
    }

    /**
     * Every evaluation of a pair sample, any parse status — except those of the baseline benchmark's comparisons
     * (samples of source {@code baseline}): they are copies of game-1 judgments, which the card reads as judgments.
     */
    public void forEachArenaVerdict(Consumer<StoredVerdict> sink) {
        sql.stream(h -> h.createQuery("SELECT c.name AS judge, e.sample_id, e.verdict, e.parse_status, e.prompt_version, "
                        + "e.latency_ms, e.cost, e.reasked, s.input, s.response_a, s.response_b, s.model_a, s.model_b, s.category "
                        + "FROM evaluations e JOIN samples s ON s.id = e.sample_id "
                        + "JOIN contestants c ON c.id = e.judge_id WHERE s.kind = 'pair' AND s.source <> 'baseline'")
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> new StoredVerdict(rs.getString("judge"), "s" + rs.getLong("sample_id"), sampleShape(rs),
                        rs.getString("verdict"), ParseStatus.of(rs.getString("parse_status")),
                        rs.getString("prompt_version"), Columns.longOrNull(rs, "latency_ms"),
                        Columns.doubleOrNull(rs, "cost"), StoredVerdict.ARENA,
                        Columns.booleanOrNull(rs, "reasked")))
                .useStream(rows -> rows.forEach(sink)));
    }

    /** Every benchmark judgment of two answers (games 1 and 2), any parse status; single-answer gradings are left out. */
    public void forEachBenchmarkVerdict(Consumer<StoredVerdict> sink) {
        sql.stream(h -> h.createQuery("SELECT c.name AS judge, j.question_id, j.answer_a_id, j.answer_b_id, j.verdict, "
                        + "j.parse_status, j.prompt_version, j.latency_ms, j.cost, j.reasked, ma.name AS model_a, mb.name AS model_b, "
                        + "LENGTH(aa.content) AS length_a, LENGTH(ab.content) AS length_b, q.category "
                        + "FROM judgments j JOIN contestants c ON c.id = j.judge_id "
                        + "JOIN questions q ON q.id = j.question_id "
                        + "JOIN answers aa ON aa.id = j.answer_a_id JOIN contestants ma ON ma.id = aa.model_id "
                        + "JOIN answers ab ON ab.id = j.answer_b_id JOIN contestants mb ON mb.id = ab.model_id")
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> {
                    long a = rs.getLong("answer_a_id");
                    long b = rs.getLong("answer_b_id");
                    PairShape pair = PairShape.ofAnswers(rs.getLong("question_id"), a, b, rs.getString("model_a"),
                            rs.getString("model_b"), rs.getInt("length_a"), rs.getInt("length_b"), rs.getString("category"));
                    return new StoredVerdict(rs.getString("judge"), "a" + a + ":" + b, pair, rs.getString("verdict"),
                            ParseStatus.of(rs.getString("parse_status")), rs.getString("prompt_version"),
                            Columns.longOrNull(rs, "latency_ms"), Columns.doubleOrNull(rs, "cost"), StoredVerdict.BENCHMARK,
                            Columns.booleanOrNull(rs, "reasked"));
                })
                .useStream(rows -> rows.forEach(sink)));
    }

    /**
     * Stores judges' games on labelled pairs in one transaction, keeping the stored one when (judge, pair, game,
     * prompt version) is stored already; returns how many were added.
     */
    public int insertLabelledIfAbsent(List<LabelledJudgment> games) {
        long now = sql.nowMillis();
        return sql.write(h -> Batches.insert(h, INSERT_LABELLED, games, (batch, g) -> batch.bind("judge", g.judgeId())
                .bind("pairKey", g.pairKey()).bind("pairId", g.pairId()).bind("source", g.source())
                .bind("label", g.label()).bind("game", g.game()).bind("verdict", g.verdict())
                .bind("status", g.status().code()).bind("prompt", g.promptVersion()).bind("origin", g.origin())
                .bind("reasked", g.reasked()).bind("lengthA", g.lengthA()).bind("lengthB", g.lengthB())
                .bind("latency", g.latencyMs()).bind("cost", g.cost()).bind("at", now)));
    }

    /** Every stored game on a labelled pair, by judge, pair and game. */
    public void forEachLabelledJudgment(Consumer<LabelledJudgment> sink) {
        sql.stream(h -> h.createQuery("SELECT l.judge_id, c.name AS judge, l.pair_key, l.pair_id, l.source, l.label, "
                        + "l.game, l.verdict, l.parse_status, l.prompt_version, l.origin, l.reasked, l.length_a, "
                        + "l.length_b, l.latency_ms, l.cost FROM labelled_judgments l "
                        + "JOIN contestants c ON c.id = l.judge_id ORDER BY c.name, l.pair_key, l.game, l.id")
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> labelled(rs))
                .useStream(rows -> rows.forEach(sink)));
    }

    /** One judge's stored games with one prompt version. */
    public List<LabelledJudgment> labelledJudgments(long judgeId, String promptVersion) {
        return sql.read(h -> h.createQuery("SELECT l.judge_id, c.name AS judge, l.pair_key, l.pair_id, l.source, "
                        + "l.label, l.game, l.verdict, l.parse_status, l.prompt_version, l.origin, l.reasked, l.length_a, "
                        + "l.length_b, l.latency_ms, l.cost FROM labelled_judgments l "
                        + "JOIN contestants c ON c.id = l.judge_id "
                        + "WHERE l.judge_id = :judge AND l.prompt_version = :prompt ORDER BY l.pair_key, l.game")
                .bind("judge", judgeId).bind("prompt", promptVersion)
                .map((rs, ctx) -> labelled(rs)).list());
    }

    private static LabelledJudgment labelled(ResultSet rs) throws SQLException {
        return new LabelledJudgment(rs.getLong("judge_id"), rs.getString("judge"), rs.getString("pair_key"),
                rs.getString("pair_id"), rs.getString("source"), rs.getString("label"), rs.getInt("game"),
                rs.getString("verdict"), ParseStatus.of(rs.getString("parse_status")), rs.getString("prompt_version"),
                rs.getString("origin"), Columns.booleanOrNull(rs, "reasked"), rs.getInt("length_a"),
                rs.getInt("length_b"), Columns.longOrNull(rs, "latency_ms"), Columns.doubleOrNull(rs, "cost"));
    }

    /** Every label, with its sample's shape. */
    public void forEachLabel(Consumer<StoredLabel> sink) {
        sql.stream(h -> h.createQuery("SELECT l.outcome, l.source, s.input, s.response_a, s.response_b, s.model_a, "
                        + "s.model_b, s.category FROM pair_labels l JOIN samples s ON s.id = l.sample_id "
                        + "WHERE s.kind = 'pair'")
                .setFetchSize(Sql.FETCH_SIZE)
                .map((rs, ctx) -> new StoredLabel(sampleShape(rs), rs.getDouble("outcome"), rs.getString("source")))
                .useStream(rows -> rows.forEach(sink)));
    }

    private static PairShape sampleShape(ResultSet rs) throws SQLException {
        return PairShape.ofSample(rs.getString("input"), rs.getString("response_a"), rs.getString("response_b"),
                rs.getString("model_a"), rs.getString("model_b"), rs.getString("category"));
    }
}
