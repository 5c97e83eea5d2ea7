package dev.tribunal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code samples}. */
public final class SampleDao {

    static final String COLUMNS = "id, kind, input, response, response_a, response_b, model_a, model_b, reference, "
            + "rubric, source, category, external_key, submitter_hash, created_at";
    private static final String INSERT = "INSERT INTO samples (kind, input, response, response_a, response_b, model_a, "
            + "model_b, reference, rubric, source, category, external_key, submitter_hash, created_at) VALUES (:kind, "
            + ":input, :response, :responseA, :responseB, :modelA, :modelB, :reference, :rubric, :source, :category, "
            + ":externalKey, :submitterHash, :createdAt)";

    private final Sql sql;

    SampleDao(Sql sql) {
        this.sql = sql;
    }

    /** Stores a new sample; {@link DuplicateKeyException} when its external key exists. */
    public Sample insert(Sample s) {
        Instant at = sql.stamp(s.createdAt());
        long id = sql.write(h -> bind(h.createQuery(INSERT + " RETURNING id"), s, at).mapTo(Long.class).one());
        return s.stored(id, at);
    }

    /** Returns the stored sample with this one's external key (required), inserting this one if there is none. */
    public Sample insertIfAbsent(Sample s) {
        if (s.externalKey() == null) throw new IllegalArgumentException("insertIfAbsent needs an external key");
        Instant at = sql.stamp(s.createdAt());
        return sql.write(h -> {
            bind(h.createUpdate(INSERT + " ON CONFLICT (external_key) DO NOTHING"), s, at).execute();
            return byExternalKey(h, s.externalKey()).orElseThrow();
        });
    }

    /**
     * Stores the samples in one transaction, in batches, skipping those whose external key (required) is
     * already stored. Returns how many were inserted.
     */
    public int insertAllIfAbsent(List<Sample> samples) {
        for (Sample s : samples) {
            if (s.externalKey() == null) throw new IllegalArgumentException("insertAllIfAbsent needs external keys");
        }
        return sql.write(h -> Batches.insert(h, INSERT + " ON CONFLICT (external_key) DO NOTHING", samples,
                (batch, s) -> bind(batch, s, sql.stamp(s.createdAt()))));
    }

    /** The ids of the stored samples with these external keys; keys not stored are absent from the map. */
    public Map<String, Long> idsByExternalKey(Collection<String> keys) {
        return sql.read(h -> {
            Map<String, Long> ids = new HashMap<>();
            for (List<String> chunk : Batches.chunks(List.copyOf(keys))) {
                h.createQuery("SELECT external_key, id FROM samples WHERE external_key IN (<keys>)")
                        .bindList("keys", chunk)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .forEach(e -> ids.put(e.getKey(), e.getValue()));
            }
            return ids;
        });
    }

    public Optional<Sample> byId(long id) {
        return sql.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM samples WHERE id = :id")
                .bind("id", id).map(SampleDao::map).findOne());
    }

    public Optional<Sample> byExternalKey(String key) {
        return sql.read(h -> byExternalKey(h, key));
    }

    /**
     * A page of samples by id, after {@code afterId} (0 for the first page), optionally of one category
     * and source (null = any).
     */
    public List<Sample> list(String category, SampleSource source, long afterId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE id > :afterId");
        if (category != null) where.append(" AND category = :category");
        if (source != null) where.append(" AND source = :source");
        return sql.read(h -> {
            Query q = h.createQuery("SELECT " + COLUMNS + " FROM samples" + where + " ORDER BY id LIMIT :limit")
                    .bind("afterId", afterId).bind("limit", limit);
            if (category != null) q.bind("category", category);
            if (source != null) q.bind("source", source.code());
            return q.map(SampleDao::map).list();
        });
    }

    public long count() {
        return sql.read(h -> h.createQuery("SELECT COUNT(*) FROM samples").mapTo(Long.class).one());
    }

    /**
     * Ids of the samples that have parsed (status ok) evaluations from at least this many distinct judges, by id:
     * with {@link ArenaEligibility#MIN_JUDGES}, the samples the arena deals.
     */
    public List<Long> idsWithJudges(int minJudges) {
        return sql.read(h -> h.createQuery("SELECT s.id FROM samples s WHERE "
                + ArenaEligibility.parsedJudgesOf("s.id") + " >= :n ORDER BY s.id")
                .bind("n", minJudges).mapTo(Long.class).list());
    }

    /** As {@link #idsWithJudges(int)}, only among samples from one of {@code sources}. */
    public List<Long> idsWithJudges(int minJudges, Collection<SampleSource> sources) {
        if (sources.isEmpty()) return List.of();
        return sql.read(h -> h.createQuery("SELECT s.id FROM samples s WHERE s.source IN (<sources>) AND "
                        + ArenaEligibility.parsedJudgesOf("s.id") + " >= :n ORDER BY s.id")
                .bindList("sources", sources.stream().map(SampleSource::code).toList())
                .bind("n", minJudges).mapTo(Long.class).list());
    }

    /** The distinct non-null categories, sorted. */
    public List<String> categories() {
        return sql.read(h -> h.createQuery("SELECT DISTINCT category FROM samples WHERE category IS NOT NULL "
                + "ORDER BY category").mapTo(String.class).list());
    }

    private static Optional<Sample> byExternalKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM samples WHERE external_key = :key")
                .bind("key", key).map(SampleDao::map).findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S st, Sample s, Instant at) {
        return st.bind("kind", s.kind().code()).bind("input", s.input()).bind("response", s.response())
                .bind("responseA", s.responseA()).bind("responseB", s.responseB()).bind("modelA", s.modelA())
                .bind("modelB", s.modelB()).bind("reference", s.reference()).bind("rubric", s.rubric())
                .bind("source", s.source().code()).bind("category", s.category())
                .bind("externalKey", s.externalKey()).bind("submitterHash", s.submitterHash())
                .bind("createdAt", at.toEpochMilli());
    }

    static Sample map(ResultSet rs, StatementContext ctx) throws SQLException {
        return mapPrefixed(rs, "");
    }

    /** Maps a sample whose columns carry a prefix (as in the export's join). */
    static Sample mapPrefixed(ResultSet rs, String p) throws SQLException {
        return new Sample(rs.getLong(p + "id"), SampleKind.of(rs.getString(p + "kind")), rs.getString(p + "input"),
                rs.getString(p + "response"), rs.getString(p + "response_a"), rs.getString(p + "response_b"),
                rs.getString(p + "model_a"), rs.getString(p + "model_b"), rs.getString(p + "reference"),
                rs.getString(p + "rubric"), SampleSource.of(rs.getString(p + "source")), rs.getString(p + "category"),
                rs.getString(p + "external_key"), rs.getString(p + "submitter_hash"),
                Columns.instant(rs, p + "created_at"));
    }
}
