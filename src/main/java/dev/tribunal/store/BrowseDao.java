package dev.tribunal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Read-only browsing: arena samples with their evaluations and votes, and benchmark questions with their answers
 * and judgments. Filters: words (case-insensitive, in the texts and critiques), a judge, a model, a category.
 *
 * <p>Anonymity: an evaluation the arena can still deal ({@link ArenaEligibility}) is shown without its judge,
 * without votes of its own (its won/lost counts joined with the export's judges per vote would name it), in an
 * order that depends on its text only; the judge filter finds retired evaluations only (else
 * {@code judge=X&q=<a phrase of a critique>} would ask whose it is). Retired evaluations are shown in full.
 *
 * <p>Cost: every query reads rounds through an index (V4), so a page costs the same however many rounds exist;
 * searching words reads the texts, and every read has a time budget.
 */
public final class BrowseDao {

    /** How long one browse request may keep the database busy, unless configured otherwise. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

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

    /**
     * An evaluation: a retired one with its judge's name and organisation and its votes; one the arena can still
     * deal is {@code anonymous}, with judge, organisation and votes null.
     */
    public record JudgedEvaluation(long id, String judge, String organisation, String verdict, Integer score,
                                   String critique, ParseStatus status, EvaluationVotes votes, boolean anonymous) {
    }

    /** A sample, the votes on all its rounds, and its evaluations: retired ones by judge, then anonymous ones. */
    public record BrowsedSample(Sample sample, long votes, List<JudgedEvaluation> evaluations) {
    }

    public record ModelAnswer(long id, String model, String content, Long tokens) {
    }

    /**
     * A judgment with names instead of ids: modelB is null when the judge scored one answer. A judgment of a
     * comparison the arena can still deal (see {@link ArenaEligibility#judgmentInArena}) is {@code anonymous}, its
     * judge null.
     */
    public record NamedJudgment(long id, String judge, String modelA, String modelB, int game, String verdict,
                                Double score, String critique, ParseStatus status, boolean anonymous) {
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
    private final Duration budget;

    public BrowseDao(Database database) {
        this(database, DEFAULT_BUDGET);
    }

    /**
     * @param budget how long one call may run in the database; past it a {@link QueryBudgetExceededException}
     */
    public BrowseDao(Database database, Duration budget) {
        this.sql = database.sql();
        this.budget = budget;
    }

    /** Samples matching the filter, newest first, with their evaluations and votes. */
    public Page<BrowsedSample> samples(Filter filter, int offset, int limit) {
        return sql.read(budget, h -> {
            long total = countSamples(h, "", filter).mapTo(Long.class).one();
            List<Sample> page = pageOfSamples(h, "", filter, offset, limit).map(SampleDao::map).list();
            List<Long> ids = page.stream().map(Sample::id).toList();
            Map<Long, List<JudgedEvaluation>> evaluations = evaluationsOf(h, ids);
            Map<Long, Long> votes = ids.isEmpty() ? Map.of() : votesBySample(h, "", ids)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .collectToMap(Map.Entry::getKey, Map.Entry::getValue);
            return new Page<>(total, page.stream().map(s -> new BrowsedSample(s, votes.getOrDefault(s.id(), 0L),
                    evaluations.getOrDefault(s.id(), List.of()))).toList());
        });
    }

    /**
     * SQLite's plan for every query {@link #samples} runs with this filter on these samples (tests: that rounds
     * are read through an index, never scanned whole), one line per plan step.
     */
    List<String> queryPlans(Filter filter, List<Long> sampleIds) {
        String explain = "EXPLAIN QUERY PLAN ";
        return sql.read(h -> {
            List<Query> queries = List.of(countSamples(h, explain, filter),
                    pageOfSamples(h, explain, filter, 0, 10), evaluationQuery(h, explain, sampleIds),
                    votesBySample(h, explain, sampleIds), evaluationVotesQuery(h, explain, allEvaluationIds(h, sampleIds)));
            List<String> lines = new ArrayList<>();
            for (Query q : queries) lines.addAll(q.map((rs, ctx) -> rs.getString("detail")).list());
            return lines;
        });
    }

    private static List<Long> allEvaluationIds(Handle h, List<Long> sampleIds) {
        return h.createQuery("SELECT id FROM evaluations WHERE sample_id IN (<ids>)").bindList("ids", sampleIds)
                .mapTo(Long.class).list();
    }

    private Query countSamples(Handle h, String prefix, Filter filter) {
        return bindSample(h.createQuery(prefix + "SELECT COUNT(*) FROM samples s" + sampleWhere(filter)), filter);
    }

    private Query pageOfSamples(Handle h, String prefix, Filter filter, int offset, int limit) {
        return bindSample(h.createQuery(prefix + "SELECT " + prefixed("s.", SampleDao.COLUMNS) + " FROM samples s"
                + sampleWhere(filter) + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset"), filter)
                .bind("limit", limit).bind("offset", offset);
    }

    /** Votes on every round of these samples: a total per sample, which says nothing about whose critique won. */
    private static Query votesBySample(Handle h, String prefix, List<Long> sampleIds) {
        return h.createQuery(prefix + "SELECT r.sample_id, COUNT(*) FROM rounds r JOIN votes v ON v.round_id = r.id "
                + "WHERE r.sample_id IN (<ids>) GROUP BY r.sample_id").bindList("ids", sampleIds);
    }

    /** Benchmark questions matching the filter, by id, with their answers and judgments. */
    public Page<BrowsedQuestion> questions(Filter filter, int offset, int limit) {
        String where = questionWhere(filter);
        return sql.read(budget, h -> {
            long total = bindSample(h.createQuery("SELECT COUNT(*) FROM questions q" + where), filter)
                    .mapTo(Long.class).one();
            List<Question> page = bindSample(h.createQuery("SELECT q.id, q.question_set, q.external_key, "
                    + "q.category, q.topic, q.difficulty, q.prompt, q.reference, q.generated_by, q.quality, "
                    + "q.created_at FROM questions q" + where + " ORDER BY q.id LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", limit).bind("offset", offset).map(BrowseDao::question).list();
            List<Long> ids = page.stream().map(Question::id).toList();
            Map<Long, List<ModelAnswer>> answers = answersOf(h, ids);
            Map<Long, List<NamedJudgment>> judgments = judgmentsOf(h, ids, sql.nowMillis());
            return new Page<>(total, page.stream().map(q -> new BrowsedQuestion(q,
                    answers.getOrDefault(q.id(), List.of()), judgments.getOrDefault(q.id(), List.of()))).toList());
        });
    }

    public Facets facets() {
        return sql.read(budget, h -> new Facets(
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
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.category() != null) where.append(" AND s.category = :category");
        if (f.model() != null) where.append(" AND (s.model_a = :model OR s.model_b = :model)");
        if (f.judge() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM evaluations e JOIN contestants c ON c.id = e.judge_id"
                    + " WHERE e.sample_id = s.id AND c.name = :judge AND NOT ")
                    .append(ArenaEligibility.evaluationInArena("e")).append(")");
        }
        if (f.text() != null) {
            where.append(" AND (").append(like("s.input")).append(" OR ").append(like("s.response"))
                    .append(" OR ").append(like("s.response_a")).append(" OR ").append(like("s.response_b"))
                    .append(" OR EXISTS (SELECT 1 FROM evaluations e WHERE e.sample_id = s.id AND ")
                    .append(like("e.critique")).append("))");
        }
        return where.toString();
    }

    /** Binds the filter, and {@code :now} for the judge filter (which matches retired critiques only). */
    private Query bindSample(Query q, Filter f) {
        if (f.judge() != null) q.bind("now", sql.nowMillis());
        return bindCommon(q, f);
    }

    private static String questionWhere(Filter f) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (f.category() != null) where.append(" AND q.category = :category");
        if (f.model() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM answers a JOIN contestants c ON c.id = a.model_id"
                    + " WHERE a.question_id = q.id AND c.name = :model)");
        }
        if (f.judge() != null) {
            // retired judgments only: else judge=X&q=<a phrase> would ask whose an anonymous critique is
            where.append(" AND EXISTS (SELECT 1 FROM judgments j JOIN contestants c ON c.id = j.judge_id"
                    + " WHERE j.question_id = q.id AND c.name = :judge AND NOT ")
                    .append(ArenaEligibility.judgmentInArena("j")).append(")");
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
     * Each evaluation of these samples: retired ones by judge name with their votes, then the ones in the arena,
     * anonymous, ordered by a hash of what is shown of them (so the order says nothing the text does not).
     */
    private Map<Long, List<JudgedEvaluation>> evaluationsOf(Handle h, List<Long> sampleIds) {
        if (sampleIds.isEmpty()) return Map.of();
        Map<Long, List<JudgedEvaluation>> bySample = grouped(evaluationQuery(h, "", sampleIds), "sample_id",
                BrowseDao::evaluation);
        List<Long> retired = bySample.values().stream().flatMap(List::stream).filter(e -> !e.anonymous())
                .map(JudgedEvaluation::id).toList();
        Map<Long, EvaluationVotes> votes = new LinkedHashMap<>();
        if (!retired.isEmpty()) {
            evaluationVotesQuery(h, "", retired).map((rs, ctx) -> Map.entry(rs.getLong("eval_id"),
                    new EvaluationVotes(rs.getLong("rounds"), rs.getLong("won"), rs.getLong("lost"), rs.getLong("tie"),
                            rs.getLong("both_bad")))).forEach(e -> votes.put(e.getKey(), e.getValue()));
        }
        Map<Long, List<JudgedEvaluation>> shown = new LinkedHashMap<>();
        bySample.forEach((sample, evaluations) -> shown.put(sample, evaluations.stream()
                .map(e -> e.anonymous() ? e : withVotes(e, votes.getOrDefault(e.id(), NO_VOTES)))
                .sorted(SHOWN_ORDER).toList()));
        return shown;
    }

    private static final EvaluationVotes NO_VOTES = new EvaluationVotes(0, 0, 0, 0, 0);

    private static final Comparator<JudgedEvaluation> SHOWN_ORDER = Comparator
            .comparing(JudgedEvaluation::anonymous)
            .thenComparing(e -> e.anonymous() ? contentHash(e) : e.judge())
            .thenComparingLong(e -> e.anonymous() ? 0 : e.id());

    private static JudgedEvaluation withVotes(JudgedEvaluation e, EvaluationVotes votes) {
        return new JudgedEvaluation(e.id(), e.judge(), e.organisation(), e.verdict(), e.score(), e.critique(),
                e.status(), votes, false);
    }

    /** SHA-256 of what an anonymous evaluation shows: a stable order that no judge, id or time enters. */
    private static String contentHash(JudgedEvaluation e) {
        return sha256(e.critique() + "\u0000" + e.verdict() + "\u0000" + e.score() + "\u0000" + e.status());
    }

    private static String sha256(String shown) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(shown.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    private Query evaluationQuery(Handle h, String prefix, List<Long> sampleIds) {
        return h.createQuery(prefix + "SELECT e.id, e.sample_id, e.verdict, e.score, e.critique, e.parse_status, "
                        + "c.name, c.organisation, CASE WHEN " + ArenaEligibility.evaluationInArena("e")
                        + " THEN 1 ELSE 0 END AS in_arena FROM evaluations e JOIN contestants c ON c.id = e.judge_id "
                        + "WHERE e.sample_id IN (<ids>) ORDER BY e.sample_id, e.id")
                .bindList("ids", sampleIds).bind("now", sql.nowMillis());
    }

    /**
     * The votes on rounds that showed these (retired) evaluations. A vote for side A is a win for the evaluation
     * shown as A and a loss for the one shown as B; the union orients every vote to the evaluation it counts for.
     */
    private static Query evaluationVotesQuery(Handle h, String prefix, List<Long> evaluationIds) {
        return h.createQuery(prefix + """
                        SELECT x.eval_id, COUNT(*) AS rounds,
                          SUM(CASE WHEN x.choice = x.side THEN 1 ELSE 0 END) AS won,
                          SUM(CASE WHEN x.choice IN ('A', 'B') AND x.choice <> x.side THEN 1 ELSE 0 END) AS lost,
                          SUM(CASE WHEN x.choice = 'tie' THEN 1 ELSE 0 END) AS tie,
                          SUM(CASE WHEN x.choice = 'both_bad' THEN 1 ELSE 0 END) AS both_bad
                        FROM (
                          SELECT r.eval_a_id AS eval_id, 'A' AS side, v.choice FROM rounds r
                            JOIN votes v ON v.round_id = r.id WHERE r.eval_a_id IN (<ids>)
                          UNION ALL
                          SELECT r.eval_b_id, 'B', v.choice FROM rounds r
                            JOIN votes v ON v.round_id = r.id WHERE r.eval_b_id IN (<ids>)) x
                        GROUP BY x.eval_id""").bindList("ids", evaluationIds);
    }

    private static JudgedEvaluation evaluation(ResultSet rs) throws SQLException {
        boolean anonymous = rs.getInt("in_arena") == 1;
        return new JudgedEvaluation(rs.getLong("id"), anonymous ? null : rs.getString("name"),
                anonymous ? null : rs.getString("organisation"), rs.getString("verdict"),
                Columns.intOrNull(rs, "score"), rs.getString("critique"), ParseStatus.of(rs.getString("parse_status")),
                null, anonymous);
    }

    private static Map<Long, List<ModelAnswer>> answersOf(Handle h, List<Long> questionIds) {
        if (questionIds.isEmpty()) return Map.of();
        return grouped(h.createQuery("SELECT a.id, a.question_id, c.name, a.content, a.tokens FROM answers a "
                        + "JOIN contestants c ON c.id = a.model_id WHERE a.question_id IN (<ids>) ORDER BY a.question_id, c.name")
                .bindList("ids", questionIds), "question_id", rs -> new ModelAnswer(rs.getLong("id"),
                rs.getString("name"), rs.getString("content"), Columns.longOrNull(rs, "tokens")));
    }

    /**
     * Each question's judgments: retired ones by judge, then anonymous ones ordered by a hash of what they show (so
     * that their order names no judge).
     */
    private static Map<Long, List<NamedJudgment>> judgmentsOf(Handle h, List<Long> questionIds, long now) {
        if (questionIds.isEmpty()) return Map.of();
        Map<Long, List<NamedJudgment>> found = grouped(h.createQuery("""
                        SELECT j.id, j.question_id, jc.name AS judge, ma.name AS model_a, mb.name AS model_b, j.game,
                          j.verdict, j.score, j.critique, j.parse_status,
                          CASE WHEN %s THEN 1 ELSE 0 END AS in_arena
                        FROM judgments j
                        JOIN contestants jc ON jc.id = j.judge_id
                        JOIN answers aa ON aa.id = j.answer_a_id
                        JOIN contestants ma ON ma.id = aa.model_id
                        LEFT JOIN answers ab ON ab.id = j.answer_b_id
                        LEFT JOIN contestants mb ON mb.id = ab.model_id
                        WHERE j.question_id IN (<ids>)
                        ORDER BY j.question_id, jc.name, j.id""".formatted(ArenaEligibility.judgmentInArena("j")))
                .bindList("ids", questionIds).bind("now", now), "question_id", rs -> {
                    boolean anonymous = rs.getInt("in_arena") == 1;
                    return new NamedJudgment(rs.getLong("id"), anonymous ? null : rs.getString("judge"),
                            rs.getString("model_a"), rs.getString("model_b"), rs.getInt("game"), rs.getString("verdict"),
                            Columns.doubleOrNull(rs, "score"), rs.getString("critique"),
                            ParseStatus.of(rs.getString("parse_status")), anonymous);
                });
        found.replaceAll((question, list) -> list.stream().sorted(JUDGMENT_ORDER).toList());
        return found;
    }

    private static final Comparator<NamedJudgment> JUDGMENT_ORDER = Comparator
            .comparing(NamedJudgment::anonymous)
            .thenComparing(j -> j.anonymous() ? judgmentHash(j) : j.judge())
            .thenComparingLong(j -> j.anonymous() ? 0 : j.id());

    private static String judgmentHash(NamedJudgment j) {
        return sha256(j.critique() + "\u0000" + j.verdict() + "\u0000" + j.score() + "\u0000" + j.status()
                + "\u0000" + j.modelA() + "\u0000" + j.modelB() + "\u0000" + j.game());
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
