package dev.tribunal.store;

import dev.tribunal.rating.AnswerStyle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code battles}: the common record every source of evidence ends in. */
public final class BattleDao {

    private static final String COLUMNS = "id, kind, a, b, outcome, weight, source, category, created_at, a_tokens, "
            + "a_headers, a_lists, a_bold, b_tokens, b_headers, b_lists, b_bold, vote_id, external_key";
    private static final String INSERT = "INSERT INTO battles (kind, a, b, outcome, weight, source, category, "
            + "created_at, a_tokens, a_headers, a_lists, a_bold, b_tokens, b_headers, b_lists, b_bold, vote_id, "
            + "external_key) VALUES (:kind, :a, :b, :outcome, :weight, :source, :category, :createdAt, :aTokens, "
            + ":aHeaders, :aLists, :aBold, :bTokens, :bHeaders, :bLists, :bBold, :voteId, :externalKey)";

    private final Sql sql;

    BattleDao(Sql sql) {
        this.sql = sql;
    }

    /** Stores one battle and returns its id; {@link DuplicateKeyException} when its external key exists. */
    public long insert(BattleRow b) {
        return sql.write(h -> insert(h, b));
    }

    long insert(Handle h, BattleRow b) {
        return bind(h.createQuery(INSERT + " RETURNING id"), b).mapTo(Long.class).one();
    }

    /**
     * Stores the battles in one transaction, in batches; a battle whose external key is already stored is
     * skipped. Returns how many were inserted.
     */
    public int insertAll(Collection<BattleRow> battles) {
        return sql.write(h -> Batches.insert(h, INSERT + " ON CONFLICT (external_key) DO NOTHING", battles, this::bind));
    }

    /**
     * Gives stored battles that have no answer styles yet the styles of the same battles (matched by external key)
     * in {@code battles}; a battle with styles keeps them. For data whose styles a newer loader computes. Returns how
     * many battles got styles.
     */
    public int fillMissingStyles(Collection<BattleRow> battles) {
        List<BattleRow> styled = battles.stream()
                .filter(b -> b.externalKey() != null && b.styleA() != null && b.styleB() != null).toList();
        return sql.write(h -> Batches.insert(h, "UPDATE battles SET a_tokens = :aTokens, a_headers = :aHeaders, "
                + "a_lists = :aLists, a_bold = :aBold, b_tokens = :bTokens, b_headers = :bHeaders, b_lists = :bLists, "
                + "b_bold = :bBold WHERE external_key = :externalKey AND a_tokens IS NULL", styled,
                (batch, b) -> bindStyles(batch, b).bind("externalKey", b.externalKey())));
    }

    /**
     * Streams the selected battles to the sink in time order (then id), through a database cursor: a
     * million battles never sit in memory. The sink must not write to the database.
     */
    public void forEachBattle(BattleFilter filter, Consumer<dev.tribunal.rating.Battle> sink) {
        forEachRow(filter, row -> sink.accept(row.toBattle()));
    }

    /** As {@link #forEachBattle}, with every stored column. */
    public void forEachRow(BattleFilter filter, Consumer<BattleRow> sink) {
        sql.stream(h -> {
            Query q = where(h, "SELECT " + COLUMNS + " FROM battles", filter, " ORDER BY created_at, id");
            q.setFetchSize(Sql.FETCH_SIZE);
            q.map(BattleDao::map).useStream(rows -> rows.forEach(sink));
        });
    }

    public BattleSummary summarize(BattleFilter filter) {
        return sql.read(h -> where(h, "SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS max_id, MAX(created_at) AS latest, "
                + "COALESCE(SUM(weight), 0) AS total_weight FROM battles", filter, "")
                .map((rs, ctx) -> new BattleSummary(rs.getLong("n"), rs.getLong("max_id"),
                        Columns.instant(rs, "latest"), rs.getDouble("total_weight"))).one());
    }

    public long count(BattleFilter filter) {
        return summarize(filter).count();
    }

    /** The distinct sources of battles of this kind (null = any), sorted. */
    public List<String> sources(ContestantKind kind) {
        return distinct("source", kind);
    }

    /** The distinct non-null categories of battles of this kind (null = any), sorted. */
    public List<String> categories(ContestantKind kind) {
        return distinct("category", kind);
    }

    private List<String> distinct(String column, ContestantKind kind) {
        return sql.read(h -> where(h, "SELECT DISTINCT " + column + " FROM battles",
                BattleFilter.of(kind), " AND " + column + " IS NOT NULL ORDER BY " + column)
                .mapTo(String.class).list());
    }

    /** A query with the filter's conditions (always a WHERE clause, so {@code tail} may start with AND). */
    private static Query where(Handle h, String select, BattleFilter f, String tail) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (f.kind() != null) w.append(" AND kind = :kind");
        boolean prefix = f.source() != null && f.source().endsWith("*");
        if (f.source() != null) w.append(prefix ? " AND source LIKE :source ESCAPE '\\'" : " AND source = :source");
        if (f.category() != null) w.append(" AND category = :category");
        if (f.cutoff() != null) w.append(" AND created_at <= :cutoff");
        // one primary-key lookup per arena battle; other battles have no vote
        if (f.countedOnly()) {
            w.append(" AND (vote_id IS NULL OR NOT EXISTS (SELECT 1 FROM votes v WHERE v.round_id = battles.vote_id"
                    + " AND v.flag IS NOT NULL))");
        }
        Query q = h.createQuery(select + w + tail);
        if (f.kind() != null) q.bind("kind", f.kind().code());
        if (f.source() != null) q.bind("source", prefix ? likePrefix(f.source()) : f.source());
        if (f.category() != null) q.bind("category", f.category());
        if (f.cutoff() != null) q.bind("cutoff", f.cutoff().toEpochMilli());
        return q;
    }

    private static String likePrefix(String pattern) {
        String prefix = pattern.substring(0, pattern.length() - 1);
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private <S extends SqlStatement<S>> S bind(S st, BattleRow b) {
        Instant at = sql.stamp(b.createdAt());
        return bindStyles(st, b).bind("kind", b.kind().code()).bind("a", b.a()).bind("b", b.b())
                .bind("outcome", b.outcome()).bind("weight", b.weight()).bind("source", b.source())
                .bind("category", b.category()).bind("createdAt", at.toEpochMilli())
                .bind("voteId", b.voteId()).bind("externalKey", b.externalKey());
    }

    private static <S extends SqlStatement<S>> S bindStyles(S st, BattleRow b) {
        AnswerStyle sa = b.styleA();
        AnswerStyle sb = b.styleB();
        return st.bind("aTokens", sa == null ? null : sa.tokens()).bind("aHeaders", sa == null ? null : sa.headers())
                .bind("aLists", sa == null ? null : sa.listItems()).bind("aBold", sa == null ? null : sa.bold())
                .bind("bTokens", sb == null ? null : sb.tokens()).bind("bHeaders", sb == null ? null : sb.headers())
                .bind("bLists", sb == null ? null : sb.listItems()).bind("bBold", sb == null ? null : sb.bold());
    }

    static BattleRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BattleRow(rs.getLong("id"), ContestantKind.of(rs.getString("kind")), rs.getString("a"),
                rs.getString("b"), rs.getDouble("outcome"), rs.getDouble("weight"), rs.getString("source"),
                rs.getString("category"), Columns.instant(rs, "created_at"), style(rs, "a_"), style(rs, "b_"),
                rs.getString("vote_id"), rs.getString("external_key"));
    }

    private static AnswerStyle style(ResultSet rs, String p) throws SQLException {
        Double tokens = Columns.doubleOrNull(rs, p + "tokens");
        if (tokens == null) return null;
        return new AnswerStyle(tokens, rs.getDouble(p + "headers"), rs.getDouble(p + "lists"), rs.getDouble(p + "bold"));
    }
}
