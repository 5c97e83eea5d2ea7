package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Read-only browsing of what is already public: arena samples with every judge's evaluation and the votes each
 * got, and benchmark questions with their answers and judgments. Filters: words (case-insensitive, in the texts
 * and critiques), a judge, a model, a category.
 *
 * <p>Anonymity: a sample that is in a live round (not voted, not expired) is left out until that round ends,
 * so nobody can look up who wrote the critiques they are about to vote on.
 */
public final class BrowseDao {

    /** What to look for; null or blank fields match everything. */
    public record Filter(String text, String judge, String model, String category) {
        public Filter {
            text = blankToNull(text);
            judge = blankToNull(judge);
            model = blankToNull(model);
            category = blankToNull(category);
        }
    }

    /** One page of results and how many match in all. */
    public record Page<T>(long total, List<T> items) {
    }

    /** Votes on the rounds that showed an evaluation: its side chosen (won), the other side (lost), tie, both bad. */
    public record EvaluationVotes(long rounds, long won, long lost, long tie, long bothBad) {
    }

    /** An evaluation with its judge's name and organisation and its votes. */
    public record JudgedEvaluation(long id, String judge, String organisation, String verdict, Integer score,
                                   String critique, ParseStatus status, EvaluationVotes votes) {
    }

    public record BrowsedSample(Sample sample, List<JudgedEvaluation> evaluations) {
    }

    public record ModelAnswer(long id, String model, String content, Long tokens) {
    }

    /** A judgment with names instead of ids: modelB is null when the judge scored one answer. */
    public record NamedJudgment(long id, String judge, String modelA, String modelB, int game, String verdict,
                                Double score, String critique, ParseStatus status) {
    }

    public record BrowsedQuestion(Question question, List<ModelAnswer> answers, List<NamedJudgment> judgments) {
    }

    /** A contestant's name (what filters and battles use) and the name people see. */
    public record Named(String name, String displayName) {
    }

    /** The values the filters can take, sorted by name. */
    public record Facets(List<Named> judges, List<Named> models, List<String> categories) {
    }

    // the LIKE escape character; '!' avoids the backslash, which PostgreSQL and SQLite read differently
    private static final char ESCAPE = '!';

    private final Sql sql;

    public BrowseDao(Database database) {
        this.sql = database.sql();
    }

    /** Samples matching the filter, newest first, with their evaluations and votes. */
    public Page<BrowsedSample> samples(Filter filter, int offset, int limit) {
        String where = sampleWhere(filter);
        return sql.read(h -> {
            long total = bindSample(h.createQuery("SELECT COUNT(*) FROM samples s" + where), filter)
                    .mapTo(Long.class).one();
            List<Sample> page = bindSample(h.createQuery("SELECT " + prefixed("s.", SampleDao.COLUMNS)
                    + " FROM samples s" + where + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", limit).bind("offset", offset).map(SampleDao::map).list();
            Map<Long, List<JudgedEvaluation>> evaluations = evaluationsOf(h, page.stream().map(Sample::id).toList());
            return new Page<>(total, page.stream()
                    .map(s -> new BrowsedSample(s, evaluations.getOrDefault(s.id(), List.of()))).toList());
        });
    }

    /** Benchmark questions matching the filter, by id, with their answers and judgments. */
    public Page<BrowsedQuestion> questions(Filter filter, int offset, int limit) {
        String where = questionWhere(filter);
        return sql.read(h -> {
            long total = bindCommon(h.createQuery("SELECT COUNT(*) FROM questions q" + where), filter)
                    .mapTo(Long.class).one();
            List<Question> page = bindCommon(h.createQuery("SELECT q.id, q.question_set, q.external_key, "
                    + "q.category, q.topic, q.difficulty, q.prompt, q.reference, q.generated_by, q.quality, "
                    + "q.created_at FROM questions q" + where + " ORDER BY q.id LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", limit).bind("offset", offset).map(BrowseDao::question).list();
            List<Long> ids = page.stream().map(Question::id).toList();
            Map<Long, List<ModelAnswer>> answers = answersOf(h, ids);
            Map<Long, List<NamedJudgment>> judgments = judgmentsOf(h, ids);
            return new Page<>(total, page.stream().map(q -> new BrowsedQuestion(q,
                    answers.getOrDefault(q.id(), List.of()), judgments.getOrDefault(q.id(), List.of()))).toList());
        });
    }

    public Facets facets() {
        return sql.read(h -> new Facets(
                named(h, "SELECT name, display_name FROM contestants WHERE kind = 'judge' ORDER BY name"),
                // a sample may name a model that is no contestant: it is shown by its name
                named(h, """
                        SELECT m.name, COALESCE(c.display_name, m.name) AS display_name FROM (
                          SELECT model_a AS name FROM samples WHERE model_a IS NOT NULL
                          UNION SELECT model_b FROM samples WHERE model_b IS NOT NULL
                          UNION SELECT name FROM contestants WHERE kind = 'model') m
                        LEFT JOIN contestants c ON c.kind = 'model' AND c.name = m.name
                        ORDER BY m.name"""),
                strings(h, """
                        SELECT category FROM (
                          SELECT category FROM samples WHERE category IS NOT NULL
                          UNION SELECT category FROM questions WHERE category IS NOT NULL) c
                        ORDER BY category""")));
    }

    private static String sampleWhere(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE NOT EXISTS (SELECT 1 FROM rounds r WHERE r.sample_id = s.id"
                + " AND r.expires_at > :now AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.round_id = r.id))");
        if (f.category() != null) where.append(" AND s.category = :category");
        if (f.model() != null) where.append(" AND (s.model_a = :model OR s.model_b = :model)");
        if (f.judge() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM evaluations e JOIN contestants c ON c.id = e.judge_id"
                    + " WHERE e.sample_id = s.id AND c.name = :judge)");
        }
        if (f.text() != null) {
            where.append(" AND (").append(like("s.input")).append(" OR ").append(like("s.response"))
                    .append(" OR ").append(like("s.response_a")).append(" OR ").append(like("s.response_b"))
                    .append(" OR EXISTS (SELECT 1 FROM evaluations e WHERE e.sample_id = s.id AND ")
                    .append(like("e.critique")).append("))");
        }
        return where.toString();
    }

    private Query bindSample(Query q, Filter f) {
        return bindCommon(q.bind("now", sql.nowMillis()), f);
    }

    private static String questionWhere(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.category() != null) where.append(" AND q.category = :category");
        if (f.model() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM answers a JOIN contestants c ON c.id = a.model_id"
                    + " WHERE a.question_id = q.id AND c.name = :model)");
        }
        if (f.judge() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM judgments j JOIN contestants c ON c.id = j.judge_id"
                    + " WHERE j.question_id = q.id AND c.name = :judge)");
        }
        if (f.text() != null) {
            where.append(" AND (").append(like("q.prompt"))
                    .append(" OR EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND ")
                    .append(like("a.content")).append(")")
                    .append(" OR EXISTS (SELECT 1 FROM judgments j WHERE j.question_id = q.id AND ")
                    .append(like("j.critique")).append("))");
        }
        return where.toString();
    }

    private static Query bindCommon(Query q, Filter f) {
        if (f.category() != null) q.bind("category", f.category());
        if (f.model() != null) q.bind("model", f.model());
        if (f.judge() != null) q.bind("judge", f.judge());
        if (f.text() != null) q.bind("text", "%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%");
        return q;
    }

    private static String like(String column) {
        return "LOWER(" + column + ") LIKE :text ESCAPE '" + ESCAPE + "'";
    }

    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') out.append(ESCAPE);
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Each evaluation of these samples with its votes. A vote for side A is a win for the evaluation shown as A
     * and a loss for the one shown as B; the union orients every vote to the evaluation it is counted for.
     */
    private static Map<Long, List<JudgedEvaluation>> evaluationsOf(Handle h, List<Long> sampleIds) {
        if (sampleIds.isEmpty()) return Map.of();
        return grouped(h.createQuery("""
                        SELECT e.id, e.sample_id, e.verdict, e.score, e.critique, e.parse_status, c.name, c.organisation,
                          COALESCE(t.rounds, 0) AS rounds, COALESCE(t.won, 0) AS won, COALESCE(t.lost, 0) AS lost,
                          COALESCE(t.tie, 0) AS tie, COALESCE(t.both_bad, 0) AS both_bad
                        FROM evaluations e
                        JOIN contestants c ON c.id = e.judge_id
                        LEFT JOIN (
                          SELECT x.eval_id, COUNT(*) AS rounds,
                            SUM(CASE WHEN x.choice = x.side THEN 1 ELSE 0 END) AS won,
                            SUM(CASE WHEN x.choice IN ('A', 'B') AND x.choice <> x.side THEN 1 ELSE 0 END) AS lost,
                            SUM(CASE WHEN x.choice = 'tie' THEN 1 ELSE 0 END) AS tie,
                            SUM(CASE WHEN x.choice = 'both_bad' THEN 1 ELSE 0 END) AS both_bad
                          FROM (
                            SELECT r.eval_a_id AS eval_id, 'A' AS side, v.choice FROM rounds r
                              JOIN votes v ON v.round_id = r.id WHERE r.sample_id IN (<ids>)
                            UNION ALL
                            SELECT r.eval_b_id, 'B', v.choice FROM rounds r
                              JOIN votes v ON v.round_id = r.id WHERE r.sample_id IN (<ids>)) x
                          GROUP BY x.eval_id) t ON t.eval_id = e.id
                        WHERE e.sample_id IN (<ids>)
                        ORDER BY e.sample_id, c.name, e.id""")
                .bindList("ids", sampleIds), "sample_id", BrowseDao::evaluation);
    }

    private static JudgedEvaluation evaluation(ResultSet rs) throws SQLException {
        return new JudgedEvaluation(rs.getLong("id"), rs.getString("name"), rs.getString("organisation"),
                rs.getString("verdict"), Columns.intOrNull(rs, "score"), rs.getString("critique"),
                ParseStatus.of(rs.getString("parse_status")), new EvaluationVotes(rs.getLong("rounds"),
                rs.getLong("won"), rs.getLong("lost"), rs.getLong("tie"), rs.getLong("both_bad")));
    }

    private static Map<Long, List<ModelAnswer>> answersOf(Handle h, List<Long> questionIds) {
        if (questionIds.isEmpty()) return Map.of();
        return grouped(h.createQuery("SELECT a.id, a.question_id, c.name, a.content, a.tokens FROM answers a "
                        + "JOIN contestants c ON c.id = a.model_id WHERE a.question_id IN (<ids>) ORDER BY a.question_id, c.name")
                .bindList("ids", questionIds), "question_id", rs -> new ModelAnswer(rs.getLong("id"),
                rs.getString("name"), rs.getString("content"), Columns.longOrNull(rs, "tokens")));
    }

    private static Map<Long, List<NamedJudgment>> judgmentsOf(Handle h, List<Long> questionIds) {
        if (questionIds.isEmpty()) return Map.of();
        return grouped(h.createQuery("""
                        SELECT j.id, j.question_id, jc.name AS judge, ma.name AS model_a, mb.name AS model_b, j.game,
                          j.verdict, j.score, j.critique, j.parse_status
                        FROM judgments j
                        JOIN contestants jc ON jc.id = j.judge_id
                        JOIN answers aa ON aa.id = j.answer_a_id
                        JOIN contestants ma ON ma.id = aa.model_id
                        LEFT JOIN answers ab ON ab.id = j.answer_b_id
                        LEFT JOIN contestants mb ON mb.id = ab.model_id
                        WHERE j.question_id IN (<ids>)
                        ORDER BY j.question_id, jc.name, j.id""")
                .bindList("ids", questionIds), "question_id", rs -> new NamedJudgment(rs.getLong("id"),
                rs.getString("judge"), rs.getString("model_a"), rs.getString("model_b"), rs.getInt("game"),
                rs.getString("verdict"), Columns.doubleOrNull(rs, "score"), rs.getString("critique"),
                ParseStatus.of(rs.getString("parse_status"))));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The query's rows read with {@code reader}, grouped by the id in {@code parentColumn}, in row order. */
    private static <T> Map<Long, List<T>> grouped(Query query, String parentColumn, RowReader<T> reader) {
        Map<Long, List<T>> byParent = new LinkedHashMap<>();
        query.map((rs, ctx) -> Map.entry(rs.getLong(parentColumn), reader.read(rs)))
                .forEach(row -> byParent.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
        return byParent;
    }

    private static Question question(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Question(rs.getLong("id"), rs.getString("question_set"), rs.getString("external_key"),
                rs.getString("category"), rs.getString("topic"), rs.getString("difficulty"), rs.getString("prompt"),
                rs.getString("reference"), Columns.longOrNull(rs, "generated_by"), Columns.doubleOrNull(rs, "quality"),
                Columns.instant(rs, "created_at"));
    }

    private static List<String> strings(Handle h, String query) {
        return h.createQuery(query).mapTo(String.class).list();
    }

    private static List<Named> named(Handle h, String query) {
        return h.createQuery(query).map((rs, ctx) -> new Named(rs.getString("name"), rs.getString("display_name")))
                .list();
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
